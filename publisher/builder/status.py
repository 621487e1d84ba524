"""`publish list`: each publication with its title, language, formats and state, without building.

The state is read as a build would decide it, without rendering or writing anything:
- "up to date": for every format, the build cache's key is the one the sources, templates, fonts and
  this tool give now, and dist/ holds that file, listed with its SHA-256 in SHA256SUMS;
- "stale": something changed since the last build, or dist/ lacks or disagrees about a file;
- "failing": the manifest does not load, or the text does not read (a build would stop on it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..source.manifest import load_manifest
from ..workspace import Workspace, file_digest
from .cache import Cache, stat_of
from .dist import artifact_name, read_checksums, referenced_assets
from .plan import FORMATS, _Shared  # the key of an artifact worked out by the build's own helper
from .publications import publication_moment


@dataclass(frozen=True)
class Status:
    """One publication as `publish list` shows it."""

    slug: str
    title: str | None
    language: str | None
    formats: tuple[str, ...]
    state: str  # "up to date", "stale" or "failing"
    problems: list[str] = field(default_factory=list)  # why it is failing, one line each


def publication_states(workspace: Path | str = ".", slugs: tuple[str, ...] | list[str] = ()) -> list[Status]:
    """The state of the named publications (all when none), writing nothing."""
    from ..typeset.document import typeset_document

    space = Workspace(Path(workspace).resolve())
    shared = _Shared(space)
    store = Cache(space.root, create=False)
    listed = read_checksums(space.dist) or {}
    states = []
    for slug in space.select(slugs):
        try:
            manifest = load_manifest(space.source / slug)
            problems: list[str] = []
            typeset_document(manifest, problems)
        except InputError as exc:
            states.append(Status(slug, None, None, FORMATS, "failing", exc.messages))
            continue
        if problems:
            states.append(Status(slug, manifest.title, manifest.language, FORMATS, "failing", problems))
            continue
        moment = publication_moment(manifest)
        fresh = True
        formats = tuple(fmt for fmt in FORMATS if fmt != "web" or manifest.formats.web)
        for fmt in formats:
            name = artifact_name(slug, fmt)
            entry = store.get(name)
            path = space.dist / name
            if entry is None or listed.get(name) != entry.sha256 or not path.is_file():
                fresh = False
                break
            same_file = _stat(path) == entry.stat or file_digest(path) == entry.sha256
            if fmt == "web" and not all((space.dist / a).is_file() for a in referenced_assets(path.read_bytes())):
                same_file = False  # a web edition without its fonts and images is not whole
            if not same_file or shared.key(manifest, fmt, moment, entry.inputs) != entry.key:
                fresh = False
                break
        states.append(Status(slug, manifest.title, manifest.language, formats, "up to date" if fresh else "stale"))
    return states


def _stat(path: Path) -> tuple[int, ...] | None:
    try:
        return stat_of(path)
    except OSError:
        return None
