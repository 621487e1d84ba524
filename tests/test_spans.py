"""Bracketed spans, `[Phil Salt]{lang=en}`, as pandoc and Quarto write them (publisher/source/spans.py).

Found in a text the project had never seen (the hundred-and-forty-second batch: an Urdu match report, a French
catalogue of Arabic manuscripts and an English travel piece marked their passages so): the brackets and "{lang=en}"
were printed as typed. A span now marks a language or a direction as `<span lang>` does; anything else it could
carry is refused with the file and the line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build_article, misread
from test_figures import body_of, plain

from publisher.errors import SourceError


def test_a_span_marks_its_language_and_its_quotes_follow_it(tmp_path: Path) -> None:
    html = plain(body_of(tmp_path, 'عنونت ["La bourse recule"]{lang=fr} و[Phil Salt]{lang=en dir=ltr} هنا.\n'))
    assert '<span lang="fr"><span dir="ltr">«\u202fLa bourse recule\u202f»</span></span>' in html, html
    assert '<span lang="en" dir="ltr">Phil Salt</span>' in html, html
    assert "{" not in html and "[" not in html


def test_a_span_inside_code_or_after_a_link_is_text(tmp_path: Path) -> None:
    html = plain(body_of(tmp_path, "اكتب `[a]{lang=en}` هنا.\n"))
    assert "<code>[a]{lang=en}</code>" in html


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("قال [كلمة]{.wide} هنا.\n", "has a class (.wide)"),
        ("قال [كلمة]{#here} هنا.\n", "has an identifier (#here)"),
        ('قال [كلمة]{onclick="alert(1)"} هنا.\n', 'has the attribute "onclick"'),
        ('قال [كلمة]{lang="en fr"} هنا.\n', 'lang="en fr", not a language tag'),
        ("قال [كلمة]{dir=up} هنا.\n", 'dir="up"'),
    ],
)
def test_a_span_with_anything_but_a_language_or_a_direction_is_refused(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SourceError, match=re.escape(message)) as caught:
        body_of(tmp_path, "سطر أول.\n\n" + text)
    assert str(caught.value).startswith("source/pub/article.md line 3: ")
    assert len(str(caught.value).splitlines()) == 1


def test_both_extractors_read_the_words_of_spans_and_none_of_their_markup(tmp_path: Path) -> None:
    typed = [
        "قال انگلش اوپنر فل سالٹ ([Phil Salt]{lang=en}) نے 48 رنز بنائے۔",
        "قال «[حياك الله]{lang=ar}» و[Harry Brook]{lang=en} ہیری بروک ہیں۔",
    ]
    pdf = build_article(tmp_path, "spans", typed, language="ur")
    shown = [re.sub(r"\[([^]]*)\]\{[^}]*\}", r"\1", line) for line in typed]
    assert misread(pdf, shown) == []
