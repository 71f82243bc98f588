"""House templates: a .pptx with Vietnamese layout names and a .potx, mapped, checked and used."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DECKS, assert_golden, assert_valid_pptx, requires_libreoffice
from pptx_facts import slides
from slidegen.__main__ import cli
from slidegen import build
from slidegen.render.dump import dump_pptx
from slidegen.project import outside_allowed

VIETNAMESE_NAMES = {
    "Title Slide": "Trang chiếu Tiêu đề", "Title and Content": "Tiêu đề và Nội dung",
    "Section Header": "Đầu trang Phần", "Two Content": "Hai Nội dung", "Comparison": "So sánh",
    "Title Only": "Chỉ Tiêu đề", "Blank": "Trống", "Content with Caption": "Nội dung có Chú thích",
    "Picture with Caption": "Ảnh có Chú thích",
}
POTX = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


@pytest.fixture(scope="module")
def vietnamese_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An Office-style template whose layouts have Vietnamese names, with a sample slide to drop."""
    from pptx import Presentation

    presentation = Presentation()
    for layout in presentation.slide_layouts:
        layout.name = VIETNAMESE_NAMES.get(layout.name, layout.name)
    sample = presentation.slides.add_slide(presentation.slide_layouts[0])
    sample.shapes.title.text = "Mẫu — slide này phải bị bỏ"
    path = tmp_path_factory.mktemp("tpl") / "mau-cuc.pptx"
    presentation.save(str(path))
    return path


@pytest.fixture(scope="module")
def potx_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pptx import Presentation

    buffer = io.BytesIO()
    Presentation().save(buffer)
    path = tmp_path_factory.mktemp("tpl") / "house.potx"
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(PPTX.encode(), POTX.encode())
            target.writestr(info, data)
    return path


def test_template_check_maps_localized_layouts_by_type(vietnamese_template: Path) -> None:
    result = CliRunner().invoke(cli, ["template", "check", str(vietnamese_template)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "  title       'Trang chiếu Tiêu đề' (type; title=0, subtitle=1)" in lines
    assert "  bullets     'Tiêu đề và Nội dung' (type; title=0, body=1)" in lines
    assert "  comparison  'So sánh' (type; title=0, left_heading=1, left=2, right_heading=3, right=4)" in lines
    assert "  timeline    'Chỉ Tiêu đề' (fallback to title_only; title=0)" in lines


def _thin_template(tmp_path: Path, keep: tuple[str, ...], master_title: bool = True) -> Path:
    from pptx import Presentation

    presentation = Presentation()
    layouts = presentation.slide_layouts
    for layout in list(layouts):
        if layout.name not in keep:
            layouts.remove(layout)
    if not master_title:
        for shape in list(presentation.slide_master.placeholders):
            shape._element.getparent().remove(shape._element)
    path = tmp_path / "thin.pptx"
    presentation.save(str(path))
    return path


def test_a_template_without_a_content_layout_gets_one_from_its_master(tmp_path: Path) -> None:
    """Only a title slide and a blank layout: the master still says how content slides look, so
    slidegen adds PowerPoint's "Title and Content" (title and body inherited from the master)."""
    from pptx import Presentation

    path = _thin_template(tmp_path, ("Title Slide", "Blank"))
    result = CliRunner().invoke(cli, ["template", "check", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "  bullets     'Title and Content' (type; title=0, body=1)" in lines
    assert ("  warning: it has no layout for content slides; slidegen adds a 'Title and Content' layout made from "
            "its master 'Office Theme'") in lines
    out = tmp_path / "deck.pptx"
    built = build(DECKS / "awgipc.yaml", out, template=path, allow_outside=True)
    assert any("adds a 'Title and Content' layout" in w.message for w in built.warnings)
    presentation = Presentation(str(out))
    master = presentation.slide_master
    assert [layout.name for layout in master.slide_layouts] == ["Title Slide", "Blank", "Title and Content"]
    body = next(s for s in presentation.slides if s.shapes.title.text == "1. Cơ chế hợp tác")
    assert body.slide_layout.name == "Title and Content"
    assert body.placeholders[1].text_frame.text.startswith("Hiệp định khung ASEAN về hợp tác SHTT")
    # The added layout's placeholders have no boxes of their own: the master's show.
    title = body.slide_layout.placeholders[0]
    assert (title.left, title.top, title.width) == (master.placeholders[0].left, master.placeholders[0].top,
                                                    master.placeholders[0].width)


def test_template_check_fails_without_any_title_placeholder(tmp_path: Path) -> None:
    path = _thin_template(tmp_path, ("Blank",), master_title=False)
    result = CliRunner().invoke(cli, ["template", "check", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "thin.pptx: cannot be used: none of its layouts or masters has a title placeholder, so no slide could have a "
        "real title; add a 'Title and Content' layout to it in PowerPoint (View → Slide Master)")


@pytest.mark.parametrize("fixture", ["vietnamese_template", "potx_template"])
def test_awgipc_on_a_house_template(request: pytest.FixtureRequest, tmp_path: Path, fixture: str) -> None:
    from pptx import Presentation

    template = request.getfixturevalue(fixture)
    out = tmp_path / "house.pptx"
    with outside_allowed():  # the template lies outside the repository's project folder
        result = build(DECKS / "awgipc.yaml", out, template=template)
    assert_valid_pptx(out)
    with zipfile.ZipFile(out) as archive:
        assert PPTX in archive.read("[Content_Types].xml").decode()
    slides = list(Presentation(str(out)).slides)
    assert len(slides) == result.slide_count
    assert not any("Mẫu" in (s.shapes.title.text_frame.text if s.shapes.title else "") for s in slides)
    assert slides[0].slide_layout.name in ("Trang chiếu Tiêu đề", "Title Slide")
    first_slide_text = " ".join(sh.text_frame.text for sh in slides[0].shapes if sh.has_text_frame)
    assert "Cục Sở hữu trí tuệ" in first_slide_text and "04/03/2022" in first_slide_text
    content = VIETNAMESE_NAMES["Title and Content"] if fixture == "vietnamese_template" else "Title and Content"
    assert content in {s.slide_layout.name for s in slides}


def test_a_layout_override_from_the_outline(vietnamese_template: Path, workdir: Path) -> None:
    (workdir / "o.yaml").write_text(
        "deck:\n  title: T\n  layouts: {bullets: Nội dung có Chú thích}\nsections:\n  - title: A\n"
        "    items:\n      - title: x\n        slides:\n          - bullets: [a]\n", encoding="utf-8")
    with outside_allowed():
        result = build(Path("o.yaml"), template=vietnamese_template)
    assert "Nội dung có Chú thích" in result.layouts


@requires_libreoffice
def test_libreoffice_renders_the_house_template_decks(vietnamese_template: Path, potx_template: Path,
                                                      tmp_path: Path) -> None:
    from slidegen.preview import convert_to_pdf, pdf_page_count

    for template in (vietnamese_template, potx_template):
        out = tmp_path / f"{template.stem}.pptx"
        with outside_allowed():
            count = build(DECKS / "awgipc.yaml", out, template=template).slide_count
        assert pdf_page_count(convert_to_pdf(out, tmp_path)) == count


@pytest.mark.parametrize("deck", ["awgipc", "every-kind"])
def test_golden_dump_on_a_house_template(deck: str, office_template: Path, every_kind: Path, tmp_path: Path,
                                         update_golden: bool) -> None:
    """The same decks on a house template (pandoc runs every writer test on its default and on a
    custom reference template): layouts, placeholders and sizes as PowerPoint's template gives."""
    outline = DECKS / "awgipc.yaml" if deck == "awgipc" else every_kind
    out = tmp_path / f"{deck}.pptx"
    build(outline, out, template=office_template, allow_outside=True)
    assert_golden(dump_pptx(out), f"{deck}-house-template.txt", update_golden)


def test_a_layout_named_quote_without_a_title_is_not_used(tmp_path: Path, workdir: Path) -> None:
    """A house layout with slidegen's name "Quote" but no title placeholder cannot hold a quote
    slide: the quote falls back to the content layout, in build and in template check."""
    from pptx import Presentation

    presentation = Presentation()
    layout = presentation.slide_layouts[1]          # Title and Content
    layout.name = "Quote"
    title = next(ph for ph in layout.placeholders if ph.placeholder_format.idx == 0)
    title._element.getparent().remove(title._element)
    template = tmp_path / "quote.pptx"
    presentation.save(str(template))
    check = CliRunner().invoke(cli, ["template", "check", str(template)])
    assert check.exit_code == 0, check.output
    quote = next(line for line in check.output.splitlines() if line.startswith("  quote "))
    assert "(fallback to bullets; title=0, body=1)" in quote
    (workdir / "o.yaml").write_text("deck: {title: T}\nsections:\n  - title: A\n    items:\n      - title: x\n"
                                    "        slides:\n          - quote: {text: Trích dẫn, attribution: Ai đó}\n",
                                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml", "--template", str(template), "--allow-outside"])
    assert result.exit_code == 0, result.output
    facts = slides(workdir / "build" / "o.pptx")
    assert facts[3].layout != "Quote" and facts[3].title == "1. x" and "Trích dẫn" in " ".join(facts[3].texts)
