"""The text passes made linear give what they gave before, character for character.

Each pass is compared with its earlier, quadratic form (kept here as the oracle) on many short random
strings drawn from the characters the change is about: isolates, quotes, spaces, digits and colons,
address characters. How fast they are is measured by benchmarks/text_passes.py, not here.
"""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from publisher.pdf import addresses
from publisher.pdf import render as pdf_render
from publisher.typeset import bidi, quotes, units
from publisher.typeset.bidi import LRI, PDI, isolate_ltr, ltr_runs
from publisher.typeset.inline import Text

CASES = 3000


def strings(alphabet: list[str], seed: int, longest: int = 24) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(CASES)]


def old_ltr_runs(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    with monkeypatch.context() as patched:
        patched.setattr(bidi, "_without_dangling_isolates", lambda text: text)
        return ltr_runs(text)


BIDI = [LRI, PDI, "a", "b", "1", " ", "(", ")", "[", "]", '"', "'", "-", "$", "%", ".", "ب", "٣", "\u2067", ","]


@pytest.mark.parametrize("seed", range(3))
def test_bidi_runs_are_those_of_the_quadratic_pattern(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    for text in strings(BIDI, seed):
        assert ltr_runs(text) == old_ltr_runs(text, monkeypatch), repr(text)


def test_words_after_an_isolate_that_never_closes_are_still_isolated() -> None:
    text = f"نص {LRI}{LRI} Open Data {LRI}"
    assert isolate_ltr(text) == f"نص {LRI}{LRI} {LRI}Open Data{PDI} {LRI}"
    assert isolate_ltr(LRI * 1000) == LRI * 1000


def old_neighbour(visible: str, index: int, step: int) -> str:
    index += step
    while 0 <= index < len(visible) and (visible[index].isspace() or visible[index] in quotes.STRAIGHT):
        index += step
    return visible[index] if 0 <= index < len(visible) else ""


def old_style_at(neighbours: quotes._Neighbours, index: int, language: str) -> quotes.Style:
    style = quotes.style_of(language)
    visible = neighbours.visible
    rtl = any(unicodedata.bidirectional(char) in ("R", "AL") for char in visible)
    if style is quotes.ARABIC_SCRIPT and not rtl and any(map(quotes._latin, visible)):  # an English block
        return quotes.ENGLISH
    if style is quotes.ARABIC_SCRIPT and all(quotes._latin(old_neighbour(visible, index, s)) for s in (-1, 1)):
        return quotes.ENGLISH
    return style


QUOTES = ['"', "'", " ", "a", "b", "ب", "ت", "(", "«", "1", "\u2066", ".", "\n"]


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_quotes_are_those_of_the_quadratic_lookup(language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for text in strings(QUOTES, 7):
        node = Text(list(text), language, False)
        owners: list[Text | None] = [node] * len(text)
        now = quotes.quotes_pass(text, owners)
        with monkeypatch.context() as patched:
            patched.setattr(quotes, "_style_at", old_style_at)
            assert now == quotes.quotes_pass(text, owners), repr(text)


# (the word after a number is looked at, not taken: it may hold the next number, "بين 2 و8 °C")
OLD_UNIT = re.compile(rf"(?<![0-9\u0660-\u0669\u06f0-\u06f9.,])({units._NUMBER}) (?=(\S+))")
UNITS = ["1", "٢", ":", ".", ",", " ", "km", "كم", "x", "\u066b", "-", "%"]


def test_units_are_those_of_the_quadratic_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    for text in strings(UNITS, 11):
        owners: list[Text | None] = [Text(list(text), "ar", False)] * len(text)
        now = units.units_pass(text, owners)
        with monkeypatch.context() as patched:
            patched.setattr(units, "_UNIT", OLD_UNIT)
            assert now == units.units_pass(text, owners), repr(text)


OLD_ISOLATE = re.compile("\u2066[^\u2069<>]*\u2069")
OLD_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s\u2069]+|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
ADDRESS = [LRI, PDI, "<b>", "</b>", "a", "1", ".", "@", "-", "+", " ", "/", "http://", "www.", "ب"]


def test_addresses_are_those_of_the_quadratic_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    differ = []
    for text in strings(ADDRESS, 5, longest=16):
        now = addresses.breakable_addresses(text)
        with monkeypatch.context() as patched:
            patched.setattr(addresses, "_ISOLATE", OLD_ISOLATE)
            patched.setattr(addresses, "_ADDRESS", OLD_ADDRESS)
            if now != addresses.breakable_addresses(text):
                differ.append(text)
    # The one difference by design: a local part right after an address's end ("a@b.c.+d@e.f"), which
    # the new pattern does not start inside a run of address characters.
    assert all(re.search(r"@[\w\-]+(?:\.[\w\-]+)+[.+]", t) for t in differ), differ


OLD_ASIDE = re.compile(r'<aside id="(?P<id>fn-[^"]+)" class="footnote"[^>]*>\s*(?P<text>.*?)\s*</aside>', re.DOTALL)
NOTES = [" ", "\n", "a", "<p>", "</p>", "</aside>", '\n</aside>\n<aside id="fn-2" class="footnote">']


def test_footnotes_are_moved_as_the_quadratic_patterns_moved_them(monkeypatch: pytest.MonkeyPatch) -> None:
    call = '<p>x<sup class="footnote-ref"><a href="#fn-{0}" id="fnref-{0}">1</a></sup></p>\n'
    for note in strings(NOTES, 3, longest=10):
        body = call.format(1) + call.format(2) + f'<div class="footnotes">\n<aside id="fn-1" class="footnote">{note}'
        now = pdf_render.footnotes_in_place(body)
        with monkeypatch.context() as patched:
            patched.setattr(pdf_render, "_ASIDE", OLD_ASIDE)
            patched.setattr(pdf_render, "_PARAGRAPH_BREAK", re.compile(r"\s*</p>\s*<p>\s*"))
            assert now == pdf_render.footnotes_in_place(body), repr(note)


def old_formulas(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """bidi._formulas as first written: each stretch looked through every run (quadratic)."""
    for stretch in bidi._STRETCH.finditer(text):
        inside = [(start, end) for start, end in runs if stretch.start() <= start and end <= stretch.end()]
        core = stretch[0].strip(bidi._FORMULA_ENDS).rstrip(bidi._OPENING).lstrip(bidi._CLOSING)
        signs = bool(bidi._FORMULA_SIGN.search(core) and bidi._FORMULA_LETTER.search(core))
        edges = text[max(stretch.start() - 1, 0) : stretch.end() + 1]
        signs = signs and bidi._ARABIC_NUMBER_EDGE.search(edges) is None
        if not inside or not signs or (len(inside) == 1 and text[slice(*inside[0])] == core):
            continue
        start = stretch.start() + stretch[0].index(core)
        runs = [run for run in runs if run not in inside] + [(start, start + len(core))]
    return sorted(runs)


FORMULAS = ["x", "f", "α", "1", " ", "=", "≥", "∈", "∞", "(", ")", "[", "]", "{", "}", ",", ".", "ب", "٣", "\n", '"']


@pytest.mark.parametrize("seed", range(2))
def test_formulas_are_those_of_the_quadratic_search(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    for text in strings(FORMULAS, seed + 40):
        with monkeypatch.context() as patched:
            patched.setattr(bidi, "_formulas", old_formulas)
            expected = ltr_runs(text)
        assert ltr_runs(text) == expected, text


def test_paths_and_addresses_are_those_of_the_quadratic_filter() -> None:
    """bidi.web_addresses drops a span another crosses; as first written it compared every pair."""
    for text in strings(["/", "\\", "a", "C:", "~", ".", " ", "https://", "w", "ب", "-"], 50, longest=40):
        found = sorted([m.span() for m in re.finditer(bidi._IRI, text)] + [m.span() for m in bidi._PATH.finditer(text)])
        expected = [s for s in found if not any(a < s[0] < b or a < s[1] < b for a, b in found)]
        assert bidi.web_addresses(text, paths=True) == expected, text
