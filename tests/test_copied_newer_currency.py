"""Currency signs newer than PDFium's character table, beside a number: "₹150", "₽300", "300₽", "و₹1,000".

Found in a text the project had never seen (the hundred-and-fortieth batch, an Urdu cricket scorecard's "₹150"), then
tried on every sign of its class: PDFium's table is Unicode 5.2's, and takes the signs added since (₹ ₺ ₻ ₼ ₽ ₾ ₿ ⃀)
for neutrals, where the bidi algorithm has them for a number's. Amiri draws none of them, so the sign is an object
in another font beside Amiri's digits. PDFium read "150₹", "250₺", "2₿"; a sign after the number, "300₽", both
extractors read "₽300"; after a glued "و", PDFium read "₽ 003و" and "000,1₹و" (pdf/charclass.py NEWER_CURRENCY,
pdf/sharedruns.py). The older signs (₪ ₴ ₸, and $ € £ in Amiri) read as typed before and after. Alone between brackets
("بالروبية الهندية (₹)", the hundred-and-forty-eighth batch), PDFium read the space before it after it, "الهندية₹":
a mark after it now (pdf/pieces.weak_text)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_article, build_drawn, misread
from test_typeset_pages import visual_lines

PRICES = [
    "قال إن التذكرة بسعر ₹150 فقط والمقعد الممتاز ₹1,000 للمباراة.",
    "قال إن السعر ₺250 في إسطنبول و₽300 في موسكو و₿2 في المحفظة.",
    "قال إن السعر 300₽ اليوم و300₽ أمس وليس 300 ₽ كما قيل.",
    "قال إن الرسوم تكفي و₹1,000 أيضا و₾40 في تبليسي.",
    "قال إن ميزانية الفيلم ₹1.5 crore وسعر ₼40 في باكو.",
    "قال إن السعر ₪40 في القدس و₴75 في كييف و€20 في باريس.",
    "قال البيع بالروبية الهندية (₹) وبالروبل («₽») وبالدولار ($).",
]


def test_both_extractors_read_a_newer_currency_sign_where_it_is_typed(tmp_path: Path) -> None:
    assert misread(build_article(tmp_path, "prices", PRICES), PRICES) == []


def test_the_signs_are_drawn_as_the_bidi_algorithm_sets_them(tmp_path: Path) -> None:
    """As drawn (no text layer), left to right: the sign on the side it was typed, the text layer's only at stake."""
    build_article(tmp_path, "prices", PRICES)
    drawn = "\n".join(visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "prices.pdf"))
    for number in ("₹150", "₹1,000", "₺250", "₽300", "₿2", "300₽", "₹1.5 crore"):
        assert number in drawn, (number, drawn)
