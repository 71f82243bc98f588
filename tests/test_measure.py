"""Line breaking, line heights and box fit of slidegen.plan.measure."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slidegen.fonts import metrics_for
from slidegen.plan import fit_text
from slidegen.plan import measure as ms
from slidegen.plan.measure import Box, ParagraphSpec, Span
from slidegen.plan.types import Para, Run

VIET = ("Việc thực hiện chuyển đổi số trong các cơ quan nhà nước đòi hỏi sự phối hợp chặt chẽ "
        "giữa các bộ, ngành và địa phương; Nguyễn Trãi, Quảng Ngãi, phở bò, ẫ ặ Ộ Ỵ ỹ Đđ Ơơ Ưư.")


def para(text: str, font: str = "Arial", size: float = 12.0, **kw: object) -> ParagraphSpec:
    return ParagraphSpec(spans=(Span(text),), font=font, size_pt=size, **kw)  # type: ignore[arg-type]


def width_of(text: str, font: str = "Arial", size: float = 12.0, bold: bool = False) -> float:
    m = metrics_for(font, bold)
    return sum(m.advance(c) for c in text) * size / m.units_per_em * ms.WIDTH_SAFETY


def assert_within(layout: ms.ParagraphLayout, width: float) -> None:
    assert all(w <= width + 1e-6 for w in layout.line_widths_pt), layout


# --- heights ----------------------------------------------------------------------------------

def test_line_height_factors() -> None:
    assert ms.line_height_pt("Arial", 10) == pytest.approx(12.0)
    assert ms.line_height_pt("Times New Roman", 10) == pytest.approx(12.0)
    assert ms.line_height_pt("Calibri", 10) == pytest.approx(10 * 2500 / 2048)   # hhea 1.2207
    assert ms.line_height_pt("Arial", 20, line_spacing=1.5, bold=True) == pytest.approx(36.0)
    assert ms.line_height_pt("Verdana", 10) == pytest.approx(10 * ms.INEXACT_LINE_FACTOR)


def test_min_line_spacing_for_diacritics() -> None:
    for font in ("Arial", "Times New Roman", "Calibri"):
        need = ms.min_line_spacing_for_diacritics(font)
        m = metrics_for(font, bold=True)
        assert need * 1.2 >= (m.diacritic_top + m.diacritic_bottom) / m.units_per_em - 1e-12
        assert 0.8 < need < 1.0     # single spacing is enough for all three families


def test_mixed_spans_take_the_tallest_line() -> None:
    p = ParagraphSpec((Span("Calibri "), Span("bold", bold=True)), font="Calibri", size_pt=10)
    assert ms.layout_paragraph(p, 500).height_pt == pytest.approx(ms.line_height_pt("Calibri", 10))
    spaced = para("x", size=10, space_before_pt=6, space_after_pt=4, line_spacing=0.9)
    assert ms.layout_paragraph(spaced, 100).height_pt == pytest.approx(6 + 4 + 10 * 0.9 * 1.2)


# --- widths and breaking ----------------------------------------------------------------------

def test_known_width_hello() -> None:
    layout = ms.layout_paragraph(para("Hello"), 1000)
    assert layout.lines == ("Hello",)
    # 1479 + 1139 + 455 + 455 + 1139 font units of Liberation Sans at 12 pt.
    assert layout.line_widths_pt[0] == pytest.approx(4667 * 12 / 2048 * ms.WIDTH_SAFETY)
    bold = ms.layout_paragraph(ParagraphSpec((Span("Hello", bold=True),), "Arial", 12), 1000)
    assert bold.line_widths_pt[0] == pytest.approx(width_of("Hello", bold=True))
    assert bold.line_widths_pt[0] > layout.line_widths_pt[0]


def test_trailing_spaces_take_no_room_and_tabs_are_four_spaces() -> None:
    assert ms.layout_paragraph(para("Hello     "), 1000).line_widths_pt[0] == pytest.approx(width_of("Hello"))
    tab = ms.layout_paragraph(para("a\tb"), 1000).line_widths_pt[0]
    assert tab == pytest.approx(width_of("a    b"))


def test_unknown_fonts_are_measured_wider() -> None:
    arial = ms.layout_paragraph(para("Hello"), 1000).line_widths_pt[0]
    tahoma = ms.layout_paragraph(para("Hello", font="Tahoma"), 1000).line_widths_pt[0]
    assert tahoma == pytest.approx(arial * ms.INEXACT_WIDTH_FACTOR)


def test_wraps_at_spaces() -> None:
    text = "one two three four five six seven eight nine ten"
    width = width_of("one two three") + 0.01
    layout = ms.layout_paragraph(para(text), width)
    assert layout.lines[0] == "one two three "
    assert "".join(layout.lines) == text
    assert_within(layout, width)
    assert len(layout.lines) == 4


def test_long_vietnamese_paragraph_in_a_narrow_box() -> None:
    for font in ("Arial", "Calibri", "Times New Roman"):
        layout = ms.layout_paragraph(para(VIET, font=font, size=20), 150)
        assert len(layout.lines) > 5
        assert_within(layout, 150)
        assert "".join(layout.lines) == unicodedata.normalize("NFC", VIET)
        assert all(not line.startswith(" ") for line in layout.lines)


def test_unbroken_url_is_broken_into_lines_within_width() -> None:
    url = "https://example.com/" + "abcdefghij0123456789" * 19 + "x" * 20
    url = url[:400]
    assert len(url) == 400
    layout = ms.layout_paragraph(para(url, size=14), 200)
    assert len(layout.lines) >= 5
    assert_within(layout, 200)
    assert "".join(layout.lines) == url


def test_breaks_after_hyphen_dash_and_slash_but_not_before_digits() -> None:
    width = width_of("well-kno")
    assert ms.layout_paragraph(para("well-known"), width).lines == ("well-", "known")
    assert ms.layout_paragraph(para("2020–2021"), width_of("2020–20")).lines == ("2020–", "2021")
    assert ms.layout_paragraph(para("input/output"), width_of("input/ou")).lines == ("input/", "output")
    # "COVID-19" has no break at its hyphen: it is broken between characters only as a last resort.
    covid = ms.layout_paragraph(para("x COVID-19"), width_of("x COVID-1"))
    assert covid.lines == ("x ", "COVID-19")


def test_nfd_marks_never_start_a_line() -> None:
    word = unicodedata.normalize("NFD", "Nghiêng" * 3 + "ẫặỘỵ" * 10)
    # Marks that cannot compose with a base (q + acute, x + hook + dot) remain combining after NFC.
    word += "q\u0301x\u0309\u0323" * 10
    for width in (20, 31.7, 45, 80):
        layout = ms.layout_paragraph(para(word, size=16), width)
        assert len(layout.lines) > 1
        assert_within(layout, width)
        assert all(line and not unicodedata.combining(line[0]) for line in layout.lines)
        assert "".join(layout.lines) == unicodedata.normalize("NFC", word)


def test_forced_line_breaks() -> None:
    assert ms.layout_paragraph(para("a\nb"), 500).lines == ("a\n", "b")
    assert ms.layout_paragraph(para("a\vb"), 500).lines == ("a\v", "b")
    assert ms.layout_paragraph(para("a\r\nb"), 500).lines == ("a\r\n", "b")
    trailing = ms.layout_paragraph(para("a\n"), 500)
    assert trailing.lines == ("a\n", "")
    assert trailing.height_pt == pytest.approx(2 * ms.line_height_pt("Arial", 12))
    assert ms.layout_paragraph(para("a\n\nb"), 500).lines == ("a\n", "\n", "b")
    spans = ParagraphSpec((Span("one\n"), Span("two", bold=True)), "Arial", 12)
    assert ms.layout_paragraph(spans, 500).lines == ("one\n", "two")


def test_empty_paragraph_is_one_line() -> None:
    layout = ms.layout_paragraph(para(""), 100)
    assert layout.lines == ("",)
    assert layout.height_pt == pytest.approx(ms.line_height_pt("Arial", 12))


def test_indents_narrow_the_lines() -> None:
    text = "aaa bbb ccc ddd"
    width = width_of("aaa bbb") + 0.01
    assert ms.layout_paragraph(para(text), width).lines == ("aaa bbb ", "ccc ddd")
    indented = ms.layout_paragraph(para(text, indent_pt=5), width)
    assert indented.lines == ("aaa ", "bbb ", "ccc ", "ddd")
    first = ms.layout_paragraph(para(text, first_line_pt=5), width)
    assert first.lines == ("aaa ", "bbb ccc ", "ddd")
    hanging = ms.layout_paragraph(para(text, first_line_pt=-20), width)   # bullet in the margin
    assert hanging.lines == ("aaa bbb ", "ccc ddd")


# --- blocks and shrinking ---------------------------------------------------------------------

def test_block_fits_by_height_and_width() -> None:
    paras = [para("Title line", size=20), para("Body text", space_before_pt=6)]
    expected = 3.6 + 3.6 + 24 + 6 + 14.4            # insets + line heights + space before
    assert fit_text.fits_specs(paras, Box(200, expected))
    assert not fit_text.fits_specs(paras, Box(200, expected - 0.1))
    # A single glyph wider than the box can never fit, whatever the height.
    assert not fit_text.fits_specs([para("W", size=72)], Box(30, 1000))


STYLE = fit_text.TextStyle("Arial", False, 0.0, 0.0, 1.0)


def body(count: int, size: float = 24, space: float = 0.0) -> list[Para]:
    return [Para((Run(VIET),), size_pt=size, space_before_pt=space) for _ in range(count)]


def test_best_scale_is_the_largest_grid_scale_that_fits() -> None:
    paras = body(3, space=6)
    assert fit_text.best_scale(paras, STYLE, Box(2000, 2000), floor=0.5, min_size=10) == 1.0
    box = Box(500, 400)
    assert not fit_text.fits(paras, STYLE, box)
    scale = fit_text.best_scale(paras, STYLE, box, floor=0.5, min_size=10)
    assert scale is not None and 0.5 <= scale < 1.0
    shrunk = fit_text.scaled(paras, scale, 10).paras
    assert fit_text.fits(shrunk, STYLE, box)
    bigger = round(scale + 0.025, 6)
    if bigger < 1.0:
        assert not fit_text.fits(fit_text.scaled(paras, bigger, 10).paras, STYLE, box)
    assert fit_text.best_scale(paras, STYLE, Box(500, 60), floor=0.5, min_size=10) is None
    # min_size wins over the floor: sizes stop above the size that fitted, so nothing fits.
    plain = body(3)
    at = fit_text.best_scale(plain, STYLE, box, floor=0.5, min_size=1)
    assert at is not None and at < 1.0
    assert fit_text.best_scale(plain, STYLE, box, floor=0.5, min_size=24 * at + 0.5) is None
    assert ms.scale_paragraph(para("x", size=24, space_after_pt=6), 0.5, 20).size_pt == 20
    assert ms.scale_paragraph(para("x", size=24, space_after_pt=6), 0.5, 20).space_after_pt == 3


# --- property ---------------------------------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?()'\"-–/"
VIET_LETTERS = "ạảãàáâầấẩẫậăằắẳẵặđêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵẪẶỘĐƠƯ"
word = st.text(alphabet=LETTERS + VIET_LETTERS + "\u0301\u0323\u0309", min_size=1, max_size=12)
long_word = st.text(alphabet=LETTERS + VIET_LETTERS, min_size=30, max_size=120)
separator = st.sampled_from([" ", " ", " ", "  ", "\t", "\n", "-", "/"])


@st.composite
def paragraph_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(word, word, word, long_word), min_size=1, max_size=25))
    seps = draw(st.lists(separator, min_size=len(parts), max_size=len(parts)))
    text = "".join(p + s for p, s in zip(parts, seps))
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)


@given(text=paragraph_text(), width=st.floats(min_value=40, max_value=600),
       size=st.sampled_from([10.0, 12.0, 18.0, 28.0]), font=st.sampled_from(["Arial", "Calibri", "Times New Roman"]),
       bold=st.booleans(), italic=st.booleans())
def test_lines_fit_and_reproduce_the_text(text: str, width: float, size: float, font: str, bold: bool,
                                          italic: bool) -> None:
    half = len(text) // 2
    p = ParagraphSpec((Span(text[:half], bold, italic), Span(text[half:], not bold, italic)), font, size)
    layout = ms.layout_paragraph(p, width)
    assert_within(layout, width)
    # Each span is normalised on its own (a mark may begin the second span), hence the outer NFC.
    assert unicodedata.normalize("NFC", "".join(layout.lines)) == unicodedata.normalize("NFC", text)
    for before, line in zip(layout.lines, layout.lines[1:]):
        if not line or before.endswith(("\n", "\r", "\v")):
            continue        # after a forced break a line may start with anything (even a lone mark)
        assert not unicodedata.combining(line[0])
        # A wrapped line never starts with a space, unless a combining mark is drawn on it.
        assert line[0] not in " \t" or (len(line) > 1 and unicodedata.combining(line[1]))
    assert len(layout.line_widths_pt) == len(layout.lines) == len(layout.line_heights_pt)


# --- the one-line quick path agrees with the full line breaker ---------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from slidegen.plan import linebreak as _lb  # noqa: E402
from slidegen.plan import measure as _m  # noqa: E402

_words = st.sampled_from(["Việt", "Nam", "hợp", "tác", "SHTT", "ASEAN", "2019–2021", "COVID-19", "a/b", "x" * 30, ""])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(_words, max_size=8).map(" ".join), st.booleans(), st.booleans()),
                min_size=1, max_size=3),
       st.sampled_from(["Arial", "Calibri", "Times New Roman", "Verdana"]), st.floats(10, 40), st.floats(50, 900))
def test_quick_one_line_layout_matches_the_full_breaker(spans, font, size, width) -> None:
    spec = _m.ParagraphSpec(tuple(_m.Span(t, b, i) for t, b, i in spans), font, size)
    quick = _m._one_line(spec, width, width)
    if quick is None:
        return
    gs, tallest = _lb.graphemes(spec.spans, spec.font)
    lines = _lb.fill(gs, size, width, width)
    assert len(lines) == 1
    assert abs(_lb.trimmed_width(lines[0]) * size - quick.line_widths_pt[0]) < 1e-6
    assert quick.lines == ("".join(g[0] for g in lines[0]),)
