"""A Latin run ending in a number's sign, in a table's cell: "Yacine Haddad (12′، 58′)".

Found in a text the project had never seen (the hundred-and-forty-third batch, a Qatari football column's table of
scorers): poppler read "(12،′ 58′)" and "(9،′ 45+2′)". Poppler is given a cell's whole text (pdf/cells.py) written
so that its reversals turn it back (popplerwords.poppler_text), and the run "Yacine Haddad (12" was kept left to
right without its prime, which went to the other side of the comma. The run now ends with such a sign: a minute's
prime, a second's, a percentage, a per-mille."""

from __future__ import annotations

from pathlib import Path

from conftest import build_article
from test_copied_beside_runs import _texts

SCORERS = (
    "| المباراة | النتيجة | الهدافون |\n|---|---|---|\n"
    "| الريان – الغرافة | 3-0 | Yacine Haddad (12'، 58')، Abdulla Al-Marri (88') |\n"
    "| السد – الوكرة | 2–1 | Akram Afif (9'، 45+2')، Baghdad Bounedjah (50') |\n"
    "| العربي – قطر | 1-1 | نسبة الاستحواذ Al-Arabi 57%، Qatar SC 43% |\n"
    "| الدحيل – الشمال | 4-2 | Edmilson Junior (30″، 61′) |"
)


def test_a_run_ending_in_a_number_sign_in_a_cell_reads_as_typed(tmp_path: Path) -> None:
    pdf = build_article(tmp_path, "scorers", ["الهدافون:", SCORERS], page="letter")
    for name, read in _texts(pdf).items():
        for typed in ("(12′، 58′)،", "(9′، 45+2′)،", "(88′)", "(50′)", "57%، Qatar", "(30″، 61′)"):
            assert typed in read, (name, typed, read)
