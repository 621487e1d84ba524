"""Figures on the printed page: each image no taller than a page leaves it beside its caption.

`break-inside: avoid` keeps a figure and its caption together only while both fit one page: a
figure taller than the page is split anyway, its caption carried over to the next (WeasyPrint 70,
measured). So each image gets a `max-height` of the page area (100vh, the text block in WeasyPrint)
less the room its caption takes. That room is counted, not guessed: the caption is shaped with
HarfBuzz in the book's fonts (typeset/ink.py), and a line broken before a word that does not fit
is at least the measure less the longest word long, so `advance / (measure - longest word)` lines,
rounded up, is as many as the caption can need.
"""

from __future__ import annotations

import html
import math
import re

from ..source.fonts import FontSet
from ..typeset.ink import measure

# What book.css gives figures, in rem of the body size (a book.css that changes them should change these):
CAPTION_SIZE, CREDIT_SIZE, CAPTION_LEADING = 0.83, 0.7, 1.45  # figcaption, .credit; line-height
FIGURE_MARGINS = 2 + 0.5 * CAPTION_SIZE  # 1em above and below the figure, 0.5em above the caption
SLACK = 2.0  # pt, for rounding in the layout

_FIGURE = re.compile(r'<figure class="figure">.*?</figure>', re.DOTALL)
_IMG = re.compile(r"<img\b")
_SPAN = re.compile(r'<span class="(caption|credit)">(.*?)</span>(?=<span class="credit">|</figcaption>)', re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")
_CONTROLS = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u200e\u200f\u2060\u200b"))


def fit_figures(body: str, fonts: FontSet, text_width: float, body_size: float, rtl: bool) -> str:
    """`body` with each figure's image limited in height so that image and caption fit one page
    (`text_width`: the measure, `body_size` the body type's size, in pt: pdf/pagetype.py)."""

    def fitted(figure: re.Match[str]) -> str:
        room = FIGURE_MARGINS * body_size + SLACK
        for kind, markup in _SPAN.findall(figure[0]):
            size = (CAPTION_SIZE if kind == "caption" else CREDIT_SIZE) * body_size
            room += caption_lines(visible_text(markup), fonts, text_width / size, rtl) * size * CAPTION_LEADING
        style = f' style="max-height: calc(100vh - {room:.1f}pt)"'
        return _IMG.sub(lambda img: img[0] + style, figure[0], count=1)

    return _FIGURE.sub(fitted, body)


def caption_lines(text: str, fonts: FontSet, width_em: float, rtl: bool) -> int:
    """As many lines as `text` can take across `width_em` (the measure in em of its size)."""
    words = text.split()
    if not words:
        return 0
    longest = max(measure(word, fonts, rtl=rtl).advance for word in words)
    usable = width_em - longest
    if usable <= 0:  # a word as wide as the measure: a line a word
        return len(words)
    return max(1, math.ceil(measure(" ".join(words), fonts, rtl=rtl).advance / usable))


def visible_text(markup: str) -> str:
    """The text of `markup` as a reader sees it: no tags, entities read, no bidi or break controls."""
    return html.unescape(_TAGS.sub("", markup)).translate(_CONTROLS)
