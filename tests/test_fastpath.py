"""The fast paths give exactly what python-pptx gives (not timed): slides, template placeholders,
relationship targets."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from conftest import DECKS, assert_valid_pptx
from slidegen import plan
from slidegen.render.deck import render_deck
from slidegen.render.dump import dump_pptx


def _generated(folder: Path, items: int = 45) -> Path:
    words = "hợp tác sở hữu trí tuệ ASEAN Việt Nam chủ tịch cuộc họp trực tuyến kế hoạch".split()
    sentence = lambda n, k: " ".join(words[(n * 7 + i) % len(words)] for i in range(k))  # noqa: E731
    sections = [{"title": sentence(s, 4), "items": [
        {"title": sentence(s * 20 + i, 5),
         "slides": [{"bullets": [sentence(i + b, 8) for b in range(5)], "notes": sentence(i, 12)}]}
        for i in range(15)]} for s in range(items // 15)]
    path = folder / "generated.yaml"
    path.write_text(yaml.safe_dump({"deck": {"title": "Sinh tự động", "date": "2022-03-04", "footer": "Cục"},
                                    "sections": sections}, allow_unicode=True), encoding="utf-8")
    (folder / "pyproject.toml").write_text("")
    return path


@pytest.mark.parametrize("which", ["awgipc", "generated"])
def test_fast_and_plain_paths_are_byte_identical(tmp_path: Path, which: str) -> None:
    outline = DECKS / "awgipc.yaml" if which == "awgipc" else _generated(tmp_path)
    planned = plan(outline)
    outputs = {}
    for fast in (True, False):
        buffer = io.BytesIO()
        render_deck(planned.planned, planned.theme, buffer, fast=fast)
        outputs[fast] = buffer.getvalue()
    plain = tmp_path / "plain.pptx"
    plain.write_bytes(outputs[False])
    assert_valid_pptx(plain)
    assert dump_pptx(io.BytesIO(outputs[True])) == dump_pptx(io.BytesIO(outputs[False]))
    assert outputs[True] == outputs[False]


def test_written_relationship_targets_are_python_pptx_relative_refs() -> None:
    """slidegen writes relationship XML itself (package.py); every target must be what
    python-pptx computes, for the package and for every part."""
    from pptx import Presentation

    from slidegen.render.package import relative_ref

    planned = plan(DECKS / "awgipc.yaml")
    buffer = io.BytesIO()
    render_deck(planned.planned, planned.theme, buffer)
    package = Presentation(buffer).part.package
    checked = [(rel, "/") for rel in package._rels.values()]
    checked += [(rel, part.partname.baseURI) for part in package.iter_parts() for rel in part.rels.values()]
    internal = [(rel, base) for rel, base in checked if not rel.is_external]
    assert len(internal) > 100
    for rel, base in internal:
        assert relative_ref(rel.target_partname, base) == rel.target_ref


@pytest.mark.parametrize("source", ["formal", "python-pptx default"])
def test_template_placeholders_match_python_pptx(source: str) -> None:
    """Layout placeholders are read from the XML directly; their types, indexes and boxes must
    equal python-pptx's, including boxes a layout inherits from its master."""
    from pptx import Presentation

    from slidegen.render.compose import theme_package
    from slidegen.render.template.reader import read_info
    from slidegen.theme.registry import load_theme

    if source == "formal":
        package = theme_package(load_theme("formal", DECKS, []))
    else:
        buffer = io.BytesIO()
        Presentation().save(buffer)
        package = buffer.getvalue()
    presentation = Presentation(io.BytesIO(package))
    info = read_info(package)
    layouts = [layout for master in presentation.slide_masters for layout in master.slide_layouts]
    assert [str(layout.part.partname) for layout in layouts] == [layout.part for layout in info.layouts]
    inherited = 0
    for layout, read in zip(layouts, info.layouts):
        expected = []
        for shape in layout.placeholders:
            ph = shape.placeholder_format
            inherited += not shape._element.xpath("./p:spPr/a:xfrm")
            expected.append((ph.type.xml_value, ph.idx, (
                int(shape.left or 0), int(shape.top or 0), int(shape.width or 0), int(shape.height or 0))))
        assert [(p.type, p.idx, p.box) for p in read.placeholders] == expected, layout.name
        assert read.name == layout.name
    if source != "formal":
        assert inherited > 10   # the inheritance path is exercised
