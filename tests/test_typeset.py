"""Typesetting running text: left-to-right runs with their signs, quotes by language, numbers and units."""

from __future__ import annotations

import re

import pytest

from publisher.typeset.bidi import LRI, PDI, RLI, isolate_ltr
from publisher.typeset.document import PASSES, typeset_text
from publisher.typeset.inline import typeset_fragment
from publisher.typeset.numerals import choose_numerals, language_numerals, localise_digits, written_numerals
from publisher.typeset.quotes import style_of
from publisher.typeset.units import NO_BREAK_SPACE

NBSP = "\u00a0"


def runs(text: str) -> list[str]:
    """The isolated runs of a plain text, in order."""
    marked = isolate_ltr(text)
    return [part.split(PDI)[0] for part in marked.split(LRI)[1:]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تراجع بـ -3.2% ثم ارتفع بـ +1.5%", ["-3.2%", "+1.5%"]),
        # a sign after a one-letter word a number may begin with; not a hyphen joining a number to a word or a code
        ("بين -5 و-10 وبـ-3% وب-5%، والعدد-3 والنموذج (ن-س-1) و(أ-2) ون-م-٣ و(ب-12)", ["-5", "-10", "-3%", "-5%"]),
        ("هامش ±0.5 و−2 و∓1", ["±0.5", "−2", "∓1"]),
        ("السعر $82.40 أو 76€ أو £1.17 أو -€3 أو ¥500", ["$82.40", "76€", "£1.17", "-€3", "¥500"]),
        ("الاحتياطي (US$46.9bn) الآن", ["US$46.9bn"]),
        ("بلغ 4‰ و25°C و12° و3.5′", ["4‰", "25°C", "12°", "3.5′"]),
        ("الدالة fetch_quotes() ثم a[0] ثم get_index(2026) الآن", ["fetch_quotes()", "a[0]", "get_index(2026)"]),
        ("برنامج Maroc Digital 2030 الجديد", ["Maroc Digital 2030"]),
        # a form's date to fill in, its blanks with its year, as "14/3/2025" is; and an Arabic unit's power, no run's
        ("التاريخ: ..../..../2025 و14/..../2025 و14/3/2025 فقط", ["..../..../2025", "14/..../2025", "14/3/2025"]),
        ("المعلوم 120 م² × 1.5 = 180 د.ت و E = mc² هنا", ["1.5 = 180", "E = mc²"]),
        ("كتب الحساب @Algerie_Poste ووسم #opendata و#الجزائر", ["@Algerie_Poste", "#opendata"]),
        ('قال "Rust is C++ without the fear" ثم C# و F#', ["Rust is C++ without the fear", "C#", "F#"]),
        # a product's "+" and a no-break hyphen inside a name (the "+" was printed at the far end, "Wi‑Fi" in two)
        (
            "يبدأ سعر Galaxy S25+ من AED 3,699 ويدعم Wi‑Fi 7 وWi‐Fi 6",
            ["Galaxy S25+", "AED 3,699", "Wi‑Fi 7", "Wi‐Fi 6"],
        ),
        # a bracket the run opens but does not close stays outside it, with its partner ("(3" was set apart)
        ("المعالج: A19 Pro (3 نانومتر) و(Series A، بقيادة", ["A19 Pro", "Series A"]),
        ("بين 2021-2026 و10:30 و31/12/2026 و1,200", ["2021-2026", "10:30", "31/12/2026", "1,200"]),
        (
            "على https://data.example.ma/api/v2/ أو support@example.ma.",
            ["https://data.example.ma/api/v2/", "support@example.ma"],
        ),
        ("قال Open Data, Big Data ثم Paris، الرباط", ["Open Data, Big Data", "Paris"]),
        ('و the "best" choice و', ['the "best" choice']),
        ('فعنونت "La bourse recule" selon l\'analyste.', ['"La bourse recule" selon l\'analyste']),
        ("كلمات Ελληνικά και Русский текст هنا", ["Ελληνικά και Русский текст"]),
        # What needs nothing: a bare number, Arabic-Indic numbers, signed or not, and their ranges, a hyphen inside
        # a word (the bidi algorithm sets "-٣٫٢٪" right to left, its sign read first: typeset/bidi.py).
        ("في 2026 و١٢٣ و٢٠٢١-٢٠٢٦ و٢٠٢٥/٢٠٢٦", []),
        ("سالب -٣٫٢٪ و+٥ و−٠٫٧٥٪", []),
        ("x-5 هنا", ["x-5"]),
        # a price's unit after its sign, a slash before an Arabic word left out (as the bidi algorithm sets it)
        ("السعر €/kg والعملة USD/برميل والسعر $2400/أوقية", ["€/kg", "USD", "$2400"]),
        # but a path's last slash before Arabic punctuation is the path's (left out, it was drawn left of "/etc")
        (
            "في /etc/nginx/sites-available/، ثم /var/log/؛ و~/bin/؟",
            ["/etc/nginx/sites-available/", "/var/log/", "~/bin/"],
        ),
        # a wildcard begins a name or an address ("*:" was drawn on the number's right); not a lone star or a product
        (
            "يطبع LISTEN *:5433 ثم احذف *.tmp وابحث في **/*.py والنجمة * هنا و5 * 3",
            ["LISTEN *:5433", "*.tmp", "**/*.py", "5 * 3"],
        ),
        # A bracket opened inside a run closes inside it, after a number too.
        (
            "الخطوط: Amiri (SIL Open Font License 1.1)، Noto Sans Mono (v2)",
            ["Amiri (SIL Open Font License 1.1)", "Noto Sans Mono (v2)"],
        ),
        ("(Open Data) هنا", ["Open Data"]),
        # a spaced hyphen is a minus in an equation and in a range with a Latin unit; a range or a score of bare numbers
        # and Latin names it parts stay right to left, as the bidi algorithm sets them
        (
            "الناتج 5 - 3 = 2 و10 - 3 - 2 = 5 والفترة 2019 - 2022 والنتيجة 3 - 1 وApple - Samsung",
            ["5 - 3 = 2", "10 - 3 - 2 = 5", "Apple", "Samsung"],
        ),
        ("الجرعة 500 - 1000 mg والمسافة 10 - 20 كم و x - 2 ≥ 0", ["500 - 1000 mg", "x - 2 ≥ 0"]),
        # an interval with its brackets turned outward, infinity and the increment sign, a sign before a bracket
        ("المجال [0, 1[ أو ]−∞, 3] و x ∈ ]0, 1[ و[2, 5]", ["[0, 1[", "]−∞, 3]", "x ∈ ]0, 1[", "2, 5"]),
        ("المجال e ∈ [0, 1) و x ∈ (0, 1] و(3, 4)", ["e ∈ [0, 1)", "x ∈ (0, 1]", "3, 4"]),
        ("الدور T = 2π√(L/g) والتردد f₀ = 1 / (2π√(LC)).", ["T = 2π√(L/g)", "f₀ = 1 / (2π√(LC))"]),
        # an identifier with Extended digits glued to it is one run; one a space parts from them is not
        ("نمبر KWSC/PR/۲۰۲۶/۱۴۷ و A۱۲ و iPhone ۱۵", ["KWSC/PR/۲۰۲۶/۱۴۷", "A۱۲", "iPhone"]),
        # a formula whose parts the pattern finds apart, no Arabic letter between them, is one run (a Tunisian lecture)
        ("نسمي A = {x ∈ ℝ : f(x) ≥ 0} = [α, β] ∪ [1, +∞[. ثم", ["A = {x ∈ ℝ : f(x) ≥ 0} = [α, β] ∪ [1, +∞["]),
        ("متزايدة على ]−∞, −√(2/3)]؛ وعلى", ["]−∞, −√(2/3)]"]),
        ("الناتج −(3 + 2) = −5 و∆ = b² − 4ac و-(a + b)", ["−(3 + 2) = −5", "∆ = b² − 4ac", "-(a + b)"]),
        # a set in braces, with its relation; never one of Arabic words
        ("و{1, 2, 3} ⊂ ℕ والمجموعة {a, b} و x ∈ {−3, 3}. وقال {أ، ب}", ["{1, 2, 3} ⊂ ℕ", "{a, b}", "x ∈ {−3, 3}"]),
    ],
)
def test_a_run_travels_with_its_signs_units_and_brackets(text: str, expected: list[str]) -> None:
    assert runs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an English citation after a title: the whole of it one run, "p. 45" too; it had stopped at "Today", and
        # "Cambridge, 2019, p" after the bracket was never searched again ("2019, p. 45" set word by word)
        ("في كتابه The Language Today (Cambridge, 2019, p. 45) أن", ["The Language Today (Cambridge, 2019, p. 45)"]),
        # a bracket left open still ends its run before it, and the words after it are searched again
        ("هاتف A19 Pro (3 نانومتر، Wi-Fi 7) جديد", ["A19 Pro", "Wi-Fi 7"]),
        ("راجع (vol. 3, no. 2) هنا", ["vol. 3, no. 2"]),
        ("استعمل Python. ثم", ["Python"]),  # the full stop after the run's last word stays outside
    ],
)
def test_a_citation_is_one_run_and_a_run_after_an_open_bracket_is_found(text: str, expected: list[str]) -> None:
    assert runs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tolerance reads left to right: "± 0.05" was drawn left of "7.4" ("0.05 ± 7.4"), both extractors agreeing
        ("قيمة pH للمحلول 7.4 ± 0.05، وسعر", ["pH", "7.4 ± 0.05"]),
        # a root is its number's sign, and joins a factor to it: "√2" had its "√" drawn right of "1.414"
        ("إذا كان √2 ≈ 1.414 فاحسب 3√2 − 1 مقربة", ["√2 ≈ 1.414", "3√2 − 1"]),
        ("المميز Δ = b² − 4ac، فإذا كان Δ > 0 كان", ["Δ = b² − 4ac", "Δ > 0"]),
        ("الفرق ∓0.3 هنا", ["∓0.3"]),
    ],
)
def test_a_formula_is_one_run_with_its_roots_and_tolerances(text: str, expected: list[str]) -> None:
    assert runs(text) == expected


def test_isolating_twice_changes_nothing() -> None:
    once = isolate_ltr("تراجع بـ -3.2% في Maroc Digital 2030")
    assert isolate_ltr(once) == once


def fragment(html: str, language: str = "ar", rtl: bool = True) -> str:
    return typeset_fragment(html, language, rtl, PASSES, lambda text: text)


def test_a_run_inside_one_text_node_gets_an_ltr_span_and_isolates() -> None:
    assert fragment("<p>بـ -3.2% هذا</p>") == f'<p>بـ <span dir="ltr">{LRI}-3.2%{PDI}</span> هذا</p>'


def test_a_run_across_emphasis_is_one_span() -> None:
    out = fragment("<p>برنامج Maroc <em>Digital</em> 2030 الجديد</p>")
    assert out == '<p>برنامج <span dir="ltr">Maroc <em>Digital</em> 2030</span> الجديد</p>'


def test_code_and_kbd_are_isolated_whole_and_never_changed() -> None:
    out = fragment('<p>الدالة <code>f("x")</code> ثم <kbd>Ctrl+C</kbd> الآن</p>')
    assert '<span dir="ltr"><code>f(&quot;x&quot;)</code></span>' in out
    assert '<span dir="ltr"><kbd>Ctrl+C</kbd></span>' in out


def test_a_run_that_starts_inside_an_element_and_ends_outside_is_isolated_per_node() -> None:
    out = fragment("<p><em>كلمة Open</em> Data هنا</p>")
    assert out == (
        f'<p><em>كلمة <span dir="ltr">{LRI}Open{PDI}</span></em> <span dir="ltr">{LRI}Data{PDI}</span> هنا</p>'
    )


def test_a_separator_where_a_run_crosses_an_elements_edge_stays_in_the_arabic_text() -> None:
    """A bank's "**صافي هامش الفائدة (NIM)**: 2.71%،" (the hundred-and-fifty-eighth batch): the run "(NIM): 2.71%"
    crossed the bold's edge, and the colon went into the number's isolate, drawn "(NIM)2.71% :"."""
    out = fragment("<p><strong>صافي هامش الفائدة (NIM)</strong>: 2.71%، بانخفاض</p>")
    assert f'(NIM){PDI}</span></strong>: <span dir="ltr">{LRI}2.71%{PDI}</span>، بانخفاض' in out
    out = fragment("<p><strong>الإصدار Python:</strong> 3.12 الجديد</p>")
    assert f"{LRI}Python{PDI}</span>:</strong> " in out and f"{LRI}3.12{PDI}" in out


def test_code_ending_an_element_is_isolated_inside_it() -> None:
    """ "**بدل `-exec`**" (the hundred-and-sixtieth batch): the run of code took in the bold's closing tag, which it had
    not opened, and was isolated node by node, code not at all; drawn "exec-"."""
    out = fragment("<p><strong>بدل <code>-exec</code></strong> للتأكد</p>")
    assert out == '<p><strong>بدل <span dir="ltr"><code>-exec</code></span></strong> للتأكد</p>'


def test_code_of_arabic_steps_through_a_menu_is_set_right_to_left() -> None:
    """`الخدمات الذاتية > الطلبات > تظلم من جزاء` (the hundred-and-sixty-second batch's work regulations), a path
    through a portal's menus: isolated left to right as code, its steps were drawn in the reverse order; code of
    Arabic words and such signs alone is the sentence's (`["الرباط", "فاس"]` stays code's)."""
    out = fragment("<p>عبر المسار <code>الخدمات الذاتية &gt; الطلبات &gt; تظلم من جزاء</code> هنا</p>")
    assert out == "<p>عبر المسار <code>الخدمات الذاتية &gt; الطلبات &gt; تظلم من جزاء</code> هنا</p>"
    out = fragment('<p>القائمة <code>["الرباط", "فاس"]</code> هنا</p>')
    assert '<span dir="ltr"><code>' in out


def test_code_blocks_and_footnote_calls_are_left_as_written() -> None:
    block = '<pre><code class="language-py">print("a" + \'b\')\n</code></pre>'
    assert fragment(block) == block
    call = '<sup class="footnote-ref"><a href="#fn-ch01-1" id="fnref-ch01-1">1</a></sup>'
    assert fragment(f"<p>نص{call}.</p>") == f"<p>نص{call}.</p>"


def test_generated_footnote_numbers_take_the_books_digits() -> None:
    html = (
        '<p>نص<sup class="footnote-ref"><a href="#fn-ch01-12" id="fnref-ch01-12">12</a></sup> في 2026.</p>'
        '<aside class="footnote"><p><a href="#fnref-ch01-12" class="footnote-backref">12</a> سنة 1990.</p></aside>'
    )
    out = typeset_fragment(html, "ar-EG", True, PASSES, lambda t: localise_digits(t, "arabic-indic"))
    assert ">١٢</a></sup>" in out and 'class="footnote-backref">١٢</a>' in out
    assert "2026" in out and "1990" in out  # the author's digits stay
    assert "fn-ch01-12" in out  # and so do the attributes


@pytest.mark.parametrize(
    ("html", "language", "expected"),
    [
        ("<p>قال: \"نعم\" ثم 'لا'</p>", "ar", "<p>قال: «نعم» ثم ‹لا›</p>"),
        ('<p>قال: "Open Data للجميع"</p>', "ar", "<p>قال: «Open Data للجميع»</p>"),
        ("<p>He said \"it's the 'best' one\"</p>", "en", "<p>He said “it’s the ‘best’ one”</p>"),
        ('<p>Il a dit "bonjour" à l\'homme</p>', "fr", "<p>Il a dit «\u202fbonjour\u202f» à l’homme</p>"),
        ('<p>Il a dit " bonjour " enfin</p>', "fr", "<p>Il a dit «\u202fbonjour\u202f» enfin</p>"),
        ('<p>Er sagte "ja"</p>', "de", "<p>Er sagte „ja“</p>"),
        ("<p>the '90s and the students' books</p>", "en", "<p>the ’90s and the students’ books</p>"),
        # a year's last two digits lose their first ones; a quotation that opens on a number does not: it printed
        # "’127.0.0.1 localhost’", two apostrophes
        (
            "<p>the class of '24, a '12.5' rate, '127.0.0.1 localhost'</p>",
            "en",
            "<p>the class of ’24, a ‘12.5’ rate, ‘127.0.0.1 localhost’</p>",
        ),
        ("<p>السطر '127.0.0.1 localhost' مهم</p>", "ar", "<p>السطر ‹127.0.0.1 localhost› مهم</p>"),
        ('<p>"<em>Open</em> Data"</p>', "en", "<p>“<em>Open</em> Data”</p>"),
        # glued to a prefix, a quote opens: it had read as a closing one, "لـ»البيان»"
        ('<p>قال لـ"البيان" و"الشرق" إن</p>', "ar", "<p>قال لـ«البيان» و«الشرق» إن</p>"),
        # and a single one, not an apostrophe: "و'DE'" printed "و’DE’" (a hotel analysis, the ninety-sixth batch)
        ("<p>مثل 'DZ' و'DE' و'لا' و'90s</p>", "ar", "<p>مثل ‹DZ› و‹DE› و‹لا› و’90s</p>"),
        # after a digit, a minute or a second (a prime), unless it closes a quotation: "الدقيقة 23'" printed "‘23"
        ('<p>في الدقيقة 23\' والمادة "15"</p>', "ar", "<p>في الدقيقة 23′ والمادة «15»</p>"),
        ("<p>he is 5'10\" tall, in the 1990's</p>", "en", "<p>he is 5′10″ tall, in the 1990’s</p>"),
    ],
)
def test_straight_quotes_become_the_marks_of_their_language(html: str, language: str, expected: str) -> None:
    """(The isolates of the other direction's runs aside: typeset/bidi.py.)"""
    out = re.sub('<span dir="rtl">([^<]*)</span>', r"\1", fragment(html, language, rtl=False))
    assert out.translate(dict.fromkeys(map(ord, RLI + PDI))) == expected


def test_quotes_follow_the_lang_of_a_span_and_never_touch_code() -> None:
    out = fragment('<p>عنونت <span lang="fr">"La bourse recule"</span> و<code>"x"</code></p>', rtl=False)
    assert '<span lang="fr">«\u202fLa bourse recule\u202f»</span>' in out
    assert "<code>&quot;x&quot;</code>" in out


def test_a_latin_phrase_inside_arabic_takes_english_quotes() -> None:
    assert typeset_text('كتب: the "best" choice', "ar", rtl=False) == "كتب: the “best” choice"
    # and so does a paragraph of an Arabic book with no Arabic letter, whose quotation begins it ("«Severe frost…»")
    assert typeset_text('"Severe frost", said the WMO.', "ar", rtl=False) == "“Severe frost”, said the WMO."
    assert typeset_text('"hello" قال.', "ar", rtl=False) == "«hello» قال."  # a Latin word quoted in Arabic


def test_a_phrase_in_a_left_to_right_language_is_one_run_with_its_quotation_marks() -> None:
    """Right to left around it, a French phrase's opening mark was set on the Arabic side, mirrored ("l’UGTT »"),
    and its closing one between its two lines: the phrase is isolated whole, marks and all."""
    out = typeset_fragment(
        '<p>قال إن <span lang="fr">"l\'UGTT n\'acceptera pas"</span>، مضيفا</p>', "ar", True, PASSES, str
    )
    assert f'<span lang="fr"><span dir="ltr">{LRI}«\u202fl’UGTT n’acceptera pas\u202f»{PDI}</span></span>،' in out


def test_a_phrase_over_elements_ending_in_its_own_stop_is_one_run() -> None:
    """«ça va, *b9a lik chi 7aja?*»: cut before the "?" inside the emphasis, the phrase's parts had each been isolated
    and set right to left, "b9a lik chi 7aja ,ça va" (inline._with_closing_stops); a word alone keeps its stop
    outside, the sentence's."""
    out = typeset_fragment(
        '<p>مثل «<span lang="fr">ça va</span>, <em>b9a lik chi 7aja?</em>».</p>', "ar", True, PASSES, str
    )
    assert '«<span dir="ltr"><span lang="fr">ça va</span>, <em>b9a lik chi 7aja?</em></span>»' in out
    alone = typeset_fragment("<p>هل تعرف <em>Python?</em> جيدا</p>", "ar", True, PASSES, str)
    assert f'<em><span dir="ltr">{LRI}Python{PDI}</span>?</em>' in alone


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("مسافة 99 كيلومتر", True),
        ("عند 10:30 صباحا", True),
        ("ثمن 149 درهما", True),
        ("و50 درهم", True),
        ("وزنه 5 kg فقط", True),
        ("٤٥ كيلومترا", True),
        ("سنة 2026 م", True),
        ("في 2026 قررت", False),
        ("منذ 12 مدرسة", False),
        ("بمعدل 5 m/s² تقريبا", True),  # a compound unit with its powers ("5" ended a line, "m/s²." began one)
        ("ثابت 6.67×10⁻¹¹ N·m²/kg² هنا", True),  # a power of ten, a unit of three parts
        ("نحو 3×10⁸ م/ث", True),
        ("قوة 10 N بعد", True),
        ("بين 2 and/or 3", False),  # not a unit
        # a number the one before it took as its word ("2 و8"): "8" ended a line and "°C" began the next
        ("بين 2 و8 °C، ولا", True),
        ("من 3 إلى 5 كيلومتر", True),
    ],
)
def test_a_number_and_its_unit_do_not_break(text: str, joined: bool) -> None:
    assert (NBSP in typeset_text(text, "ar", rtl=False)) is joined


def test_a_number_grouped_with_spaces_does_not_break() -> None:
    """ "فالصافي 2 750 دينار" ended a line with "2" and began the next with "750": the spaces between its thousands are
    narrow no-break spaces now, which justification does not stretch; two numbers a space apart ("2026 200", a year
    and a count) are left alone, and so are two numbers of which the first begins with a zero ("LISTEN 0 244", a
    socket's queues, had been joined as "0 244")."""
    assert "12\u202f500\u202f000" in typeset_text("بلغ عدد السكان 12 500 000 في", "ar", rtl=False)
    assert "٢\u202f٧٥٠" in typeset_text("فالصافي ٢ ٧٥٠ فقط", "ar", rtl=False)
    for apart in ("في عام 2026 200 شخص", "يطبع LISTEN 0 244 هنا", "العددان ٠ ٢٤٤ هنا", "و0 244 000 أيضا"):
        assert "\u202f" not in typeset_text(apart, "ar", rtl=False)
    # a fraction's denominator too ("< 1/10 000", a side effect's frequency, had ended a line with "1/10"); not after
    # a path's slash
    assert "1/10\u202f000" in typeset_text("نادرة (< 1/10 000) فقط", "ar", rtl=False)
    assert "\u202f" not in typeset_text("الملف data/10 000 هنا", "ar", rtl=False)


def test_a_measure_and_its_error_do_not_break() -> None:
    """A clinic's table had ended a line with "٨٫٩ ±" and "1.1 ×" before their numbers (the hundred-and-forty-ninth
    batch): no-break spaces there now; a product of numbers is left alone."""
    isolates = dict.fromkeys(range(0x2066, 0x206A))
    for joined in ("٨٫٩ ± ١٫٦", "1.1 × 10⁻⁹"):
        typeset = typeset_text(f"قال {joined} هنا", "ar", rtl=False).translate(isolates)
        assert joined.replace(" ", NBSP) in typeset, joined
    assert NBSP not in typeset_text("قال 4 × 250 هنا", "ar", rtl=False)


def test_a_phone_number_in_european_digits_does_not_break() -> None:
    """ "+213 21 97 98 98" ended a line with "97": the groups of an international number are joined by no-break
    spaces, as those of one in Arabic-Indic digits are."""
    for phone in ("+213 21 97 98 98", "+212 (0)522 65 43 21", "+962 6 555 0123"):
        assert phone.replace(" ", NBSP) in typeset_text(f"اتصل بالرقم {phone} الآن", "ar", rtl=False), phone
    assert NBSP not in typeset_text("النتيجة +3 2 1 هنا", "ar", rtl=False)  # (a sign, not a phone: two groups)


@pytest.mark.parametrize(
    ("setting", "language", "texts", "expected"),
    [
        ("auto", "ar-EG", ["في 2026 و12"], "latin"),  # the text's own digits first
        ("auto", "ar-MA", ["في ٢٠٢٦ و١٢ و2"], "arabic-indic"),
        ("auto", "fa", ["سال ۱۴۰۵"], "extended-arabic-indic"),
        ("auto", "ar-EG", ["بلا أرقام"], "arabic-indic"),  # then CLDR's default for the language
        ("auto", "ar-EG", ["12 و٣٤"], "arabic-indic"),  # a tie is no answer: the language decides
        ("auto", "ar-MA", ["بلا أرقام"], "latin"),
        ("auto", "ar", ["بلا أرقام"], "latin"),  # CLDR: bare "ar" writes European digits
        ("auto", "fa", [""], "extended-arabic-indic"),
        ("auto", "ur", [""], "latin"),  # CLDR, where the table said Extended
        ("latin", "ar-EG", ["٢٠٢٦"], "latin"),  # an explicit choice wins
        ("arabic-indic", "ar-MA", ["2026"], "arabic-indic"),
    ],
)
def test_generated_numbers_follow_the_text_then_cldr(
    setting: str, language: str, texts: list[str], expected: str
) -> None:
    assert choose_numerals(setting, language, texts) == expected


def test_digit_counting_and_unknown_languages() -> None:
    assert written_numerals(["no digits"]) is None
    assert language_numerals("xx-YY") == "latin"
    assert localise_digits("page 12", "extended-arabic-indic") == "page ۱۲"


def test_quote_styles_by_script() -> None:
    assert style_of("ar-MA")[:2] == style_of("fa")[:2] == style_of("ku-Arab")[:2] == ("«", "»")
    assert style_of("en-GB")[:2] == ("“", "”")
    assert style_of("xx")[:2] == ("“", "”")


def test_a_sign_after_a_number_and_an_equation_travel_in_their_run() -> None:
    """ "3.2×" keeps its sign (the bidi algorithm drew "×3.2"); an equation of spaced operators is one run, read left
    to right ("£1 = 4.68" broke after its "="); a dash between words parts them."""
    assert isolate_ltr("أعلى بمقدار 3.2× من المعروض") == f"أعلى بمقدار {LRI}3.2×{PDI} من المعروض"
    assert isolate_ltr("الإسترليني £1 = 4.68 درهم") == f"الإسترليني {LRI}£1 = 4.68{PDI} درهم"
    assert isolate_ltr("نحو 3 + 4 = 7 تقريبا") == f"نحو {LRI}3 + 4 = 7{PDI} تقريبا"
    assert isolate_ltr("Paris - Rabat") == f"{LRI}Paris{PDI} - {LRI}Rabat{PDI}"


def test_a_name_that_begins_with_a_currency_or_percent_sign_keeps_it() -> None:
    """A spreadsheet's "$A$1", a shell's "$HOME", Windows's "%APPDATA%": the sign outside the run was drawn on the
    run's right ("A$1$"), and "$B$2*12" drawn "12*$B$2". A price keeps its sign as before; a percent sign before a
    number is no name's."""
    assert runs("مرجع الخلية ($A$1) ثابت") == ["$A$1"]
    assert runs("أما ($B$2*12) فيضرب") == ["$B$2*12"]  # a product's star joins its terms, as "×" does
    assert runs("المتغير $HOME و %APPDATA% هنا") == ["$HOME", "%APPDATA%"]
    assert runs("بلغ US$46.9bn و$5 و€1 = ٥١") == ["US$46.9bn", "$5", "€1"]
    # a percent sign typed before a number in European digits is its run's, as the bidi algorithm sets it (rule W5):
    # "%12.5" had been drawn "12.5%", its sign outside the run of "12.5"
    assert runs("بنسبة %5 فقط و%12.5 أيضا") == ["%5", "%12.5"]


def test_an_estimate_or_a_bound_keeps_its_sign_before_its_number() -> None:
    """ "~5%", "≈12%", ">8%", "<30%", "×2": outside the run, each sign was drawn on the number's right ("5%~",
    "8%<"). Before Arabic-Indic digits the bidi algorithm already reads it first ("~١٠"); between words it is an
    operator, not a sign ("x>5" is one run as before)."""
    assert runs("بنسبة ~5% وهامش ≈12% ونمو >8% وديون <30% أي ×2") == ["~5%", "≈12%", ">8%", "<30%", "×2"]
    assert runs("التقييم ~$100M والعدد ≤3 فقط") == ["~$100M", "≤3"]
    assert runs("بتأخير ~١٠ دقائق") == [] and runs("إذا كان x>5 فإن") == ["x>5"]
    # and a sign of mathematics a space from its name: "∫ x dx" had its "∫" drawn right of "x dx = ½"
    assert runs("التكامل ∫ x dx = ½ ولكل ∀ x ∈ A والرمز ∑ وحده") == ["∫ x dx = ½", "∀ x ∈ A"]


def test_an_arabic_indic_number_and_its_fraction_are_one_run() -> None:
    """ "١½ كوب": the fraction, a run alone, was drawn left of its number ("½١") and read first by both extractors;
    the number and its fraction are one quantity, drawn as "1½" is, after a prefix letter too ("و١½"). A fraction
    alone is no run, as a bare number is not (PDFium read a vocalised stretch twice beside its isolate)."""
    assert runs("- ١½ كوب زبدة ثم ٢¼ ملعقة و٣½ ملعقة") == ["١½", "٢¼", "٣½"]
    assert runs("ثم ¾ كوب و 1½ cup") == ["1½ cup"] and runs("١٢ و½") == []


def test_a_coordinate_and_a_number_past_its_bracket_are_one_run() -> None:
    """ "34°02′N 6°50′W" was parted at each degree and minute sign and drawn in pieces right to left ("W′N 6°50′34°02");
    "+212 (0)522 65 43 21" at its bracket, "522 65 43 21" set left of "+212 (0)"."""
    assert runs("عند 34°02′N 6°50′W، وزاوية 45°30′15″ فقط") == ["34°02′N 6°50′W", "45°30′15″"]
    assert runs("الفاكس: +212 (0)522 65 43 21 هنا") == ["+212 (0)522 65 43 21"]
    assert runs("درجة 25°C و 30 °C") == ["25°C", "30 °C"]


def test_a_path_is_one_run_with_what_it_begins_and_ends_with() -> None:
    """A Windows path was parted at each backslash and drawn segment by segment right to left
    ("my-app\\projects\\Ali\\Users\\" after "C:", a line away); "~/projects/my-app" was drawn "projects/my-app/~",
    "/etc/hosts" "etc/hosts/". What a path or a hidden file's name begins with goes in its run; a slash between
    Arabic words, a lone "~" and a date stay as they were."""
    assert runs("المسار C:\\Users\\Ali\\my-app هنا") == ["C:\\Users\\Ali\\my-app"]
    assert runs("المجلد C:\\Temp\\ والمشاركة \\\\server\\share") == ["C:\\Temp\\", "\\\\server\\share"]
    assert runs("فهو ~/projects/my-app. وأيضا ~/.bashrc") == ["~/projects/my-app", "~/.bashrc"]
    assert runs("شغل ./run.sh ثم ../lib/x والملف /etc/hosts") == ["./run.sh", "../lib/x", "/etc/hosts"]
    assert runs("الملف .env وإطار .NET هنا") == [".env", ".NET"]
    assert runs("و/أو والأمر cd ~ في 2026/12/05") == ["cd", "2026/12/05"]
    assert runs("الهدف (د.34) ثم (د.90+4)") == ["90+4"]  # minutes: a full stop before a number begins no path


def test_a_product_a_power_and_an_ion_are_one_run() -> None:
    """ "1.0×10⁻⁷" was drawn "10⁻⁷×1.0" (the bidi algorithm sets two numbers parted by a neutral "×" right to left),
    "3×ULN" "ULN×3", a screen's "1920×1080" "1080×1920"; an ion's charge went to the other side of its letter ("⁺H"),
    and a reaction's sides were swapped. Arabic-Indic digits stay right to left ("٢×٣")."""
    runs = ("1.0×10⁻⁷", "2×3", "1920×1080", "ALT > 3×ULN", "H₂O ⇌ H⁺ + OH⁻", "Na⁺", "Fe³⁺", "x⁻¹ → 0", "4.25%–4.50%")
    for run in (*runs, "90′+4", "UTC−5", "x ∈ ℝ", "1½"):  # "4.50%–4.25%", "+490′", "5−UTC", "ℝ ∈ x" were drawn
        assert isolate_ltr(f"قيمة {run} تقريبا") == f"قيمة {LRI}{run}{PDI} تقريبا", run
    assert isolate_ltr("مساحة ٢×٣ م") == "مساحة ٢×٣ م"
    # a unit's dot ("kg·m/s²" was drawn "m/s²·kg") and a note's accidental ("mi♭" was drawn "♭mi")
    for run in ("kg·m/s²", "N·m²/kg²", "mi♭", "F♯"):
        assert isolate_ltr(f"وحدة ({run}) هنا") == f"وحدة ({LRI}{run}{PDI}) هنا", run
    assert isolate_ltr("Noto · SIL") == f"{LRI}Noto{PDI} · {LRI}SIL{PDI}"  # a spaced dot parts two runs
    assert isolate_ltr("الجداء u⃗ · v⃗ هنا") == f"الجداء {LRI}u⃗ · v⃗{PDI} هنا"  # but for a product of two symbols


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sign or an operator of mathematics touching a name is its run's: the minus was drawn right of "x + 4 ≥ 1",
        # "∑" mirrored right of "k", and the "/2" after a bracket left outside ("2/k = n(n+1)∑")
        ("ثم المتراجحة −x + 4 ≥ 1 (الجواب", ["−x + 4 ≥ 1"]),
        ("ومجموعها ∑k = n(n+1)/2، فمثلا", ["∑k = n(n+1)/2"]),
        ("نكتب ∂f/∂x و f(x)² و ¬p هنا", ["∂f/∂x", "f(x)²", "¬p"]),
        ("استعمل --help أو -v للمساعدة", ["--help", "-v"]),
        # the operators of code and a division, spaced between numbers: "7 / 2" was drawn "2 / 7", "1 << 3" "3 >> 1"
        ("ناتج 7 / 2 هو 3، و7 % 2 هو 1، و-7 // 2 هو −4", ["7 / 2", "7 % 2", "-7 // 2", "−4"]),
        ("الإزاحة 1 << 3 و x == y و a != b هنا", ["1 << 3", "x == y", "a != b"]),
        ("إذا كان 5≠3 فإن 3 > 0", ["5≠3", "3 > 0"]),
        ("على PS5 وXbox Series X|S وPC", ["PS5", "Xbox Series X|S", "PC"]),  # "S|Xbox Series X" was drawn
        ("تعقيده O(n log n)، والدالة f(x, y) هنا", ["O(n log n)", "f(x, y)"]),  # drawn "(n log n)O"
        ("وصل إلى 10% 8% فقط", ["10%", "8%"]),  # two quantities, right to left ("~~10%~~ 8%"), not "10% 8%"
        # bracketed terms an operator joins, their brackets with them (the two were drawn swapped)
        ("فالعبارة (3 > 0) && (2 < 5) صحيحة و(3 + 1) = (2 + 2)", ["(3 > 0) && (2 < 5)", "(3 + 1) = (2 + 2)"]),
        # a percent sign or a degree a space from its number (French, the SI): "tient à 90 %" was drawn "% … 90"
        ("قال «le cessez-le-feu tient à 90 %». وتشارك", ["le cessez-le-feu tient à 90 %"]),
        ("بنسبة 34,7\u00a0% و25 °C، و12,5\u202f‰ هنا", ["34,7\u00a0%", "25 °C", "12,5\u202f‰"]),
        ("إلى 180 °م أو", []),  # an Arabic unit: read right to left as it is
        ("المعادلة CaCO₃ + 2HCl → CaCl₂ + H₂O + CO₂↑. ثم", ["CaCO₃ + 2HCl → CaCl₂ + H₂O + CO₂↑"]),
        # a hyphen before a bracket, in a chemical name or a product (the 129th batch): cut there, the parts were drawn
        # right to left, "(4-hydroxyphenyl)acetamide-N", and "2-[4-" left out of its name
        ("واسمه N-(4-hydroxyphenyl)acetamide. وهو", ["N-(4-hydroxyphenyl)acetamide"]),
        ("اسمه 2-[4-(2-methylpropyl)phenyl]propanoic acid، وهو", ["2-[4-(2-methylpropyl)phenyl]propanoic acid"]),
        (
            "المحفز 4-(dimethylamino)pyridine ثم N-(2-hydroxyethyl) بعده",
            ["4-(dimethylamino)pyridine", "N-(2-hydroxyethyl)"],
        ),
        ("ثم x-(y+1) = 3 هنا", ["x-(y+1) = 3"]),
        ("صفحة 12-(ملحق) هنا", []),  # (an Arabic word in the bracket: no run's)
    ],
)
def test_a_formula_code_operators_and_spaced_signs_keep_one_run(text: str, expected: list[str]) -> None:
    assert runs(text) == expected


def test_a_paragraph_with_a_direction_of_its_own_is_typeset_in_it() -> None:
    """An Arabic paragraph of an English book (source/blockdir.py gives it dir="rtl" lang="und-Arab") has its
    left-to-right runs isolated, as in an Arabic book ("-3.2%" had been drawn "3.2%-"), and no right-to-left run
    isolated; an English item of an Arabic book is not isolated whole inside itself."""
    out = fragment('<p dir="rtl" lang="und-Arab">تراجع السهم بـ -3.2% أمس</p><p>the end</p>', "en", rtl=False)
    assert out == (
        f'<p dir="rtl" lang="und-Arab">تراجع السهم بـ <span dir="ltr">{LRI}-3.2%{PDI}</span> أمس</p><p>the end</p>'
    )
    item = '<li dir="ltr">Cour suprême, ch. civ., 2019, p. 45.</li>'
    assert fragment(f"<ol><li>القانون رقم 08-09</li>{item}</ol>") == (
        f'<ol><li>القانون رقم <span dir="ltr">{LRI}08-09{PDI}</span></li>{item}</ol>'
    )


def test_a_prime_made_of_a_straight_quote_stays_with_its_number() -> None:
    """The quotes pass makes "23'" a minute ("23′"); the left-to-right run is found after it, or the prime is left
    out of the number's isolate and drawn on its other side ("′23")."""
    out = typeset_fragment("<p>في الدقيقة 23'، قبل</p>", "ar", True, PASSES, str)
    assert f'<span dir="ltr">{LRI}23\u2032{PDI}</span>،' in out


@pytest.mark.parametrize(
    ("text", "run"),
    [
        # a web address is one run whatever its path is written in, brackets it opens included, full stop left out
        ("على صفحة https://ar.wikipedia.org/wiki/الجزائر في", "https://ar.wikipedia.org/wiki/الجزائر"),
        ("انظر https://ar.wikipedia.org/wiki/عمان_(مدينة) و", "https://ar.wikipedia.org/wiki/عمان_(مدينة)"),
        ("موقع https://وزارة-الاتصالات.مصر الذي", "https://وزارة-الاتصالات.مصر"),
        ("على www.anrt.ma/ar/مؤشرات-السوق. ومن", "www.anrt.ma/ar/مؤشرات-السوق"),
        ("(https://ar.wikipedia.org/wiki/مصر).", "https://ar.wikipedia.org/wiki/مصر"),
    ],
)
def test_a_web_address_is_one_run_whatever_its_script(text: str, run: str) -> None:
    """The run was cut at the address's last Latin letter, and "/الجزائر" was set on the far side of "https"."""
    assert f"{LRI}{run}{PDI}" in isolate_ltr(text)


def test_an_english_paragraph_isolates_arabic_names_a_latin_sign_or_a_number_would_join() -> None:
    out = fragment("<p>domains such as .مصر, .السعودية and .امارات.</p>", "en", rtl=False)
    assert out == (
        f'<p>domains such as .<span dir="rtl">{RLI}مصر{PDI}</span>, '
        f'.<span dir="rtl">{RLI}السعودية{PDI}</span> and .امارات.</p>'
    )
    assert fragment("<p>a page of سورة البقرة 255 in Kufic</p>", "en", rtl=False) == (
        f'<p>a page of <span dir="rtl">{RLI}سورة البقرة{PDI}</span> 255 in Kufic</p>'
    )
    for alone in ("<p>Its name is فاس البالي, old Fez.</p>", "<p>a list مصر، السعودية، الأردن here</p>"):
        assert fragment(alone, "en", rtl=False) == alone  # the bidi algorithm sets these as written


def test_an_english_paragraph_isolates_a_web_address() -> None:
    out = fragment("<p>the article at https://ar.wikipedia.org/wiki/ليون, and</p>", "en", rtl=False)
    assert out == f'<p>the article at <span dir="ltr">{LRI}https://ar.wikipedia.org/wiki/ليون{PDI}</span>, and</p>'


@pytest.mark.parametrize("digits", ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"])
def test_a_phone_number_in_arabic_indic_digits_is_one_left_to_right_run(digits: str) -> None:
    """ "+٩٦٦ ١١ ٢٣٤ ٥٦٧٨": the bidi algorithm set its groups right to left (a space between two such digits takes
    their direction, even in a left-to-right isolate). Its groups are joined by no-break spaces, which make them
    one number, and it is isolated left to right with its sign; a lone "+٥" or a date are left alone."""
    phone = "+" + " ".join(digits[a:b] for a, b in ((9, 10), (6, 8), (2, 5), (1, 5)))
    out = typeset_fragment(
        f"<p>للحجز: {phone} أو البريد، و+{digits[5]} نقاط في {digits[1:3]} {digits[4]}</p>", "ar", True, PASSES, str
    )
    joined = phone.replace(" ", NO_BREAK_SPACE)
    assert f'<span dir="ltr">{LRI}{joined}{PDI}</span>' in out
    assert f"+{digits[5]}{NO_BREAK_SPACE}" not in out and f"{digits[1:3]} {digits[4]}<" in out


def test_a_number_labelling_arabic_text_is_no_run_of_the_latin_words_after_it() -> None:
    """ "د. 31: Yahya Jabrane" (a match's goals, the ninety-first batch) was one run, "31: Yahya Jabrane", its minute
    drawn at the name's far end; bold, "**د. 31**:", both extractors read "Jabrane31". A bare number and the stop and
    space after it are the Arabic text's label; a run of Latin words holding a number keeps it ("Python 3: The")."""
    assert runs("قال د. 31: Yahya Jabrane من ضربة جزاء") == ["Yahya Jabrane"]
    assert runs("في 2026: Apple أعلنت") == ["Apple"]
    assert runs("د. 90+4′: Ayoub El Amloud") == ["90+4′", "Ayoub El Amloud"]
    assert runs("كتاب Python 3: The Guide هنا") == ["Python 3: The Guide"]
    assert runs("الأرقام 1, 2, 3 هنا") == ["1, 2, 3"]
