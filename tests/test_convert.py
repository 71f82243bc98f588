"""slidegen convert: YAML ⇄ Markdown, lossless for what both say; never overwrites."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DECKS, REPO
from slidegen.__main__ import cli
from slidegen import build
from slidegen.convert import convert
from slidegen.errors import AssetError, OutputError
from slidegen.outline.yaml_tree import parse_yaml
from slidegen.render.dump import dump_pptx

WILD = REPO.parent / "shared" / "markdown-wild"


@pytest.fixture
def decks(workdir: Path) -> Path:
    folder = workdir / "decks"
    shutil.copytree(DECKS, folder)
    (folder / "starter.yaml").write_text(
        (REPO / "slidegen" / "outline" / "starter.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _data(path: Path):
    return parse_yaml(path.read_text(encoding="utf-8"), path.name)[0]


@pytest.mark.parametrize("name", ["awgipc", "starter"])
def test_yaml_to_markdown_to_yaml_gives_equal_data(decks: Path, name: str) -> None:
    convert(decks / f"{name}.yaml", decks / f"{name}-copy.md")
    convert(decks / f"{name}-copy.md", decks / f"{name}-back.yaml")
    assert _data(decks / f"{name}-back.yaml") == _data(decks / f"{name}.yaml")


def test_markdown_to_yaml_to_markdown_builds_the_same_deck(decks: Path, tmp_path: Path) -> None:
    convert(decks / "awgipc.md", decks / "from-md.yaml")
    convert(decks / "from-md.yaml", decks / "back.md")
    for language in ("vi-VN", "en-US"):   # the deck is in two languages: both come through
        dumps = []
        for outline in ("awgipc.md", "from-md.yaml", "back.md"):
            build(decks / outline, tmp_path / f"{outline}.pptx", language=language)
            dumps.append(dump_pptx(tmp_path / f"{outline}.pptx"))
        assert dumps[0] == dumps[1] == dumps[2]
    assert "::: {lang=en-US}\n## 1. Cooperation mechanism" in (decks / "back.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not (WILD / "putnam-slides.md").exists(), reason="../shared/markdown-wild/ is not there")
def test_a_wild_markdown_deck_converts_both_ways(workdir: Path) -> None:
    shutil.copy(WILD / "putnam-slides.md", workdir / "putnam.md")
    convert(workdir / "putnam.md", workdir / "putnam.yaml")
    convert(workdir / "putnam.yaml", workdir / "putnam-back.md")
    dumps = []
    for outline in ("putnam.md", "putnam-back.md"):
        build(workdir / outline, workdir / f"{outline}.pptx")
        dumps.append(dump_pptx(workdir / f"{outline}.pptx"))
    assert dumps[0] == dumps[1]
    # The missing picture keeps its path (the author may add the file later); Markdown builds
    # with a warning and an empty placeholder, YAML insists on the file, naming the line.
    assert "path: spaghetti.jpg" in (workdir / "putnam.yaml").read_text(encoding="utf-8")
    with pytest.raises(AssetError, match=r"^putnam.yaml:\d+:\d+: image not found: 'spaghetti.jpg'"):
        build(workdir / "putnam.yaml", workdir / "putnam.yaml.pptx")


def test_convert_rebases_paths_into_another_folder(decks: Path, workdir: Path) -> None:
    convert(decks / "awgipc.yaml", workdir / "elsewhere" / "awgipc.md")
    assert "meetings: ../decks/data/awgipc-meetings.csv" in (workdir / "elsewhere" / "awgipc.md").read_text(encoding="utf-8")
    build(workdir / "elsewhere" / "awgipc.md", workdir / "out.pptx")


def test_convert_never_overwrites_and_reports_in_one_line(decks: Path) -> None:
    target = decks / "awgipc.md"
    before = target.read_bytes()
    with pytest.raises(OutputError):
        convert(decks / "awgipc.yaml", target)
    result = CliRunner().invoke(cli, ["convert", "decks/awgipc.yaml", "decks/awgipc.md"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["error: decks/awgipc.md already exists; convert never overwrites a file"]
    assert target.read_bytes() == before


def test_convert_reports_a_broken_outline_and_writes_nothing(workdir: Path) -> None:
    (workdir / "broken.yaml").write_text("deck: {title: T}\nsections:\n  - title: S\n    items: []\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", str(workdir / "broken.yaml"), str(workdir / "broken.md")])
    assert result.exit_code == 1 and "broken.yaml:4:12: empty section" in result.output
    assert not (workdir / "broken.md").exists()
