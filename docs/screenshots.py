"""The README's pictures of the web edition, taken from dist/ as it is: the seed's page at a phone's
width (375 px) and a desktop's (1280 px), in Debian's chromium (run from the repository's root, after
`publish build`):

    python docs/screenshots.py

Writes docs/web-edition-375.png and docs/web-edition-1280.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = "beni-mellal-social-pole"
sys.path.insert(0, str(REPO / "tests"))

from browser import launch, load_fonts  # noqa: E402  (tests/browser.py: chromium, never downloaded)

SHOTS = {375: (375, 1400), 1280: (1280, 1000)}  # width → the viewport pictured (the page's top)


def main() -> None:
    from playwright.sync_api import sync_playwright

    page_file = REPO / "dist" / f"{SEED}.html"
    if not page_file.is_file():
        sys.exit(f"{page_file.relative_to(REPO)} is missing: run publish build first")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for width, (w, h) in SHOTS.items():
                page = browser.new_page(viewport={"width": w, "height": h}, device_scale_factor=1)
                page.goto(page_file.as_uri())
                load_fonts(page)
                out = REPO / "docs" / f"web-edition-{width}.png"
                page.screenshot(path=str(out))
                print(f"wrote {out.relative_to(REPO)}")
                page.close()
        finally:
            browser.close()


if __name__ == "__main__":
    main()
