"""The command line: help, version, workspace option, output lines, and exit codes."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, make_workspace, run_publish

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

    import publisher.pdf
    from publisher.cli import main

    def broken(*args, **kwargs):
        raise RuntimeError("cairo exploded")

    monkeypatch.setattr(publisher.pdf, "render_pdf", broken)
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    result = CliRunner().invoke(main, ["-C", str(root), "build"])
    assert result.exit_code == 1
    assert result.output == "error: source/book: PDF rendering failed: RuntimeError: cairo exploded\n"
    assert not (root / "dist").exists()
