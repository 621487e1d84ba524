"""Every folder of tests/bad/ is refused with its exact message, exit code 2, and dist/ untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import run_publish

BAD = Path(__file__).resolve().parent / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir())


def test_the_corpus_has_the_cases_the_foundation_promises() -> None:
    promised = {
        "missing-manifest",
        "malformed-toml",
        "missing-title",
        "authors-not-a-list",
        "unknown-key",
        "text-file-missing",
    }
    assert promised <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_cleanly(case: str, tmp_path: Path) -> None:
    workspace = tmp_path / case
    shutil.copytree(BAD / case, workspace, symlinks=True, ignore=shutil.ignore_patterns("expected.txt"))
    (tmp_path / "README.md").write_text("a file outside the workspace, for the cases that link to it\n")
    dist = workspace / "dist"
    dist.mkdir()
    earlier = {"pub.pdf": b"%PDF-1.7 earlier build", "pub.epub": b"PK earlier build", "other.pdf": b"%PDF other"}
    for name, data in earlier.items():
        (dist / name).write_bytes(data)

    result = run_publish("-C", str(workspace), "build")

    expected = (BAD / case / "expected.txt").read_text(encoding="utf-8")
    assert result.returncode == 2, result.stderr
    assert result.stderr == expected
    assert "Traceback" not in result.stderr
    places = ("error: source/", "error: U+", "error: templates/", "error: fonts/", "error: publish.toml")
    assert all(line.startswith(places) for line in result.stderr.splitlines())  # workspace-relative, always
    assert {p.name: p.read_bytes() for p in dist.iterdir()} == earlier


def test_one_bad_publication_stops_the_whole_build(tmp_path: Path) -> None:
    """A good publication beside a bad one is not built either: CI must not ship half a release."""
    workspace = tmp_path / "mixed"
    shutil.copytree(BAD / "missing-title", workspace, ignore=shutil.ignore_patterns("expected.txt"))
    shutil.copytree(Path(__file__).parent / "fixtures" / "book", workspace / "source" / "book")

    result = run_publish("-C", str(workspace), "build")

    assert result.returncode == 2
    assert result.stderr.strip() == "error: source/pub/manifest.toml: 'title' is required"
    assert not (workspace / "dist").exists()


def test_unknown_slug_and_missing_source_are_input_errors(tmp_path: Path) -> None:
    result = run_publish("-C", str(tmp_path), "build")
    assert result.returncode == 2
    assert "no source/ folder" in result.stderr

    (tmp_path / "source" / "real").mkdir(parents=True)
    result = run_publish("-C", str(tmp_path), "build", "nope")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: source/nope: no such publication (there are: real)"


def test_a_20_mib_article_fails_cleanly_and_small(tmp_path: Path) -> None:
    """Refused before it is read whole: one line, exit 2, and the process stays far below 1 GiB."""
    import resource

    folder = tmp_path / "ws" / "source" / "huge"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "كبير"\nauthors = ["أ"]\n', encoding="utf-8")
    paragraph = ("كلمة " * 200 + "\n\n").encode()
    with (folder / "article.txt").open("wb") as out:
        for _ in range(20 * 2**20 // len(paragraph) + 1):
            out.write(paragraph)
    result = run_publish("-C", str(tmp_path / "ws"), "build")
    assert result.returncode == 2
    assert result.stderr.startswith("error: source/huge/article.txt: 20.0 MiB is too large for one text file")
    assert len(result.stderr.splitlines()) == 1
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 1024 * 1024  # KiB: under 1 GiB
