"""The one exception family of publish: every failure a user can meet is a PublishError."""

from __future__ import annotations

import json


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
        self.messages = [m for m in messages if m]
        super().__init__("\n".join(self.messages))

    def __reduce__(self) -> tuple[type, tuple[str, ...]]:
        return (type(self), tuple(self.messages))  # from a worker process, still one message per problem


class InputError(PublishError):
    """The workspace holds something publish cannot use: the user must change an input."""

    exit_code = 2


class ManifestError(InputError):
    """A manifest.toml is missing, malformed or has a bad value."""


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
