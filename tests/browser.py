"""Debian's chromium through Playwright for Python, and axe-core (pinned in tools/axe/) injected into it.

Playwright never downloads a browser here: it drives /usr/bin/chromium (installed by .ci/run).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE = Path(__file__).resolve().parent.parent / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (375, 1280)  # a phone and a desktop, in CSS px


def launch(playwright: Any) -> Any:
    """Headless Debian chromium."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def load_fonts(page: Any) -> int:
    """Load every web font of the page (text in a font not yet decoded is invisible, and axe would
    measure its contrast against nothing); return how many faces loaded."""
    return int(page.evaluate("Promise.all([...document.fonts].map(face => face.load())).then(f => f.length)"))


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now, every rule axe runs by default (WCAG 2.x A and
    AA, best practices): each with its id, impact and the nodes it names."""
    assert AXE.is_file(), "npm ci --prefix tools/axe (see tools/axe/README.md)"
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]], "help": v["help"]}
        for v in result["violations"]
    ]
