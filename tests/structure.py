"""Read a tagged PDF's structure tree as a screen reader meets it, and check what PDF/UA asks of it.

pikepdf walks the tree (roles, attributes, marked-content ids, annotations); PDFium gives the text of each
marked-content sequence: each character it extracts, in its reading order, belongs to a page object, and that
object to a marked-content id (`FPDFText_GetTextObject`, `FPDFPageObj_GetMarkedContentID`), which is how
Chromium's PDF viewer hands a tagged PDF's text to a screen reader. So `structure_text` is the text read in
the tree's order, each piece as PDFium reads it (the text layer's /ActualText included).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

HEADING = re.compile(r"/H([1-6])$")


@dataclass
class Element:
    """A structure element: its role ("/P"), attributes, page, and kids in order: elements, marked-content
    ids (page, mcid) and annotations (OBJR)."""

    role: str
    obj: pikepdf.Dictionary
    page: int | None
    kids: list[Element | tuple[int, int] | pikepdf.Dictionary] = field(default_factory=list)

    def walk(self) -> Iterator[Element]:
        """This element and every element below it, in the tree's order."""
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()

    def content(self) -> Iterator[tuple[int, int]]:
        """The (page, mcid) of every marked-content sequence of this element and below, in order."""
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.content()
            elif isinstance(kid, tuple):
                yield kid

    def text(self, texts: dict[tuple[int, int], str]) -> str:
        """Its text, given the text of each marked-content sequence (`marked_texts`)."""
        return "".join(texts.get(key, "") for key in self.content())

    def attribute(self, name: str) -> object | None:
        """An attribute of /A (one dictionary or an array of them; the last one given wins)."""
        attributes = self.obj.get("/A")
        found = None
        for owner in attributes if isinstance(attributes, pikepdf.Array) else [attributes]:
            if isinstance(owner, pikepdf.Dictionary) and name in owner:
                found = owner[name]
        return found


def read_tree(pdf: pikepdf.Pdf) -> Element:
    """The structure tree of `pdf` from its root (role "/StructTreeRoot")."""
    pages = {page.objgen: number for number, page in enumerate(pdf.pages)}

    def page_of(obj: pikepdf.Dictionary, inherited: int | None) -> int | None:
        return pages[obj.Pg.objgen] if "/Pg" in obj else inherited

    def element(obj: pikepdf.Dictionary, inherited: int | None) -> Element:
        page = page_of(obj, inherited)
        node = Element(str(obj.get("/S", "/StructTreeRoot")), obj, page)
        kids = obj.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]:
            if not isinstance(kid, pikepdf.Dictionary):
                node.kids.append((page, int(kid)))
            elif kid.get("/Type") == "/MCR":
                node.kids.append((page_of(kid, page), int(kid.MCID)))
            elif kid.get("/Type") == "/OBJR":
                node.kids.append(kid)
            else:
                node.kids.append(element(kid, page))
        return node

    return element(pdf.Root.StructTreeRoot, None)


def reading(path: Path) -> list[tuple[tuple[int, int] | None, str]]:
    """Every character PDFium extracts, pages in order, each with the (page, mcid) of the object that draws
    it; a break PDFium puts between lines and words (a character of no object), and a page's end, as
    (None, " ")."""
    import pypdfium2
    import pypdfium2.raw as raw

    out: list[tuple[tuple[int, int] | None, str]] = []
    document = pypdfium2.PdfDocument(path)
    try:
        for number, page in enumerate(document):
            textpage = page.get_textpage()
            for index in range(textpage.count_chars()):
                obj = raw.FPDFText_GetTextObject(textpage, index)
                key = (number, raw.FPDFPageObj_GetMarkedContentID(obj)) if obj else None
                out.append((key, chr(raw.FPDFText_GetUnicode(textpage, index)) if obj else " "))
            out.append((None, " "))
    finally:
        document.close()
    return out


def marked_texts(path: Path) -> dict[tuple[int, int], str]:
    """The text of each marked-content sequence, by (page, mcid), as PDFium reads it; a break after one of
    its characters as a space."""
    texts: dict[tuple[int, int], str] = {}
    last: tuple[int, int] | None = None
    for key, character in reading(path):
        if key is None and last is not None:
            texts[last] += " "
        elif key is not None:
            texts[key] = texts.get(key, "") + character
        last = key or last
    return texts


def structure_text(path: Path, first_page: int = 0, last_page: int | None = None) -> str:
    """The text of the structure tree, read in its order, of the content on pages `first_page` to `last_page`."""
    texts = marked_texts(path)
    with pikepdf.open(path) as pdf:
        content = list(read_tree(pdf).content())
    shown = [key for key in content if first_page <= key[0] and (last_page is None or key[0] <= last_page)]
    return "".join(texts.get(key, "") for key in shown)


def page_text(path: Path, first_page: int = 0) -> str:
    """The text PDFium reads on the pages, in its order, without what the structure tree does not reach
    (running heads and folios), from `first_page` on."""
    with pikepdf.open(path) as pdf:
        reached = set(read_tree(pdf).content())
    kept = [c for key, c in reading(path) if key is None or (key in reached and key[0] >= first_page)]
    return "".join(kept)


def unreferenced_text(path: Path) -> dict[tuple[int, int], str]:
    """Text in marked-content sequences with an id that the structure tree does not reach."""
    with pikepdf.open(path) as pdf:
        reached = set(read_tree(pdf).content())
    return {key: text for key, text in marked_texts(path).items() if key not in reached and key[1] >= 0}


def problems(path: Path) -> list[str]:
    """What a screen reader would miss in this PDF, one line each: figures without /Alt, tables without
    TH or TH without /Scope, link annotations without /Contents or outside a Link element, pages without
    /Tabs /S, headings that do not start at H1 or skip a level."""
    found: list[str] = []
    with pikepdf.open(path) as pdf:
        tree = read_tree(pdf)
        elements = list(tree.walk())
        for element in elements:
            if element.role == "/Figure" and not str(element.obj.get("/Alt", "")).strip():
                found.append(f"page {element.page}: a Figure without /Alt")
            if element.role == "/Table":
                headers = [e for e in element.walk() if e.role == "/TH"]
                if not headers:
                    found.append(f"page {element.page}: a Table without TH")
                for header in headers:
                    if str(header.attribute("/Scope")) not in ("/Row", "/Column", "/Both"):
                        found.append(f"page {header.page}: a TH without /Scope")
        found += _link_problems(pdf, elements)
        found += [f"page {n}: /Tabs is not /S" for n, page in enumerate(pdf.pages) if page.obj.get("/Tabs") != "/S"]
    levels = [int(match[1]) for e in elements if (match := HEADING.match(e.role))]
    for before, level in zip([0, *levels], levels, strict=False):
        if level > before + 1:
            found.append(f"H{level} after {f'H{before}' if before else 'no heading'}: a level skipped")
    return found


def _link_problems(pdf: pikepdf.Pdf, elements: list[Element]) -> list[str]:
    """Each link annotation: a /Contents, and an OBJR to it in a Link element that its /StructParent names."""
    found = []
    holders = {kid.Obj.objgen: e for e in elements for kid in e.kids if isinstance(kid, pikepdf.Dictionary)}
    parents = _parent_tree(pdf)
    for number, page in enumerate(pdf.pages):
        for annotation in page.obj.get("/Annots", []):
            if annotation.get("/Subtype") != "/Link":
                continue
            if not str(annotation.get("/Contents", "")).strip():
                found.append(f"page {number}: a link without /Contents")
            holder = holders.get(annotation.objgen)
            if holder is None or holder.role != "/Link":
                found.append(f"page {number}: a link annotation in no Link element")
            elif parents.get(int(annotation.get("/StructParent", -1))) != holder.obj.objgen:
                found.append(f"page {number}: a link annotation whose /StructParent is not its Link element")
    return found


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, tuple[int, int]]:
    """The parent tree's entries that name one element (annotations'), by key: the element's object id."""
    entries: dict[int, tuple[int, int]] = {}

    def collect(node: pikepdf.Dictionary) -> None:
        numbers = node.get("/Nums", [])
        for key, value in zip(numbers[::2], numbers[1::2], strict=True):
            if isinstance(value, pikepdf.Dictionary):
                entries[int(key)] = value.objgen
        for kid in node.get("/Kids", []):
            collect(kid)

    collect(pdf.Root.StructTreeRoot.ParentTree)
    return entries


def heading_levels(path: Path) -> list[tuple[int, str]]:
    """The headings of the structure tree in order: level and text."""
    texts = marked_texts(path)
    with pikepdf.open(path) as pdf:
        headings = [e for e in read_tree(pdf).walk() if HEADING.match(e.role)]
        return [(int(e.role[2]), " ".join(e.text(texts).split())) for e in headings]


def figure_alts(path: Path) -> list[str]:
    """The /Alt of every Figure, in the tree's order."""
    with pikepdf.open(path) as pdf:
        return [str(e.obj.get("/Alt", "")) for e in read_tree(pdf).walk() if e.role == "/Figure"]


def link_contents(path: Path) -> list[str]:
    """The /Contents of every link annotation, pages in order."""
    with pikepdf.open(path) as pdf:
        return [
            str(a.get("/Contents", ""))
            for page in pdf.pages
            for a in page.obj.get("/Annots", [])
            if a.get("/Subtype") == "/Link"
        ]


def pdfua_findings(path: Path) -> tuple[list[str], dict[str, str]]:
    """What the `pdfua` checker (a machine-checkable subset of PDF/UA-1, on pikepdf) finds: its findings,
    one line each, and the rules it could not evaluate, with why."""
    from pdfua import validate

    report = validate(str(path))
    findings = [f"{f.rule_id} {f.severity.name} page {f.location.page}: {f.message}" for f in report.findings]
    skipped = {o.rule_id: o.skipped_reason for o in report.outcomes if o.skipped_reason}
    return findings, skipped
