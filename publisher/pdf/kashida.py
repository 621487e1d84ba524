"""Kashida justification (`[pdf] justify = "kashida"`): justified lines take part of their slack in elongated
letter joins, the rest in their spaces, with the line breaks of the space-justified text.

WeasyPrint justifies by widening spaces. So the book is laid out once as it is; each paragraph's lines are
read from the layout (their words, and the slack WeasyPrint gave the spaces: its `justification_spacing`
times the line's spaces); each justified line, never a paragraph's last, gets tatweel (U+0640) at the best
joins of its words (typeset/kashida.py chooses them and measures them with HarfBuzz in the face the layout
used), up to the slack less what its spaces keep (KEEP); the text is laid out again and WeasyPrint gives the
spaces what is left. An elongated line is never wider than before it was justified, so it breaks where it
did. The second layout is read back: a paragraph whose breaks moved anyway (WeasyPrint 70 breaks some lines
holding a left-to-right run after their first word, in the first layout or the second) keeps its new lines
if they are fewer and its last line is not elongated, else loses its elongations, and then the text is laid
out a third time. A paragraph whose words the layout and the markup do not give alike is left alone.
Headings, captions, table cells and notes are not paragraphs of the body (`<p>` of running text), and Latin,
digits and code hold no Arabic word: none of them is touched.

The tatweels are drawn, not text: the text layer gives each elongated word its text as typed (textlayer.py,
with the `elongated` words this returns), so that copying and searching find the words.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..source.fonts import FontSet
from ..typeset.kashida import TATWEEL, WORD, Candidate, allocate, has_tatweel, stretch
from ..typeset.verse import text_parts

ATTRIBUTE = "data-kashida"
KEEP = 0.0  # em a justified space keeps beyond its natural width before joins take the rest
BEFORE_INLINE = 1.0  # em more left free on a line before an inline box (measured: see justify)
SAFETY = 0.02  # em left free on each line, so that rounding never makes an elongated line overflow

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_NUMBERED = re.compile(rf'<p {ATTRIBUTE}="(\d+)">(.*?)</p>', re.DOTALL)
_LOG = logging.getLogger("weasyprint.kashida")  # collected with WeasyPrint's warnings (builder/pool.py)


def number_paragraphs(html: str) -> str:
    """Give each plain `<p>` of the book a number, by which its lines are found in the layout."""
    numbers = iter(range(1 << 30))
    return _PARAGRAPH.sub(lambda p: f'<p {ATTRIBUTE}="{next(numbers)}">{p[1]}</p>', html)


@dataclass
class Line:
    """A line of a paragraph in the layout: its words (with the font file each is drawn in, None for a word
    that must not be elongated and the font size in px), the slack justification gave its spaces, in px."""

    words: list[tuple[str, Path | None, float]] = field(default_factory=list)
    slack: float = 0.0
    spaces: int = 0
    size: float = 0.0
    opens_inline: bool = False  # the line starts with an inline box (a left-to-right run, emphasis)


def justify(html: str, layout: Callable[[str], Any], fonts: FontSet) -> tuple[Any, dict[str, str]]:
    """Lay `html` out with kashida justification: the document, and each elongated word with its text as typed.

    `layout` renders HTML to a WeasyPrint document. Falls back to spaces (with a warning) when the book's
    first family has no tatweel glyph."""
    html = number_paragraphs(html)
    document = layout(html)
    if not fonts.families or not has_tatweel(fonts.regular(fonts.families[0]).path):
        _LOG.warning("kashida justification: %s has no tatweel (U+0640); justified with spaces", fonts.families[0])
        return document, {}
    lines = read_paragraphs(document, fonts)
    typed = {word for p in _NUMBERED.finditer(html) for word in WORD.findall(p[2]) if TATWEEL in word}
    sources = {int(p[1]): [word for _, word in html_words(p[2])] for p in _NUMBERED.finditer(html)}
    edits = {
        number: plan(paragraph, typed)
        for number, paragraph in lines.items()
        if [word for line in paragraph for word, *_ in line.words] == sources.get(number)  # else: not safe to map
    }
    edits = {number: edit for number, edit in edits.items() if edit}
    if not edits:
        return document, {}
    elongated_html, elongated = elongate(html, edits)
    document = layout(elongated_html)
    moved = {
        number
        for number, paragraph in read_paragraphs(document, fonts).items()
        if number in edits and not _kept(paragraph, lines[number])
    }
    if not moved:
        return document, elongated
    # Those paragraphs as they were; the others keep their lines, which do not depend on them.
    elongated_html, elongated = elongate(html, {n: edit for n, edit in edits.items() if n not in moved})
    return layout(elongated_html), elongated


def _kept(paragraph: list[Line], before: list[Line]) -> bool:
    """Whether an elongated paragraph kept its breaks, or lost a line (WeasyPrint 70 breaks some lines holding a
    left-to-right run after their first word, a line of one word; elongated, the line can take its neighbour's
    words back) without elongating its new last line."""
    if _breaks(paragraph) == _breaks(before):
        return True
    return len(paragraph) < len(before) and not any(TATWEEL in word for word, *_ in paragraph[-1].words)


def _breaks(lines: list[Line]) -> list[int]:
    return [len(line.words) for line in lines]


def plan(paragraph: list[Line], typed: set[str]) -> dict[int, tuple[int, int]]:
    """For a paragraph's lines: the tatweels to insert, by the number of the word in the paragraph:
    (index in the word, count). The last line is left as it is, and so is any line with no slack."""
    chosen: dict[int, tuple[int, int]] = {}
    if any(len(line.words) == 1 and not line.spaces for line in paragraph[:-1]):
        return chosen  # WeasyPrint 70 broke a line after one word (before a left-to-right run): elongated, it moves
    number = 0
    for index, line in enumerate(paragraph):
        first, number = number, number + len(line.words)
        if index == len(paragraph) - 1 or line.slack <= 0 or not line.size:
            continue
        target = line.slack - (line.spaces * KEEP + SAFETY) * line.size
        if paragraph[index + 1].opens_inline:  # WeasyPrint 70 may break such a line anew, after one word
            target -= BEFORE_INLINE * line.size
        candidates = []
        stretches = {}
        for place, (word, font, size) in enumerate(line.words):
            found = stretch(word, font) if font is not None else None
            if found is None or any(found.apply(word, n) in typed for n in range(1, 4)):
                continue
            stretches[place] = found
            candidates.append(Candidate(place, found.rank, tuple(g * size for g in found.gains)))
        for place, count in allocate(candidates, target).items():
            chosen[first + place] = (stretches[place].at, count)
    return chosen


def elongate(html: str, edits: dict[int, dict[int, tuple[int, int]]]) -> tuple[str, dict[str, str]]:
    """`html` with the planned tatweels inserted (by paragraph number, then word number), and each elongated
    word with its text as typed."""
    elongated: dict[str, str] = {}

    def paragraph(match: re.Match[str]) -> str:
        edit = edits.get(int(match[1]))
        if not edit:
            return match[0]
        inner, out, last = match[2], [], 0
        for number, (start, word) in enumerate(html_words(inner)):
            if number in edit:
                at, count = edit[number]
                out += [inner[last : start + at], TATWEEL * count]
                last = start + at
                elongated[word[:at] + TATWEEL * count + word[at:]] = word
        out.append(inner[last:])
        return f'<p {ATTRIBUTE}="{match[1]}">{"".join(out)}</p>'

    return _NUMBERED.sub(paragraph, html), elongated


def html_words(inner: str) -> Iterator[tuple[int, str]]:
    """The Arabic words of a paragraph's markup as the layout draws them in its lines (notes left out): their
    offsets in `inner` and their text."""
    offset = 0
    for part, is_text in text_parts(inner):
        if is_text:
            for word in WORD.finditer(part):
                yield offset + word.start(), word[0]
        offset += len(part)


def read_paragraphs(document: Any, fonts: FontSet) -> dict[int, list[Line]]:
    """The lines of every numbered paragraph of a laid-out document, pages in order."""
    from weasyprint.formatting_structure import boxes

    paragraphs: dict[int, list[Line]] = {}
    for page in document.pages:
        for box in page._page_box.descendants():
            if not isinstance(box, boxes.BlockBox) or box.element_tag != "p" or box.element is None:
                continue
            number = box.element.get(ATTRIBUTE)
            if number is None:
                continue
            lines = paragraphs.setdefault(int(number), [])
            for child in box.children:
                if isinstance(child, boxes.LineBox):
                    lines.append(_read_line(child, fonts, boxes))
    return paragraphs


def _read_line(line_box: Any, fonts: FontSet, boxes: Any) -> Line:
    line = Line(size=line_box.style["font_size"])
    flowing = [child for child in line_box.children if child.is_in_normal_flow()]
    line.opens_inline = bool(flowing) and not isinstance(flowing[0], boxes.TextBox)
    texts = [box for box in _text_boxes(line_box, boxes)]
    for index, box in enumerate(texts):
        text = box.text
        line.spaces += text.count(" ") + text.count("\u00a0")
        if box.justification_spacing:
            line.slack = box.justification_spacing  # per space; times the spaces below
        font = _face(box.style, fonts)
        before = texts[index - 1].text[-1:] if index else ""
        after = texts[index + 1].text[:1] if index + 1 < len(texts) else ""
        for word in WORD.finditer(text):
            # a word cut by markup ("<b>ال</b>كتاب") is measured in pieces: never elongated
            cut = (word.start() == 0 and WORD.match(before)) or (word.end() == len(text) and WORD.match(after))
            line.words.append((word[0], None if cut else font, box.style["font_size"]))
    line.slack *= line.spaces
    return line


def _text_boxes(box: Any, boxes: Any) -> Iterator[Any]:
    """The text boxes of a line in the order of the text, floated and positioned boxes (notes) left out."""
    for child in box.children:
        if isinstance(child, boxes.TextBox):
            yield child
        elif isinstance(child, boxes.InlineBox) and child.is_in_normal_flow():
            yield from _text_boxes(child, boxes)


def _face(style: Any, fonts: FontSet) -> Path | None:
    """The font file a text box is drawn in, when it is the book's first family with normal letter spacing."""
    families = [family for family in style["font_family"] if family in fonts.every_family]
    if not families or families[0] != fonts.families[0] or style["letter_spacing"] != "normal":
        return None
    italic = style["font_style"] != "normal"
    faces = [face for face in fonts.faces if face.family == families[0]]
    best = min(faces, key=lambda f: ((f.style != "normal") != italic, abs(f.weight - style["font_weight"])))
    return best.path
