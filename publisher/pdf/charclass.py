"""Characters as the two extractors class them: PDFium's segment classes, and the letters poppler takes for
neutral ones (textlayer.py steers both)."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator

from ..typeset.bidi import SPACED_SIGNS

# PDFium's character classes (core/fxcrt/fx_bidi.cpp): L, "left weak" W, R, and N for everything else.
_PDFIUM_CLASS = {"L": "L", "R": "R", "AL": "R"} | dict.fromkeys(("EN", "AN", "NSM", "CS", "ES", "ET", "BN"), "W")


def pdfium_actual_text(run: str, lead: bool = False, typed_rtl: bool = False) -> str:
    """The /ActualText that PDFium's segment reversal turns back into `run`, a left-to-right run.

    PDFium reverses the order of the segments; inside a segment it keeps left-to-right letters and
    digits as they are and reverses a neutral one (spaces, punctuation) met while it is still reading
    right to left: before the run's first left-to-right letter. With `typed_rtl`, it reads the run's right-to-left
    letters as they are written, wherever they are (an address's: addresstext.pdfium_address).
    """
    run = _SPACED.sub(" ", run)  # PDFium reads a no-break space before a sign as a space: "25\u00a0°C" read "25 C°"
    segments: list[str] = []
    ltr = False
    # a currency sign newer than PDFium's table beside a number ("₹150", "₽300", "₿2", "300₽"), a neutral to PDFium:
    # read on the number's other side ("150₹") as drawn (in another font than Amiri's digits, or in theirs)
    pairs = list(itertools.pairwise(run))
    neutral = frozenset(a for a, b in pairs if a in NEWER_CURRENCY and b in DIGITS)
    neutral |= frozenset(b for a, b in pairs if b in NEWER_CURRENCY and a in DIGITS)
    class_of = functools.partial(_class_of, neutral=neutral)
    stretches = _mixed_numbers(list(class_stretches(run, neutral)))
    # a number that begins with a neutral sign ("√2 ≈ 1.414"), which PDFium read with the word before ("كان√ 2")
    # unless a LEFT-TO-RIGHT MARK follows it, written last; then PDFium reverses the order of the stretches only,
    # each read as written, its relations and brackets unmirrored ("(3 > 0) && (2 < 5)", written with each stretch
    # reversed and mirrored, was read "(3 < 0( && )2 > 5)"); and a number holding brackets ("+212 (0)522 65 43 21",
    # read "+212) 0(522")
    signed = (
        not any(kind == "L" for kind, _ in stretches)
        and any(char.isdigit() or fraction(char) for char in run)
        and (class_of(run[:1]) == "N" or _bracketed(run) or any(map(fraction, run)))
        and not run[:1].isspace()
    )
    # (and one before it too where the run is one object, `lead`, and wherever an interval's bracket is turned outward:
    # "2(3 + 4) هنا" was read "2(3 + 4 )هنا", "[0, 1[ أو" "[0, 1 [أو")
    if signed:
        # (each vulgar fraction and negated relation kept between its marks before the stretches are turned round:
        # marked after, they parted the stretches, "½ + ½ = 1" read "½+ = ½ 1")
        written = "".join(text for _, text in reversed(list(class_stretches(_kept_whole(run), neutral))))
        # (and one before it where it begins with a weak stretch, which a separator drawn left of it would join:
        # "`^1.2.0`،" was read "^،1.2.0")
        lead = lead or run[:1] == "]" or run[-1:] == "[" or class_of(written[:1]) == "W"
        return (LRM if lead else "") + written + LRM
    if _arrow(run, class_of):  # signs a weak one follows, R's `<-` ("الإسناد< -", turned as a stretch, mirrored)
        return LRM + "".join(text for _, text in reversed(list(class_stretches(run, neutral)))) + LRM
    if signs_alone(run) and (len(run.strip()) > 1 or run.strip() in _OPERATORS):
        # signs alone, set left to right (inline code `<=`, `!=`): between LEFT-TO-RIGHT MARKs, as typed; mirrored and
        # reversed by the rule below, PDFium read "=<" or took the space after the word before: "بايثون<= ،"; one
        # operator too, "`=`، `>`، `<`" read "=،> ،<" (not another sign alone, an interval's "∞" beside its bracket:
        # "]−3، ∞[ في" was read "]−3، ∞ [في")
        return LRM + _kept_whole(run) + LRM
    if stretches[0][0] == "R" and neutral and not any(kind == "L" for kind, _ in stretches):
        # a number with such a sign glued to a right-to-left prefix ("و300₽", "و₹1,000"), no letter to turn PDFium left
        # to right: it reads each stretch backwards, in order (written as typed, it was read "₽ 003و", "000,1₹و")
        return "".join(text[::-1] for _, text in stretches)
    # unless a LEFT-TO-RIGHT MARK is to be read before it (below): then PDFium reads on left to right ("= [" of
    # code broken over lines, `= ["example.com"]`, came out "[ =")
    marked = any(kind == "L" for kind, _ in stretches) and class_of(run[:1]) in ("W", "N")
    # a run of numbers and signs with no letter at all: PDFium reverses the order of its stretches and mirrors the
    # relations, but keeps the signs inside a stretch in their order ("244 *:5433", its " *" written reversed, was read
    # "244* :5433"; "5 ×3" "5× 3", "2 ≥3" "2≥ 3")
    lettered = any(kind in ("L", "R") for kind, _ in stretches)
    for n, (kind, text) in enumerate(stretches):
        ltr = ltr or kind == "L"
        reversed_ = kind in ("N", "R") and not ltr and not (marked and kind == "N")
        if (ltr or marked) and kind == "N":  # a fraction between its marks (below) is a stretch of its own: "x dx = ½"
            segments += ["".join(part) for _, part in itertools.groupby(text, _whole)]  # had been read "x dx½ =",
            # PDFium's stretches reversed (and before the first letter of a run read left to right: "¾ h", read "¾h")
        elif typed_rtl and kind == "R":
            segments.append(text)
        elif reversed_ and kind == "R" and n + 1 < len(stretches):  # a prefix glued to the run: "بـCtrl+J", whose
            segments.append(_HELD_TATWEEL.sub(lambda word: word[1][::-1] + word[2], text))  # tatweel PDFium leaves
            # where it is before a Latin letter (marks.held_before): reversed with the letter, it read "ـبCtrl+J"
        elif reversed_:
            segments.append((text[::-1] if lettered or kind == "R" else text).translate(ORDER_MIRROR))
        else:
            segments.append(text)
    written = "".join(reversed(segments))
    # PDFium takes a weak character just before or after the text (the full stop after "python3.11", drawn left of
    # it, read first) into the weak stretch at its edge ("python.3.11"): a LEFT-TO-RIGHT MARK there keeps it out
    # (a run with a letter: a number alone is one weak stretch, which the mark would part from its sign)
    # a vulgar fraction between LEFT-TO-RIGHT MARKs, else PDFium reads it as its decomposition before the number it
    # follows ("1½" read "1/2 1")
    # (and a negated relation, which it reads as its decomposition, "5 ≠ 3" as "5 =/ 3")
    written = _kept_whole(written)
    if not ltr:
        # code of signs in brackets, `(?:...)`, `[$€£]`, between marks, else read with its brackets turned, ")? :...(";
        # and a magnification, "3×" before "مقارنةً", a mark keeping its sign, neutral to PDFium, from the space after
        # it ("3 ×مقارنةً")
        signs = _bracketed(run) and not any(map(str.isdigit, run))
        magnified = run[-1:] == "\u00d7" and run[-2:-1].isdigit()
        return (LRM if signs or magnified else "") + written + (LRM if signs else "")
    before, after = (LRM if class_of(edge) in ("W", "N") else "" for edge in (written[:1], written[-1:]))
    return before + written + after


def _arrow(run: str, class_of: Callable[[str], str]) -> bool:
    """Whether a run is signs, neutral first, with a weak one and no digit or bracket: `<-`, `<--`, `<<-` (code)."""
    kinds = [class_of(char) for char in run]
    signs = kinds[:1] == ["N"] and "W" in kinds and set(kinds) <= {"N", "W"}
    return signs and not any(map(str.isdigit, run)) and not _bracketed(run)


_HELD_TATWEEL = re.compile("^(.*?)(\u0640*)$", re.DOTALL)


def _mixed_numbers(stretches: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`stretches` with a vulgar fraction after digits taken into their stretch, before them: PDFium reads a mixed
    number "1½" as one stretch turned round ("½1", written so, read "1½"); apart, the fraction and the space after it a
    neutral stretch, "1½ cup" was read "1 ½cup"."""
    out: list[tuple[str, str]] = []
    for kind, text in stretches:
        if out and out[-1][0] == "W" and kind == "N" and fraction(text[:1]):
            out[-1], text = ("W", text[0] + out[-1][1]), text[1:]
        if text:
            out.append((kind, text))
    return out


def _kept_whole(written: str) -> str:
    """`written` with each vulgar fraction and negated relation between LEFT-TO-RIGHT MARKs (see above)."""
    return "".join(LRM + char + LRM if _whole(char) else char for char in written)


def _bracketed(run: str) -> bool:
    return any(char in "()[]" for char in run)


def _whole(char: str) -> bool:
    return fraction(char) or negated(char)


def pdfium_run_text(run: str) -> str:
    """`pdfium_actual_text` of a run with the spaces after it kept last ("28 " before "الإفريقي")."""
    bare = run.rstrip(" ")
    return pdfium_actual_text(bare) + run[len(bare) :]


LRM = "\u200e"
RLM = "\u200f"
# (and one between European digits, as in a phone number, "+218\u00a021\u00a0444", which PDFium read backwards:
# it parts stretches as a space does; not one joining a number's groups, a narrow one, nor an Arabic-Indic number's)
_SPACED = re.compile(f"[\u00a0\u202f](?=[{SPACED_SIGNS}])|(?<=[0-9])\u00a0(?=[0-9(])")


def not_hyphenated(written: str) -> str:
    """A line's /ActualText as written, with a RIGHT-TO-LEFT MARK after it if it ends with a hyphen: both
    extractors take a line that ends with one for a word broken over two lines and join it to the next,
    without the hyphen (a code comment "-- أسعار الإغلاق": "-\ufffe أسعار"... "اليومSELECT"); and one before it if
    it begins with one, which PDFium meets last on a line it reverses ("2. أُضيف دعم … `WM-310` و`WM-420`.", written
    "-420.WMو …", was joined to the list item after it)."""
    hyphens = ("-", "\u00ad", "\u2010")  # (after or before spaces too: a line of code `  -name …` written reversed)
    written = RLM + written if written.lstrip().startswith(hyphens) else written
    return written + RLM if written.rstrip().endswith(hyphens) else written


# signs poppler reads as left to right (popplerwords._SIGNS): those its table of characters types as digits, the
# currency signs of Latin-1 and U+20A0 to U+20B1 ("450 ₪ قبل" was read "₪قبل"; not "₹" and the later ones, typed as
# neutrals)
POPPLER_LTR = frozenset("#$\u00a2\u00a3\u00a4\u00a5") | frozenset(map(chr, range(0x20A0, 0x20B2)))
# What poppler takes for part of a number besides digits (its UnicodeTypeTable's "#"), which ends its stretch of
# right-to-left text ("وزارة-الاتصالات.مصر" is three stretches to it, "معهد_العالم_العربي" one): the Arabic comma too,
# the minus sign ("و"−2 د"" in a code's comment had read "و"2−"), per mille, primes, raised and lowered signs, currency
POPPLER_NUMBER = (
    frozenset(
        "%+,-./:\u00a0°±²³¹\u060c\u066a\u066b\u066c\u2030\u2031\u2032\u2033\u2034\u2044\u207a\u207b\u208a\u208b\u2212\u2213"
    )
    | POPPLER_LTR
)
NO_BREAK = frozenset("\u00a0\u202f")  # the no-break spaces between a number and its unit


def class_stretches(text: str, neutral: frozenset[str] | None = None) -> Iterator[tuple[str, str]]:
    """The stretches of `text` of one PDFium character class, in order (the characters `neutral` of class N)."""
    start = 0
    classes = [_class_of(char, neutral or frozenset()) for char in text]
    for index in range(1, len(text) + 1):
        if index == len(text) or classes[index] != classes[start]:
            yield classes[start], text[start:index]
            start = index


# Letters newer than PDFium's table (core/fxcrt/fx_ucddata.inc, PDFium 8149, Unicode 5.2), which has them for
# neutrals: the subscript letters after "ₔ" ("ρₚ", a particle's density). (Not its currency signs after "₸", "₹" among
# them, but where one leads a number, pdfium_actual_text: taken for neutrals everywhere, "٩٩₹" was read "₹٩٩" by both
# extractors.)
_PDFIUM_NEUTRAL = frozenset(map(chr, range(0x2095, 0x209D)))
NEWER_CURRENCY = frozenset(map(chr, range(0x20B9, 0x20C1)))  # ₹ ₺ ₻ ₼ ₽ ₾ ₿ ⃀ (Unicode 6.0 to 14.0)
DIGITS = frozenset("0123456789")


_OPERATORS = frozenset("<>=+*/%!?&|^~")  # one of code's operators alone (`>`), set left to right


def signs_alone(text: str) -> bool:
    """Whether `text` holds no letter, digit or number's separator to PDFium: signs alone, an operator (`<=`, `!=`)."""
    return all(pdfium_class(char) == "N" for char in text)


@functools.cache
def pdfium_class(char: str) -> str:
    if char in _PDFIUM_NEUTRAL:
        return "N"
    return _PDFIUM_CLASS.get(unicodedata.bidirectional(char), "N") if char else "N"


def _class_of(char: str, neutral: frozenset[str]) -> str:
    """`pdfium_class`, the characters `neutral` (pdfium_actual_text's newer currency signs) N."""
    return "N" if char in neutral else pdfium_class(char)


def note_sign(text: str) -> bool:
    """Whether `text` is one neutral sign that mirrors not (no bracket, quote or relation), as a note's "*" or "†"
    after a number ("22*", a batsman not out), which poppler read before it (numberpunct.py,
    popplerwords.poppler_text)."""
    return len(text) == 1 and unicodedata.bidirectional(text) == "ON" and not unicodedata.mirrored(text)


def unknown_to_poppler(letter: str) -> bool:
    """Whether poppler takes this left-to-right letter for a neutral one: Tifinagh, Ethiopic Extended,
    Glagolitic, Coptic, Georgian Supplement (U+2C00-U+2DFF) and every letter past U+FFFF.

    Its character table (poppler/UnicodeTypeTable.cc, 22.12) has these two blocks of 256 as neutral
    and nothing past the BMP; the other letters it misses are a few dozen strays of newer Unicode.
    """
    return 0x2C00 <= ord(letter[0]) <= 0x2DFF or ord(letter[0]) > 0xFFFF


@functools.cache
def letter_kind(text: str) -> str:
    """R for a right-to-left letter, L for a left-to-right letter or a digit, N for anything else."""
    bidi = unicodedata.bidirectional(text[0]) if text else ""
    if bidi in ("R", "AL"):
        return "R"
    return "L" if bidi in ("L", "EN", "AN") else "N"


def fraction(char: str) -> bool:
    """Whether a character is a vulgar fraction ("½", "¾", "⅓")."""
    return unicodedata.decomposition(char).startswith("<fraction>")


def between_lrms(run: str, isolated: bool, alone: bool = False) -> bool:
    """Whether poppler reads a left-to-right run back right only between LEFT-TO-RIGHT MARKs: one ending in "×"
    ("3.2×", read "×3.2"; not one holding it, which in brackets then read "()6 × 3"), one holding a vulgar fraction
    ("1½", read "1⁄21"), an isolate ending in a sign, or beginning with a bracket ("(1) + (2) = 3", read ")1( + )2( =
    3": its glyphs' map has them mirrored), a number holding one ("+212 (0)522", read "+212 )0(522"), or words in a
    script poppler takes for neutral (`unknown_to_poppler`: "ⴰⵙⴳⴳⵯⴰⵙ ⴰⵎⴳⴳⴰⵣ", read backwards)."""
    number = not any(char.isalpha() for char in run)
    held = not run[-1:].isalnum() or run[:1] in "([" or (number and _bracketed(run))
    closed = bool(_NAMED.fullmatch(run))  # a name and its bracket: "Python (3.12)" after "و", read "و)Python (3.12"
    # (and a run of words of one character each that is all its line holds, `alone`, "5 + 2 = 7": poppler took it for
    # a word set letter-spaced, "5+2=7"; in brackets beside Arabic, "(6 × 3)", it read the marks' run "()6 × 3")
    spaced = alone and len(words := run.split()) > 1 and all(len(word) == 1 for word in words)
    unknown = any(map(unknown_to_poppler, run))
    # (and a run in its prefix's object, no isolate of its own, that ends in a sign poppler takes for neutral or a
    # bracket: "وAlt+=", "وa[0]", read "و=Alt+", "و]a[0")
    glued = not isolated and run[-1:] not in POPPLER_NUMBER and not run[-1:].isalnum()
    marked = closed or spaced or unknown or glued
    return run.endswith("\u00d7") or any(map(fraction, run)) or (isolated and held) or marked


_NAMED = re.compile(r"[^\W\d_][^()\[\]]* (?:\([^()]*\)|\[[^\[\]]*\])")  # a name, then one bracket: "MARBERT (2021)"


def compat(text: str) -> bool:
    """Whether a glyph's text is one character a reader replaces by its compatibility decomposition in
    right-to-left text: a vulgar fraction ("½", PDFium "1/2"), a superscript or subscript digit, or a negated relation
    (PDFium "=/" for "≠", "∈/" for "∉")."""
    return len(text) == 1 and (
        unicodedata.decomposition(text).startswith(("<fraction>", "<super>", "<sub>")) or negated(text)
    )


def negated(char: str) -> bool:
    """Whether a character is a relation struck through ("≠", "∉", "⊄"): its decomposition ends in U+0338."""
    return unicodedata.decomposition(char).endswith(" 0338")


# The brackets and quotes PDFium mirrors as it reverses them (textlayer.py writes their mirror images too), and the
# relations it mirrors with them (its table is Unicode's BidiMirroring): "(≤ 8 أقراص)", whose "≤" HarfBuzz draws
# mirrored, read "≥" by PDFium. Pairs of BidiMirroring.txt that text uses: relations, sets, floors and ceilings.
BRACKETS = "(){}[]<>«»‹›\u201c\u201d\u2018\u2019"  # and the quotes, which PDFium mirrors too ("“نص”" was read "”نص“")
_ORDERS = "<>≤≥≦≧≨≩≪≫≮≯≰≱≲≳≶≷≺≻≼≽⊂⊃⊄⊅⊆⊇⊊⊋∈∋∉∌⊏⊐⊑⊒⊢⊣⋖⋗⋘⋙"  # relations of order, inclusion, membership
_RELATIONS = _ORDERS[2:] + "⌈⌉⌊⌋⟨⟩⟦⟧⁽⁾₍₎"


def _swapping(pairs: str) -> dict[int, int]:
    return str.maketrans(pairs, "".join(a + b for b, a in zip(*[iter(pairs)] * 2, strict=True)))


MIRROR = _swapping(BRACKETS + _RELATIONS)
MIRRORED_CHARS = frozenset(BRACKETS + _RELATIONS)
# A relation in a run of numbers and signs only ("3 > 0", "7 ≥ 5"), which PDFium reads right to left, mirroring it
# ("3 < 0"): its /ActualText holds its mirror image. A bracket needs none there: reversed, a pair swaps ("(2015)").
ORDER_MIRROR = _swapping(_ORDERS)
ORDERS = frozenset(_ORDERS)
