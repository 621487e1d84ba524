"""`publish new`: a new publication folder with a commented manifest and a sample article."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..source.defaults import DEFAULTS_NAME, workspace_defaults
from ..source.manifest import schema_keys
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
    inherited = sorted(schema_keys().keys() & dotted(workspace_defaults(space.root).data))  # not set again
    context = {
        "slug": slug,
        "title": title or slug,
        "date": (today or dt.date.today()).isoformat(),
        "inherited": inherited,
    }
    files = {
        "manifest.toml": templates.render("new/manifest.toml.j2", **context),
        "article.md": templates.render("new/article.md.j2", **context),
    }
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def dotted(data: dict[str, Any], prefix: str = "") -> set[str]:
    """The keys of a TOML table and of the tables in it, as dotted paths (`pdf.page-size`)."""
    keys = set()
    for key, value in data.items():
        keys.add(prefix + key)
        if isinstance(value, dict):
            keys |= dotted(value, f"{prefix}{key}.")
    return keys


def inherits_defaults(workspace: Path | str) -> bool:
    """Whether the workspace has a publish.toml, whose keys a new publication inherits."""
    return (Path(workspace) / DEFAULTS_NAME).is_file()
