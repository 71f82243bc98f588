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


MALFORMED = {
    "bad YAML": ("deck:\n  title: [unclosed\nsections: []\n", r"talk.yaml:\d+:\d+: invalid YAML"),
    "tab indentation": ("deck:\n\ttitle: x\n", r"talk.yaml:2:1: invalid YAML: a tab character cannot indent YAML"),
    "unknown key": (GOOD.replace("bullets: [Một, Hai]", "bulets: [Một, Hai]"),
                    r"talk.yaml:9:13: unknown key 'bulets' in slide; did you mean 'bullets'\?"),
    "missing title": (GOOD.replace("  title: Thử nghiệm\n", ""),
                      r"talk.yaml:2:3: missing required key 'title' in deck"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_outline_one_line_error_and_existing_output_untouched(workdir: Path, case: str) -> None:
    text, pattern = MALFORMED[case]
    (workdir / "talk.yaml").write_text(text, encoding="utf-8")
    existing = workdir / "out.pptx"
    existing.write_bytes(b"previous deck")
    result = CliRunner().invoke(cli, ["build", "talk.yaml", "-o", "out.pptx"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("error: ")
    import re
    assert re.search(pattern, lines[0]), lines[0]
    assert "Traceback" not in result.output
    assert existing.read_bytes() == b"previous deck"
    assert not any(p.name.endswith(".tmp") for p in workdir.iterdir())


def test_real_entry_point_prints_no_traceback(workdir: Path) -> None:
    (workdir / "talk.yaml").write_text("deck: {title: x}\nsections: 3\n", encoding="utf-8")
    env = {**__import__("os").environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "slidegen", "build", "talk.yaml"], capture_output=True,
                          text=True, cwd=workdir, env=env)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: talk.yaml:2:11: 'sections' must be a list")
    assert "Traceback" not in proc.stderr


def test_output_that_is_a_directory_is_refused(workdir: Path) -> None:
    (workdir / "talk.yaml").write_text(GOOD, encoding="utf-8")
    (workdir / "out").mkdir()
    result = CliRunner().invoke(cli, ["build", "talk.yaml", "-o", "out"])
    assert result.exit_code == 1
    assert "is a directory" in result.output


def test_unknown_theme_lists_the_valid_ones(workdir: Path) -> None:
    (workdir / "talk.yaml").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "talk.yaml", "--theme", "nope"])
    assert result.exit_code == 1
    assert "unknown theme 'nope'; built-in themes: dark, formal, minimal" in result.output


def test_awgipc_deck_builds_from_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "a.pptx"
    result = run("build", str(DECKS / "awgipc.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 20_000
