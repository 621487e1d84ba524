"""Ranges of numbers as a right-to-left line draws them and as they were typed: numbers joined by a dash or a sign
the bidi algorithm does not hold together ("۱۷۹۷–۱۸۶۹", drawn "۱۸۶۹–۱۷۹۷"), times and dates too ("٩:٠٠–١٠:٣٠").
For the text layer (lineroles.py, textlayer.py)."""

from __future__ import annotations

import re

from ..typeset.bidi import ARABIC_DIGITS, NUMBER_JOINS
from .charclass import letter_kind
from .marks import RLM

RANGE = frozenset("\u2013\u2014\u00d7")  # dashes and "×" ("2×3"): no separator to the bidi algorithm (a hyphen is)
ISOLATED = frozenset("\u2013\u00d7")  # what joins European digits in one isolated run (bidi.INSIDE): "4–6", "2×3"
SIGNS = frozenset("+-\u2212\u00b1")


def typed_range(text: str) -> str:
    """A run's text as typed: numbers joined by a dash the bidi algorithm does not hold them together with
    ("۱۷۹۷–۱۸۶۹") are drawn in the other order ("۱۸۶۹–۱۷۹۷"), which the run's text, read off the page, has."""
    parts = range_parts(text)
    return "".join(reversed(parts)) if parts else text


def poppler_range(text: str) -> str | None:
    """For a range as typed (`typed_range`), the /ActualText poppler reads back as typed: the numbers as drawn,
    each between RIGHT-TO-LEFT MARKs ("‏۱۸۶۹‏–‏۱۷۹۷‏"); None for any other run."""
    parts = range_parts(text)
    return RLM + RLM.join(reversed(parts)) + RLM if parts else None


def range_parts(text: str) -> list[str] | None:
    """A range's numbers (times and dates too: "٩:٠٠–١٠:٣٠") and dashes, in the order of `text`; None if not one."""
    parts = _RANGE_PARTS.split(text)
    if len(parts) < 3 or not all(_NUMBER_PART.fullmatch(part.strip()) for part in parts[::2]):
        return None
    isolated = all(part.strip().isascii() for part in parts[::2]) and set(parts[1::2]) <= ISOLATED
    return None if isolated else parts  # "4–6" is isolated left to right: drawn as typed


def latin_glyph(text: str) -> bool:
    """Whether a glyph's text is a left-to-right letter or a European digit (not an Arabic-Indic one)."""
    return letter_kind(text) == "L" and not indic(text)


def indic(text: str | None) -> bool:
    """Whether a glyph's text is an Arabic-Indic or Extended Arabic-Indic digit."""
    return _INDIC.match(text or "") is not None


_INDIC = re.compile(f"[{ARABIC_DIGITS}]")
# A range's dashes, and a sign between Arabic-Indic digits, which parts them too (numberpunct.after_number).
_SIGN = f"(?<={_INDIC.pattern})[{re.escape(''.join(sorted(SIGNS)))}](?={_INDIC.pattern})"
# and a bracket between Arabic-Indic numbers, a volume and its issue: "٣٧(٢)", drawn "(٢)٣٧" ("٢(٣٧" was read)
_BRACKET = f"(?<={_INDIC.pattern})[()](?={_INDIC.pattern})"
_RANGE_PARTS = re.compile(f"([{''.join(sorted(RANGE))}]|{_SIGN}|{_BRACKET})")
_NUMBER_PART = re.compile(f"\\d+(?:[{NUMBER_JOINS}]\\d+)*")
