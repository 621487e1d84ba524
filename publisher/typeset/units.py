"""A number and its unit stay on one line: "99 كيلومتر", "10:30 صباحا", "5 kg", "20 درهما".

The space between them becomes a NO-BREAK SPACE, as typesetters do: text extractors read it as a
space. (A WORD JOINER after the space did the same on the page, but PDFium and poppler copied
it into the word that followed.)
"""

from __future__ import annotations

import re
import unicodedata

from .bidi import ARABIC_DIGITS, PHONE, currency
from .inline import Text

NO_BREAK_SPACE = "\u00a0"
NARROW_NO_BREAK_SPACE = "\u202f"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Arabic unit, currency and time words, matched at the start of a word ("كيلومترات", "درهما").
ARABIC_STEMS = _words(
    "كيلومتر كيلوغرام كيلوجرام كيلوواط كيلولتر ميغاواط ميجاواط غيغاواط متر سنتيمتر ملليمتر مليمتر ميلليمتر "
    "غرام جرام ملغ لتر هكتار فدان ميل قدم بوصة درهم دينار ريال جنيه ليرة دولار يورو أورو فرنك روبية "
    "ساعة ساعات دقيقة دقائق ثانية ثوان يوم أيام أسبوع أسابيع شهر أشهر شهور سنة سنوات سنين عام أعوام "
    "صباح مساء ظهر عصر ليل فجر درجة درجات بالمائة بالمئة مليون ملايين مليار مليارات ألف آلاف طن أطنان "
    "نسمة شخص أشخاص كلم كلغ"
)
# Short unit names that are words only on their own (م for metre would otherwise match many words).
EXACT = frozenset(
    _words(
        "كم كغ سم مم م ل مل غ ق ث ه km m cm mm µm nm kg g mg t l L ml cl dl h min s ms µs ns Hz kHz MHz GHz "
        "W kW MW GW kWh MWh V mV A mA Pa hPa kPa bar °C °F K B KB MB GB TB kB px pt em rem km/h m/s mph "
        "ha ac € $ £ ¥ ₹ % ‰ AM PM am pm N kN J kJ MJ mol Ω kΩ lm lx mL dL µL µg mcg IU mmol µmol mmHg kcal"
    )
)
# (and a power of ten: "6.67×10⁻¹¹ N·m²/kg²")
_NUMBER = r"[0-9\u0660-\u0669\u06f0-\u06f9][0-9\u0660-\u0669\u06f0-\u06f9.,:\u066b\u066c]*(?:×10[⁰¹²³⁴-⁹⁻]+)?"
# A number not followed by a space and a word is matched too, whole, and skipped: left to fail, the
# pattern would try again from each digit after a colon ("1:1:1:..."), quadratic time. The word is looked at, not
# taken: it may hold the next number, "بين 2 و8 °C" ("8" and "°C" had been parted by a line's end).
_UNIT = re.compile(rf"(?<![0-9\u0660-\u0669\u06f0-\u06f9.,])(?:({_NUMBER}) (?=(\S+))|{_NUMBER})")
_WORD_END = re.compile(r"[\s.,;:!?()\[\]«»“”\"'،؛؟]")


# a currency a space before its number: a sign ("$ ١٢٬٥٠٠", "€ 3,900") or a code of ISO 4217 and the Arab countries'
# abbreviations ("SAR 1,250", "QAR 75", "JD 250": "$" had ended a table cell's line, "١٢٬٥٠٠" begun the next)
_CODES = "AED BHD CHF CNY DZD EGP EUR GBP INR IQD IRR JOD JPY KWD LBP LYD MAD MRU OMR PKR QAR RUB SAR SDG SYP TND TRY"
_CODES += " USD DH DT JD BD QR SR LE Rs Rs."
_BEFORE = re.compile(
    rf"(?<![A-Za-z0-9_.])(?:[{currency()}]|{'|'.join(map(re.escape, _CODES.split()))}) (?=[-+−]?{_NUMBER})"
)


def units_pass(visible: str, owners: list[Text | None]) -> list[str | None]:
    """A no-break space between a number and its unit, and between a currency and the number after it (see
    inline.Pass)."""
    out: list[str | None] = [None] * len(visible)
    for match in _BEFORE.finditer(visible):
        if (owner := owners[match.end() - 1]) is not None and not owner.opaque:
            out[match.end() - 1] = NO_BREAK_SPACE
    for match in _UNIT.finditer(visible):
        if match[2] is None:
            continue
        word = _WORD_END.split(match[2], maxsplit=1)[0]
        if _unit(word) or any(word.startswith(stem) for stem in ARABIC_STEMS):
            space = match.start(2) - 1
            owner = owners[space]
            if owner is not None and not owner.opaque:
                out[space] = NO_BREAK_SPACE
    return out


def _unit(word: str) -> bool:
    """A unit's name, or units joined by "/" or "·" with their powers: "m/s²", "kg·m/s²", "N·m²/kg²", "م/ث", after
    the first a number too ("mL/min/1.73", a leaflet's eGFR: "30" had ended a line); or a price's, a currency per
    anything: "€/طن", "$/برميل" ("٥٠٠" had ended a line, "€/طن" begun the next)."""
    parts = _COMPOUND.split(word)
    units = [_POWER.sub("", part) in EXACT or (n > 0 and _DECIMAL.fullmatch(part)) for n, part in enumerate(parts)]
    return word in EXACT or all(units) or (len(parts) > 1 and _priced(parts))


def _priced(parts: list[str]) -> bool:
    return len(parts[0]) == 1 and unicodedata.category(parts[0]) == "Sc" and all(parts[1:])


_COMPOUND = re.compile("[/\u00b7\u22c5]")
_POWER = re.compile("[⁰¹²³⁴-⁹⁻]+$")
_DECIMAL = re.compile("[0-9]+(?:[.,][0-9]+)?")


def groups_pass(visible: str, owners: list[Text | None]) -> list[str | None]:
    """A no-break space between the groups of a phone number in Arabic-Indic digits ("+٩٦٦ ١١ ٢٣٤ ٥٦٧٨"): one number
    to the bidi algorithm, set left to right in its isolate (bidi.PHONE), and never broken over two lines, nor one in
    European digits ("+213 21 97 98 98" had ended a line with "97"); and a
    NARROW NO-BREAK SPACE, as the SI and French set it, between the thousands of a number grouped with spaces ("3 200
    دينار", "12 500 000": "2" had ended a line and "750" begun the next; a no-break space, which justification
    stretches, had parted "2" and "750" by a third of an em, and the text layer read them apart); and a no-break space
    on each side of the "±" between a measure and its error, of the "×" before a power of ten ("٨٫٩ ± ١٫٦", "1.1 ×
    10⁻⁹": a table's narrow column had ended a line with "±", the error beginning the next)."""
    out: list[str | None] = [None] * len(visible)
    spaced = [(match, NARROW_NO_BREAK_SPACE) for match in _GROUPED.finditer(visible)]
    latin = [phone for phone in _LATIN_PHONE.finditer(visible) if sum(map(str.isdigit, phone[0])) >= 7]
    phones = [*re.finditer(PHONE, visible), *latin]
    spaced += [(match, NO_BREAK_SPACE) for match in phones]  # a phone's last: its spaces win
    spaced += [(match, NO_BREAK_SPACE) for match in _MEASURED.finditer(visible)]
    for match, space in spaced:
        for index in range(match.start(), match.end()):
            owner = owners[index]
            if visible[index] == " " and owner is not None and not owner.opaque:
                out[index] = space
    return out


_DIGIT = f"[0-9{ARABIC_DIGITS}]"
_MEASURED = re.compile(f"(?<={_DIGIT}) (?:± (?=[-+−]?{_DIGIT})|× (?=(?:10|١٠|۱۰)[⁰¹²³⁴-⁹⁻]))")
# what continues a number, not an Arabic prefix ("و2 800")
_JOINS = f"0-9A-Za-z{ARABIC_DIGITS}.,:/\u066b\u066c"
# (the whole of a run of spaced digits: not the groups of a phone number, "+962 6 555 0123"; nor numbers apart, the
# first beginning with a zero: "LISTEN 0 244", a socket's queues, had been joined as one number "0 244")
# (after a fraction's slash too: "1/10 000", a frequency of a drug's side effect, had been parted after "1/10")
_FRACTION = f"(?<![^0-9{ARABIC_DIGITS}]/)"
_GROUPED = re.compile(
    f"(?<![{_JOINS.replace('/', '')}]){_FRACTION}(?<!{_DIGIT} )(?![0\u0660\u06f0]){_DIGIT}{{1,3}}(?: {_DIGIT}{{3}})+"
    f"(?![{_JOINS}]| {_DIGIT})"
)
# an international phone number in European digits: its groups, "(0)" before one ("+212 (0)522 65 43 21"); seven
# digits at least (groups_pass), not a sign before numbers apart ("+3 2 1")
_LATIN_PHONE = re.compile(r"(?<![\w+])\+[0-9]{1,4}(?: (?:\(0\))?[0-9]{1,5}){2,}(?![\w])")
