"""Pieces of addresses broken over lines, found among glyphs (lines given in visual order, as in a PDF)."""

from __future__ import annotations

from publisher.pdf.addresspieces import address_roles, find_broken_addresses
from publisher.pdf.lineroles import ADDRESS_HEAD, ADDRESS_TAIL
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


PATH = "/api/v2/indices?market=DFM"


def test_an_address_after_other_words_of_its_run_is_found_with_them() -> None:
    """Inline code "GET /api/v2/indices?market=DFM" ending an Arabic line: the run's last word, beside the Arabic
    text, is the address's first piece, and the text layer gives it the run's words before it too."""
    lines = [line("GET /api/v2/indices", " ةيجمربلا"), line("وأ ", "?market=DFM")]
    [(address, pieces)] = find_broken_addresses(lines, {PATH})
    assert address == PATH
    first, last = pieces
    assert first.beside == "GET " and [text for *_, text in first.companions] == list("GET ")
    assert first.glyphs == [(0, index) for index in range(4, 19)] and last.beside == ""
    roles, heads = address_roles(lines, {PATH})
    assert heads[id(lines[0][0])] == "GET " + PATH
    assert {roles[0][0, index] for index in range(3)} == {ADDRESS_TAIL} and (0, 3) not in roles[0]  # its space


def test_an_address_ending_before_other_words_of_its_run_is_found_with_them() -> None:
    """The last piece begins a line with words of its run after it ("?market=DFM HTTP/1.1"): read after it."""
    lines = [line(PATH[:15], " ةيجمربلا"), line("وأ ", "?market=DFM HTTP/1.1")]
    [(address, pieces)] = find_broken_addresses(lines, {PATH})
    assert address == PATH and pieces[1].beside == " HTTP/1.1"
    roles, heads = address_roles(lines, {PATH})
    assert heads[id(lines[1][1])] == " HTTP/1.1" and roles[1][1, 0] == ADDRESS_HEAD


def test_a_run_of_words_is_no_piece_in_a_left_to_right_line() -> None:
    """In a line without right-to-left letters the piece is the outer word, as before."""
    lines = [line("see GET /api/v2/indices"), line("?market=DFM now")]
    [(address, pieces)] = find_broken_addresses(lines, {PATH})
    assert address == PATH and [piece.beside for piece in pieces] == ["", ""]
