"""Justified lines drawn exactly as wide as they were laid out.

WeasyPrint measures a line's text shaped as one run, then justifies the line by giving its spaces Pango
letter spacing, and Pango shapes each stretched space apart from its neighbours: the font's kerns against
the space count in the width measured and not in the width drawn. Amiri pulls an initial kāf 0.24 em into
the space after "ة" ("بقراءة كتاب"), and a justified line holding that pair was drawn 3.7 px wider than laid
out: past the right margin (2.8 pt on the seed's pages) or into the run beside it ("Stack Overflow" in a
line of Arabic, whose space PDFium then lost).

So, before the book is drawn, every justified line's text boxes are shaped as they will be drawn, and a
line drawn wider or narrower than its boxes gets its spaces justified again (`respace`), the boxes after a
changed one moved along, the line's width kept. Lines whose spaces are not stretched are drawn as laid out,
kerns and all. Laying the whole text out with a word spacing too small to see would measure every run as
drawn too, but made the layout of a 300-page book a third slower (measured); this costs one shaping of each
justified text box.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

TOLERANCE = 0.01  # px a line may be drawn wider or narrower than laid out before it is justified again
PROBE = 1.0  # px added to each space to measure a text as a justified line draws it


def fit_justified(document: Any) -> int:
    """Justify again, in place, each line of a laid out WeasyPrint document that Pango would draw wider or
    narrower than laid out; returns how many lines changed."""
    from weasyprint.formatting_structure import boxes

    changed = 0
    for page in document.pages:
        for box in page._page_box.descendants():
            if isinstance(box, boxes.LineBox) and _fit(box, boxes):
                changed += 1
    return changed


def _fit(line: Any, boxes: Any) -> bool:
    stretched = [box for box in text_boxes(line, boxes) if box.justification_spacing and spaces(box.text)]
    if not stretched:
        return False
    spacing = stretched[0].justification_spacing
    naturals = {id(box): drawn_width(box.text, box.style, spacing) - spacing * spaces(box.text) for box in stretched}
    excess = sum(naturals[id(box)] + spacing * spaces(box.text) - box.width for box in stretched)
    if abs(excess) <= TOLERANCE:
        return False
    respace(line, spacing - excess / sum(spaces(box.text) for box in stretched), boxes, naturals=naturals)
    return True


def respace(
    box: Any,
    spacing: float,
    boxes: Any,
    texts: dict[int, str] | None = None,
    naturals: dict[int, float] | None = None,
    advance: float = 0.0,
) -> float:
    """WeasyPrint's `add_word_spacing` once more, over a justified line (or a box of it): each text box gets its
    new text from `texts` (if any) and `spacing` for its spaces, its width its natural width (from `naturals`,
    else as laid out, else `stretched_width` for a new text) and its spaces; every box moves by what the boxes
    before it (left to right) grew. Returns how far the boxes after `box` move."""
    from weasyprint.text.line_break import create_layout

    texts = texts or {}
    naturals = naturals or {}
    if isinstance(box, boxes.TextBox):
        count = spaces(box.text)
        text = texts.get(id(box), box.text)
        if not count and text == box.text:
            box.position_x += advance
            return advance
        natural = naturals.get(id(box), box.width - box.justification_spacing * count)
        if text != box.text:
            natural = stretched_width(text, box.style)
        layout = create_layout(text, box.style, None, max_width=None, justification_spacing=spacing)
        layout.deactivate()
        old = box.width
        box.text, box.pango_layout, box.justification_spacing = text, layout, spacing
        box.width = natural + spacing * spaces(text)
        box.position_x += advance
        return advance + box.width - old
    if isinstance(box, boxes.LineBox | boxes.InlineBox):
        box.position_x += advance
        before = advance
        children = box.children[::-1] if box.style["direction"] == "rtl" else box.children
        for child in children:
            if child.is_in_normal_flow():
                advance = respace(child, spacing, boxes, texts, naturals, advance)
        box.width += advance - before
        return advance
    box.translate(advance, 0)  # an atomic inline box
    return advance


def stretched_width(text: str, style: Any) -> float:
    """The width of `text` on one line without its justification, as Pango draws it on a justified line: each
    space shaped apart from its neighbours (the width drawn with any spacing, less that spacing)."""
    return drawn_width(text, style, PROBE) - PROBE * spaces(text)


def drawn_width(text: str, style: Any, spacing: float) -> float:
    """The width of `text` on one line as Pango draws it in `style` with `spacing` added to each space (0: the
    text's natural width, shaped as one run)."""
    from weasyprint.text.line_break import Layout, line_size

    layout = Layout(style, spacing)
    layout.set_text(text, justify=True)
    first, _ = layout.get_first_line()
    width, _ = line_size(first, style)
    layout.deactivate()
    return float(width)


def spaces(text: str) -> int:
    """The spaces of a text that justification stretches (WeasyPrint's `count_expandable_spaces`)."""
    return text.count(" ") + text.count("\u00a0")


def text_boxes(box: Any, boxes: Any) -> Iterator[Any]:
    """The text boxes of a line in the order of the text, floated and positioned boxes (notes) left out."""
    for child in box.children:
        if isinstance(child, boxes.TextBox):
            yield child
        elif isinstance(child, boxes.InlineBox) and child.is_in_normal_flow():
            yield from text_boxes(child, boxes)
