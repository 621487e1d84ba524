"""Printer's marks where printers want them: in a slug beyond the bleed, never inside it.

WeasyPrint draws its own crop marks inside the CSS bleed, half its width long: 1.5 mm marks 1.5 mm
from the trim for a 3 mm bleed, which a printer's preflight strips or rejects. So the page is laid
out with a CSS bleed of bleed + slug (the MediaBox grows by the slug), WeasyPrint draws no marks,
and this finisher step sets the BleedBox back to the manifest's bleed and draws the marks in the
slug: crop marks at least 5 mm long starting at the bleed's edge, and for "crop cross" a
registration target at the middle of each side, 0.25 pt, in registration colour (the Separation
"All", which prints on every plate), marked as artifacts for the tagged PDF.
"""

from __future__ import annotations

from typing import Any

from ..source.manifest import POINTS_PER_UNIT
from ..source.manifest import length_points as points

MM = POINTS_PER_UNIT["mm"]
LINE = 0.25  # pt
MARK = 5.0 * MM  # the shortest crop mark
TARGET = 2.5 * MM  # radius of a registration target


def css_bleed(bleed: str, slug: str, marks: str) -> str:
    """The CSS bleed that makes room for the slug: the manifest's bleed, plus the slug when there are marks."""
    total = points(bleed) + (points(slug) if marks != "none" else 0.0)
    return f"{total:.3f}pt"


def draw_marks(pdf: Any, bleed: float, marks: str) -> None:
    """Set each page's BleedBox to its TrimBox grown by `bleed` (pt), and draw `marks` in the slug."""
    import pydyf

    by_reference = {obj.reference: obj for obj in pdf.objects[1:] if hasattr(obj, "reference")}
    registration = pydyf.Array(["/Separation", "/All", "/DeviceCMYK", _all_plates(pdf)])
    for number in pdf.pages["Kids"][::3]:
        page = pdf.objects[number]
        if not isinstance(page, pydyf.Dictionary) or "TrimBox" not in page:
            continue
        x0, y0, x1, y1 = _box(page["TrimBox"])
        page["BleedBox"] = pydyf.Array([x0 - bleed, y0 - bleed, x1 + bleed, y1 + bleed])
        if marks == "none":
            continue
        media = _box(page["MediaBox"])
        slug = min(x0 - media[0], y0 - media[1]) - bleed
        stream, resources = by_reference.get(page.get("Contents")), by_reference.get(page.get("Resources"))
        if not (isinstance(stream, pydyf.Stream) and isinstance(stream.stream, list) and resources is not None):
            continue
        spaces = resources.get("ColorSpace")
        if not isinstance(spaces, pydyf.Dictionary):
            spaces = resources["ColorSpace"] = pydyf.Dictionary()
        spaces["Registration"] = registration
        drawing = _crop_marks((x0, y0, x1, y1), bleed, slug)
        if "cross" in marks:
            drawing += _targets((x0, y0, x1, y1), bleed, slug)
        # WeasyPrint's stream starts with its own transformation and leaves it in place: draw outside it.
        stream.stream.insert(0, b"q")
        stream.stream += [b"Q", b"/Artifact BMC q", f"{LINE} w 0 J".encode(), b"/Registration CS 1 SCN", *drawing]
        stream.stream += [b"Q EMC"]


def _crop_marks(trim: tuple[float, float, float, float], bleed: float, slug: float) -> list[bytes]:
    """Eight lines on the trim's edges extended, from the bleed's edge out into the slug."""
    x0, y0, x1, y1 = trim
    length = max(MARK, slug - MM)  # leave a millimetre of the slug blank at the paper's edge
    out = []
    for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
        dx = -1 if x == x0 else 1
        dy = -1 if y == y0 else 1
        start_x, start_y = x + dx * bleed, y + dy * bleed
        out.append(f"{start_x:.3f} {y:.3f} m {start_x + dx * length:.3f} {y:.3f} l S".encode())
        out.append(f"{x:.3f} {start_y:.3f} m {x:.3f} {start_y + dy * length:.3f} l S".encode())
    return out


def _targets(trim: tuple[float, float, float, float], bleed: float, slug: float) -> list[bytes]:
    """A circle with a cross at the middle of each side, centred in the slug."""
    x0, y0, x1, y1 = trim
    middle = bleed + slug / 2
    radius = min(TARGET, slug / 2 - MM)
    centres = [((x0 + x1) / 2, y0 - middle), ((x0 + x1) / 2, y1 + middle), (x0 - middle, (y0 + y1) / 2)]
    centres.append((x1 + middle, (y0 + y1) / 2))
    out = []
    k = 0.5523 * radius  # Bézier control distance of a quarter circle
    for cx, cy in centres:
        out.append(
            (
                f"{cx + radius:.3f} {cy:.3f} m "
                f"{cx + radius:.3f} {cy + k:.3f} {cx + k:.3f} {cy + radius:.3f} {cx:.3f} {cy + radius:.3f} c "
                f"{cx - k:.3f} {cy + radius:.3f} {cx - radius:.3f} {cy + k:.3f} {cx - radius:.3f} {cy:.3f} c "
                f"{cx - radius:.3f} {cy - k:.3f} {cx - k:.3f} {cy - radius:.3f} {cx:.3f} {cy - radius:.3f} c "
                f"{cx + k:.3f} {cy - radius:.3f} {cx + radius:.3f} {cy - k:.3f} {cx + radius:.3f} {cy:.3f} c S"
            ).encode()
        )
        reach = radius * 1.4
        out.append(f"{cx - reach:.3f} {cy:.3f} m {cx + reach:.3f} {cy:.3f} l S".encode())
        out.append(f"{cx:.3f} {cy - reach:.3f} m {cx:.3f} {cy + reach:.3f} l S".encode())
    return out


def _all_plates(pdf: Any) -> Any:
    """The tint transform of the registration colour: full ink on the four process plates."""
    import pydyf

    function = pydyf.Dictionary(
        {
            "FunctionType": 2,
            "Domain": pydyf.Array([0, 1]),
            "C0": pydyf.Array([0, 0, 0, 0]),
            "C1": pydyf.Array([1, 1, 1, 1]),
            "N": 1,
        }
    )
    pdf.add_object(function)
    return function.reference


def _box(values: Any) -> tuple[float, float, float, float]:
    left, bottom, right, top = (float(v) for v in values)
    return min(left, right), min(bottom, top), max(left, right), max(bottom, top)
