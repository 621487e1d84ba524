"""The command line: help, version, workspace option, output lines, and exit codes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEED, copy_built, make_workspace, run_publish

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


@pytest.fixture(scope="module")
def book_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    """The book built by `publish build --json`, once for the module, and what the command said."""
    root = make_workspace(tmp_path_factory.mktemp("cli") / "ws", FIXTURES / "book")
    result = run_publish("-C", str(root), "build", "--json")
    assert result.returncode == 0, result.stderr
    return root, result


def test_build_check_names_stale_files_and_writes_nothing(book_built, tmp_path: Path) -> None:
    root = copy_built(book_built[0], tmp_path / "ws")
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
        "error: dist/SHA256SUMS: differs from what source/ builds now; run publish build",  # not in git: no commit
        "error: dist/book.epub: differs from what source/ builds now; run publish build",
        "error: dist/book.html: differs from what source/ builds now; run publish build",
        "error: dist/book.pdf: differs from what source/ builds now; run publish build",
        "error: dist/index.html: differs from what source/ builds now; run publish build",
        "error: dist/old.pdf: no publication in source/ makes it any more; run publish build to remove it",
    ]
    assert {p: p.read_bytes() for p in (root / "dist").rglob("*") if p.is_file()} == before

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)  # a work tree above the workspace
    in_git = run_publish("-C", str(root), "build", "--check")
    assert in_git.returncode == 2
    assert "error: dist/book.pdf: differs from what source/ builds now; run publish build and commit dist/\n" in (
        in_git.stderr
    )


def test_json_summary_quiet_and_verbose(book_built, tmp_path: Path) -> None:
    import hashlib
    import json

    root, result = book_built
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

    root = copy_built(root, tmp_path / "ws")
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
    never_built = run_publish("-C", str(root), "check", "--json")
    assert never_built.returncode == 2
    assert never_built.stderr == "error: dist/: missing; this workspace was never built, run publish build\n"
    assert [e["message"] for e in json.loads(never_built.stdout)["errors"]] == [never_built.stderr[7:-1]]


def test_output_flags_go_before_or_after_the_command_on_every_command(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    for command in ("build", "site", "check", "watch", "new", "list"):
        helped = run_publish(command, "--help")
        assert all(flag in helped.stdout for flag in ("-v, --verbose", "-q, --quiet", "--json")), command
    before = run_publish("-C", str(root), "--json", "list")
    after = run_publish("-C", str(root), "list", "--json")
    assert before.returncode == after.returncode == 0, before.stderr + after.stderr
    assert json.loads(before.stdout) == json.loads(after.stdout)
    assert json.loads(before.stdout)["publications"][0]["slug"] == "book"
    assert run_publish("-C", str(root), "-q", "list").stdout == run_publish("-C", str(root), "list", "-q").stdout == ""
    both = run_publish("-C", str(root), "-v", "list", "-q")
    assert both.returncode == 2 and "contradict" in both.stderr


def test_paths_in_messages_start_from_the_current_folder(tmp_path: Path) -> None:
    """With -C some/dir, a message names some/dir/source/..., a path the user can open from where they stand."""
    root = make_workspace(tmp_path / "press" / "ws", FIXTURES / "book")
    manifest = root / "source" / "book" / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("authors =", "auteurs ="), encoding="utf-8")
    result = run_publish("-C", "press/ws", "build", "--json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: press/ws/source/book/manifest.toml: unknown key 'auteurs'"), result.stderr
    assert json.loads(result.stdout)["errors"][0]["file"] == "press/ws/source/book/manifest.toml"
    here = run_publish("build", cwd=root)  # in the workspace: as before
    assert here.stderr.startswith("error: source/book/manifest.toml: unknown key 'auteurs'"), here.stderr


def test_list_shows_each_publications_state(book_built, tmp_path: Path) -> None:
    root = copy_built(book_built[0], tmp_path / "ws")
    shutil.copytree(FIXTURES / "mixed", root / "source" / "mixed")
    assert run_publish("-C", str(root), "build", "book").returncode == 0
    (root / "source" / "broken").mkdir()
    (root / "source" / "broken" / "manifest.toml").write_text('title = "x"\n', encoding="utf-8")
    before = {str(p): p.stat().st_mtime_ns for p in root.rglob("*")}

    listed = run_publish("-C", str(root), "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [
        "book    up to date  ar      pdf,epub,web  دفتر الورشة",
        "broken  failing     -       pdf,epub,web",
        "mixed   stale       ar      pdf,epub,web  نص مختلط الاتجاه",
    ]
    why = run_publish("-C", str(root), "list", "-v", "broken").stdout.splitlines()
    assert why[1:] == [
        "  source/broken/manifest.toml: 'authors' is required",
        "  source/broken/manifest.toml: no text: add 'text = [\"article.md\"]' or put *.md / *.txt files "
        "beside the manifest",
    ]
    states = {p["slug"]: p for p in json.loads(run_publish("-C", str(root), "list", "--json").stdout)["publications"]}
    assert states["book"] == {
        "slug": "book",
        "title": "دفتر الورشة",
        "language": "ar",
        "formats": ["pdf", "epub", "web"],
        "state": "up to date",
        "problems": [],
    }
    assert (states["broken"]["state"], states["mixed"]["state"]) == ("failing", "stale")
    assert {str(p): p.stat().st_mtime_ns for p in root.rglob("*")} == before  # list writes nothing

    chapter = root / "source" / "book" / "a-second.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nفقرة.\n", encoding="utf-8")
    assert run_publish("-C", str(root), "list", "book").stdout.startswith("book  stale")
    (root / "dist" / "SHA256SUMS").unlink()
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("\nفقرة.\n", ""), encoding="utf-8")
    assert run_publish("-C", str(root), "list", "book").stdout.startswith("book  stale")  # dist/ is not whole


def test_shell_completion_offers_the_slugs(tmp_path: Path) -> None:
    import os
    import sys

    root = make_workspace(tmp_path / "ws", FIXTURES / "book", FIXTURES / "mixed")
    (root / "source" / "beta").mkdir()

    def complete(words: str) -> list[str]:
        env = {**os.environ, "_PUBLISH_COMPLETE": "bash_complete", "COMP_WORDS": words}
        env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
        result = subprocess.run(
            [sys.executable, "-c", "from publisher.cli import main; main(prog_name='publish')"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        return [line.split(",", 1)[1] for line in result.stdout.splitlines()]

    assert complete(f"publish -C {root} build b") == ["beta", "book"]
    assert complete(f"publish -C {root} check ") == ["beta", "book", "mixed"]
    assert complete(f"publish -C {root} li") == ["list"]
    script = subprocess.run(
        [sys.executable, "-c", "from publisher.cli import main; main(prog_name='publish')"],
        capture_output=True,
        text=True,
        env={**os.environ, "_PUBLISH_COMPLETE": "bash_source"},
        timeout=60,
    )
    assert "complete -o nosort -F _publish_completion publish" in script.stdout
