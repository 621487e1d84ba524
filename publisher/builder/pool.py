"""Rendering artifacts: in this process, or in a pool of worker processes for a batch.

A worker imports WeasyPrint and loads the fonts and templates once, then renders whatever it is
sent. Each task is one artifact (the PDF and the EPUB of a publication may render at the same
time); results are handed back in the order the tasks were given, so what a build writes does
not depend on the number of workers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BuildError, PublishError
from ..workspace import Workspace

if TYPE_CHECKING:
    from ..source.manifest import Manifest
    from ..source.reader import Document


@dataclass(frozen=True)
class Task:
    """One artifact to render: a checked publication, a format, and the timestamp to write."""

    manifest: Manifest
    document: Document
    format: str
    moment: dt.datetime

    @property
    def name(self) -> str:
        return f"{self.manifest.slug}.{self.format}"


@dataclass(frozen=True)
class Rendered:
    """An artifact's bytes, how long the render took, and what the renderer warned about."""

    data: bytes
    seconds: float
    warnings: tuple[str, ...]


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

    def render(self, task: Task) -> Rendered:
        """Render one artifact; a renderer's own failure becomes a BuildError naming it."""
        from ..typeset.job import Job
        from .audit import audit_artifact

        job = Job(task.manifest, task.document, self.fonts, self.templates, task.moment, self.sandbox)
        started = time.perf_counter()
        with renderer_warnings() as warnings:
            data = _render(task.format, job, self.keep)
        audit_artifact(task.name, data, task.manifest, self.fonts)  # a broken file never reaches dist/
        shown = tuple(f"source/{task.manifest.slug}: {task.format.upper()}: {w}" for w in warnings)
        return Rendered(data, time.perf_counter() - started, shown)


def render_all(
    space: Workspace,
    tasks: list[Task],
    jobs: int,
    done: Callable[[Task, Rendered], None],
    keep: Path | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> list[Rendered]:
    """Render `tasks` with up to `jobs` processes; `done` is told of each as it finishes, and
    `meanwhile` is run here while the workers render (after them when there are none).

    One worker, or one task, renders here, in this process. Returns the results in task order.
    """
    if not tasks:
        return []
    if min(jobs, len(tasks)) <= 1:
        renderer = Renderer(space, keep)
        results = []
        for task in tasks:
            results.append(renderer.render(task))
            done(task, results[-1])
        if meanwhile:
            meanwhile()
        return results
    return _render_in_pool(space, tasks, min(jobs, len(tasks)), done, keep, meanwhile)


def _render_in_pool(
    space: Workspace,
    tasks: list[Task],
    workers: int,
    done: Callable[[Task, Rendered], None],
    keep: Path | None,
    meanwhile: Callable[[], None] | None,
) -> list[Rendered]:
    import multiprocessing
    from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait

    # fork: a worker starts as a copy of this process, which has imported nothing heavy yet; all
    # workers are started before the pool's own thread (no lock can be copied while held).
    context = multiprocessing.get_context("fork")
    start = (space, keep, os.getpid())
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=start)
    try:
        futures = [pool.submit(_render_in_worker, task) for task in tasks]
        if meanwhile:
            meanwhile()
        index = {future: i for i, future in enumerate(futures)}
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for future in sorted(finished, key=index.__getitem__):
                done(tasks[index[future]], future.result())  # a failed task raises here
        return [future.result() for future in futures]
    except BaseException:
        _stop(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _stop(pool: Any) -> None:
    """Stop the workers now: a failed or interrupted build must not wait for renders it will discard."""
    pool.shutdown(wait=False, cancel_futures=True)
    for process in list((getattr(pool, "_processes", None) or {}).values()):  # the executor has no public kill
        with contextlib.suppress(Exception):
            process.terminate()


_worker: Renderer | PublishError | None = None


def _start_worker(space: Workspace, keep: Path | None, parent: int) -> None:
    """In each worker, once: import WeasyPrint, load fonts and templates.

    A failure is kept and raised by each task, so that it reaches the user as the one line it
    is, not as a pool that broke.
    """
    global _worker  # one Renderer per worker process, made by the pool's initializer
    from ..pdf.render import import_weasyprint

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    _die_with_parent(parent)
    try:
        import_weasyprint()
        _worker = Renderer(space, keep)
    except PublishError as exc:
        _worker = exc
    except Exception as exc:
        _worker = BuildError(f"a render worker could not start: {type(exc).__name__}: {exc}")


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the build that started it dies, even by SIGKILL:
    an orphaned worker would go on rendering, and hold the build's output pipes open."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG; not there on other systems
    if os.getppid() != parent:  # the build died before the request took effect
        os._exit(1)


def _render_in_worker(task: Task) -> Rendered:
    if isinstance(_worker, PublishError):
        raise _worker
    if _worker is None:  # pragma: no cover - the initializer always runs first
        raise BuildError("render worker used before it was started")
    return _worker.render(task)


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


def _render(fmt: str, job: Any, keep: Path | None) -> bytes:
    try:
        if fmt == "pdf":
            from ..pdf.render import render_pdf

            return render_pdf(job)
        from ..epub.package import Cover, render_epub
        from ..pdf.cover import render_cover

        cover = Cover(*render_cover(job))
        if keep and cover.media_type != "image/svg+xml":  # the page's thumbnail, made here, in parallel
            from ..web.site import thumbnail

            thumbnail(cover.data, keep)
        return render_epub(job, cover)
    except PublishError:
        raise
    except Exception as exc:  # a renderer's own failure on input we accepted: a failed build
        raise BuildError(
            f"source/{job.manifest.slug}: {fmt.upper()} rendering failed: {type(exc).__name__}: {exc}"
        ) from exc
