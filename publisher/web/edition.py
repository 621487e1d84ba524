"""Document → one HTML page (templates/web/) → dist/<slug>.html, with its fonts and images as files.

The web edition is typeset as the EPUB is (typeset/screen.py, epub/book.css, the shared partials)
and laid out for a browser by web/web.css. Its fonts (WOFF2, subset to the page's characters) and
images are written to dist/assets/ under names made of their SHA-256: a browser may cache them
forever, a page read while dist/ is rebuilt never gets a font swapped under it, and an image two
articles share is stored once. The page needs no script: JSON-LD is data, not code.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..source.languages import list_separator
from ..source.reader import text_characters
from ..typeset.generated import css_strings
from ..typeset.imprint import imprint_context
from ..typeset.screen import faces_wanted, screen_body
from ..typeset.subset import woff2_font
from ..typeset.templates import chapters_context, under_the_head

if TYPE_CHECKING:
    from pathlib import Path

    from ..source.manifest import Manifest
    from ..typeset.job import Job

ASSETS = "assets"  # the folder of dist/ that holds the web editions' fonts and images
PAGE = "web/page.html.j2"
STYLESHEETS = ("epub/book.css", "web/web.css")  # the EPUB's typography, then the page's layout
SUFFIXES = {"image/png": ".png", "image/jpeg": ".jpg", "image/svg+xml": ".svg"}
# Words a workspace's own partials/labels.j2 from before the web edition may lack.
FALLBACK_LABELS = {"skip": "Skip to the text", "editions": "Other editions", "downloads": "All publications"}
_IMG_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]*)(")')
_EPUB_TYPE = re.compile(r'\sepub:type="[^"]*"')
_UNDRAWN = re.compile(r"<(style|script)\b[^>]*>.*?</\1>", re.DOTALL)


@dataclass(frozen=True)
class WebEdition:
    """The page's bytes, and the files it refers to: (name under dist/assets/, bytes)."""

    html: bytes
    assets: tuple[tuple[str, bytes], ...]


def asset_name(data: bytes, suffix: str) -> str:
    """The name of a file of dist/assets/: its SHA-256 (shortened) and its suffix."""
    return hashlib.sha256(data).hexdigest()[:32] + suffix


def render_web(job: Job, keep: Path | None = None) -> WebEdition:
    """The web edition of a publication. Font subsets are kept in `keep` (the build cache) by content."""
    from ..source.images import image_media_type

    manifest, document, fonts, templates = job.manifest, job.document, job.fonts, job.templates
    labels = {**FALLBACK_LABELS, **templates.labels(manifest.language)}
    assets: dict[str, bytes] = {}
    images: dict[str, str] = {}
    for image in document.images:
        data = image.path.read_bytes()
        name = asset_name(data, SUFFIXES[image_media_type(image.path)])
        assets[name], images[image.href] = data, f"{ASSETS}/{name}"

    def body(markup: str) -> Markup:
        laid = screen_body(markup, fonts, manifest)
        return Markup(_IMG_SRC.sub(lambda m: m[1] + html.escape(images.get(html.unescape(m[2]), m[2])) + m[3], laid))

    chapters = [{**c, "body": body(str(c["body"]))} for c in chapters_context(document, labels)]
    chapters[0] = under_the_head(chapters[0], manifest)
    imprint = imprint_context(manifest, document, fonts, job.modified)
    stylesheets = "\n".join(templates.file(name).read_text(encoding="utf-8") for name in STYLESHEETS)
    context: dict[str, Any] = {
        "m": manifest,
        "t": labels,
        "chapters": chapters,
        "imprint": imprint,
        "separator": list_separator(manifest.language),
        "numerals": document.numerals,
        "published": (manifest.date or job.modified.date()).isoformat(),
        "locale": manifest.language.replace("-", "_"),
        "json_ld": Markup(json_ld(manifest, (manifest.date or job.modified.date()).isoformat())),
        "pdf": f"{manifest.slug}.pdf",
        "epub": f"{manifest.slug}.epub",
        "faces": [],
        "families": fonts.families,
        "stylesheets": "",
    }
    draft = templates.render(PAGE, **context)
    characters = text_characters(_UNDRAWN.sub(" ", draft), keep_format=True) | set(css_strings(stylesheets))
    chapters_html = "".join(c.html for c in document.chapters)
    reached = fonts.reaching(characters, **faces_wanted(chapters_html, manifest))
    urls = {}
    for face in reached.faces:
        data = woff2_font(face, characters, keep)
        name = asset_name(data, ".woff2")
        assets[name], urls[face.path] = data, f"{ASSETS}/{name}"
    faces = templates.render(
        "partials/fonts.css.j2", faces=reached.css_faces(lambda face: urls[face.path]), families=reached.families
    )
    context["stylesheets"] = Markup(_style_text(faces + "\n" + stylesheets))
    page = _EPUB_TYPE.sub("", templates.render(PAGE, **context))  # EPUB semantics; ARIA roles stay
    return WebEdition(page.encode("utf-8"), tuple(sorted(assets.items())))


def json_ld(manifest: Manifest, published: str) -> str:
    """schema.org NewsArticle for the page's <script type="application/ld+json">: the manifest's title,
    date, authors, language, publisher and description. "<", ">" and "&" are written as JSON escapes, so
    no title can close the script element or be read as markup."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": manifest.title,
        "datePublished": published,
        "inLanguage": manifest.language,
        "author": [{"@type": "Person", "name": name} for name in manifest.authors],
        "identifier": manifest.identifier,
    }
    if manifest.subtitle:
        data["alternativeHeadline"] = manifest.subtitle
    if manifest.publisher:
        data["publisher"] = {"@type": "Organization", "name": manifest.publisher}
    if manifest.description:
        data["description"] = manifest.description
    if manifest.subjects:
        data["keywords"] = manifest.subjects
    if manifest.rights:
        data["copyrightNotice"] = manifest.rights
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _style_text(css: str) -> str:
    """CSS for a <style> element: "</style" cannot end it early (a workspace's CSS is not trusted)."""
    return re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
