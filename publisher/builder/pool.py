"""Rendering artifacts in worker processes, each render within its publication's time limit.

A worker imports WeasyPrint and loads the fonts and templates once, then renders whatever it is
sent. Each task is one artifact; an EPUB whose PDF is rendered too starts when the PDF is done, with
where the PDF's pages begin (the EPUB's print-page map: the book is laid out once), and any other
task may render meanwhile. Results are handed back in the order the tasks were given, so what a
build writes does not depend on the number of workers. A render past its `[build] timeout` ends the build with one
line naming the artifact, and its worker is killed: no render hangs a build, whatever its input.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..children import die_with_parent, weasyprint_warnings
from ..errors import BuildError, PublishError, TimeLimitError
from ..workspace import Workspace, display_path
from .dist import artifact_name

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from ..source.manifest import Manifest
    from ..source.reader import Document
    from ..typeset.pagemap import PageStart


@dataclass(frozen=True)
class Task:
    """One artifact to render: a checked publication, a format, and the timestamp to write."""

    manifest: Manifest
    document: Document
    format: str
    moment: dt.datetime
    pages: tuple[PageStart, ...] | None = None  # an EPUB's print-page map, when its PDF's layout is known
    processes: int = 1  # how many processes a PDF may lay its chapters out with (pdf/parallel.py)
    cover: tuple[bytes, str] | None = None  # an EPUB's cover (bytes, media type), when made apart (_render_in)

    @property
    def name(self) -> str:
        return artifact_name(self.manifest.slug, self.format)


@dataclass(frozen=True)
class Rendered:
    """An artifact's bytes, how long the render took, what the renderer warned about, the files
    of dist/assets/ it refers to (a web edition's fonts and images), by name, and, of a PDF, where each
    of its pages begins (the EPUB's print-page map)."""

    data: bytes
    seconds: float
    warnings: tuple[str, ...]
    assets: tuple[tuple[str, bytes], ...] = ()
    pages: tuple[PageStart, ...] = ()
    notes: tuple[str, ...] = ()  # how it was rendered, for --verbose
    media_type: str = ""  # of a cover made apart


class Renderer:
    """What every render of a workspace shares: fonts, templates and the sandbox, loaded once."""

    def __init__(self, space: Workspace, keep: Path | None = None) -> None:
        from ..source.fonts import load_fonts
        from ..source.sandbox import Sandbox
        from ..typeset.templates import Templates
        from ..workspace import packaged_dir

        self.fonts = load_fonts(space.search_path("fonts"))
        self.templates = Templates(space.search_path("templates"))
        packaged = (packaged_dir("templates"), packaged_dir("fonts"), packaged_dir("colour"))
        self.sandbox = Sandbox.of(space.root, packaged)
        self.keep = keep  # where to leave the download page's cover thumbnails, if anywhere

    def render(self, task: Task, told: Callable[[tuple[PageStart, ...]], None] | None = None) -> Rendered:
        """Render one artifact; a renderer's own failure becomes a BuildError naming it. `told`: a PDF's page map,
        as soon as its layout gives it (the EPUB that waits for it starts then)."""
        from ..typeset.job import Job
        from .audit import audit_artifact

        job = Job(task.manifest, task.document, self.fonts, self.templates, task.moment, self.sandbox)
        started = time.perf_counter()
        if task.format == COVER:  # an EPUB's cover, made while its PDF renders (_render_in); audited with the EPUB
            with weasyprint_warnings() as warnings, _scratch():
                data, media_type = _cover(job, self.keep)
            shown = tuple(f"source/{task.manifest.slug}: EPUB: {w}" for w in warnings)
            return Rendered(data, time.perf_counter() - started, shown, media_type=media_type)
        notes: list[str] = []
        checked: set[str] = set()  # what the renderer read back itself
        with weasyprint_warnings() as warnings, _scratch():
            data, assets, pages = _render(task, job, self.keep, notes, checked, told)
        # a broken file never reaches dist/
        audit_artifact(task.name, data, task.manifest, self.fonts, dict(assets), frozenset(checked))
        shown = tuple(f"source/{task.manifest.slug}: {task.format.upper()}: {w}" for w in warnings)
        noted = tuple(f"source/{task.manifest.slug}: {task.format.upper()}: {n}" for n in notes)
        return Rendered(data, time.perf_counter() - started, shown, assets, pages, noted)


@contextlib.contextmanager
def workers(
    space: Workspace, count: int, keep: Path | None = None, warm: Renderer | None = None
) -> Iterator[list[_Worker]]:
    """`count` render worker processes, started now, killed on leaving: a build starts them as soon as it
    knows something is to be rendered, so that they import WeasyPrint and load the fonts while it is
    still checking the inputs (on a cold build of one article that is a third of the time).

    Every render runs in a worker, even with one job: a render that passes its publication's
    `[build] timeout` is stopped by killing its worker, which no thread of this process could do.
    With `warm`, a renderer this process loaded (and WeasyPrint imported here), the workers start
    with it as they are forked, instead of loading their own: what lets `publish serve` render at once.
    """
    started: list[_Worker] = []
    try:
        started += [_Worker.start(space, keep, warm) for _ in range(max(1, count))]
        yield started
    finally:
        for worker in started:
            worker.stop()


def render_all(
    workers: list[_Worker],
    tasks: list[Task],
    done: Callable[[Task, Rendered], None],
    meanwhile: Callable[[], None] | None = None,
) -> list[Rendered]:
    """Render `tasks` in `workers`; `done` is told of each as it finishes, and `meanwhile` is run here
    while the workers render. Returns the results in task order."""
    if not tasks:
        return []
    try:
        return _render_in(workers[: len(tasks)], tasks, done, meanwhile)
    except BaseException:
        for worker in workers:  # at once: one may still be rendering, past its time
            worker.stop()
        raise


@dataclass
class _Worker:
    """A worker process, the pipe to it, and what it is rendering (an index into the tasks) until when."""

    process: Any
    connection: Connection
    scratch: str  # the worker's temporary files, removed when it stops, however it ends
    task: int | None = None
    deadline: float | None = None  # set when the worker says it has started the task
    pages: tuple[PageStart, ...] | None = None  # a PDF's page map, sent before the PDF is drawn

    @classmethod
    def start(cls, space: Workspace, keep: Path | None, warm: Renderer | None = None) -> _Worker:
        import multiprocessing

        # fork: a worker starts as a copy of this process, which has imported nothing heavy yet, or
        # holds a warm renderer (publish serve), which the copy then shares without loading anything.
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe()
        scratch = tempfile.mkdtemp(prefix="publish-worker-")
        process = context.Process(target=_serve, args=(theirs, space, keep, os.getpid(), warm, scratch), daemon=True)
        process.start()
        theirs.close()
        return cls(process, ours, scratch)

    def give(self, index: int, tasks: list[Task]) -> None:
        self.task, self.deadline = index, None
        self.connection.send(tasks[index])

    def receive(self, tasks: list[Task]) -> tuple[int, Rendered | None]:
        """What the worker sent about its task: None when it has just started it (its time starts
        now), else the result. A failure is raised, and so is the worker's death."""
        index = self.task
        assert index is not None
        try:
            kind, payload = self.connection.recv()
        except (EOFError, OSError):
            self.process.join(1)
            task = tasks[index]
            raise BuildError(
                f"source/{task.manifest.slug}: {task.format.upper()}: the render worker stopped "
                f"(exit code {self.process.exitcode})"
            ) from None
        if kind == "started":
            self.deadline = time.monotonic() + tasks[index].manifest.build.timeout
            return index, None
        if kind == "pages":
            self.pages = payload
            return index, None
        if kind == "failed":
            raise payload
        self.task = None
        return index, payload

    def stop(self) -> None:
        """Kill the worker: one that was not waiting for a task is rendering something no longer wanted."""
        with contextlib.suppress(OSError):
            self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        shutil.rmtree(self.scratch, ignore_errors=True)


def _render_in(
    workers: list[_Worker],
    tasks: list[Task],
    done: Callable[[Task, Rendered], None],
    meanwhile: Callable[[], None] | None,
) -> list[Rendered]:
    """Hand the tasks out to the workers and collect what they send back. The first failure is raised,
    and so is the first render past its time (render_all then kills the workers).

    An EPUB whose PDF is rendered too waits for it, and is given where the PDF's pages begin: the book is
    laid out once. With more than one worker its cover (a page WeasyPrint lays out and PDFium rasterises,
    most of an EPUB's time) is made first, by another worker while the PDF renders, so that the EPUB adds
    little after it. A worker with nothing ready to do meanwhile waits as well, for the PDF is under way.
    """
    from multiprocessing.connection import wait

    given = len(tasks)
    tasks = list(tasks)
    needs: dict[int, list[int]] = {epub: [pdf] for epub, pdf in _needs(tasks).items()}
    for epub in list(needs) if len(workers) > 1 else ():
        needs[epub].append(len(tasks))
        tasks.append(replace(tasks[epub], format=COVER))
    waiting = [*range(given, len(tasks)), *range(given)]  # the covers first
    results: dict[int, Rendered] = {}
    laid: dict[int, tuple[PageStart, ...]] = {}  # the page maps of the PDFs laid out (sent before they are drawn)

    def hand_out() -> None:
        for worker in workers:
            ready = next((i for i in waiting if all(n in results or n in laid for n in needs.get(i, ()))), None)
            if worker.task is not None or ready is None:
                continue
            waiting.remove(ready)
            if ready in needs:
                pdf, *cover = needs[ready]
                made = results[cover[0]] if cover else None
                covered = (made.data, made.media_type) if made else None
                tasks[ready] = replace(tasks[ready], pages=laid[pdf], cover=covered)
            worker.give(ready, tasks)

    hand_out()
    if meanwhile:
        meanwhile()
    while len(results) < len(tasks):
        busy = [worker for worker in workers if worker.task is not None]
        deadlines = [worker.deadline for worker in busy if worker.deadline is not None]
        ready = wait([w.connection for w in busy], max(0.0, min(deadlines) - time.monotonic()) if deadlines else None)
        for worker in busy:
            if worker.connection in ready:
                index, rendered = worker.receive(tasks)
                if rendered is None:  # it has started (its time runs from now), or laid a PDF out
                    if worker.pages is not None:
                        laid[index], worker.pages = worker.pages, None
                        hand_out()
                    continue
                cover = needs.get(index, [])[1:]
                if cover:  # the cover's warnings are the EPUB's
                    rendered = replace(rendered, warnings=results[cover[0]].warnings + rendered.warnings)
                results[index] = rendered
                laid.setdefault(index, rendered.pages)
                if index < given:
                    done(tasks[index], rendered)
                hand_out()
            elif worker.deadline is not None and time.monotonic() >= worker.deadline:
                task = tasks[worker.task]  # type: ignore[index]
                raise TimeLimitError(
                    f"source/{task.manifest.slug}: {task.format.upper()}: rendering took longer than the "
                    f"{task.manifest.build.timeout} s limit ([build] timeout in {display_path(task.manifest.path)}); "
                    "it was stopped"
                )
    return [results[index] for index in range(given)]


def _cover(job: Any, keep: Path | None) -> tuple[bytes, str]:
    """An EPUB's cover (bytes, media type), and the download page's thumbnail of it, made here, in parallel."""
    from ..pdf.cover import render_cover

    data, media_type = render_cover(job)
    if keep and media_type != "image/svg+xml":
        from ..web.site import thumbnail

        thumbnail(data, keep)
    return data, media_type


COVER = "cover"  # the format of a task that makes an EPUB's cover alone


def _needs(tasks: list[Task]) -> dict[int, int]:
    """Each EPUB task without a page map whose publication's PDF is among the tasks → that PDF's task."""
    pdfs = {task.manifest.slug: index for index, task in enumerate(tasks) if task.format == "pdf"}
    return {
        index: pdfs[task.manifest.slug]
        for index, task in enumerate(tasks)
        if task.format == "epub" and task.pages is None and task.manifest.slug in pdfs
    }


def _serve(
    connection: Connection,
    space: Workspace,
    keep: Path | None,
    parent: int,
    warm: Renderer | None = None,
    scratch: str | None = None,
) -> None:
    """A worker's life: import WeasyPrint and load the fonts and templates once (unless it was forked
    with a `warm` renderer), then render each task it is sent, saying when it starts one, until the
    build closes the pipe.

    A failure to start is sent back for each task, so that it reaches the user as the one line it is.
    """
    from ..pdf.render import import_weasyprint

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    die_with_parent(parent)
    tempfile.tempdir = scratch  # what a killed render leaves there, its parent removes
    renderer: Renderer | PublishError
    try:
        import_weasyprint()
        renderer = warm or Renderer(space, keep)
    except PublishError as exc:
        renderer = exc
    except Exception as exc:
        renderer = BuildError(f"a render worker could not start: {type(exc).__name__}: {exc}")
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return  # the build is over
        connection.send(("started", None))
        try:
            if isinstance(renderer, PublishError):
                raise renderer
            told = (lambda pages: connection.send(("pages", pages))) if task.format == "pdf" else None
            reply: tuple[str, Any] = ("done", renderer.render(task, told))
        except Exception as exc:
            reply = ("failed", exc)
        try:
            connection.send(reply)
        except Exception as exc:  # an exception that does not pickle
            connection.send(("failed", BuildError(f"source/{task.manifest.slug}: {type(exc).__name__}: {exc}")))


@contextlib.contextmanager
def _scratch() -> Iterator[None]:
    """A folder of its own for the temporary files of one render, removed after it. WeasyPrint copies a book's
    @font-face files into a folder for each layout and removes it only when its font configuration is
    collected, which a worker that lives on (or exits without collecting) never does: 2.7 MB a render."""
    folder = tempfile.mkdtemp(prefix="publish-render-")
    before, tempfile.tempdir = tempfile.tempdir, folder  # forked part renderers inherit it
    try:
        yield
    finally:
        tempfile.tempdir = before
        shutil.rmtree(folder, ignore_errors=True)


def _render(
    task: Task,
    job: Any,
    keep: Path | None,
    notes: list[str] | None = None,
    checked: set[str] | None = None,
    told: Callable[[tuple[PageStart, ...]], None] | None = None,
) -> tuple[bytes, tuple[tuple[str, bytes], ...], Any]:
    """An artifact's bytes, its assets, and (a PDF's) where its pages begin; `notes` is told how it was
    rendered, `checked` what the renderer read back itself."""
    fmt = task.format
    try:
        if fmt == "pdf":
            from ..pdf.render import render_pdf

            data, pages = render_pdf(job, task.processes, notes, checked, told)
            return data, (), pages
        if fmt == "web":
            from ..web.edition import render_web

            edition = render_web(job, keep)
            return edition.html, edition.assets, ()
        from ..epub.package import Cover, render_epub
        from ..pdf.render import lay_out_pages

        # Without its PDF's page map (from this build or the cache), the EPUB lays the PDF out itself: the
        # same pages, the same bytes, whatever else is built.
        starts = task.pages if task.pages is not None else lay_out_pages(job)
        cover = Cover(*(task.cover or _cover(job, keep)))
        return render_epub(job, cover, starts), (), ()
    except PublishError:
        raise
    except Exception as exc:  # a renderer's own failure on input we accepted: a failed build
        raise BuildError(
            f"source/{job.manifest.slug}: {fmt.upper()} rendering failed: {type(exc).__name__}: {exc}"
        ) from exc
