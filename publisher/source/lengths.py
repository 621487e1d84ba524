"""Lengths and page sizes of the manifest's [pdf] table, and the bounds a printable book stays in.

A trim of 0 × 0 mm or a bleed of a kilometre is a typing error, not a book: each side of the trim
must be 50–1000 mm (A8 to A1 and everything between; A0 and A9 are posters and labels), the bleed
0–10 mm, the slug for the printer's marks 6–30 mm.
"""

from __future__ import annotations

import re

POINTS_PER_UNIT = {"pt": 1.0, "px": 0.75, "in": 72.0, "pc": 12.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "q": 72 / 101.6}
MM = POINTS_PER_UNIT["mm"]
TRIM_MM = (50, 1000)
BLEED_MM = (0, 10)
SLUG_MM = (6, 30)  # the marks are 5 mm long

_LENGTH = re.compile(r"[0-9]+(\.[0-9]+)?(mm|cm|in|pt|pc|px|q)", re.IGNORECASE)
_PAGE_NAME = re.compile(r"(a|b|c|jis-b)(10|[0-9])|letter|legal|ledger", re.IGNORECASE)
# ISO 216 and JIS P 0138 size 0 in mm; size n halves the long side n times, rounding down.
_SERIES = {"a": (841, 1189), "b": (1000, 1414), "c": (917, 1297), "jis-b": (1030, 1456)}
_US = {"letter": (215.9, 279.4), "legal": (215.9, 355.6), "ledger": (279.4, 431.8)}


def is_length(text: str) -> bool:
    """Whether `text` is a length of the manifest: a number in ASCII digits and a CSS unit, or "0"."""
    return text.strip() == "0" or bool(_LENGTH.fullmatch(text.strip()))


def length_points(length: str) -> float:
    """A length of the manifest ("3mm", "0.125in", "0") in PDF points; ValueError for anything else."""
    length = length.strip().lower()
    if length == "0":
        return 0.0
    if not _LENGTH.fullmatch(length):
        raise ValueError(f"not a length: {length!r}")
    number = re.match(r"[0-9.]+", length)[0]  # type: ignore[index]
    return float(number) * POINTS_PER_UNIT[length[len(number) :]]


def page_size_mm(value: str) -> tuple[float, float] | None:
    """The trim size of a page-size value (a name or two lengths, maybe "portrait"/"landscape") in mm,
    width first; None when it is not one."""
    words = value.lower().split()
    orientation = words.pop() if words and words[-1] in ("portrait", "landscape") else None
    if len(words) == 1 and _PAGE_NAME.fullmatch(words[0]):
        width, height = _named(words[0])
    elif len(words) == 2 and all(_LENGTH.fullmatch(w) for w in words):
        width, height = (length_points(w) / MM for w in words)
    else:
        return None
    if orientation is not None and (width > height) != (orientation == "landscape"):
        width, height = height, width
    return width, height


def bounds_problem(name: str, value: str, points: float, bounds: tuple[int, int]) -> str | None:
    """None when the length `value` (`points`) lies within `bounds` (mm), else the error phrase."""
    low, high = bounds
    if low * MM - 1e-6 <= points <= high * MM + 1e-6:
        return None
    return f"'{name}' must be between {low} and {high} mm, got \"{value}\" ({points / MM:.6g} mm)"


def trim_problem(value: str) -> str | None:
    """None when a valid page size fits TRIM_MM on both sides, else the error phrase."""
    size = page_size_mm(value)
    low, high = TRIM_MM
    if size is None or all(low - 1e-6 <= side <= high + 1e-6 for side in size):
        return None
    return (
        f"'pdf.page-size' must be between {low} and {high} mm on each side, got \"{value}\" "
        f"({size[0]:.6g} × {size[1]:.6g} mm)"
    )


def _named(name: str) -> tuple[float, float]:
    if name in _US:
        return _US[name]
    series, number = re.fullmatch(r"(.*?)(\d+)", name).groups()  # type: ignore[union-attr]
    width, height = _SERIES[series]
    for _ in range(int(number)):
        width, height = height // 2, width
    return width, height
