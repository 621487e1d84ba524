"""Pieces of addresses broken over lines, found among glyphs (lines given in visual order, as in a PDF)."""

from __future__ import annotations

from publisher.pdf.addresspieces import find_broken_addresses
from publisher.pdf.pagetext import Show


def line(*texts: str) -> list[Show]:
    """A line of one TJ per text, each glyph a character, left to right."""
    return [Show(index, None, [(b"<00>", char) for char in text]) for index, text in enumerate(texts)]


URL = "https://www.example.ma/programme"


def test_a_url_broken_in_a_right_to_left_paragraph_is_found() -> None:
    # "زوروا https://www.example" | ".ma/programme قبل": each piece at the reading end, then start, of its line
    lines = [line("https://www.example", " اوروز"), line("لبق ", ".ma/programme"), line("حابص")]
    [(address, pieces)] = find_broken_addresses(lines, {URL})
    assert address == URL
    assert [(piece.line, len(piece.glyphs)) for piece in pieces] == [(0, 19), (1, 13)]
    assert pieces[1].glyphs[0] == (1, 0)  # the continuation: the second TJ of the second line


def test_an_address_over_three_lines_is_found() -> None:
    lines = [line("https://www.", " اوروز"), line("example.ma/"), line("لبق ", "programme")]
    [(address, pieces)] = find_broken_addresses(lines, {URL})
    assert address == URL and [piece.line for piece in pieces] == [0, 1, 2]


def test_a_whole_address_is_not_taken_for_a_piece() -> None:
    """Not "example.m" + "a", though it spells the address: the glyph left over ("a") is of the same word."""
    lines = [line("example.ma", " اوروز"), line("لبق ", "a")]
    assert find_broken_addresses(lines, {"example.ma"}) == []
    assert find_broken_addresses([line("https://www.example", " اوروز"), line("لبق")], {URL}) == []
