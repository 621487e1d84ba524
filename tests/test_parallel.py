"""Parallel batches and shards: the same artifacts, in the same order, however the work is split."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEED, make_workspace, run_publish

from publisher.builder.plan import Shard

PUBLICATIONS = (REPO / "source" / SEED, FIXTURES / "book", FIXTURES / "mixed")


def summary(root: Path, *args: str) -> list[tuple[str, str]]:
    result = run_publish("-C", str(root), "build", "--json", "--no-cache", *args)
    assert result.returncode == 0, result.stderr
    return [(a["path"], a["sha256"]) for a in json.loads(result.stdout)["artifacts"]]


@pytest.fixture(scope="module")
def one_job(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, str]]]:
    """The publications built by one process (--jobs 1), and its summary: what every split of the work
    must give."""
    root = make_workspace(tmp_path_factory.mktemp("parallel") / "ws", *PUBLICATIONS)
    return root, summary(root, "--jobs", "1")


def test_output_and_its_order_do_not_depend_on_the_number_of_jobs(one_job, tmp_path: Path) -> None:
    root, one = tmp_path / "ws", one_job[1]
    shutil.copytree(one_job[0], root, symlinks=True)  # the builds below render everything (--no-cache)
    site = {name: (root / "dist" / name).read_bytes() for name in ("index.html", "SHA256SUMS")}
    assert [path for path, _ in one] == [
        f"dist/{s}.{f}" for s in ("beni-mellal-social-pole", "book", "mixed") for f in ("pdf", "epub", "html")
    ]
    for jobs in ("2", "3"):
        assert summary(root, "--jobs", jobs) == one, jobs
        assert {name: (root / "dist" / name).read_bytes() for name in site} == site


def test_shards_hold_every_publication_exactly_once() -> None:
    slugs = [f"article-{n:04d}" for n in range(500)]
    for count in range(1, 9):
        parts = [[s for s in slugs if Shard(k, count).holds(s)] for k in range(1, count + 1)]
        assert sorted(s for part in parts for s in part) == slugs, count
        if count > 1:  # and share the work out: no part is empty or holds more than twice its share
            assert all(0 < len(part) < 2 * len(slugs) / count for part in parts), [len(p) for p in parts]
    # stable: a slug's shard is a function of the slug alone (and of nothing on this machine)
    assert [Shard(k, 4).holds("beni-mellal-social-pole") for k in range(1, 5)].count(True) == 1
    assert Shard(1, 3).holds("article-0000") == Shard(1, 3).holds("article-0000")


@pytest.mark.parametrize("text", ["0/2", "3/2", "1/0", "a/b", "2", "1/2/3", "-1/2", "²/³", "١/٢", "1/99999999999"])
def test_a_bad_shard_is_one_line_and_exit_2(tmp_path: Path, text: str) -> None:
    root = make_workspace(tmp_path / "ws", REPO / "source" / SEED)
    result = run_publish("-C", str(root), "build", "--shard", text)
    assert result.returncode == 2
    assert result.stderr == f'error: --shard must be K/N with 1 <= K <= N, such as 1/4; got "{text}"\n'
    assert not (root / "dist").exists()


def test_merged_shards_give_the_same_dist_as_one_build(one_job, tmp_path: Path) -> None:
    """What the CI matrix does: N machines build a shard each, one job merges and makes the page."""
    expected = _files(one_job[0] / "dist")

    merged = make_workspace(tmp_path / "merged", *PUBLICATIONS)
    (merged / "dist").mkdir()
    built: list[str] = []
    for k in (1, 2):
        machine = make_workspace(tmp_path / f"machine{k}", *PUBLICATIONS)
        result = run_publish("-C", str(machine), "build", "--shard", f"{k}/2")
        assert result.returncode == 0, result.stderr
        assert f"shard {k}/2:" in result.stdout
        files = sorted(_files(machine / "dist"))
        assert "index.html" not in files and "SHA256SUMS" not in files
        built += files
        for name in files:  # as actions/download-artifact merges them (web editions' assets/ included)
            (merged / "dist" / name).parent.mkdir(exist_ok=True)
            shutil.copy(machine / "dist" / name, merged / "dist" / name)
    assert sorted(set(built)) == sorted(name for name in expected if name not in ("index.html", "SHA256SUMS"))
    site = run_publish("-C", str(merged), "site")
    assert site.returncode == 0, site.stderr
    assert site.stdout == "wrote dist/SHA256SUMS, dist/index.html\n"
    assert _files(merged / "dist") == expected
    assert run_publish("-C", str(merged), "site").stdout == "dist/ site is up to date\n"


def _files(dist: Path) -> dict[str, bytes]:
    """The files of a dist/ folder and of its assets/, by name relative to it."""
    return {p.relative_to(dist).as_posix(): p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}
