"""The one exception family of publish: every failure a user can meet is a PublishError."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass


def quoted(text: str) -> str:
    """A user's string as an error line shows it: in double quotes, with every character that could
    break the line (control characters, NEL, line and paragraph separators) or reorder it on a terminal
    (bidi embeddings, overrides and isolates) escaped."""
    return json.dumps(text, ensure_ascii=False).translate(_LINE_BREAKERS)


_LINE_BREAKERS = {
    c: f"\\u{c:04x}" for c in (0x85, 0x2028, 0x2029, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


class PublishError(Exception):
    """Base of all errors publish reports to the user; the message is a complete sentence."""

    exit_code = 1

    def __init__(self, *messages: str) -> None:
        self.messages = list(dict.fromkeys(m for m in messages if m))  # each problem once
        super().__init__("\n".join(self.messages))

    def __reduce__(self) -> tuple[type, tuple[str, ...]]:
        return (type(self), tuple(self.messages))  # from a worker process, still one message per problem


class InputError(PublishError):
    """The workspace holds something publish cannot use: the user must change an input."""

    exit_code = 2


class ManifestError(InputError):
    """A manifest.toml is missing, malformed or has a bad value."""

    stand_in: object = None  # the manifest made whole enough to read its text, when it can be (a Manifest)


class SourceError(InputError):
    """A text file is missing, unreadable or not valid text."""


class FontCoverageError(InputError):
    """The text uses a character that no font in fonts/ can draw."""


class ResourceError(InputError):
    """A template, font or image is missing or lies outside the workspace."""


class TimeLimitError(InputError):
    """A render took longer than its publication's `[build] timeout` allows, and was stopped."""


class BuildError(PublishError):
    """A renderer failed on valid input, or the machine lacks something the build needs."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One problem as `--json` reports it: the file, line and manifest key its message names (None
    where it names none), and the message itself, as the error line shows it."""

    file: str | None
    line: int | None
    key: str | None
    message: str

    @classmethod
    def of(cls, message: str) -> Problem:
        """Read the place back from a message. Every message starts with the place it names:
        `source/pub/article.md line 3: …`, `source/pub/manifest.toml: 'pdf.bleed' …`, `publish.toml
        line 2: 'rights' …`, or, from the font coverage check, `U+1235 … in source/pub/city.md line 5: …`."""
        match = _PLACE.match(message)
        if match is None:
            return cls(None, None, None, message)
        line = match.group("line")
        return cls(match.group("file"), int(line) if line else None, match["key"] or match["named"], message)

    def order(self) -> tuple[str, int]:
        """Sort key: by file, then line; a message naming no file first, and no line before line 1."""
        return (self.file or "", self.line or 0)


# A workspace-relative path, an optional line, then a key quoted in the place or right after it.
_PLACE = re.compile(
    r"(?:U\+[0-9A-F]{4,6} .*? in )?(?P<file>(?:source|templates|fonts|dist)/[^:]*?|publish\.toml)"
    r"(?: line (?P<line>\d+))?"
    r"(?: '(?P<key>[^']+)')?: (?:unknown key )?(?:'(?P<named>[A-Za-z0-9_.-]+)')?"
)


def sorted_problems(messages: list[str]) -> list[Problem]:
    """Every distinct message once, sorted by file and line; the order within one place is kept."""
    return sorted((Problem.of(m) for m in dict.fromkeys(messages)), key=Problem.order)
