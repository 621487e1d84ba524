"""Sizes past which a publication is refused, each far beyond what a book needs.

Past them the renderers do not fail, they slow down without end: WeasyPrint lays a paragraph out again
for each of its lines (a 1 M-character paragraph took minutes), a title is set on every page as the
running head, each footnote call carries its note, and an element nested a few hundred deep overflows
the renderer's stack. So each is an input error naming the file and the line (the manifest and the key
for a title), not a render that never ends:

- a title, a subtitle, a heading, an author's name and the other one-line manifest values: 1 000 characters;
- a description or a rights statement: 10 000 characters;
- a paragraph (a block of running text, a table cell, a code block), as written: 200 000 characters;
- footnotes in a publication: 10 000 (counted by their calls; each call prints its note);
- elements nested inside each other (block quotes, list items, emphasis, spans): 32.

The time a render may take is a limit of the same kind, set per publication (`[build] timeout`,
300 s by default, 1 to 3600): the render runs in a worker process, killed when its time is up
(builder/pool.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import SourceError
from ..workspace import display_path

if TYPE_CHECKING:  # the manifest imports this module, and a build with nothing to do reads no Markdown
    from markdown_it.token import Token

MAX_LINE_VALUE = 1_000  # the title and the other one-line values
MAX_LONG_VALUE = 10_000
MAX_PARAGRAPH = 200_000
MAX_FOOTNOTES = 10_000
MAX_NESTING = 32
TIMEOUT_SECONDS = (1, 3600)  # what `[build] timeout` may ask for: an hour is the longest a build should wait
# What each manifest key may hold, in characters (for a list, each of its items).
VALUE_LIMITS = {
    "title": MAX_LINE_VALUE,
    "subtitle": MAX_LINE_VALUE,
    "authors": MAX_LINE_VALUE,
    "identifier": MAX_LINE_VALUE,
    "publisher": MAX_LINE_VALUE,
    "edition": MAX_LINE_VALUE,
    "subjects": MAX_LINE_VALUE,
    "description": MAX_LONG_VALUE,
    "rights": MAX_LONG_VALUE,
}
_BLOCK_WITH_TEXT = ("fence", "code_block", "html_block", "paragraph_text")


def value_problems(values: Mapping[str, Any], timeout: int) -> list[str]:
    """A phrase for each manifest value longer than its key allows (`values` by field name), and for
    a `[build] timeout` out of its bounds."""
    low, high = TIMEOUT_SECONDS
    problems = (
        [f"'build.timeout' must be from {low} to {high} seconds, got {timeout}"] if not low <= timeout <= high else []
    )
    for key, limit in VALUE_LIMITS.items():
        value = values.get(key)
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        longest = max((len(item) for item in items if isinstance(item, str)), default=0)
        if longest > limit:
            what = "each item of " if isinstance(value, list) else ""
            problems.append(f"{what}'{key}' must be at most {_n(limit)} characters, got {_n(longest)}")
    return problems


def check_tokens(tokens: list[Token], path: Path, footnotes: int) -> int:
    """Check a Markdown file's parsed blocks against the limits; return the footnotes counted so far
    in the publication (`footnotes` before this file). Raise SourceError naming the line."""
    heading = False
    for token in tokens:
        line = (token.map[0] + 1) if token.map else 0
        if token.type == "inline":
            if heading:
                _check_length(token.content, MAX_LINE_VALUE, "a heading", path, line, "shorten it")
            else:
                _check_length(token.content, MAX_PARAGRAPH, "a paragraph", path, line)
            for depth, child in _inline_depths(token):
                if token.level + depth > MAX_NESTING:
                    _too_deep(path, line)
                if child.type == "footnote_ref":
                    footnotes += 1
                    if footnotes > MAX_FOOTNOTES:
                        raise SourceError(
                            f"{display_path(path)} line {line}: footnote {_n(footnotes)} of the publication; "
                            f"at most {_n(MAX_FOOTNOTES)} are allowed"
                        )
        elif token.type in _BLOCK_WITH_TEXT:
            _check_length(token.content, MAX_PARAGRAPH, "a block", path, line)
        if token.level + max(token.nesting, 0) > MAX_NESTING:
            _too_deep(path, line)
        heading = token.type == "heading_open"
    return footnotes


def check_plain_text(text: str, path: Path) -> None:
    """Check the paragraphs of a .txt file (separated by blank lines) against the paragraph limit."""
    start = 0
    for gap in [*re.finditer(r"\n[^\S\n]*\n\s*", text), None]:
        end = gap.start() if gap else len(text)
        if end - start > MAX_PARAGRAPH:
            _check_length(text[start:end].strip(), MAX_PARAGRAPH, "a paragraph", path, text.count("\n", 0, start) + 1)
        start = gap.end() if gap else end


def _inline_depths(inline: Token) -> Iterator[tuple[int, Token]]:
    """Each child of an inline token with the number of inline elements open around it (itself included)."""
    depth = 0
    for child in inline.children or ():
        if child.type == "html_inline" and not child.content.endswith("/>"):  # a kept tag (rawhtml.py)
            depth += -1 if child.content.startswith("</") else 1
        elif child.nesting:
            depth += child.nesting
        yield depth, child


def _check_length(text: str, limit: int, what: str, path: Path, line: int, hint: str = "split it") -> None:
    if len(text) > limit:
        raise SourceError(
            f"{display_path(path)} line {line}: {what} of {_n(len(text))} characters is longer than the "
            f"{_n(limit)} allowed; {hint}"
        )


def _too_deep(path: Path, line: int) -> None:
    raise SourceError(
        f"{display_path(path)} line {line}: elements nested more than {MAX_NESTING} deep (block quotes, lists, "
        "emphasis, spans); nest them less"
    )


def _n(count: int) -> str:
    """A count as the messages write it: 200 000 (a thin space would not survive every terminal)."""
    return f"{count:,}".replace(",", " ")
