"""Bracketed spans, as pandoc and Quarto write them: `[Phil Salt]{lang=en}`, `[مسقط]{lang=ar}`, `[R2]{dir=ltr}`.

A span marks a passage as another language (quotes, emphasis and the line's direction follow it, as for
`<span lang="…">`) or sets its direction. Only `lang` (a BCP 47 tag) and `dir` (ltr, rtl, auto) are taken: a class,
an identifier or any other attribute is an error naming the file and line, never markup on the page; the span
renders as the `<span>` of raw HTML (rawhtml.py) would.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin

from ..errors import SourceError, quoted
from .languages import LANGUAGE_TAG
from .rawhtml import DIRECTIONS

ATTRIBUTES = ("lang", "dir")


def use_spans(md: MarkdownIt) -> None:
    """Teach a markdown-it parser `[text]{lang=… dir=…}` (attributes after nothing else: figure.py has images')."""
    md.use(attrs_plugin, after=(), spans=True, allowed=ATTRIBUTES)


def check_span(span: Token, where: str) -> None:
    """Refuse a span's attribute other than a language tag or a direction, or a value neither can be."""
    refused = span.meta.get("insecure_attrs") or {}
    problem = ""
    if refused:
        name, value = next(iter(refused.items()))
        named = {"class": f"a class (.{value})", "id": f"an identifier (#{value})"}
        problem = f"has {named.get(name, f'the attribute {quoted(name)}')}; a span takes only lang=… and dir=…"
    lang, direction = span.attrGet("lang"), span.attrGet("dir")
    if lang is not None and not LANGUAGE_TAG.match(str(lang)):
        problem = f"has lang={quoted(str(lang))}, not a language tag; write lang=en, lang=ar-MA"
    if direction is not None and direction not in DIRECTIONS:
        problem = f"has dir={quoted(str(direction))}; write dir=ltr, dir=rtl or dir=auto"
    if problem:
        raise SourceError(f"{where}: a [span]{{…}} {problem}")
