"""Typewriter quotes (" and ') become the quotation marks of the language they are written in.

« » with no inner space in Arabic-script languages, “ ” ‘ ’ in English, « » with narrow no-break
spaces inside in French, „ “ in German, and so on. The language is that of the element the quote
sits in (a `lang` on a span, else the document's); a quotation inside a Latin phrase of an Arabic
text ("the "best" choice") takes English marks. An apostrophe inside a word becomes ’. Never
inside code: inline.py hides code from every pass.
"""

from __future__ import annotations

import re
import unicodedata

from ..source.languages import primary_language, script_of
from .inline import Text

# Primary open and close, secondary open and close, and the space set inside the marks.
Style = tuple[str, str, str, str, str]
ENGLISH: Style = ("“", "”", "‘", "’", "")
ARABIC_SCRIPT: Style = ("«", "»", "‹", "›", "")
STYLES: dict[str, Style] = {
    "en": ENGLISH,
    "fr": ("«", "»", "“", "”", "\u202f"),
    "de": ("„", "“", "‚", "‘", ""),
    "es": ("«", "»", "“", "”", ""),
    "it": ("«", "»", "“", "”", ""),
    "pt": ("«", "»", "“", "”", ""),
    "nl": ("‘", "’", "“", "”", ""),
    "ru": ("«", "»", "„", "“", ""),
    "tr": ("“", "”", "‘", "’", ""),
    # Amazigh languages, in Latin or Tifinagh letters, as Morocco and Algeria print them.
    "zgh": ("«", "»", "“", "”", ""),
    "ber": ("«", "»", "“", "”", ""),
    "kab": ("«", "»", "“", "”", ""),
    "tzm": ("«", "»", "“", "”", ""),
    "shi": ("«", "»", "“", "”", ""),
    "rif": ("«", "»", "“", "”", ""),
}
STRAIGHT = "\"'"
_ELIDED_YEAR = re.compile(r"[0-9]{2}(?:s\b|(?![0-9.,:]?[0-9A-Za-z]))")  # a year's two last digits
_OPENERS = "([{«‹“‘„‚—–-/\u2066\u2067\u2068"


def style_of(language: str) -> Style:
    """The quotation marks of a BCP 47 language tag; English ones for a language not in the table."""
    if script_of(language) == "arab":
        return ARABIC_SCRIPT
    return STYLES.get(primary_language(language), ENGLISH)


def quotes_pass(visible: str, owners: list[Text | None]) -> list[str | None]:
    """Curly quotes for the straight ones of an inline sequence (see inline.Pass)."""
    out: list[str | None] = [None] * len(visible)
    stack: list[tuple[str, Style]] = []  # the quotes opened and not yet closed
    neighbours = _Neighbours(visible)
    for index, char in enumerate(visible):
        owner = owners[index]
        if char not in STRAIGHT or owner is None or owner.opaque:
            continue
        before = visible[index - 1] if index else ""
        after = visible[index + 1] if index + 1 < len(visible) else ""
        if before.isdigit() and not after.isalpha() and all(mark != char for mark, _ in stack):
            out[index] = "′" if char == "'" else "″"  # a minute or a second, feet or inches: "الدقيقة 23'", 5'10"
            continue
        if char == "'" and before.isalnum() and after.isalnum() and "R" not in (_kind(before), _kind(after)):
            out[index] = "’"  # l'homme, don't, the 1990's; not "و'DE'", a quotation after an Arabic prefix
            continue
        if char == "'" and (not before.strip() or _kind(before) == "R") and _ELIDED_YEAR.match(visible, index + 1):
            out[index] = "’"  # '90s, the class of '24; not a quotation's opening: '127.0.0.1 localhost'
            continue
        opening = not before.strip() or before in _OPENERS
        # glued to the word before it, a double quote opens when none is open and a letter follows: an Arabic
        # prefix's ("لـ"البيان"", "و"الشرق"") or a word's ("a"b"")
        glued = char == '"' or _kind(before) == "R"  # (a single quote after an Arabic prefix too: "و'DE'", "و'لا'")
        opening = opening or (glued and after.isalnum() and all(mark != char for mark, _ in stack))
        if opening and not after.strip() and stack and stack[-1][0] == char:
            opening = False  # a quote alone between spaces closes what is open, else it opens
        if opening:
            style = _style_at(neighbours, index, owner.language)
            stack.append((char, style))
            mark, space = (style[0] if char == '"' else style[2]), style[4]
            if space and after.isspace():
                out[index + 1] = space
                space = ""
            out[index] = mark + space
            continue
        if stack and stack[-1][0] == char:
            style = stack.pop()[1]
        elif char == "'":
            out[index] = "’"  # students' — an apostrophe, not a quote
            continue
        else:
            style = _style_at(neighbours, index, owner.language)
        mark, space = (style[1] if char == '"' else style[3]), style[4]
        if space and before.isspace():
            out[index - 1] = space
            space = ""
        out[index] = space + mark
    return out


def _kind(char: str) -> str:
    """R for a right-to-left letter, L for a left-to-right one, "" for anything else (a digit too)."""
    bidi = unicodedata.bidirectional(char) if char else ""
    return "R" if bidi in ("R", "AL") else "L" if bidi == "L" else ""


def _style_at(neighbours: _Neighbours, index: int, language: str) -> Style:
    """The style for a quote at `index`: its language's, or English inside a Latin phrase of Arabic text."""
    style = style_of(language)
    if style is ARABIC_SCRIPT and neighbours.latin_block():  # an English paragraph of an Arabic book
        return ENGLISH
    if style is ARABIC_SCRIPT and _latin(neighbours.before(index)) and _latin(neighbours.after(index)):
        return ENGLISH
    return style


class _Neighbours:
    """The nearest character before and after each position that is neither a space nor a straight quote.

    Found once for the whole sequence, when first asked: looking outwards from each quote instead took
    time quadratic in a run of quotes and spaces ('" " " ...')."""

    def __init__(self, visible: str) -> None:
        self.visible = visible
        self.found: tuple[list[str], list[str]] | None = None
        self.latin: bool | None = None

    def latin_block(self) -> bool:
        """Whether the sequence holds Latin letters and no right-to-left one (found once, when first asked)."""
        if self.latin is None:
            rtl = any(unicodedata.bidirectional(char) in ("R", "AL") for char in self.visible)
            self.latin = not rtl and any(map(_latin, self.visible))
        return self.latin

    def before(self, index: int) -> str:
        return self._tables()[0][index]

    def after(self, index: int) -> str:
        return self._tables()[1][index]

    def _tables(self) -> tuple[list[str], list[str]]:
        if self.found is None:
            self.found = (_nearest(self.visible), _nearest(self.visible[::-1])[::-1])
        return self.found


def _nearest(visible: str) -> list[str]:
    """For each position, the last character before it that is neither a space nor a straight quote."""
    out, last = [], ""
    for char in visible:
        out.append(last)
        if not (char.isspace() or char in STRAIGHT):
            last = char
    return out


def _latin(char: str) -> bool:
    return (char.isalpha() and char.isascii()) or "\u00c0" <= char <= "\u024f"
