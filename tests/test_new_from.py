"""slidegen new NAME --from outline.txt: a pasted "Nội dung" outline as a starter that builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from article import ITEMS, PARTS, TITLE
from pptx_facts import slides
from slidegen import build
from slidegen.__main__ import cli
from slidegen.errors import OutlineError
from slidegen.outline.pasted import read_pasted
from slidegen.render.dump import dump_pptx


# The article's "Nội dung" as it is pasted: title line, heading, parts and items one per line
# (the article writes "SIPTT" for SHTT; the starter keeps what was pasted).
ARTICLE = f"""{TITLE}

Nội dung:
I. {PARTS[0]}
""" + "".join(f"{i}. {t}\n" for i, t in enumerate(ITEMS[0], 1)) + f"II. {PARTS[1]}\n" + "".join(
    f"{i}. {t}\n" for i, t in enumerate(ITEMS[1], 1))

# The same outline pasted from a Word document: NBSP, tabs, bold marks, "1)" numbering, a
# title wrapped over two lines, and a bulleted hint under an item.
MESSY = (f"  **{TITLE}**\r\n\r\nNỘI DUNG\r\n\tI.\u00a0{PARTS[0]}\r\n"
         + "".join(f"\t\u2022 {i}) {t};\r\n" for i, t in enumerate(ITEMS[0], 1))
         + "**II - Việt Nam đảm nhận vai trò Chủ tịch AWGIPC**\r\n   nhiệm kỳ 2019-2021\r\n"
         + "".join(f"{i}/ {t}\r\n" for i, t in enumerate(ITEMS[1], 1))
         + "   - hình ảnh các cuộc họp trực tuyến\r\n")

# The outline written on one line, as the design brief summarises it.
ONE_LINE = (f"I. {PARTS[0]} (" + " ".join(f"{i}. {t}" for i, t in enumerate(ITEMS[0], 1)) + f"); II. {PARTS[1]} ("
            + " ".join(f"{i}. {t}" for i, t in enumerate(ITEMS[1], 1)) + ")")


def _numbered(deck: Path) -> list[list[str]]:
    sections: list[list[str]] = []
    for s in slides(deck):
        if s.layout == "Section Header":
            sections.append([])
        elif sections and s.layout == "Title and Content":
            sections[-1].append(s.title)
    return sections


@pytest.mark.parametrize("fmt", ["yaml", "md"])
def test_the_articles_outline_gives_a_starter_with_both_parts_and_all_12_items(workdir: Path, fmt: str) -> None:
    (workdir / "noi-dung.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["new", "awgipc-2", "--from", "noi-dung.txt", "--format", fmt])
    assert result.exit_code == 0, result.output
    outline = workdir / "decks" / f"awgipc-2.{fmt}"
    out = workdir / "deck.pptx"
    build(outline, out)
    facts = slides(out)
    assert facts[0].title == TITLE
    assert [s.title for s in facts if s.layout == "Section Header"] == PARTS
    assert _numbered(out) == [[f"{i}. {t}" for i, t in enumerate(items, 1)] for items in ITEMS]
    items = [s for s in facts if s.layout == "Title and Content"]
    assert len(items) == 12 and all(s.notes.startswith("[CẦN BỔ SUNG] ") for s in items)


def test_yaml_and_markdown_starters_are_the_same_deck(workdir: Path) -> None:
    (workdir / "noi-dung.txt").write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    for fmt in ("yaml", "md"):
        assert runner.invoke(cli, ["new", "a", "--from", "noi-dung.txt", "--format", fmt]).exit_code == 0
        build(workdir / "decks" / f"a.{fmt}", workdir / f"{fmt}.pptx")
    assert dump_pptx(workdir / "yaml.pptx") == dump_pptx(workdir / "md.pptx")


@pytest.mark.parametrize("text", [MESSY, ONE_LINE], ids=["word-paste", "one-line"])
def test_other_real_formattings_give_the_same_parts_and_items(text: str) -> None:
    pasted = read_pasted(text, "noi-dung.txt")
    assert [p.title for p in pasted.parts] == PARTS
    assert [[i.title for i in p.items] for p in pasted.parts] == ITEMS
    if text is MESSY:
        assert pasted.title == TITLE
        assert pasted.parts[1].items[-1].hints == ["hình ảnh các cuộc họp trực tuyến"]


def test_numbers_inside_titles_are_not_entries() -> None:
    pasted = read_pasted("I. Kế hoạch\n1. Kế hoạch 2.0 và nhiệm kỳ 2019-2021\n2. Kết quả 3 năm\n", "x.txt")
    assert [i.title for i in pasted.parts[0].items] == ["Kế hoạch 2.0 và nhiệm kỳ 2019-2021", "Kết quả 3 năm"]


def test_parts_without_roman_numbers_are_found_where_numbering_restarts() -> None:
    pasted = read_pasted("Tiêu đề\nPhần đầu\n1. Một\n2. Hai\nPhần sau\n1. Ba\n", "x.txt")
    assert pasted.title == "Tiêu đề"
    assert [(p.title, [i.title for i in p.items]) for p in pasted.parts] == [
        ("Phần đầu", ["Một", "Hai"]), ("Phần sau", ["Ba"])]


def test_text_without_items_is_a_clear_error_and_nothing_is_overwritten(workdir: Path) -> None:
    with pytest.raises(OutlineError, match="no numbered items found"):
        read_pasted("Chỉ có một dòng chữ\n", "x.txt")
    (workdir / "noi-dung.txt").write_text(ARTICLE, encoding="utf-8")
    (workdir / "decks").mkdir()
    (workdir / "decks" / "a.yaml").write_text("keep", encoding="utf-8")
    result = CliRunner().invoke(cli, ["new", "a", "--from", "noi-dung.txt"])
    assert result.exit_code == 1 and "already exists" in result.output
    assert (workdir / "decks" / "a.yaml").read_text(encoding="utf-8") == "keep"
    assert re.search(r"never overwrites", result.output)


def test_the_starter_in_markdown_is_the_starter_in_yaml(workdir: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["new", "demo"]).exit_code == 0
    assert runner.invoke(cli, ["new", "demo", "--format", "md"]).exit_code == 0
    build(workdir / "decks" / "demo.yaml", workdir / "yaml.pptx")
    build(workdir / "decks" / "demo.md", workdir / "md.pptx")
    assert dump_pptx(workdir / "yaml.pptx") == dump_pptx(workdir / "md.pptx")
