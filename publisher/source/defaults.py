"""Workspace defaults: the optional `publish.toml` beside source/, whose keys every manifest inherits.

It holds any manifest key that can be the same for every publication (publisher, rights, language,
authors, `[pdf]`, `[build]` …). The merge rule is Cargo's and Hugo's: tables merge key by key, at
every depth; a value the manifest gives replaces the default's; a list is a value, so a manifest's
list replaces the default's list, never extends it. The keys that can only belong to one publication
are refused here (PER_PUBLICATION). publish.toml is checked with the manifest's own schema and
checks (manifest.py), each problem naming publish.toml and the line; a build reports them once.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..errors import ManifestError
from ..workspace import inside, read_small
from .manifest import MAX_MANIFEST_BYTES, MOVED, Manifest, check_values
from .schema import convert, keys_of
from .tomlplaces import key_lines, line_of

DEFAULTS_NAME = "publish.toml"

# Keys a workspace cannot give every publication, with why: the error says it.
PER_PUBLICATION = {
    "title": "it names one publication",
    "subtitle": "it names one publication",
    "description": "it describes one publication",
    "identifier": "each publication needs its own",
    "date": "it dates one publication (one without a date is dated by its last commit)",
    "text": "it lists the files of one publication's folder",
    "cover": "it is a file of one publication's folder",
}
# Required manifest keys publish.toml may give: while it has problems, a manifest without them is
# not told they are missing (publish.toml's problem says it all).
INHERITABLE_REQUIRED = frozenset(
    f.name.replace("_", "-")
    for f in fields(Manifest)
    if f.default is MISSING and f.default_factory is MISSING and f.name not in PER_PUBLICATION
)


@dataclass(frozen=True)
class Defaults:
    """What publish.toml gives the manifests: its keys that passed every check, the SHA-256 of its
    bytes ("" without a publish.toml) for the cache keys, and its problems, each with its place."""

    data: dict[str, Any] = field(default_factory=dict)
    sha256: str = ""
    problems: tuple[str, ...] = ()

    @property
    def waived(self) -> frozenset[str]:
        """The required keys a manifest may lack without an error of its own."""
        return INHERITABLE_REQUIRED if self.problems else frozenset()


def defaults_of(folder: Path) -> Defaults:
    """The defaults of the publication in `folder`: its workspace's publish.toml, when the folder is
    one of a workspace's source/ (a folder elsewhere inherits nothing)."""
    if folder.parent.name != "source":
        return Defaults()
    return workspace_defaults(folder.parent.parent)


def workspace_defaults(root: Path) -> Defaults:
    """Read and check `root/publish.toml` (nothing to inherit when there is none); its problems are
    kept in the Defaults, for the build to report once however many manifests inherit it."""
    path = root / DEFAULTS_NAME
    if not os.path.lexists(path):
        return Defaults()
    if not inside(path, root):
        return _refused("is a link to a file outside the workspace; publish reads nothing there")
    if not path.is_file():  # a folder, a pipe or a device is never opened
        return _refused("is not a regular file")
    raw = read_small(path.resolve(), MAX_MANIFEST_BYTES)
    if raw is None:
        return _refused(f"unreadable, or larger than {MAX_MANIFEST_BYTES // 2**20} MiB")
    try:
        text = raw.decode("utf-8-sig")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        return _refused(f"not UTF-8 text (byte {exc.start})")
    except tomllib.TOMLDecodeError as exc:
        return _refused(f"invalid TOML: {exc}")
    sha256 = hashlib.sha256(raw).hexdigest()
    errors = check_defaults(data, root)
    if not errors:
        return Defaults(data, sha256)
    lines = key_lines(text)
    problems = []
    good = data
    for error in errors:
        quoted = error.split("'")
        key = quoted[1] if len(quoted) > 2 else ""  # every problem names its key first, in quotes
        line = line_of(lines, key)
        problems.append(f"{DEFAULTS_NAME}{f' line {line}' if line else ''}: {error}")
        good = _without(good, key)
    return Defaults(good, sha256, tuple(problems))


def check_defaults(data: dict[str, Any], root: Path) -> list[str]:
    """Every problem of publish.toml's values, as a phrase naming the key: a key that belongs to one
    publication, then whatever the manifest's schema and checks find."""
    errors = [
        f"'{key}' cannot be a workspace default: {why}; set it in each publication's manifest.toml"
        for key, why in PER_PUBLICATION.items()
        if key in data
    ]
    shared = {key: value for key, value in data.items() if key not in PER_PUBLICATION}
    values = convert(Manifest, shared, "", errors, MOVED, waived=keys_of(Manifest))
    check_values(values, root, errors)
    return errors


def refuse(defaults: Defaults) -> None:
    """Raise the problems of publish.toml, when it has any."""
    if defaults.problems:
        raise ManifestError(*defaults.problems)


def _refused(problem: str) -> Defaults:
    return Defaults(problems=(f"{DEFAULTS_NAME}: {problem}",))


def _without(data: dict[str, Any], key: str) -> dict[str, Any]:
    """`data` without the dotted `key` (and without the value that stands where a table should)."""
    head, _, tail = key.partition(".")
    if head not in data:
        return data
    if tail and isinstance(data[head], dict):
        return {**data, head: _without(data[head], tail)}
    return {k: v for k, v in data.items() if k != head}
