"""The fit pass on stress cases: shrink within limits, continue on "(tiếp)" slides, never overflow."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_valid_pptx
from slidegen import build, plan
from slidegen.plan import fit_text
from slidegen.kinds import kind_of
from slidegen.kinds.table import row_height

STRESS = Path(__file__).resolve().parent / "decks" / "stress.yaml"


@pytest.fixture(scope="module")
def planned():
    deck = plan(STRESS)
    return deck.planned, deck.theme


def _slides(deck, prefix: str):
    return [s for s in deck.slides if s.title.split(" ", 1)[-1].startswith(prefix)]


def test_sixty_bullets_continue_on_tiep_slides_that_fit(planned) -> None:
    deck, theme = planned
    slides = _slides(deck, "Sáu mươi gạch đầu dòng")
    assert len(slides) >= 3
    assert slides[0].title == "1. Sáu mươi gạch đầu dòng"
    assert all(s.title == "1. Sáu mươi gạch đầu dòng (tiếp)" for s in slides[1:])
    assert all(s.continuation_of == slides[0].number for s in slides[1:])
    texts = [p.text for s in slides for p in s.content.body.paras]
    assert len(texts) == 60 + 6 * 2 and texts[0].startswith("Ý 1:") and texts[-1].startswith("Ý 60:")
    box = fit_text.box_pt(theme, theme.layouts["bullets"].body)
    style = fit_text.body_style(theme)
    for s in slides:
        assert fit_text.fits(s.content.body.paras, style, box), f"slide {s.number} overflows"
        assert s.font_scale >= theme.fit.floor
        assert min(p.size_pt for p in s.content.body.paras) >= theme.fit.min_body_size - 1e-6


def test_parent_bullet_stays_with_its_first_child(planned) -> None:
    deck, _ = planned
    for s in _slides(deck, "Sáu mươi gạch đầu dòng"):
        paras = s.content.body.paras
        assert paras[0].level == 0, f"slide {s.number} starts with a child bullet"
        assert paras[-1].text.startswith("Ý cha") is False, f"slide {s.number} ends on a parent"


def test_table_of_45_rows_splits_with_header_repeated_and_rows_fit(planned) -> None:
    deck, theme = planned
    slides = _slides(deck, "Bảng bốn mươi lăm dòng")
    assert len(slides) >= 2
    rows = [r for s in slides for r in s.content.rows]
    assert len(rows) == 45
    box = fit_text.box_pt(theme, kind_of(slides[0].kind).geometry(theme, slides[0]).content)
    for s in slides:
        table = s.content
        assert ["".join(r.text for r in cell) for cell in table.header] == ["STT", "Nội dung", "Ghi chú"]
        assert sum(table.row_heights) <= box.height_pt + 1e-6
        widths = [box.width_pt * f for f in table.widths]
        for cells, height in zip(table.rows, table.row_heights[1:]):
            assert row_height(cells, widths, theme.fonts.minor, table.size_pt, theme.body.line_spacing) <= height + 1e-6


def test_unbroken_url_is_wrapped_and_fits(planned) -> None:
    deck, theme = planned
    slides = _slides(deck, "Địa chỉ rất dài")
    box = fit_text.box_pt(theme, theme.layouts["bullets"].body)
    for s in slides:
        assert fit_text.fits(s.content.body.paras, fit_text.body_style(theme), box)
    joined = "".join(p.text for s in slides for p in s.content.body.paras)
    assert "a1b2c3d4e5" * 38 in joined.replace(" ", "")


def test_long_vietnamese_title_shrinks_within_limits(planned) -> None:
    deck, theme = planned
    [slide] = [s for s in deck.slides if s.title.startswith("4. Tiêu đề rất dài")]
    assert theme.fit.min_title_size <= slide.title_size_pt < theme.title.size
    para = fit_text.Para(tuple(fit_text.Run(t) for t in [slide.title]), size_pt=slide.title_size_pt, bullet=False)
    style = fit_text.plain_style(theme, major=True, bold=theme.title.bold)
    assert fit_text.fits([para], style, fit_text.box_pt(theme, theme.layouts["bullets"].title))


def test_entries_continue_timeline_figures_photos(planned) -> None:
    deck, theme = planned
    timeline = [s for s in deck.slides if s.kind == "timeline"]
    assert [len(s.content.events) for s in timeline] == [6, 4]
    figures = [s for s in deck.slides if s.kind == "figures"]
    assert [len(s.content.figures) for s in figures] == [4, 2]
    photos = [s for s in deck.slides if s.kind == "photos"]
    assert [len(s.content.pictures) for s in photos] == [6, 2]
    assert photos[1].title.endswith("(tiếp)")


def test_stress_deck_file_holds_the_planned_slides(tmp_path: Path) -> None:
    """The written file (read back with python-pptx) has exactly the planned slides, titles and
    continuation titles in order, and every body size the planner decided."""
    from pptx import Presentation

    out = tmp_path / "stress.pptx"
    result = build(STRESS, out)
    assert_valid_pptx(out)
    written = list(Presentation(str(out)).slides)
    assert [s.shapes.title.text_frame.text for s in written] == [s.title for s in result.deck.slides]
    assert sum(s.title.endswith("(tiếp)") for s in result.deck.slides) >= 5
    for slide, planned in zip(written, result.deck.slides):
        if planned.kind != "bullets":
            continue
        body = next(sh for sh in slide.placeholders if sh.placeholder_format.idx == 1)
        sizes = [r.font.size.pt for p in body.text_frame.paragraphs for r in p.runs]
        assert sizes == [p.size_pt for p in planned.content.body.paras for r in p.runs if not r.is_break]
