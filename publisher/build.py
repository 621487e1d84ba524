"""Orchestration: which publications, check all inputs first, then render and write dist/."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import subprocess
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .dist import Release
from .errors import BuildError, InputError, PublishError
from .fonts import FontSet, load_fonts
from .job import Job
from .manifest import Manifest, load_manifest
from .reader import Document, read_document
from .sandbox import Sandbox
from .site import CHECKSUMS, checksums, render_index
from .templates import Templates
from .workspace import Workspace, display_path, packaged_dir

FORMATS = ("pdf", "epub")


@dataclass(frozen=True)
class Artifact:
    """A file the build wrote into dist/."""

    slug: str
    format: str
    path: Path
    size: int
    sha256: str
    seconds: float
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Publication:
    """A checked publication, ready to render."""

    manifest: Manifest
    document: Document


def build(
    workspace: Path | str = ".",
    slugs: Iterable[str] = (),
    formats: Iterable[str] = FORMATS,
    dist: Path | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> list[Artifact]:
    """Build the named publications (all when none) of a workspace into its dist/ folder.

    Every input is checked before anything is rendered: one bad article stops the build
    with all its problems listed. The artifacts appear in dist/ together at the end, or, when
    anything fails, not at all: dist/ then stays as it was. `dist` writes elsewhere instead;
    `progress(name, total)` is told each artifact before it is rendered.
    """
    formats = list(formats)
    space = Workspace(Path(workspace).resolve(), dist)
    fonts = load_fonts(space.search_path("fonts"))
    templates = Templates(space.search_path("templates"))
    publications = check(space, list(slugs), fonts)
    sandbox = Sandbox.of(space.root, (packaged_dir("templates"), packaged_dir("fonts")))
    artifacts = []
    with Release(space.dist) as release:
        for publication in publications:
            moment = publication_moment(publication.manifest)
            job = Job(publication.manifest, publication.document, fonts, templates, moment, sandbox)
            for fmt in formats:
                if progress:
                    progress(f"{publication.manifest.slug}.{fmt}", len(publications) * len(formats))
                started = time.perf_counter()
                with renderer_warnings() as warnings:
                    data = _render(fmt, job)
                seconds = time.perf_counter() - started
                shown = tuple(f"source/{publication.manifest.slug}: {fmt.upper()}: {w}" for w in warnings)
                path = release.add(f"{publication.manifest.slug}.{fmt}", data)
                digest = hashlib.sha256(data).hexdigest()
                artifacts.append(Artifact(publication.manifest.slug, fmt, path, len(data), digest, seconds, shown))
        files = release.artifacts((".pdf", ".epub"))
        release.add("index.html", render_index(_listed(space, publications), files, fonts, templates))
        release.add(CHECKSUMS, checksums(files))
    return artifacts


@contextlib.contextmanager
def renderer_warnings() -> Iterator[list[str]]:
    """Collect what WeasyPrint logs as warnings (CSS it ignores, images it cannot read), once each."""
    collected: list[str] = []

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            message = record.getMessage().splitlines()[0]
            if message not in collected:
                collected.append(message)

    logger = logging.getLogger("weasyprint")
    handler = Collector(logging.WARNING)
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False  # shown once, by the CLI, not by logging
    try:
        yield collected
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _listed(space: Workspace, built: list[Publication]) -> list[Manifest]:
    """The publications the download page lists: every one of source/ whose manifest is valid
    (those just built are already loaded)."""
    loaded = {p.manifest.slug: p.manifest for p in built}
    manifests = []
    for slug in space.slugs():
        if slug in loaded:
            manifests.append(loaded[slug])
            continue
        try:
            manifests.append(load_manifest(space.source / slug))
        except InputError:
            continue  # a build of other publications must not fail on this one; build it to see why
    return manifests


def stale_artifacts(workspace: Path | str = ".") -> list[str]:
    """Build everything into a temporary folder and name each file of dist/ that differs from it."""
    import tempfile

    space = Workspace(Path(workspace).resolve())
    with tempfile.TemporaryDirectory(prefix="publish-verify-") as fresh:
        build(space.root, dist=Path(fresh))
        now = {p.name: p.read_bytes() for p in Path(fresh).iterdir()}
    there = {p.name: p.read_bytes() for p in space.dist.iterdir() if p.is_file()} if space.dist.is_dir() else {}
    problems = []
    for name in sorted(now.keys() | there.keys()):
        if name not in there:
            problems.append(f"dist/{name}: missing; run publish build and commit dist/")
        elif name not in now:
            problems.append(f"dist/{name}: no publication in source/ makes it any more; delete it")
        elif now[name] != there[name]:
            problems.append(f"dist/{name}: differs from what source/ builds now; run publish build and commit dist/")
    return problems


def check_workspace(workspace: Path | str = ".", slugs: Iterable[str] = ()) -> list[str]:
    """Check the named publications (all when none) without writing anything, and the artifacts
    already in dist/ for them; return what was checked, raise InputError listing every problem."""
    from .verify import check_epub, check_pdf

    space = Workspace(Path(workspace).resolve())
    fonts = load_fonts(space.search_path("fonts"))
    publications = check(space, list(slugs), fonts)
    checked, problems = [], []
    for publication in publications:
        slug = publication.manifest.slug
        checked.append(f"source/{slug}: manifest, text and font coverage")
        epub, pdf = space.dist / f"{slug}.epub", space.dist / f"{slug}.pdf"
        if epub.is_file():
            problems += check_epub(epub)
            checked.append(f"dist/{epub.name}: EPUBCheck")
        if pdf.is_file():
            problems += check_pdf(pdf, publication.manifest, fonts)
            checked.append(f"dist/{pdf.name}: opens, title, fonts")
    if problems:
        raise InputError(*problems)
    return checked


def check(space: Workspace, slugs: list[str], fonts: FontSet) -> list[Publication]:
    """Load, read and check every selected publication; raise one InputError listing every problem."""
    publications, problems = [], []
    for slug in space.select(slugs):
        try:
            manifest = load_manifest(space.source / slug)
            document = read_document(manifest)
            fonts.check_coverage(manifest, document)
        except InputError as exc:
            problems.extend(exc.messages)
            continue
        publications.append(Publication(manifest, document))
    seen: dict[str, str] = {}
    for publication in publications:
        m = publication.manifest
        if m.identifier in seen:
            problems.append(
                f"{display_path(m.path)}: 'identifier' \"{m.identifier}\" is also the identifier of "
                f"source/{seen[m.identifier]}; each publication needs its own"
            )
        seen.setdefault(m.identifier, m.slug)
    if problems:
        raise InputError(*problems)
    return publications


def publication_moment(manifest: Manifest) -> dt.datetime:
    """The timestamp written into the artifacts, stable for equal inputs.

    SOURCE_DATE_EPOCH when set, else the manifest's date, else the newest git commit that touched
    the publication, else the newest modification time of its files.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise InputError(f'SOURCE_DATE_EPOCH must be a whole number of seconds, got "{epoch}"')
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


def _render(fmt: str, job: Job) -> bytes:
    try:
        if fmt == "pdf":
            from .pdf import render_pdf

            return render_pdf(job)
        from .cover import render_cover
        from .epub import Cover, render_epub

        return render_epub(job, Cover(*render_cover(job)))
    except PublishError:
        raise
    except Exception as exc:  # a renderer's own failure on input we accepted: a failed build
        raise BuildError(
            f"source/{job.manifest.slug}: {fmt.upper()} rendering failed: {type(exc).__name__}: {exc}"
        ) from exc
