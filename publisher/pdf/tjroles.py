"""The roles of the elements of one `TJ` array (lineroles.py finds those of a whole line): its left-to-right runs,
which PDFium would reorder, and its mirrored brackets."""

from __future__ import annotations

import itertools
import unicodedata

from . import marks as vocal
from .charclass import ORDERS, compat, letter_kind, pdfium_actual_text, pdfium_class
from .numberpunct import PERCENT
from .pieces import (
    BRACKET_AFTER_LTR,
    BRACKET_BY_NUMBER,
    COMPAT,
    LTR_RUN,
    MIRRORED,
    MIRRORED_AS_DRAWN,
    MIRRORED_BY_NUMBER,
    PLAIN,
    RUN_END_SPACE,
    UNKNOWN_LTR,
)
from .ranges import SIGNS, indic, latin_glyph, range_parts

# What ends a left-to-right run inside its isolate, drawn right of its last letter or digit (typeset/bidi.py: a URL's
# trailing slash, the brackets of "code_sample()"); PDFium read it apart ("/https://…/v2").
TAIL = frozenset("/)]+#\u00d7")  # and a name's "+", "++" or "#": "Galaxy S25+", "C#"; a magnification's "3×"
CURRENCY = frozenset(chr(c) for c in range(0x20A0, 0x20C1)) | frozenset("$\u00a3\u00a5")
ROOTS = frozenset("\u2213\u221a\u221b\u221c")  # ∓ √ ∛ ∜: a number's signs too ("√2 ≈ 1.414"), typeset/bidi.SIGNS
AFTER_RUN = PERCENT | CURRENCY  # what follows a number in its run, drawn right of it: "+3.9%", "38.5 M€"


# The Arabic comma is a number separator to the bidi algorithm, yet never inside a left-to-right run
# (typeset/bidi.py): it parts two numbers ("ط.10، 2009", drawn "2009 ،10.ط", which both read "ط.2009 10").
ARABIC_COMMA = "\u060c"


def tj_roles(
    elements: list[tuple[bytes, str | None]],
    marks: list[int],
    isolated: bool = False,
    context: tuple[str, str, str] = ("R", "R", "N"),
) -> list[int]:
    """The roles of the elements of one TJ array: `marks`, then left-to-right runs and mirrored brackets.

    A left-to-right run goes from a left-to-right letter or digit to the last one before a
    right-to-left letter; it is set apart only when PDFium would reorder it. `context` is PDFium's direction where
    it comes to the array's right end ("L" after a left-to-right word drawn right of it), the kind of the first
    letter or digit there, and that of the glyph drawn left of the array (lineroles.read_before).
    """
    reading, beyond, before = context
    roles = list(marks)
    glyphs = [index for index, (_, text) in enumerate(elements) if text is not None]
    for left, right in itertools.pairwise(glyphs):  # a word unknown to poppler, with the spacing inside
        if roles[left] == roles[right] == UNKNOWN_LTR:
            roles[left:right] = [UNKNOWN_LTR] * (right - left)
    run: list[int] = []  # the first and the last left-to-right letter or digit of the current run
    attached = False  # whether the glyphs since the run's last letter or digit are its tail (TAIL)
    end = _isolate_end(elements) if isolated else len(elements)
    glued = _glued_ends(elements)
    for index, (_, text) in enumerate([*elements, (b"", "\u0627")]):  # an ALEF closes the last run
        kind = None if text is None else letter_kind(text)
        # an isolate's every glyph after its last letter or digit: "3.2×", "GET /api/v2/indices?" (a line broke in code)
        tail = text in TAIL or text in AFTER_RUN or (isolated and text is not None and kind == "N" and text != " ")
        tail = tail or index in glued
        tail = tail or (end < index < len(elements) and text is not None)
        if run and attached and tail and roles[index] == PLAIN and not _power_of_bracket(elements, roles, run, index):
            run[-1] = index  # "https://data.example.ma/api/v2/": the slash is drawn inside the run
        attached = kind == "L" or (attached and (text is None or tail))
        between = "".join(t or "" for _, t in elements[run[-1] + 1 : index]) if run else ""
        parted = bool(run) and kind == "L" and script_parts(text, elements[run[-1]][1], index == run[-1] + 1, between)
        parted = parted and roles[index] != COMPAT  # a power is its number's, in any digits: "١٠²³"
        if kind == "R" or parted or text == ARABIC_COMMA:
            ltr = drawn_text(elements[run[0] : run[-1] + 1]) if run else ""
            if ltr and not isolated and _operated(ltr):
                # numbers and operators parted by spaces ("7 / 2"; not "1 500"): each reads right to left of the next,
                # as the bidi algorithm sets them, and is a stretch of its own to poppler (which read "2 / 7")
                for index in range(run[0], run[-1] + 1):
                    roles[index] = RUN_END_SPACE if elements[index][1] == " " and not roles[index] else roles[index]
                _raise_words(elements, roles, run[0], run[-1] + 1)
            elif ltr and (pdfium_actual_text(ltr) != ltr or range_parts(ltr) or _raised(ltr)):
                roles[run[0] : run[-1] + 1] = [LTR_RUN] * (run[-1] + 1 - run[0])
            run = []
        # "m/s²", "E = mc²", "1½", and an isolate's first: "½ + ½ = 1" (its first fraction read after the rest)
        if (kind == "L" and roles[index] == PLAIN) or ((run or isolated) and roles[index:][:1] == [COMPAT]):
            run = [run[0] if run else _signed(elements, roles, index), index]
        elif tail and isolated and not run and roles[index] == PLAIN:  # an isolate's first glyph: "$HOME", "<div>"
            run, attached = [index, index], True
    # PDFium reads the line from its visual right end, right to left: a bracket after a left-to-right word it reads as
    # that word's (BRACKET_AFTER_LTR); a vulgar fraction between its LEFT-TO-RIGHT MARKs is one ("(½)" was read "( ½(")
    for index in reversed(range(len(elements))):
        text = elements[index][1] or ""
        if roles[index] == RUN_END_SPACE or pdfium_class(text[:1] or " ") == "R":
            reading = "R"
        elif text and _pdfium_kind(roles[index], text) == "L":
            reading = "L"
        elif reading == "R" and roles[index] == PLAIN and _opened(text):
            roles[index] = MIRRORED  # (and an ornate opening one, not mirrored, but read beside a separator before it:
            # "تَعَالَى: ﴿وَالْعَصْرِ﴾" was read "تعالى﴿ والعصر﴾" by poppler, as "(" had been: marks.mirrored_texts)
        elif roles[index] == PLAIN and len(text) == 1 and ord(text) in vocal.MIRROR:
            roles[index] = BRACKET_BY_NUMBER if indic(_after(elements, index)[:1]) else BRACKET_AFTER_LTR
    for index in [i for i, role in enumerate(roles) if role == MIRRORED]:
        after = _after(elements, index)
        if after[:1].isdigit():  # "(ك-٥)", "(د.34) سجل": PDFium's unmirrored, between LEFT-TO-RIGHT MARKs (European
            roles[index] = BRACKET_BY_NUMBER  # digits too: mirrored, it was read "(د.34 (سجل" or "(ن-م-3(،")
    for index in [i for i, role in enumerate(roles) if role == MIRRORED]:  # with the spaces and marks around it
        for step in (-1, 1):
            near = index + step
            while (
                0 <= near < len(elements)
                and roles[near] == PLAIN
                and pdfium_class((elements[near][1] or " ")[:1]) == "N"
            ):
                roles[near], near = MIRRORED, near + step
    for start, end in _stretches(roles, MIRRORED):  # read as drawn with a number or a left-to-right run on its right
        beside = next((letter_kind(t) for _, t in elements[end:] if t and letter_kind(t) != "N"), beyond)  # ("{{ 7*7
        leftward = zip(roles[start - 1 :: -1], elements[start - 1 :: -1], strict=True) if start else iter(())
        on_left = next((_pdfium_kind(role, t) for role, (_, t) in leftward if t), before)
        drawn = beside == "L" or on_left == "N"  # }}"), or a neutral sign on its left ("دراهم (↑ 33%)"); else as typed
        roles[start:end] = [MIRRORED_AS_DRAWN if drawn else MIRRORED] * (end - start)
    # a relation between an Arabic word and a number, in an array of its own with the space on the number's side (the
    # math font drew it: "العمر ≥ 18", drawn "18 ≥ رمعلا"): PDFium read it glued to the word ("العمر≥ 18") unless its
    # text is as drawn, mirrored, as a bracket's beside a number is
    if (
        before in ("W", "L")
        and beyond == "R"
        and len(text := drawn_text(elements)) == 2
        and text[0] == " "
        and text[1] in ORDERS
    ):
        roles = [MIRRORED_BY_NUMBER if role in (MIRRORED, MIRRORED_AS_DRAWN) else role for role in roles]
    return roles


def _pdfium_kind(role: int, text: str) -> str:
    """PDFium's class of a glyph's text, a vulgar fraction's (COMPAT) L: its /ActualText is between LEFT-TO-RIGHT
    MARKs."""
    return "L" if role == COMPAT else pdfium_class(text[:1])


def _glued_ends(elements: list[tuple[bytes, str | None]]) -> set[int]:
    """The punctuation drawn between a Latin letter or digit and an Arabic letter, no space between: an isolate glued to
    the letter before it ("وCAMeLBERT (Inoue et al.," broken after its comma), its end drawn inside it, which PDFium
    read after the Arabic letter ("و.,CAMeLBERT")."""
    found: set[int] = set()
    between: list[int] = []
    last = ""
    for index, (_, text) in enumerate(elements):
        if text is None:
            continue
        kind = letter_kind(text)
        if kind == "N" and text.strip():
            between.append(index)
            continue
        if kind == "R" and last == "L" and not any(elements[n][1] in vocal.MIRRORED_CHARS for n in between):
            found.update(between)  # (not a bracket, which the bidi algorithm sets outside a run: "رقم(12)")
        between, last = [], "L" if latin_glyph(text) else ""  # (not an Arabic-Indic digit: "رقم(٣)")
    return found


def _raise_words(elements: list[tuple[bytes, str | None]], roles: list[int], start: int, end: int) -> None:
    """LTR_RUN for each word of an operated run that is digits raised to a power: "٣² = ٩" (PDFium read "²٣ = ٩")."""
    words = itertools.groupby(range(start, end), lambda i: elements[i][1] == " ")
    for spaced, word in words:
        indexes = [] if spaced else list(word)
        if indexes and _raised(drawn_text(elements[indexes[0] : indexes[-1] + 1])):
            roles[indexes[0] : indexes[-1] + 1] = [LTR_RUN] * len(indexes)


def _power_of_bracket(elements: list[tuple[bytes, str | None]], roles: list[int], run: list[int], index: int) -> bool:
    """Whether the bracket at `index`, drawn right of the power a run ends with and left of an Arabic-Indic (or
    Persian) digit, is the one that power raises ("(٢٠)² + ٢", drawn "٢ + ²)٢٠("): the text's, which the bidi algorithm
    sets between the numbers, not the run's tail (poppler read ")٢٠²", and "(۲۰)²" both "²)۲۰(")."""
    return roles[run[-1]] == COMPAT and indic(_after(elements, index)[:1])


def _raised(run: str) -> bool:
    """Whether a run is digits raised to a power ("١٠²³", "۱۰¹³", "10³ مرة"): PDFium read its superscripts apart, each
    before the digits, "³²١٠", "³10"; as one left-to-right run it reads them as typed."""
    return any(char.isdigit() and not compat(char) for char in run) and any(map(compat, run))


def _after(elements: list[tuple[bytes, str | None]], index: int) -> str:
    """The text of the first glyph drawn right of element `index`, "" at the array's end."""
    return next((text for _, text in elements[index + 1 :] if text), "")


def _stretches(roles: list[int], role: int) -> list[tuple[int, int]]:
    """Where consecutive elements of `role` begin and end."""
    found: list[tuple[int, int]] = []
    start = 0
    for each, group in itertools.groupby(roles):
        end = start + len(list(group))
        found += [(start, end)] if each == role else []
        start = end
    return found


def _opened(text: str) -> bool:
    """Whether a glyph's text is a bracket PDFium mirrors, or ORNATE RIGHT PARENTHESIS ("﴿", opening the Qur'an)."""
    return len(text) == 1 and (ord(text) in vocal.MIRROR or text == "\ufd3f")


def _operated(run: str) -> bool:
    """Whether a run of digits parted by spaces holds an operator ("7 / 2"), Arabic-Indic digits ("+٩٦٦ ١١ ٢٣٤") or
    a bracket at a number's edge ("1430 (23", drawn "23( 1430"), and no letter: the bidi algorithm sets its words
    right to left."""
    words = run.split()
    bracketed = any(w[:1] in _BRACKETS or w[-1:] in _BRACKETS for w in words)
    parted = len(words) > 1 and (any(not any(map(str.isdigit, w)) for w in words) or any(map(indic, run)) or bracketed)
    return parted and not any(unicodedata.bidirectional(c) == "L" for c in run)  # "٫" is no letter: "٠٫٨٦٪ (+٨٩٫٢١"


def _isolate_end(elements: list[tuple[bytes, str | None]]) -> int:
    """Where an isolate's text ends: its last letter or digit if left to right, all that follows being its too, spaces
    as well ("pip install -e ." in code, read "و. pip" by PDFium); the end of the array otherwise."""
    last = next((n for n in reversed(range(len(elements))) if letter_kind(elements[n][1] or "") != "N"), None)
    return last if last is not None and letter_kind(elements[last][1] or "") == "L" else len(elements)


def script_parts(text: str | None, last: str | None, adjacent: bool, between: str = "") -> bool:
    """Whether a letter or digit `text` parts a run whose last one was `last`: Arabic-Indic digits are never in a
    Latin run (typeset/bidi.py), unless the two touch ("Mitrović (١٥ هدفا)", drawn "(هدفا ١٥( Mitrović"), or Extended
    ones glued to it by a joiner (`between`: "KWSC/PR/۲۰۲۶/۱۴۷", one identifier). The Arabic decimal and thousands
    separators go with Arabic-Indic digits ("١٫٥–٢" was cut after its "١")."""
    glued = between in ("", "/", "-", ".") and "\u06f0" <= (text or "")[:1] <= "\u06f9"  # ("" between: a kerning)
    return not adjacent and not glued and _arabic_number(text) != _arabic_number(last)


def _arabic_number(text: str | None) -> bool:
    return indic(text) or (text or "")[:1] in ("\u066b", "\u066c")  # a digit, or the decimal or thousands separator


def _signed(elements: list[tuple[bytes, str | None]], roles: list[int], index: int) -> int:
    """Where a run that begins at `index` begins: with the signs and currency just left of a number ("+212 5 37",
    read "212 ... +"), the "@" or "#" of a name ("@Algerie_Poste") or the "~/." a path opens with ("~/.config/")."""
    text = elements[index][1] or ""
    start = index
    for before in range(index - 1, -1, -1):
        glyph = elements[before][1]
        if glyph is None:
            continue
        if roles[before] == PLAIN and glyph in SIGNS | ROOTS | CURRENCY and text[:1].isdigit():
            start = before  # "-3.2", "£1 = 4.68" (PDFium read "1 … £4.68"), "-€3"
            continue
        if roles[before] != PLAIN or glyph not in LEADS or not text[:1].isalpha():
            break
        if glyph == "." and not (elements[start][1] or "")[:1].isalnum() and elements[start][1] != "/":
            break  # a sentence's full stop drawn left of a hashtag ending it, "و#AleppoNights.", no ".venv" lead
        start = before
    return start


LEADS = frozenset("@#~/.\\-")  # and a command line's option: "-n auto"


def drawn_text(elements: list[tuple[bytes, str | None]]) -> str:
    """The text of an array's glyphs, in the order drawn."""
    return "".join(text or "" for _, text in elements)


_BRACKETS = "()[]"
