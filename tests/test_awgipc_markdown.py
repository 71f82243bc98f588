"""decks/awgipc.md is the AWGIPC deck in Markdown: the same decks as decks/awgipc.yaml, in both
languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from article import ITEMS
from conftest import DECKS
from pptx_facts import slides
from slidegen import build
from slidegen.outline.markdown import read_markdown
from slidegen.outline.yaml_tree import parse_yaml
from slidegen.render.dump import dump_pptx


@pytest.mark.parametrize("language", ["vi-VN", "en-US"])
def test_markdown_and_yaml_decks_give_the_same_dump(tmp_path: Path, language: str) -> None:
    build(DECKS / "awgipc.yaml", tmp_path / "yaml.pptx", language=language)
    build(DECKS / "awgipc.md", tmp_path / "md.pptx", language=language)
    assert dump_pptx(tmp_path / "md.pptx") == dump_pptx(tmp_path / "yaml.pptx")
    assert slides(tmp_path / "md.pptx")[1].title == {"vi-VN": "Nội dung", "en-US": "Contents"}[language]


def test_markdown_deck_reads_as_the_yaml_deck_texts_by_language_and_all(tmp_path: Path) -> None:
    """The '::: {lang=en-US}' blocks give the same texts by language the YAML deck writes (a
    notes block in Markdown has no final line break, a YAML '|' block has one)."""
    def trimmed(node):
        if isinstance(node, str):
            return node.rstrip("\n")
        if isinstance(node, dict):
            return {k: trimmed(v) for k, v in node.items()}
        return [trimmed(v) for v in node] if isinstance(node, list) else node

    warnings: list = []
    markdown, source_map = read_markdown((DECKS / "awgipc.md").read_text(encoding="utf-8"), "awgipc.md", DECKS, warnings)
    yaml_data, _ = parse_yaml((DECKS / "awgipc.yaml").read_text(encoding="utf-8"), "awgipc.yaml")
    assert warnings == []
    assert trimmed(markdown) == trimmed(yaml_data)
    # Each English text is located at its own line, inside the English block.
    lines = (DECKS / "awgipc.md").read_text(encoding="utf-8").splitlines()
    where = source_map.at(("sections", 0, "items", 1, "slides", 0, "bullets", 2, "en-US"))
    assert lines[where.line - 1] == "- Mandate: to develop, coordinate and implement regional IP programmes"
    where = source_map.at(("sections", 1, "items", 0, "title", "en-US"))
    assert lines[where.line - 1] == "## 1. Preparation"


def test_both_decks_use_the_articles_item_titles(tmp_path: Path) -> None:
    for outline in ("awgipc.yaml", "awgipc.md"):
        out = tmp_path / f"{outline}.pptx"
        build(DECKS / outline, out)
        agenda = [s for s in slides(out) if s.layout == "Agenda"][0]
        lines = [t for t in agenda.texts if "Cơ chế" in t][0].splitlines()
        expected = ["I. Hợp tác ASEAN về SHTT", *[f"{i}. {t}" for i, t in enumerate(ITEMS[0], 1)],
                    "II. Việt Nam đảm nhận vai trò Chủ tịch AWGIPC nhiệm kỳ 2019-2021",
                    *[f"{i}. {t}" for i, t in enumerate(ITEMS[1], 1)]]
        assert lines == expected, outline
