"""One article from a string to PDF or EPUB bytes, in memory: what a script calls instead of a build.

The text and the metadata pass every check a build makes, and render with the same code; they
are laid out as a one-publication workspace in a temporary folder, which is deleted afterwards.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError, quoted
from ..source.manifest import Manifest, manifest_from_data
from ..workspace import Workspace, slug_problem
from .publications import check_publications, publication_moment

FORMATS = ("pdf", "epub")


def render(
    text: str,
    metadata: Mapping[str, Any],
    format: str = "pdf",
    *,
    markdown: bool = True,
    slug: str = "article",
    workspace: Path | str | None = None,
) -> bytes:
    """The PDF or EPUB of one article given as a string, with the manifest's keys in `metadata`
    (`title` and `authors` at least; `[pdf]` options as a nested dict).

    `markdown=False` reads the text as plain text. `workspace` lends its `templates/` and `fonts/`
    (the packaged ones otherwise). Dates written come from SOURCE_DATE_EPOCH, else `date`, else now.
    Raises PublishError with the same messages a build gives; errors name `metadata` for the keys.
    """
    if format not in FORMATS:
        raise InputError(f'format must be "pdf" or "epub", got "{format}"')
    if (problem := slug_problem(slug)) is not None:
        raise InputError(f"slug {quoted(slug)}: {problem}")
    if "text" in metadata:
        raise InputError("metadata: 'text' names files of a workspace; pass the article as the text argument")
    from ..source.fonts import load_fonts
    from ..typeset.templates import Templates
    from .pool import Renderer, Task

    with tempfile.TemporaryDirectory(prefix="publish-") as temporary:
        root = Path(temporary)
        if workspace is not None:
            _lend(Path(workspace), root)
        folder = root / "source" / slug
        folder.mkdir(parents=True)
        (folder / ("article.md" if markdown else "article.txt")).write_text(text, encoding="utf-8")
        manifest = manifest_from_data(dict(metadata), folder, "metadata")
        space = Workspace(root)
        fonts, templates = load_fonts(space.search_path("fonts")), Templates(space.search_path("templates"))
        (publication,) = check_publications([manifest], fonts, templates, [format])
        task = Task(manifest, publication.document, format, _moment(manifest))
        return Renderer(space).render(task).data


def _moment(manifest: Manifest) -> dt.datetime:
    """As a build dates it, except that a text with no date and no SOURCE_DATE_EPOCH is dated now
    (it has no commit or file of its own to be dated by)."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip() or manifest.date:
        return publication_moment(manifest)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _lend(workspace: Path, root: Path) -> None:
    """Copy a workspace's own templates/ and fonts/ into the temporary one (the sandbox admits no link)."""
    if not workspace.is_dir():
        raise InputError(f"{workspace}: no such workspace folder")
    for name in ("templates", "fonts"):
        if (workspace / name).is_dir():
            shutil.copytree(workspace / name, root / name, symlinks=False)
