"""Where each key of a TOML document is written, so that an error about a key can name its line.

tomllib gives values without places; this reads the lines of a document tomllib has already
accepted, so it only needs to be right on valid TOML: table headers, dotted and quoted keys, and
values that run over several lines (arrays, inline tables, multi-line strings) whose inner lines
are not keys.
"""

from __future__ import annotations

import re
import tomllib

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def key_lines(text: str) -> dict[str, int]:
    """The line (from 1) of every key the document writes, as a dotted path (`pdf.page-size`); a
    table's line is its header's, or that of the first key that makes it (`pdf.bleed = …`)."""
    lines: dict[str, int] = {}
    table: list[str] = []
    open_string: str | None = None  # the delimiter of a multi-line string the line is inside
    depth = 0  # brackets and braces open: the lines inside an array or an inline table are values
    for number, line in enumerate(text.splitlines(), start=1):
        rest = line
        if open_string is not None:
            end = rest.find(open_string)
            if end < 0:
                continue
            rest, open_string = rest[end + 3 :], None
        elif depth == 0:
            stripped = line.strip()
            if stripped.startswith("["):
                header = stripped.lstrip("[")
                keys, _ = _keys(header)
                table = keys
                _record(lines, keys, number)
                continue
            keys, rest = _keys(stripped)
            if not keys or not rest.startswith("="):
                continue
            _record(lines, table + keys, number)
            rest = rest[1:]
        open_string, depth = _scan_value(rest, depth)
    return lines


def line_of(lines: dict[str, int], key: str) -> int | None:
    """The line of `key`, else of the nearest table that holds it; None when neither is written."""
    parts = key.split(".")
    while parts:
        if ".".join(parts) in lines:
            return lines[".".join(parts)]
        parts.pop()
    return None


def _record(lines: dict[str, int], keys: list[str], number: int) -> None:
    for end in range(1, len(keys) + 1):
        lines.setdefault(".".join(keys[:end]), number)


def _keys(text: str) -> tuple[list[str], str]:
    """The dotted key at the start of `text` and what follows it (stripped)."""
    keys: list[str] = []
    rest = text.strip()
    while rest:
        if rest[0] in "\"'":
            end = _string_end(rest, 0)
            if end < 0:
                return [], ""
            keys.append(tomllib.loads(f"k = {rest[:end]}")["k"])
            rest = rest[end:].lstrip()
        elif match := _BARE.match(rest):
            keys.append(match.group())
            rest = rest[match.end() :].lstrip()
        else:
            return [], ""
        if not rest.startswith("."):
            return keys, rest
        rest = rest[1:].lstrip()
    return keys, rest


def _string_end(text: str, start: int) -> int:
    """The index just past the one-line string that opens at `start`; -1 when it does not close."""
    quote, i = text[start], start + 1
    while i < len(text):
        if text[i] == "\\" and quote == '"':
            i += 2
            continue
        if text[i] == quote:
            return i + 1
        i += 1
    return -1


def _scan_value(text: str, depth: int) -> tuple[str | None, int]:
    """Read a value's text for what stays open after the line: a multi-line string, brackets."""
    i = 0
    while i < len(text):
        char = text[i]
        if char == "#":
            break
        if text.startswith(('"""', "'''"), i):
            delimiter = text[i : i + 3]
            end = text.find(delimiter, i + 3)
            if end < 0:
                return delimiter, depth
            i = end + 3
            while i < len(text) and text[i] == delimiter[0]:  # a string may end in up to two quotes
                i += 1
            continue
        if char in "\"'":
            end = _string_end(text, i)
            i = end if end > 0 else len(text)
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        i += 1
    return None, depth
