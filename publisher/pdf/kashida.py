"""Kashida justification (`[pdf] justify = "kashida"`): justified lines take part of their slack in elongated
letter joins, the rest in their spaces, with exactly the line breaks of the space-justified text.

WeasyPrint justifies a line by widening its spaces. The book is laid out once, as it is; then, before it is
drawn, each line of a body paragraph that WeasyPrint justified (never a paragraph's last line, nor a line
before a forced break: it has no slack) is read from the layout: its words, the face and size each is drawn
in, and its slack (WeasyPrint's `justification_spacing` times the line's spaces, once justified.py has made
it what Pango draws). typeset/kashida.py chooses
the joins of its words to elongate with tatweel (U+0640) and measures them with HarfBuzz; the text boxes that
hold them get their new text, shaped by Pango, and the line is justified again with the slack that is left:
the spaces shrink by what the joins took, the boxes after a longer one move along, and the line keeps its
width. No line is laid out again, so none can break elsewhere, and no page can change.

Headings, captions, table cells, notes and the other classed paragraphs are not paragraphs of the body (plain
`<p>` of running text), and Latin, digits and code hold no Arabic word: none of them is touched; nor is an Arabic
word set left to right, an address's ("…/wiki/الجزائر").

The tatweels are drawn, not text: the text layer gives each elongated word its text as typed (textlayer.py,
with the `elongated` words `justify` returns), so that copying and searching find the words.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..source.fonts import FontSet
from ..typeset.ink import shape
from ..typeset.kashida import TATWEEL, WORD, choose_joins, has_tatweel
from ..typeset.verse import ELONGATED
from .justified import respace, stretched_width, text_boxes

ATTRIBUTE = "data-kashida"
SAFETY = 0.02  # em left to the spaces of each line, so that rounding never makes an elongated line overflow
# of its width, what a space of a line that tatweel fills gives up: the words sit closer and the joins take the
# rest, as a scribe sets them (the widest gaps left were the spaces' own: 0.45 em beside "١")
AIM = 0.1
MIN_SPACE = 0.8  # of its width, what a space keeps at least when the last tatweel passes the slack (InDesign's default)

# a plain paragraph, or one whose marks asked for more leading (typeset/leading.py): all vocalised ones were left
# out ("عمّان" in a paragraph of news, and no line of it had kashida)
_PARAGRAPH = re.compile(r'<p( style="line-height: [0-9.]+")?>(.*?)</p>', re.DOTALL)
_VERSE_WORDS = re.compile(rf'{ELONGATED}="([^"]*)"')
_LOG = logging.getLogger("weasyprint.kashida")  # collected with WeasyPrint's warnings (builder/pool.py)


def elongated_verse(html: str) -> dict[str, str]:
    """The words kashida elongated in the book's hemistichs (typeset/verse.py), as drawn → as typed."""
    return {word: word.replace(TATWEEL, "") for words in _VERSE_WORDS.findall(html) for word in words.split()}


def number_paragraphs(html: str) -> str:
    """Give each plain `<p>` of the book a number, by which its lines are found in the layout."""
    numbers = iter(range(1 << 30))
    return _PARAGRAPH.sub(lambda p: f'<p {ATTRIBUTE}="{next(numbers)}"{p[1] or ""}>{p[2]}</p>', html)


@dataclass
class Word:
    """A word of a line: its text, the text box it is in and where, the face it is drawn in (None: never
    elongated) and the font size in px."""

    text: str
    box: Any
    start: int
    font: Path | None
    size: float


@dataclass
class Line:
    """A line of a paragraph in the layout: its box, its words, and the slack justification gave its spaces."""

    box: Any
    words: list[Word] = field(default_factory=list)
    slack: float = 0.0
    spaces: int = 0
    size: float = 0.0


def justify(document: Any, html: str, fonts: FontSet) -> dict[str, str]:
    """Elongate the justified lines of `document` (laid out from `number_paragraphs(html)`) in place; returns
    each elongated word as drawn with its text as typed. Falls back to spaces (with a warning) when the book's
    first family has no tatweel glyph."""
    if not fonts.families or not has_tatweel(fonts.regular(fonts.families[0]).path):
        _LOG.warning("kashida justification: %s has no tatweel (U+0640); justified with spaces", fonts.families[0])
        return {}
    typed = {word for word in WORD.findall(html) if TATWEEL in word}
    elongated: dict[str, str] = {}
    for paragraph in read_paragraphs(document, fonts).values():
        for line in paragraph[:-1]:
            counts = plan(line, typed)
            if counts:
                elongated.update(elongate(line, counts))
    return elongated


def plan(line: Line, typed: set[str]) -> dict[int, tuple[int, int]]:
    """The tatweels a justified line takes, by the number of the word on the line: (index in the word, count);
    what they add fills the line's slack, passing it by no more than its spaces may give up."""
    if line.slack <= 0 or not line.size or not line.spaces:
        return {}
    words = [(word.text, word.font, word.size) for word in line.words]
    aim = AIM * _spaces_width(line)
    chosen = choose_joins(words, line.slack - SAFETY * line.size + aim, typed, max(0.0, shrinkable(line) - aim))
    return {place: (found.at, count) for place, (found, count) in chosen.items()}


def shrinkable(line: Line) -> float:
    """How much the spaces of a line may give up for the tatweel that fills its slack: each keeps MIN_SPACE of
    its width, less the safety margin."""
    return max(0.0, (1 - MIN_SPACE) * _spaces_width(line) - SAFETY * line.size)


def _spaces_width(line: Line) -> float:
    """The width of a line's spaces as the font sets them (in the face of the line's first word that has one)."""
    face = next((word.font for word in line.words if word.font is not None), None)
    return 0.0 if face is None else line.spaces * _space(face) * line.size


@lru_cache(maxsize=16)
def _space(face: Path) -> float:
    """The advance of a space in a font file, in em."""
    return shape(" ", face).advance


def elongate(line: Line, counts: dict[int, tuple[int, int]]) -> dict[str, str]:
    """Put the planned tatweels into the line's text boxes and justify it again with the slack left; returns
    the elongated words (as drawn → as typed). A line whose joins, as Pango shapes them, would take more than
    its slack and what its spaces may give up is left as it was."""
    from weasyprint.formatting_structure import boxes

    texts: dict[int, str] = {}
    elongated: dict[str, str] = {}
    by_box: dict[int, list[tuple[int, str]]] = {}
    for place, (at, count) in counts.items():
        word = line.words[place]
        by_box.setdefault(id(word.box), []).append((word.start + at, TATWEEL * count))
        elongated[word.text[:at] + TATWEEL * count + word.text[at:]] = word.text
    gain = 0.0
    for word in line.words:
        inserts = by_box.pop(id(word.box), None)
        if inserts is None:
            continue
        text = word.box.text
        for offset, tatweels in sorted(inserts, reverse=True):
            text = text[:offset] + tatweels + text[offset:]
        texts[id(word.box)] = text
        gain += stretched_width(text, word.box.style) - stretched_width(word.box.text, word.box.style)
    if gain <= 0 or gain > line.slack + shrinkable(line):
        return {}
    spacing = (line.slack - gain) / line.spaces  # what each space keeps of the slack
    respace(line.box, spacing, boxes, texts)
    return elongated


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
    line = Line(line_box, size=line_box.style["font_size"])
    texts = list(text_boxes(line_box, boxes))
    for index, box in enumerate(texts):
        text = box.text
        line.spaces += text.count(" ") + text.count("\u00a0")
        if box.justification_spacing:
            line.slack = box.justification_spacing  # per space; times the spaces below
        # an Arabic word set left to right is an address's (or in a left-to-right phrase): never elongated
        font = _face(box.style, fonts) if box.style["direction"] == "rtl" else None
        before = texts[index - 1].text[-1:] if index else ""
        after = texts[index + 1].text[:1] if index + 1 < len(texts) else ""
        for word in WORD.finditer(text):
            # a word cut by markup ("<b>ال</b>كتاب") is measured in pieces: never elongated
            cut = (word.start() == 0 and WORD.match(before)) or (word.end() == len(text) and WORD.match(after))
            line.words.append(Word(word[0], box, word.start(), None if cut else font, box.style["font_size"]))
    line.slack *= line.spaces
    return line


def _face(style: Any, fonts: FontSet) -> Path | None:
    """The font file a text box is drawn in, when it is the book's first family with normal letter spacing."""
    families = [family for family in style["font_family"] if family in fonts.every_family]
    if not families or families[0] != fonts.families[0] or style["letter_spacing"] != "normal":
        return None
    italic = style["font_style"] != "normal"
    faces = [face for face in fonts.faces if face.family == families[0]]
    best = min(faces, key=lambda f: ((f.style != "normal") != italic, abs(f.weight - style["font_weight"])))
    return best.path
