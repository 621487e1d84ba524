"""Incremental builds: an artifact is rendered again only when something it depends on changed.

An artifact's key is a SHA-256 over everything that goes into it: this tool (its own code and the
versions of the libraries that render), the format, the publication's timestamp, and the contents
of its source files (manifest, texts, images, cover) and of the templates and fonts the format
uses. Keys hash contents, never modification times. The cache remembers, per artifact, the key of
its last build and the SHA-256 of the file it wrote; a build whose key is unchanged, and whose dist/
file still has that hash, renders nothing.

It lives in `.publish-cache/` in the workspace, which carries its own `.gitignore`. Each entry is
a small JSON file replaced atomically, so two builds running at once can at worst both render.

The cache is workspace input, so it is not trusted: an entry is read only from a real file (no link,
device or pipe) of at most 1 MiB, every field must have its type, and the files it names must lie
in the workspace; anything else is ignored, and the artifact rendered again. A link or a file where
the cache keeps a folder is removed (never followed), and a cache that cannot be written is skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from ..typeset.pagemap import PageStart
from ..workspace import confined_file, display_path, file_digest, inside, read_small, real_folder, write_atomic

FOLDER = ".publish-cache"

# The template folders each output reads (its own, and what its templates include); an EPUB
# reads "cover" too when it draws its cover rather than using the manifest's image.
TEMPLATE_FOLDERS = {
    "pdf": ("pdf", "partials"),
    "epub": ("epub", "partials", "pdf"),  # it marks where the PDF's pages begin, from the PDF's layout
    "cover": ("cover", "partials"),
    "site": ("site", "partials"),
    "web": ("web", "epub", "partials"),  # the web edition has the EPUB's typography (epub/book.css)
}


def tree_digest(folders: Iterable[Path], subfolders: Iterable[str] | None = None) -> str:
    """SHA-256 over the files of an override search path (earlier folders hide the same name later):
    each file's name and contents; only under `subfolders` when given."""
    folders = tuple(folders)
    chosen: dict[str, Path] = {}
    for folder in folders:
        roots = [folder / s for s in subfolders] if subfolders is not None else [folder]
        for root in roots:
            if not root.is_dir():
                continue
            for path in sorted(root.rglob("*")):
                if (path.is_file() or path.is_symlink()) and "__pycache__" not in path.parts:
                    chosen.setdefault(path.relative_to(folder).as_posix(), path)
    digest = hashlib.sha256()
    for name in sorted(chosen):
        path = chosen[name]
        if path.is_symlink():  # a link out of its folder is an error, and never read
            path = confined_file(path, next(f for f in folders if path.is_relative_to(f)), display_path(path))
        digest.update(f"{name}\0{file_digest(path) if path.is_file() else 'missing'}\n".encode())
    return digest.hexdigest()


def combine(*parts: str) -> str:
    """One SHA-256 over several strings, unambiguously separated."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(f"{len(part)}:{part}".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    """What the cache knows of one artifact: the key it was built from and the file it became."""

    key: str
    sha256: str
    size: int
    stat: tuple[int, ...]  # (size, mtime_ns, ctime_ns, inode) of the dist/ file when last seen
    inputs: tuple[str, ...] = ()  # files read besides the manifest's own (images), workspace-relative
    warnings: tuple[str, ...] = ()  # what the renderer warned about, shown again while the artifact is reused
    pages: tuple[PageStart, ...] | None = None  # a PDF's page map, which an EPUB built without it takes


MAX_ENTRY_BYTES = 2**20
_HEX64 = re.compile(r"[0-9a-f]{64}")


class Cache:
    """The entries of a workspace's `.publish-cache/`, one JSON file per artifact name."""

    def __init__(self, workspace: Path, create: bool = True) -> None:
        self.workspace = workspace
        self.root = workspace / FOLDER  # also keeps pieces of the download page (web/site.py)
        self.folder = self.root / "artifacts"
        if create:  # not for a command that only reads, such as publish list
            _make_folder(self.root)

    def get(self, name: str) -> Entry | None:
        """What the cache knows of artifact `name`; None when nothing, or nothing it can vouch for."""
        if not (real_folder(self.root) and real_folder(self.folder)):
            return None
        data = read_small(self.folder / f"{name}.json", MAX_ENTRY_BYTES)
        try:
            return _entry(json.loads(data), self.workspace) if data is not None else None
        except ValueError:
            return None  # damaged: the artifact is simply built again

    def put(self, name: str, entry: Entry) -> None:
        """Record `entry`, replacing the file atomically (concurrent builds never see half of it)."""
        data: dict[str, Any] = {"key": entry.key, "sha256": entry.sha256, "size": entry.size, "stat": list(entry.stat)}
        if entry.inputs:
            data["inputs"] = list(entry.inputs)
        if entry.warnings:
            data["warnings"] = list(entry.warnings)
        if entry.pages is not None:
            data["pages"] = [start.plain() for start in entry.pages]
        text = json.dumps(data, indent=1, ensure_ascii=False).encode()
        if len(text) > MAX_ENTRY_BYTES:  # a page map too long to keep: the EPUB lays the PDF out again
            data.pop("pages")
            text = json.dumps(data, indent=1, ensure_ascii=False).encode()
        with contextlib.suppress(OSError):  # the artifacts are in dist/ already; a cache is only a saving
            _make_folder(self.root)
            _make_folder(self.folder)
            ignore = self.root / ".gitignore"
            if not ignore.is_file():
                write_atomic(ignore, b"# publish's build cache: safe to delete, never to commit\n*\n")
            write_atomic(self.folder / f"{name}.json", text)

    def prune(self, names: set[str], unused_days: float = 30) -> None:
        """Forget artifacts not in `names` (publications that are gone), and delete kept pieces of
        the download page (fonts, thumbnails) no build has used for `unused_days`."""
        import time

        if not real_folder(self.root):
            return
        for entry in self.folder.glob("*.json") if real_folder(self.folder) else ():
            if entry.name.removesuffix(".json") not in names:
                with contextlib.suppress(OSError):
                    entry.unlink()
        oldest = time.time() - unused_days * 86400
        for kind in ("fonts", "thumbnails"):
            for piece in self.root.glob(f"{kind}/*") if real_folder(self.root / kind) else ():
                with contextlib.suppress(OSError):
                    info = piece.lstat()
                    if not stat.S_ISREG(info.st_mode) or info.st_mtime < oldest:
                        piece.unlink()  # a link or a folder there is not publish's: removed, not followed

    def fresh(self, name: str, key: str, path: Path) -> bool:
        """Whether `path` still holds what the build with `key` wrote."""
        entry = self.get(name)
        if entry is None or entry.key != key:
            return False
        try:
            seen = stat_of(path)
        except OSError:
            return False
        if seen == entry.stat:
            return True
        if seen[0] != entry.size or file_digest(path) != entry.sha256:
            return False
        self.put(name, replace(entry, stat=seen))  # same bytes
        return True

    def page_map(self, name: str, key: str) -> tuple[PageStart, ...] | None:
        """The page map recorded with the PDF `name`, if it was built from `key` (the PDF would be the same)."""
        entry = self.get(name)
        return entry.pages if entry is not None and entry.key == key else None

    def digest(self, name: str, path: Path) -> str:
        """The SHA-256 of the dist/ file `path`: the recorded one while the file is as last seen."""
        entry = self.get(name)
        if entry is not None and stat_of(path) == entry.stat:
            return entry.sha256
        return file_digest(path)

    def record(
        self,
        name: str,
        key: str,
        path: Path,
        sha256: str,
        inputs: tuple[str, ...] = (),
        warnings: tuple[str, ...] = (),
        pages: tuple[PageStart, ...] | None = None,
    ) -> None:
        """Remember that `path`, with contents `sha256`, is what `key` builds (a PDF: with its page map)."""
        seen = stat_of(path)
        self.put(name, Entry(key, sha256, seen[0], seen, inputs, warnings, pages))


def stat_of(path: Path) -> tuple[int, int, int, int]:
    """(size, mtime_ns, ctime_ns, inode) of a regular file of dist/; OSError for a link or anything
    else, which the build then replaces. The change time is there because no one can set it back:
    a file edited in place with its modification time restored still shows, and is hashed again."""
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode):
        raise OSError(f"{path.name} is not a regular file")
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _make_folder(path: Path) -> None:
    """Make `path` a real folder: a link or a file in its place is removed (the link, never its target)."""
    with contextlib.suppress(OSError):
        if os.path.lexists(path) and not real_folder(path):
            path.unlink()
        path.mkdir(exist_ok=True)


def _entry(raw: Any, workspace: Path) -> Entry | None:
    """An entry read from JSON, if every field has its type and the files it names lie in the workspace."""
    if not isinstance(raw, dict):
        return None
    key, sha256, size, seen = raw.get("key"), raw.get("sha256"), raw.get("size"), raw.get("stat")
    inputs, warnings = raw.get("inputs", []), raw.get("warnings", [])
    fields_fit = (
        all(isinstance(h, str) and _HEX64.fullmatch(h) for h in (key, sha256))
        and _count(size)
        and isinstance(seen, list)
        and len(seen) == 4
        and all(map(_count, seen))
        and isinstance(inputs, list)
        and all(isinstance(name, str) and _workspace_file(name, workspace) for name in inputs)
        and isinstance(warnings, list)
        and all(isinstance(w, str) and _one_line(w) for w in warnings)
    )
    if not fields_fit:
        return None
    pages = _pages(raw.get("pages"))
    return Entry(raw["key"], raw["sha256"], raw["size"], tuple(raw["stat"]), tuple(inputs), tuple(warnings), pages)


def _pages(raw: Any) -> tuple[PageStart, ...] | None:
    """A page map read back; None when there is none, or one entry of it is not as written (then the
    EPUB lays the PDF out again: a cache is never trusted)."""
    if not isinstance(raw, list):
        return None
    pages = [PageStart.from_plain(item) for item in raw]
    return None if None in pages else tuple(p for p in pages if p is not None)


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _workspace_file(name: str, workspace: Path) -> bool:
    """Whether `name` is a relative path to a file that lies in the workspace (not /dev/zero, not ../x)."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\0" in name:
        return False
    return inside(workspace / name, workspace)


def _one_line(text: str) -> bool:
    """Text that prints as one plain line: no control character (a terminal escape, a line break)."""
    return len(text) <= 10_000 and not any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text)
