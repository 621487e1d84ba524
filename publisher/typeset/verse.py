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
  Browsers apply `word-spacing` exactly, so e-books use it (`stretch="word-spacing"`). A space grows by
  MAX_STRETCH at most: a hemistich far shorter than the column keeps its outer edge only.

Lengths are in em of the verse's font size, so they hold for any size the stylesheet picks. A verse
is a flex row that wraps: when the measure cannot take both columns, the ʿajuz goes under the ṣadr,
pushed to the other side (CSS in templates/*/book.css).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

from ..source.blockdir import strong_direction
from ..source.fonts import FontSet
from .ink import Ink, measure
from .kashida import TATWEEL, WORD, choose_joins

GAP = 2.0  # em between the two columns of a poem
# A poem whose two columns and gap pass the measure has its gap narrowed, down to MIN_GAP, then its type set smaller,
# down to MIN_SCALE of the text's, as dīwāns do, so that each verse keeps its line; past that the ʿajuz wraps.
# at 1 em, the gap of the Lāmiyya on A5 (11.5 pt) was narrower than its hemistichs' stretched word spaces (13.9 pt)
MIN_GAP = 1.5
MIN_SCALE = 0.85
ELONGATED = "data-elongated"  # a hemistich's words kashida elongated, as drawn (for the text layer)
# em of room left at a hemistich's inner edge, so that a hemistich that fits is never wrapped: Pango's line breaking
# took "بِيضُ الصَّفَائِحِ لَا سُودُ الصَّحَائِفِ فِي" for 0.037 em wider than it draws it, and sent "فِي" to a line of
# its own with 0.01 em of room (measured at 15.3 and 20 px; other hemistichs 0.0005 em). The ink still fills the column.
SLACK = 0.1
# em a word space of a hemistich may grow by at most. Metrical verse needs up to 1.22 em (Shawqi's "قُمْ لِلْمُعَلِّمِ
# وَفِّهِ التَّبْجِيلَا", three spaces, 3.7 em short of its column); a hemistich far shorter than the poem's longest (a
# line of free verse, a refrain) keeps its outer edge and leaves its inner edge ragged rather than open blanks of
# three em and more between its words.
MAX_STRETCH = 1.5

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


def fit_poems(
    body: str,
    fonts: FontSet,
    *,
    rtl: bool = True,
    kerning: bool = True,
    stretch: str = "spacers",
    kashida: bool = False,
    width: float | None = None,
) -> str:
    """Every poem of an XHTML body with its columns fitted (see the module docstring).

    `kerning` must match the stylesheet's `font-kerning`, or the measured
    widths are not the drawn ones. With `kashida`, a hemistich shorter than its column takes what it lacks
    in elongated joins first (typeset/kashida.py, as justified lines do) and the rest in its spaces. `width`,
    the measure in em of the text (print), lets a poem too wide for it be fitted (`fit_measure`).
    """
    typed = {word for word in WORD.findall(body) if TATWEEL in word} if kashida else None
    return _POEM.sub(lambda poem: _fit_poem(poem, fonts, rtl, kerning, stretch, typed, width), body)


def fit_measure(column: float, width: float | None) -> tuple[float, float]:
    """The gap between a poem's columns (em of its type) and the size of its type against the text's, for
    columns `column` em wide on a measure `width` em wide (None: any width)."""
    if width is None or 2 * column + GAP <= width:
        return GAP, 1.0
    room = width - SLACK  # what rounding may take
    if 2 * column + MIN_GAP <= room:
        return room - 2 * column, 1.0
    scale = room / (2 * column + MIN_GAP)
    return (MIN_GAP, scale) if scale >= MIN_SCALE else (GAP, 1.0)


def _fit_poem(
    poem: re.Match[str],
    fonts: FontSet,
    rtl: bool,
    kerning: bool,
    stretch: str,
    typed: set[str] | None,
    width: float | None,
) -> str:
    verses = list(_VERSE.finditer(poem["verses"]))
    if not verses:
        return poem[0]
    # an Arabic poem in a left-to-right book is set right to left all the same (its ṣadr had been set on the left,
    # its words left to right between the stretches); `dir` tells the style sheet
    attrs = poem["attrs"]
    first = next(filter(None, map(strong_direction, visible_text(poem["verses"]))), None)  # its first strong letter's
    if not rtl and first == "rtl" and "dir=" not in attrs:
        rtl, attrs = True, f'{attrs} dir="rtl"'

    ink = {
        half: measure(visible_text(half), fonts, kerning=kerning, rtl=rtl)
        for verse in verses
        for half in (verse["sadr"], verse["ajuz"])
    }
    column = max(i.width for i in ink.values())
    gap, scale = fit_measure(column, width)

    def fitted(fragment: str, part: str) -> str:
        words: list[str] = []
        laid = ink[fragment]
        if typed is not None:
            fragment, words = elongate_hemistich(fragment, column - laid.width - SLACK, fonts, typed)
            if words:
                laid = measure(visible_text(fragment), fonts, kerning=kerning, rtl=rtl)
        return _hemistich(fragment, laid, column, part, rtl, stretch, words, gap)

    def verse(match: re.Match[str]) -> str:
        sadr, ajuz = fitted(match["sadr"], "sadr"), fitted(match["ajuz"], "ajuz")
        return f'<div class="verse{match["classes"]}" style="width: {_em(2 * column + gap)}">{sadr} {ajuz}</div>\n'

    size = f' style="font-size: {scale:.4f}em"' if scale < 1 else ""
    return f'<div class="poem"{attrs}{size}>\n{_VERSE.sub(verse, poem["verses"])}</div>'


def elongate_hemistich(fragment: str, lack: float, fonts: FontSet, typed: set[str]) -> tuple[str, list[str]]:
    """A hemistich with tatweel at the best joins of its words, adding up to `lack` em at most (one join a
    word, typeset/kashida.py), and the words elongated, as drawn. A word cut by markup is left alone."""
    if lack <= 0 or not fonts.families:
        return fragment, []
    face = fonts.regular(fonts.families[0]).path
    parts = list(text_parts(fragment))
    found: list[tuple[int, int, str]] = []  # (part, offset, word) of each whole word
    starts, joined = [], ""
    for index, (part, is_text) in enumerate(parts):
        if is_text:
            starts.append((len(joined), index))
            joined += part
    for match in WORD.finditer(joined):
        start, index = max((s for s in starts if s[0] <= match.start()), default=(0, 0))
        if match.end() <= start + len(parts[index][0]):  # else the word is cut by markup
            found.append((index, match.start() - start, match[0]))
    chosen = choose_joins([(word, face, 1.0) for _, _, word in found], lack, typed)
    if not chosen:
        return fragment, []
    texts = [part for part, _ in parts]
    words = []
    for place, (join, count) in sorted(chosen.items(), key=lambda item: -found[item[0]][1]):
        index, offset, word = found[place]
        at = offset + join.at
        texts[index] = texts[index][:at] + TATWEEL * count + texts[index][at:]
        words.append(join.apply(word, count))
    return "".join(texts), words


def _hemistich(
    fragment: str,
    ink: Ink,
    column: float,
    part: str,
    rtl: bool,
    stretch: str,
    elongated: list[str] | None = None,
    gap: float = GAP,
) -> str:
    """One hemistich as a flex item a column and half the gap wide, its ink filling the column."""
    outer_is_right = (part == "sadr") == rtl
    outer, inner = ("right", "left") if outer_is_right else ("left", "right")
    outer_bearing, inner_bearing = (ink.right, ink.left) if outer_is_right else (ink.left, ink.right)
    margins = f"margin-{outer}: {_em(-outer_bearing)}; margin-{inner}: {_em(gap / 2 - inner_bearing - SLACK)}"
    spaces = _count_spaces(fragment)
    extra = min((column - ink.width) / spaces, MAX_STRETCH) if spaces else 0.0
    if stretch == "spacers" and extra > 0:
        spacer = f' <span class="stretch" style="width: {_em(extra)}"></span>'
        fragment = _in_text(fragment, lambda text: text.replace(" ", spacer))
    elif extra > 0:
        margins += f"; word-spacing: {_em(extra)}"
    words = f' {ELONGATED}="{" ".join(elongated)}"' if elongated else ""
    return (
        f'<span class="hemistich {part}" style="width: {_em(column + gap / 2)}">'
        f'<span class="text" style="{margins}"{words}>{fragment}</span></span>'
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
