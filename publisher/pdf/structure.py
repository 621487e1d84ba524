"""The structure tree a screen reader walks: what WeasyPrint's tags leave out, added as the PDF is finished.

WeasyPrint 70 tags the PDF (`pdf_tags`): a Figure for each image with its alt text as /Alt, tables of TR,
TH and TD (each TD's /Headers naming the /ID of its column's TH), a Link element holding each link
annotation (an OBJR) with the link's text, and /Tabs /S on every page. Two things a screen reader meets
are missing or wrong, and are set here, on WeasyPrint's objects before they are written (equal inputs,
equal bytes):

- a TH has no /Scope. ISO 14289-1 (7.5) accepts /Headers on the data cells instead, but readers that do
  not follow /Headers (and the PDF/UA checkers) then cannot tell whether a header names a column or a
  row. Each TH gets the scope HTML gives a `th` without a `scope` attribute: a column when its row holds
  header cells only (a Markdown table's header row), else a row.
- a link annotation's /Contents, its description (7.18.5), is its target: "ch01", "fn-ch01-1" or the URL,
  which a reader announces as the link. It becomes the link's own text, as the web edition's link is named:
  the contents entry's title, a reference's words. A link without text (an image) takes its image's
  alt text, and only a link with neither keeps its target.

And the running heads and folios (CSS margin boxes) are marked content with an MCID that WeasyPrint keeps out
of the tree: neither content a reader can reach nor an artifact (ISO 14289-1, 7.1: content is one or the
other). Each becomes an /Artifact of /Type /Pagination, and its parent tree entry null: a screen reader
that reads the page's content rather than the tree skips them too, as it skips the backgrounds. The dots
of a leader (the contents' `leader(". ")`) are content in the tree, which a reader would say dot by dot
between an entry and its page number: they become /Layout artifacts, their Link element keeping its
annotation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# Bidi isolates and marks the typesetting adds, and the break opportunities of addresses (render.py):
# part of the drawing, not of the words a description says.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069"))
_SPACES = re.compile(r"\s+")


def complete_structure(document: Any, pdf: Any) -> None:
    """Give every TH its /Scope and every link annotation the link's text as /Contents; make running heads,
    folios and leaders artifacts (see above).

    `document` is WeasyPrint's laid-out Document (its pages' links), `pdf` the pydyf PDF being finished.
    """
    import pydyf

    objects = {obj.reference: obj for obj in pdf.objects[1:] if isinstance(obj, pydyf.Dictionary)}
    for cell in _elements(objects, "/TH"):
        row = objects.get(cell.get("P"))
        attributes = cell.get("A")
        if row is not None and isinstance(attributes, pydyf.Dictionary):
            header_row = all(objects.get(kid, {}).get("S") == "/TH" for kid in row.get("K", ()))
            attributes["Scope"] = "/Column" if header_row else "/Row"
    leaders = []
    for page in document.pages:
        for _kind, target, _rectangle, box in page.links:
            annotation = getattr(box, "link_annotation", None)  # the annotation WeasyPrint wrote for this link
            if annotation is not None:
                annotation["Contents"] = pydyf.String(link_description(box.element) or str(target))
                if getattr(box, "is_leader", False):  # a leader inside a link gets a link of its own
                    leaders.append(annotation)
    if pdf.catalog.get("StructTreeRoot") in objects:
        _make_artifacts(pdf, objects, leaders)


def _make_artifacts(pdf: Any, objects: dict[bytes, Any], leaders: list[Any]) -> None:
    """Make pagination artifacts of the marked content of elements the tree does not reach (margin boxes),
    and layout artifacts of the leaders' (in links: the elements of `leaders`, their annotations)."""
    import pydyf

    root = objects[pdf.catalog["StructTreeRoot"]]
    reached, stack = set(), [root]
    while stack:
        for kid in stack.pop().get("K", ()):
            element = objects.get(kid) if isinstance(kid, bytes) else None
            if element is not None and kid not in reached and element.get("Type") == "/StructElem":
                reached.add(kid)
                stack.append(element)
    numbers = objects[root["ParentTree"]]["Nums"]
    entries = dict(zip(numbers[::2], numbers[1::2], strict=True))  # a page's MCIDs' parents, an annotation's
    pages = {objects[f"{n} 0 R".encode()].get("StructParents"): n for n in pdf.pages["Kids"][::3]}
    layout: dict[int, set[int]] = {}  # the leaders' MCIDs, by page
    for annotation in leaders:
        element = objects[entries[annotation["StructParent"]]]
        page = objects[element["Pg"]]["StructParents"]
        layout.setdefault(page, set()).update(kid for kid in element["K"] if isinstance(kid, int))
        element["K"] = pydyf.Array(kid for kid in element["K"] if not isinstance(kid, int))
    for key, number in pages.items():
        parents = entries.get(key)
        if not isinstance(parents, pydyf.Array):
            continue
        kinds = {mcid: "/Pagination" for mcid, parent in enumerate(parents) if parent not in reached}
        kinds.update(dict.fromkeys(layout.get(key, ()), "/Layout"))
        items = pdf.objects[int(objects[f"{number} 0 R".encode()]["Contents"].split()[0])].stream
        for index in range(1, len(items) - 1):
            marked = items[index]
            if isinstance(marked, pydyf.Dictionary) and marked.get("MCID") in kinds and items[index + 1] == b"BDC":
                items[index - 1], items[index] = "/Artifact", pydyf.Dictionary({"Type": kinds[marked["MCID"]]})
                parents[marked["MCID"]] = "null"


def own_links(document: Any) -> None:
    """Drop from each page of WeasyPrint's laid-out `document` the links of elements inside a link. WeasyPrint
    gives every box inside a link the link too (click events bubble up) and writes an annotation for each: a link
    whose text is a left-to-right run (`<a><span dir="ltr">GitHub</span></a>`) had two, the second's OBJR in a
    Span, in no Link element (ISO 14289-1, 7.18.5). What a link generates keeps its own (the contents' leader and
    page number, `a::after`)."""
    for page in document.pages:
        page.links = [link for link in page.links if link[3].link or "::" in str(link[3].element_tag)]


def link_description(element: Any) -> str:
    """What a link says: its text as read (isolates and break marks dropped, spaces collapsed), else the alt
    text of its images."""
    text = _SPACES.sub(" ", "".join(element.itertext()).translate(_INVISIBLE)).strip()
    if text:
        return text
    alts = (image.get("alt", "") for image in element.iter() if str(image.tag).rpartition("}")[2] == "img")
    return _SPACES.sub(" ", " ".join(alts).translate(_INVISIBLE)).strip()


def _elements(objects: dict[bytes, Any], role: str) -> Iterator[Any]:
    """The structure elements of `role` ("/TH") among the PDF's objects, in the order they were made."""
    for obj in objects.values():
        if obj.get("Type") == "/StructElem" and obj.get("S") == role:
            yield obj
