"""Make the README's picture of kashida justification: the same paragraphs justified with spaces and with kashida.

    python docs/kashida_picture.py

Builds the essay written for the kashida tests (tests/fixtures/kashida, A5) twice in a temporary workspace,
with `[pdf] justify = "spaces"` and `"kashida"`, draws the first page of each with PDFium at 150 dpi and
writes docs/kashida.png: the first LINES lines of the text, spaces on the left and kashida on the right,
with a hairline between them. Nothing else is read or written.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
ESSAY = REPO / "tests" / "fixtures" / "kashida"
PICTURE = REPO / "docs" / "kashida.png"
DPI = 150
LINES = 12  # lines of text shown: the first paragraph and most of the second
MARGIN = 12  # pixels of paper kept around the text, and on each side of the hairline
FIRST_WORDS = "حين انتقلت"  # where the text begins, below the title and the byline


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="publish-kashida-") as folder:
        halves = [_text_block(_build(Path(folder), mode)) for mode in ("spaces", "kashida")]
    _side_by_side(halves).save(PICTURE, optimize=True)
    print(f"wrote {PICTURE.relative_to(REPO)}")
    return 0


def _build(folder: Path, mode: str) -> Path:
    """The essay's PDF justified with `mode`, built as a user's workspace would build it."""
    from publisher import build

    root = folder / mode
    shutil.copytree(ESSAY, root / "source" / ESSAY.name)
    manifest = root / "source" / ESSAY.name / "manifest.toml"
    text = re.sub(r'(?m)^justify = ".*"$', f'justify = "{mode}"', manifest.read_text(encoding="utf-8"))
    manifest.write_text(text, encoding="utf-8")
    build(root, formats=["pdf"], jobs=1, cache=False)
    return root / "dist" / f"{ESSAY.name}.pdf"


def _text_block(pdf: Path) -> Any:
    """The first LINES lines of the text on the first page of `pdf`, drawn at DPI, as a PIL image."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        text = page.get_textpage()
        start = text.search(FIRST_WORDS).get_next()
        if start is None:
            raise SystemExit(f"{pdf.name}: the text does not begin with {FIRST_WORDS!r}")
        boxes = [text.get_charbox(index) for index in range(start[0], text.count_chars())]
        found = _lines([box for box in boxes if box[2] > box[0]])
        lines = found[:LINES]
        left, right = min(box[0] for line in lines for box in line), max(box[2] for line in lines for box in line)
        top, bottom = max(box[3] for box in lines[0]), min(box[1] for box in lines[-1])
        if len(found) > LINES:  # the paper between the last line shown and the next, halved
            bottom = (bottom + max(box[3] for box in found[LINES])) / 2 + MARGIN * 72 / DPI
        origin_x, _, _, origin_y = page.get_cropbox()  # what PDFium draws, in the boxes' coordinates
        scale = DPI / 72
        image = page.render(scale=scale).to_pil().convert("RGB")
        return image.crop(
            (
                round((left - origin_x) * scale) - MARGIN,
                round((origin_y - top) * scale) - MARGIN,
                round((right - origin_x) * scale) + MARGIN,
                round((origin_y - bottom) * scale) + MARGIN,
            )
        )
    finally:
        document.close()


def _lines(boxes: list[tuple[float, float, float, float]]) -> list[list[tuple[float, float, float, float]]]:
    """Character boxes (left, bottom, right, top) in the order of the text, grouped into lines: a new line
    starts where a box lies wholly below the line so far (its top under the line's lowest bottom)."""
    lines: list[list[tuple[float, float, float, float]]] = []
    for box in boxes:
        if lines and box[3] > min(b[1] for b in lines[-1]):
            lines[-1].append(box)
        else:
            lines.append([box])
    return lines


def _side_by_side(halves: list[Any]) -> Any:
    """The two pictures side by side, spaces left, kashida right, with a grey hairline between them."""
    from PIL import Image, ImageDraw

    width = max(half.width for half in halves)
    height = max(half.height for half in halves)
    picture = Image.new("RGB", (2 * width + 1, height), "white")
    for column, half in enumerate(halves):
        picture.paste(half, (column * (width + 1) + width - half.width, 0))  # flush right, as the text is
    ImageDraw.Draw(picture).line([(width, 0), (width, height)], fill=(160, 160, 160))
    return picture


if __name__ == "__main__":
    sys.exit(main())
