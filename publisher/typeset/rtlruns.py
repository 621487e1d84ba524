"""Right-to-left runs inside left-to-right text (an English book quoting Arabic), found so each reads as typed: the
mirror of bidi.py's left-to-right runs."""

from __future__ import annotations

import re

from .bidi import ARABIC_PUNCTUATION, LTR_ALNUM, RTL_BLOCKS


def rtl_runs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every right-to-left run of a left-to-right text that must be isolated: Arabic (or Hebrew...)
    words joined by spaces or by the punctuation of their own script ("مصر، السعودية"), which Latin punctuation or a
    number would otherwise join to the next run or read inside it. Unisolated, ".مصر, .السعودية and" was drawn with
    the two names swapped, ".السعودية. ,مصر", and "سورة البقرة 255" with the number first."""
    runs = [match.span() for match in _RTL_RUN.finditer(text)]
    needed = set()
    for n, (_, end) in enumerate(runs):
        after = _NEXT_STRONG.match(text, end)
        if after is None:
            continue
        if after[1].isdigit():
            needed.add(n)
        elif n + 1 < len(runs) and after.end(1) > runs[n + 1][0]:  # the next strong letter is the next run's
            needed |= {n, n + 1}
    return [run for n, run in enumerate(runs) if n in needed]


# A right-to-left word: letters of those scripts, their marks and digits, the tatweel, joined inside by what joins a
# word's parts ("وزارة-الاتصالات", "عمان_الكبرى"); words joined by spaces and the script's own punctuation
_RTL_LETTER = f"[{RTL_BLOCKS}]"
_RTL_WORD = f"(?:{_RTL_LETTER}(?:[{RTL_BLOCKS}]|[-_.'\u2019]+(?={_RTL_LETTER}))*)"
_RTL_RUN = re.compile(
    f"(?<![{RTL_BLOCKS}]){_RTL_WORD}(?:[{ARABIC_PUNCTUATION}]?[ \u00a0]+{_RTL_WORD})*[{ARABIC_PUNCTUATION}]?"
)
# what follows a run up to the next letter or digit of any script: it needs isolating if that is a digit or another run
_NEXT_STRONG = re.compile(f"[^\\w{RTL_BLOCKS}]*([0-9]|{_RTL_LETTER}|{LTR_ALNUM})")
