"""Paragraphs and list items written wholly in the other direction's script get their own direction."""

from __future__ import annotations

from markdown_it import MarkdownIt

from publisher.source.blockdir import mark_block_directions


def _directions(text: str, direction: str) -> list[tuple[str, str | None]]:
    tokens = MarkdownIt("commonmark").parse(text)
    mark_block_directions(tokens, direction)
    return [(t.type, t.attrGet("dir")) for t in tokens if t.type in ("paragraph_open", "list_item_open")]


def test_an_english_reference_in_an_arabic_list_is_left_to_right() -> None:
    text = "1. الطبري، تاريخ الرسل، ج3، ص. 210.\n2. Goldziher, I., *Studien*, Halle, 1889.\n3. 2009\n"
    found = [d for kind, d in _directions(text, "rtl") if kind == "list_item_open"]
    assert found == [None, "ltr", None]  # digits alone have no direction of their own


def test_a_paragraph_with_one_arabic_word_keeps_the_book_direction() -> None:
    text = "The word «سلام» means peace.\n\nOnly English here, and `code`.\n\nمرحبا\n"
    assert _directions(text, "rtl") == [("paragraph_open", None), ("paragraph_open", "ltr"), ("paragraph_open", None)]
    assert _directions(text, "ltr") == [("paragraph_open", None), ("paragraph_open", None), ("paragraph_open", "rtl")]


def test_an_item_is_judged_by_its_own_text_not_its_sublist() -> None:
    text = "- English item\n  - بند فرعي\n- بند\n"
    found = [d for kind, d in _directions(text, "rtl") if kind == "list_item_open"]
    assert found == ["ltr", None, None]
