"""ISBNs in the manifest's `identifier`: recognised, and their check digit verified.

An identifier is taken for an ISBN when it says so (`urn:isbn:…`) or when it looks like one: an
ISBN-13, 978 or 979 and ten more digits, hyphens or spaces allowed between them. A typo in an ISBN
printed on an imprint and sent to stores is costly, so a wrong check digit is an input error.
"""

from __future__ import annotations

import re

URN_PREFIX = "urn:isbn:"
_LOOKS_LIKE_ISBN13 = re.compile(r"^97[89](?:[- ]?\d){10}$")
_ISBN10 = re.compile(r"^\d(?:[- ]?\d){8}[- ]?[\dXx]$")


def isbn_of(identifier: str) -> str | None:
    """The ISBN an identifier holds, as written (hyphens kept, `urn:isbn:` dropped), else None."""
    if identifier.lower().startswith(URN_PREFIX):
        return identifier[len(URN_PREFIX) :].strip()
    return identifier if _LOOKS_LIKE_ISBN13.match(identifier) else None


def isbn_problem(isbn: str) -> str | None:
    """None for a valid ISBN-13 (or ISBN-10 after `urn:isbn:`), else what is wrong, as a phrase."""
    digits = re.sub(r"[- ]", "", isbn)
    if _LOOKS_LIKE_ISBN13.match(isbn):
        expected = check_digit_13(digits[:12])
        found = digits[12]
    elif _ISBN10.match(isbn):
        expected = check_digit_10(digits[:9])
        found = digits[9].upper()
    else:
        return "is not an ISBN: an ISBN-13 is 978 or 979 and ten more digits, such as 978-0-306-40615-7"
    if found != expected:
        return f"has a wrong check digit: the last digit must be {expected}, not {found} (a typo in the ISBN?)"
    return None


def check_digit_13(first12: str) -> str:
    """The check digit of an ISBN-13 (EAN-13): weights 1 and 3, modulo 10."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


def check_digit_10(first9: str) -> str:
    """The check digit of an ISBN-10: weights 10 down to 2, modulo 11 (10 is written X)."""
    total = sum(int(d) * (10 - i) for i, d in enumerate(first9))
    value = (11 - total % 11) % 11
    return "X" if value == 10 else str(value)
