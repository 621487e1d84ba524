"""Where things are, and how files are written there: the workspace folders, the packaged defaults,
the publications in source/, and the atomic writes and content digests every stage uses.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

PACKAGE_DIR = Path(__file__).resolve().parent


def packaged_dir(name: str) -> Path:
    """The packaged default `templates` or `fonts` folder: inside the wheel, or the source checkout's."""
    for candidate in (PACKAGE_DIR / "_defaults" / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise InputError(f"the packaged {name}/ folder is missing from this installation; reinstall publish")


@dataclass(frozen=True)
class Workspace:
    """A folder with source/ and optionally templates/, fonts/ and dist/."""

    root: Path
    output: Path | None = None  # where artifacts go, when not the workspace's own dist/

    @property
    def source(self) -> Path:
        return self.root / "source"

    @property
    def dist(self) -> Path:
        return self.output or self.root / "dist"

    def search_path(self, name: str) -> tuple[Path, ...]:
        """Folders to look up templates or fonts in, the workspace's own first (override by file name)."""
        own = self.root / name
        packaged = packaged_dir(name)
        if own.is_dir() and own.resolve() != packaged.resolve():
            return (own.resolve(), packaged)
        return (packaged,)

    def slugs(self) -> list[str]:
        """Every publication: the folders of source/, sorted."""
        if not self.source.is_dir():
            raise InputError(f"{self.root}: no source/ folder; run publish in a workspace or pass -C DIR")
        slugs = sorted(p.name for p in self.source.iterdir() if p.is_dir() and not p.name.startswith("."))
        folded: dict[str, str] = {}
        for slug in slugs:
            other = folded.setdefault(slug.casefold(), slug)
            if other != slug:
                raise InputError(
                    f"source/{other} and source/{slug}: slugs differ only in case, so their files in dist/ "
                    "would collide on macOS and Windows; rename one"
                )
            if not (self.source / slug).resolve().is_relative_to(self.root.resolve()):
                raise InputError(f"source/{slug}: is a link to a folder outside the workspace")
        return slugs

    def select(self, wanted: tuple[str, ...] | list[str]) -> list[str]:
        """The publications to build: all, or the named ones (each must exist)."""
        slugs = self.slugs()
        unknown = [s for s in wanted if s not in slugs]
        if unknown:
            known = ", ".join(slugs) or "none"
            raise InputError(f"source/{unknown[0]}: no such publication (there are: {known})")
        return list(dict.fromkeys(wanted)) if wanted else slugs


def display_path(path: Path) -> str:
    """A path as the user knows it, from `source/` on when it lies in a publication."""
    parts = path.parts
    if "source" in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("source") :])
    return str(path)


TEMP_SUFFIX = ".partial"
_CHUNK = 1 << 20


def file_digest(path: Path) -> str:
    """SHA-256 of a file's contents, hex."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def stage(path: Path, data: bytes) -> Path:
    """Write `data` to a temporary file beside `path`, flushed to disk; return the temporary path.

    Its name carries this process's ID and ends in TEMP_SUFFIX, so that a later build can tell the
    leftovers of a killed writer from the files of one still running."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)
        return Path(temp)  # inside the try: a Ctrl-C raised at this call must not leave the file behind
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step: readers see the old file or the new one, never half."""
    temp = stage(path, data)
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def read_kept(path: Path) -> bytes:
    """Read a piece a build keeps for later builds, marking it as used now (unused ones are pruned)."""
    with contextlib.suppress(OSError):
        os.utime(path)
    return path.read_bytes()
