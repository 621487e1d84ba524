"""Kashida: where an Arabic word may be elongated, and by how much, measured with HarfBuzz in the book's fonts.

A justified Arabic line can take part of its slack by stretching the join between two letters with
tatweel (U+0640) instead of widening its spaces. Where, follows the priorities word processors took from
the calligraphers' practice (Microsoft's justification of Arabic for Internet Explorer 5.5, explained in
"The big kashida secret", khtt.net; LibreOffice's i18nutil/kashida.cxx follows the same table), the lower
class first, and within a class the join nearest the end of the word:

1. after an initial or medial seen or sad (س ش ص ض): "سـلام";
2. before a final tāʾ marbūṭa, hāʾ or dāl (ة ه د ذ): "مدرسـة";
3. before a final alef, ṭāʾ, lām, kāf or gāf (ا ط ظ ل ك ک گ), never lām then alef (the lam-alef ligature);
4. before a medial beh-like letter followed by rāʾ, yāʾ or alef maqṣūra (ب ت ث ن ي ئ + ر ز ي ى): "الـبيت";
5. before a final wāw, ʿayn, qāf or fāʾ (و ؤ ع غ ق ف);
6. before any other final letter that joins;
7. any other join (between two medial forms), last.

Never right after the lām of the article ("الـبيت"), where newspapers stretch and calligraphers do not.

At most one join per word (W3C alreq; Nemeth, "On Arabic justification"), never in a word shorter than three
letters or with a tatweel the author typed. In a vocalised word the letters decide, and the tatweel goes after
the marks of the letter before it ("كَتَــبَ"), as in a printed muṣḥaf. A join is used only if the font keeps
its shaping: the elongated word, shaped with HarfBuzz, must draw the glyphs of the plain word plus tatweel
glyphs, so that lam-alef, the Allah ligature and the font's contextual forms (Amiri's kāf-beh, mīm-ḥāʾ-mīm…)
still form; a join whose elongation changes them is skipped for the next one. Lengths are in em of the font
size.

How much, on a line (`allocate`): as few words as take its slack, each grown by up to three tatweels, all
together a tatweel at a time; the rule is one join a word, not a number of words a line, so a loose line
elongates more of its words before any grows longer, and only when every join of the line has three do
those of the first three classes, where calligraphers stretch furthest, take a fourth. Alreq and Nemeth
warn against long and crowded elongations: three tatweels (0.56 em in Amiri) are the ordinary length and
four (0.74 em, drawn by Amiri as one stroke) the longest, on lines that spaces alone would leave gaping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .ink import shape

TATWEEL = "\u0640"
MAX_TATWEELS = 3  # per word: Amiri's three tatweels are 0.56 em, a long but not a barred word
LONG_TATWEELS = 4  # at the best joins, on a line whose every join has three: 0.74 em, one stroke (uni0640.4)
LONG_RANKS = 3  # those best joins: after seen and sad, before a final taa marbuta, haa, dal, alef, lam, kaf
MIN_LETTERS = 3

# Unicode joining types (ArabicShaping.txt) of the letters a word here may hold: R joins its previous
# letter only, U neither; everything else in WORD below is dual-joining (D).
_RIGHT_JOINING = frozenset(
    "\u0622\u0623\u0624\u0625\u0627\u0629\u062f\u0630\u0631\u0632\u0648\u0671\u0672\u0673\u0675\u0676\u0677"
    + "".join(map(chr, range(0x0688, 0x069A)))
    + "\u06c0\u06c3\u06c4\u06c5\u06c6\u06c7\u06c8\u06c9\u06ca\u06cb\u06cd\u06cf\u06d2\u06d3\u06d5\u06ee\u06ef"
)
_NON_JOINING = frozenset("\u0621\u0674")
_SEEN_SAD = frozenset("سشصض")
_HAA_DAL = frozenset("ةهدذۀە")
_ALEF_LAM_KAF = frozenset("اأإآٱطظلكکگ")
_ALEFS = frozenset("اأإآٱ")
_BEH_LIKE = frozenset("بتثنيئپیىٹ")
_RA_YA = frozenset("رزيىیژ")
_WAW_AIN_QAF_FA = frozenset("وؤعغقفڤ")
_ARTICLES = ("وال", "فال", "بال", "كال", "ال", "لل")  # the article, alone or after a one-letter particle
# A word as the justification sees it: Arabic letters, with marks, tatweel and the zero-width (non-)joiner.
WORD = re.compile("[\u0620-\u065f\u0670-\u06d3\u06d5-\u06ed\u06fa-\u06ff\u200c\u200d]+")
_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")


def as_typed(text: str, elongated: Mapping[str, str]) -> str:
    """`text` with each word kashida elongated (`elongated`: as drawn → as typed) as typed (a word as kashida found it,
    its letters and marks: not the Arabic question mark after it, "سَـــامِي؟")."""
    return WORD.sub(lambda word: elongated.get(word[0], word[0]), text) if elongated else text


def joins(word: str) -> list[tuple[int, int]]:
    """The places of `word` where a tatweel may go, best first: (priority class, index to insert at). In a
    vocalised word the letters decide, and the tatweel goes after the marks of the letter before it."""
    at = [index for index, char in enumerate(word) if not _MARKS.match(char)]  # each letter's index in the word
    return [(rank, at[place]) for rank, place in _joins("".join(word[index] for index in at))]


def _joins(word: str) -> list[tuple[int, int]]:
    letters = list(word)
    if len(letters) < MIN_LETTERS or TATWEEL in word or "\u200c" in word:
        return []
    found: list[tuple[int, int]] = []
    article = next((len(prefix) for prefix in _ARTICLES if word.startswith(prefix) and len(word) > len(prefix) + 1), 0)
    for i in range(len(letters) - 1):
        left, right = letters[i], letters[i + 1]
        if not (_dual(left) and (_dual(right) or right in _RIGHT_JOINING)):
            continue
        final = i + 2 == len(letters) or right in _RIGHT_JOINING
        after = letters[i + 2] if i + 2 < len(letters) else ""
        if left == "ل" and right in _ALEFS:
            continue  # lam-alef is one ligature
        if i + 1 <= article:  # inside the article or right after it
            continue
        if left in _SEEN_SAD:
            rank = 1
        elif final and right in _HAA_DAL:
            rank = 2
        elif final and right in _ALEF_LAM_KAF:
            rank = 3
        elif not final and right in _BEH_LIKE and after in _RA_YA:
            rank = 4
        elif final and right in _WAW_AIN_QAF_FA:
            rank = 5
        elif final:
            rank = 6
        else:
            rank = 7
        found.append((rank, i + 1))
    return sorted(found, key=lambda place: (place[0], -place[1]))


def _dual(char: str) -> bool:
    return (
        bool(WORD.fullmatch(char))
        and char not in _RIGHT_JOINING
        and char not in _NON_JOINING
        and not _MARKS.match(char)
        and char not in "\u200c\u200d"
    )


@dataclass(frozen=True)
class Stretch:
    """One word's elongation: the join's class, where the tatweels go, and the width each count adds (em)."""

    rank: int
    at: int
    gains: tuple[float, ...]  # gains[n - 1]: what n tatweels add to the word's advance

    def apply(self, word: str, count: int) -> str:
        """`word` with `count` tatweels at the join."""
        return word[: self.at] + TATWEEL * count + word[self.at :]


@lru_cache(maxsize=65536)
def stretch(word: str, font: Path) -> Stretch | None:
    """The best join of `word` whose elongation keeps the shaping of the font file `font` (see the module
    docstring), with what one to MAX_TATWEELS tatweels add (LONG_TATWEELS at a join of the first LONG_RANKS
    classes, when the font keeps its shaping so far); None when the word has none."""
    places = joins(word)
    if not places:
        return None
    plain = shape(word, font)
    for rank, at in places:
        gains: list[float] = []
        for count in range(1, (LONG_TATWEELS if rank <= LONG_RANKS else MAX_TATWEELS) + 1):
            longer = shape(word[:at] + TATWEEL * count + word[at:], font)
            if not keeps_glyphs(plain.glyphs, longer.glyphs):
                break
            if longer.advance - plain.advance <= (gains[-1] if gains else 0.0):
                break  # a tatweel that adds nothing
            gains.append(longer.advance - plain.advance)
        if len(gains) >= MAX_TATWEELS:
            return Stretch(rank, at, tuple(gains))
    return None


def keeps_glyphs(plain: Sequence[str], longer: Sequence[str]) -> bool:
    """Whether the glyphs of an elongated word are the plain word's plus tatweel: the same glyphs in the same
    order once the tatweel glyphs are set aside, a glyph that took the tatweel in (Amiri's "alef.fina_Tatweel")
    counting as its plain form. A ligature broken, or a contextual form lost, makes them differ."""
    kept = [name for name in longer if not _is_tatweel(name)]
    if len(kept) != len(plain):
        return False
    return all(
        a == b or (b.endswith("_Tatweel") and b.removesuffix("_Tatweel") == a) for a, b in zip(plain, kept, strict=True)
    )


def _is_tatweel(name: str) -> bool:
    return name == "uni0640" or name.startswith("uni0640.")


def has_tatweel(font: Path) -> bool:
    """Whether the font file draws U+0640 (without it, justification falls back to spaces)."""
    return shape(TATWEEL, font).glyphs not in ((), (".notdef",))


@dataclass(frozen=True)
class Candidate:
    """A word of a justified line that may be elongated: its place on the line (0 = first in reading order),
    its join's class and what one, two… tatweels add to the line (in the unit of the target)."""

    place: int
    rank: int
    gains: tuple[float, ...]


def allocate(candidates: Sequence[Candidate], target: float, tolerance: float = 0.0) -> dict[int, int]:
    """How many tatweels each candidate word gets (by place) so that their gains fill `target`, passing it by
    `tolerance` at most (what the line's spaces may give up) with the tatweel that reaches it: one join per
    word, in as few words as reach the target with MAX_TATWEELS each, taken by the best class first and, within
    a class, the last words of the line first; the chosen words grow together, a tatweel at a time, so that
    none becomes much longer than the others. Only when every word's join is full do those of the best classes
    grow to LONG_TATWEELS."""
    order = sorted(candidates, key=lambda c: (c.rank, -c.place))
    chosen: list[Candidate] = []
    reach = 0.0
    for candidate in order:
        if reach >= target:
            break
        chosen.append(candidate)
        reach += candidate.gains[MAX_TATWEELS - 1]
    counts: dict[int, int] = {}
    taken = 0.0
    for level in range(1, LONG_TATWEELS + 1):
        for candidate in chosen:
            more = _step(candidate, counts, level)
            if more is not None and taken + more <= target:
                counts[candidate.place] = level
                taken += more
        if any(counts.get(c.place, 0) < min(level, len(c.gains)) for c in chosen):
            break  # the next level waits until every chosen word has this one
    # The joins before the spaces: on a line that is elongated at all, the tatweel that passes the target too,
    # when the spaces can give it up (a line short of one tatweel keeps its words as they are).
    for level in range(1, LONG_TATWEELS + 1 if counts else 1):
        last = next(((c, more) for c in chosen if (more := _step(c, counts, level)) is not None), None)
        if last is not None:
            candidate, more = last
            if taken < target and taken + more <= target + tolerance:
                counts[candidate.place] = level
            break
    return counts


def _step(candidate: Candidate, counts: dict[int, int], level: int) -> float | None:
    """What growing `candidate` from `level - 1` tatweels to `level` adds; None when it has not `level - 1`
    tatweels or cannot take `level`."""
    if counts.get(candidate.place, 0) != level - 1 or level > len(candidate.gains):
        return None
    return candidate.gains[level - 1] - (candidate.gains[level - 2] if level > 1 else 0.0)


def choose_joins(
    words: Sequence[tuple[str, Path | None, float]], target: float, typed: set[str], tolerance: float = 0.0
) -> dict[int, tuple[Stretch, int]]:
    """For words (text, font file or None for one never elongated, size): which get tatweels, by place, at
    which join and how many, filling `target` and passing it by `tolerance` at most (in the unit of the sizes:
    em for a size of 1; see `allocate`). An elongated form the author typed elsewhere is never made: the text
    layer would give it this text."""
    candidates, stretches = [], {}
    for place, (word, font, size) in enumerate(words):
        found = stretch(word, font) if font is not None else None
        if found is None or any(found.apply(word, n) in typed for n in range(1, len(found.gains) + 1)):
            continue
        stretches[place] = found
        candidates.append(Candidate(place, found.rank, tuple(g * size for g in found.gains)))
    return {place: (stretches[place], n) for place, n in allocate(candidates, target, tolerance).items()}
