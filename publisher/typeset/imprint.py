"""What the imprint says besides the manifest's own strings: the date as the book's language writes
it, in the digits of its generated numbers; the ISBN or identifier; the typefaces it is set in,
with their licences.

The same for the PDF (the title's verso in a book, a block after the text of an article) and the
EPUB (its copyright page); partials/imprint.html.j2 lays it out.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..source.fonts import FontSet
from ..source.languages import list_separator
from ..source.manifest import Manifest, default_identifier
from ..source.reader import Document, text_characters
from .numerals import localise_digits

_CODE = re.compile(r"<(?:code|kbd|samp|pre)[\s>]")


def imprint_context(manifest: Manifest, document: Document, fonts: FontSet, moment: dt.datetime) -> dict[str, Any]:
    """The imprint's generated values, for the templates: `date`, `isbn`, `identifier` (one the
    manifest gives that is not an ISBN), and `typefaces` (family and licence of each face in use)."""
    isbn = manifest.isbn
    given = manifest.identifier != default_identifier(manifest.slug)  # a UUID we made up names nothing to a reader
    return {
        "date": long_date(manifest.date or moment.date(), manifest.language, document.numerals),
        "isbn": isbn,
        "identifier": manifest.identifier if given and isbn is None else None,
        "typefaces": typefaces(manifest, document, fonts),
    }


def typefaces(manifest: Manifest, document: Document, fonts: FontSet) -> list[dict[str, str | None]]:
    """The families the book is set in (those that draw some character of its text, the first of the
    stack always, the monospace ones when it has code), each with its licence."""
    html = "".join(chapter.html for chapter in document.chapters)
    characters = text_characters(html) | set(manifest.title) | {c for a in manifest.authors for c in a}
    used = fonts.reaching(characters, code=bool(_CODE.search(html)))
    # families under one licence named together, the licence once: it was printed for each ("Amiri برخصة SIL Open
    # Font License 1.1 · Noto Sans Mono برخصة SIL Open Font License 1.1"), Latin enough to turn a short last page
    # left to right for poppler, which takes a page's direction from the majority of its letters
    grouped: dict[tuple[str | None, str], list[str]] = {}  # by licence; a family with none known stands alone
    for family in used.every_family:
        licence = fonts.regular(family).licence
        grouped.setdefault((licence, licence or family), []).append(family)
    separator = list_separator(manifest.language)
    # a licence's version stays with its name: "SIL Open Font License" ended a line and "1.1" stood alone on the next
    return [
        {"family": separator.join(families), "licence": licence and _VERSION.sub("\u00a0", licence)}
        for (licence, _), families in grouped.items()
    ]


_VERSION = re.compile(r" (?=[0-9][0-9.]*$)")


def long_date(date: dt.date, language: str, numerals: str) -> str:
    """A date written out as the language writes it ("30 نوفمبر 2026", "November 30, 2026"), from CLDR
    through babel, its digits those of the book's generated numbers."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import format_date

    parts = language.replace("_", "-").split("-")
    for tag in ("_".join(parts), parts[0], "en"):
        try:
            locale = Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
        return localise_digits(format_date(date, "long", locale=locale), numerals)
    return localise_digits(date.isoformat(), numerals)  # pragma: no cover - babel always knows "en"


def imprint_characters(manifest: Manifest, document: Document, fonts: FontSet) -> str:
    """Every character the imprint may print besides labels and manifest strings, for the coverage
    check: the month names of the book's language (the date is known only at render time) and the
    typefaces with their licences."""
    months = " ".join(
        long_date(dt.date(2000, month, 28), manifest.language, document.numerals) for month in range(1, 13)
    )
    credits = " ".join(f"{t['family']} ({t['licence']})" for t in typefaces(manifest, document, fonts))
    return months + " " + credits
