"""Inline code holding an Arabic string copies as typed from both extractors, in the sentence around it.

Found in a text the project had never seen (a search command, `grep -r "وزارة الاقتصاد والمالية" ./docs/`): poppler
reads such code from the /ActualText of its first object, and the others had an empty one; they left a blank as wide as
the string, where poppler cut the line in two and read the word before the code apart ("قال" on a line of its own;
`git commit -m "رسالة قصيرة"` of the fixtures, two short words, left a blank narrow enough). Each other object reads a
RIGHT-TO-LEFT MARK now, which keeps the line whole (pdf/textlayer.py). Left: PDFium reads a call's closing bracket
before the Arabic word after it mirrored (`print("مرحبا")` read `print("مرحبا"(`), and a string of four words in one
backwards."""

from __future__ import annotations

import itertools
from pathlib import Path

from conftest import build_article, misread

CODES = [
    'grep -r "وزارة الاقتصاد والمالية"',
    'grep "وزارة الاقتصاد" ./docs/',
    'echo "وزارة الاقتصاد" | wc',
    'git commit -m "رسالة قصيرة جدا"',
    'x = "رسالة قصيرة جدا"; y = 2',
    'name = "علي"',
]


def test_both_extractors_read_code_holding_an_arabic_string_in_its_sentence(tmp_path: Path) -> None:
    sentences = [
        f"قال {before}`{code}` {after}"
        for code, (before, after) in itertools.product(CODES, [("", "الآن."), ("اكتب ", "ثم انتظر.")])
    ]
    typed = [sentence.replace("`", "") for sentence in sentences]
    assert misread(build_article(tmp_path, "code", sentences), typed) == []
