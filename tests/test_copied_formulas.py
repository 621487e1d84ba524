"""Read back as typed: what the hundred-and-thirty-third batch of texts the project had never seen showed the page
drawing out of order, or an extractor misreading, each then written for its class.

- a sum with its limits written as TeX writes them, "∑_{k=1}^{n} k = n(n+1)/2" (a lesson on integrals): "∑" began no
  run, and the page drew "{n} k = n(n+1)/^{k=1{_∑" (typeset/bidi.py: an operator's limits go with it); a product of
  brackets, "n(n+1)(2n+1)/6", drawn "(2n+1)/6n(n+1)", two runs side by side set right to left (one run now); and the
  lines broke inside them, "n(n+1)/" | "2", "∑_{k=1}" | "^{n}" (pdf/addresses.py holds a bracket to its divisor and
  to its power or index).
- a range of days in a narrow table cell, "(السبت–الخميس)": broken after its dash, read as two words by both
  (pdf/addresses.py holds an en dash between two Arabic words, as a hyphen).
- a Latin symbol before an emphasised Arabic word, "الدالة f **متصلة**": poppler read "fمتصلة", no space glyph drawn
  between the two elements (pdf/runts.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_article
from test_copied_beside_runs import _texts
from test_copied_code_breaks import _drawn
from test_typeset_pages import MIRRORED

SUMS = (
    "∑_{k=1}^{n} k = n(n+1)/2",
    "n(n+1)(2n+1)/6",
    "∫_0^1 x^2 dx = 1/3",
    "(n+1)/(2n)",
)
LEAD = "نحتاج عندئذ إلى الصيغة الشهيرة في حساب المساحات تحت المنحنيات ومجموع المستطيلات الصغيرة"


def test_sums_with_their_limits_and_products_of_brackets_are_drawn_and_read_as_typed(tmp_path: Path) -> None:
    paragraphs = []
    for words in range(0, 12, 2):  # each formula moves along the line, and over it
        lead = " ".join(LEAD.split()[: 4 + words])
        paragraphs.append(f"{lead} {SUMS[0]}، فنحصل على {SUMS[3]}، ومع صيغة المربعات {SUMS[1]} نصل إلى {SUMS[2]} هنا.")
    pdf = build_article(tmp_path, "sums", paragraphs)
    drawn = _drawn(tmp_path, pdf)
    text = "\n".join(drawn)
    for typed in SUMS:  # drawn left to right wherever they are whole on a line, never cut inside a bracket's term
        assert typed.translate(MIRRORED) in text, (typed, drawn)
    assert not any(line.endswith(("/", "}", "_")) or line.startswith(("^", "/")) for line in drawn), drawn
    for name, read in _texts(pdf).items():  # (the comma after the first: poppler reads it before the run on a line)
        for typed in SUMS:
            assert read.replace("،", "").count(typed) == len(paragraphs), (name, typed, read)


def test_a_range_of_days_in_a_narrow_cell_is_not_broken_at_its_dash(tmp_path: Path) -> None:
    table = (
        "| الحصن | الولاية | ساعات الزيارة | الرسوم |\n|---|---|---|---|\n"
        "| قلعة بهلاء | بهلاء | ٨:٠٠ص–٢:٠٠م (السبت–الخميس) | ٣ ر.ع. |\n"
        "| حصن جبرين | بهلاء | ٩:٠٠ص–٤:٠٠م (الأحد–الخميس) | ٣ ر.ع. |\n"
        "| قلعة نزوى | نزوى | ٩:٠٠ص–٤:٠٠م (السبت–الجمعة) | ٥ ر.ع. |"
    )
    pdf = build_article(tmp_path, "forts", ["مواعيد الزيارة:", table])
    for name, read in _texts(pdf).items():
        for typed in ("(السبت–الخميس)", "(الأحد–الخميس)", "(السبت–الجمعة)"):
            assert typed in read, (name, typed, read)


def test_a_symbol_before_an_emphasised_word_keeps_its_space(tmp_path: Path) -> None:
    paragraphs = [
        "نقول إن الدالة f **متصلة** عند النقطة a إذا اقتربت قيمها من f(a)، وإن g *مستمرة* كذلك.",
        "وبما أن الدالة h **قابلة للاشتقاق** فهي متصلة، والمتتالية u_n *متقاربة* نحو L.",
        # struck-out code, then its correction (an rsync guide of the hundred-and-sixty-eighth batch): "-avz-az"
        "أوصينا بـ ~~`-avz`~~ `-az`، ثم حذفنا الخيار ~~`--progress`~~ `--stats` أيضا.",
    ]
    pdf = build_article(tmp_path, "emphasis", paragraphs)
    for name, read in _texts(pdf).items():
        for typed in (
            "الدالة f متصلة",
            "g مستمرة",
            "h قابلة للاشتقاق",
            "u_n متقاربة",
            "-avz -az",
            "--progress --stats",
        ):
            assert typed in read, (name, typed, read)
