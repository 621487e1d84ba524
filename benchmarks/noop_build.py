"""A no-op `publish build` (nothing changed since the last build) and `publish --help`: start-up costs.

After one build of a copy of the seed workspace, times `publish build` again with nothing changed
(target ≤ 0.2 s) and `publish --help` (target ≤ 0.3 s), interleaved. One more run of each under
`python -X importtime` tells whether the process imported WeasyPrint, and how long that import took.
The script measures whatever the command does now: a no-op that rebuilds everything shows as such.

    python benchmarks/noop_build.py [--quick] [--repetitions N]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from corpus import copy_seed
from harness import (
    Run,
    arguments,
    interleave,
    machine,
    median_rss,
    median_seconds,
    publish,
    run,
    spread,
    table,
    verdict,
    workspace_folder,
)

NOOP_TARGET = 0.2
HELP_TARGET = 0.3
HEAVY = ("weasyprint", "fontTools", "ebooklib", "markdown_it", "jinja2")


@dataclass(frozen=True)
class Imports:
    """What a `python -X importtime` run imported: seconds per module, self and cumulative."""

    own: dict[str, float]
    cumulative: dict[str, float]

    def package(self, name: str) -> float:
        """Seconds spent in the modules of one package (their own time, so nothing counted twice)."""
        return sum(s for module, s in self.own.items() if module == name or module.startswith(name + "."))


def imports(importtime: str) -> Imports:
    """Parse the stderr of `python -X importtime`."""
    own: dict[str, float] = {}
    cumulative: dict[str, float] = {}
    for line in importtime.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if not line.startswith("import time:") or len(fields) != 3 or not fields[0].strip().isdigit():
            continue
        name = fields[2].strip()
        own[name] = own.get(name, 0.0) + int(fields[0]) / 1e6
        cumulative[name] = max(cumulative.get(name, 0.0), int(fields[1]) / 1e6)
    return Imports(own, cumulative)


def dist_times(workspace: Path) -> dict[str, int]:
    """Modification times of the files of dist/, to see whether a build rewrote them."""
    return {p.name: p.stat().st_mtime_ns for p in (workspace / "dist").iterdir() if p.is_file()}


def main() -> int:
    options = arguments(__doc__.splitlines()[0], repetitions=5, quick_repetitions=2)
    print(f"No-op build and --help of the seed workspace, {options.repetitions} runs each; {machine()}", flush=True)
    with workspace_folder(options.keep) as folder:
        workspace = Path(folder)
        copy_seed(workspace)
        first = run(publish(workspace, "build"), cwd=workspace)
        before = dist_times(workspace)

        def noop() -> Run:
            return run(publish(workspace, "build"), cwd=workspace)

        def help_() -> Run:
            return run(publish(workspace, "--help"), cwd=workspace)

        runs = interleave({"publish build (no-op)": noop, "publish --help": help_}, options.repetitions)
        rewritten = sorted(name for name, mtime in dist_times(workspace).items() if before.get(name) != mtime)
        profile = {
            "publish build (no-op)": imports(run_profiled(["-X", "importtime"], workspace, "build").stderr),
            "publish --help": imports(run_profiled(["-X", "importtime"], workspace, "--help").stderr),
        }

    noop_runs, help_runs = runs["publish build (no-op)"], runs["publish --help"]
    targets = {"publish build (no-op)": NOOP_TARGET, "publish --help": HELP_TARGET}
    print(f"\nfirst (cold) build: {first.seconds:.2f} s\n")
    rows = []
    for name, measured in (("publish build (no-op)", noop_runs), ("publish --help", help_runs)):
        seconds = median_seconds(measured)
        weasyprint = profile[name].cumulative.get("weasyprint")
        rows.append(
            [
                name,
                seconds,
                spread(measured),
                median_rss(measured),
                f"≤ {targets[name]} s: {verdict(seconds, targets[name])}",
                f"yes ({weasyprint:.2f} s)" if weasyprint is not None else "no",
            ]
        )
    print(table(["command", "median s", "min–max s", "peak RSS MiB", "target", "imports WeasyPrint"], rows))
    print(f"\nno-op build rewrote in dist/: {', '.join(rewritten) or 'nothing'}")
    noop_imports = profile["publish build (no-op)"]
    heavy = [f"{m} {noop_imports.package(m):.2f} s" for m in HEAVY if noop_imports.package(m)]
    print(f"heavy imports of the no-op build (own time of each package's modules): {', '.join(heavy) or 'none'}")
    return 0


def run_profiled(flags: list[str], workspace: Path, *args: str) -> Run:
    """`publish ARGS` with interpreter flags (such as -X importtime) before -m publisher."""
    command = publish(workspace, *args)
    return run([command[0], *flags, *command[1:]], cwd=workspace)


if __name__ == "__main__":
    sys.exit(main())
