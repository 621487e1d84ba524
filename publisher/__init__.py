"""publish: Markdown and plain text to a print-ready right-to-left PDF and an EPUB 3.

The public surface is small: `build`, `load_manifest`, `PublishError` and `__version__`.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from .errors import PublishError

__all__ = ["PublishError", "__version__", "build", "load_manifest"]


def __getattr__(name: str) -> Any:
    # Imported on first use so that `publish --help` does not load the renderers' dependencies.
    if name == "build":
        from .build import build

        return build
    if name == "load_manifest":
        from .manifest import load_manifest

        return load_manifest
    raise AttributeError(f"module 'publisher' has no attribute {name!r}")
