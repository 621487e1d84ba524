"""The seed article keeps its words exactly: only paragraph breaks were added."""

from __future__ import annotations

import hashlib

from conftest import REPO, SEED


def test_seed_words_are_unchanged() -> None:
    """SHA-256 of the received article's words joined by single spaces (shared/seed/000_55136804966b40af.txt)."""
    text = (REPO / "source" / SEED / "article.txt").read_text(encoding="utf-8")
    digest = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
    assert digest == SEED_WORDS_SHA256
    assert text.count("\n\n") == 10  # eleven paragraphs, one per sentence of the report


SEED_WORDS_SHA256 = "82079eade68d82aeae282b048d98e88eb945b48d1fdaea22a311fbd35a19bf9b"
