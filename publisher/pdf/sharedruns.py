"""Left-to-right runs drawn in several text objects ("Maroc *Digital* 2030", a run with an exponent in another font),
which PDFium would read segment by segment reversed: found over a line's glyphs for lineroles.py, each given one
/ActualText of the whole run (textlayer.py)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from ..typeset.bidi import ACCIDENTALS, POWERS, RTL_BLOCKS, SCRIPT_SIGNS
from .charclass import DIGITS, NEWER_CURRENCY, compat, letter_kind, pdfium_actual_text, unknown_to_poppler
from .pieces import COMPAT, PLAIN, RUN_END_SPACE, WORD
from .ranges import SIGNS, indic
from .tjroles import ARABIC_COMMA, CURRENCY, ROOTS, script_parts

Arrays = Collection[int]  # arrays of a line, by place
# a space, the no-break space between a number and its unit (typeset/units.py), and the other spaces of Unicode: the
# en space the layouts put around a separator ("Reuters · 27 نوفمبر", read "27 · Reuters" by poppler), a French
# narrow no-break space
SPACES = frozenset(" \u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f")
SEPARATORS = frozenset("\u00b7\u2022")  # separators the layouts draw (the imprint's "·", a bullet): never a run's


def shared_runs(
    glyphs: list[tuple[int, int, str]],
    marks: list[list[int]],
    touching: set[int],
    apart: Arrays,
    isolated: Arrays,
    code: Arrays = (),
    addressed: Collection[tuple[int, int]] = (),
) -> list[str]:
    """Left-to-right runs drawn in several text objects ("Maroc *Digital* 2030"), which PDFium would read
    segment by segment reversed: their glyphs get the role -1 - n (their elements from the first letter or
    digit to the last); returns the runs' texts, n-th for the n-th. Each object's part of the run gets the
    same named /ActualText of the whole run: PDFium reads the first and skips the others, as deep in marked
    content and with the same innermost dictionary (marks.py, `PreMarkedContent`). An address's glyphs (`addressed`)
    are no run's: the end of one broken over lines, "&page=2،", was read twice, its /ActualText's and a run's."""
    texts: list[str] = []
    runs: list[list[int]] = [[]]  # positions in `glyphs` of each run's first and last letter or digit
    # the arrays of code that hold right-to-left letters and no left-to-right one, and the runs that take them in
    kinds: dict[int, set[str]] = {}
    for s, _, text in glyphs:
        kinds.setdefault(s, set()).add(letter_kind(text))
    quoted = {s for s in code if "R" in kinds.get(s, set()) and "L" not in kinds[s]}
    coded: set[int] = set()
    previous = (-1, -1, " ")
    for position, (s, i, text) in enumerate(glyphs):
        kind = "R" if s in apart or (s, i) in addressed else letter_kind(text)
        kind = "L" if kind == "N" and s in isolated and text.strip() else kind  # an isolate's "#!" of "#!/bin/sh"
        # Arabic in an array of its own set left to right, inside a run begun in such an array: the string in code's
        # `{"name": "علي", "age": 30}` (Arabic in its own font); not the text an isolate's array goes on with
        inside = kind == "R" and s in quoted and bool(runs[-1]) and glyphs[runs[-1][0]][0] in isolated
        inside = inside and any(letter_kind(g[2]) == "L" and g[2].isalpha() for g in glyphs[runs[-1][0] : position])
        kind = "L" if inside else kind
        # an Arabic unit's power, no run's ("120 م² × 1.5 = 180" was read "م1.5 = 180 × ²")
        kind = "R" if unit_power(glyphs, position) else kind
        # an ion's charge or an exponent's sign, in another font, against its letter or digit ("وCl⁻،"), and a note's
        # accidental ("وSi♭", "وFa♯", read "و♭Si" by both; after a fraction too, a quarter tone's "Si½♭")
        held = letter_kind(previous[2][-1:]) == "L" or compat(previous[2])
        kind = "L" if text in SCRIPT_SIGNS + ACCIDENTALS and held else kind
        # and a currency sign after a number, in another font ("300₽", read "₽300" by both: charclass.NEWER_CURRENCY)
        kind = "L" if text in NEWER_CURRENCY and previous[2][-1:] in DIGITS else kind
        # (not a combining mark drawn over the letter before it, in another font: "u⃗", whose arrow began a run)
        if s != previous[0] and not (text + previous[2]).count(" ") and s not in touching and not _combining(text):
            runs.append([])  # side by side (cells)
        last = runs[-1][-1] if runs[-1] else position  # (and Arabic-Indic numbers a space parts, which are set right
        parted = indic(text) and s not in isolated and " " in [g[2] for g in glyphs[last:position]]  # to left: "٥ ≥ ٣")
        joiner = "".join(glyph[2] for glyph in glyphs[last + 1 : position])
        if runs[-1] and (parted or (kind == "L" and script_parts(text, glyphs[last][2], position == last + 1, joiner))):
            runs.append([])
        separator = text in SEPARATORS and s not in isolated  # (an isolate's "·" is a product's: "u⃗ · v⃗")
        if kind == "L":
            runs[-1][:] = [runs[-1][0] if runs[-1] else _signed_from(glyphs, position), position]
            coded |= {len(runs) - 1} if inside else set()
        elif text in OPENING and previous[2] and letter_kind(previous[2]) == "L" and _spaced(glyphs, position):
            # an opening bracket drawn right of a digit, a space after it: the right-to-left text's ("A19 Pro (3
            # نانومتر)", drawn "(3 نانومتر) A19 Pro" mirrored), which bidi.py leaves out of the run; PDFium read "3:"
            runs.append([])
        elif kind == "R" or separator or text == ARABIC_COMMA or marks[s][i] == RUN_END_SPACE:
            # a separator, an Arabic comma or a run's end space part two runs
            runs.append([])
        previous = (s, i, text)
    for place, run in enumerate(runs):
        if not run:
            continue
        run[-1] = _signed_to(glyphs, run, isolated)
        (s0, i0, _), (s1, i1, _) = glyphs[run[0]], glyphs[run[-1]]
        joined = _logical(glyphs[run[0] : run[-1] + 1], isolated)
        if place in coded:  # its Arabic words as typed: they are drawn right to left inside it
            joined = _RTL_WORDS.sub(lambda word: word[0][::-1], joined)
        raised = any(compat(text) for _, _, text in glyphs[run[0] : run[-1] + 1])  # "Cl⁻", its sign in another font
        if s0 == s1 or (pdfium_actual_text(joined) == joined and not raised):
            continue
        # (not before code holding Arabic, `name = "علي"`: given in its objects' text, "وname…", and read twice)
        glued = _glued_prefix(glyphs, run[-1], touching) if place not in coded else []
        if glued:  # "وCl⁻": PDFium put a space between the run and its prefix, unless the prefix is in the run's text
            run[-1] += len(glued)
            (s1, i1, _), joined = glyphs[run[-1]], "".join(reversed(glued)) + joined
        role = -1 - len(texts)
        # and a space after it, where one is drawn (PDFium lost the one before "G ≈" ending a loose line: "العامG")
        spaced = run[-1] + 1 < len(glyphs) and glyphs[run[-1] + 1][2] in SPACES
        # (not one the line's start follows, neutrals only on its right: "≈ 1.2 × 10⁻⁴" read " ≈1.2", lineroles.py)
        spaced = spaced and any(letter_kind(text) != "N" for _, _, text in glyphs[run[-1] + 2 :])
        # and one where a table's cell ends, on its right: PDFium read the cell before it glued to it ("EK 201DXB")
        beyond = glyphs[run[-1] + 1][0] if run[-1] + 1 < len(glyphs) else None
        celled = beyond is not None and beyond != s1 and beyond not in touching
        texts.append(joined + " " if spaced or celled else joined)
        for number in range(s0, s1 + 1):
            first, last = i0 if number == s0 else 0, i1 if number == s1 else len(marks[number]) - 1
            # a superscript digit's or fraction's own role too: the run's text has it ("Δ = b² − 4ac", in two fonts);
            # and a marked word's in code, its Arabic string, whose own /ActualText was read too ("الرباط" of `WHERE
            # city = 'الرباط'`, a word Amiri kerns)
            within = marks[number][first : last + 1]
            kept = (PLAIN, COMPAT)
            marks[number][first : last + 1] = [
                role if m in kept or (m >= WORD and number in code) else m for m in within
            ]
    return texts


def _combining(text: str) -> bool:
    return bool(text) and unicodedata.combining(text[0]) > 0


def unit_power(glyphs: list[tuple[int, int, str]], position: int) -> bool:
    """Whether the glyph at `position` is a power drawn left of an Arabic letter: a unit's, "م²", "سم³" (typeset/bidi.py
    keeps it out of a run), not a left-to-right number's."""
    s, _, text = glyphs[position]
    after = glyphs[position + 1] if position + 1 < len(glyphs) else (s, 0, "")
    return text in POWERS and after[0] == s and letter_kind(after[2]) == "R"  # (in its array: not a cell's "v₀")


OPENING = frozenset("([{")
_RTL_WORDS = re.compile(f"[{RTL_BLOCKS}]+(?: [{RTL_BLOCKS}]+)*")


def _logical(glyphs: list[tuple[int, int, str]], isolated: Arrays) -> str:
    """A run's text: its glyphs' in the order drawn, but for an isolate glued to an Arabic-Indic number set right to
    left of it, which comes after the number ("٢٥°C", drawn "°C٢٥"), and the number's sign, drawn on its right,
    which comes before it ("-٣°C", drawn "°C٣-")."""
    parts: list[list[str]] = [[]]
    numbers = _signed_numbers(glyphs, isolated)
    for (s, _, text), before in zip(glyphs, glyphs[:1] + glyphs, strict=False):  # (the first glyph beside itself)
        turned = before[0] != s and (before[0] in isolated) != (s in isolated)
        # (or a signed one Persian isolates, "−۲°C", drawn "°C−۲": two isolates, set right to left)
        if (turned and indic(text if s not in isolated else before[2])) or (before[0] != s and s in numbers):
            parts.append([])
        parts[-1].append(text)
    for part in parts[1:]:
        while part[-1] in SIGNS and indic(part[0]):
            part.insert(0, part.pop())
    return "".join("".join(part) for part in reversed(parts))


def _signed_numbers(glyphs: list[tuple[int, int, str]], isolated: Arrays) -> set[int]:
    """The isolated arrays of a signed number in Arabic-Indic digits ("−۲"), glued to an isolate drawn on its left."""
    texts: dict[int, str] = {}
    for s, _, text in glyphs:
        texts[s] = texts.get(s, "") + text
    return {
        s
        for s, text in texts.items()
        if s in isolated
        and s - 1 in isolated
        and text[:1] in SIGNS
        and indic(text[1:2])
        and all(indic(char) or not char.isalnum() for char in text)
    }


def _signed_to(glyphs: list[tuple[int, int, str]], run: list[int], isolated: Arrays) -> int:
    """Where a run ends: with the sign drawn right of its last glyph if that is an Arabic-Indic number's, glued to an
    isolate on its left (`_logical`)."""
    end = run[-1]
    s = glyphs[end][0]
    if s in isolated or not indic(glyphs[end][2]) or not any(glyphs[p][0] in isolated for p in range(run[0], end)):
        return end
    while end + 1 < len(glyphs) and glyphs[end + 1][0] == s and glyphs[end + 1][2] in SIGNS:
        end += 1
    return end


def neutral_to_poppler(run: str) -> bool:
    """Whether a run holds letters poppler takes for neutrals (charclass.unknown_to_poppler): it read "ⴰⵎⴳⴳⴰⵣ
    (Asggʷas ameggaz)" drawn over three objects with its Tifinagh word after the Latin, and "ⴰⵙⴳⴳⵯⴰⵙ ⴰⵎⴳⴳⴰⵣ" backwards,
    unless it has the run's text from its first object, between LEFT-TO-RIGHT MARKs; and a run ending in a note's
    accidental, a neutral to poppler ("وSi♭", read "و♭Si"); and one with a currency sign in another font than its
    number's, which poppler read on the number's other side after a prefix ("و300₽", read "و₽300")."""
    return any(map(unknown_to_poppler, run)) or run.rstrip()[-1:] in ACCIDENTALS or bool(NEWER_CURRENCY & set(run))


def turned(run: str) -> bool:
    """Whether a run's text is not in the order drawn (`_logical`): an Arabic-Indic number before the Latin
    isolate glued to it; poppler, reading them as drawn, takes its text from the run's first object (as code's)."""
    first = next((char for char in run if char not in SIGNS and letter_kind(char) != "R"), "")  # after "و" of "و٤G"
    return indic(first) and any(char.isalpha() and letter_kind(char) == "L" for char in run)


def _glued_prefix(glyphs: list[tuple[int, int, str]], end: int, touching: set[int]) -> list[str]:
    """The glyphs of the right-to-left word drawn against a run's right end, no space between (the prefix "و" of
    "وCl⁻"), in drawing order."""
    glued: list[str] = []
    for s, _, text in glyphs[end + 1 :]:
        if letter_kind(text) != "R" and not (glued and unicodedata.category(text[:1]) == "Mn"):
            break
        if s != glyphs[end][0] and s not in touching:
            break
        glued.append(text)
        end += 1
    return glued


def _signed_from(glyphs: list[tuple[int, int, str]], position: int) -> int:
    """Where a run whose first letter or digit is at `position` begins: with the signs just before a number
    ("√2 ≈ 1.414", its "≈" in another font; PDFium read "كان√ 2"), as `tjroles._signed` finds them in one object."""
    start = position
    while glyphs[position][2][:1].isdigit() and start > 0 and glyphs[start - 1][2] in SIGNS | ROOTS | CURRENCY:
        start -= 1
    return start


def _spaced(glyphs: list[tuple[int, int, str]], position: int) -> bool:
    """Whether the glyph after `position` is a space."""
    return position + 1 < len(glyphs) and glyphs[position + 1][2] in SPACES
