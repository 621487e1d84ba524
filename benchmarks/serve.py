"""`publish serve` on the seed: from a save to the page's reload event, and to the new PDF in dist/.

Starts `publish serve --port 0` on a copy of the seed workspace, listens to its event stream as an open
page does, then saves the article several times (a new last paragraph each time, waiting for the whole
rebuild in between) and times, from the moment the save returns:
- save → event: the first event telling the pages what changed (the web edition's, when the build makes
  one; otherwise the PDF step's, which also remakes the download page dist/index.html);
- save → page: the event naming the page a browser would have open, <slug>.html when there is one, else
  index.html (the browser's own reload, some tens of ms, comes on top);
- save → PDF: the event naming the new PDF, which the server sends once the file is in dist/.
For comparison it also prints serve's own time from the change it saw to the PDF in dist/ (the rest is
the file watcher's), and times, after each save, a cold `publish build --format pdf --no-cache` of the
same text in a new process (what the warm renderer saves) and the bare `weasyprint` command on the
HTML publish renders (baseline.py): the ratio save → PDF / weasyprint travels between machines.

    python benchmarks/serve.py [--quick] [--repetitions N] [--keep DIR]
"""

from __future__ import annotations

import http.client
import json
import queue
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from baseline import weasyprint, weasyprint_env, write_html
from corpus import SEED_SLUG, copy_seed
from harness import arguments, machine, publish, run, table, verdict, workspace_folder

PAGE_TARGET, PDF_TARGET = 0.5, 1.0


class Server:
    """`publish serve` in a new process, its output lines and its events as they arrive."""

    def __init__(self, workspace: Path) -> None:
        command = [*publish(workspace, "serve", "--port", "0")]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.events: queue.Queue[tuple[float, dict]] = queue.Queue()
        threading.Thread(target=self._read_output, daemon=True).start()
        started = time.perf_counter()
        while not (match := re.search(r"serving http://127\.0\.0\.1:(\d+)/", self.lines.get(timeout=300))):
            if time.perf_counter() - started > 300:
                raise RuntimeError("publish serve did not start")
        self.port = int(match[1])
        threading.Thread(target=self._read_events, daemon=True).start()

    def _read_output(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def _read_events(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port)
        connection.request("GET", "/__publish/events")  # its first reply (a reload) is drained before each save
        response = connection.getresponse()
        kind = ""
        for raw in response:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("event: "):
                kind = line[7:]
            elif line.startswith("data: ") and kind == "build":
                self.events.put((time.perf_counter(), json.loads(line[6:])))

    def until(self, wanted: str, timeout: float = 120) -> list[tuple[float, dict]]:
        """The events up to the first that names `wanted` (a path such as /index.html)."""
        deadline, events = time.perf_counter() + timeout, []
        while True:
            moment, event = self.events.get(timeout=max(0.1, deadline - time.perf_counter()))
            if event["errors"]:
                raise RuntimeError(f"the build failed: {event['errors']}")
            events.append((moment, event))
            if wanted in event["changed"]:
                return events

    def drain(self) -> list[str]:
        lines = []
        while not self.lines.empty():
            lines.append(self.lines.get())
        return lines

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def main() -> int:
    options = arguments(__doc__.splitlines()[0], repetitions=7, quick_repetitions=2)
    print(f"publish serve on the seed, {options.repetitions} saves; {machine()}", flush=True)
    with workspace_folder(options.keep) as folder:
        workspace = Path(folder)
        article = copy_seed(workspace) / "article.txt"
        text = article.read_text(encoding="utf-8")
        server = Server(workspace)
        web = (workspace / "dist" / f"{SEED_SLUG}.html").is_file()
        page = f"/{SEED_SLUG}.html" if web else "/index.html"
        first, to_page, to_pdf, renders, cold, bare = [], [], [], [], [], []
        try:
            time.sleep(1)  # the watcher and the event stream are listening
            for number in range(options.repetitions):
                server.drain()
                while not server.events.empty():  # the stream's first reply, or a late step of the last save
                    server.events.get()
                article.write_text(f"{text}\nفقرة أضيفت للقياس رقم {number}.\n", encoding="utf-8")
                saved = time.perf_counter()
                events = server.until(f"/{SEED_SLUG}.epub")  # the last step of the rebuild

                def when(path: str, events: list[tuple[float, dict]] = events, saved: float = saved) -> float:
                    return next(moment for moment, event in events if path in event["changed"]) - saved

                first.append(events[0][0] - saved)
                to_page.append(when(page))
                to_pdf.append(when(f"/{SEED_SLUG}.pdf"))
                time.sleep(0.5)
                pattern = rf"wrote dist/{SEED_SLUG}\.pdf \(.*, ([\d.]+) s\)"
                printed = [m for line in server.drain() if (m := re.search(pattern, line))]
                renders.append(float(printed[0][1]) if printed else float("nan"))
                cold.append(run(publish(workspace, "build", "--format", "pdf", "--no-cache"), cwd=workspace).seconds)
                baseline = write_html(workspace, SEED_SLUG, workspace / "baseline")
                command = weasyprint(baseline, workspace / "baseline" / "bare.pdf")
                bare.append(run(command, cwd=workspace, env=weasyprint_env(baseline)).seconds)
                print(
                    f"  save {number + 1}: event {first[-1]:.2f} s, page {to_page[-1]:.2f} s, "
                    f"PDF {to_pdf[-1]:.2f} s (serve's own {renders[-1]:.2f} s); "
                    f"cold build --format pdf {cold[-1]:.2f} s, weasyprint {bare[-1]:.2f} s",
                    file=sys.stderr,
                )
        finally:
            server.stop()
    median = statistics.median
    page_target = f"≤ {PAGE_TARGET} s: {verdict(median(to_page), PAGE_TARGET)}"
    rows = [
        ["save → first event", median(first), min(first), max(first), ""],
        [f"save → {page.lstrip('/')} event", median(to_page), min(to_page), max(to_page), page_target],
        [
            "save → new PDF event",
            median(to_pdf),
            min(to_pdf),
            max(to_pdf),
            f"≤ {PDF_TARGET} s: {verdict(median(to_pdf), PDF_TARGET)}",
        ],
        ["change seen → PDF (as serve prints)", median(renders), min(renders), max(renders), ""],
        ["cold publish build --format pdf", median(cold), min(cold), max(cold), ""],
        ["weasyprint command, same HTML", median(bare), min(bare), max(bare), ""],
    ]
    print(table(["seconds", "median", "fastest", "slowest", "target"], rows))
    print(f"cold build / save → new PDF: {median(cold) / median(to_pdf):.2f}×")
    print(f"save → new PDF / weasyprint command: {median(to_pdf) / median(bare):.2f}×")
    if not web:
        print("(no web edition in this build: the page timed is the download page, remade with the PDF)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
