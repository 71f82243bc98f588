"""The shipped width tables and the font resolution of slidegen.fonts."""

from __future__ import annotations

import ast
import importlib.util
import unicodedata
from pathlib import Path

import pytest

from slidegen.fonts import FontMetrics, metrics_for, missing_glyphs, resolve_font

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "slidegen" / "fonts" / "data"
LIBERATION = Path("/usr/share/fonts/truetype/liberation2")
CARLITO = Path("/usr/share/fonts/truetype/crosextra")
TTF = {"Liberation Sans": LIBERATION / "LiberationSans-{}.ttf",
       "Liberation Serif": LIBERATION / "LiberationSerif-{}.ttf",
       "Liberation Mono": LIBERATION / "LiberationMono-{}.ttf",
       "Carlito": CARLITO / "Carlito-{}.ttf"}
STYLES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}
FAMILIES = ("Liberation Sans", "Liberation Serif", "Liberation Mono", "Carlito")
FACES = [(family, bold, italic) for family in FAMILIES for (bold, italic) in STYLES]

# Independent of tools/make_metrics.py on purpose: the 134 precomposed Vietnamese letters.
VIET_LOWER = ("aàáảãạăằắẳẵặâầấẩẫậ" "eèéẻẽẹêềếểễệ" "iìíỉĩị" "oòóỏõọôồốổỗộơờớởỡợ"
              "uùúủũụưừứửữự" "yỳýỷỹỵ" "đ")
VIETNAMESE = sorted({c for c in VIET_LOWER + VIET_LOWER.upper() if ord(c) > 0x7F})


def test_vietnamese_alphabet_is_134_letters() -> None:
    assert len(VIETNAMESE) == 134


@pytest.mark.parametrize("name,family", [
    ("Arial", "Liberation Sans"), ("arial", "Liberation Sans"), ("  ARIAL ", "Liberation Sans"),
    ("Helvetica", "Liberation Sans"), ("Liberation Sans", "Liberation Sans"),
    ("Calibri", "Carlito"), ("CALIBRI", "Carlito"), ("Carlito", "Carlito"),
    ("Times New Roman", "Liberation Serif"), ("times  new roman", "Liberation Serif"),
    ("Liberation Serif", "Liberation Serif"),
    ("Courier New", "Liberation Mono"), ("Cousine", "Liberation Mono"), ("Liberation Mono", "Liberation Mono"),
])
def test_metric_compatible_fonts_resolve_exactly(name: str, family: str) -> None:
    assert resolve_font(name) == (family, True)


@pytest.mark.parametrize("name", ["Tahoma", "Verdana", "Segoe UI", "Arial Narrow", "Calibri Light",
                                  "Comic Sans MS", "Georgia", "Courier", "", "Times"])
def test_unknown_fonts_fall_back_inexactly(name: str) -> None:
    assert resolve_font(name) == ("Liberation Sans", False)
    assert metrics_for(name).face == "Liberation Sans Regular"


@pytest.mark.parametrize("family,bold,italic", FACES)
def test_every_face_loads_with_sane_metrics(family: str, bold: bool, italic: bool) -> None:
    m = metrics_for(family, bold, italic)
    assert isinstance(m, FontMetrics)
    style = {"Regular": "Regular", "Bold": "Bold", "Italic": "Italic", "BoldItalic": "Bold Italic"}
    assert m.face == f"{family} {style[STYLES[(bold, italic)]]}"
    assert m.units_per_em == 2048
    assert m.ascent > 0 and m.descent > 0 and m.line_gap >= 0
    assert m.win_ascent > 0 and m.win_descent > 0
    # Stacked marks reach above the capital height and below the baseline (dot below).
    assert m.diacritic_top > 1400 and m.diacritic_bottom > 200
    if family == "Liberation Mono":   # every character one width: what makes code line up
        assert m.advance(" ") == m.advance("W") == m.advance("i") == m.advance("ự") > 0
    else:
        assert m.advance(" ") > 0 and m.advance("W") > m.advance("i")


@pytest.mark.parametrize("family,bold,italic", FACES)
def test_every_shipped_face_has_every_vietnamese_letter(family: str, bold: bool, italic: bool) -> None:
    """A design claim: any deck in Vietnamese renders in Arial, Times New Roman and Calibri
    without PowerPoint substituting a font."""
    m = metrics_for(family, bold, italic)
    assert [c for c in VIETNAMESE if not m.has_glyph(c)] == []


def test_calibri_and_arial_share_no_widths_table() -> None:
    assert metrics_for("Calibri").advance("m") != metrics_for("Arial").advance("m")
    assert metrics_for("Arial", bold=True).advance("m") != metrics_for("Arial").advance("m")


def test_missing_glyph_advance_and_combining_marks() -> None:
    m = metrics_for("Arial")
    assert not m.has_glyph("漢")
    assert m.advance("漢") == m.missing_width > 0
    assert m.advance("\u0301") == 0                   # combining acute: zero-width, attached


def test_missing_glyphs_reports_distinct_characters_in_order() -> None:
    text = "Xin chào 漢字 and 😀\n\t\v again 字 漢"
    assert missing_glyphs(text, "Arial") == ["漢", "字", "😀"]
    assert missing_glyphs("Tiếng Việt: Ẫ Ộ ặ Đ ơ ư\n", "Calibri") == []
    nfd = unicodedata.normalize("NFD", "Phở bò, Nguyễn Trãi, Quảng Ngãi")
    assert missing_glyphs(nfd, "Times New Roman") == []
    assert missing_glyphs("", "Arial") == []
    assert missing_glyphs("\u200b\u200d\x0b\r", "Arial") == []


def test_shipped_tables_are_compact() -> None:
    files = sorted(DATA.glob("*.json"))
    assert len(files) == 16
    assert all(f.stat().st_size < 60_000 for f in files)
    notice = (DATA / "LICENSE-fonts.txt").read_text("utf-8")
    assert "SIL Open Font License" in notice and "Red Hat" in notice and "tyPoland" in notice


def test_measuring_layers_do_not_import_pptx() -> None:
    for path in (REPO / "slidegen/fonts/metrics.py", REPO / "slidegen/plan/measure.py"):
        tree = ast.parse(path.read_text("utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [n for n in names if n.split(".")[0] == "pptx"], path


# --- Checks against the fonts themselves (skipped where the TTFs are not installed) ---------

def _ttf(family: str, bold: bool, italic: bool) -> Path:
    path = Path(str(TTF[family]).format(STYLES[(bold, italic)]))
    if not path.exists():
        pytest.skip(f"{path} not installed")
    return path


@pytest.mark.parametrize("family,bold,italic", FACES)
def test_tables_match_the_fonts(family: str, bold: bool, italic: bool) -> None:
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont

    font = TTFont(_ttf(family, bold, italic))
    m = metrics_for(family, bold, italic)
    cmap, hmtx, glyphs = font.getBestCmap(), font["hmtx"], font.getGlyphSet()
    assert {cp: hmtx[g][0] for cp, g in cmap.items() if cp < 0x30000} == m.widths
    assert (m.ascent, m.descent, m.line_gap) == (font["hhea"].ascent, -font["hhea"].descent, font["hhea"].lineGap)
    assert (m.win_ascent, m.win_descent) == (font["OS/2"].usWinAscent, font["OS/2"].usWinDescent)
    top = bottom = 0.0
    for ch in VIETNAMESE:
        pen = BoundsPen(glyphs)
        glyphs[cmap[ord(ch)]].draw(pen)
        assert pen.bounds is not None
        top, bottom = max(top, pen.bounds[3]), min(bottom, pen.bounds[1])
    assert (m.diacritic_top, m.diacritic_bottom) == (round(top), -round(bottom))


def test_hello_width_matches_fonttools() -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(_ttf("Liberation Sans", False, False))
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    expected = sum(hmtx[cmap[ord(c)]][0] for c in "Hello")
    m = metrics_for("Arial")
    assert sum(m.advance(c) for c in "Hello") == expected == 1479 + 1139 + 455 + 455 + 1139


def test_make_metrics_is_deterministic(tmp_path: Path) -> None:
    _ttf("Carlito", True, True)
    _ttf("Liberation Serif", True, True)
    spec = importlib.util.spec_from_file_location("make_metrics", REPO / "tools" / "make_metrics.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.OUT = tmp_path
    module.main()
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in DATA.iterdir() if p.suffix in (".json", ".txt"))
    for name in made:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
