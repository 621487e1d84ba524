"""Read back as typed: what the hundred-and-thirty-fifth batch of texts the project had never seen showed an extractor
misreading in a table's narrow cells, each then written for its class.

- a runner's pace, "2′59″/km" (the quotes typed straight, "2'59\"/km", made primes): the cell broke after its slash,
  and both read "2′59″/ km" (pdf/addresses.py holds a unit's slash after primes and degrees too, as after digits).
- an identifier of code in a cell, `GPL-3.0-or-later`, broken before its "-" as an address is: poppler's text of the
  cell joined its lines with a space, "GPL-3.0-or -later" (pdf/cells.py joins an address's pieces)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_article
from test_copied_beside_runs import _missing, _texts

PACES = (
    "| المركز | العداء | البلد | الزمن | الفارق | المعدل |\n|---|---|---|---|---|---|\n"
    "| 1 | Othmane El Ghazouani | المغرب | 2:05:37 | — | 2'59\"/km |\n"
    "| 2 | Daniel Kiprono | كينيا | 2:06:49 | +1:12 | 3'00\"/km |\n"
    "| 3 | Tesfaye Alemu | إثيوبيا | 2:07:58 | +2:21 | 3'02\"/km |\n"
    "| 4 | Soufiane Amrani | المغرب | 2:09:15 | +3:38 | 12°C/km |"
)
LICENCES = (
    "| الترخيص | المعرّف في SPDX | النوع | منح صريح لبراءات الاختراع | فرض الترخيص على المشتقات |\n"
    "|---|---|---|---|---|\n"
    "| MIT | `MIT` | متساهل | لا | لا |\n"
    "| GPL 3.0 | `GPL-3.0-or-later` | حماية قوية | نعم | نعم، للعمل المشتق كله |\n"
    "| AGPL 3.0 | `AGPL-3.0-or-later` | حماية قوية عبر الشبكة | نعم | نعم |"
)


@pytest.mark.parametrize("page", ["A5", "letter"])
def test_a_pace_in_a_narrow_cell_reads_as_typed(tmp_path: Path, page: str) -> None:
    pdf = build_article(tmp_path, "paces", ["النتائج:", PACES], page=page, language="ar-MA")
    for name, read in _texts(pdf).items():
        for typed in ("2′59″/km", "3′00″/km", "3′02″/km", "12°C/km"):
            assert typed in read, (name, typed, read)


def test_an_identifier_broken_in_a_cell_reads_as_typed(tmp_path: Path) -> None:
    pdf = build_article(tmp_path, "licences", ["المعرّفات:", LICENCES])
    for name, read in _texts(pdf).items():
        for typed in ("GPL-3.0-or-later", "AGPL-3.0-or-later"):
            assert typed in read, (name, typed, read)


# a station's French name in brackets, broken at its hyphen in a narrow column (the hundred-and-forty-eighth batch, a
# Moroccan high-speed timetable), and a unit broken after its slash, its no-break space after (the hundred-and-forty-
# ninth, a clinic's "mL/min/1.73 m²"): PDFium read "Tanger- Ville" and "mL/min/ 1.73" (pdf/cells.py: a cell's line
# whose run brackets close, and a unit's no-break space, had kept the line's word from the one above); and a range of a
# tax return's boxes broken after its dash, "Box 1a–" "1g" (the hundred-and-fiftieth), read "1a 1g" by both
STATIONS = (
    "| أ | ب | ج | د | هـ | و |\n|---|---|---|---|---|---|\n"
    "| رقم القطار | طنجة المدينة (Tanger-Ville) | القنيطرة (Kénitra) | الرباط أكدال (Rabat-Agdal) "
    "| الدار البيضاء المسافرين (Casa-Voyageurs) | مدة الرحلة |\n"
    "| 702 | 06:00 | 06:47 | 07:12 | 08:05 | 2h05 |\n"
    "| الخانات | Box 1a–1g | Box 2a–2c | — | — | — |"
)
UNITS = "| المؤشر | الوحدة | القيمة |\n|---|---|---|\n| معدل الترشيح الكبيبي (eGFR) | mL/min/1.73 m² | ٨٤ ± ٢١ |"


def test_a_compound_or_a_unit_broken_in_a_cell_reads_as_typed(tmp_path: Path) -> None:
    pdf = build_article(tmp_path / "b5", "stations", ["المواعيد:", STATIONS], page="B5", language="ar-MA")
    for name, read in _texts(pdf).items():
        for typed in ("Tanger-Ville", "Rabat-Agdal", "Casa-Voyageurs", "1a–1g", "2a–2c"):
            assert typed in read, (name, typed, read)
    pdf = build_article(tmp_path / "a6", "units", ["النتائج:", UNITS], page="A6")
    for name, read in _texts(pdf).items():
        assert "mL/min/1.73" in read, (name, read)


# an English market wrap's comments in a table's last, narrow column (the hundred-and-fiftieth batch, a Kuwaiti bourse):
# "Profit-taking" broken at its hyphen, which PDFium, reading a left-to-right book's cells as drawn, took for a
# hyphenation's and dropped, "Profittaking" (pdf/cells.py gives such a word whole to the line it begins)
MOVERS = (
    "| Ticker | Company | Close | Change | % | Volume | Comment |\n|---|---|---|---|---|---|---|\n"
    "| AGLTY | Agility Public Warehousing | 0.248 | −6 | −2.36% | 31.05 | Profit-taking after three-week rally |\n"
    "| ZAIN | Mobile Telecommunications | 0.505 | +20 | +4.12% | 14.11 | Rebound after write-down clarified |\n"
    "| ORDS | Société d’investissement | 1.020 | −3 | −0.29% | 2.40 | Contre-performance post-dividende |\n"
    "| WARBA | Warba Bank | 0.201 | +1 | +0.50% | 9.87 | Well-known long-term holders sold |"
)


@pytest.mark.parametrize("page", ["A6", "A5"])
def test_a_compound_broken_in_a_left_to_right_books_cell_reads_whole(tmp_path: Path, page: str) -> None:
    pdf = build_article(tmp_path, "movers", ["Movers:", MOVERS], title="Wrap", page=page, language="en")
    typed = ("Profit-taking", "write-down", "Contre-performance", "post-dividende", "Well-known", "long-term")
    for name, read in _texts(pdf).items():
        for word in typed:
            assert word in read.split(), (name, word, read)


# Latin equivalents in a narrow cell, "*matlaʿ* / prelude" (the hundred-and-fifty-fourth batch, a muwashshah's
# parts): its line of two objects, the emphasis and " /", read "matlaʿ/ ", and the next line's word glued to it,
# "matlaʿ/prelude", by both (pdf/cells._object_text reads a line of a run's objects left to right, as drawn)
TERMS = (
    "| المصطلح | التعريف | الموقع | المقابل في الدراسات الغربية |\n|---|---|---|---|\n"
    "| المطلع | القفل الأول، ولا يكون إلا في الموشح «التام» | بداية الموشح | *matlaʿ* / prelude |\n"
    "| الدور | مجموعة الأغصان التي تتحد قوافيها داخل المقطع | بعد كل قفل | *bayt* / strophe |\n"
    "| الخرجة | القفل الأخير، وقد تكون عامية أو أعجمية | خاتمة الموشح | *kharja* / *jarcha* |"
)


@pytest.mark.parametrize("page", ["A6", "A5"])
def test_latin_terms_parted_by_a_slash_in_a_cell_read_as_typed(tmp_path: Path, page: str) -> None:
    pdf = build_article(tmp_path, "terms", ["المصطلحات:", TERMS], page=page, language="ar-MA")
    assert _missing(pdf, ("matlaʿ / prelude", "bayt / strophe", "kharja / jarcha")) == []


def test_a_path_ending_with_an_ellipsis_in_a_cell_reads_as_typed(tmp_path: Path) -> None:
    """`var/www/...` at the end of a cell over lines (the hundred-and-sixtieth batch's rsync options): poppler read
    "var/www.../", the path's run ending at its last slash (pdf/popplerwords.py: an ellipsis after it is the run's)."""
    table = (
        "| الخيار | الوظيفة |\n|---|---|\n"
        "| `-R` | يحفظ المسار الكامل، فيظهر الملف في النسخة تحت `var/www/...` |\n"
        "| `-C` | يقرأ الإعدادات من مجلد آخر غير المجلد الافتراضي المعتاد، أي من `/etc/nginx/…` أولا |"
    )
    pdf = build_article(tmp_path, "options", ["الخيارات:", table], page="B5", language="ar-JO")
    assert _missing(pdf, ("تحت var/www/...", "من /etc/nginx/… أولا")) == []
