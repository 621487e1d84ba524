"""The publications of a build: their manifests loaded, their texts read and checked, their timestamp.

Every problem of every publication asked for is collected and raised at once, before anything is
rendered, so one run shows an editor everything to fix.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, quoted
from ..source.manifest import Manifest, load_manifest
from ..workspace import Workspace, display_path

if TYPE_CHECKING:
    from ..source.fonts import FontSet
    from ..source.reader import Document
    from ..typeset.templates import Templates


@dataclass(frozen=True)
class Publication:
    """A checked publication, ready to render."""

    manifest: Manifest
    document: Document


def load_manifests(space: Workspace, slugs: list[str]) -> list[Manifest]:
    """Load every named manifest and check identifiers are unique; raise one InputError listing every problem."""
    manifests, problems = [], []
    for slug in slugs:
        try:
            manifests.append(load_manifest(space.source / slug))
        except InputError as exc:
            problems.extend(exc.messages)
    seen: dict[str, str] = {}
    for m in manifests:
        if m.identifier in seen:
            problems.append(
                f"{display_path(m.path)}: 'identifier' \"{m.identifier}\" is also the identifier of "
                f"source/{seen[m.identifier]}; each publication needs its own"
            )
        seen.setdefault(m.identifier, m.slug)
    if problems:
        raise InputError(*problems)
    return manifests


FORMATS = ("pdf", "epub")


def check(space: Workspace, slugs: list[str], fonts: FontSet, templates: Templates) -> list[Publication]:
    """Load, read and check every selected publication; raise one InputError listing every problem."""
    return check_publications(load_manifests(space, space.select(slugs)), fonts, templates)


def check_publications(
    manifests: list[Manifest], fonts: FontSet, templates: Templates, formats: Iterable[str] = FORMATS
) -> list[Publication]:
    """Read and typeset each publication's text and check that the fonts draw it and everything the
    layouts of `formats` generate; raise one InputError listing every problem."""
    from ..typeset.document import typeset_document
    from ..typeset.generated import generated_text

    publications, problems = [], []
    for manifest in manifests:
        try:
            document = typeset_document(manifest)
            fonts.check_coverage(manifest, document, generated_text(manifest, document, templates, formats, fonts))
        except InputError as exc:
            problems.extend(exc.messages)
            continue
        publications.append(Publication(manifest, document))
    if problems:
        raise InputError(*problems)
    return publications


LAST_EPOCH = int(dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.UTC).timestamp())


def publication_moment(manifest: Manifest) -> dt.datetime:
    """The timestamp written into the artifacts, stable for equal inputs.

    SOURCE_DATE_EPOCH when set, else the manifest's date, else the newest git commit that touched
    the publication, else the newest modification time of its files.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not (epoch.isascii() and epoch.isdigit() and int(epoch) <= LAST_EPOCH):
            raise InputError(
                f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 in ASCII digits, at most "
                f"{LAST_EPOCH} (the end of 2107, the last year a ZIP file can record), got {quoted(epoch)}"
            )
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    if manifest.date:
        return dt.datetime(manifest.date.year, manifest.date.month, manifest.date.day, tzinfo=dt.UTC)
    committed = _git_commit_time(manifest.folder)
    if committed is not None:
        return dt.datetime.fromtimestamp(committed, dt.UTC)
    files = (manifest.path, *manifest.text_files)
    return dt.datetime.fromtimestamp(int(max(p.stat().st_mtime for p in files)), dt.UTC)


def _git_commit_time(folder: Path) -> int | None:
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    out = result.stdout.strip()
    return int(out) if result.returncode == 0 and out.isdigit() else None
