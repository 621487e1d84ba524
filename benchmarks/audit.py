"""What reading an artifact back before it reaches dist/ costs (publisher/builder/audit.py), beside
what rendering it costs: medians of 5 runs on the seed and the two-chapter test book.

    python benchmarks/audit.py
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from publisher import build
from publisher.builder.audit import epub_problems, pdf_problems
from publisher.source.fonts import load_fonts
from publisher.source.manifest import load_manifest

REPO = Path(__file__).resolve().parent.parent
RUNS = 5


def median_seconds(action: object) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    fonts = load_fonts((REPO / "fonts",))
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        for folder in (REPO / "source" / "beni-mellal-social-pole", REPO / "tests" / "fixtures" / "book"):
            shutil.copytree(folder, root / "source" / folder.name)
        artifacts = build(root, jobs=1, cache=False)
        for artifact in artifacts:
            data = artifact.path.read_bytes()
            manifest = load_manifest(root / "source" / artifact.slug)
            if artifact.format == "epub":
                seconds = median_seconds(partial(epub_problems, data, artifact.path.name))
            else:
                seconds = median_seconds(partial(pdf_problems, data, artifact.path.name, manifest, fonts))
            print(
                f"{artifact.path.name}: {len(data) // 1024} KB, audit {seconds * 1000:.1f} ms, "
                f"render {artifact.seconds * 1000:.0f} ms (with the audit), ratio {seconds / artifact.seconds:.1%}"
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
