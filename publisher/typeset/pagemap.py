"""Where each page of the PDF begins, in terms the EPUB can find again: the print-page map.

The PDF's layout says, for each page, which part of the book its first word lies in (a chapter, the
title page or article head, the imprint, the contents) and how many words of that part come before it;
the EPUB's documents hold the same parts, so the same count, checked against the page's first words,
finds the place to mark. Both sides cut text into words with `word_spans` and compare them through
`normalise`, so that what only one side draws (kashida's tatweels, the break marks of an address, bidi
controls) never shifts a count.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

IMAGE = "\ufffc"  # an image counts as one word: a page may begin with a picture
WORDS_KEPT = 6  # the first words of a page kept to find it again: six words in a row are never near twice
TITLEPAGE, IMPRINT, CONTENTS = "titlepage", "imprint", "contents"

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
_TATWEEL = "\u0640"


@dataclass(frozen=True)
class PageStart:
    """Where a page of the PDF begins: its place in the PDF (from 1) and its folio as the PDF prints it
    (or would, on a page that prints none), the part of the book its first word is in (a chapter's id,
    TITLEPAGE, IMPRINT or CONTENTS), how many words of that part come before it, and its first words."""

    number: int
    folio: str
    part: str
    index: int
    words: tuple[str, ...]

    def plain(self) -> list[Any]:
        """As JSON holds it (the build cache keeps a PDF's page map)."""
        return [self.number, self.folio, self.part, self.index, list(self.words)]

    @classmethod
    def from_plain(cls, raw: Any) -> PageStart | None:
        """A page start read back from JSON; None unless every field has its type."""
        if not (isinstance(raw, list) and len(raw) == 5):
            return None
        number, folio, part, index, words = raw
        counts = all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in (number, index))
        texts = all(isinstance(t, str) and len(t) <= 200 for t in (folio, part))
        listed = isinstance(words, list) and len(words) <= WORDS_KEPT and all(isinstance(w, str) for w in words)
        if not (counts and texts and listed):
            return None
        return cls(number, folio, part, index, tuple(words))


def normalise(word: str) -> str:
    """A word as both sides compare it: NFC, case folded, without format characters (bidi controls,
    zero-width spaces and joiners, soft hyphens) or tatweel."""
    kept = "".join(c for c in unicodedata.normalize("NFC", word) if c != _TATWEEL and unicodedata.category(c) != "Cf")
    return kept.casefold()


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word of `text` (a run of characters between white space) that holds more than format
    characters: where it starts and ends in `text`, and the word normalised."""
    for match in _WORD.finditer(text):
        word = normalise(match[0])
        if word:
            yield match.start(), match.end(), word


def words(text: str) -> list[str]:
    """The normalised words of `text`."""
    return [word for _, _, word in word_spans(text)]


def part_of(tag: str | None, classes: str, identifier: str | None) -> str | None:
    """The part of the book an element of the PDF's HTML opens (the packaged templates' names for them),
    or None when it opens none."""
    names = set(_SPACE.split(classes.strip())) if classes else set()
    if tag == "section" and "chapter" in names and identifier:
        return identifier
    if names & {"title-page", "article-head"}:
        return TITLEPAGE
    if "imprint" in names:
        return IMPRINT
    if tag == "nav" and "toc" in names:
        return CONTENTS
    return None
