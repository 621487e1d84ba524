"""Figure numbers: with `figures = "numbered"`, each figure's caption opens with its label and number,
counted through the whole book ("الشكل ١", "Figure 1"), in the digits of the other generated numbers.

The numbers are written into the text, not drawn by CSS counters: an EPUB's chapters are separate
documents (a counter would start again in each), and a screen reader or a copy from the PDF should
get the number as well as the eye.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from markupsafe import escape

from .numerals import localise_digits

_FIGURE = re.compile(r'<figure class="figure">.*?</figure>', re.DOTALL)
_CAPTION = '<span class="caption">'
FIGURE_LABELS = ("figure", "figure_separator")  # what partials/labels.j2 must give for numbered figures


def number_figures(bodies: Iterable[str], labels: Mapping[str, str], numerals: str) -> list[str]:
    """The chapter bodies with each figure's caption opened by "<label> <number>", counted on
    from one chapter to the next; a figure without a caption gets one holding its number."""
    count = 0

    def numbered(figure: re.Match[str]) -> str:
        nonlocal count
        count += 1
        label = f'<span class="figure-label">{escape(figure_number(labels, count, numerals))}</span>'
        markup = figure[0]
        if _CAPTION in markup:
            return markup.replace(_CAPTION, _CAPTION + label + str(escape(labels["figure_separator"])), 1)
        if "<figcaption>" in markup:
            return markup.replace("<figcaption>", f"<figcaption>{_CAPTION}{label}</span>", 1)
        return markup.replace("</figure>", f"<figcaption>{_CAPTION}{label}</span></figcaption>\n</figure>")

    return [_FIGURE.sub(numbered, body) for body in bodies]


def figure_number(labels: Mapping[str, str], number: int | str, numerals: str) -> str:
    """The label of a figure: "الشكل ١" (the stylesheets keep it on one line).

    A plain space, not a no-break space: PDFium reads a no-break space next to a number in
    right-to-left text in the wrong place, and glued "الشكل٣" into one word."""
    return f"{labels['figure']} {localise_digits(str(number), numerals)}"
