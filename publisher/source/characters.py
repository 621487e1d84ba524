"""Characters that are not text: what no reader of a book, an XML file or a one-line error can carry.

C0 and C1 controls (but tab and line ends), the line and paragraph separators (in one-line values),
the interlinear annotation marks U+FFF9–U+FFFB (they hide the text between them from some readers
and not from others) and the noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their kin in every
plane, which XML forbids).
"""

from __future__ import annotations

import re
import unicodedata

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
_NOT_TEXT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufff9-\ufffb{_NONCHARACTERS}]")
_NOT_ONE_LINE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufff9-\ufffb{_NONCHARACTERS}]")


def not_text(text: str, one_line: bool = False) -> str | None:
    """The first character of `text` that is not text (a line or paragraph separator too, when
    `one_line`: a title or a name), or None."""
    found = (_NOT_ONE_LINE if one_line else _NOT_TEXT).search(text)
    return found[0] if found else None


def describe(char: str) -> str:
    """U+FFF9 INTERLINEAR ANNOTATION ANCHOR; a control or noncharacter by its code point."""
    fallback = "CONTROL CHARACTER" if ord(char) < 0xA0 else "NONCHARACTER"
    return f"U+{ord(char):04X} {unicodedata.name(char, fallback)}"
