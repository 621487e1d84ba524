"""Verse set as verse: each poem's hemistichs fitted to two columns of equal width, edges aligned.

The reader marks a poem up without geometry (source/poem.py). Here each hemistich is measured with
HarfBuzz (typeset/ink.py) and the poem gets its column width, the width of its widest hemistich's
ink, so that no verse needs stretching more than the poem's own lines call for. Every hemistich is
then made to fill its column exactly, ink edge to ink edge:

- its side bearings are cancelled by negative margins on an inner span, so the ink, not the advance
  box, meets the column's edges (an alef and a kasra do not end where their boxes do);
- the difference between its ink and the column is spread over its word spaces. WeasyPrint 70's
  `word-spacing` and `text-align-last: justify` go through Pango letter spacing, which put half a
  space's worth at the line's start on some lines (edges off by 2-6 pt, measured); an empty
  inline-block after each space (`stretch="spacers"`, for print) adds exactly what it is given.
  Browsers apply `word-spacing` exactly, so e-books use it (`stretch="word-spacing"`).

Lengths are in em of the verse's font size, so they hold for any size the stylesheet picks. A verse
is a flex row that wraps: when the measure cannot take both columns, the ʿajuz goes under the ṣadr,
pushed to the other side (CSS in templates/*/book.css).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

from ..source.fonts import FontSet
from .ink import Ink, measure

GAP = 2.0  # em between the two columns of a poem
SLACK = 0.01  # em of room left at a hemistich's inner edge, so rounding never wraps a line that fits

_POEM = re.compile(
    r'<div class="poem"(?P<attrs>[^>]*)>\n(?P<verses>(?:<div class="verse[^"]*">.*?</div>\n)+)</div>', re.DOTALL
)
_VERSE = re.compile(
    r'<div class="verse(?P<classes>[^"]*)"><span class="hemistich sadr">(?P<sadr>.*?)</span> '
    r'<span class="hemistich ajuz">(?P<ajuz>.*?)</span></div>\n',
    re.DOTALL,
)
_NOTE_STARTS = ('<span class="footnote"', '<sup class="footnote-ref"')  # a note's call and text (print)
_TAG = re.compile(r"(<[^>]*>)")


def fit_poems(body: str, fonts: FontSet, *, rtl: bool = True, kerning: bool = True, stretch: str = "spacers") -> str:
    """Every poem of an XHTML body with its columns fitted (see the module docstring).

    `kerning` must match the stylesheet's `font-kerning`, or the measured
    widths are not the drawn ones.
    """
    return _POEM.sub(lambda poem: _fit_poem(poem, fonts, rtl, kerning, stretch), body)


def _fit_poem(poem: re.Match[str], fonts: FontSet, rtl: bool, kerning: bool, stretch: str) -> str:
    verses = list(_VERSE.finditer(poem["verses"]))
    if not verses:
        return poem[0]
    ink = {
        half: measure(visible_text(half), fonts, kerning=kerning, rtl=rtl)
        for verse in verses
        for half in (verse["sadr"], verse["ajuz"])
    }
    column = max(i.width for i in ink.values())

    def verse(match: re.Match[str]) -> str:
        sadr = _hemistich(match["sadr"], ink[match["sadr"]], column, "sadr", rtl, stretch)
        ajuz = _hemistich(match["ajuz"], ink[match["ajuz"]], column, "ajuz", rtl, stretch)
        return f'<div class="verse{match["classes"]}" style="width: {_em(2 * column + GAP)}">{sadr} {ajuz}</div>\n'

    return f'<div class="poem"{poem["attrs"]}>\n{_VERSE.sub(verse, poem["verses"])}</div>'


def _hemistich(fragment: str, ink: Ink, column: float, part: str, rtl: bool, stretch: str) -> str:
    """One hemistich as a flex item a column and half the gap wide, its ink filling the column."""
    outer_is_right = (part == "sadr") == rtl
    outer, inner = ("right", "left") if outer_is_right else ("left", "right")
    outer_bearing, inner_bearing = (ink.right, ink.left) if outer_is_right else (ink.left, ink.right)
    margins = f"margin-{outer}: {_em(-outer_bearing)}; margin-{inner}: {_em(GAP / 2 - inner_bearing - SLACK)}"
    spaces = _count_spaces(fragment)
    extra = (column - ink.width) / spaces if spaces else 0.0
    if stretch == "spacers" and extra > 0:
        spacer = f' <span class="stretch" style="width: {_em(extra)}"></span>'
        fragment = _in_text(fragment, lambda text: text.replace(" ", spacer))
    elif extra > 0:
        margins += f"; word-spacing: {_em(extra)}"
    return (
        f'<span class="hemistich {part}" style="width: {_em(column + GAP / 2)}">'
        f'<span class="text" style="{margins}">{fragment}</span></span>'
    )


def visible_text(fragment: str) -> str:
    """The text of an XHTML fragment as drawn on the line: tags dropped, entities decoded, notes left out."""
    return html.unescape("".join(part for part, is_text in text_parts(fragment) if is_text))


def _count_spaces(fragment: str) -> int:
    return sum(part.count(" ") for part, is_text in text_parts(fragment) if is_text)


def _in_text(fragment: str, change: Callable[[str], str]) -> str:
    """Apply `change` to the text between tags only (never inside a tag or a note)."""
    return "".join(change(part) if is_text else part for part, is_text in text_parts(fragment))


def text_parts(fragment: str) -> Iterator[tuple[str, bool]]:
    """The pieces of a fragment, each with whether it is text of the line (not a tag, not inside a note)."""
    depth = 0
    for part in _TAG.split(fragment):
        if not part.startswith("<"):
            yield part, depth == 0
            continue
        if depth or part.startswith(_NOTE_STARTS):
            if part.startswith("</"):
                depth -= 1
            elif not part.endswith("/>"):
                depth += 1
        yield part, False


def _em(value: float) -> str:
    return f"{value:.4f}em".replace("-0.0000em", "0.0000em")
