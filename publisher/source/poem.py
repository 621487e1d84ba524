"""Verse in Markdown: a `::: poem` container whose lines are verses, each of one or two hemistichs.

```
::: poem
قفا نبك من ذكرى حبيب ومنزل *** بسقط اللوى بين الدخول فحومل
:::
```

A verse's two hemistichs (the ṣadr, then the ʿajuz) are separated by `***`, a tab, or `…` or `...` standing apart
(an ellipsis against a word is punctuation); a verse without a separator is one part, set centred; a blank line
starts a new stanza. The reader gives markup that says what each piece is and nothing about its geometry
(typeset/verse.py fits the columns per output): a block per verse, the hemistichs as spans in reading order, so that
screen readers and text copy read the ṣadr before the ʿajuz, and no separator character in the text.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from ..errors import SourceError
from ..workspace import display_path

# `***`, a tab, or an ellipsis standing apart (a space or the verse's edge on each side): one against a word is the
# verse's punctuation ("هُسْ... هُسْ... نَامَ الصِّغَارْ!", a lullaby's line of one part, had been refused as three)
SEPARATOR = re.compile(r"[ \t]*\*\*\*[ \t]*|(?:^|[ \t]+)(?:…|\.\.\.)(?:[ \t]+|$)|[ \t]*\t[ \t]*")
_CLOSING_LINE = re.compile(r"[>\s]*:{3,}\s*")
_BLOCK_NAMES = {
    "bullet_list_open": "a list",
    "ordered_list_open": "a numbered list",
    "heading_open": "a heading",
    "blockquote_open": "a quotation",
    "fence": "a code block",
    "code_block": "a code block",
    "hr": "a rule (a line of *** alone)",
    "table_open": "a table",
    "html_block": "an HTML block",
    "container_poem_open": "another poem",
}


def use_poems(md: MarkdownIt) -> None:
    """Teach a markdown-it parser the `::: poem` container and how verses render."""
    md.use(container_plugin, "poem", render=_render_poem)
    md.add_render_rule("poem_stanza_open", lambda *a: "")
    md.add_render_rule("poem_stanza_close", lambda *a: "")
    md.add_render_rule("poem_verse_open", _render_verse_open)
    md.add_render_rule("poem_verse_close", lambda *a: "</span></div>\n")
    md.add_render_rule("poem_ajuz", lambda *a: '</span> <span class="hemistich ajuz">')


def shape_poems(tokens: list[Token], source: str, path: Path) -> None:
    """Turn the paragraphs inside each `::: poem` into verses; raise SourceError naming every problem of
    the file's poems (one line each) when any is malformed."""
    problems: list[str] = []
    _fail = partial(_note, problems)
    lines = source.split("\n")
    depth = 0
    opened: Token | None = None
    refused: int | None = None  # the level of a block the poem may not hold, until it closes
    verses = 0
    for token in tokens:
        if token.type == "container_poem_open":
            if depth:
                _fail(path, token, "a poem cannot hold another poem; close the first with a line ':::'")
                raise SourceError(*problems)  # what follows cannot be read as verse
            depth, opened, verses = 1, token, 0
            end = (token.map or (0, 0))[1]
            if end >= len(lines) or not _CLOSING_LINE.fullmatch(lines[end]):
                _fail(path, token, "'::: poem' is never closed; end the poem with a line ':::'")
                raise SourceError(*problems)  # what follows cannot be read as verse
        elif token.type == "container_poem_close":
            if verses == 0 and opened is not None:
                _fail(path, opened, "the poem has no verses; write one verse a line between '::: poem' and ':::'")
            depth, opened = 0, None
        elif depth and refused is not None:  # inside a block already named: its own parts are not
            if token.level == refused and token.nesting == -1:
                refused = None
        elif depth:
            if token.type == "paragraph_open":
                token.type = "poem_stanza_open"
                token.meta = {"first": verses == 0}
            elif token.type == "paragraph_close":
                token.type = "poem_stanza_close"
            elif token.type == "inline":
                verses += _split_verses(token, path, verses == 0, problems)
            elif token.nesting >= 0:
                kind = _BLOCK_NAMES.get(token.type, token.type.removesuffix("_open"))
                _fail(path, token, f"a poem holds verses only, one a line, not {kind}")
                refused = token.level if token.nesting == 1 else None
    if problems:
        raise SourceError(*problems)


def _split_verses(inline: Token, path: Path, first_stanza: bool, problems: list[str]) -> int:
    """Split an inline token's children at line breaks into verses, and each verse at its separator."""
    children = inline.children or []
    lines: list[list[Token]] = [[]]
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(child)
    first_line = (inline.map or (0, 0))[0] + 1
    shaped: list[Token] = []
    for number, line in enumerate(lines):
        try:
            halves = _halves(line, path, first_line + number)
        except SourceError as exc:  # the next verses are still checked
            problems.extend(exc.messages)
            continue
        opening = Token("poem_verse_open", "div", 1)
        opening.meta = {"single": len(halves) == 1, "stanza": number == 0 and not first_stanza}
        shaped.append(opening)
        for index, half in enumerate(halves):
            if index:
                shaped.append(Token("poem_ajuz", "", 0))
            shaped.extend(_tidy(half))
        shaped.append(Token("poem_verse_close", "div", -1))
    inline.children = shaped
    return len(lines)


def _halves(line: list[Token], path: Path, number: int) -> list[list[Token]]:
    """A verse's tokens cut at its separator: one or two hemistichs, each with some text."""
    halves: list[list[Token]] = [[]]
    for child in line:
        if child.type != "text":
            halves[-1].append(child)
            continue
        pieces = SEPARATOR.split(child.content)
        for index, piece in enumerate(pieces):
            if index:
                halves.append([])
            if piece:
                halves[-1].append(_text(piece, child))
    where = f"{display_path(path)} line {number}"
    if len(halves) > 2:
        raise SourceError(f"{where}: a verse has two hemistichs at most, but this one has {len(halves)}")
    if any(not _plain(half).strip() for half in halves):
        if not any(_plain(half).strip() for half in halves):
            raise SourceError(f"{where}: the verse is empty; write it, or remove the line")
        raise SourceError(f"{where}: a hemistich of the verse is empty; write both halves or drop the separator")
    return halves


def _tidy(half: list[Token]) -> list[Token]:
    """Whitespace inside a hemistich collapsed to single spaces, none at its ends: the fitting counts spaces."""
    for child in half:
        if child.type == "text":
            child.content = re.sub(r"\s+", " ", child.content)
    if half and half[0].type == "text":
        half[0].content = half[0].content.lstrip()
    if half and half[-1].type == "text":
        half[-1].content = half[-1].content.rstrip()
    return [c for c in half if c.type != "text" or c.content]


def _text(content: str, like: Token) -> Token:
    token = Token("text", "", 0, content=content)
    token.level = like.level
    return token


def _plain(half: list[Token]) -> str:
    return "".join(c.content for c in half if c.type in ("text", "code_inline"))


def _note(problems: list[str], path: Path, token: Token, message: str) -> None:
    line = (token.map[0] + 1) if token.map else 0
    problems.append(f"{display_path(path)} line {line}: {message}")


def _render_poem(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    return '<div class="poem">\n' if tokens[idx].nesting == 1 else "</div>\n"


def _render_verse_open(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    meta = tokens[idx].meta
    classes = "verse" + (" single" if meta["single"] else "") + (" stanza" if meta["stanza"] else "")
    side = "" if meta["single"] else " sadr"
    return f'<div class="{classes}"><span class="hemistich{side}">'
