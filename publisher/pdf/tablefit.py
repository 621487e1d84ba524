"""Tables on the printed page: none wider than the measure.

WeasyPrint lays a table out no narrower than the sum of its columns' narrowest widths, each the widest word a cell of
the column cannot break (its min-content width), whatever the measure. A tender's table of seven columns (project
codes, costs of thirteen digits, "١٨٠ يومًا") on A4 ran 115 pt past the text block, through the margin and the bleed,
and its prose columns were set a word a line; a pharmacy's price list on A6 ran into the margin. So each table whose
columns' narrowest widths (shaped with HarfBuzz in the book's fonts, tabular figures as tables have them:
typeset/ink.py), with the cells' padding and rules, come to more than the measure is set smaller: at the largest of
SCALES that fits, else at the smallest. Those that fit are left as they are.
"""

from __future__ import annotations

import re

from ..source.fonts import FontSet
from ..typeset.ink import measure
from .figures import visible_text

# What book.css gives a table's cells, in em of the table's size: padding on each side, and the rule between them
PADDING, RULE = 0.6, 0.5  # em, pt
HEAD = 1.08  # a head cell is bold: Amiri Bold's words are up to this much wider than the regular face's
CODE = 1.1  # a word of code: its monospace face at its size (book.css) against the text's
SLACK = 0.97  # of the measure: what the shaping here may miss (kerning across runs, rounding)
SCALES = (0.92, 0.85, 0.78, 0.72, 0.66, 0.6)  # the sizes a table is tried at, of the text's

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<(t[hd])\b[^>]*>(.*?)</t[hd]>", re.DOTALL)
_CODE = re.compile(r"<code\b[^>]*>(.*?)</code>", re.DOTALL)
# where a cell's line may break: a space (a break point of pdf/addresses.py is read as one, _words), and after a slash
# or a hyphen before a letter ("Amoxicillin/Clavulanate"); not at a no-break space ("١٨٠ يومًا", "$ ١٢٬٥٠٠")
_BREAKS = re.compile(r"[ \t\n]+|(?<=[/\-])(?=[^\W\d_])")


def fit_tables(body: str, fonts: FontSet, text_width: float, body_size: float, rtl: bool) -> str:
    """`body` with each table too wide for the measure (`text_width`, in pt, at `body_size`) set smaller."""

    def fitted(table: re.Match[str]) -> str:
        narrowest = min_width(table[0], fonts, rtl)  # in em of the table's size, the rules aside
        columns = max((len(_CELL.findall(row)) for row in _ROW.findall(table[0])), default=0)
        rules = (columns + 1) * RULE

        def fits(scale: float) -> bool:
            return narrowest * scale * body_size + rules <= text_width * SLACK

        if fits(1.0):
            return table[0]
        scale = next((scale for scale in SCALES if fits(scale)), SCALES[-1])
        return table[0].replace("<table", f'<table style="font-size: {scale}em"', 1)

    return _TABLE.sub(fitted, body)


def min_width(table: str, fonts: FontSet, rtl: bool) -> float:
    """The sum over a table's columns of the widest word a cell of each cannot break, with the cells' padding, in em."""
    widths: list[float] = []
    for row in _ROW.findall(table):
        for column, (kind, cell) in enumerate(_CELL.findall(row)):
            width = _widest_word(cell, fonts, rtl) * (HEAD if kind == "th" else 1.0) + 2 * PADDING
            widths += [0.0] * (column + 1 - len(widths))
            widths[column] = max(widths[column], width)
    return sum(widths)


def _widest_word(cell: str, fonts: FontSet, rtl: bool) -> float:
    coded = {word for code in _CODE.findall(cell) for word in _words(code)}
    return max(
        (
            measure(word, fonts, rtl=rtl, tabular=True).advance * (CODE if word in coded else 1.0)
            for word in _words(cell)
        ),
        default=0.0,
    )


def _words(markup: str) -> list[str]:
    text = visible_text(markup.replace("\u200b", " ")).replace("\u00ad", "")  # (a break point parts words)
    return [word for word in _BREAKS.split(text) if word]
