"""The AWGIPC deck, end to end: structure, agenda, notes, fields, language, golden dump."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DECKS, assert_golden, assert_valid_pptx
from pptx_facts import all_text, is_nfc, slides, text_runs
from slidegen import build
from slidegen.render.dump import dump_pptx

SECTION_I = ["Cơ chế hợp tác", "Nhóm AWGIPC", "Chủ tịch Nhóm AWGIPC",
             "Sự tham gia của Việt Nam trong Nhóm AWGIPC"]
SECTION_II = ["Công tác chuẩn bị", "Nhiệm vụ của Nhóm Trợ lý Chủ tịch",
              "Việt Nam chính thức đảm nhận vai trò Chủ tịch Nhóm AWGIPC",
              "Các Cuộc họp/sự kiện do Chủ tịch chủ trì, đồng chủ trì trong nhiệm kỳ", "Các kết quả đạt được",
              "Các yếu tố đóng góp cho sự thành công", "Việt Nam chuyển giao vai trò Chủ tịch",
              "Một số hình ảnh"]


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("awgipc") / "awgipc.pptx"
    build(DECKS / "awgipc.yaml", out)
    assert_valid_pptx(out)  # module-scoped: validated here rather than by the per-test fixture
    return out


def test_slide_sequence(deck: Path) -> None:
    facts = slides(deck)
    layouts = [s.layout for s in facts]
    assert layouts[0] == "Title Slide"
    assert layouts[1] == "Agenda"
    assert layouts[-1] == "Closing"
    assert facts[0].title == "Nhìn lại nhiệm kỳ đảm nhận vai trò Chủ tịch Nhóm AWGIPC 2019-2021 của Việt Nam"
    title_text = " ".join(facts[0].texts)
    assert "Sinh hoạt chuyên đề" in title_text and "04/03/2022" in title_text
    assert "Cục Sở hữu trí tuệ" in title_text
    dividers = [s.title for s in facts if s.layout == "Section Header"]
    assert dividers == ["Hợp tác ASEAN về SHTT", "Việt Nam đảm nhận vai trò Chủ tịch AWGIPC nhiệm kỳ 2019-2021"]
    # All 12 items, numbered within their section and in order: the first slide of each item.
    sections: list[list[tuple[int, str]]] = []
    for s in facts:
        if s.layout == "Section Header":
            sections.append([])
            continue
        match = re.match(r"^(\d+)\. (.+?)( \(tiếp\))?$", s.title)
        if sections and match and s.layout not in ("Agenda", "Closing"):
            number = int(match.group(1))
            if not sections[-1] or sections[-1][-1][0] != number:
                sections[-1].append((number, match.group(2)))
    assert sections == [list(enumerate(SECTION_I, start=1)), list(enumerate(SECTION_II, start=1))]


def test_agenda_lists_sections_and_items_with_numbers(deck: Path) -> None:
    agenda = slides(deck)[1]
    body = [t for t in agenda.texts if "Cơ chế" in t][0].splitlines()
    assert body[0] == "I. Hợp tác ASEAN về SHTT"
    assert body[1:5] == [f"{i}. {t}" for i, t in enumerate(SECTION_I, start=1)]
    assert body[5] == "II. Việt Nam đảm nhận vai trò Chủ tịch AWGIPC nhiệm kỳ 2019-2021"
    assert body[6:] == [f"{i}. {t}" for i, t in enumerate(SECTION_II, start=1)]


def test_notes_cite_sources_and_mark_gaps(deck: Path) -> None:
    facts = slides(deck)
    content = [s for s in facts if re.match(r"^\d+\. ", s.title)]
    assert all(s.notes.strip() for s in content), "every content slide has speaker notes"
    sourced = [s for s in content if "Nguồn:" in s.notes]
    assert len(sourced) >= 10
    assert all(re.search(r"^\[\d+\] ", s.notes, re.M) for s in sourced)
    gaps = [s for s in content if s.title.startswith(("1. Công tác chuẩn bị", "2. Nhiệm vụ"))]
    assert len(gaps) == 2 and all("[CẦN BỔ SUNG]" in s.notes for s in gaps)


def test_photo_slide_has_empty_picture_placeholders_with_captions(deck: Path) -> None:
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER

    slide = [s for s in Presentation(str(deck)).slides if s.shapes.title.text_frame.text == "8. Một số hình ảnh"][0]
    pictures = [p for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.PICTURE]
    assert len(pictures) == 3
    captions = [p.text_frame.text for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.BODY]
    assert any("Lê Ngọc Lâm" in c for c in captions) and len(captions) == 3


def test_meetings_table(deck: Path) -> None:
    from pptx import Presentation

    tables = [sh.table for s in Presentation(str(deck)).slides for sh in s.shapes if sh.has_table]
    assert len(tables) == 1
    header = [c.text_frame.text for c in tables[0].rows[0].cells]
    assert header == ["Thời gian", "Cuộc họp", "Ghi chú"]
    assert len(tables[0].rows) == 8


def test_slide_number_fields_on_every_slide_but_title_and_closing(deck: Path) -> None:
    facts = slides(deck)
    for number, s in enumerate(facts, start=1):
        if s.layout in ("Title Slide", "Closing"):
            assert "slidenum" not in s.fields
        else:
            assert s.fields.count("slidenum") == 1, f"slide {number} lacks a slide-number field"


def test_every_run_is_tagged_vietnamese_and_nfc(deck: Path) -> None:
    count = 0
    for part, rPr, element in text_runs(deck):
        assert rPr is not None and rPr.get("lang") == "vi-VN", f"untagged text in {part}"
        count += 1
    assert count > 200
    assert all(is_nfc(t) for t in all_text(deck))


def test_golden_dump(deck: Path, update_golden: bool) -> None:
    assert_golden(dump_pptx(deck), "awgipc.txt", update_golden)
