"""Paragraphs and list items written in the other direction's script get their own direction."""

from __future__ import annotations

from markdown_it import MarkdownIt

from publisher.source.blockdir import mark_block_directions


def _directions(text: str, direction: str) -> list[tuple[str, str | None]]:
    tokens = MarkdownIt("commonmark").parse(text)
    mark_block_directions(tokens, direction)
    return [(t.type, t.attrGet("dir")) for t in tokens if t.type in ("paragraph_open", "list_item_open")]


def test_a_block_in_the_other_script_gets_a_language_of_that_script() -> None:
    tokens = MarkdownIt("commonmark").parse("שלום עולם\n\nمرحبا بالعالم\n\n<p>x</p>\n")
    mark_block_directions(tokens, "ltr")
    assert [t.attrGet("lang") for t in tokens if t.type == "paragraph_open"] == ["und-Hebr", "und-Arab"]


def test_an_english_reference_in_an_arabic_list_is_left_to_right() -> None:
    text = "1. الطبري، تاريخ الرسل، ج3، ص. 210.\n2. Goldziher, I., *Studien*, Halle, 1889.\n3. 2009\n"
    found = [d for kind, d in _directions(text, "rtl") if kind == "list_item_open"]
    assert found == [None, "ltr", None]  # digits alone have no direction of their own


def test_a_paragraph_takes_the_direction_its_first_and_most_letters_have() -> None:
    text = "The word «سلام» means peace.\n\nOnly English here, and `code`.\n\nمرحبا\n"
    assert _directions(text, "rtl") == [("paragraph_open", "ltr"), ("paragraph_open", "ltr"), ("paragraph_open", None)]
    assert _directions(text, "ltr") == [("paragraph_open", None), ("paragraph_open", None), ("paragraph_open", "rtl")]
    # an Arabic paragraph of an English book that names a company and an index is Arabic
    news = "وتراجع سهم Apple بـ -3.2% أمس، وقال المحلل إن مؤشر S&P 500 خسر 1.5% خلال الأسبوع.\n"
    assert _directions(news, "ltr") == [("paragraph_open", "rtl")]
    # an English sentence that begins with the Arabic word it explains is English
    assert _directions("الجبر gave English its word algebra.\n", "ltr") == [("paragraph_open", None)]


def test_what_a_paragraph_quotes_or_holds_as_code_does_not_decide_its_direction() -> None:
    quoting = "«Rust gives you the performance of C++ without the fear of memory bugs» — كما قال أحد المطورين.\n"
    assert _directions(quoting, "rtl") == [("paragraph_open", None)]
    code = "استعمل الأمر `git commit --amend --no-edit --reset-author` ثم أعد الدفع.\n"
    assert _directions(code, "rtl") == [("paragraph_open", None)]
    assert _directions("«Only a quotation, in English.»\n", "rtl") == [("paragraph_open", "ltr")]


def test_an_item_mostly_latin_with_arabic_words_stays_arabic() -> None:
    text = "1. iPhone 16 Pro (سعره 4,999 ر.س):\n2. Galaxy S25+:\n   1. المعالج: Snapdragon 8 Elite\n"
    tokens = MarkdownIt("commonmark").parse(text)
    mark_block_directions(tokens, "rtl")
    items = [t.attrGet("dir") for t in tokens if t.type == "list_item_open"]
    assert items == [None, "ltr", None]
    # the list nested in the Latin item keeps the book's direction, which it had taken from the item
    assert [t.attrGet("dir") for t in tokens if t.type == "ordered_list_open"] == [None, "rtl"]


def test_an_item_is_judged_by_its_own_text_not_its_sublist() -> None:
    text = "- English item\n  - بند فرعي\n- بند\n"
    found = [d for kind, d in _directions(text, "rtl") if kind == "list_item_open"]
    assert found == ["ltr", None, None]
