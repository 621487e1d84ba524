"""Shared fixtures: one workspace holding the seed and the book fixture, built once per test run."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from readers import CHECKED, assert_epubs_valid

from publisher import build

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = "beni-mellal-social-pole"
PUBLICATIONS = sorted(p for p in (REPO / "source").iterdir() if p.is_dir())

CORES = sorted(os.sched_getaffinity(0))

# node and npm come with the `test` extras into the virtual environment, beside this Python: the tests
# find them there even when it was not activated (`.venv/bin/python -m pytest`).
os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


def pytest_configure(config: pytest.Config) -> None:
    """Each xdist worker on a core of its own when there are as many workers as cores: a build's
    --jobs defaults to the cores its process may use, so its builds then start one renderer, not one
    per core that both workers would start on the same cores (each renderer's start costs a second of
    CPU). Tests about parallel rendering pass --jobs."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")  # gw0, gw1, ...
    if worker and len(CORES) > 1 and int(os.environ["PYTEST_XDIST_WORKER_COUNT"]) >= len(CORES):
        os.sched_setaffinity(0, {CORES[int(worker.removeprefix("gw")) % len(CORES)]})


@contextlib.contextmanager
def every_core() -> Iterator[None]:
    """This process, and what it starts meanwhile, on every core again (see pytest_configure)."""
    mine = os.sched_getaffinity(0)
    os.sched_setaffinity(0, CORES)
    try:
        yield
    finally:
        os.sched_setaffinity(0, mine)


@dataclass(frozen=True)
class Built:
    """A workspace after `publish build`."""

    root: Path

    def artifact(self, slug: str, fmt: str) -> Path:
        return self.root / "dist" / f"{slug}.{fmt}"


def interruptible() -> None:
    """A child's Ctrl-C back to the default (`preexec_fn`): a suite started in the background (`pytest &`) ignores
    SIGINT, as the shell has every command started so, and Python then installs no KeyboardInterrupt for it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def make_workspace(root: Path, *folders: Path) -> Path:
    """A workspace at `root` whose source/ holds copies of `folders`."""
    (root / "source").mkdir(parents=True)
    for folder in folders:
        shutil.copytree(folder, root / "source" / folder.name)
    return root


def build_article(
    root: Path, slug: str, paragraphs: list[str], title: str = "نص", page: str = "A5", language: str = "ar"
) -> Path:
    """The PDF of an article of `paragraphs` (Arabic, or `language`) on pages of `page`, built in a workspace of its
    own at `root`."""
    from publisher import build

    make_workspace(root)
    folder = root / "source" / slug
    folder.mkdir()
    manifest = f'title = "{title}"\nlanguage = "{language}"\nauthors = ["هيئة"]\n[pdf]\npage-size = "{page}"\n'
    (folder / "manifest.toml").write_text(manifest)
    (folder / "article.md").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    build(root, formats=["pdf"], jobs=1)
    return root / "dist" / f"{slug}.pdf"


# bidi marks and embeddings, which the extractors give and no reader sees
MARKS = re.compile("[\u200e\u200f\u061c\u2066-\u2069\u202a-\u202e]")


def misread(pdf: Path, typed: list[str]) -> list[tuple[str, str]]:
    """The sentences (their lines begin with "قال") that poppler or PDFium read back otherwise than `typed`, as read."""
    import pypdfium2

    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    found = []
    for text in (poppler, pdfium):
        lines = [line.strip() for line in MARKS.sub("", text).replace("\r", "").split("\n") if line.startswith("قال")]
        found += [(want, got) for want, got in zip(typed, lines, strict=True) if want != got]
    return found


def copy_built(workspace: Path, root: Path) -> Path:
    """A copy at `root` of a built workspace, in the state its own build would leave: a build with nothing
    to render records the copies' inodes and times in the cache, as the build that wrote them did."""
    shutil.copytree(workspace, root, symlinks=True)
    assert not [a.path.name for a in build(root) if a.rendered]
    return root


def build_drawn(root: Path, dist: Path | None = None) -> Path:
    """Build the workspace's PDFs without the text layer, in one process, into `dist` (default root/dist):
    the text layer's /ActualText steers extractors, and PDFium's character boxes follow it, so only the
    unmarked file gives the glyphs' own places. Nothing drawn differs (tests/test_text_fidelity.py)."""
    from publisher import build

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("publisher.pdf.render.mark_text_layer", lambda document, pdf, addresses, *more: 0)
        patch.setattr("publisher.pdf.render.mark_ltr_phrases", lambda document, pdf, addresses, written=None: 0)
        build(root, formats=["pdf"], dist=dist, jobs=1, cache=False)
    return dist or root / "dist"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Every publication of source/, the two-chapter book, the mixed-direction article, the poems and
    the numbered figures, built once a test run and checked with EPUBCheck; each xdist worker gets its
    own copy, so that a test writing into it disturbs no other worker."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # the run's folder, above each worker's own
        shared = shared.parent
    with (shared / "built.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the first worker builds; the others wait here, then copy
        if not (shared / "built.json").exists():  # not built, or a worker's build failed part-way
            shutil.rmtree(shared / "built", ignore_errors=True)
            fixtures = [FIXTURES / name for name in ("book", "mixed", "poetry", "figures")]
            root = make_workspace(shared / "built", *PUBLICATIONS, *fixtures)
            with every_core():  # the other worker may be waiting for this build
                build(root)
            assert_epubs_valid(root / "dist")  # EPUBCheck on every EPUB in one Java process
            (shared / "built.json").write_text(json.dumps(CHECKED))  # its reports, for test_epub.py
    CHECKED.update(json.loads((shared / "built.json").read_text()))
    root = tmp_path_factory.mktemp("workspace")
    shutil.copytree(shared / "built", root, symlinks=True, dirs_exist_ok=True)
    return Built(root)


def run_publish(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the `publish` command as a user would, in a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "publisher", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )
