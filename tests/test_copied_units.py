"""A price or a rate per unit ("$/برميل", "€/طن", "USD/برميل", "$2400/أوقية", "€/kg") is drawn as the bidi algorithm
sets it, held on one line with its number, and copies as typed from PDFium and poppler.

Found in texts the project had never seen (a Baghdad oil report's table header "السعر ($/برميل)"): both extractors
read a currency's sign and a slash glued to an Arabic word in the order drawn, "/$برميل" (pdf/numberpunct.py,
weak_stretches); "€/kg" was drawn "/kg€", its sign outside its run, and "USD/برميل" as "برميلUSD/", the slash at the
run's far end (typeset/bidi.py); "٥٠٠ €/طن" broke between the number and its unit (typeset/units.py), and
"2400$/أوقية" after its slash (pdf/addresses.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_article, build_drawn, misread
from readers import unread
from test_typeset_pages import visual_lines

# each kind: a sign then a slash, in brackets or not; a number before the sign, or after it; Arabic-Indic digits; a
# Latin unit or currency code on either side; a percent sign, Arabic and Latin; and the other way, Arabic per sign
UNITS = [
    "$/برميل",
    "($/برميل)",
    "€/طن",
    "(€/حاوية)",
    "£/طن",
    "¥/كغ",
    "(٪/سنة)",
    "(%/عملية)",
    "$2400/أوقية",
    "€35/طن",
    "35€/طن",
    "2400/أوقية",
    "٢٤٠٠$/أوقية",
    "USD/برميل",
    "€/kg",
    "kWh/شهر",
    "٥٠٠ €/طن",
    "٧٨ $/برميل",
    "10.90 درهم/€",
    "١٠٫٩٠ جنيه/£",
    "درهم/$",
    "ريال/%",
]


def test_both_extractors_read_a_price_per_unit_as_typed(tmp_path: Path) -> None:
    typed = [f"قال إن السعر بلغ {unit} هذا الأسبوع." for unit in UNITS]
    assert misread(build_article(tmp_path, "prices", typed), typed) == []


def test_a_price_per_unit_is_drawn_as_one_run_on_one_line(tmp_path: Path) -> None:
    """In paragraphs of an A6 page, each price a word further on than in the one before, so that prices fall at every
    place of a line, its end too: in the PDF as drawn (no text layer), each run left to right with the Arabic unit
    left of the slash, and no line ending with a slash or with a number whose unit begins the next."""
    words = ["قال", "المحلل", "إن", "متوسط", "سعر", "البيع", "في", "السوق", "المحلية", "ارتفع"]
    typed = [" ".join(f"{' '.join(words[: 2 + (n + k) % 8])} {unit}" for k, unit in enumerate(UNITS)) for n in range(6)]
    build_article(tmp_path, "prices", typed, page="A6")
    lines = visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "prices.pdf")
    drawn = "\n".join(lines)
    for run in ("€/kg", "ليمرب/USD", "ةيقوأ/$2400", "نط/€35", "نط/35€", "ليمرب/$", "رهش/kWh"):
        assert drawn.count(run) >= 6, run
    assert [line for line in lines if line.startswith(("/", "٥٠٠", "٧٨"))] == [], drawn


def test_both_extractors_read_a_rating_of_symbols_as_typed(tmp_path: Path) -> None:
    """A rating between Arabic words ("تقييمي: ★★★★☆", a film festival's review of the ninetieth batch): the bidi
    algorithm sets the stars right to left, and both read them in the order drawn ("☆★★★★"), poppler glued to the word
    before (numberpunct.symbol_stretches)."""
    typed = ["قال تقييمي: ★★★★☆ (4/5).", "قال التقييم ★★★☆☆ للفيلم.", "قال النتيجة ✓✓✗ في الاختبار.", "قال ★★☆ فقط."]
    assert misread(build_article(tmp_path, "ratings", typed), typed) == []


def test_both_extractors_read_a_sign_alone_between_quotes_as_typed(tmp_path: Path) -> None:
    """A sign or separator quoted alone between Arabic words (a data cleaning talk's missing values, 'على شكل "ND" أو
    "-" أو خانة فارغة', the ninety-fourth batch): poppler, taking it for part of a number, read it glued to the word
    after it ("-أو"); it is a weak stretch of one now (numberpunct.weak_stretches)."""
    typed = [
        "قال إن القيم المفقودة تكتب «ND» أو «-» أو خانة فارغة.",
        "قال تجاهل القيم مثل «-» أو «غائب» مع تحذير.",
        "قال استعمل الرمز «+» أو «/» في الخانة الأولى.",
        "قال إن الفاصل (-) يوضع بين الرقمين.",
        "قال اكتب «/» بين التاريخين ثم «:» بين الساعتين.",
    ]
    assert misread(build_article(tmp_path, "quoted-signs", typed), typed) == []


def test_an_exchange_rate_written_as_an_equation_is_one_run_and_reads_as_typed(tmp_path: Path) -> None:
    """A rate, "1 € = 3.74 شيكل" (a Hebron report of the ninety-eighth batch), "1 $ ≈ 40 أوقية": the currency sign a
    space after its number was left outside the run, and the equation drawn in pieces right to left, "3.74 = € 1",
    which both read so (typeset/bidi.py); inside the run, its sign is no lone currency sign after a number
    (lineroles.py)."""
    typed = ["قال إن 1 € = 3.74 شيكل تقريبًا.", "قال السعر 1 $ = 3,500 ج.س اليوم.", "قال إن 1 € ≈ 46 أوقية."]
    pdf = build_article(tmp_path, "rates", typed)
    assert unread(pdf, typed) == []  # (the space before the sign copied as the no-break space that holds it there)
    drawn = "\n".join(visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "rates.pdf")).replace(
        "\xa0", " "
    )
    assert all(run in drawn for run in ("1 € = 3.74", "1 $ = 3,500", "1 € ≈ 46")), drawn
