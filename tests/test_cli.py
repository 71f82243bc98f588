"""The command line: help, version, default output, and bad input that leaves files alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DECKS, REPO
from slidegen.__main__ import cli

GOOD = """\
deck:
  title: Thử nghiệm
  date: 2022-03-04
sections:
  - title: Phần một
    items:
      - title: Mục một
        slides:
          - bullets: [Một, Hai]
"""


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_version_and_help_show_an_example() -> None:
    assert run("--version").output.startswith("slidegen, version ")
    top = run("--help").output
    assert "slidegen build decks/awgipc.yaml" in top
    assert "Example" in run("build", "--help").output


def test_default_output_is_build_folder(workdir: Path) -> None:
    (workdir / "talk.yaml").write_text(GOOD, encoding="utf-8")
    result = run("build", "talk.yaml")
    assert result.exit_code == 0, result.output
    assert (workdir / "build" / "talk.pptx").is_file()
    assert "build/talk.pptx" in result.output and "5 slides" in result.output


def test_usage_error_exits_2() -> None:
    assert CliRunner().invoke(cli, ["build"]).exit_code == 2
    assert CliRunner().invoke(cli, ["frobnicate"]).exit_code == 2


def test_real_entry_point_prints_no_traceback(workdir: Path) -> None:
    (workdir / "talk.yaml").write_text("deck: {title: x}\nsections: 3\n", encoding="utf-8")
    env = {**__import__("os").environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "slidegen", "build", "talk.yaml"], capture_output=True,
                          text=True, cwd=workdir, env=env)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: talk.yaml:2:11: 'sections' must be a list")
    assert "Traceback" not in proc.stderr








def test_awgipc_deck_builds_from_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "a.pptx"
    result = run("build", str(DECKS / "awgipc.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 20_000
