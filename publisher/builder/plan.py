"""Orchestration: which publications, what is out of date, check it all, render it, write dist/.

A build loads the manifests it was asked for (publications.py), works out each artifact's cache
key (cache.py), and renders only those whose key or file changed — but checks every one of them
before it renders any. Renders run in worker processes (pool.py); their files land in dist/
together (dist.py), with the download page and SHA256SUMS (web/site.py) remade when what they
list changed.
Nothing heavy is imported until something has to be rendered: a build with nothing to do is fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, quoted
from ..source.defaults import DEFAULTS_NAME
from ..source.manifest import Manifest, load_manifest
from ..version import tool_digest
from ..workspace import Workspace, file_digest, inside
from .cache import TEMPLATE_FOLDERS, Cache, combine, tree_digest
from .dist import (
    ARTIFACT_SUFFIXES,
    ASSETS,
    CHECKSUMS,
    INDEX,
    Release,
    artifact_name,
    disagreements,
    orphans,
    read_checksums,
    referenced_assets,
)
from .publications import Loaded, check_loaded, gather_manifests, publication_moment, raise_every_problem

if TYPE_CHECKING:
    from ..source.fonts import FontSet
    from ..source.reader import Document
    from ..typeset.templates import Templates
    from .pool import Rendered, Renderer, Task

FORMATS = ("pdf", "epub", "web")

# progress(name, done, total): told once before rendering starts (name None, done 0), then after each artifact.
Progress = Callable[[str | None, int, int], None]


@dataclass(frozen=True)
class Artifact:
    """A file of dist/ that the build wrote, or found up to date (`rendered` False)."""

    slug: str
    format: str
    path: Path
    size: int
    sha256: str
    seconds: float
    warnings: tuple[str, ...] = ()
    rendered: bool = True
    notes: tuple[str, ...] = ()  # how it was rendered (--verbose)


class BuildReport(list[Artifact]):
    """The artifacts of a build (it is their list), and what else the build did to dist/: the files of
    publications that are gone it removed, and how it found SHA256SUMS disagreeing with dist/ (repaired)."""

    def __init__(self, artifacts: Iterable[Artifact], removed: Iterable[str] = (), repaired: Iterable[str] = ()):
        super().__init__(artifacts)
        self.removed = list(removed)
        self.repaired = list(repaired)


@dataclass(frozen=True)
class Shard:
    """Part K of N of a workspace's publications, chosen by a hash of each slug: stable across
    machines and runs, and the N parts together hold every publication exactly once."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        part, _, whole = text.partition("/")
        numbers = all(n.isascii() and n.isdigit() and len(n) < 10 for n in (part, whole))
        if not (numbers and 1 <= int(part) <= int(whole)):
            raise InputError(f"--shard must be K/N with 1 <= K <= N, such as 1/4; got {quoted(text)}")
        return cls(int(part), int(whole))

    def holds(self, slug: str) -> bool:
        return int(hashlib.sha256(slug.encode()).hexdigest()[:16], 16) % self.count == self.index - 1


@dataclass
class _Planned:
    manifest: Manifest
    format: str
    moment: dt.datetime
    key: str
    inputs: tuple[str, ...]
    result: Rendered | None = None

    @property
    def name(self) -> str:
        return artifact_name(self.manifest.slug, self.format)


@dataclass
class _Shared:
    """What the parts of one build share, each computed at most once: digests for the cache keys,
    the fonts and templates (loaded only if something is rendered), the manifests the page lists."""

    space: Workspace
    memo: dict[str, str] = field(default_factory=dict)
    loaded: dict[str, Any] = field(default_factory=dict)

    def fonts(self) -> FontSet:
        if "fonts" not in self.loaded:
            from ..source.fonts import load_fonts

            self.loaded["fonts"] = load_fonts(self.space.search_path("fonts"))
        return self.loaded["fonts"]

    def templates(self) -> Templates:
        if "templates" not in self.loaded:
            from ..typeset.templates import Templates

            self.loaded["templates"] = Templates(self.space.search_path("templates"))
        return self.loaded["templates"]

    def listed(self, built: list[Manifest]) -> list[Manifest]:
        if "listed" not in self.loaded:
            self.loaded["listed"] = _listed(self.space, built)
        return self.loaded["listed"]

    def of(self, what: str) -> str:
        if what not in self.memo:
            if what == "fonts":
                self.memo[what] = tree_digest(self.space.search_path("fonts"))
            else:
                self.memo[what] = tree_digest(self.space.search_path("templates"), TEMPLATE_FOLDERS[what])
        return self.memo[what]

    def key(
        self, manifest: Manifest, fmt: str, moment: dt.datetime, inputs: Iterable[str], document: Document | None = None
    ) -> str:
        """The cache key of a publication's `fmt` artifact made at `moment`, which reads the files the
        manifest names and `inputs` (workspace-relative).

        The manifest and the texts of `document` are hashed as they were read, not as they are now:
        an edit saved while the build runs is then seen by the next build. Other files (images, the
        cover) are hashed here, before the renderer reads them, which errs the same safe way."""
        read = {_relative(self.space, manifest.path): manifest.sha256} if manifest.sha256 else {}
        if document is not None:
            read |= {_relative(self.space, c.source): c.sha256 for c in document.chapters if c.sha256}
        files = sorted({*_own_files(self.space, manifest), *inputs})
        contents = [f"{name}={read.get(name) or self.file(name)}" for name in files]
        contents.append(f"{DEFAULTS_NAME}={manifest.defaults_sha256}")  # as read, with the manifest
        templates = [self.of(fmt)] + ([self.of("cover")] if fmt == "epub" and not manifest.cover_path else [])
        return combine(tool_digest(), fmt, moment.isoformat(), *templates, self.of("fonts"), *contents)

    def file(self, name: str) -> str:
        path = self.space.root / name
        if not (inside(path, self.space.root) and path.is_file()):
            return "missing"  # a link out of the workspace, a device or a pipe is never read
        try:
            return file_digest(path)
        except OSError:
            return "missing"


def build(
    workspace: Path | str = ".",
    slugs: Iterable[str] = (),
    formats: Iterable[str] = FORMATS,
    dist: Path | None = None,
    progress: Progress | None = None,
    jobs: int | None = None,
    shard: Shard | None = None,
    cache: bool = True,
    warm: Renderer | None = None,
) -> BuildReport:
    """Build the named publications (all when none) of a workspace into its dist/ folder.

    Only artifacts whose inputs changed are rendered (`cache=False` renders all), by up to `jobs`
    processes (default: one per core). Every input to render is checked first: one bad article
    stops the build with all its problems listed, and dist/ stays as it was; otherwise the
    artifacts appear in dist/ together at the end. `dist` writes elsewhere instead. With `shard`,
    only that part of the publications is built and the download page is left to `write_site`.

    A build that writes the download page first compares SHA256SUMS with dist/ (a killed build may
    have left them disagreeing) and leaves them agreeing; a build of every publication (no `slugs`,
    no `shard`) also removes the artifacts publish made for publications no longer in source/.

    `warm` is a renderer this process keeps loaded for this workspace (publish serve): its fonts and
    templates serve the checks, and the render workers are forked with it. Its owner makes a new one
    when fonts/ or templates/ change.
    """
    formats, slugs = list(formats), list(slugs)
    space = Workspace(Path(workspace).resolve(), dist)
    every = space.select(())
    selected = [s for s in space.select(slugs) if shard is None or shard.holds(s)]
    shared = _Shared(space)
    if warm is not None:
        shared.loaded.update(fonts=warm.fonts, templates=warm.templates)
    loaded = gather_manifests(space, selected)
    if loaded.problems:  # nothing is built; every problem of every publication is reported
        raise_every_problem(loaded, shared.fonts, shared.templates, formats)
    manifests = loaded.manifests
    store = Cache(space.root) if cache else None
    plan = []
    for manifest in manifests:
        moment = publication_moment(manifest)
        for fmt in formats:
            if fmt == "web" and not manifest.formats.web:
                continue
            entry = store.get(artifact_name(manifest.slug, fmt)) if store else None
            inputs = entry.inputs if entry else ()
            key = shared.key(manifest, fmt, moment, inputs)
            plan.append(_Planned(manifest, fmt, moment, key, inputs))
    todo = [p for p in plan if not (store and store.fresh(p.name, p.key, space.dist / p.name) and _whole(space, p))]
    keep = store.root if store else None
    with contextlib.ExitStack() as stack:
        if todo:  # the workers start before the checks: they import WeasyPrint meanwhile
            from .pool import render_all, workers

            pool = stack.enter_context(workers(space, min(jobs or available_cores(), len(todo)), keep, warm))
        tasks = _tasks(space, todo, shared, store, jobs or available_cores())

        finished = 0
        own_dist = dist is None and shard is None  # a shard's dist/ disagrees with SHA256SUMS until publish site
        repaired = disagreements(space.dist, every, partial(_digest, store)) if own_dist else []
        whole = own_dist and not slugs
        gone = orphans(space.dist, every, lambda name: bool(store and store.get(name))) if whole else []
        with Release(space.dist) as release:
            for name in gone:
                release.remove(name)

            def done(task: Task, rendered: Rendered) -> None:
                nonlocal finished
                release.add(task.name, rendered.data)
                for name, data in rendered.assets:
                    if _read(space.dist / ASSETS / name) != data:  # named by their content: there already, same bytes
                        release.add(f"{ASSETS}/{name}", data)
                finished += 1
                if progress:
                    progress(task.name, finished, len(tasks))

            results: list[Rendered] = []
            if tasks:
                if progress:
                    progress(None, 0, len(tasks))
                ahead = partial(_prepare_site, shared, keep, plan, manifests) if keep and shard is None else None
                results = render_all(pool, tasks, done, ahead)
            stack.close()  # the workers are done
            for planned, rendered in zip(todo, results, strict=True):
                planned.result = rendered
            digested = {p.name: hashlib.sha256(p.result.data).hexdigest() for p in todo if p.result}
            site = _stage_site(space, release, store, shared, digested, manifests) if shard is None else None
    if store:
        for planned in todo:
            path, result = space.dist / planned.name, planned.result
            pages = result.pages if result and planned.format == "pdf" else None  # for an EPUB built alone
            warnings = result.warnings if result else ()
            store.record(planned.name, planned.key, path, digested[planned.name], planned.inputs, warnings, pages)
        if site:
            store.record(INDEX, *site)
        if not slugs and shard is None and set(formats) == set(FORMATS) and dist is None:  # a whole build
            store.prune({p.name for p in plan} | {INDEX})
    repaired = [problem for problem in repaired if not problem.startswith(tuple(f"dist/{n}:" for n in gone))]
    artifacts = [_artifact(space, store, p, digested) for p in plan]
    return BuildReport(artifacts, [f"dist/{name}" for name in gone], repaired)


def write_site(workspace: Path | str = ".") -> list[str]:
    """Remake dist/index.html and SHA256SUMS from the artifacts in dist/ (after merging shards, or to
    repair a dist/ a killed build left disagreeing with SHA256SUMS); return the names of the files written."""
    space = Workspace(Path(workspace).resolve())
    space.select(())  # no publication, no page: refused before anything is written
    store = Cache(space.root)
    with Release(space.dist) as release:
        site = _stage_site(space, release, store, _Shared(space), {}, [])
        written = [final.name for _, final in release.staged]
    if site:
        store.record(INDEX, *site)
    return written


def _digest(store: Cache | None, name: str, path: Path) -> str:
    """A dist/ file's SHA-256: the cache's record while the file is as it last saw it."""
    return store.digest(name, path) if store else file_digest(path)


def available_cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _tasks(space: Workspace, todo: list[_Planned], shared: _Shared, store: Cache | None, jobs: int = 1) -> list[Task]:
    """Check what is to be rendered, and key it by what it really reads (its images now known). An EPUB
    whose PDF is not rendered takes the page map the cache holds of that PDF, if the PDF is as it was. A PDF
    may lay its chapters out with the processes the jobs leave it: the PDFs take the longest (an EPUB waits
    for its PDF's page map), so they share the jobs among them."""
    if not todo:
        return []
    from .pool import Task

    manifests = list({p.manifest.slug: p.manifest for p in todo}.values())
    formats = {planned.format for planned in todo}
    checked = check_loaded(Loaded(manifests, [], []), shared.fonts, shared.templates, formats)
    documents = {p.manifest.slug: p.document for p in checked}
    printed = {p.manifest.slug for p in todo if p.format == "pdf"}
    tasks = []
    processes = max(1, jobs // max(1, sum(p.format == "pdf" for p in todo)))
    for planned in todo:
        document = documents[planned.manifest.slug]
        planned.inputs = tuple(sorted({_relative(space, image.path) for image in document.images}))
        planned.key = shared.key(planned.manifest, planned.format, planned.moment, planned.inputs, document)
        pages = None
        if planned.format == "epub" and planned.manifest.slug not in printed and store is not None:
            pdf_key = shared.key(planned.manifest, "pdf", planned.moment, planned.inputs, document)
            pages = store.page_map(artifact_name(planned.manifest.slug, "pdf"), pdf_key)
        share = processes if planned.format == "pdf" else 1
        tasks.append(Task(planned.manifest, document, planned.format, planned.moment, pages, share))
    return tasks


def _own_files(space: Workspace, manifest: Manifest) -> list[str]:
    """The files a manifest names: itself, its texts, its cover."""
    files = [manifest.path, *manifest.text_files, *([manifest.cover_path] if manifest.cover_path else [])]
    return [_relative(space, path) for path in files]


def _relative(space: Workspace, path: Path) -> str:
    return path.resolve().relative_to(space.root).as_posix()


def _artifact(space: Workspace, store: Cache | None, planned: _Planned, digested: dict[str, str]) -> Artifact:
    path = space.dist / planned.name
    slug, fmt = planned.manifest.slug, planned.format
    if planned.result is not None:
        r = planned.result
        return Artifact(slug, fmt, path, len(r.data), digested[planned.name], r.seconds, r.warnings, notes=r.notes)
    entry = store.get(planned.name) if store else None
    assert entry is not None  # only artifacts the cache vouched for are not rendered
    return Artifact(slug, fmt, path, entry.size, entry.sha256, 0.0, entry.warnings, rendered=False)


def _stage_site(
    space: Workspace,
    release: Release,
    store: Cache | None,
    shared: _Shared,
    digested: dict[str, str],
    loaded: list[Manifest],
) -> tuple[str, Path, str] | None:
    """Stage index.html and SHA256SUMS for every PDF and EPUB dist/ will hold, when they changed;
    return what the cache should record of the page (key, path, SHA-256) once it is published."""
    from ..web.site import Download, checksums, render_index

    def sha256(name: str, path: Path) -> str:
        return digested.get(name) or (store.digest(name, path) if store else file_digest(path))

    # Listed: the artifacts of the publications of source/, and those listed before that a build of
    # some publications does not remove; never a file someone else put in dist/. A web edition its
    # manifest has switched off goes, and so do the assets no page refers to any more.
    slugs, before = set(space.slugs()), read_checksums(space.dist) or {}
    listed = shared.listed(loaded)
    switched_off = {artifact_name(m.slug, "web") for m in listed if not m.formats.web}
    files = {}
    for name, path in release.files(ARTIFACT_SUFFIXES).items():
        if name in switched_off and path.parent == space.dist and name in before:
            release.remove(name)
        elif Path(name).stem in slugs or name in before:
            files[name] = path
    wanted = {
        a for name, path in files.items() if name.endswith(".html") for a in referenced_assets(_read(path) or b"")
    }
    for name, path in release.assets().items():
        if name in wanted:
            files[name] = path
        elif path.parent.parent == space.dist:
            release.remove(name)
    downloads = {name: Download(name, path, sha256(name, path), path.stat().st_size) for name, path in files.items()}
    sums = checksums({name: d.sha256 for name, d in downloads.items()})
    if _read(space.dist / CHECKSUMS) != sums:
        release.add(CHECKSUMS, sums)
    listed = shared.listed(loaded)
    key = combine(
        tool_digest(),
        "site",
        shared.of("site"),
        shared.of("fonts"),
        *(f"{m.slug}={m.sha256 or file_digest(m.path)},{m.defaults_sha256}" for m in listed),
        sums.decode(),
    )
    if store and store.fresh(INDEX, key, space.dist / INDEX):
        return None
    page = render_index(listed, downloads, shared.fonts(), shared.templates(), store.root if store else None)
    return key, release.add(INDEX, page), hashlib.sha256(page).hexdigest()


def _prepare_site(shared: _Shared, keep: Path, plan: list[_Planned], loaded: list[Manifest]) -> None:
    """While the workers render: make the download page's fonts, which take the longest of it."""
    from ..web.site import prepare_fonts

    dist = shared.space.dist
    names = {p.name for p in plan} | {
        p.name for p in dist.glob("*") if p.suffix in ARTIFACT_SUFFIXES and p.name != INDEX
    }
    prepare_fonts(shared.listed(loaded), sorted(names), shared.fonts(), shared.templates(), keep)


def _whole(space: Workspace, planned: _Planned) -> bool:
    """Whether the files a web edition in dist/ refers to are there (its other artifacts refer to none)."""
    if planned.format != "web":
        return True
    page = _read(space.dist / planned.name) or b""
    return all((space.dist / name).is_file() for name in referenced_assets(page))


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _listed(space: Workspace, loaded: list[Manifest]) -> list[Manifest]:
    """The publications the download page lists: every one of source/ whose manifest is valid
    (those just loaded are not loaded again)."""
    known = {m.slug: m for m in loaded}
    manifests = []
    for slug in space.slugs():
        if slug in known:
            manifests.append(known[slug])
            continue
        try:
            manifests.append(load_manifest(space.source / slug))
        except InputError:
            continue  # a build of other publications must not fail on this one; build it to see why
    return manifests
