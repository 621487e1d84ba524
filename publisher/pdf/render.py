"""Document → HTML (Jinja2 templates) → WeasyPrint → PDF bytes."""

from __future__ import annotations

import contextlib
import mimetypes
import os
import re
import warnings
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..errors import BuildError, ResourceError
from ..source.fonts import FontSet
from ..source.languages import list_separator
from ..source.manifest import Manifest
from ..source.sandbox import Sandbox
from ..typeset.imprint import imprint_context
from ..typeset.job import Job
from ..typeset.leading import lead_blocks
from ..typeset.numerals import CSS_COUNTER_STYLES, list_starts_counted
from ..typeset.pagemap import PageStart
from ..typeset.templates import chapters_context, under_the_head
from ..typeset.verse import fit_poems
from ..version import __version__
from ..workspace import display_path, packaged_dir
from .addresses import breakable_addresses, held_code_blocks, marked_addresses, unbroken_heads, unbroken_ranges
from .figures import fit_figures
from .justified import fit_justified
from .kashida import elongated_verse, number_paragraphs
from .kashida import justify as justify_with_kashida
from .orient import Written, orient
from .pagemap import page_starts
from .pagetype import PageType, average_advance, page_type
from .printmarks import css_bleed, draw_marks, points
from .runts import drawn_spaces, held_runts
from .structure import complete_structure, own_links
from .tablefit import fit_tables
from .textlayer import mark_ltr_phrases, mark_text_layer
from .weasyhooks import mend_weasyprint


def render_html(job: Job) -> str:
    """The book as one HTML document, ready for WeasyPrint."""
    manifest, document, fonts, templates, sandbox = job.manifest, job.document, job.fonts, job.templates, job.sandbox
    rtl, labels = manifest.direction == "rtl", templates.labels(manifest.language)
    kashida = rtl and manifest.pdf.justify == "kashida"
    advance, mirrored = average_advance(document, fonts), manifest.pdf.profile == "print"
    kind = page_type(manifest.pdf.page_size, advance, manifest.pdf.font_size, mirrored=mirrored)
    chapters = [
        {**c, "body": Markup(print_body(str(c["body"]), fonts, rtl, kind, kashida))}
        for c in chapters_context(document, labels)
    ]
    layout = manifest.pdf.layout or "book"
    if layout == "article":
        chapters[0] = under_the_head(chapters[0], manifest)
    return unbroken_heads(
        templates.render(
            "pdf/book.html.j2",
            m=manifest,
            t=labels,
            layout=layout,
            imprint=imprint_context(manifest, document, fonts, job.modified),
            chapters=chapters,
            toc=document.toc(),
            faces=fonts.css_faces(lambda face: sandbox.url(face.path)),
            families=fonts.families,
            page_size=manifest.pdf.page_size,
            type=kind,
            print=manifest.pdf.profile == "print",
            bleed=css_bleed(manifest.pdf.bleed, manifest.pdf.slug, manifest.pdf.marks),
            recto="left" if rtl else "right",
            verso="right" if rtl else "left",
            end_side="left" if rtl else "right",
            counter_style=CSS_COUNTER_STYLES[document.numerals],
            separator=list_separator(manifest.language),
            stylesheet=sandbox.url(templates.file("pdf/book.css")),
            modified=job.modified.strftime("%Y-%m-%dT%H:%M:%SZ"),
            version=__version__,
            output_profile=sandbox.url(output_profile(manifest)) if manifest.pdf.standard == "pdf/x-4" else None,
        )
    )


DEFAULT_OUTPUT_PROFILE = "Artifex-CMYK-SWOP.icc"  # SWOP coated offset; AGPL, see colour/LICENSE-*


def output_profile(manifest: Manifest) -> Path:
    """The CMYK profile of a PDF/X-4 file's output intent: the workspace's, else the packaged default."""
    return manifest.output_profile_path or packaged_dir("colour") / DEFAULT_OUTPUT_PROFILE


BODY_LEADING, HEADING_LEADING = 1.65, 1.35  # book.css's for running text and headings (vocalised blocks get more)
CODE_ADVANCE = 0.6 * 0.85 * 0.85  # a code block's character, in body sizes: a monospace em's 0.6 at book.css's size


def print_body(body: str, fonts: FontSet, rtl: bool, kind: PageType, kashida: bool = False) -> str:
    """A chapter's body as print wants it: notes at their calls, lists counted from their start, addresses breakable,
    poems fitted to their columns (kerning on; with `kashida`, joins elongated first), vocalised blocks leaded for their
    marks, figures and tables fitted to the page (tablefit.py, figures.py; `kind`: its measure and body size)."""
    body = list_starts_counted(footnotes_in_place(body, "rtl" if rtl else "ltr"))
    body = held_code_blocks(body, int(kind.measure / (CODE_ADVANCE * kind.body)))
    body = drawn_spaces(held_runts(unbroken_ranges(breakable_addresses(body)), fonts, rtl))
    width = kind.measure / kind.body
    body = fit_poems(body, fonts, rtl=rtl, kerning=True, stretch="spacers", kashida=kashida, width=width)
    body = fit_tables(lead_blocks(body, fonts, BODY_LEADING, HEADING_LEADING), fonts, kind.measure, kind.body, rtl)
    return fit_figures(body, fonts, kind.measure, kind.body, rtl)


def footnotes_in_place(body: str, direction: str = "rtl") -> str:
    """Move each footnote from the chapter's end to its call, where CSS floats it to the page foot.

    The body keeps EPUB 3 footnotes (asides after the text, source/reader.py); paged media wants the
    note's text at the point of the call instead (`float: footnote`). A note keeps the book's `direction`, or
    the one its paragraph was given (source/blockdir.py), not the calling paragraph's: an Arabic note called
    from an English paragraph was set left to right, its number on the wrong side.
    """
    notes = {m["id"]: _inline(m["text"]) for m in _ASIDE.finditer(body)}
    if not notes:
        return body

    def note(call: re.Match[str]) -> str:
        found = notes.get(call["id"])
        if not found:
            return call[0]
        text, own, language = found
        lang = f' lang="{language}"' if language else ""
        return f'<span class="footnote" id="{call["id"]}" dir="{own or direction}"{lang}>{text}</span>'

    body = _CALL.sub(note, _NOTES_BLOCK.sub("", body))
    return body


def _inline(note: str) -> tuple[str, str | None, str | None]:
    """A note's paragraphs as inline text (it goes inside the calling paragraph), without its back link, and
    the direction and language its first paragraph was given, if any."""
    note = _BACKREF.sub("", note)
    own = _OWN_DIRECTION.match(note)
    note = note[own.end() :] if own else note.removeprefix("<p>")
    text = _PARAGRAPH_BREAK.sub("<br />", note).removesuffix("</p>").strip()
    return text, own["dir"] if own else None, own["lang"] if own else None


_BACKREF = re.compile(r'<a href="#fnref-[^"]+" class="footnote-backref"[^>]*>[^<]*</a>\s*')
# The patterns look for trailing white space only after a character that is not white space (`(?<!\s)`,
# `\S` before it): tried at every space of a long run of them, each would scan the run again.
_PARAGRAPH_BREAK = re.compile(r"(?<!\s)\s*</p>\s*<p(?: dir=\"(?:ltr|rtl)\")?(?: lang=\"[^\"]*\")?>\s*")
_OWN_DIRECTION = re.compile(r'<p dir="(?P<dir>ltr|rtl)"(?: lang="(?P<lang>[^"]*)")?>')
_ASIDE = re.compile(
    r'<aside id="(?P<id>fn-[^"]+)" class="footnote"[^>]*>\s*(?P<text>(?:.*?\S)??)\s*</aside>', re.DOTALL
)
_NOTES_BLOCK = re.compile(r'<div class="footnotes">.*?</div>\n?', re.DOTALL)
_CALL = re.compile(r'<sup class="footnote-ref"><a href="#(?P<id>fn-[^"]+)" id="[^"]+"[^>]*>[^<]*</a></sup>')


Told = Callable[[tuple[PageStart, ...]], None]  # told where each page of a PDF begins


def render_pdf(
    job: Job,
    processes: int = 1,
    notes: list[str] | None = None,
    checked: set[str] | None = None,
    told: Told | None = None,
) -> tuple[bytes, tuple[PageStart, ...]]:
    """Render the book to PDF bytes, with where each of its pages begins (the EPUB's print-page map);
    only files of the sandbox can be read. A long book has its chapters laid out in parts by up to
    `processes` processes and merged (parallel.py), which gives the pages of a render in one piece, and
    the same file whatever `processes`; `notes` is told which way it went and why, and `checked` what
    was read back already ("notdef": each part's pages); `told`, if given, is told where the pages begin as soon
    as that is known (after the layout, before the drawing, when the book is laid out in one piece)."""
    pdf = job.manifest.pdf
    marks = (points(pdf.bleed), pdf.marks) if pdf.profile == "print" else None
    html = render_html(job)
    from .parallel import render_in_parts

    merged = render_in_parts(html, job, marks, max(1, processes), notes if notes is not None else [])
    if merged is not None:
        if checked is not None:
            checked.add("notdef")
        if told is not None:
            told(merged[1])
        return merged
    printed: list[tuple[PageStart, ...]] = []

    def laid_out(pages: tuple[PageStart, ...]) -> None:
        printed.append(pages)
        if told is not None:
            told(pages)

    data = html_to_pdf(html, job, marks, laid_out)
    return data, printed[0]


def lay_out_pages(job: Job) -> tuple[PageStart, ...]:
    """Where each page of the book's PDF begins, from a layout of the PDF that is not drawn (an EPUB
    built without its PDF): the same as `render_pdf` gives."""
    html = render_html(job)
    with _weasyprint_for(job) as weasyprint:
        document, counters = _layout(weasyprint, number_paragraphs(html) if _kashida(job.manifest) else html, job)
        return page_starts(document, counters, CSS_COUNTER_STYLES[job.document.numerals])


def html_to_pdf(html: str, job: Job, marks: tuple[float, str] | None = None, pages: Told | None = None) -> bytes:
    """Run WeasyPrint on `html`, relative links resolved in the publication folder, sandbox files only;
    `pages`, when given, is told where each page begins, read from the layout before it is drawn.

    Fontconfig is pointed at an empty configuration, so no font of the machine can stand in for
    a missing glyph; after layout, every font the PDF embeds is checked to be one of `fonts`.
    """
    manifest = job.manifest
    with _weasyprint_for(job) as weasyprint:
        html = number_paragraphs(html) if _kashida(manifest) else html  # kashida finds each paragraph's lines by number
        document, counters = _layout(weasyprint, html, job)
        if pages is not None:  # before kashida changes the boxes' text
            pages(page_starts(document, counters, CSS_COUNTER_STYLES[job.document.numerals]))
        elongated = justify_lines(document, html, job)
        written: list[Written] = []
        data = document.write_pdf(**_options(manifest), finisher=finisher(job, html, marks, elongated, written))
    return orient(data, written)


def justify_lines(document: Any, html: str, job: Job) -> dict[str, str]:
    """The justified lines of a laid-out book made ready to draw: each drawn exactly as wide as laid out
    (justified.py), then, if the book asks for it, elongated with kashida from the slack that leaves them (`html`
    numbered by `number_paragraphs`). Returns the elongated words, as drawn → as typed."""
    fit_justified(document)
    if not _kashida(job.manifest):
        return {}
    return {**elongated_verse(html), **justify_with_kashida(document, html, job.fonts)}


def finisher(
    job: Job,
    html: str,
    marks: tuple[float, str] | None,
    elongated: Mapping[str, str] | None = None,
    written: list[Written] | None = None,
) -> Callable[[Any, Any], None]:
    """WeasyPrint's finisher for the book laid out from `html`: the font check, the structure, the text
    layer, the marks and the metadata (`_finish`); `written` is told the lines PDFium is to proofread
    (orient.py)."""
    manifest = job.manifest
    return partial(
        _finish,
        families=job.fonts.every_family,
        screen=manifest.pdf.profile == "screen",
        rtl=manifest.direction == "rtl",
        addresses=marked_addresses(html),
        elongated=elongated or {},
        marks=marks,
        standard=manifest.pdf.standard,
        identifier=manifest.identifier,
        profile=_profile_name(manifest) if manifest.pdf.standard == "pdf/x-4" else "",
        owners=(manifest.publisher, manifest.rights),
        written=written,
    )


@contextlib.contextmanager
def weasyprint_for(job: Job) -> Iterator[Callable[[str], tuple[Any, Any]]]:
    """A function laying markup out as the book's (its WeasyPrint Document and the counter styles it read),
    in the render's environment, for the time of the `with` (parts of a book, parallel.py)."""
    with _weasyprint_for(job) as weasyprint:
        yield lambda markup: _layout(weasyprint, markup, job)


def pdf_options(job: Job) -> dict[str, Any]:
    """WeasyPrint's options for the book's PDF."""
    return _options(job.manifest)


@contextlib.contextmanager
def _weasyprint_for(job: Job) -> Iterator[Any]:
    """WeasyPrint, for the time of one render in its environment (`_environment`); a file the sandbox
    refuses is a ResourceError naming the publication."""
    weasyprint = import_weasyprint()
    try:
        with _environment(SOURCE_DATE_EPOCH=str(int(job.modified.timestamp())), FONTCONFIG_FILE=HERMETIC_FONTCONFIG):
            yield weasyprint
    except weasyprint.urls.FatalURLFetchingError as exc:
        raise ResourceError(f"{display_path(job.manifest.folder)}: {exc.__cause__ or exc}") from None


def _layout(weasyprint: Any, html: str, job: Job) -> tuple[Any, Any]:
    """WeasyPrint's layout of `html` (inside `_environment`), and the counter styles it read, which
    print the folios of the print-page map."""
    from weasyprint.css.counters import CounterStyle

    base_url = job.sandbox.url(job.manifest.folder) + "/"
    fetcher = _sandbox_fetcher(weasyprint, job.sandbox)
    counters = CounterStyle()
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
        counter_style=counters, **_options(job.manifest)
    )
    own_links(document)  # one annotation a link
    return document, counters


def _options(manifest: Manifest) -> dict[str, Any]:
    return {"pdf_variant": manifest.pdf.standard, "pdf_tags": True}  # PDF/A-3b is tagged too


def _kashida(manifest: Manifest) -> bool:
    return manifest.pdf.justify == "kashida" and manifest.direction == "rtl"


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Set environment variables for the time of a render only, so they reach no other program.

    SOURCE_DATE_EPOCH pins the timestamps WeasyPrint and fontTools write (equal inputs, equal
    bytes). FONTCONFIG_FILE points fontconfig, which WeasyPrint starts anew for each document, at a
    configuration without fonts: no font of the machine can stand in for a missing glyph. Left set,
    it reached the programs the process starts later: Chromium then failed to load a web font.
    """
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


HERMETIC_FONTCONFIG = str(Path(__file__).resolve().parent / "fontconfig.conf")


def import_weasyprint() -> Any:
    """WeasyPrint, imported with the hermetic fontconfig; a BuildError when Pango cannot be loaded."""
    warnings.filterwarnings("ignore", message="No fonts configured in FontConfig")
    try:
        with _environment(FONTCONFIG_FILE=HERMETIC_FONTCONFIG):  # should the import start fontconfig
            import weasyprint
        mend_weasyprint()
    except OSError as exc:  # cffi could not load Pango
        raise BuildError(
            f"WeasyPrint cannot load Pango ({exc}); install it: apt-get install libpango-1.0-0 libpangoft2-1.0-0"
        ) from None
    return weasyprint


EMPTY: Mapping[str, str] = {}


def _finish(
    document: Any,
    pdf: Any,
    families: tuple[str, ...],
    screen: bool,
    rtl: bool,
    addresses: frozenset[str] = frozenset(),
    elongated: Mapping[str, str] = EMPTY,
    marks: tuple[float, str] | None = None,
    standard: str = "pdf/ua-1",
    identifier: str = "",
    profile: str = "",
    owners: tuple[str | None, str | None] = (None, None),
    written: list[Written] | None = None,
) -> None:
    """Refuse a PDF that would embed a font not from fonts/; screen PDFs open on their bookmarks; header
    cells get their scope and links their text as description (structure.py).

    Right-to-left books also get the marks that keep text extractors from gluing words and give each word
    kashida elongated (`elongated`: as drawn → as typed) its text (textlayer.py);
    print books their BleedBox and printer's marks (`marks`: bleed in points and which, printmarks.py).
    """
    strangers = sorted({font.family for font in document.fonts.values()} - set(families))
    if strangers:
        raise BuildError(
            f"the PDF would embed {', '.join(strangers)}, which is not in fonts/ (fonts in use: {', '.join(families)})"
        )
    complete_structure(document, pdf)
    if screen:
        pdf.catalog["PageMode"] = "/UseOutlines"
    if rtl:
        mark_text_layer(document, pdf, addresses, elongated, written)
    else:
        mark_ltr_phrases(document, pdf, addresses, written)
    if marks is not None:
        draw_marks(pdf, *marks)
    if standard == "pdf/x-4":
        _pdfx_identity(pdf, identifier, profile)
    if any(owners):
        _publisher_and_rights(pdf, *owners)


def _profile_name(manifest: Manifest) -> str:
    """The output profile as an error names it: workspace-relative, or the packaged default's name."""
    if manifest.output_profile_path is None:
        return f"the packaged {DEFAULT_OUTPUT_PROFILE}"
    return manifest.output_profile_path.relative_to(manifest.folder.parent.parent).as_posix()


def _pdfx_identity(pdf: Any, identifier: str, profile: str) -> None:
    """Name the PDF/X version in the Info dictionary too (WeasyPrint 70 writes it in the XMP only,
    and preflights read both), and make the XMP DocumentID, a random UUID, one derived from the
    publication's identifier: equal inputs, equal bytes."""
    import uuid

    import pydyf

    if "OutputIntents" not in pdf.catalog:  # WeasyPrint ignores a profile Pillow cannot read, with a warning
        raise BuildError(f"{profile}: not a readable ICC profile, and a PDF/X-4 file needs it as its output intent")
    pdf.info["GTS_PDFXVersion"] = pydyf.String("PDF/X-4")
    document_id = f"xmp.did:{uuid.uuid5(uuid.NAMESPACE_URL, identifier)}".encode()
    for obj in pdf.objects[1:]:
        if isinstance(obj, pydyf.Stream) and obj.extra.get("Type") == "/Metadata":
            obj.stream = [_DOCUMENT_ID.sub(document_id, bytes(part)) for part in obj.stream]


_DOCUMENT_ID = re.compile(rb"xmp\.did:[0-9a-f-]{36}")


def _publisher_and_rights(pdf: Any, publisher: str | None, rights: str | None) -> None:
    """Add the publisher and the rights to the XMP metadata as Dublin Core (dc:publisher, dc:rights),
    as the EPUB has them: WeasyPrint writes the title, authors, subject and keywords only."""
    from xml.sax.saxutils import escape

    import pydyf

    dc = [f"<dc:publisher><rdf:Bag><rdf:li>{escape(publisher)}</rdf:li></rdf:Bag></dc:publisher>"] if publisher else []
    if rights:
        dc.append(f'<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">{escape(rights)}</rdf:li></rdf:Alt></dc:rights>')
    description = f'<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">{"".join(dc)}'
    for obj in pdf.objects[1:]:
        if isinstance(obj, pydyf.Stream) and obj.extra.get("Type") == "/Metadata":
            xml = b"\n".join(bytes(part) for part in obj.stream)
            obj.stream = [xml.replace(b"</rdf:RDF>", description.encode() + b"</rdf:Description></rdf:RDF>", 1)]


def _sandbox_fetcher(weasyprint: Any, sandbox: Sandbox) -> Any:
    """A URL fetcher that serves the sandbox's files and nothing else: no network at all."""

    class SandboxFetcher(weasyprint.urls.URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = sandbox.path(url)
            media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return weasyprint.urls.URLFetcherResponse(url, path.read_bytes(), {"Content-Type": media_type})

    return SandboxFetcher(fail_on_errors=True)
