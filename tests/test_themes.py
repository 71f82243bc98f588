"""Built-in themes: contrast, real PowerPoint theme colours and fonts, every deck in every theme."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DECKS, assert_valid_pptx, requires_libreoffice
from slidegen.__main__ import cli
from slidegen import build
from slidegen.errors import ThemeError
from slidegen.theme.contrast import theme_pairs
from slidegen.theme.registry import builtin_names, load_theme

THEMES = ["dark", "formal", "minimal"]


def test_three_builtin_themes_are_listed_with_descriptions() -> None:
    assert builtin_names() == THEMES
    lines = CliRunner().invoke(cli, ["themes"]).output.splitlines()
    assert [line.split()[0] for line in lines] == THEMES
    assert all(len(line.split(None, 1)[1]) > 10 for line in lines)
    assert "(default)" in [line for line in lines if line.startswith("formal")][0]


@pytest.mark.parametrize("name", THEMES)
def test_every_text_background_pair_meets_wcag_aa(name: str) -> None:
    pairs = theme_pairs(load_theme(name))
    assert len(pairs) > 50
    failing = [f"{p.what}: {p.text} on {p.background} = {p.ratio:.2f} < {p.minimum}" for p in pairs if not p.ok]
    assert not failing, "\n".join(failing)


def test_contrast_arithmetic_matches_wcag_examples() -> None:
    from slidegen.theme.contrast import contrast

    assert round(contrast("000000", "FFFFFF"), 1) == 21.0
    assert round(contrast("767676", "FFFFFF"), 2) == 4.54   # the classic AA grey on white


@pytest.mark.parametrize("name", THEMES)
def test_awgipc_in_every_theme_is_valid(tmp_path: Path, name: str) -> None:
    out = tmp_path / f"{name}.pptx"
    result = build(DECKS / "awgipc.yaml", out, theme=name)
    assert_valid_pptx(out)
    with zipfile.ZipFile(out) as archive:
        theme_xml = archive.read("ppt/theme/theme1.xml").decode()
    colors = load_theme(name).colors
    assert f'<a:accent1><a:srgbClr val="{colors.accent1}"/></a:accent1>' in theme_xml
    assert f'<a:latin typeface="{load_theme(name).fonts.major}"/>' in theme_xml
    assert result.slide_count == 21


@requires_libreoffice
@pytest.mark.parametrize("name", ["dark", "minimal"])
def test_libreoffice_renders_every_deck_in_the_theme(tmp_path: Path, name: str) -> None:
    from slidegen.preview import convert_to_pdf, pdf_page_count

    for outline in sorted(DECKS.glob("*.yaml")):
        out = tmp_path / f"{outline.stem}-{name}.pptx"
        count = build(outline, out, theme=name).slide_count
        assert pdf_page_count(convert_to_pdf(out, tmp_path)) == count


def test_text_and_shapes_use_scheme_colours_so_a_theme_edit_restyles_the_deck(tmp_path: Path) -> None:
    """Edit accent1 and dk1 in the output's theme: every slide, layout and master refers to the
    scheme (schemeClr), never to fixed RGB values, so the whole deck follows."""
    out = tmp_path / "d.pptx"
    build(DECKS / "awgipc.yaml", out)
    edited = tmp_path / "edited.pptx"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(edited, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "ppt/theme/theme1.xml":
                text = data.decode()
                text = re.sub(r'(<a:accent1><a:srgbClr val=")[0-9A-F]{6}', r"\g<1>00A651", text)
                text = re.sub(r'(<a:dk1><a:srgbClr val=")[0-9A-F]{6}', r"\g<1>330033", text)
                data = text.encode()
            elif info.filename.startswith(("ppt/slides/", "ppt/slideLayouts/", "ppt/slideMasters/")):
                text = data.decode()
                assert "srgbClr" not in text, f"fixed RGB colour in {info.filename}"
            target.writestr(info, data)
    assert_valid_pptx(edited)
    with zipfile.ZipFile(edited) as archive:
        slides = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("ppt/slides/slide"))
        assert 'schemeClr val="accent1"' in slides      # timeline axis, table header, figures
        master = archive.read("ppt/slideMasters/slideMaster1.xml").decode()
        assert 'tx1="dk1"' in master and '<a:schemeClr val="tx1"/>' in master


def test_extends_overrides_only_what_it_names(tmp_path: Path) -> None:
    folder = tmp_path / "themes" / "house"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("extends: formal\nname: house\ndescription: H\ncolors: {accent1: '123456'}\n")
    theme = load_theme("house", tmp_path)
    formal = load_theme("formal")
    assert theme.colors.accent1 == "123456" and theme.colors.accent2 == formal.colors.accent2
    assert theme.layouts == formal.layouts


def test_theme_errors_name_file_key_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "themes" / "bad"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("extends: formal\nname: bad\ndescription: B\ncolors:\n  accent1: navy\n")
    with pytest.raises(ThemeError) as caught:
        load_theme("bad", tmp_path)
    [message] = [str(d) for d in caught.value.diagnostics]
    assert re.search(r"themes/bad/theme.yaml:5:12: 'accent1': colour must be 6 hex digits", message), message


@pytest.mark.parametrize("name", THEMES)
def test_line_spacing_never_clips_stacked_diacritics(name: str) -> None:
    from slidegen.plan.measure import min_line_spacing_for_diacritics

    theme = load_theme(name)
    for font in {theme.fonts.major, theme.fonts.minor}:
        assert theme.body.line_spacing >= min_line_spacing_for_diacritics(font), font


def test_a_theme_logo_sits_on_the_master_and_keeps_its_proportions(tmp_path: Path) -> None:
    from PIL import Image
    from pptx import Presentation

    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "assets").mkdir()
    Image.new("RGB", (400, 100), (180, 20, 30)).save(tmp_path / "assets" / "logo.png")
    folder = tmp_path / "themes" / "house"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("extends: formal\nname: house\ndescription: H\nlogo: logo.png\n"
                                       "logo_box: [11.0, 0.35, 1.7, 0.6]\n")
    out = tmp_path / "d.pptx"
    build(DECKS / "awgipc.yaml", out, theme=str(folder))
    assert_valid_pptx(out)
    master = Presentation(str(out)).slide_masters[0]
    [logo] = [s for s in master.shapes if s.name == "Logo"]
    assert abs(logo.width / logo.height - 4.0) < 0.01
    with zipfile.ZipFile(out) as archive:
        assert "ppt/media/logo.png" in archive.namelist()


def test_a_missing_logo_is_a_clear_theme_error(tmp_path: Path) -> None:
    folder = tmp_path / "themes" / "house"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("extends: formal\nname: house\ndescription: H\nlogo: nope.png\n"
                                       "logo_box: [11.0, 0.35, 1.7, 0.6]\n")
    with pytest.raises(ThemeError) as caught:
        load_theme("house", tmp_path)
    assert re.search(r"themes/house/theme.yaml:4:7: logo 'nope.png' not found", str(caught.value))
