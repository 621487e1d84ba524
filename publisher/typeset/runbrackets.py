"""The brackets and quotation marks of a left-to-right run (bidi.py): the parts the brackets it leaves open cut it
into, the partner just outside it of one it holds unpaired, and where it ends before a bracket it does not close."""

from __future__ import annotations

# Straight quotes pair with themselves; apostrophes inside words are not counted (they sit between letters).
QUOTE_PAIRS = (
    ('"', '"'),
    ("'", "'"),
    ("\u201c", "\u201d"),
    ("\u2018", "\u2019"),
    ("\u00ab", "\u00bb"),
    ("\u201e", "\u201c"),
)
BRACKET_PAIRS = (("(", ")"), ("[", "]"))


def open_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`text[start:end]` in the parts the brackets it leaves open part it into."""
    opened: list[int] = []
    for opening, closing in BRACKET_PAIRS:
        stack: list[int] = []
        for index in range(start, end):
            if text[index] == opening:
                stack.append(index)
            elif text[index] == closing and stack:
                stack.pop()
        opened += stack
    bounds = [start, *(n for at in sorted(opened) for n in (at, at + 1)), end]
    return [(bounds[n], bounds[n + 1]) for n in range(0, len(bounds), 2) if bounds[n] < bounds[n + 1]]


def with_partners(text: str, start: int, end: int) -> tuple[int, int]:
    """A run with the partner, just outside it, of a quotation mark or bracket it holds unpaired."""
    for opening, closing in BRACKET_PAIRS:  # "(3 > 0) && (2 < 5)": found as "3 > 0) && (2 < 5", closed both ends
        closers, openers = _unmatched(text[start:end], opening, closing)
        if closers and openers and start > 0 and text[start - 1] == opening and text[end : end + 1] == closing:
            start, end = start - 1, end + 1
    for opening, closing in QUOTE_PAIRS + BRACKET_PAIRS:
        inside = text[start:end]
        unpaired = inside.count(opening) - inside.count(closing) if opening != closing else inside.count(opening) % 2
        if unpaired and opening == closing:
            if start > 0 and text[start - 1] == opening:
                start -= 1
            elif end < len(text) and text[end] == closing:
                end += 1
        elif unpaired < 0 and start > 0 and text[start - 1] == opening:
            start -= 1
        elif unpaired > 0 and end < len(text) and text[end] == closing:
            end += 1
    return start, end


def _unmatched(text: str, opening: str, closing: str) -> tuple[int, int]:
    """How many closing brackets of `text` close nothing in it, and how many opening ones stay open."""
    closers = depth = 0
    for char in text:
        if char == opening:
            depth += 1
        elif char == closing:
            closers, depth = (closers + 1, depth) if depth == 0 else (closers, depth - 1)
    return closers, depth


def before_unclosed(text: str, start: int, end: int) -> int:
    """Where a run ends that holds a bracket it does not close (its words go on in another script: "A19 Pro
    (3 نانومتر)"): before that bracket, else the bracket would be set left to right apart from its partner."""
    for opening, closing in BRACKET_PAIRS:
        opened: list[int] = []  # the brackets open so far
        for index in range(start, end):
            if text[index] == opening:
                opened.append(index)
            elif text[index] == closing and opened:
                opened.pop()
        if opened:
            end = start + len(text[start : opened[0]].rstrip(" \u00a0\u202f"))
    return end
