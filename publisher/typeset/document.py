"""A publication's text typeset for every output: quotes, numbers with units, left-to-right runs,
and the digits of generated numbers, decided once here so that the PDF and the EPUB agree."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from ..source.manifest import Manifest
from ..source.reader import Document, read_document
from .extended import extended_numbers_pass, signed_powers_pass
from .inline import Pass, typeset_fragment
from .numerals import choose_numerals, localise_digits
from .quotes import quotes_pass
from .units import groups_pass, units_pass

PASSES: list[Pass] = [quotes_pass, units_pass, groups_pass, extended_numbers_pass, signed_powers_pass]
_GENERATED = re.compile(r'<(sup|a)\b[^>]*class="footnote-(?:ref|backref)"[^>]*>.*?</\1>', re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")


def typeset_document(manifest: Manifest, problems: list[str] | None = None) -> Document:
    """Read a publication's text and typeset it: chapters, their titles and headings. Problems of
    the text are raised, or added to `problems` when given (what could be read is typeset then)."""
    document = read_document(manifest, problems)
    written = (_author_text(chapter.html) for chapter in document.chapters)
    numerals = choose_numerals(manifest.numerals, manifest.language, written)
    rtl = manifest.direction == "rtl"

    def digits(text: str) -> str:
        return localise_digits(text, numerals)

    def plain(text: str) -> str:
        return typeset_text(text, manifest.language, rtl)

    chapters = tuple(
        replace(
            chapter,
            html=typeset_fragment(chapter.html, manifest.language, rtl, PASSES, digits),
            title=plain(chapter.title),
            headings=tuple(replace(h, text=plain(h.text)) for h in chapter.headings),
        )
        for chapter in document.chapters
    )
    return replace(document, chapters=chapters, numerals=numerals, figures=manifest.figures)


def typeset_text(text: str, language: str, rtl: bool) -> str:
    """A plain string (a title, a heading, a manifest value) typeset as running text is, its
    left-to-right runs isolated with LRI ... PDI (it will be read without markup)."""
    fragment = typeset_fragment(html.escape(text, quote=False), language, rtl, PASSES, _same, markup=False)
    return html.unescape(fragment)


def typeset_markup(text: str, language: str, rtl: bool) -> str:
    """A plain string typeset as XHTML, for a template to print: escaped, its runs in ltr spans."""
    return typeset_fragment(html.escape(text, quote=False), language, rtl, PASSES, _same)


def _same(text: str) -> str:
    return text


def _author_text(fragment: str) -> str:
    """The text of a chapter as its author typed it: no tags, no footnote numbers the reader wrote."""
    return html.unescape(_TAGS.sub(" ", _GENERATED.sub(" ", fragment)))
