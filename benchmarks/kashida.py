"""What kashida justification costs: the 300-page book built cold with `justify = "kashida"` and with `"spaces"`.

The same generated book (corpus.make_book) in two workspaces, one with `[pdf] justify = "kashida"` in its
manifest; `publish build --format pdf` run in each, interleaved, cold (no cache). Issue 15's target: kashida
≤ 1.3 × spaces. Kashida lays the book out twice (and a third time when a paragraph's breaks moved).

    python benchmarks/kashida.py [--quick] [--pages N] [--repetitions N] [--keep DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from corpus import make_book
from harness import (
    Run,
    arguments,
    clean,
    interleave,
    machine,
    median_seconds,
    page_count,
    publish,
    run,
    spread,
    table,
    verdict,
    workspace_folder,
)

RATIO_TARGET = 1.3
QUICK_PAGES = 40


def main() -> int:
    options = arguments(__doc__.splitlines()[0], repetitions=3, quick_repetitions=1, size="pages")
    pages = options.pages or (QUICK_PAGES if options.quick else 300)
    print(f"Kashida against spaces, about {pages} A5 pages, {options.repetitions} runs each; {machine()}", flush=True)
    with workspace_folder(options.keep) as folder:
        workspaces = {mode: Path(folder) / mode for mode in ("spaces", "kashida")}
        for mode, workspace in workspaces.items():
            book = make_book(workspace, pages)
            manifest = book / "manifest.toml"
            text = manifest.read_text(encoding="utf-8")
            text = text.replace("[pdf]\n", f'[pdf]\njustify = "{mode}"\n') if "[pdf]" in text else text
            if "[pdf]" not in text:
                text += f'\n[pdf]\njustify = "{mode}"\n'
            manifest.write_text(text, encoding="utf-8")

        def cold(mode: str) -> Run:
            clean(workspaces[mode])
            return run(publish(workspaces[mode], "build", "--format", "pdf"), cwd=workspaces[mode])

        runs = interleave({mode: (lambda mode=mode: cold(mode)) for mode in workspaces}, options.repetitions)
        counts = {mode: page_count(workspace / "dist" / "book.pdf") for mode, workspace in workspaces.items()}
    rows = [[mode, median_seconds(r), spread(r), counts[mode]] for mode, r in runs.items()]
    print()
    print(table(["justify", "median s", "min–max s", "pages"], rows))
    ratio = median_seconds(runs["kashida"]) / median_seconds(runs["spaces"])
    print(f"\nratio kashida/spaces: {ratio:.2f} (target ≤ {RATIO_TARGET}: {verdict(ratio, RATIO_TARGET)})")
    if counts["kashida"] > counts["spaces"]:
        print(f"warning: kashida made {counts['kashida']} pages, spaces {counts['spaces']}: lines moved")
    return 0


if __name__ == "__main__":
    sys.exit(main())
