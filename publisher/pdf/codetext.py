"""Inline code holding Arabic (`git commit -m "رسالة قصيرة"`, `f("مرحبا بكم")`): which runs of a line are code's, and
the /ActualText PDFium reads such a run back from (textlayer.py)."""

from __future__ import annotations

from collections.abc import Collection
from itertools import pairwise

from .charclass import LRM, class_stretches, pdfium_run_text
from .neighbours import Split


def in_code(split: Split, role: int, code: Collection[int]) -> bool:
    """Whether a run (the role of its pieces) is in inline code (`code`, by place): any of its arrays ("./docs/" after
    an Arabic string had been given its own text too, and read twice)."""
    return any(place in code for place, (pieces, _) in enumerate(split) if any(r == role for r, _, _ in pieces))


def pdfium_code_text(run: str) -> str:
    """`pdfium_run_text` of a run of code holding Arabic, with a LEFT-TO-RIGHT MARK between each neutral stretch and
    the right-to-left one after it: PDFium, reading on from the Arabic, took the neutrals for its own and read them
    mirrored (`f("مرحبا بكم"(`), and a run of more right-to-left stretches than left-to-right ones backwards whole
    (`)"اعيمج مكب ابحرم")f`)."""
    stretches = [*class_stretches(pdfium_run_text(run)), ("", "")]
    return "".join(
        text + (LRM if (kind, after) == ("N", "R") else "") for (kind, text), (after, _) in pairwise(stretches)
    )
