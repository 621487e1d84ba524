"""The publications of a build: their manifests loaded, their texts read and checked, their timestamp.

Every problem of every publication asked for is collected and raised at once, before anything is
rendered, so one run shows an editor everything to fix.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from ..errors import InputError, ManifestError, quoted
from ..source.defaults import workspace_defaults
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


@dataclass(frozen=True)
class Loaded:
    """The manifests of a build: those that loaded, every problem found in the others, and, for a
    manifest with problems whose text can still be read, a stand-in to check that text with."""

    manifests: list[Manifest]
    problems: list[str]
    stand_ins: list[Manifest]


def gather_manifests(space: Workspace, slugs: list[str]) -> Loaded:
    """Load every named manifest over the workspace's publish.toml and check identifiers are unique,
    keeping every problem (publish.toml's once, not once for each manifest that inherits it)."""
    defaults = workspace_defaults(space.root)
    manifests, problems, stand_ins = [], list(defaults.problems), []
    for slug in slugs:
        try:
            manifests.append(load_manifest(space.source / slug, defaults))
        except ManifestError as exc:
            problems.extend(exc.messages)
            if isinstance(exc.stand_in, Manifest):
                stand_ins.append(exc.stand_in)
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
    return Loaded(manifests, problems, stand_ins)


def load_manifests(space: Workspace, slugs: list[str]) -> list[Manifest]:
    """Load every named manifest and check identifiers are unique; raise one InputError listing every problem."""
    loaded = gather_manifests(space, slugs)
    if loaded.problems:
        raise InputError(*loaded.problems)
    return loaded.manifests


FORMATS = ("pdf", "epub")


def check(
    space: Workspace, slugs: list[str], fonts: Callable[[], FontSet], templates: Callable[[], Templates]
) -> list[Publication]:
    """Load, read and check every selected publication; raise one InputError listing every problem
    (of every publication: a bad manifest in one hides nothing of the others)."""
    return check_loaded(gather_manifests(space, space.select(slugs)), fonts, templates, FORMATS)


def check_loaded(
    loaded: Loaded, fonts: Callable[[], FontSet], templates: Callable[[], Templates], formats: Iterable[str]
) -> list[Publication]:
    """Check the text of the publications loaded with the fonts and templates (loaded here, so that
    their problems are reported with those of the text); raise one InputError listing every problem."""
    if not loaded.problems:
        try:
            font_set, template_set = fonts(), templates()
        except InputError:
            font_set = None  # reported below, with every problem of the text
        if font_set is not None:
            return check_publications(loaded.manifests, font_set, template_set, formats)
    raise_every_problem(loaded, fonts, templates, formats)


def check_publications(
    manifests: list[Manifest], fonts: FontSet, templates: Templates, formats: Iterable[str] = FORMATS
) -> list[Publication]:
    """Read and typeset each publication's text and check that the fonts draw it and everything the
    layouts of `formats` generate; raise one InputError listing every problem."""
    publications, problems = [], []
    for manifest in manifests:
        document, found = _checked(manifest, fonts, templates, formats)
        problems.extend(found)
        if document is not None and not found:
            publications.append(Publication(manifest, document))
    if problems:
        raise InputError(*problems)
    return publications


def raise_every_problem(
    loaded: Loaded, fonts: Callable[[], FontSet], templates: Callable[[], Templates], formats: Iterable[str]
) -> NoReturn:
    """Some manifest had problems, so nothing is built: raise them with every problem of the text
    of each publication whose text can be read, and of the fonts and templates (loaded here)."""
    problems = list(loaded.problems)
    try:
        font_set, template_set = fonts(), templates()
    except InputError as exc:
        problems.extend(exc.messages)
        font_set, template_set = None, None  # the text is still read and checked, without the fonts
    for manifest in loaded.manifests:
        problems.extend(_checked(manifest, font_set, template_set, formats)[1])
    for manifest in loaded.stand_ins:  # its manifest's values are in doubt: only the text is checked
        problems.extend(_checked(manifest, font_set, None, formats)[1])
    raise InputError(*problems)


def _checked(
    manifest: Manifest, fonts: FontSet | None, templates: Templates | None, formats: Iterable[str]
) -> tuple[Document | None, list[str]]:
    """A publication's typeset text and its problems: of the text, and of the fonts' coverage of it
    (when `fonts`) and of what the layouts generate (when `templates` too)."""
    from ..typeset.document import typeset_document
    from ..typeset.generated import generated_text

    found: list[str] = []
    try:
        document = typeset_document(manifest, found)
        if fonts is not None:
            generated = generated_text(manifest, document, templates, formats, fonts) if templates else {}
            fonts.check_coverage(manifest, document, generated)
    except InputError as exc:
        return None, [*found, *exc.messages]
    return document, found


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
