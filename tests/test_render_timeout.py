"""`[build] timeout`: a render that takes longer is stopped, its worker killed, and the build ends with
one line naming the artifact, exit 2, dist/ as it was. Tested with a real slow render (a book of some
60 pages under a 1-second limit), not with a sleep patched in."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import REPO, SEED, make_workspace, run_publish

from publisher.errors import ManifestError
from publisher.source.manifest import load_manifest

EARLIER = {"book.pdf": b"%PDF-1.7 earlier build", "book.epub": b"PK earlier", "seed.pdf": b"%PDF seed"}


def slow_book(root: Path, timeout: int | None) -> Path:
    """A book of 30 copies of the seed article (about 60 A5 pages: tens of seconds to render)."""
    folder = root / "source" / "book"
    folder.mkdir(parents=True)
    text = (REPO / "source" / SEED / "article.txt").read_text(encoding="utf-8")
    (folder / "book.txt").write_text("\n\n".join([text] * 30), encoding="utf-8")
    limit = f"\n[build]\ntimeout = {timeout}\n" if timeout else ""
    (folder / "manifest.toml").write_text(f'title = "كتاب بطيء"\nauthors = ["أ"]\n{limit}', encoding="utf-8")
    return root


def with_earlier_dist(root: Path) -> Path:
    dist = root / "dist"
    dist.mkdir()
    for name, data in EARLIER.items():
        (dist / name).write_bytes(data)
    return dist


def workers_left(root: Path) -> str:
    """The processes still running whose command line names this workspace (a worker is a fork of the build)."""
    found = subprocess.run(["pgrep", "-af", str(root)], capture_output=True, text=True)
    return found.stdout.strip()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_render_past_its_time_is_stopped_and_named(tmp_path: Path, jobs: str) -> None:
    root = slow_book(tmp_path / "ws", timeout=1)
    dist = with_earlier_dist(root)
    result = run_publish("-C", str(root), "build", "--jobs", jobs)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: source/book: ") and "Traceback" not in result.stderr
    assert (
        "rendering took longer than the 1 s limit ([build] timeout in source/book/manifest.toml); it was stopped"
        in line
    )
    # whichever render passes the limit first: the EPUB cover is drawn beside the PDF, and on a loaded machine it did
    assert line.split(": ")[2] in ("PDF", "EPUB", "WEB", "COVER")
    assert {p.name: p.read_bytes() for p in dist.iterdir()} == EARLIER
    assert workers_left(root) == ""


def test_one_publication_past_its_time_names_only_itself(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", REPO / "source" / SEED)
    slow_book(root, timeout=1)
    result = run_publish("-C", str(root), "build", "--format", "pdf")
    assert result.returncode == 2
    assert result.stderr.startswith("error: source/book: PDF: rendering took longer than the 1 s limit")
    assert SEED not in result.stderr and not (root / "dist").exists()
    dist = root / "dist"
    # the other publication, with the default limit, builds on its own
    alone = run_publish("-C", str(root), "build", SEED, "--format", "pdf", "--jobs", "1")
    assert alone.returncode == 0, alone.stderr
    assert (dist / f"{SEED}.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("value", "complaint"),
    [("0", "from 1 to 3600"), ("3601", "from 1 to 3600"), ('"5m"', "a whole number"), ("1.5", "a whole number")],
)
def test_a_timeout_out_of_bounds_is_refused(tmp_path: Path, value: str, complaint: str) -> None:
    folder = tmp_path / "source" / "pub"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("نص.\n", encoding="utf-8")
    (folder / "manifest.toml").write_text(
        f'title = "ع"\nauthors = ["أ"]\n[build]\ntimeout = {value}\n', encoding="utf-8"
    )
    with pytest.raises(ManifestError) as caught:
        load_manifest(folder)
    (message,) = caught.value.messages
    assert message.startswith("source/pub/manifest.toml: 'build.timeout' must be ") and complaint in message


def test_the_default_timeout_is_five_minutes(tmp_path: Path) -> None:
    folder = tmp_path / "source" / "pub"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("نص.\n", encoding="utf-8")
    (folder / "manifest.toml").write_text('title = "ع"\nauthors = ["أ"]\n', encoding="utf-8")
    assert load_manifest(folder).build.timeout == 300
