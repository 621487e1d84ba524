"""publish: Markdown and plain text to a print-ready right-to-left PDF and an EPUB 3.

The public surface is small: `build`, `load_manifest`, `PublishError` and `__version__`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .build import build
from .errors import PublishError
from .manifest import load_manifest

__all__ = ["PublishError", "__version__", "build", "load_manifest"]
