"""SVG images checked before any renderer or reader sees them.

An SVG is XML that can run script, fetch files and expand entities. Parsed here with defusedxml (no
DOCTYPE, so no entity, billion laughs or external DTD), it must be a self-contained drawing: an <svg>
root, no script, event attribute, foreignObject or HTML, and no reference to anything but a part of
itself (`#id`) or an embedded PNG or JPEG (`data:`). Anything else is an error naming the file: the
PDF would drop the image silently and the EPUB would fail EPUBCheck or run the script in a reader.
"""

from __future__ import annotations

import re
from pathlib import Path

SVG = "http://www.w3.org/2000/svg"
MAX_SVG_BYTES = 16 * 2**20
_FORBIDDEN = {"script", "foreignObject", "handler", "listener", "iframe", "embed", "object", "audio", "video"}
_LOCAL = re.compile(r"\s*(#|data:image/(png|jpeg);)", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?(?P<url>[^'\")]*)|@import", re.IGNORECASE)


def svg_problem(path: Path) -> str | None:
    """None for a self-contained SVG drawing, else what is wrong with it, as a phrase."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    from ..workspace import read_small

    data = read_small(path, MAX_SVG_BYTES)
    if data is None:
        return f"is unreadable, or larger than {MAX_SVG_BYTES // 2**20} MiB"
    if re.search(rb"<\?xml-stylesheet", data):
        return "loads a style sheet (<?xml-stylesheet?>); put its rules in a <style> element"
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        return "has a DOCTYPE declaration (entities, an external DTD); remove it: an SVG needs none"
    except ParseError as exc:
        return f"is not well-formed XML ({exc})"
    if root.tag != f"{{{SVG}}}svg":
        return 'is not an SVG image (its root element is not <svg xmlns="http://www.w3.org/2000/svg">)'
    for element in root.iter():
        problem = _element_problem(element)
        if problem:
            return problem
    return None


def _element_problem(element: object) -> str | None:
    tag = str(getattr(element, "tag", ""))
    namespace, name = _split(tag)
    if name in _FORBIDDEN or namespace == "http://www.w3.org/1999/xhtml":
        return f"holds a <{name}> element; an image in a book must be a drawing, without script or HTML"
    attributes: dict[str, str] = getattr(element, "attrib", {})
    for key, value in attributes.items():
        attribute = _split(key)[1]
        if attribute.lower().startswith("on"):
            return f'has an event attribute ({attribute}="…") on <{name}>; an image in a book runs no script'
        if attribute == "href" and not _LOCAL.match(value):
            return f'refers to "{value[:80]}" from <{name}>; embed what it shows (data:image/png) or draw it'
        if (
            name in ("set", "animate")
            and attribute == "attributeName"
            and (value.endswith("href") or value.lower().startswith("on"))
        ):
            return f'animates the attribute "{value}" of an element; an image in a book cannot change its links'
        if attribute == "style" and (problem := _css_problem(value)):
            return problem
    if name == "style":
        return _css_problem(str(getattr(element, "text", "") or ""))
    return None


def _css_problem(css: str) -> str | None:
    for match in _CSS_URL.finditer(css):
        url = match["url"]
        if url is None:
            return "imports a style sheet (@import); put its rules in the <style> element"
        if not _LOCAL.match(url):
            return f'loads "{url[:80]}" from its style; embed what it shows (data:image/png) or draw it'
    return None


def _split(tag: str) -> tuple[str, str]:
    """ "{namespace}name" → (namespace, name)."""
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag
