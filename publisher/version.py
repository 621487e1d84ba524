"""This tool's identity: its version, and a fingerprint of everything that shapes its output.

A module of its own, below every stage, so that any module can import it whatever the import order.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys

from .workspace import PACKAGE_DIR, file_digest

__version__ = "0.1.0"

# The libraries whose version can change the bytes of an artifact.
RENDERERS = (
    "weasyprint",
    "pydyf",
    "tinycss2",
    "cssselect2",
    "tinyhtml5",
    "ebooklib",
    "lxml",
    "fonttools",
    "uharfbuzz",
    "brotli",
    "pillow",
    "pypdfium2",
    "markdown-it-py",
    "mdit-py-plugins",
    "jinja2",
    "babel",
)

_CODE_SUFFIXES = (".py", ".conf")
_SKIPPED = {"__pycache__", "_defaults"}  # bytecode; the templates and fonts are keyed by their own digests

_tool: str | None = None


def tool_digest() -> str:
    """SHA-256 of this tool: its version, its own source files (every stage), and the renderers' versions."""
    global _tool  # computed once per process: the installed code does not change under a build
    if _tool is None:
        digest = hashlib.sha256(__version__.encode())
        for path in sorted(PACKAGE_DIR.rglob("*")):
            inside = path.relative_to(PACKAGE_DIR)
            if path.suffix in _CODE_SUFFIXES and not _SKIPPED & set(inside.parts) and path.is_file():
                digest.update(f"{inside.as_posix()}\0{file_digest(path)}\n".encode())
        versions = installed_versions()
        for project in RENDERERS:
            digest.update(f"{project}=={versions.get(project, 'missing')}\n".encode())
        _tool = digest.hexdigest()
    return _tool


def installed_versions() -> dict[str, str]:
    """Version of every distribution on sys.path, by normalised name, read from the names of the
    `*.dist-info` folders: importlib.metadata gives the same answer about twenty times slower."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and "-" in name:
                project, version = name[: -len(".dist-info")].rsplit("-", 1)
                found.setdefault(re.sub(r"[-_.]+", "-", project).lower(), version)
    return found
