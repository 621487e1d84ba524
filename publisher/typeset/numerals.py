"""The digits of generated numbers: folios, contents, footnote numbers, ordered lists.

`numerals = "auto"` (the default) takes the digits the text itself writes most, else the ones
CLDR gives the language and region as their default numbering system (through babel): European
digits for ar, ar-MA, ar-DZ, ar-TN, ar-LY, ar-EH and ur, Arabic-Indic (٣) for ar-EG, ar-SA, ar-IQ,
ar-MR and ckb, Extended Arabic-Indic (۳) for fa and ps. The digits an author typed are never changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SYSTEMS = {
    "latin": "0123456789",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "extended-arabic-indic": "۰۱۲۳۴۵۶۷۸۹",
}
CSS_COUNTER_STYLES = {"latin": "decimal", "arabic-indic": "arabic-indic", "extended-arabic-indic": "persian"}
_CLDR = {"latn": "latin", "arab": "arabic-indic", "arabext": "extended-arabic-indic"}
_STARTED_LIST = re.compile(r'<ol\b(?P<attrs>[^>]*?) start="(?P<start>-?[0-9]{1,9})"(?P<rest>[^>]*)>')


def choose_numerals(setting: str, language: str, texts: Iterable[str]) -> str:
    """The digits generated numbers use: `setting` when not "auto", else the text's, else CLDR's."""
    if setting != "auto":
        return setting
    return written_numerals(texts) or language_numerals(language)


def written_numerals(texts: Iterable[str]) -> str | None:
    """The digit system the texts use most, or None when they hold no digit or two systems tie."""
    counts = dict.fromkeys(SYSTEMS, 0)
    tables = {name: frozenset(digits) for name, digits in SYSTEMS.items()}
    for text in texts:
        for char in text:
            if "0" <= char <= "9" or "\u0660" <= char <= "\u0669" or "\u06f0" <= char <= "\u06f9":
                for name, table in tables.items():
                    if char in table:
                        counts[name] += 1
    first, second = sorted(counts.values(), reverse=True)[:2]
    if first == second:
        return None  # no digits, or as many of two kinds: the language decides
    return max(counts, key=lambda name: counts[name])


def language_numerals(language: str) -> str:
    """CLDR's default numbering system for a BCP 47 tag, as one of SYSTEMS (European when unknown)."""
    from babel import Locale, UnknownLocaleError

    parts = language.replace("_", "-").split("-")
    for tag in ("_".join(parts), parts[0]):
        try:
            return _CLDR.get(Locale.parse(tag).default_numbering_system, "latin")
        except (UnknownLocaleError, ValueError):
            continue
    return "latin"


def localise_digits(text: str, system: str) -> str:
    """`text` with its European digits written in `system` (for numbers the tool generates)."""
    return text.translate(str.maketrans("0123456789", SYSTEMS[system])) if system != "latin" else text


def list_starts_counted(body: str) -> str:
    """`body` with each ordered list that starts at a number of its own (Markdown's "4." first item, `<ol start="4">`)
    counting from it in CSS. WeasyPrint reads `start` only among HTML's presentational hints, which the PDF is
    rendered without: a league table resumed at "4." after a note printed "1." (the EPUB's reading systems read it)."""

    def counted(match: re.Match[str]) -> str:
        reset = f"counter-reset: list-item {int(match['start']) - 1}"
        attrs, rest = match["attrs"], match["rest"]
        if ' style="' in attrs + rest:
            attrs, rest = (part.replace(' style="', f' style="{reset}; ', 1) for part in (attrs, rest))
        else:
            rest += f' style="{reset}"'
        return f'<ol{attrs} start="{match["start"]}"{rest}>'

    return _STARTED_LIST.sub(counted, body)
