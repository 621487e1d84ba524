"""How faithfully PDF readers extract the text of our PDFs: PDFium (pypdfium2) and poppler (pdftotext).

For each publication: the words of its chapters (titles, text, footnotes) as the source has them,
against the words an extractor finds in the body area of the chapter pages (running heads and
folios cropped away), in order. An article (`[pdf] layout`) prints its head over the text and its
imprint after it: their words are expected there too, as the layout prints them. Prints the word
accuracy per extractor and the words that differ: compared without marks (harakat, shadda, tanwin,
sukun, dagger alef dropped), and with them (NFC, as the author typed them: "pdfium+marks",
"poppler+marks").

    python benchmarks/text_fidelity.py [WORKSPACE] [SLUG ...]     (default: this repo, every slug)

With `--punctuation` first, the words are compared with their punctuation, as a reader copies them ("رقم (٣)،",
not "رقم( ٣)،"), and a total over the publications follows ("pdfium+punctuation", "poppler+punctuation").
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdfium2

from publisher.pdf import pagetype
from publisher.source.manifest import Manifest, load_manifest
from publisher.source.reader import Document
from publisher.typeset.bidi import BIDI_CONTROLS
from publisher.typeset.document import typeset_document
from publisher.typeset.templates import chapters_context

MM = 72 / 25.4
# the running head and the folio live in the page's top and bottom margins (pdf/pagetype.py), in proportion to its
# height; the bands cropped are a millimetre (on A5) short of them. Fixed at A5's, they had cut an A6 page's first line.
TOP, BOTTOM = pagetype.TOP - MM, pagetype.BOTTOM - MM
# Arabic harakat, tatweel and bidi controls: not words, and extractors differ on them; and soft hyphens, invisible.
_DROP = re.compile(f"[\u064b-\u065f\u0670\u0640\u00ad{BIDI_CONTROLS}]")
_CONTROLS = re.compile(f"[\u00ad{BIDI_CONTROLS}]")  # bidi controls only
# "+tatweel": harakat and bidi controls dropped, tatweel kept, so that one the author did not type (kashida
# justification draws them) counts as a wrong word when it comes out of the extractor.
_DROP_KEEPING_TATWEEL = re.compile(f"[\u064b-\u065f\u0670\u00ad{BIDI_CONTROLS}]")
_EDGE = "()[]{}«»‹›.,،؛;:؟?!…·•–—۔\"'“”‘’"  # · • –: separators and list bullets the layouts draw (book.css)
# Inline elements join what they hold to the words beside them ("<kbd>Ctrl</kbd>+<kbd>S</kbd>" prints "Ctrl+S");
# the others part words (a span may be set as a block: a figure's credit), but for the span of a left-to-right
# run (typeset/bidi.py), which is inline: "و<span dir="ltr"><code>serde</code></span>" prints "وserde".
_INLINE = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|em|i|kbd|mark|q|s|samp|small|strong|sub|time|u|var)\b"
    r'[^>]*>|<span dir="(?:ltr|rtl)">|(?<=\u2069)</span>|(?<=</code>)</span>|(?<=</kbd>)</span>|(?<=</samp>)</span>'
    r'|<span lang="[^"<>]*">(?=\u2066)|(?<=\u2069</span>)</span>'  # a language's isolate: "و<span lang>iOS</span>"
)


def words(text: str, marks: bool | str = False) -> list[str]:
    """Words as compared: NFKC, marks and bidi controls dropped, punctuation stripped at the edges; with
    `marks`, NFC and only bidi controls dropped: the marks must come back where the author typed them;
    with `marks="tatweel"`, as without marks but tatweel kept: it must come back only where typed; with
    `marks="punctuation"`, as without marks but with the punctuation at their edges."""
    if marks == "punctuation":
        return _DROP.sub("", unicodedata.normalize("NFKC", text)).split()
    if marks == "tatweel":
        text = _DROP_KEEPING_TATWEEL.sub("", unicodedata.normalize("NFKC", text))
    elif marks:
        text = _CONTROLS.sub("", unicodedata.normalize("NFC", text))
    else:
        text = _DROP.sub("", unicodedata.normalize("NFKC", text))
    return [w for w in (raw.strip(_EDGE) for raw in text.split()) if w]


def source_words(workspace: Path, slug: str, marks: bool | str = False) -> list[str]:
    """The words a reader should find on the chapter pages, each chapter's notes after it (the order of the
    structure tree): `source_parts`' text and notes."""
    head, chapters, imprint, _ = _printed_words(workspace, slug, marks)
    return head + [word for text, notes in chapters for word in text + notes] + imprint


def source_parts(workspace: Path, slug: str, marks: bool | str = False) -> tuple[list[str], list[str]]:
    """The words of the chapter pages as printed: an article's head, chapter titles, text with the numbers of
    its ordered lists (in the book's numerals), an article's imprint; and, apart, the notes (each with its
    number), which the pages print at the foot of the page that calls them, between pieces of the text. The
    note calls are not words: the text layer reads them as spaces (pdf/readingorder.py)."""
    text, notes, _ = source_printed(workspace, slug, marks)
    return text, notes


def source_printed(
    workspace: Path, slug: str, marks: bool | str = False
) -> tuple[list[str], list[str], list[list[str]]]:
    """`source_parts`, and the words of each table's header row, which a page repeats over the rest of a table it
    continues (`thead`): printed again, not in the source's run of words."""
    head, chapters, imprint, heads = _printed_words(workspace, slug, marks)
    text = head + [word for text, _ in chapters for word in text] + imprint
    return text, [w for _, notes in chapters for w in notes], heads


def _printed_words(
    workspace: Path, slug: str, marks: bool | str
) -> tuple[list[str], list[tuple[list[str], list[str]]], list[str], list[list[str]]]:
    """An article's head, each chapter's words and its notes' words, an article's imprint, the tables' header
    rows."""
    from publisher.pdf.render import under_the_head
    from publisher.typeset.numerals import localise_digits

    manifest = load_manifest(workspace / "source" / slug)
    document = typeset_document(manifest)
    article = manifest.pdf.layout == "article"
    printed = printed_html(workspace, manifest, document) if article else ""
    head = words(block_text(printed, r'<header class="article-head">(.*?)</header>'), marks)
    chapters: list[tuple[list[str], list[str]]] = []
    heads: list[list[str]] = []
    from publisher.typeset.templates import Templates
    from publisher.workspace import Workspace

    labels = Templates(Workspace(workspace).search_path("templates")).labels(manifest.language)
    for index, chapter in enumerate(chapters_context(document, labels)):
        if article and index == 0:
            chapter = under_the_head(chapter, manifest)  # its title is the head's
        html, _, foot = str(chapter["body"]).partition('<div class="footnotes">')
        html = re.sub(r'<sup class="footnote-ref">.*?</sup>', " ", html)  # a note call is not a word
        html = numbered_lists(html, lambda number: localise_digits(str(number), document.numerals))
        text = re.sub(r"<[^>]+>", " ", _INLINE.sub("", html))
        for row in re.findall(r"<thead>(.*?)</thead>", html, re.DOTALL):
            heads.append(words(unescape(re.sub(r"<[^>]+>", " ", _INLINE.sub("", row))), marks))
        titled = not chapter["own_heading"] and not chapter["under_head"]
        chapters.append(
            (
                (words(chapter["title"], marks) if titled else []) + words(unescape(text), marks),
                words(unescape(re.sub(r"<[^>]+>", " ", _INLINE.sub("", foot))), marks),  # ("و<code>a.txt</code>")
            )
        )
    imprint = words(block_text(printed, r'<section class="imprint compact"[^>]*>(.*?)</section>'), marks)
    return head, chapters, imprint, heads


def numbered_lists(html: str, number: Callable[[int], str]) -> str:
    """`html` with each item of an ordered list opened by its number and a full stop, as the page prints it
    (the CSS counter), `number` writing it in the book's digits; nested lists count on their own."""
    counts: list[int | None] = []  # for each open list: the last number given, None for a bulleted one
    out = []
    for token in re.split(r"(<(?:/?(?:ol|ul)|li)\b[^>]*>)", html):
        if token.startswith(("<ol", "<ul")):
            start = re.search(r'start="(\d+)"', token)
            counts.append((int(start[1]) - 1 if start else 0) if token.startswith("<ol") else None)
        elif token in ("</ol>", "</ul>") and counts:
            counts.pop()
        elif token.startswith("<li") and counts and counts[-1] is not None:
            counts[-1] += 1
            token += f" {number(counts[-1])}. "
        out.append(token)
    return "".join(out)


def printed_html(workspace: Path, manifest: Manifest, document: Document) -> str:
    """The HTML the PDF of a publication is laid out from, as a build makes it."""
    from publisher.builder.pool import Renderer
    from publisher.builder.publications import publication_moment
    from publisher.pdf.render import render_html
    from publisher.typeset.job import Job
    from publisher.workspace import Workspace

    renderer = Renderer(Workspace(workspace))
    moment = publication_moment(manifest)
    return render_html(Job(manifest, document, renderer.fonts, renderer.templates, moment, renderer.sandbox))


def block_text(html: str, pattern: str) -> str:
    """The text of the first block of `html` that `pattern` finds (its group 1), tags dropped, and the WORD JOINERs
    print holds its lines with (pdf/addresses.unbroken_heads), which no reader copies."""
    found = re.search(pattern, html, re.DOTALL)
    return unescape(re.sub(r"<[^>]+>", " ", found[1])).replace("\u2060", "") if found else ""


def unescape(text: str) -> str:
    import html

    return html.unescape(text)


def chapter_pages(pdf: Path, first_words: list[str]) -> range:
    """From the page where the first chapter opens (its anchor, else the first page after the title
    page that starts with its words) to the last page."""
    with pikepdf.open(pdf) as document:
        opening = anchor_page(document, "ch01")
        if opening is not None:
            return range(opening, len(document.pages))
    document = pypdfium2.PdfDocument(pdf)
    for index, page in enumerate(document):
        if index > 0 and words(page.get_textpage().get_text_bounded())[: len(first_words)] == first_words:
            return range(index, len(document))
    return range(0, len(document))


def anchor_page(document: pikepdf.Pdf, name: str) -> int | None:
    """The index of the page an anchor (an element's id, a named destination) lies on, or None."""
    names = document.Root.get("/Names", {}).get("/Dests", {}).get("/Names", [])
    for key, destination in zip(names[::2], names[1::2], strict=True):
        if str(key) == name:
            return next(i for i, page in enumerate(document.pages) if page.objgen == destination[0].objgen)
    return None


def body_boxes(pdf: Path, pages: range) -> list[tuple[float, float, float, float]]:
    """Per page: the trim box without the head and foot bands (left, bottom, right, top)."""
    with pikepdf.open(pdf) as document:
        out = []
        for index in pages:
            page = document.pages[index]
            left, bottom, right, top = (float(v) for v in page.get("/TrimBox", page.MediaBox))
            ratio = (top - bottom) / pagetype.REFERENCE_HEIGHT
            out.append((left, bottom + BOTTOM * ratio, right, top - TOP * ratio))
        return out


def pdfium_words(pdf: Path, pages: range, boxes: list, marks: bool | str = False) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    text = []
    for index, (left, bottom, right, top) in zip(pages, boxes, strict=True):
        text.append(document[index].get_textpage().get_text_bounded(left, bottom, right, top))
    return words("\n".join(text), marks)


def poppler_words(pdf: Path, pages: range, boxes: list, marks: bool | str = False) -> list[str]:
    text = []
    with pikepdf.open(pdf) as document:
        for index, (left, bottom, right, top) in zip(pages, boxes, strict=True):
            media = [float(v) for v in document.pages[index].MediaBox]
            # pdftotext crops in pixels at 72 dpi from the top-left corner of the MediaBox.
            x, y = left - media[0], media[3] - top
            command = [
                "pdftotext",
                "-q",
                "-f",
                str(index + 1),
                "-l",
                str(index + 1),
                "-r",
                "72",
                "-x",
                str(int(x)),
                "-y",
                str(int(y)),
                "-W",
                str(int(right - left)),
                "-H",
                str(int(top - bottom)),
                str(pdf),
                "-",
            ]
            text.append(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    return words("\n".join(text), marks)


@dataclass(frozen=True)
class Fidelity:
    """Word accuracy of one extractor on one PDF, with the differences."""

    accuracy: float
    differences: list[tuple[str, str]]
    found: list[str]


def compare(
    expected: list[str], found: list[str], notes: list[str] | None = None, repeats: list[list[str]] = ()
) -> Fidelity:
    """Share of words extracted equal and in order (over the longer of the two), and what differs. `notes`:
    words printed at the foot of pages, between pieces of `expected`: matched in order among the found words
    the text did not match. `repeats`: runs of words a page may print again (a table's header row over the rest of
    the table), found whole among the words neither matched.

    A word of a note may stand in the text too, a note's number beside a list's ("عندنا ٣" ending a page, the note
    "(٣) …" at its foot, "٣. أن …" opening the next): matched first, the text took the note's "٣" and left its own
    unmatched. So the notes' runs of three words or more are also matched first, and the better reading counts."""
    plain = _compare(expected, found, notes or [], repeats, frozenset())
    if plain.accuracy == 1.0 or not notes:
        return plain
    footer = difflib.SequenceMatcher(a=notes, b=found, autojunk=False)
    early = frozenset(b + k for _, b, size in footer.get_matching_blocks() if size >= 3 for k in range(size))
    return max(plain, _compare(expected, found, notes, repeats, early), key=lambda fidelity: fidelity.accuracy)


def _compare(
    expected: list[str], found: list[str], notes: list[str], repeats: list[list[str]], early: frozenset[int]
) -> Fidelity:
    """`compare`, the found words `early` kept out of the text's matching (left for the notes)."""
    kept = [index for index in range(len(found)) if index not in early]
    matcher = difflib.SequenceMatcher(a=expected, b=[found[index] for index in kept], autojunk=False)
    matched = {kept[b + k] for _, b, size in matcher.get_matching_blocks() for k in range(size)}
    rest = [index for index in range(len(found)) if index not in matched]
    footer = difflib.SequenceMatcher(a=notes, b=[found[index] for index in rest], autojunk=False)
    noted = {rest[b + k] for _, b, size in footer.get_matching_blocks() for k in range(size)}
    noted |= _repeated([index for index in rest if index not in noted], found, repeats)
    equal = len(matched) + len(noted)
    differences = [
        (" ".join(expected[a1:a2]), " ".join(found[kept[b]] for b in range(b1, b2) if kept[b] not in noted))
        for tag, a1, a2, b1, b2 in matcher.get_opcodes()
        if tag != "equal" and (a2 > a1 or any(kept[b] not in noted for b in range(b1, b2)))
    ]
    differences += [
        (" ".join(notes[a1:a2]), "") for tag, a1, a2, *_ in footer.get_opcodes() if a2 > a1 and tag != "equal"
    ]
    total = len(expected) + len(notes)
    return Fidelity(equal / max(total, len(found), 1), differences, found)


def _repeated(rest: list[int], found: list[str], repeats: list[list[str]]) -> set[int]:
    """The indices among `rest` (found words matched by nothing, in order) of each whole run of `repeats` they
    hold, consecutive in `found`."""
    out: set[int] = set()
    start = 0
    while start < len(rest):
        for run in repeats:
            places = rest[start : start + len(run)]
            if run and [found[i] for i in places] == run and places[-1] - places[0] == len(run) - 1:
                out.update(places)
                start += len(run)
                break
        else:
            start += 1
    return out


def measure(workspace: Path, slug: str) -> dict[str, Fidelity]:
    """Accuracy of both extractors on dist/<slug>.pdf, without marks ("pdfium", "poppler"), with
    them ("pdfium+marks", "poppler+marks"), and without marks but with tatweel ("pdfium+tatweel", ...)."""
    pdf = workspace / "dist" / f"{slug}.pdf"
    expected = source_printed(workspace, slug)
    pages = chapter_pages(pdf, expected[0][:3])
    boxes = body_boxes(pdf, pages)
    results = {}
    for marks, suffix in ((False, ""), (True, "+marks"), ("tatweel", "+tatweel")):
        text, notes, heads = source_printed(workspace, slug, marks) if marks else expected
        results["pdfium" + suffix] = compare(text, pdfium_words(pdf, pages, boxes, marks), notes, heads)
        results["poppler" + suffix] = compare(text, poppler_words(pdf, pages, boxes, marks), notes, heads)
    return results


def measure_punctuation(workspace: Path, slug: str) -> dict[str, tuple[Fidelity, int]]:
    """Accuracy of both extractors on dist/<slug>.pdf, the words compared with their punctuation; and the count of
    words the source prints."""
    pdf = workspace / "dist" / f"{slug}.pdf"
    text, notes, heads = source_printed(workspace, slug, "punctuation")
    pages = chapter_pages(pdf, words(" ".join(text[:6]))[:3])  # the first words, as `measure` finds the pages by
    boxes = body_boxes(pdf, pages)
    return {
        f"{name}+punctuation": (
            compare(text, read(pdf, pages, boxes, "punctuation"), notes, heads),
            len(text) + len(notes),
        )
        for name, read in (("pdfium", pdfium_words), ("poppler", poppler_words))
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="(this file's docstring says more)")
    parser.add_argument("--punctuation", action="store_true", help="compare the words with their punctuation")
    parser.add_argument("workspace", nargs="?", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("slugs", nargs="*", help="publications to read (default: every one of source/)")
    arguments = parser.parse_args(argv)
    workspace, punctuation = arguments.workspace, arguments.punctuation
    if not (workspace / "source").is_dir():
        parser.error(f"{workspace}: no source/ folder; give a built workspace")
    slugs = arguments.slugs or sorted(p.name for p in (workspace / "source").iterdir() if p.is_dir())
    totals: dict[str, list[float]] = {}
    for slug in slugs:
        measured = (
            measure_punctuation(workspace, slug)
            if punctuation
            else {extractor: (result, 0) for extractor, result in measure(workspace, slug).items()}
        )
        for extractor, (result, count) in measured.items():
            if punctuation:  # a total over the publications, weighed by their words
                equal, words_so_far = totals.get(extractor, [0.0, 0.0])
                totals[extractor] = [equal + result.accuracy * count, words_so_far + count]
            print(
                f"{slug:32} {extractor:14} {result.accuracy:8.2%} word accuracy, {len(result.differences)} differences"
            )
            for want, got in result.differences[:20]:
                print(f"    source: {want or '(nothing)'}\n    found:  {got or '(nothing)'}")
    for extractor, (equal, count) in totals.items():
        print(f"{'total':32} {extractor:14} {equal / max(count, 1):8.2%} of {int(count)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
