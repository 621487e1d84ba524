"""The /ActualText poppler reads back as a word's or a line's text, where the glyphs' own text would not do
(a vocalised word, a line read whole: marks.py, textlayer.py).

poppler lays an /ActualText string out left to right over its span, then reverses each stretch without a
left-to-right letter or digit: `poppler_text` gives it the text reversed, numbers and left-to-right runs kept whole,
with the RIGHT-TO-LEFT MARKs that end poppler's stretches where the text's own neutrals would join them.
"""

from __future__ import annotations

import re
import unicodedata

from ..typeset.bidi import ARABIC_DIGITS, LTR_ALNUM, RTL_BLOCKS, SCRIPT_SIGNS
from .charclass import BRACKETS, LRM, NO_BREAK, POPPLER_LTR, RLM, fraction, note_sign
from .marks import DIGIT, NUMBER, ORNATE, SIGNED


def poppler_text(text: str) -> str:
    """The /ActualText poppler turns back into `text`: it is laid out left to right, then each stretch without a
    left-to-right letter or digit reversed. So the text reversed, its numbers (with their signs: "-3.5%") kept left to
    right, and the space before each number (left of it, punctuation between: "(12)" "2026،") followed by a
    RIGHT-TO-LEFT MARK, which ends poppler's left-to-right stretch at the number (else "3 أشياء" comes out "3أشياء";
    textlayer.RUN_END). A left-to-right run (a line of code with an Arabic comment after it, read whole) is kept left
    to right too, after a RIGHT-TO-LEFT MARK: poppler's stretch takes in the neutrals on its left ("#  index = ...")."""
    runs = iter(reversed(re.findall(_LATIN, text)))  # kept left to right, each after a RIGHT-TO-LEFT MARK
    text = re.sub(_LATIN, "\ue001", text)  # that ends poppler's left-to-right stretch at the run's left
    numbers = iter(reversed(_PRICED.findall(text)))
    # (a number's no-break space, before its unit, goes to its other side with the rest: "٥٬٠٠٠ ليرة" read "ليرة٥٬٠٠٠";
    # between RIGHT-TO-LEFT MARKs, as poppler takes it for part of a number: "300 $" was read "300$ ")
    reversed_text = re.sub("\ue000", lambda _: _spaced_first(next(numbers)), _PRICED.sub("\ue000", text)[::-1])
    # and a space (no-break too: "6–24 شهراً" read "6–24شهراً") that ends it on the right, where the object beside it
    # may begin with a number ("3.5%" | " فِي"),
    # and one before a sign poppler takes for left to right ("# جلب" read "#جلب", a comment in code; "// كائن", "(٪ من")
    # and a bracket (the Qur'an's ornate ones too) between two, else the word's or number's: "تعالى﴿ ذلك", "البقرة،]٢"
    # and one before the punctuation the text begins with (": أُزيلت" after a Latin run, read "distutilsأُزيلت") or ends
    # with (a vocalised word's "الْمُعَالِجُ: " before a Latin run, which took the colon: "الْمُعَالِجُSnapdragon :")
    marked = re.sub(
        f" (?=[^\\w\\s]*{NUMBER.pattern})|[ \xa0]$| (?=[{_SIGNS}\u066a%]|//)| (?=[^\\w\\s]+$)|^ (?=[^\\w\\s])",
        lambda space: space[0] + RLM,
        reversed_text,
    )
    # and one between a number (or its sign: "6.3″") and the punctuation before it ("البقرة: ٢", read "البقرة٢ :")
    marked = re.sub(
        f"(?:(?<={DIGIT})|(?<={DIGIT}[%\u066a\u2030\u00b0\u2032\u2033])) (?=[^\\w\\s\u200f])", " \u200f", marked
    )
    # and one between a number (its sign too: "±0.5.") and the punctuation after it, which poppler read before it
    # ("ج٧، ص٦٨", "ح١٩٠٧.", "الـ€." read "ج،٧ ص،٦٨", "ح.١٩٠٧", "الـ.€"), or a note's sign ("22*" read "*22": note_sign)
    marked = re.sub(f"(?<!\\w)([^\\w\\s])(?=[{SIGNED}]?{DIGIT}|[{_SIGNS}])", _number_end, marked)
    # and punctuation between a number on its left and a letter on its right, which poppler reads with the number: an
    # abbreviation's full stop ("د.34"), a slash between two dates ("897هـ/1492م", read "897هـ1492/م"), as
    # numberpunct.after_number does for lines not read whole; and a slash after a number ("2×/يوم", read "/2×يوم")
    after = f"|(?<![{ARABIC_DIGITS}])(?<=[\u0600-\u06ff])(/)(?=[{SIGNED}]?{DIGIT})"  # (not a date's: "١٤٤٥/٣")
    marked = re.sub(f"(?<={DIGIT})([./:,;])(?![{ARABIC_DIGITS}])(?=[\u0600-\u06ff]){after}", _between_rlms, marked)
    marked = re.sub(_BRACKET, lambda bracket: RLM + bracket[0] + RLM, marked)
    # and a sign poppler takes for left to right amid punctuation, not a number's (code's `{8}$")` read `{8}"$)`)
    marked = re.sub(_LONE_SIGN, lambda sign: RLM + sign[0] + RLM, marked)
    # and a separator standing between two spaces, which poppler reads with the word on its left ("پیکرند / که" read
    # "/که"), and one after the space between a Latin run and the punctuation after the Arabic word before it
    # ("قلم‌ها: Amiri" read "قلمهاAmiri": poppler took the colon into the run's stretch, and the space with it)
    marked = re.sub("(?<= )([./:,;-])(?= )", lambda mark: RLM + mark[1] + RLM, marked)
    # and a separator after an Arabic word, before a space ("صَبَاحًا، وَفِي"), which poppler takes for a number's and
    # reads with the space ("صباحا ،وفي"): a RIGHT-TO-LEFT MARK between them ends its stretch (lineroles._separates)
    marked = re.sub(f"(?<= )([،.:])(?=[^\\w\\s]*[{RTL_BLOCKS}])", lambda mark: RLM + mark[1], marked)
    # (and before a run: a Persian imprint's "Amiri، Noto Sans Mono", whose comma poppler read with the next run)
    marked = re.sub("(?<= )([،؛,;])(?=\ue001)", lambda mark: RLM + mark[1], marked)
    marked = re.sub(f"(?<=\ue001) (?=[^\\w\\s\ue001]+[{RTL_BLOCKS}])", " " + RLM, marked)
    # (a run's vulgar fraction kept whole between LEFT-TO-RIGHT MARKs: "1½" was read "½1")
    # (and a LEFT-TO-RIGHT MARK after one ending with an ellipsis, which poppler read with the words on its left:
    # "/etc/nginx/…" in a cell, read "…/etc/nginx/")
    marked = re.sub("\ue001", lambda _: RLM + _kept(next(runs)), marked)
    # marks poppler's tables leave neutral ("سِنَةٞ" read "سِنَة ٞ", the open tanwin taken to the next word): each
    # run of them back in typed order, after a RIGHT-TO-LEFT MARK where the glyph left of it is no letter
    return _POPPLER_NEUTRAL.sub(
        lambda run: ("" if _poppler_rtl(marked[run.start() - 1 : run.start()]) else RLM) + run[0][::-1], marked
    )


def _kept(run: str) -> str:
    return "".join(LRM + c + LRM if fraction(c) else c for c in run) + (LRM if run.endswith(("\u2026", "..")) else "")


# a number with the currency sign typed after it, which poppler reads with the number: "(1,000$)" in a cell's text was
# reversed apart from its number and read "($1,000)"
_PRICED = re.compile(f"({NUMBER.pattern[1:-1]}(?:(?<![\u00a0\u202f])[$\u00a3\u00a5\u20ac])?)")


def _spaced_first(number: str) -> str:  # (and a product's sign between marks: no number's to poppler, "1440×3200")
    return (RLM + number[-1] + RLM + number[:-1] if number[-1:] in NO_BREAK else number).replace("×", f"{LRM}×{LRM}")


def _poppler_rtl(char: str) -> bool:
    return char == RLM or (bool(char) and unicodedata.bidirectional(char) in ("R", "AL"))


def _between_rlms(mark: re.Match[str]) -> str:
    return RLM + (mark[1] or mark[2]) + RLM


def _number_end(mark: re.Match[str]) -> str:
    return mark[1] + RLM * (mark[1] in "،؛,.:;!?؟" or note_sign(mark[1]))


# Arabic marks newer than the extractors' tables (measured on every mark Amiri draws on "سنة"): poppler 22.12 takes
# U+0659-U+065F for neutrals (marks.PDFIUM_UNKNOWN: PDFium)
_POPPLER_NEUTRAL = re.compile("[\u0659-\u065f]+")
_SIGNS = "+\\-\u00b0\u00b1" + "".join(sorted(POPPLER_LTR))  # European terminators, separators: poppler's left to right
_LONE_SIGN = re.compile(
    f"(?<![\\w\\s\u200f])[{_SIGNS}](?![\\w\\s\u200f])|(?<![\\w\\s\u200f])[{_SIGNS}](?=\u200f)"
    f"|(?<=\u200f)[{_SIGNS}](?![\\w\\s\u200f])"
)
_LTR = f"[^\\W\\d_{RTL_BLOCKS}]"  # a letter outside the right-to-left blocks (built from the bidi table: 0.1 s)
# A left-to-right run (a code line's "index = f(x, y)"), kept left to right by both: from a letter to the last letter
# or digit before the next right-to-left letter, with the signs and the number it is written against ("--disable-gil",
# "180°C", a ticker's "$AAPL": poppler read "disable-gil--", "C°180", "291.20$" in a table), the slashes ending a path
# before a space, a quote or a bracket ("cp -r src/ dst/ ينسخ": "dst /ينسخ"), an ion's charge ("Cl⁻ وفي"), Arabic-Indic
# digits ("٢٥°C"), their "٫", a no-break space, a count ("2× USB").
_NUMBER_BEFORE = f"[{SIGNED}]?[0-9{ARABIC_DIGITS}](?:[^\\s{RTL_BLOCKS}]|[\u00a0\u202f\u066b\u066c{ARABIC_DIGITS}])*?"
_SLASHES = f"[{SCRIPT_SIGNS}]*(?:[/\\\\]+(?:\\.{{2,}}|\u2026)?(?![^\\s'\"\\])}}]))?"  # (and an ellipsis: "var/www/...")
_UNIT_AFTER = "(?:(?<=[0-9])[%\u2030\u2032\u2033])?"  # a number's sign ending the run: "Haddad (12′، 58′)", read "12،′"
_SIGNS_BEFORE = "-+#@~/\\\\.\u00b0$\u20ac\u00a3\u00a5"
_LATIN = (
    f"(?:[{_SIGNS_BEFORE}]*|{_NUMBER_BEFORE}|[0-9]+\u00d7 )?{_LTR}(?:[^{RTL_BLOCKS}]*{LTR_ALNUM})?"
    f"{_UNIT_AFTER}{_SLASHES}"
)
_BRACKET = re.compile("[" + re.escape("".join(sorted(set(BRACKETS) | ORNATE))) + "]")
