"""Numbers in Extended Arabic-Indic digits (Persian, Urdu: "۱۰-۱۵", "۵۰٪") set the same way wherever they stand.

The bidi algorithm takes these digits for European ones (EN) unless an Arabic letter comes before them, which makes
them Arabic numbers (AN, rule W2). A hyphen or a plus between two European numbers joins them into one left-to-right
number (W4), and a percent sign beside one is its own (W5); between Arabic numbers neither is. So "۱۰-۱۵" after a
word was drawn "۱۵-۱۰" (read right to left: from ten to fifteen) and "۵۰٪" with its sign on the left, but at the
start of a paragraph, of a table's cell or of a line (WeasyPrint lays out each line on its own, without the text
before it) "۱۰-۱۵" was drawn as typed, which a Persian reader reads "from fifteen to ten", and "۵۰٪" with its sign
before the number. An ARABIC LETTER MARK before such a number, the invisible letter Unicode has for this, makes its
digits Arabic numbers everywhere: the page reads as the text around it does. A signed number is not marked: it is
set left to right as CLDR writes it (bidi.py's isolates).

A power of a number in Arabic-Indic digits with a sign ("١٠⁻⁵", "۱۰⁻³"; there are no Arabic-Indic superscripts) is set
as typed, the exponent on the right, as "١٠²³" is: the bidi algorithm took the superscript minus between two Arabic
numbers for a neutral and set it right to left, the exponent on the left of its base ("⁵⁻١٠"), and both extractors read
"5−١٠". A LEFT-TO-RIGHT MARK between the base and its sign makes the exponent left to right (rule W7).
"""

from __future__ import annotations

import re
import unicodedata

from ..source.languages import text_direction
from .bidi import ARABIC_DIGITS, EXTENDED_DIGITS, POWERS
from .inline import Text

ARABIC_LETTER_MARK = "\u061c"

_DIGITS = EXTENDED_DIGITS
# a number, its parts joined by a separator, a sign or a range's dash ("۲۰–۲۳٪": one mark before it makes both Arabic
# numbers, rule W2 looking back to the first strong letter; one before "۲۳" had parted poppler's range, "۲۰۲۳٪");
# not after a letter, a digit or a sign (its own, then)
_JOINS = ".,:/\u066b\u066c+\\-\u2212\u2013\u2014"
_NUMBER = re.compile(f"(?<![\\w\u00b1{_JOINS}])[{_DIGITS}]+(?:[{_JOINS}][{_DIGITS}]+)*")
_JOINED = re.compile(f"[{_DIGITS}][+\\-\u2212][{_DIGITS}]")
_SIGNED_POWER = re.compile(f"[{ARABIC_DIGITS}](?=[\u207a\u207b][{POWERS}])")  # "١٠" of "١٠⁻⁵"


def extended_numbers_pass(visible: str, owners: list[Text | None]) -> list[str | None]:
    """An ARABIC LETTER MARK before each number in Extended Arabic-Indic digits of right-to-left text that the bidi
    algorithm sets otherwise at a line's start: two numbers a hyphen or a plus joins, one beside a percent sign, a
    degree or another sign it takes as a number's (see inline.Pass)."""
    out: list[str | None] = [None] * len(visible)
    for match in _NUMBER.finditer(visible):
        start, end = match.span()
        owner = owners[start]
        if owner is None or owner.opaque or text_direction(owner.language) != "rtl":
            continue
        after = visible[end : end + 1]
        before = visible[start - 1 : start]
        if _JOINED.search(match[0]) or any(unicodedata.bidirectional(c) == "ET" for c in after + before):
            out[start] = ARABIC_LETTER_MARK + visible[start]
    return out


def signed_powers_pass(visible: str, owners: list[Text | None]) -> list[str | None]:
    """A LEFT-TO-RIGHT MARK between a number in Arabic-Indic digits and the signed exponent after it, outside code
    (see inline.Pass)."""
    out: list[str | None] = [None] * len(visible)
    for match in _SIGNED_POWER.finditer(visible):
        owner = owners[match.start()]
        if owner is not None and not owner.opaque:
            out[match.start()] = match[0] + "\u200e"
    return out
