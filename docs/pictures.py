"""Make the README's pictures of the current output, so that they never show an old page.

    python docs/pictures.py

- docs/pdf-page.png: page 1 of dist/<seed>.pdf, its trim box, drawn by PDFium;
- docs/imprint-page.png: page 2 of the two-chapter test book (tests/fixtures/book, built here in a
  temporary folder), the imprint on the title page's verso, its trim box;
- docs/download-page.png: dist/index.html in Debian's chromium (driven by Playwright; it never
  downloads a browser), the whole page at 900 px wide.

docs/pictures.json records, for each picture, the SHA-256 of the PNG and of what it was made from;
for the download page also the file names and SHA-256 sums the page showed, read from the page in
the browser that took the picture. tests/test_pictures.py compares those with dist/SHA256SUMS, so a
README picture of the download page with old sums fails the tests: run this script again and commit.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
DIST = REPO / "dist"
SEED = "beni-mellal-social-pole"
RECORD = DOCS / "pictures.json"
CHROMIUM = "/usr/bin/chromium"  # Debian's (apt-get install chromium)
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PDF_WIDTH = 720  # pixels across a page's trim box
PAGE_WIDTH = 900  # CSS pixels across the download page


def main() -> int:
    record: dict[str, Any] = {}
    seed_pdf = DIST / f"{SEED}.pdf"
    record["pdf-page.png"] = pdf_picture(seed_pdf, 0, DOCS / "pdf-page.png") | {"from": f"dist/{seed_pdf.name}"}
    with tempfile.TemporaryDirectory(prefix="publish-pictures-") as folder:
        book = build_test_book(Path(folder))
        record["imprint-page.png"] = pdf_picture(book, 1, DOCS / "imprint-page.png") | {
            "from": "tests/fixtures/book, page 2"
        }
    record["download-page.png"] = download_page_picture(DIST / "index.html", DOCS / "download-page.png")
    RECORD.write_text(json.dumps(record, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    for name, about in record.items():
        print(f"wrote docs/{name} (from {about['from']})")
    print(f"wrote {RECORD.relative_to(REPO)}")
    return 0


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pdf_picture(pdf: Path, index: int, png: Path) -> dict[str, Any]:
    """Draw page `index` of `pdf` (its trim box: what a reader holds once the sheet is cut) into `png`."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[index]
        media, trim = page.get_mediabox(), page.get_trimbox()
        crop = (trim[0] - media[0], trim[1] - media[1], media[2] - trim[2], media[3] - trim[3])
        bitmap = page.render(scale=PDF_WIDTH / (trim[2] - trim[0]), crop=crop)
        bitmap.to_pil().convert("RGB").save(png, optimize=True)
    finally:
        document.close()
    return {"png_sha256": sha256(png.read_bytes()), "source_sha256": sha256(pdf.read_bytes())}


def build_test_book(folder: Path) -> Path:
    """The two-chapter test book's PDF, built as a user's workspace would build it."""
    import shutil

    from publisher import build

    shutil.copytree(REPO / "tests" / "fixtures" / "book", folder / "source" / "book")
    build(folder, formats=["pdf"], jobs=1)
    return folder / "dist" / "book.pdf"


def download_page_picture(index: Path, png: Path) -> dict[str, Any]:
    """Take `index` in Chromium into `png`; return what the page showed: each file's name and sum."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": PAGE_WIDTH, "height": 400})
            page.goto(index.as_uri())
            # Text set in a web font is invisible until the font is decoded: load every face first.
            page.evaluate("Promise.all([...document.fonts].map(face => face.load()))")
            shown = page.evaluate(
                """[...document.querySelectorAll('.files li')].map(li => [
                    li.querySelector('a[download]').href, li.querySelector('.sha').textContent.trim()])"""
            )
            page.screenshot(path=str(png), full_page=True)
        finally:
            browser.close()
    sums = {unquote(Path(urlparse(href).path).name): digest for href, digest in shown}
    return {
        "png_sha256": sha256(png.read_bytes()),
        "source_sha256": sha256(index.read_bytes()),
        "from": "dist/index.html",
        "shows": dict(sorted(sums.items())),
    }


if __name__ == "__main__":
    sys.exit(main())
