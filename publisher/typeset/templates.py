"""The Jinja2 environment: the workspace's templates/ first, then the packaged defaults.

Autoescape is on for every template. Article bodies arrive as already-sanitised fragments
(source/reader.py) and are marked safe there and only there; article text is never a template.
Templates are untrusted like the rest of the workspace: they run in Jinja2's immutable sandbox
(jinja_sandbox.py), read only files inside their own folder, and any failure of theirs is an input error
naming the template and the line.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import ChoiceLoader, StrictUndefined, TemplateNotFound
from markupsafe import Markup

from ..errors import ResourceError
from ..source.languages import primary_language, text_direction
from ..source.reader import Document
from ..workspace import confined_file
from .bidi import isolate_ltr
from .document import typeset_markup, typeset_text
from .figures import number_figures
from .jinja_sandbox import ConfinedLoader, TemplateSandbox, template_failure

if TYPE_CHECKING:
    from ..source.manifest import Manifest


class Templates:
    """Renders templates and finds static files (CSS) through the same override chain."""

    def __init__(self, folders: tuple[Path, ...]) -> None:
        self.folders = folders
        self.env = TemplateSandbox(
            loader=ChoiceLoader([ConfinedLoader(f) for f in folders]),
            # HTML and XHTML are escaped; CSS, TOML and Markdown scaffolds are not (their values are
            # validated, or quoted with the toml filter).
            autoescape=lambda name: (name or "").endswith((".html.j2", ".xhtml.j2", ".html", ".j2.html")),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["toml"] = lambda text: json.dumps(text, ensure_ascii=False)  # a TOML basic string
        self.env.filters["isolate"] = lambda text, direction="rtl": isolate_ltr(text) if direction == "rtl" else text
        self.env.filters["typeset"] = _typeset_filter

    def render(self, name: str, **context: Any) -> str:
        """Render the template `name` (e.g. "pdf/book.html.j2") with `context`; what goes wrong in a
        template (syntax, an undefined name, something the sandbox refuses) is a ResourceError."""
        failure: ResourceError | None
        try:
            return self.env.render_bounded(self.env.get_template(name), context)
        except TemplateNotFound as exc:
            if exc.name == name:
                raise ResourceError(f"template {name} not found in {self._where()}") from None
            # it includes one that is not there
            failure = template_failure(exc, self.folders, name) or ResourceError(f"template {exc.name} not found")
        except Exception as exc:
            failure = template_failure(exc, self.folders, name)
            if failure is None:
                raise
        raise failure from None  # one line naming the template and the line, not a traceback

    def source(self, name: str) -> str:
        """The text of a template or static file as written, the workspace's copy first."""
        try:
            return self.env.loader.get_source(self.env, name)[0]  # type: ignore[union-attr]
        except TemplateNotFound:
            raise ResourceError(f"template {name} not found in {self._where()}") from None

    def labels(self, language: str) -> dict[str, str]:
        """The words the layouts print for `language` (partials/labels.j2), English for those it lacks (a
        workspace's file from before a word was added: Persian had no "page_list", and its EPUB failed)."""
        name = "partials/labels.j2"
        try:
            table = getattr(self.env.get_template(name).module, "labels", None)
        except Exception as exc:
            failure = template_failure(exc, self.folders, name)
            if failure is None:
                raise
            raise failure from None
        english = table.get("en") if isinstance(table, dict) else None
        own = table.get(primary_language(language)) if isinstance(table, dict) else None
        words = own if own is not None else english
        if not isinstance(words, dict) or not isinstance(english, dict):
            raise ResourceError(f'templates/{name}: must set labels to a table of languages, "en" among them')
        # and the direction they are written in: English ones in a right-to-left book (Uyghur, Sindhi: no labels of
        # their own) are set left to right, their lines too ("Typefaces: Amiri …" was read by poppler label last)
        direction = text_direction(language if own is not None else "en")
        return {"direction": direction, **{str(key): str(value) for key, value in {**english, **words}.items()}}

    def file(self, name: str) -> Path:
        """The path of a static file such as "pdf/book.css", the workspace's copy first."""
        for folder in self.folders:
            path = folder / name
            if path.is_file() or path.is_symlink():
                return confined_file(path, folder, f"templates/{name}")
        raise ResourceError(f"template file {name} not found in {self._where()}")

    def _where(self) -> str:
        return " or ".join(str(f) for f in self.folders)


def _typeset_filter(text: str, manifest: Any) -> Markup:
    """{{ m.title | typeset(m) }}: a manifest string typeset as running text (quotes, runs, units),
    as markup: escaped here, its left-to-right runs in `<span dir="ltr">`."""
    return Markup(typeset_markup(str(text), manifest.language, manifest.direction == "rtl"))


def chapters_context(document: Document, labels: Mapping[str, str]) -> list[dict[str, Any]]:
    """The chapters as templates see them, bodies marked as safe markup, figures numbered when the
    book asks (with the `labels` of its language). `under_head` is the PDF article layout's: the
    article's head prints the chapter's title (pdf/render.py)."""
    bodies = [c.html for c in document.chapters]
    if document.figures == "numbered":
        bodies = number_figures(bodies, labels, document.numerals)
    return [
        {
            "id": c.id,
            "title": c.title,
            "own_heading": c.own_heading,
            "body": Markup(body),  # sanitised by source/reader.py: raw HTML was escaped there
            "headings": c.headings,
            "under_head": False,
        }
        for c, body in zip(document.chapters, bodies, strict=True)
    ]


def under_the_head(chapter: dict[str, Any], manifest: Manifest) -> dict[str, Any]:
    """An article's first chapter under the article's head, which prints the publication's title: its
    own title goes when it says the same (a heading `# Title` as the text's first line, or the title
    a text without one takes), so that it is not printed twice."""
    title = _plain(typeset_text(manifest.title, manifest.language, manifest.direction == "rtl"))
    if not chapter["own_heading"]:
        return {**chapter, "under_head": _plain(chapter["title"]) == title}
    heading = _FIRST_HEADING.match(str(chapter["body"]))
    if heading is None or _plain(heading["text"]) != title:
        return chapter
    return {**chapter, "body": Markup(str(chapter["body"])[heading.end() :]), "under_head": True}


def _plain(markup: str) -> str:
    """Text as read: without tags, entities, bidi isolates or joiners."""
    return html.unescape(_TAG.sub("", markup)).translate(_ISOLATES).strip()


_FIRST_HEADING = re.compile(r"\A\s*<h1\b[^>]*>(?P<text>.*?)</h1>\s*", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
# and the joiners and break points the PDF's line breaking adds (pdf/addresses.py: "al-\u2060Jahiz")
_ISOLATES = dict.fromkeys([*range(0x2066, 0x206A), 0x2060, 0x200B])
