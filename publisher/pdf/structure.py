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
    """Give every TH its /Scope and every link annotation the link's text as /Contents (see above).

    `document` is WeasyPrint's laid-out Document (its pages' links), `pdf` the pydyf PDF being finished.
    """
    import pydyf

    objects = {obj.reference: obj for obj in pdf.objects[1:] if isinstance(obj, pydyf.Dictionary)}
    for cell in _elements(objects, "/TH"):
        row = objects.get(cell.get("P"))
        attributes = cell.get("A")
        if row is None or not isinstance(attributes, pydyf.Dictionary):
            continue
        header_row = all(objects.get(kid, {}).get("S") == "/TH" for kid in row.get("K", ()))
        attributes["Scope"] = "/Column" if header_row else "/Row"
    for page in document.pages:
        for _kind, target, _rectangle, box in page.links:
            annotation = getattr(box, "link_annotation", None)  # the annotation WeasyPrint wrote for this link
            if annotation is not None:
                annotation["Contents"] = pydyf.String(link_description(box.element) or str(target))


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
