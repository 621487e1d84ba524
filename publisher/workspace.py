"""Where things are, and how files are written there: the workspace folders, the packaged defaults,
the publications in source/, and the atomic writes and content digests every stage uses.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, ResourceError, quoted

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
        """Where artifacts go: the workspace's own dist/ (never a link out of it), or `output`."""
        if self.output is not None:
            return self.output
        own = self.root / "dist"
        if not inside(own, self.root):
            raise ResourceError("dist: is a link to a folder outside the workspace; publish writes only inside it")
        return own

    def search_path(self, name: str) -> tuple[Path, ...]:
        """Folders to look up templates or fonts in, the workspace's own first (override by file name)."""
        own = self.root / name
        packaged = packaged_dir(name)
        if own.is_dir() and not inside(own, self.root):
            raise ResourceError(f"{name}: is a link to a folder outside the workspace; publish reads nothing there")
        if own.is_dir() and own.resolve() != packaged.resolve():
            return (own.resolve(), packaged)
        return (packaged,)

    def slugs(self) -> list[str]:
        """Every publication: the folders of source/ (but hidden ones), sorted; every folder whose name
        is not a safe slug, or is a link out of the workspace, is an error."""
        if not self.source.is_dir():
            raise InputError(f"{self.root}: no source/ folder; run publish in a workspace or pass -C DIR")
        slugs = sorted(p.name for p in self.source.iterdir() if p.is_dir() and not p.name.startswith("."))
        problems = [f"source/{_shown(slug)}: {problem}" for slug in slugs if (problem := slug_problem(slug))]
        folded: dict[str, str] = {}
        for slug in slugs:
            other = folded.setdefault(slug.casefold(), slug)
            if other != slug:
                problems.append(
                    f"source/{other} and source/{slug}: slugs differ only in case, so their files in dist/ "
                    "would collide on macOS and Windows; rename one"
                )
            if not inside(self.source / slug, self.root):
                problems.append(f"source/{slug}: is a link to a folder outside the workspace")
        if problems:
            raise InputError(*problems)
        return slugs

    def select(self, wanted: tuple[str, ...] | list[str]) -> list[str]:
        """The publications to build: all, or the named ones (each must exist). A workspace without
        any is an error: there is nothing to build, check or list."""
        slugs = self.slugs()
        if not slugs:
            raise InputError("source/: holds no publication; start one with publish new SLUG")
        unknown = [s for s in wanted if s not in slugs]
        if unknown:
            known = ", ".join(slugs) or "none"
            raise InputError(f"source/{unknown[0]}: no such publication (there are: {known})")
        return list(dict.fromkeys(wanted)) if wanted else slugs


MAX_SLUG_CHARACTERS, MAX_SLUG_BYTES = 100, 200  # bytes: "<slug>.epub" and its temporary names fit in 255
SLUG_RULE = (
    "a slug (the folder's name, which names the files in dist/ and their links) may hold letters (Arabic, "
    'Latin or any other script) and their marks, digits, "-", "_" and "." (not first), in NFC, at most '
    f"{MAX_SLUG_CHARACTERS} characters"
)
_SLUG_PUNCTUATION = "-_."


def slug_problem(slug: str) -> str | None:
    """None when `slug` is a safe publication name, else what is wrong with it and the rule, as a phrase.

    The slug becomes file names in dist/, links on the download page, lines of SHA256SUMS and names in
    the cache: letters, digits and "-_." are inert in all of them, and the rest is refused rather than escaped.
    """
    if not slug:
        return f"is empty; {SLUG_RULE}"
    bad = next((c for c in slug if not _slug_character(c)), None)
    if bad is not None:
        return f"{describe_character(bad)} is not allowed; {SLUG_RULE}"
    if slug[0] in _SLUG_PUNCTUATION or unicodedata.category(slug[0]).startswith("M"):
        return f"must start with a letter or a digit; {SLUG_RULE}"
    if unicodedata.normalize("NFC", slug) != slug:
        return f"is not in Unicode NFC (its letters and marks are stored decomposed); {SLUG_RULE}"
    if len(slug) > MAX_SLUG_CHARACTERS or len(slug.encode()) > MAX_SLUG_BYTES:
        return f"is {len(slug)} characters long; {SLUG_RULE} and {MAX_SLUG_BYTES} bytes of UTF-8"
    return None


def _shown(slug: str) -> str:
    """A folder name as an error shows it: quoted when it is not a safe slug, shortened when long."""
    return quoted(slug if len(slug) <= 60 else slug[:60] + "…")


def _slug_character(char: str) -> bool:
    category = unicodedata.category(char)
    return char in _SLUG_PUNCTUATION or category[0] == "L" or category in ("Nd", "Mn", "Mc")


def describe_character(char: str) -> str:
    """U+202E RIGHT-TO-LEFT OVERRIDE, or ":" for a visible ASCII character."""
    if " " < char < "\x7f":
        return quoted(char)
    fallback = "CONTROL CHARACTER" if unicodedata.category(char) == "Cc" else "UNASSIGNED CHARACTER"
    return f"U+{ord(char):04X} {unicodedata.name(char, fallback)}"


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, every link followed, lies in `folder` (links followed too)."""
    return path.resolve().is_relative_to(folder.resolve())


def confined_file(path: Path, folder: Path, shown: str) -> Path:
    """`path` when it is a regular file that resolves inside `folder`; else a ResourceError naming it as
    `shown`. What a workspace links to outside itself is never read, and a device or pipe never opened."""
    if not inside(path, folder):
        raise ResourceError(
            f"{shown}: is a link to a file outside {folder.name}/; publish reads nothing outside the workspace"
        )
    if path.exists() and not path.is_file():
        raise ResourceError(f"{shown}: is not a regular file")
    return path


def display_path(path: Path) -> str:
    """A path as the user knows it: from the last `source/`, `templates/` or `fonts/` folder on."""
    parts = path.parts
    starts = [i for i, part in enumerate(parts[:-1]) if part in ("source", "templates", "fonts")]
    return "/".join(parts[starts[-1] :]) if starts else str(path)


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


def read_small(path: Path, limit: int) -> bytes | None:
    """The bytes of `path` when it is a regular file (not a link, device or pipe) of at most `limit`
    bytes, else None: how a build reads what it does not trust, such as its own cache."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        data = stream.read(limit + 1)
    return data if len(data) <= limit else None


def real_folder(path: Path) -> bool:
    """Whether `path` is a folder itself, not a link to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


MAX_KEPT = 64 * 2**20


def read_kept(path: Path) -> bytes | None:
    """A piece a build keeps for later builds (write_kept), its bytes checked against the SHA-256 stored
    with them; None when it is missing, a link, damaged or forged. A good one is marked as used now
    (unused ones are pruned)."""
    data = read_small(path, MAX_KEPT)
    if data is None or len(data) < 32 or hashlib.sha256(data[32:]).digest() != data[:32]:
        return None
    with contextlib.suppress(OSError):
        os.utime(path, follow_symlinks=False)
    return data[32:]


def write_kept(path: Path, data: bytes) -> None:
    """Keep `data` at `path` for later builds, after its SHA-256 (read_kept checks it). A cache that
    cannot be written is no reason to fail a build."""
    with contextlib.suppress(OSError):
        if real_folder(path.parent.parent) and not real_folder(path.parent):
            with contextlib.suppress(OSError):
                path.parent.unlink()  # a link or a file where publish keeps its pieces: not followed
        path.parent.mkdir(exist_ok=True)
        if real_folder(path.parent):
            write_atomic(path, hashlib.sha256(data).digest() + data)
