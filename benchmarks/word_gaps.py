"""The widest word gap of justified lines, with spaces and with kashida (issue 15), on every fixture.

Each text of tests/fixtures (and the seed) is built at A5 and A4 with `[pdf] justify = "spaces"` and with
`"kashida"`, without the text layer (whose /ActualText makes PDFium's character boxes synthetic). For each
justified line, the widest blank between two words, ink to ink, from PDFium's character boxes; printed: the
95th percentile of each text, spaces → kashida, and the reduction (issue 15 asks for 35 %), then the median
reduction. A text kashida leaves alone reads 0 %: vocalised words are never elongated, nor left-to-right
text or verse. A contents line (its leader's dots) is left out; a verse's row, whose hemistichs reach both
edges, counts as a justified line. tests/test_kashida.py uses the same measure on five of the texts.

    python benchmarks/word_gaps.py [--keep DIR] [TEXT ...]
"""

from __future__ import annotations

import argparse
import itertools
import re
import shutil
import statistics
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROW = 2.0  # pt: the loose boxes of one line's letters end this close to each other, lines 18 pt or more apart
EDGE = 5.0  # pt: how far the ink of full lines' last letters spreads about the text block's left edge
TARGET = 0.35


def lines(pdf: Path) -> list[list[list[tuple[str, float, float]]]]:
    """The lines of each page of a PDF as PDFium draws them: characters with their ink's left and right, left to
    right. A line is the letters whose origins lie on one baseline, within ROW of the first's, whatever their
    font (by their loose boxes' bottoms, a code word's or a Latin word's fell into a row of their own, leaving
    a blank of 100 pt and more on the line); marks, drawn raised on their own, are left out, and so are the
    lines of code blocks (most of their letters in a fixed-pitch font). A space joins the line nearest its own
    origin."""
    import ctypes

    import pypdfium2
    import pypdfium2.raw as raw

    found = []
    x, y, flags = ctypes.c_double(), ctypes.c_double(), ctypes.c_int()
    for page in pypdfium2.PdfDocument(pdf):
        text = page.get_textpage()
        letters, spaces = [], []
        for index in range(text.count_chars()):
            char = text.get_text_range(index, 1)
            if char in ("\r", "\n", "") or unicodedata.category(char[0]) == "Mn":
                continue
            left, _, right, _ = text.get_charbox(index)
            raw.FPDFText_GetCharOrigin(text.raw, index, x, y)
            raw.FPDFText_GetFontInfo(text.raw, index, None, 0, ctypes.byref(flags))
            if char.isspace():
                spaces.append((y.value, (char, left, right)))
            else:
                letters.append((y.value, (char, left, right), bool(flags.value & 1)))  # 1: FixedPitch
        rows: list[tuple[float, list[tuple[str, float, float]]]] = []
        fixed: list[int] = []
        for baseline, letter, monospaced in sorted(letters, key=lambda item: -item[0]):
            if rows and rows[-1][0] - baseline < ROW:
                rows[-1][1].append(letter)
                fixed[-1] += monospaced
            else:
                rows.append((baseline, [letter]))
                fixed.append(monospaced)
        # a line of a code block, set in the monospace face and never justified, is no line of text
        rows = [row for row, count in zip(rows, fixed, strict=True) if 2 * count <= len(row[1])]
        for baseline, space in spaces:
            nearest = min(rows, key=lambda row: abs(row[0] - baseline), default=None)
            if nearest is not None and abs(nearest[0] - baseline) < 9:  # half a line
                nearest[1].append(space)
        found.append([sorted(row, key=lambda c: (c[1] + c[2]) / 2) for _, row in rows])
    return found


def justified(page: list[list[tuple[str, float, float]]]) -> list[bool]:
    """Which lines of a page reach the left edge of its text block: a right-to-left paragraph's lines but its
    last (a heading, a caption, a folio are shorter too). The edge is the leftmost start of two lines of words
    a few points apart (the ink of a line's last letter ends up to 4.2 pt beyond the others'): a page with
    few full lines, such as a short paragraph over a list, has no quarter of its lines at the edge."""
    lefts = sorted(row[0][1] for row in page if sum(c[0] == " " for c in row) >= 3)
    edge = next((a for a, b in itertools.pairwise(lefts) if b - a < EDGE), lefts[0] if lefts else 0.0)
    return [bool(row) and row[0][1] < edge + EDGE for row in page]


def widest_gaps(pdf: Path) -> list[float]:
    """The widest blank between two words, ink to ink, of each justified line: from the rightmost ink left of a
    space to the leftmost ink right of it, for glyphs overlap (the lam of "لم" stands over its meem: the next
    letter of the line by its centre is not the one whose ink ends last)."""
    widest = []
    for row, full in ((row, full) for page in lines(pdf) for row, full in zip(page, justified(page), strict=True)):
        if not full:
            continue
        letters = [c for c in row if not c[0].isspace()]
        if sum(c[0] == "." for c in letters) > len(letters) / 3:  # a contents line: its leader's dots
            continue
        rights = list(itertools.accumulate((c[2] for c in letters), max))
        lefts = list(itertools.accumulate((c[1] for c in reversed(letters)), min))[::-1]
        gaps = [
            lefts[index + 1] - rights[index]
            for index, (before, after) in enumerate(itertools.pairwise(letters))
            if any(c[0].isspace() and before[2] - 0.5 <= (c[1] + c[2]) / 2 <= after[1] + 0.5 for c in row)
        ]
        if gaps:
            widest.append(max(gaps))
    return widest


def percentile95(gaps: list[float]) -> float:
    """The 95th percentile, by the inclusive method (numpy's default): the exclusive one, `statistics.quantiles`'
    default, lies beyond the widest line on a text of fewer than 19 lines, and grew when kashida narrowed the
    second widest (bulletin: 12.27 → 13.62 pt with the same widest line)."""
    return statistics.quantiles(gaps, n=20, method="inclusive")[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", nargs="*", help="fixture names (default: all, and the seed)")
    parser.add_argument("--keep", type=Path, help="build in this folder and leave it there")
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import publisher.pdf.render
    from publisher import build

    publisher.pdf.render.mark_text_layer = lambda document, pdf, addresses, *more: 0  # the drawn glyphs' boxes
    folders = {path.name: path for path in sorted((ROOT / "tests" / "fixtures").iterdir()) if path.is_dir()}
    folders |= {path.name: path for path in (ROOT / "source").iterdir() if path.is_dir()}
    chosen = {name: folders[name] for name in options.texts} if options.texts else folders
    folder = options.keep or Path(tempfile.mkdtemp(prefix="publish-gaps-"))
    rows, reductions = [], []
    for size in ("A5", "A4"):
        built = {}
        for mode in ("spaces", "kashida"):
            root = folder / f"{size}-{mode}"
            shutil.rmtree(root, ignore_errors=True)
            for name, source in chosen.items():
                shutil.copytree(source, root / "source" / name)
                manifest = root / "source" / name / "manifest.toml"
                text = re.sub(r"(?m)^(page-size|justify) = .*\n", "", manifest.read_text(encoding="utf-8"))
                text = text if "[pdf]" in text else text + "\n[pdf]\n"
                manifest.write_text(text.replace("[pdf]\n", f'[pdf]\npage-size = "{size}"\njustify = "{mode}"\n'))
            build(root, formats=["pdf"], jobs=2, cache=False)
            built[mode] = root
        for name in chosen:
            spaces, kashida = (widest_gaps(built[mode] / "dist" / f"{name}.pdf") for mode in ("spaces", "kashida"))
            if min(len(spaces), len(kashida)) < 3:  # too few justified lines for a percentile
                continue
            before, after = (percentile95(gaps) for gaps in (spaces, kashida))
            reductions.append(1 - after / before)
            rows.append(
                f"{size}  {name:<24} {len(spaces):>3} lines  {before:6.2f} → {after:6.2f} pt  {-reductions[-1]:+7.1%}"
            )
    print("\n".join(rows))
    changed = [r for r in reductions if r]  # unchanged: no line kashida could touch (vocalised, left to right, verse)
    median = f"median reduction {statistics.median(changed):.1%}" if changed else "none"
    print(
        f"{len(reductions) - len(changed)} of {len(reductions)} texts and sizes unchanged; of the others, "
        f"{median}, {sum(r >= TARGET for r in changed)} at {TARGET:.0%} or more"
    )
    if not options.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
