"""Bidirectional text: left-to-right runs inside right-to-left text, found so each reads as typed.

A run is one or more left-to-right words joined by single spaces ("Maroc Digital 2030"). A word is letters of a
left-to-right script and digits, with the punctuation that lives inside words and numbers (2021-2026, 10:30,
user@example.org, a/b, 1,000.5), and what travels with a number or a name: a leading sign or currency (-3.2, +1.5, ±0.5,
$5, -€3), a trailing percent, per-mille, degree, currency or multiplication sign (3.2%, 3‰, 25°C, 5€, 3.2×), and
brackets attached to a name (code_sample(), a[0]); words with an operator between them are one run ("£1 = 4.68"). Inside
Arabic the bidi algorithm would lay "2021-2026" out as "2026-2021" and a minus sign at the far end of its number;
isolated (LRI ... PDI, or an element with dir="ltr" when the run spans markup, see inline.py), each run shows and copies
as written. A bare unsigned number needs nothing, and neither does a number in Arabic-Indic digits, signed or not: the
bidi algorithm sets its sign on its right and its percent sign on its left, read before and after it, as CLDR writes
Arabic numbers in those digits (its minus and percent signs carry an ARABIC LETTER MARK: "؜-٣٫٢٪؜"). Isolated left to
right, "−٢٫٤٪" printed its percent sign first and its minus last to a reader going right to left, unlike "٥٨٪" beside
it. Persian, Pashto and Urdu write their signed numbers left to right (CLDR's minus sign there holds a LEFT-TO-RIGHT
MARK): a signed number in Extended Arabic-Indic digits ("−۱٫۲٪") is isolated.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata

from .runbrackets import before_unclosed, open_parts, with_partners

LRI, PDI = "\u2066", "\u2069"
RLI = "\u2067"  # stands in for an LRI that is never closed (see _without_dangling_isolates)
# the invisible characters of the bidi algorithm (a regex class's body): the ARABIC LETTER MARK (extended.py), zero
# width spaces, joiners, marks, embeddings, overrides, isolates, the byte order mark; text compared as read drops all
BIDI_CONTROLS = "\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
BIDI_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")

SIGNS = "+\\-\u2212\u00b1\u2213\u221a\u221b\u221c"  # plus, hyphen-minus, minus, plus-minus, minus-plus, roots
DEGREES = "\u00b0\u2032\u2033"  # ° ′ ″: the parts of an angle or a coordinate
APPROXIMATE = "~\u2248\u223c<>\u2264\u2265\u00d7"  # ~ ≈ ∼ < > ≤ ≥ ×: what may stand before a number as its qualifier
AFTER_NUMBER = "%\u2030\u2031\u066a\u00b0\u2032\u2033"  # percent, per mille, per ten thousand, ٪, °, ′, ″
SPACED_SIGNS = AFTER_NUMBER[:5]  # those French and the SI set a space from their number ("90 %", "25 °C")
# an operator between two spaced words keeps them one run ("£1 = 4.68", "2 × 3 = 6"): an equation reads left to right
# = × ÷ + − ± ∓ < > ≤ ≥ ≈ ≠ (not "-": a dash parts phrases); "7.4 ± 0.05" is one measure; arrows → ⇌ ⇄ ⇒ ↔ ⇔ ← ⟶
# join a reaction or an implication ("H₂O ⇌ H⁺ + OH⁻"); set relations ∈ ∉ ⊂ ⊃ ⊆ ⊇ ∪ ∩ ≡ ("x ∈ ℝ" was drawn "ℝ ∈ x")
OPERATORS = (
    "=\u00d7\u00f7+\u2212\u00b1\u2213<>\u2264\u2265\u2248\u2260\u2192\u21cc\u21c4\u21d2\u2194\u21d4\u2190\u27f6"
    "\u2208\u2209\u2282\u2283\u2286\u2287\u222a\u2229\u2261"
)
# and the operators of code, and division and remainder: "7 / 2", "7 % 2", "x == y", "1 << 3", "-7 // 2" (the bidi
# algorithm set the numbers of "7 / 2" right to left, and "1 << 3" as "3 << 1", its glyphs mirrored)
_OPERATOR = f"(?:===|!==|[=!<>+*/:\\-]=|<<|>>|//|\\*\\*|&&|\\|\\||->|=>|[{OPERATORS}/%*&|^])"
# superscript and subscript signs: an ion's charge ends its word ("H⁺", "Fe³⁺"), an exponent's sign is inside ("10⁻⁷")
SCRIPT_SIGNS = "\u207a\u207b\u208a\u208b"
ACCIDENTALS = "\u266d\u266e\u266f"  # a note's flat, natural and sharp ("mi♭", "F♯"), the end of its name
POWERS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"  # the superscript digits
INSIDE = (
    "._:/\\\\@#?=&~^'\u2019+\\-\u2010\u2011\u2013\u2212,$*\u221a\u00d7\u00b7\u22c5|" + SCRIPT_SIGNS + OPERATORS
)  # may join two parts of a word, never end it ("US$46.9bn", "3√2", "1.0×10⁻⁷", "kg·m/s²", "UTC−5", "5≠3", "X|S",
# "10^-7", drawn "-7^10"; a spreadsheet's "$B$2*12", drawn "12*$B$2"; a path, "C:\\Users\\Ali", "Ali\\Users\\C:")
EXTENDED_DIGITS = "\u06f0-\u06f9"  # Extended Arabic-Indic (Persian, Urdu): European numbers (EN) to the bidi algorithm
ARABIC_DIGITS = "\u0660-\u0669" + EXTENDED_DIGITS
_ARABIC_LETTERS = "\u0621-\u063f\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f"  # no tatweel, no digit
PATH_SIGNS = "/\\.~"  # what a path or a hidden file's name may begin with ("~/", "./", "/", "\\", ".env")
# An international phone number in Arabic-Indic digits, "+٩٦٦ ١١ ٢٣٤ ٥٦٧٨": written left to right, as in Latin digits;
# the bidi algorithm set its groups right to left, the space between two such digits taking their direction (units.py
# joins the groups with no-break spaces, which make them one number to it)
PHONE = f"(?<![\\w+])\\+[{ARABIC_DIGITS}]+(?:[ \u00a0][{ARABIC_DIGITS}]+)+(?![\\w])"
# what begins a name in a formula: for all, there exists, partial, nabla, n-ary sums, products and integrals, not
MATH_PREFIXES = "\u2200-\u2204\u2207\u220f-\u2211\u222b-\u2233\u00ac"
FRACTIONS = "\u00bc-\u00be\u2150-\u215e"  # the vulgar fractions, ¼ to ⅞
NUMBER_JOINS = ":/\u066b\u066c.,"  # what joins the parts of a number, a time or a date ("٩:٠٠", "١٢٫٥")
ARABIC_PUNCTUATION = "\u060c\u061b\u061f\u06d4"  # ، ؛ ؟ ۔


# A letter or digit of a left-to-right script: a word character (str.isalnum) outside the blocks of
# the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their
# presentation forms). Arabic-Indic digits lie in the Arabic block: they are not left-to-right.
RTL_BLOCKS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
LTR_ALNUM = f"[^\\W_{RTL_BLOCKS}]"


@functools.cache
def currency() -> str:
    """A regex class body of the currency symbols (Unicode category Sc)."""
    return "".join(re.escape(chr(c)) for c in range(0x24, 0x20C1) if unicodedata.category(chr(c)) == "Sc")


@functools.cache
def run_pattern() -> re.Pattern[str]:
    """The left-to-right runs of a text (an isolate already there is one run, kept as it is)."""
    # (infinity, increment, the empty set: "]−∞, 3]", "S = ∅"; a tempo's note, "♩ = 120", which had been set "120 = ♩";
    # a letter's combining marks, "x̄", "p̂": outside the run, drawn on a dotted circle, "x̄ = 372/30 = 12.4" reversed)
    alnum = f"(?:(?:{LTR_ALNUM}|[\u221e\u2206\u2205\u2669-\u266c])[\u0300-\u036f\u20d0-\u20ff]*)"
    cur = f"[{currency()}]"
    sign = f"[{SIGNS}]"
    # A sign or currency starts a number only where no letter or digit precedes it (not "2021-2026").
    # (two: a signed root, "x = −√4", whose "−" outside the run was drawn right of the root, the equation right to left)
    # Nor a hyphen joining a number to an Arabic word or code: "العدد-3", a form's "(ن-س-1)" (as a minus it was drawn
    # "(ن-س -1)"); after the letters a number may begin with (a conjunction, a preposition: "و-10", "وب-5%") it is one
    start = f"(?<![{_ARABIC_LETTERS}(\\[-])"
    proclitics = f"(?:(?<={start}[وفبلك])|(?<={start}[وفبلك][وفبلك]))"
    joining = f"(?<!{LTR_ALNUM})(?<![{ARABIC_DIGITS}])(?!(?<=[{_ARABIC_LETTERS}])(?!{proclitics})-)"
    prefix = f"{joining}(?:{sign}{{1,2}}{cur}?|{cur}{sign}?)(?=[0-9{ARABIC_DIGITS}])"
    # and an estimate's or a bound's sign before a number in European digits: "~5%", "≈12%", ">8%", "<30%", "≤3", "×2"
    # (outside the run, each was drawn on the number's right: "5%~", "8%<", "2×")
    prefix += f"|(?<!{LTR_ALNUM})(?<![{ARABIC_DIGITS}{INSIDE}])[{APPROXIMATE}]{sign}?{cur}?(?=[0-9])"
    # and a sign or an operator of mathematics begins a name it touches: "−x + 4 ≥ 1", "∑k", "∂f", "¬p", "--help"
    # (outside the run, the minus was drawn right of "x + 4 ≥ 1" and "∑" mirrored, right of "k")
    limits = f"(?:[_^](?:\\{{[^{{}}\\s{RTL_BLOCKS}]{{1,20}}\\}}|{LTR_ALNUM}))*"  # TeX's: "∑_{k=1}^{n} k" was cut
    prefix += f"|(?<![\\w{INSIDE}])(?:--|{sign}{{1,2}}|[{MATH_PREFIXES}]{limits} ?)(?={alnum})"  # "∫ x dx", "∀ x"
    # and an absolute value's or a norm's bar, "|x − 2| < 3", "|u⃗| = √5" (outside the run, its parts were set right to
    # left, "3 > |2 − x|"): a bar a closing one follows, and the closing one a word's tail (below)
    prefix += f"|(?<![\\w{INSIDE}])\\|(?=[^|\\s{RTL_BLOCKS}][^|\\n{RTL_BLOCKS}]{{0,40}}\\|)"
    # a currency sign or a percent sign a name begins with: a spreadsheet's "$A$1", a shell's "$HOME", "%APPDATA%"
    # (the "$" outside the run was drawn at its right, "A$1$"), and a price's unit: "€/kg", "$/MWh" (drawn "/kg€")
    prefix += f"|(?<![\\w{INSIDE}%])[{currency()}%]/?(?=[^\\W\\d_{RTL_BLOCKS}])"
    # and a percent sign typed before a number in European digits, "%12.5", which the bidi algorithm sets left of it
    # (a European terminator: rule W5); outside the run it was drawn on the number's right, "12.5%"
    prefix += f"|(?<![{INSIDE}%{ARABIC_DIGITS}])(?<!{LTR_ALNUM})[%\u2030](?=[0-9])"  # (after "و" too: "و%12.5")
    # what a path or a file's name begins with: "~/projects", "./run.sh", "../lib", "/etc/hosts", "~/.bashrc", ".env",
    # ".NET", a share's "\\\\server", "\\backups", after an Arabic letter too ("و/tmp") (left outside the run, "~/" and
    # "/" were drawn at its right: "projects/my-app/~"); before a letter, not a number's ("(د.34)", minute 34)
    prefix += f"|(?<![{INSIDE}])(?<!{LTR_ALNUM})(?:(?:~?/+|\\.{{1,2}}/+)\\.?|\\.|\\\\{{1,2}})(?=[^\\W\\d_{RTL_BLOCKS}])"
    # and a wildcard a name or an address begins with: "*.tmp", "*:5433", "**/*.py" (outside the run, drawn "5433:*")
    prefix += f"|(?<![{INSIDE}])(?<!{LTR_ALNUM})\\*+(?:[.:/]\\*+)*[.:/]?(?={alnum})"  # (one way to match: linear time)
    # and a form's blank fields before a number, a date to fill in: "..../..../2025", set as typed like "14/3/2025"
    # (outside the run, the blanks were drawn right of the year, read "2025/..../....")
    prefix += f"|(?<![{INSIDE}])(?<!{LTR_ALNUM})(?:\\.{{2,}}/)+(?=[0-9])"
    # and a number in Arabic-Indic digits raised to a signed power: "١٠⁻⁵ Pa·s", set as "10⁻⁵ Pa·s" is (the exponent
    # alone in a run was drawn left of its base; the LEFT-TO-RIGHT MARK is extended.py's), with its coefficient and its
    # "×" ("۱۲×۱۰⁻⁶", "(×۱۰⁻⁶ K⁻¹)": the run began at the exponent, drawn "(⁶ K⁻¹⁻۱۰×)")
    # (in Extended digits: Arabic-Indic ones, Arabic numbers to the bidi algorithm, would be set right to left inside
    # the run, "١٠×٣⁻⁸", and read so outside it, "٣×١٠⁻⁸"; not joined to an equation's left side by its operator,
    # below: "ΔL = ۱۲×۱۰⁻⁶ × ۱۲ × ۶۰" reads right to left)
    persian = f"[{EXTENDED_DIGITS}]+(?:[٫٬,.][{EXTENDED_DIGITS}]+)*"  # a number in Extended digits, its separators
    times = f"{persian}\u00d7"
    coefficient = f"(?:{times}|\u00d7)?"
    signed_power = f"[{ARABIC_DIGITS}]+\u200e?[{SCRIPT_SIGNS}](?=[{POWERS}])"
    prefix += f"|(?<![{ARABIC_DIGITS}{INSIDE}])(?<!{LTR_ALNUM}){coefficient}{signed_power}"
    # a degree sign a Latin unit begins with, after an Arabic-Indic number, no run's: "٢٥ °C", "۲۵°F" (drawn "C° ٢٥")
    prefix += f"|(?<![{INSIDE}])(?<!{LTR_ALNUM})\u00b0(?=[^\\W\\d_{RTL_BLOCKS}])"
    # a percent or a prime may go on to the next part: a range "4.25%–4.50%", added time "90′+4"
    # (and a degree's or a minute's sign between its number and the next part: coordinates, "34°02′N", an angle's
    # "45°30′15″", which were drawn in pieces right to left, "W′N 6°50′34°02")
    # and a template's placeholder a path or an address goes on with: "/v2/stops/{id}", "/items/<int:id>", "?q={q}"
    # (its brace outside the run, "{id}" was drawn left of "/v2/stops/", read "{id}/v2/stops/")
    placeholder = f"(?:\\{{[^{{}}\\s{RTL_BLOCKS}]{{1,40}}\\}}|<[^<>\\s{RTL_BLOCKS}]{{1,40}}>)"
    joined = f"[{AFTER_NUMBER}]*(?:[{INSIDE}]+?(?={placeholder})|[{INSIDE}]+[{MATH_PREFIXES}]?(?={alnum}))"
    joined += f"|[{DEGREES}]+(?={alnum})"  # ("∂f/∂x")
    # and a root a factor takes before its radicand: "2π√(LC)", "T = 2π√(L/g)" (cut there, its "√" was set right to
    # left, mirrored, the formula in pieces)
    joined += f"|(?<={LTR_ALNUM})[\u221a\u221b\u221c](?=[(\\[]|{alnum})"
    # and a number in Extended digits glued to the run, a joiner at most between: one identifier to the bidi algorithm,
    # which reads them after a Latin letter as left to right ("KWSC/PR/۲۰۲۶/۱۴۷", an Urdu notice's reference, had been
    # drawn "۲۰۲۶/۱۴۷/KWSC/PR"); not one a space parts from it ("iPhone ۱۵" reads right to left)
    glued = f"(?<=[A-Za-z0-9{EXTENDED_DIGITS}])[-/.]?[{EXTENDED_DIGITS}]+"
    body = f"(?:{alnum}|(?<=[{INSIDE}]){placeholder}|{joined}|{glued})*"
    # (spaces inside too: "O(n log n)", "f(x, y)" had been cut at the bracket, drawn "(n log n)O")
    # (and one bracket inside another: "σ = √(Σ(xᵢ − x̄)²/n)", whose root and outer brackets had been set apart)
    brackets = r"(?:\((?:[^()\n\u0600-\u08ff]|\([^()\n\u0600-\u08ff]{0,80}\)){0,80}\)|\[[^\[\]\n\u0600-\u08ff]{0,80}\])"
    # a name's "+", "++" or "#" ("Galaxy S25+", "C++", "C#", "F#"): never the start of the next word
    # "S25+" too, a final "×" ("3.2×"), an ion's charge ("OH⁻"), a note's accidental ("mi♭", "F♯") and a gas given off
    # or a solid thrown down ("CO₂↑", "AgCl↓", whose arrow had been drawn at the far end of the equation)
    signs = f"[{SCRIPT_SIGNS}{ACCIDENTALS}\u2191\u2193]+"
    # a percent sign or a degree a space from its number, as French and the SI write them ("90 %", "4 °C-days"):
    # outside the run, "tient à 90 %" was drawn with its percent sign left of "tient", "بنسبة 5 %" as "% 5", "25 °C" as
    # "C° 25", "days-4 °C" (not before an Arabic unit: "180 °م" reads right to left as it is; nor "7 % 2", a remainder)
    spaced = f"(?<=[0-9])[ \u00a0\u202f][{SPACED_SIGNS}]{alnum}*(?:-{alnum}+)*(?!(?=[{RTL_BLOCKS}])\\w)(?! +[0-9])"
    # a path's last separator, after a bracket it closed too: "C:\\Temp\\", "C:\\Program Files (x86)\\"
    # (its backslash had been drawn at the run's far end); not a slash before an Arabic word, which it parts from the
    # run as the bidi algorithm does, "USD/برميل" (taken in, it was drawn at the run's far end, "برميلUSD/"); before
    # Arabic punctuation it is the path's: "/etc/nginx/sites-available/،" (left out, drawn left of "/etc")
    path_end = f"[)\\]]?(?:[/\\\\]*\\\\|/+(?![{RTL_BLOCKS}](?<![{ARABIC_PUNCTUATION}])))"
    # and a currency sign a space after its number in a rate written as an equation: "1 € = 3.74 شيكل", "1 $ ≈ 40
    # أوقية" (outside the run, the sign was drawn left of the equation, read "3.74 = €")
    spaced += f"|(?<=[0-9])[ \u00a0]{cur}(?=[ \u00a0]+[=\u2248][ \u00a0]+[0-9])"
    # a keyboard shortcut's last key after its "+": "Ctrl+-", "Alt+=", "Shift+*", "Ctrl+/", "Ctrl+]" (outside the run,
    # the key was drawn left of it, "-Ctrl+", and read so by both extractors); a bracket as a key is no bracket to pair
    # (`_unpaired_intervals`): "Ctrl+[" had been cut before it and drawn "[Ctrl+", its bracket mirrored
    key = f"(?<={_KEY_AFTER}){_KEY}"  # (a colon may follow)
    ends = f"\u00d7|{signs}|{path_end}|{key}|\\+{{1,2}}|#|\\|"  # (and an absolute value's closing bar: above)
    # and a bound form's hyphen before a space: "γραφ-", "anti-" (outside the run, drawn left of it: "-γραφ")
    ends += f"|(?<=[^\\W\\d_{RTL_BLOCKS}])-(?=[ \u00a0])"
    tail = f"(?:[{AFTER_NUMBER}]+{alnum}*|{spaced}|{ends})?{cur}?(?:-?{brackets})?(?!{alnum})"
    handle = f"(?<![{INSIDE}])(?<!{LTR_ALNUM})[@#](?={alnum})"  # "@Algerie_Poste", "#opendata": the sign is the name's
    # a name's brackets, after a hyphen too ("N-(4-…)amide"), may be followed by more of the word: "n(n+1)/2", "f(x)²"
    inner = f"(?:-?{brackets}(?:[{INSIDE}]*{alnum}{body})?)*"  # (and one after another: "n(n+1)(2n+1)/6")
    # a sign before a bracket: "−(3 + 2)", "-(a + b)" (outside the run, it was drawn on the bracket's right, "(3 + 2)−")
    negated = f"(?<![{INSIDE}])(?<!{LTR_ALNUM}){sign}{{1,2}}{brackets}(?!{alnum})"  # (after "و" too; "±√(2/3)")
    # not from a power glued to an Arabic unit, which is the unit's: "120 م² × 1.5 = 180" (the run "² × 1.5 = 180" had
    # parted "²" from its "م", drawn at the run's far end)
    unit_power = f"(?!(?<=[{RTL_BLOCKS}])[{POWERS}])"
    # and a bracket a power or a product goes on from: "(a+b)^2", "(3×10^8)^2 = 9×10^16" (drawn "2^)a+b)", "2 = …^")
    lead = f"(?<![{INSIDE}])(?<!{LTR_ALNUM}){brackets}[{INSIDE}]+"
    word = f"(?:{_IRI}|{INTERVAL}|{_SET}|{negated}|{unit_power}(?:{prefix}|{handle}|{lead})?{alnum}{body}{inner}{tail})"
    space = "[ \u00a0\u202f]"
    # Words stay one run across a comma, a full stop ("p. 45"), quotes or brackets between them ("Open Data, Big Data",
    # the "best" choice, Open Data (ODC) platform); what follows the last word stays outside.
    # (not a bare space between a percent or a degree and a number: "~~10%~~ 8%", a price struck out and the new one,
    # are two quantities an Arabic reader takes right to left, which one run had set "10% 8%"; "6.3″ OLED" is one)
    between = (
        f"(?:[,;:!?.)\\]\"'\u201d\u2019\u00bb|]*(?:{space}+{_OPERATOR}{space}+(?!{times})|(?<![{AFTER_NUMBER}]){space}+|{space}+(?!{sign}?[0-9]))"
        f"(?:(?!{INTERVAL})[(\\[\"'\u201c\u2018\u00ab|])*|{path_end}|[)\\]]+(?:[(\\[](?![0-9]+[)\\]])|[{INSIDE}]+)?)"
        # and a path going on past a bracket: "(x86)\\Microsoft", a number past its bracket, "+212 (0)522 65 43 21",
        # which had been parted and its parts set right to left; and a bracket after a bracket, a product: "A = (2 − √3)
        # (2 + √3)", whose second factor had been set apart (not a bare number's, "(1)(2)", which reads right to left)
    )
    # a signed number in Extended Arabic-Indic digits, which CLDR writes left to right in Persian, Pashto and Urdu
    # (their minus sign holds a LEFT-TO-RIGHT MARK): "−۱٫۲٪", which the bidi algorithm set "٪۱٫۲−"; its separators Latin
    # ones too, as Urdu often writes them ("+۶,۷۴۰", "−۰.۶": its sign and first digits alone isolated, drawn "۷۴۰,+۶")
    # (not a hyphen after a letter, which joins a name to its number: "کووید-۱۹" had been drawn "-۱۹کووید")
    extended = f"(?<![{ARABIC_DIGITS}])(?!(?<=[^\\W\\d_])-)[{SIGNS}]{persian}[٪%]?(?![{ARABIC_DIGITS}])"
    # a whole number in Arabic-Indic digits and the vulgar fraction after it, one quantity ("١½ كوب"): the fraction
    # alone in a run was drawn left of the number, "½١", and read before it by both extractors; after a letter a word
    # begins with too ("و١½", "ب٢¼", read "و½١")
    mixed = f"(?<![{ARABIC_DIGITS}])(?<!{LTR_ALNUM})[{ARABIC_DIGITS}]+[{FRACTIONS}](?![\\w{ARABIC_DIGITS}])"
    # a form's date to fill in with a year in Arabic-Indic digits, "....../....../٢٠٢٥": set as typed too
    blank_date = f"(?<![{INSIDE}])(?<!{LTR_ALNUM})(?:\\.{{2,}}/)+[{ARABIC_DIGITS}]+(?![\\w])"
    return re.compile(f"{LRI}[^{PDI}]*{PDI}|{PHONE}|{extended}|{mixed}|{blank_date}|{word}(?:{between}{word})*")


# An interval written as French does, its brackets turned outward where an end is open: "]−∞, 3]", "[0, 1[" (outside
# the run each bracket was drawn mirrored, "]0, 1]"), its bounds apart by a comma or " ; "; its brackets pair with
# nothing else ("x ∈ [0 ; 3/4[" after "يكافئ" had been cut at its first bracket and drawn right to left)
_BOUND = f"[{SIGNS}]?(?:[0-9]+(?:[.,/][0-9]+)?|\u221e|[^\\W\\d_{RTL_BLOCKS}]{{1,3}})"  # ("3/4", "0,5": "[0 ; 3/4[")
# (and a closed one with " ; ": "[0 ; 1]" had been parted there; "[2, 5]" pairs its brackets already); and a half-open
# one as English writes it, "[0, 1)", "(0, 1]" (its "∈" had been set right to left, mirrored: "e ∋ [0, 1)")
INTERVAL = f"(?:\\]{_BOUND} ?[,;] ?{_BOUND}[\\[\\]]|\\[{_BOUND} ?(?:[,;] ?{_BOUND}[\\[)]|; ?{_BOUND}\\])"
INTERVAL += f"|\\({_BOUND} ?, ?{_BOUND}\\])(?![\\w\\[\\]])"
_INTERVALS = re.compile(INTERVAL)
# a keyboard shortcut's last key after a Latin key and its "+" ("Alt+=", "Ctrl+[")
_KEY_AFTER, _KEY = f"[^\\W\\d_{RTL_BLOCKS}]", f"\\+[-=*/\\\\`~\\[\\]](?![\\w]|[{INSIDE}]\\w)"
_SHORTCUT_END = re.compile(f"{_KEY_AFTER}{_KEY}$")
# (a bracket after a modifier's "+" only: "[H+]" is a bracket pair)
_MODIFIERS = "Ctrl|Control|Alt|AltGr|Option|Opt|Shift|Cmd|Command|Meta|Super|Win|Fn"
_KEY_BRACKETS = re.compile(f"\\b(?:{_MODIFIERS})\\+([\\[\\]])(?!\\w)")
# a set written out in braces, "{1, 2, 3}", "{a, b}", "{c}", "{2 ; 3}" as French writes it (outside the run its braces
# and a relation after them were set right to left: "{1, 2, 3} ⊂ ℕ" was drawn "ℕ ⊃ }1, 2, 3{"); its members words of no
# space, no Arabic, and no brace next to it: not a template's "{{ 7*7 }}" or "{% include … %}"
_MEMBER = f"[^{{}},\\s{RTL_BLOCKS}]{{1,20}}"
_SET = f"(?<!\\{{)\\{{ ?{_MEMBER}(?: ?[,;] ?{_MEMBER})* ?\\}}(?![}}\\w])"


def _unpaired_intervals(text: str) -> str:
    """`text` with the brackets of each interval (above) and of a shortcut's key written as a letter of the same length,
    for the functions that pair a run's brackets: those of "[0, 1[" are open, and parted the run ("x ∈ ]0, 1[" had been
    cut at them)."""
    text = _KEY_BRACKETS.sub(lambda key: key[0][:-1] + "_", text)
    return _INTERVALS.sub(lambda interval: re.sub(r"[\[\]()]", "_", interval[0]), text)


# A web address is one left-to-right run whatever script its path is in ("https://ar.wikipedia.org/wiki/الجزائر",
# an IRI): a run that stopped at its last Latin letter left "/الجزائر" outside, set on the far side of "https".
# It ends with a letter, a digit, a slash or a bracket it opened ("…/wiki/عمان_(مدينة)"), not with the full stop or
# comma after it; a template's placeholder is one of its parts ("https://api.example.com/v1/{id}").
_IRI_LETTER = "[^\\W_]"
_IRI = f"(?<![\\w/])(?:https?://|www\\.)(?:{_IRI_LETTER}|\\([^\\s()]*\\)|\\{{[^\\s{{}}]+\\}}|[{INSIDE}_%!*;]+(?={_IRI_LETTER}|[({{]))*/*"


def web_addresses(text: str, paths: bool = False) -> list[tuple[int, int]]:
    """The (start, end) of every web address of `text`, and with `paths` every Windows or Unix path of two parts or more
    and e-mail address ("C:\\Users\\Public\\keymap.toml" in an English paragraph: kept whole, a path had left the line
    above it justified with blanks of two em; broken after "C:", an e-mail at its hyphen, it read as two words)."""
    found = sorted(m.span() for p in (_IRI, _PATH, EMAIL)[: 1 + 2 * paths] for m in re.finditer(p, text))
    starts, reach = [start for start, _ in found], list(itertools.accumulate((end for _, end in found), max))
    # (not one another crosses, beginning before one of its ends and ending after it: in n log n, not n²)
    crossed = [
        any((at := bisect.bisect_left(starts, edge)) and reach[at - 1] > edge for edge in span) for span in found
    ]
    return [span for span, cross in zip(found, crossed, strict=True) if not cross]


_PATH = re.compile(r"(?<![\w/\\.~])(?:[A-Za-z]:\\|~?/)(?:[\w.-]+[/\\])+[\w.-]*\w")
EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")  # (pdf/addresses.py breaks it where it may)


_LONE_FRACTION = re.compile(f"[{FRACTIONS}]")


def ends_with_key(run: str) -> bool:
    """Whether a run ends with a keyboard shortcut whose last key is a sign: "Alt+=", "Ctrl+[" (above)."""
    return _SHORTCUT_END.search(run) is not None


def needs_isolation(run: str) -> bool:
    """Whether a run found by run_pattern must be isolated: not a bare number, a lone fraction or an isolate."""
    return not run.isdigit() and not run.startswith(LRI) and not _LONE_FRACTION.fullmatch(run)


def ltr_runs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every run of `text` that must be isolated.

    A run holding an unpaired quotation mark or bracket takes in its partner just outside ("La bourse
    recule" selon l'analyste; Amiri (SIL Open Font License 1.1)): the quotation or the parenthesis is
    the run's, and must sit at its left-to-right ends. A bracket a run leaves open ends it, and the words after
    it are runs of their own: "Today (Cambridge, 2019, p. 45)" had lost "Cambridge, 2019, p. 45", set word by
    word right to left. Each piece is searched again within itself only: searched again to the end, a text of
    thousands of open brackets took minutes (quadratic)."""
    runs = []
    pattern, searched = run_pattern(), _without_dangling_isolates(text)
    text = _unpaired_intervals(text)  # (for pairing brackets only, below: nothing else looks at it)
    spans = _products(text, _equations(text, [match.span() for match in pattern.finditer(searched)]))
    for span in _labelled(text, spans):
        if not needs_isolation(text[slice(*span)]):
            continue
        whole = with_partners(text, *span)
        for part in open_parts(text, *whole):
            if part == whole:
                start, end = whole
            elif (piece := pattern.search(searched, *part)) is not None:
                start, end = with_partners(text, *piece.span())
            else:
                continue
            end = before_unclosed(text, start, end)
            for first, last in _unit_apart(text, start, end):
                if last > first and needs_isolation(text[first:last]):
                    runs.append((first, last))
    return _formulas(searched, runs)


# A formula between Arabic words: a stretch of no Arabic letter nor Arabic punctuation holding a relation, a set's
# sign or infinity, and a Latin or Greek letter or infinity ("A = {x ∈ ℝ : f(x) ≥ 0} = [α, β] ∪ [1, +∞[", "]−∞,
# −√(2/3)]"), is one run, whatever runs were found in it: their parts had been set right to left, the formula in pieces
_STRETCH = re.compile(f"[^{RTL_BLOCKS}\\n]+")  # (a line of code at most)
_FORMULA_SIGN = re.compile("[=≠≈≤≥∈∉∋⊂⊃⊆⊇∩∪∞]")
_FORMULA_LETTER = re.compile("[A-Za-z\u0391-\u03c9\u2102\u2115\u211a\u211d\u2124∞]")  # (a power is none: "م² × 1.5")
_ARABIC_NUMBER_EDGE = re.compile(f"^[{ARABIC_DIGITS}]|[{ARABIC_DIGITS}]$")
_FORMULA_ENDS = " \t\u00a0\u202f.,;:!?\u2066\u2069"
_OPENING, _CLOSING = "({\"'«“‘ \t", ")}\"'»”’ \t"  # (what opens the Arabic after it, or closes the Arabic before)


def _formulas(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    runs = sorted(runs)
    starts = [start for start, _ in runs]
    merged: set[tuple[int, int]] = set()  # the runs a formula took in
    formulas: list[tuple[int, int]] = []
    for stretch in _STRETCH.finditer(text):
        core = stretch[0].strip(_FORMULA_ENDS).rstrip(_OPENING).lstrip(_CLOSING)  # (not an interval's "]" or "[")
        signs = bool(_FORMULA_SIGN.search(core) and _FORMULA_LETTER.search(core))
        # (not part of one in Arabic digits, whose equation reads right to left: "α = ۱۲×۱۰⁻⁶ K⁻¹")
        edges = text[max(stretch.start() - 1, 0) : stretch.end() + 1]
        if not signs or _ARABIC_NUMBER_EDGE.search(edges) is not None:
            continue
        within = runs[bisect.bisect_left(starts, stretch.start()) : bisect.bisect_right(starts, stretch.end())]
        inside = [(start, end) for start, end in within if end <= stretch.end()]
        if not inside or (len(inside) == 1 and text[slice(*inside[0])] == core):
            continue
        start = stretch.start() + stretch[0].index(core)
        merged.update(inside)
        formulas.append((start, start + len(core)))
    return sorted([run for run in runs if run not in merged] + formulas)


# a unit after a number in Arabic digits, which is outside the run, then a number or a bracket: "و٨ °C (36–46 °F)"
_UNIT_OF_ARABIC_NUMBER = re.compile(
    f"(?<=[{ARABIC_DIGITS}][ \u00a0\u202f])[^\\s0-9(\\[]+(?=[ \u00a0\u202f]+[(\\[0-9{SIGNS}])"
)


def _unit_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run as its parts: the unit it begins with, of a number in Arabic digits on its right, apart from what follows
    it ("٨ °C (36–46 °F)", one run, had been drawn "°C (36–46 °F) ٨": the number beside the other reading, its unit
    at the far end); else the run whole."""
    unit = _UNIT_OF_ARABIC_NUMBER.match(text, start, end)
    if unit is None:
        return [(start, end)]
    rest = end - len(text[unit.end() : end].lstrip(" \u00a0\u202f"))
    return [(start, unit.end()), (rest, end)]


def _labelled(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` with a bare number and the stop and space after it left out of a run of Latin words it opens: the
    Arabic text's label, "د. 31: Yahya Jabrane" (a match's minute), "في 2026: Apple", had "31:" drawn at the name's far
    end, a reader going right to left meeting the name before its minute; and out of a number it labels (below)."""
    out = []
    for start, end in spans:
        label = _LABEL.match(text, start, end)
        out += [(start, label.end(label.lastindex or 1)), (label.end(), end)] if label else [(start, end)]
    return out


# (and a bare number labelling a number, a share's code its change: "المواساة (4002): +6.1%", drawn "+6.1%(4002) :")
_LABEL = re.compile(
    f"([0-9]+(?:\\+[0-9]+)?[\u2032\u2033]?)[:.,;] +(?={LTR_ALNUM})(?![0-9])|([0-9]+\\)?):[ \u00a0]+(?=[{SIGNS}]?[0-9])"
)


def _equations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` with the runs of an equation that spaced hyphens part joined into one: "5 - 3 = 2", "x - 2 ≥ 0" (a
    hyphen is a dash between phrases, which the runs stop at; in a chain of runs one of which holds an operator it is
    a minus: apart, the runs were drawn right to left, "3 = 2 - 5"). A range or a score, "2019 - 2022", "3 - 1",
    reads right to left in Arabic, as the bidi algorithm sets it."""
    chains: list[list[tuple[int, int]]] = []
    for span in spans:
        if chains and _MINUS.fullmatch(text, chains[-1][-1][1], span[0]):
            chains[-1].append(span)
        else:
            chains.append([span])
    joined = []
    for chain in chains:
        if len(chain) > 1 and (any(_SPACED_OPERATOR.search(text, *span) for span in chain) or _measures(text, chain)):
            joined.append((chain[0][0], chain[-1][1]))
        else:
            joined += chain
    return joined


def _products(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` with two symbols a spaced dot parts joined: a product, "u⃗ · v⃗" (drawn "v⃗ · u⃗"), not "Noto · SIL"."""
    dots = {found.span(1) for found in _PRODUCT.finditer(text)}
    joined: list[tuple[int, int]] = []
    for span in spans:
        if joined and (joined[-1][1], span[0]) in dots:
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


# a symbol (a letter and its marks or subscripts alone), a spaced dot, a symbol: found where each begins, overlapping
_SYMBOL = "[^\\W\\d_][\u0300-\u036f\u20d0-\u20ff\u2080-\u209c]*"
_PRODUCT = re.compile(f"(?=(?<![\\w\u20d0-\u20ff]){_SYMBOL}( [\u00b7\u22c5] ){_SYMBOL}(?![\\w\u20d0-\u20ff]))")


def _measures(text: str, chain: list[tuple[int, int]]) -> bool:
    """Whether `chain` is a range of numbers with a unit in Latin letters: "500 - 1000 mg", as "500-1000 mg" is."""
    numbers = all(
        text[end - 1].isdigit() and text[start].isdigit() for (_, end), (start, _) in itertools.pairwise(chain)
    )
    return numbers and any(_LATIN_LETTER.search(text, *span) for span in chain)


_MINUS = re.compile("[ \u00a0]+-[ \u00a0]+")
_LATIN_LETTER = re.compile(f"[^\\W\\d_{RTL_BLOCKS}]")
_SPACED_OPERATOR = re.compile(f"[ \u00a0]{_OPERATOR}[ \u00a0]")


def _without_dangling_isolates(text: str) -> str:
    """`text` with every LRI after its last PDI written as RLI, which no run starts with or takes in
    differently. Such an LRI opens an isolate that never closes: the pattern would scan to the end of
    the text from each of them in vain, quadratic time for a text of many of them."""
    cut = text.rfind(PDI) + 1
    return text if LRI not in text[cut:] else text[:cut] + text[cut:].replace(LRI, RLI)


def isolate_ltr(text: str) -> str:
    """Wrap each left-to-right run of a right-to-left plain text in Unicode isolates (LRI ... PDI)."""
    out, last = [], 0
    for start, end in ltr_runs(text):
        out += [text[last:start], LRI, text[start:end], PDI]
        last = end
    return "".join(out) + text[last:]
