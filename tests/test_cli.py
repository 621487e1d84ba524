"""The command line: help, version, workspace option, output lines, and exit codes."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FIXTURES, REPO, SEED, make_workspace, run_publish

from publisher import __version__


def test_help_and_version() -> None:
    result = run_publish("--help")
    assert result.returncode == 0
    assert "build" in result.stdout and "-C, --workspace" in result.stdout
    assert run_publish("--version").stdout.strip() == f"publish, version {__version__}"


def test_build_a_named_publication_in_the_current_folder(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    result = run_publish("build", "book", "--format", "epub", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote dist/book.epub (")
    assert sorted(p.name for p in (root / "dist").iterdir()) == ["SHA256SUMS", "book.epub", "index.html"]


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run_publish("-C", str(tmp_path), "build", "--format", "docx")
    assert result.returncode == 2
    assert "unknown format docx" in result.stderr


def test_a_renderer_failure_is_exit_1_with_one_line(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    import publisher.pdf.render
    from publisher.cli import main

    def broken(*args, **kwargs):
        raise RuntimeError("cairo exploded")

    monkeypatch.setattr(publisher.pdf.render, "render_pdf", broken)
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    result = CliRunner().invoke(main, ["-C", str(root), "build", "--jobs", "1"])  # patched here, not in workers
    assert result.exit_code == 1
    assert result.output == "error: source/book: PDF rendering failed: RuntimeError: cairo exploded\n"
    assert not (root / "dist").exists()


def test_new_scaffolds_a_publication_that_builds_and_never_overwrites(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    (root / "source").mkdir(parents=True)
    result = run_publish("-C", str(root), "new", "city-news", "--title", 'أخبار "المدينة"')
    assert result.returncode == 0, result.stderr
    folder = root / "source" / "city-news"
    assert sorted(p.name for p in folder.iterdir()) == ["article.md", "manifest.toml"]
    assert 'title = "أخبار \\"المدينة\\""' in (folder / "manifest.toml").read_text(encoding="utf-8")
    manifest_before = (folder / "manifest.toml").read_bytes()

    again = run_publish("-C", str(root), "new", "city-news")
    assert again.returncode == 2
    assert again.stderr == "error: source/city-news: already exists; publish new never overwrites a publication\n"
    assert (folder / "manifest.toml").read_bytes() == manifest_before

    built = run_publish("-C", str(root), "build")
    assert built.returncode == 0, built.stderr
    assert (root / "dist" / "city-news.epub").exists()


def test_new_refuses_a_slug_that_cannot_name_files(tmp_path: Path) -> None:
    result = run_publish("-C", str(tmp_path), "new", "Not A Slug")
    assert result.returncode == 2
    assert "a slug is lower-case Latin letters, digits and hyphens" in result.stderr


def test_build_check_names_stale_files_and_writes_nothing(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    assert run_publish("-C", str(root), "build").returncode == 0
    fresh = run_publish("-C", str(root), "build", "--check")
    assert (fresh.returncode, fresh.stdout) == (0, "dist/ holds what source/ builds now\n")

    manifest = root / "source" / "book" / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("دار التجربة", "دار أخرى"), encoding="utf-8")
    (root / "dist" / "old.pdf").write_bytes(b"%PDF old")
    before = {p: p.read_bytes() for p in (root / "dist").rglob("*") if p.is_file()}
    stale = run_publish("-C", str(root), "build", "--check")
    assert stale.returncode == 2
    # the web edition's font subsets change with its characters: new names in dist/assets/, old ones unused
    assert [line for line in stale.stderr.splitlines() if not line.startswith("error: dist/assets/")] == [
        "error: dist/SHA256SUMS: differs from what source/ builds now; run publish build and commit dist/",
        "error: dist/book.epub: differs from what source/ builds now; run publish build and commit dist/",
        "error: dist/book.html: differs from what source/ builds now; run publish build and commit dist/",
        "error: dist/book.pdf: differs from what source/ builds now; run publish build and commit dist/",
        "error: dist/index.html: differs from what source/ builds now; run publish build and commit dist/",
        "error: dist/old.pdf: no publication in source/ makes it any more; run publish build to remove it",
    ]
    assert {p: p.read_bytes() for p in (root / "dist").rglob("*") if p.is_file()} == before


def test_json_summary_quiet_and_verbose(tmp_path: Path) -> None:
    import hashlib
    import json

    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    result = run_publish("-C", str(root), "build", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert [(a["slug"], a["format"], a["path"]) for a in summary["artifacts"]] == [
        ("book", "pdf", "dist/book.pdf"),
        ("book", "epub", "dist/book.epub"),
        ("book", "web", "dist/book.html"),
    ]
    for artifact in summary["artifacts"]:
        data = (root / artifact["path"]).read_bytes()
        assert (artifact["size"], artifact["sha256"]) == (len(data), hashlib.sha256(data).hexdigest())
        assert artifact["seconds"] > 0
    assert summary["seconds"] >= sum(a["seconds"] for a in summary["artifacts"])
    assert summary["warnings"] == []

    quiet = run_publish("-C", str(root), "build", "--quiet")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    verbose = run_publish("-C", str(root), "build", "book", "--format", "pdf", "--verbose")
    assert re.fullmatch(r"up to date: dist/book\.pdf \(\d+ KB\)\n", verbose.stdout)
    again = run_publish("-C", str(root), "build", "book", "--format", "pdf", "--verbose", "--no-cache")
    assert re.fullmatch(r"wrote dist/book\.pdf \(\d+ KB, \d+\.\d\d s, sha256 [0-9a-f]{64}\)\n", again.stdout)


def test_progress_on_a_terminal_and_plain_text_elsewhere(tmp_path: Path) -> None:
    """On a terminal a long build shows a rich progress bar; piped or with NO_COLOR, plain lines only."""
    import os
    import pty
    import subprocess
    import sys

    root = make_workspace(tmp_path / "ws", FIXTURES / "book", FIXTURES / "mixed", REPO / "source" / SEED)
    piped = run_publish("-C", str(root), "build")
    assert "\x1b[" not in piped.stdout + piped.stderr
    assert piped.stdout.count("wrote dist/") == 9  # a PDF, an EPUB and a web edition each

    def on_terminal(env: dict[str, str]) -> str:
        leader, follower = pty.openpty()
        process = subprocess.Popen(
            # one process and six artifacts, so the rendering surely outlasts the bar's one-second
            # delay (about 2.5 s here; in parallel four took about one, and then no bar is due)
            [sys.executable, "-m", "publisher", "-C", str(root), "build", "--no-cache", "--jobs", "1"],
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env={**os.environ, **env},
            close_fds=True,
        )
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        process.wait(timeout=300)
        os.close(leader)
        return output.decode(errors="replace")

    shown = on_terminal({"TERM": "xterm"})
    assert "\x1b[" in shown and "/9" in shown  # the bar, with its count of artifacts
    assert shown.count("wrote dist/") == 9
    plain = on_terminal({"TERM": "xterm", "NO_COLOR": "1"})
    assert "\x1b[" not in plain and plain.count("wrote dist/") == 9


def test_renderer_warnings_are_collected_and_shown_once_at_the_end(tmp_path: Path) -> None:
    import json

    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    (root / "templates" / "pdf").mkdir(parents=True)
    css = (REPO / "templates" / "pdf" / "book.css").read_text()
    (root / "templates" / "pdf" / "book.css").write_text(css + "\np { colour: red; }\nh2 { colour: red; }\n")
    result = run_publish("-C", str(root), "build")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    assert all(
        re.fullmatch(r"warning: source/book: PDF: Ignored `colour: red` at \d+:\d+, unknown property\.", line)
        for line in lines
    ), lines
    assert result.stdout.splitlines()[-1].startswith("wrote dist/book.html")
    summary = json.loads(run_publish("-C", str(root), "build", "--json").stdout)
    assert len(summary["warnings"]) == 2 and all("colour: red" in w for w in summary["warnings"])


def test_help_imports_no_renderer() -> None:
    """`publish --help` stays fast: WeasyPrint, Jinja2, Markdown and fontTools load only to render."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "publisher", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "publish build" in result.stdout
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
    assert "click" in imported
    assert not imported & {"weasyprint", "ebooklib", "fontTools", "jinja2", "markdown_it", "PIL", "uharfbuzz"}


def test_every_problem_of_every_publication_once_sorted_and_as_json(tmp_path: Path) -> None:
    """A manifest error in one publication hides nothing of another's text, nor of its own text."""
    import json
    import shutil

    root = tmp_path / "ws"
    shutil.copytree(REPO / "tests" / "bad" / "every-problem", root, ignore=shutil.ignore_patterns("expected.txt"))
    expected = (REPO / "tests" / "bad" / "every-problem" / "expected.txt").read_text(encoding="utf-8")
    lines = expected.splitlines()
    assert len(lines) == len(set(lines)) == 7  # a's four problems, b's link, b's two manifest errors: once each
    assert any("<script>" in line for line in lines) and any("UNICORN" in line for line in lines)
    assert any("#nowhere" in line for line in lines)  # b's text is read though its manifest is wrong

    for command in (["build", "--json"], ["check", "--json"]):
        result = run_publish("-C", str(root), *command)
        assert result.returncode == 2, result.stderr
        assert result.stderr == expected  # the human lines are still there
        errors = json.loads(result.stdout)["errors"]
        assert [f"error: {e['message']}" for e in errors] == lines
        assert errors[0] == {
            "file": "source/a/article.md",
            "line": 3,
            "key": None,
            "message": "source/a/article.md line 3: raw HTML <script> is not allowed in an article; remove it",
        }
        assert (errors[2]["file"], errors[2]["line"]) == ("source/a/article.md", 7)  # the font coverage line
        assert [(e["file"], e["line"], e["key"]) for e in errors[-2:]] == [
            ("source/b/manifest.toml", None, "titl"),
            ("source/b/manifest.toml", None, "title"),
        ]
    assert not (root / "dist").exists()


def test_json_errors_for_a_bad_argument_and_a_good_check(tmp_path: Path) -> None:
    import json

    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    result = run_publish("-C", str(root), "build", "--json", "--shard", "²/³")
    assert result.returncode == 2
    assert json.loads(result.stdout) == {
        "errors": [
            {
                "file": None,
                "line": None,
                "key": None,
                "message": '--shard must be K/N with 1 <= K <= N, such as 1/4; got "²/³"',
            }
        ]
    }
    checked = run_publish("-C", str(root), "check", "--json")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout) == {"checked": ["source/book: manifest, text and font coverage"], "errors": []}
