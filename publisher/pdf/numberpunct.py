"""Punctuation and signs drawn beside a number or a left-to-right run on a right-to-left line, which an extractor
reads on the wrong side of it unless the text layer says otherwise (lineroles.py gives them AFTER_NUMBER)."""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Iterator

from .charclass import POPPLER_LTR, letter_kind, note_sign
from .ranges import ISOLATED, RANGE, SIGNS, indic

# percent and per mille signs, and the signs after a number the bidi algorithm sets on its left after Arabic-Indic
# digits (degree, prime, double prime: "٤١°" is drawn "°٤١", which PDFium and poppler read "°٤١")
PERCENT = frozenset("%\u066a\u2030\u2031\u0609\u060a\u00b0\u2032\u2033")


def after_number(left: str, text: str, right: str) -> bool:
    """Whether `text`, drawn between `left` and `right`, is punctuation that follows the number or the
    left-to-right run on its right ("A5." ends a sentence: PDFium read "A.5")."""
    digit = unicodedata.bidirectional(right[:1] or " ")
    before = unicodedata.bidirectional(left[:1] or " ")
    if text in RANGE and digit in ("EN", "AN") and before in ("EN", "AN"):  # "۱۷۹۷–۱۸۶۹": two numbers the bidi
        # algorithm sets right to left, read the other way; not "4–6", isolated left to right (typeset/bidi.py)
        return not (text in ISOLATED and left[:1].isascii() and right[:1].isascii())
    sign = text in SIGNS or unicodedata.category(text[:1]) == "Sc"  # and a currency's ("$٢٬٣٥٠", "٧٨$")
    if (sign or text in PERCENT) and indic(left) and (digit != "EN" or (text in PERCENT and indic(right))):
        # "٩٠+٣": a plus or a minus joins European digits, not Arabic-Indic ones (drawn "٣+٩٠"); "−٢٫٤٪": the sign
        # of an Arabic-Indic number, drawn on its right (typeset/bidi.py); of a Persian one too ("−۱٫۲٪"); a percent
        # sign typed before one ("٪١٢٫٥", drawn "١٢٫٥٪"), which both read after it; an angle's degree sign between
        # Persian digits ("۲۳°۳۵′", drawn "′۳۵°۲۳": both took "۳۵°۲۳" for one number)
        return True
    if sign and indic(right) and letter_kind(left) != "L":
        # a sign typed after an Arabic-Indic number ("٩٦٦١١٢٣٤٥٦٧٨+", "١٨+"), drawn on its left: both read it first
        return True
    if (
        text in SENTENCE | SLASH | HYPHEN
        and before in ("EN", "AN")
        and (letter_kind(right) == "R" or right[:1] in PERCENT)
    ):
        # an abbreviation's full stop before a number, with no space ("(د.34)", the 34th minute; "ص.12"): drawn
        # between them, "34.د", and PDFium read it with the number, "د34."; a form's hyphen ("(ن-س-1)", drawn
        # "(1-س-ن)", read "ن-س1-" by both: typeset/bidi.py joins it to no number); a slash between two dates
        # ("1413هـ/1993م", drawn "م1993/ـه1413"), which both read "1993/"; and one between a number and the sign of
        # the one before it ("٢٤°/١٢°", a high and a low, drawn "°١٢/°٢٤", read "٢٤°١٢/°")
        return True
    if text in HYPHEN and digit in ("EN", "AN") and letter_kind(left) == "R":
        return True  # an ordinal's hyphen before its suffix ("2005-يىلى", "7-أ", drawn "يىلى-2005"): both read "-2005"
    if text == "_" and left.strip() and right.strip() and (letter_kind(left) == "R") != (letter_kind(right) == "R"):
        return True  # a hashtag's joiner between scripts ("#5G_المغرب", which poppler read "_#5G المغرب")
    if text in POPPLER_LTR and letter_kind(left) == "R" and not right.strip():
        return True  # an Arabic hashtag's sign, drawn on its right ("#صفاقس"): poppler read it with the word before
    if text in POPPLER_LTR and not left.strip() and right.strip() and letter_kind(right) != "L":
        return True  # a currency's sign before its code, "(€ EUR)", drawn "(EUR €)": poppler read it after the code
    if text in SIGNS | POPPLER_LTR and letter_kind(right) == "R" and letter_kind(left) != "L":
        # a sign glued after an Arabic word ("أوبك+", drawn "+كبوأ"): poppler took it for a word of its own
        return True
    if text in SENTENCE | ARABIC_SENTENCE and right[:1] in "#@" and letter_kind(left) != "L":
        return True  # the stop after a hashtag or a handle, drawn left of its "#": "و#AleppoNights." read ".#Aleppo…"
    if text in ARABIC_SENTENCE | SENTENCE and right[:1] in PERCENT and left[:1].isspace():
        return True  # a separator after a percentage, a space then the next number on its left: poppler read it with
        # that one ("٦٠٪، ٨٪، ١٧٥٪" read "٦٠٪٨ ،٪١٧٥ ،٪")
    if letter_kind(right) != "L" or letter_kind(left) == "L" or text.isspace():
        return False
    if digit not in ("EN", "AN"):  # a letter: sentence punctuation only, not a path's "/.config"; Arabic punctuation
        # too ("وNaCl، ولا", drawn "ولا ،NaClو": poppler read "و،NaCl", the comma being no right-to-left letter to it)
        # and a closing quote ("«الـAPI»" read "الـ»API")
        sentence = text in SENTENCE | ARABIC_SENTENCE | CLOSING
        # and a slash or a hyphen between a Latin word and an Arabic one ("USD/برميل", drawn "ليمرب/USD": poppler read
        # "/USD"; "pH-متر", a pH meter, read "-pHمتر")
        # (or the punctuation that follows the quotation: "«ArabicMMLU»،" and "«INC-2291»." beginning a line were read
        # "«،»ArabicMMLU" and "«.»INC-2291")
        spaced = sentence and (not left or left.isspace() or left in SENTENCE | ARABIC_SENTENCE)
        return spaced or ((sentence or text in SLASH | HYPHEN) and letter_kind(left) == "R")
    # "٨٪" and "۱۲٫۵٪" are drawn "٪٨"; and a note's sign glued to a number ("22*", a batsman not out, "45†"), drawn on
    # its left, which poppler read first ("*22"): a neutral there follows the number (before it, it is drawn right)
    return unicodedata.bidirectional(text[:1]) == "CS" or text in PERCENT or note_sign(text)


SENTENCE = frozenset(".,:;!?")  # what ends or parts a sentence after a Latin word, read on its right
ARABIC_SENTENCE = frozenset("\u060c\u061b\u061f")  # ، ؛ ؟
CLOSING = frozenset("\u00bb\u201d")  # » ”, as a right-to-left text closes a quotation
SLASH = frozenset("/")
HYPHEN = frozenset("-\u2010")


def weak_stretches(texts: list[str]) -> set[int]:
    """Of the glyphs of a line (`texts`, in the order drawn), those in a stretch of two or more different weak
    neutrals (a currency's, a percent sign, a separator: "$/", "€/", "٪/"), glued to an Arabic word, with Arabic
    letters the nearest ones on both sides: the bidi algorithm sets them right to left ("السعر ($/برميل)"); and one
    alone between quotes or brackets among Arabic words, which poppler read with the word after it ('مثل "-" أو',
    printed «-», read "-أو")."""
    found: set[int] = set()
    for start, end, left, right in _stretches(texts, _weak):
        # (glued to an Arabic word, and not to a number or a Latin word, whose run it is in: "$2400/أوقية")
        touching = [letter_kind(texts[n]) for n in (start - 1, end) if 0 <= n < len(texts)]
        glued = "R" in (left, right) and "R" in touching and "L" not in touching
        if len(set(texts[start:end])) > 1 and (glued or _apart(texts, start, end)):
            found.update(range(start, end))
        enclosed = start > 0 and end < len(texts) and {texts[start - 1], texts[end]} <= _ENCLOSING
        if end - start == 1 and enclosed and left == right == "R":
            found.add(start)
    return found


def _apart(texts: list[str], start: int, end: int) -> bool:
    """Whether the stretch from `start` to `end` stands apart between Arabic words, spaces around it ("مؤشر +/-
    للخوري"); not a comma ending Arabic text beside the sign of a number after it, "،−" of "إذن، − 16 = 0"."""
    spaced = _spaced(texts, start, end)
    before = next((t for t in reversed(texts[:start]) if t.strip()), "")
    after = next((t for t in texts[end:] if t.strip()), "")
    return spaced and letter_kind(before) == letter_kind(after) == "R"


def _spaced(texts: list[str], start: int, end: int) -> bool:
    """Whether a space or the line's end stands on either side of the stretch from `start` to `end`."""
    return all(n in (-1, len(texts)) or not texts[n].strip() for n in (start - 1, end))


_ENCLOSING = frozenset("()[]{}«»‹›“”‘’\"'")


def dash_stretches(texts: list[str]) -> set[int]:
    """Of the glyphs of a line (`texts`, in the order drawn), those of a dash typed as hyphens ("--", "---": a
    quotation's attribution, "-- المدير الإقليمي"), standing apart, a space or the line's end on either side, between
    Arabic words: poppler takes the hyphens for left to right and read the space after them in their stretch,
    "--المدير"."""
    found: set[int] = set()
    for start, end, left, right in _stretches(texts, lambda text: text in HYPHEN):
        if end - start > 1 and _spaced(texts, start, end) and left == right == "R":
            found.update(range(start, end))
    return found


def symbol_stretches(texts: list[str]) -> set[int]:
    """Of the glyphs of a line (`texts`, in the order drawn), those in a stretch of symbols between Arabic words (a
    rating, "تقييمي: ★★★★☆"): the bidi algorithm sets them right to left, and both extractors read them in the order
    drawn, "☆★★★★", poppler glued to the word before; PDFium glued a check mark after an equation to it ("= 11 ✓."
    read "11✓"). Their text is given as typed, as a weak stretch's. So is a stretch that ends the line, drawn at its
    left end, a left-to-right run on its right: a table's last cell, "▲" after "+0.1%" and "USD/LBP", which PDFium read
    glued to the number, "+0.1%▲"."""
    stretches = _stretches(texts, symbol)
    return {
        n
        for start, end, left, right in stretches
        if left == "R" and (right == "R" or not start)
        for n in range(start, end)
    }


def _stretches(texts: list[str], member: Callable[[str], bool]) -> Iterator[tuple[int, int, str, str]]:
    """Each stretch of glyphs `member` takes: its start and end, and the kind of the nearest letter on either side
    ("R" at the line's ends)."""
    end = 0
    for taken, group in itertools.groupby(map(member, texts)):
        start, end = end, end + len(list(group))
        if taken:
            left = next((letter_kind(t) for t in reversed(texts[:start]) if _strong(t)), "R")
            yield start, end, left, next((letter_kind(t) for t in texts[end:] if _strong(t)), "R")


def symbol(text: str) -> bool:
    """Whether a glyph's text is one neutral symbol ("★", "✓") or arrow ("↑" marking a high value in a table)."""
    shape = unicodedata.category(text[:1]) == "So" or "\u2190" <= text <= "\u21ff"
    return len(text) == 1 and shape and unicodedata.bidirectional(text) == "ON"


def _weak(text: str) -> bool:
    """Whether a glyph's text is a weak neutral: a currency's or a percent sign, a separator; not a space."""
    return len(text) == 1 and text.strip() != "" and unicodedata.bidirectional(text) in ("ET", "CS", "ES")


def _strong(text: str) -> bool:
    """Whether a glyph's text is a letter (not a digit: a number sets the neutrals beside it as a letter of the
    paragraph's direction does, "٥ (٪/سنة)")."""
    return letter_kind(text) == "R" or unicodedata.bidirectional(text[:1]) == "L"
