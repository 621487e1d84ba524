"""The PDFs of a book's parts (partrender.py) merged into the book's PDF with pikepdf.

The front matter's file gives the catalog, the metadata and the document information (every part's are
alike: they come from the same HTML head and finisher). The other parts' pages follow in order, and with
them what a serial render builds over the whole book:

- the structure tree: one Document element holding every part's elements in order, a ParentTree that
  numbers the pages' marked content by their page in the book and the link annotations after all pages
  (/StructParents, /StructParent renumbered), as WeasyPrint numbers them;
- the named destinations: every anchor's first page in the book (the stand-ins partrender.py added for
  links into other parts are left out), in one name tree sorted by name;
- the outline, built from every page's bookmarks by WeasyPrint's own algorithm (weasyhooks.bookmark_tree);
- the fonts, each face once (fontmerge.py).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Mapping
from typing import Any

from .fontmerge import merge_fonts
from .partrender import PartPdf
from .weasyhooks import bookmark_tree


def merge_parts(parts: list[PartPdf], font_files: Mapping[str, bytes]) -> bytes:
    """The book's PDF from its parts' (the front matter first); `font_files` are the font files by SHA-256."""
    import pikepdf

    sources = [pikepdf.open(io.BytesIO(part.data)) for part in parts]
    book = sources[0]
    first_pages = [0]
    for source in sources[1:]:
        first_pages.append(len(book.pages))
        with warnings.catch_warnings():  # about the named destinations: _destinations makes the book's
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            book.pages.extend(source.pages)
    if len(book.pages) != sum(part.pages for part in parts):
        raise ValueError("the parts' pages did not all reach the book")
    _structure(book, sources, parts, first_pages)
    _destinations(book, sources, parts)
    _outline(book, parts)
    merge_fonts(book, first_pages, parts, font_files)
    _share_images(book, first_pages)
    out = io.BytesIO()
    book.save(
        out,
        fix_metadata_version=False,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        deterministic_id=True,
        min_version=book.pdf_version,
    )
    return out.getvalue()


def _structure(book: Any, sources: list[Any], parts: list[PartPdf], first_pages: list[int]) -> None:
    """One structure tree: the parts' elements under the front matter's Document element, the ParentTree
    renumbered over the whole book."""
    import pikepdf

    root = book.Root.StructTreeRoot
    document = root.K[0]
    total = len(book.pages)
    pages: list[Any] = []
    links: list[Any] = []
    for number, (source, part, start) in enumerate(zip(sources, parts, first_pages, strict=True)):
        tree = source.Root.StructTreeRoot

        def local(obj: Any, foreign: bool = number > 0) -> Any:
            return book.copy_foreign(obj) if foreign else obj

        if number:
            for kid in tree.K[0].K:
                element = local(kid)
                element.P = document
                document.K.append(element)
        nums = tree.ParentTree.Nums
        renumbered = {}
        for key, value in zip(nums[::2], nums[1::2], strict=True):
            key = int(key)
            if key < part.pages:  # a page's marked content, by MCID: its elements, or null (an artifact)
                pages.append(pikepdf.Array([local(ref) if _indirect(ref) else ref for ref in value]))
            else:
                renumbered[key] = total + len(links)
                links.append(local(value))
        for offset in range(part.pages):
            page = book.pages[start + offset]
            page.obj.StructParents = start + offset
            for annotation in page.obj.get("/Annots", []):
                if "/StructParent" in annotation:
                    annotation.StructParent = renumbered[int(annotation.StructParent)]
    nums = pikepdf.Array()
    for key, value in enumerate([*pages, *links]):
        nums.append(key)
        nums.append(value)
    root.ParentTree = book.make_indirect(pikepdf.Dictionary(Nums=nums))


def _indirect(obj: Any) -> bool:
    return isinstance(obj, __import__("pikepdf").Object) and obj.is_indirect


def _destinations(book: Any, sources: list[Any], parts: list[PartPdf]) -> None:
    """The named destinations of the book: each anchor's first, from the part that holds it."""
    import pikepdf

    found: dict[str, tuple[Any, Any]] = {}
    for number, (source, part) in enumerate(zip(sources, parts, strict=True)):
        names = source.Root.get("/Names", {}).get("/Dests", {}).get("/Names", [])
        for key, destination in zip(names[::2], names[1::2], strict=True):
            name = str(key)
            if name in part.fake or name in found:
                continue
            page = book.copy_foreign(destination[0]) if number else destination[0]
            found[name] = (key, pikepdf.Array([page, *list(destination)[1:]]))
    if not found:
        return
    array = pikepdf.Array()
    for name in sorted(found):
        array.extend(found[name])
    if "/Names" not in book.Root:
        book.Root.Names = pikepdf.Dictionary()
    book.Root.Names.Dests = pikepdf.Dictionary(Names=array)


def _share_images(book: Any, first_pages: list[int]) -> None:
    """An image several parts draw (an ornament at each chapter's head) embedded once, as in one piece."""
    import hashlib

    seen: dict[tuple[str, str], Any] = {}
    for start in first_pages:  # each part's pages share one resources dictionary
        images = book.pages[start].Resources.get("/XObject", {})
        for name, image in list(images.items()):
            if image.get("/Subtype") != "/Image" or "/SMask" in image:
                continue
            key = (hashlib.sha256(image.read_raw_bytes()).hexdigest(), repr(image.stream_dict))
            images[name] = seen.setdefault(key, image)


def _outline(book: Any, parts: list[PartPdf]) -> None:
    """The outline of the whole book, as WeasyPrint writes a document's (pdf/anchors.add_outlines)."""
    import pikepdf

    tree = bookmark_tree([page for part in parts for page in part.bookmarks])
    if "/Outlines" in book.Root:
        del book.Root.Outlines
    if not tree:
        return
    pages = book.pages

    def add(subtrees: list[Any], parent: Any) -> tuple[list[Any], int]:
        count = len(subtrees)
        items: list[Any] = []
        for title, (page, x, y), children, state in subtrees:
            destination = pikepdf.Array([pages[page].obj, pikepdf.Name.XYZ, x, y, 0])
            item = book.make_indirect(pikepdf.Dictionary(Title=pikepdf.String(title), Dest=destination))
            kids, kids_count = add(children, item)
            item.Count = -kids_count if state == "closed" else kids_count
            if state != "closed":
                count += kids_count
            if items:
                item.Prev = items[-1]
                items[-1].Next = item
            if kids:
                item.First, item.Last = kids[0], kids[-1]
            item.Parent = parent
            items.append(item)
        return items, count

    outlines = book.make_indirect(pikepdf.Dictionary())
    items, count = add(tree, outlines)
    outlines.Count, outlines.First, outlines.Last = count, items[0], items[-1]
    book.Root.Outlines = outlines
