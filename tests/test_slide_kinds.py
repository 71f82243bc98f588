"""Every slide kind, on its layout, with a golden dump; pictures, links, footers, glyph warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_golden, assert_valid_pptx
from slidegen import build
from slidegen.render.dump import dump_pptx


def test_every_kind_golden_and_valid(every_kind: Path, tmp_path: Path, update_golden: bool) -> None:
    out = tmp_path / "every-kind.pptx"
    result = build(every_kind, out)
    assert_valid_pptx(out)
    assert set(result.layouts) >= {"Title Slide", "Agenda", "Section Header", "Title and Content", "Comparison",
                                   "Title and Table", "Picture with Caption", "Photos 3", "Timeline",
                                   "Key Figures", "Quote", "Closing"}
    assert_golden(dump_pptx(out), "every-kind.txt", update_golden)


def test_picture_is_scaled_to_fit_without_distortion(every_kind: Path, tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    out = tmp_path / "d.pptx"
    build(every_kind, out)
    pictures = [sh for s in Presentation(str(out)).slides for sh in s.shapes
                if sh.shape_type == MSO_SHAPE_TYPE.PLACEHOLDER and sh.__class__.__name__ == "PlaceholderPicture"]
    assert len(pictures) == 1
    picture = pictures[0]
    assert abs(picture.width / picture.height - 1.5) < 0.01
    assert (picture.crop_left, picture.crop_right, picture.crop_top, picture.crop_bottom) == (0, 0, 0, 0)


def test_inline_markup_becomes_runs_and_a_real_hyperlink(every_kind: Path, tmp_path: Path) -> None:
    from pptx import Presentation

    out = tmp_path / "d.pptx"
    build(every_kind, out)
    slide = [s for s in Presentation(str(out)).slides if s.shapes.title.text_frame.text == "1. Gạch đầu dòng"][0]
    runs = [r for p in slide.placeholders[1].text_frame.paragraphs for r in p.runs]
    assert any(r.text == "chữ đậm" and r.font.bold for r in runs)
    assert any(r.text == "chữ nghiêng" and r.font.italic for r in runs)
    [link] = [r for r in runs if r.hyperlink.address]
    assert link.text == "liên kết" and link.hyperlink.address == "https://example.org"


def test_footers_off_on_title_and_closing_and_real_fields_elsewhere(every_kind: Path, tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER

    out = tmp_path / "d.pptx"
    build(every_kind, out)
    slides = list(Presentation(str(out)).slides)
    footer_types = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
    for number, slide in enumerate(slides, start=1):
        kinds = {p.placeholder_format.type for p in slide.placeholders} & footer_types
        if slide.slide_layout.name in ("Title Slide", "Closing"):
            assert not kinds
        else:
            assert kinds == footer_types, f"slide {number}"
            [number_ph] = [p for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER]
            field = number_ph.text_frame._txBody.find(".//{*}fld")
            assert field.get("type") == "slidenum" and field.findtext("{*}t") == str(number)


@pytest.mark.parametrize("fmt, suffix", [("PNG", "png"), ("JPEG", "jpg"), ("GIF", "gif"), ("BMP", "bmp"),
                                         ("TIFF", "tiff")])
def test_every_supported_image_type_is_packaged_with_its_content_type(workdir: Path, fmt: str, suffix: str) -> None:
    import zipfile

    from PIL import Image

    Image.new("RGB", (300, 200), (20, 120, 60)).save(workdir / f"pic.{suffix}", fmt)
    (workdir / "o.yaml").write_text(
        "deck: {title: T}\nsections:\n  - title: A\n    items:\n      - title: x\n        slides:\n"
        f"          - photos: [{{path: pic.{suffix}, caption: a}}, {{path: pic.{suffix}, caption: b}}]\n",
        encoding="utf-8")
    out = workdir / "o.pptx"
    build(Path("o.yaml"), out)
    assert_valid_pptx(out)
    with zipfile.ZipFile(out) as archive:
        media = [n for n in archive.namelist() if n.startswith("ppt/media/")]
        types = archive.read("[Content_Types].xml").decode()
    assert len(media) == 1  # the same picture twice is stored once
    assert f"image/{ {'jpg': 'jpeg', 'tiff': 'tiff'}.get(suffix, suffix) }" in types


def test_the_readme_table_names_every_slide_kind() -> None:
    """A kind registered in slidegen.kinds and missing from the README's table of content keys
    is a kind no reader of the README can find."""
    import re

    from slidegen.kinds import CONTENT_KEYS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme.split("A slide's kind follows from its content key:", 1)[1].split("\n\n", 2)[1]
    listed = re.findall(r"^\| `(\w+)` \|", table, flags=re.M)
    assert listed == list(CONTENT_KEYS)
