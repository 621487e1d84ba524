"""`publish new`: a new publication folder with a commented manifest and a sample article."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import InputError
from ..typeset.templates import Templates
from ..workspace import Workspace

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def new_publication(workspace: Path | str, slug: str, title: str | None = None, today: dt.date | None = None) -> Path:
    """Create source/`slug`/ with manifest.toml and article.md; refuse to touch an existing folder."""
    space = Workspace(Path(workspace).resolve())
    if not _SLUG.match(slug):
        raise InputError(
            f"source/{slug}: a slug is lower-case Latin letters, digits and hyphens (it names the files in dist/)"
        )
    folder = space.source / slug
    if folder.exists():
        raise InputError(f"source/{slug}: already exists; publish new never overwrites a publication")
    templates = Templates(space.search_path("templates"))
    context = {"slug": slug, "title": title or slug, "date": (today or dt.date.today()).isoformat()}
    files = {
        "manifest.toml": templates.render("new/manifest.toml.j2", **context),
        "article.md": templates.render("new/article.md.j2", **context),
    }
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
