"""Writing artifacts into dist/: all of a build's files appear together, or none does.

Each artifact is written to a temporary file beside its final name, flushed to disk, and only
when every artifact of the build is ready are they renamed into place: the PDFs and EPUBs first,
then the files of publications that are gone are removed, then index.html, and SHA256SUMS last.
A failed or interrupted build leaves the previous files untouched; its temporary files carry the
writer's PID and are removed by the next build once that process is gone. A process killed between
two renames leaves a dist/ whose SHA256SUMS disagrees with its files: `disagreements` finds that,
and the next build, `publish site` or `publish watch` repairs it (`publish check` reports it).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType

from ..errors import ResourceError
from ..workspace import TEMP_SUFFIX, stage

INDEX, CHECKSUMS = "index.html", "SHA256SUMS"
ARTIFACT_SUFFIXES = (".pdf", ".epub", ".html")  # index.html, the download page, is not an artifact
SUFFIX_OF = {"pdf": ".pdf", "epub": ".epub", "web": ".html"}
ASSETS = "assets"  # the web editions' fonts and images, named by their content (web/edition.py)
_ASSET = re.compile(r"[0-9a-f]{32}\.(?:woff2|png|jpg|svg)")
_REFERENCE = re.compile(rb"\bassets/([0-9a-f]{32}\.(?:woff2|png|jpg|svg))")
# A test hook, not an option: PUBLISH_FAULT=after-rename:N kills the process (SIGKILL, as the OOM
# killer or a power cut would) right after its N-th change to dist/, so tests can prove the repair.
FAULT_VARIABLE = "PUBLISH_FAULT"


def artifact_name(slug: str, fmt: str) -> str:
    """The file of dist/ that a publication's `fmt` ("pdf", "epub", "web") becomes."""
    return slug + SUFFIX_OF[fmt]


def referenced_assets(page: bytes) -> set[str]:
    """The files of dist/assets/ a web edition refers to, as "assets/<name>"."""
    return {f"{ASSETS}/{m.decode()}" for m in _REFERENCE.findall(page)}


def is_asset(name: str) -> bool:
    """Whether `name` (relative to dist/) is a file of dist/assets/ as publish names them."""
    folder, _, file = name.partition("/")
    return folder == ASSETS and bool(_ASSET.fullmatch(file))


class Release:
    """The artifacts of one build, staged in dist/ and published together."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.staged: list[tuple[Path, Path]] = []  # (temporary, final)
        self.removed: list[Path] = []  # files of publications that are gone
        self.created = not folder.exists()  # a failed first build leaves no empty dist/ behind
        self.created_assets = not (folder / ASSETS).exists()  # nor an empty dist/assets/

    def add(self, name: str, data: bytes) -> Path:
        """Stage `data` as dist/`name`; return the final path it will have."""
        final = self.folder / name
        temp = stage(final, data)
        try:
            self.staged.append((temp, final))
        except BaseException:  # Ctrl-C is raised at the next call: here, the file would be nobody's to discard
            temp.unlink(missing_ok=True)
            raise
        return final

    def remove(self, name: str) -> None:
        """Delete dist/`name` when the release is published (not before: a failed build changes nothing)."""
        self.removed.append(self.folder / name)

    def files(self, suffixes: tuple[str, ...]) -> dict[str, Path]:
        """Every file dist/ will hold with one of `suffixes` once this release is published, by name:
        the staged file where there is one, else the one already there (never index.html)."""
        staged = {
            final.name: temp for temp, final in self.staged if final.suffix in suffixes and final.parent == self.folder
        }
        gone = {path.name for path in self.removed}
        there = {}
        for path in sorted(self.folder.glob("*")):
            if path.suffix not in suffixes or path.name in staged or path.name in gone or path.name == INDEX:
                continue
            if path.is_symlink():
                raise ResourceError(
                    f"dist/{path.name}: is a link; dist/ holds only the files publish writes, delete it"
                )
            if path.is_file():
                there[path.name] = path
        return dict(sorted({**there, **staged}.items()))

    def assets(self) -> dict[str, Path]:
        """The files dist/assets/ will hold once this release is published, as "assets/<name>"."""
        folder = self.folder / ASSETS
        staged = {f"{ASSETS}/{final.name}": temp for temp, final in self.staged if final.parent == folder}
        gone = {f"{ASSETS}/{path.name}" for path in self.removed if path.parent == folder}
        there = {name: path for name, path in assets_in(self.folder).items() if name not in gone}
        return dict(sorted({**there, **staged}.items()))

    def publish(self) -> None:
        """Rename every staged file into place, the artifacts first and SHA256SUMS last, so that a
        process killed half-way leaves a SHA256SUMS that names the old set and the repair can see it."""
        # a page's fonts and images are in place before the page, the download page after every page
        last = {INDEX: 1, CHECKSUMS: 2}
        staged = sorted(
            self.staged, key=lambda pair: -1 if pair[1].parent.name == ASSETS else last.get(pair[1].name, 0)
        )
        changes = 0
        for temp, final in staged:
            if final.name in last and self.removed:  # the artifacts are in place: now the files that are gone go
                changes = self._remove_gone(changes)
            if final.name == CHECKSUMS:
                _sync_folder(self.folder)  # the list reaches the disk after what it lists, even on a power cut
            os.replace(temp, final)
            changes = _changed(changes)
        self._remove_gone(changes)
        if self.staged or self.removed:
            _sync_folder(self.folder)
        self.staged.clear()

    def _remove_gone(self, changes: int) -> int:
        for path in self.removed:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                changes = _changed(changes)
        self.removed = []
        return changes

    def discard(self) -> None:
        """Delete every staged file, and dist/ itself if this release made it and it is empty. So are this process's
        own temporary files that no `stage` returned: a Ctrl-C inside it, after the file was made, left one."""
        for temp in {*(temp for temp, _ in self.staged), *_temporary_files(self.folder, f".{os.getpid()}.")}:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
        self.staged.clear()
        self.removed.clear()
        for made, folder in ((self.created_assets, self.folder / ASSETS), (self.created, self.folder)):
            if made:
                with contextlib.suppress(OSError):  # not empty (another build's files) or gone: leave it
                    folder.rmdir()

    def __enter__(self) -> Release:
        remove_leftovers(self.folder)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None:
            self.publish()
        else:
            self.discard()


def _changed(changes: int) -> int:
    """Count one change to dist/; the test hook may kill the process here."""
    changes += 1
    if os.environ.get(FAULT_VARIABLE) == f"after-rename:{changes}":
        os.kill(os.getpid(), signal.SIGKILL)
    return changes


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entries (the renames) to disk."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_LINE = re.compile(r"([0-9a-f]{64})  ([^/\n]+|assets/[^/\n]+)")


def read_checksums(folder: Path) -> dict[str, str] | None:
    """The names and SHA-256 digests dist/SHA256SUMS lists; None when there is no such file, and
    {"": ""} for one that is not in the form publish writes (so it can never agree)."""
    path = folder / CHECKSUMS
    if path.is_symlink() or not path.is_file():
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {"": ""}
    listed = {}
    for line in lines:
        match = _LINE.fullmatch(line)
        if match is None:
            return {"": ""}
        listed[match[2]] = match[1]
    return listed


def artifacts_in(folder: Path) -> dict[str, Path]:
    """The PDFs, EPUBs and web editions of dist/ (regular files, no link), by name, and the files of
    dist/assets/ as "assets/<name>"."""
    if not folder.is_dir():
        return {}
    found = (p for p in folder.iterdir() if p.suffix in ARTIFACT_SUFFIXES and not p.name.startswith("."))
    artifacts = {p.name: p for p in sorted(found) if p.is_file() and not p.is_symlink() and p.name != INDEX}
    return artifacts | assets_in(folder)


def assets_in(folder: Path) -> dict[str, Path]:
    """The files of dist/assets/ named as publish names them (regular files, no link), as "assets/<name>"."""
    where = folder / ASSETS
    if where.is_symlink() or not where.is_dir():
        return {}
    found = (p for p in sorted(where.iterdir()) if _ASSET.fullmatch(p.name) and p.is_file() and not p.is_symlink())
    return {f"{ASSETS}/{p.name}": p for p in found}


def disagreements(folder: Path, slugs: Iterable[str], digest: Callable[[str, Path], str]) -> list[str]:
    """How dist/SHA256SUMS disagrees with the files of dist/, one phrase per file naming it (empty
    when they agree): a listed file missing or with other bytes (`digest` gives a file's SHA-256),
    or an artifact of a publication of source/ not listed. What a killed build leaves behind."""
    listed = read_checksums(folder)
    present = artifacts_in(folder)
    ours = {name for name in present if Path(name).stem in set(slugs) or is_asset(name)}
    if listed is None:
        return [f"dist/{CHECKSUMS}: missing, while dist/ holds {', '.join(sorted(ours))}"] if ours else []
    if "" in listed:
        return [f"dist/{CHECKSUMS}: not a list of '<sha256>  <file name>' lines"]
    problems = []
    for name in sorted(listed.keys() | ours):
        if name not in present:
            problems.append(f"dist/{name}: listed in {CHECKSUMS}, but missing")
        elif name not in listed:
            problems.append(f"dist/{name}: not listed in {CHECKSUMS}")
        elif digest(name, present[name]) != listed[name]:
            problems.append(f"dist/{name}: its SHA-256 is not the one {CHECKSUMS} lists")
    return problems


def orphans(folder: Path, slugs: Iterable[str], recorded: Callable[[str], bool]) -> list[str]:
    """The artifacts in dist/ of publications that are no longer in source/ and that publish made:
    those SHA256SUMS lists or `recorded` (the cache) knows. A file someone else put there stays."""
    listed = read_checksums(folder) or {}
    wanted = set(slugs)
    return [
        name
        for name in artifacts_in(folder)
        if not is_asset(name) and Path(name).stem not in wanted and (name in listed or recorded(name))
    ]


def remove_leftovers(folder: Path) -> None:
    """Delete temporary files left by builds that were killed; those of running builds stay."""
    if not folder.is_dir():
        return
    for temp in _temporary_files(folder):
        fields = temp.name.split(".")
        writer = int(fields[-3]) if len(fields) > 3 and fields[-3].isdigit() else 0
        if writer and _alive(writer):
            continue
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _temporary_files(folder: Path, writer: str = "") -> list[Path]:
    """The temporary files in dist/ and its assets (workspace.stage), of any writer or of one (".PID.")."""
    assets = folder / ASSETS
    pattern = f".*{writer}*{TEMP_SUFFIX}" if writer else f".*{TEMP_SUFFIX}"
    return [*folder.glob(pattern), *(assets.glob(pattern) if assets.is_dir() and not assets.is_symlink() else ())]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
