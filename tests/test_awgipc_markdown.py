"""decks/awgipc.md is the AWGIPC deck in Markdown: the same deck as decks/awgipc.yaml."""

from __future__ import annotations

from pathlib import Path

from conftest import DECKS
from pptx_facts import slides
from slidegen import build
from slidegen.render.dump import dump_pptx

# The article's outline, word for word (II.3 and II.4 were once shortened in the YAML deck).
ARTICLE_ITEMS = [
    ["Cơ chế hợp tác", "Nhóm AWGIPC", "Chủ tịch Nhóm AWGIPC", "Sự tham gia của Việt Nam trong Nhóm AWGIPC"],
    ["Công tác chuẩn bị", "Nhiệm vụ của Nhóm Trợ lý Chủ tịch",
     "Việt Nam chính thức đảm nhận vai trò Chủ tịch Nhóm AWGIPC",
     "Các Cuộc họp/sự kiện do Chủ tịch chủ trì, đồng chủ trì trong nhiệm kỳ", "Các kết quả đạt được",
     "Các yếu tố đóng góp cho sự thành công", "Việt Nam chuyển giao vai trò Chủ tịch", "Một số hình ảnh"],
]


def test_markdown_and_yaml_decks_give_the_same_dump(tmp_path: Path) -> None:
    build(DECKS / "awgipc.yaml", tmp_path / "yaml.pptx")
    build(DECKS / "awgipc.md", tmp_path / "md.pptx")
    assert dump_pptx(tmp_path / "md.pptx") == dump_pptx(tmp_path / "yaml.pptx")


def test_both_decks_use_the_articles_item_titles(tmp_path: Path) -> None:
    for outline in ("awgipc.yaml", "awgipc.md"):
        out = tmp_path / f"{outline}.pptx"
        build(DECKS / outline, out)
        agenda = [s for s in slides(out) if s.layout == "Agenda"][0]
        lines = [t for t in agenda.texts if "Cơ chế" in t][0].splitlines()
        expected = ["I. Hợp tác ASEAN về SHTT", *[f"{i}. {t}" for i, t in enumerate(ARTICLE_ITEMS[0], 1)],
                    "II. Việt Nam đảm nhận vai trò Chủ tịch AWGIPC nhiệm kỳ 2019-2021",
                    *[f"{i}. {t}" for i, t in enumerate(ARTICLE_ITEMS[1], 1)]]
        assert lines == expected, outline
