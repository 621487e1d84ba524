"""What a BCP 47 language tag tells the layouts: the script, the writing direction, the list comma.

One table for every stage: the manifest's default direction and the separator that joins names
both come from the script a tag names, or else the script its language is usually written in.
"""

from __future__ import annotations

import re

# The shape of a tag the manifest and a span's `lang` accept: a language, then subtags ("ar", "ar-MA", "ku-Arab").
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

# Scripts written right to left (ISO 15924 codes, lower case).
RTL_SCRIPTS = {"adlm", "arab", "armi", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa"}

# The script a language is written in when its tag names none, for the languages whose usual
# script is right to left (ISO 639 primary subtags). Any other language is taken as left to right.
USUAL_SCRIPTS = {
    "ar": "arab",
    "arc": "armi",
    "ckb": "arab",
    "dv": "thaa",
    "fa": "arab",
    "he": "hebr",
    "iw": "hebr",
    "ks": "arab",
    "ps": "arab",
    "sd": "arab",
    "ug": "arab",
    "ur": "arab",
    "yi": "hebr",
}


def primary_language(tag: str) -> str:
    """The language subtag of a BCP 47 tag, lower case: "ar-MA" → "ar"."""
    return tag.split("-")[0].lower()


def script_of(tag: str) -> str | None:
    """The script of a BCP 47 tag: its script subtag ("ku-Arab" → "arab"), else its language's usual one."""
    for part in tag.lower().split("-")[1:]:
        if len(part) == 4 and part.isalpha():
            return part
    return USUAL_SCRIPTS.get(primary_language(tag))


def text_direction(tag: str) -> str:
    """The writing direction of a BCP 47 tag: "rtl" or "ltr"."""
    return "rtl" if script_of(tag) in RTL_SCRIPTS else "ltr"


def list_separator(tag: str) -> str:
    """The comma that joins names: the Arabic comma for text in Arabic script."""
    return "، " if script_of(tag) == "arab" else ", "
