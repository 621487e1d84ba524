"""Where a run of text puts ink, measured by shaping it with HarfBuzz in the book's own fonts.

Verse fitting needs each hemistich's advance and the side bearings at its two ends (an alef's ink
stops short of its advance box, a kasra can stick out of it); leading needs how far marks rise and
fall. Both are read from the glyph outlines after shaping (GSUB forms, GPOS mark offsets), in em of
the font size, so the layouts can use them at any size.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..source.fonts import FontSet


@dataclass(frozen=True)
class Ink:
    """A run's advance and ink, in em: `left`/`right` are the gaps between the advance box and the ink
    at each end (negative when ink sticks out), `top`/`bottom` the ink's reach above and below the baseline."""

    advance: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def width(self) -> float:
        """The width of the ink, from its leftmost to its rightmost point."""
        return self.advance - self.left - self.right


def measure(text: str, fonts: FontSet, *, kerning: bool = True, rtl: bool = True, tabular: bool = False) -> Ink:
    """Shape `text` (one line, no markup) as the layouts would and measure its ink: kerning as asked, and the
    proportional figures the stylesheets set for text (font-variant-numeric), or the tabular ones of tables.

    Each run is shaped with the regular face of the first family that draws it, as CSS font
    fallback picks it; runs are laid side by side in the line's direction.
    """
    import uharfbuzz as hb

    x = 0.0
    left, right, top, bottom = float("inf"), float("-inf"), 0.0, 0.0
    runs = _runs(text, fonts)
    for family, run in reversed(runs) if rtl else runs:
        font, upem = _font(fonts.regular(family).path)
        buffer = hb.Buffer()
        buffer.add_str(run)
        buffer.guess_segment_properties()
        hb.shape(font, buffer, _features(kerning, tabular))
        for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
            extents = font.get_glyph_extents(info.codepoint)
            if extents is not None and extents.width and extents.height:
                ink_x = x + (position.x_offset + extents.x_bearing) / upem
                ink_y = (position.y_offset + extents.y_bearing) / upem
                left, right = min(left, ink_x), max(right, ink_x + extents.width / upem)
                top, bottom = max(top, ink_y), max(bottom, -(ink_y + extents.height / upem))
            x += position.x_advance / upem
    if left > right:  # no ink at all: blanks only
        left = right = x / 2
    return Ink(x, left, x - right, top, bottom)


@dataclass(frozen=True)
class Shaped:
    """A run shaped in one face: its glyphs by name, in visual order, and its advance in em."""

    glyphs: tuple[str, ...]
    advance: float


def shape(text: str, path: Path, *, kerning: bool = True) -> Shaped:
    """Shape `text` (one run of one script, no markup) in the font file `path`, as Pango would."""
    import uharfbuzz as hb

    font, upem = _font(path)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, _features(kerning))
    glyphs = tuple(font.glyph_to_string(info.codepoint) for info in buffer.glyph_infos)
    return Shaped(glyphs, sum(position.x_advance for position in buffer.glyph_positions) / upem)


def _features(kerning: bool, tabular: bool = False) -> dict[str, bool]:
    """The OpenType features the layouts use: kerning as asked, proportional figures (book.css) but in tables."""
    return {"kern": kerning, "pnum": not tabular, "tnum": tabular}


def _runs(text: str, fonts: FontSet) -> list[tuple[str, str]]:
    """`text` cut where the family that draws it changes; characters no font draws (controls, ZWJ,
    isolates) stay with their neighbours."""
    runs: list[tuple[str, str]] = []
    for char in text:
        family = fonts.family_for(char) or (runs[-1][0] if runs else fonts.families[0])
        if runs and runs[-1][0] == family:
            runs[-1] = (family, runs[-1][1] + char)
        else:
            runs.append((family, char))
    return runs


@lru_cache(maxsize=16)
def _font(path: Path) -> tuple[Any, int]:
    """A HarfBuzz font for a font file (loaded once per process), and its units per em."""
    import uharfbuzz as hb

    face = hb.Face(hb.Blob.from_file_path(str(path)))
    return hb.Font(face), face.upem
