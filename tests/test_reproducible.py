"""The same inputs give byte-identical decks: other folder, other time zone, other day."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DECKS, REPO, assert_valid_pptx


def _build_in(folder: Path, deck: Path, tz: str, extra_env: dict[str, str] | None = None) -> str:
    project = folder / "project"
    shutil.copytree(REPO / "decks", project / "decks")
    (project / "pyproject.toml").write_text("")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update({"TZ": tz, "PYTHONPATH": str(REPO), **(extra_env or {})})
    out = project / "out.pptx"
    subprocess.run([sys.executable, "-m", "slidegen", "build", f"decks/{deck.name}", "-o", "out.pptx"],
                   cwd=project, env=env, check=True, capture_output=True)
    assert_valid_pptx(out)
    return hashlib.sha256(out.read_bytes()).hexdigest()


@pytest.mark.parametrize("deck", sorted(DECKS.glob("*.yaml")), ids=lambda p: p.name)
def test_two_builds_in_different_folders_and_time_zones_are_identical(tmp_path: Path, deck: Path) -> None:
    first = _build_in(tmp_path / "a", deck, "Asia/Ho_Chi_Minh")
    second = _build_in(tmp_path / "b" / "deeper", deck, "America/Los_Angeles")
    assert first == second


def test_source_date_epoch_sets_zip_times_and_core_dates(tmp_path: Path) -> None:
    import zipfile

    from slidegen import build

    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"  # 2023-11-14T22:13:20Z
    try:
        out = tmp_path / "d.pptx"
        build(DECKS / "awgipc.yaml", out)
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    with zipfile.ZipFile(out) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        core = archive.read("docProps/core.xml").decode()
    assert "2023-11-14T22:13:20Z" in core
