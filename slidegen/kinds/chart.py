"""Native charts: column, bar, line, pie, doughnut, area, scatter, and columns with a line.

A chart is a real PowerPoint chart with its embedded workbook ("Edit Data" works), coloured with
the theme's accents in order and written in its fonts, so a theme change restyles it. Data is
written inline or comes from a data file through the templating (``tally`` counts or sums
records by a column). Too many categories for the box continue on "(tiếp)" slides (column and
bar) or are reported; category labels and legends that cannot fit are reported. Each chart has
alt text naming it and its series, and its numbers as a small table in the speaker notes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from ..errors import OutlineError
from ..fonts import metrics_for
from ..model.common import SlideFields, Text
from ..plan.fitting import with_content
from ..plan.linebreak import WIDTH_SAFETY
from ..plan.types import FontRole, PlannedSlide, TextBlock
from ..records import record, replace
from ..scene import Chart as ChartElement, ChartSeries, ChartSpec, Element, Frame, inches_to_emu
from ..source import DataPath
from ..validation import Meta, Model, model
from .base import LayoutDef, Parts, PlaceholderDef, SlideKind, TemplatePlaceholder

if TYPE_CHECKING:
    from ..plan.context import PlanContext
    from ..plan.strings import Strings
    from ..theme.model import LayoutGeometry, Theme

ChartType = Literal["column", "bar", "line", "pie", "doughnut", "area", "scatter", "combo"]
CATEGORY_CHARTS = ("column", "bar", "line", "area", "combo")
#: Of the plot, the share category labels get under each column (the rest is gaps, axis).
_LABEL_SHARE = 0.8


@model
class Series(Model):
    """One series of a chart: its name and a value per category (x and y for a scatter chart)."""

    noun: ClassVar[str] = "series"

    name: Annotated[Text, Meta("The series' name, shown in the legend.", "Cuộc họp")]
    values: Annotated[tuple[float | None, ...], Meta("One number per category (empty: no value).", [2, 4, 1],
                                                      min_length=1)]
    type: Annotated[Literal["column", "line"] | None, Meta(
        "In a combo chart, whether this series is drawn as columns or as a line.", "line")] = None
    secondary: Annotated[bool, Meta("On a second value axis at the right (combo charts).", False)] = False
    x: Annotated[tuple[float, ...] | None, Meta("Scatter charts: the x value of each point.", [1, 2, 3])] = None


@model
class ChartData(Model):
    """Categories and series together, as a data file or a template gives them."""

    noun: ClassVar[str] = "chart data"

    categories: Annotated[tuple[str, ...], Meta("The categories along the axis.", ["2019", "2020", "2021"])] = ()
    series: Annotated[tuple[Series, ...], Meta("The series of numbers.", [{"name": "Cuộc họp", "values": [2, 4, 1]}],
                                               min_length=1)]


@model
class Chart(Model):
    """A native, editable chart with its data."""

    noun: ClassVar[str] = "chart"

    type: Annotated[ChartType, Meta("column, bar, line, pie, doughnut, area, scatter, or combo (columns with "
                                    "a line).", "column")] = "column"
    grouping: Annotated[Literal["clustered", "stacked", "percent"], Meta(
        "Column, bar and area charts: series side by side, stacked, or stacked to 100 %.", "clustered")] = "clustered"
    categories: Annotated[tuple[str, ...], Meta("The categories along the axis.", ["2019", "2020", "2021"])] = ()
    series: Annotated[tuple[Series, ...], Meta("The series of numbers.", [{"name": "Cuộc họp", "values": [2, 4, 1]}])] = ()
    data: Annotated[ChartData | None, Meta("Categories and series together, e.g. from a data file: "
                                           "\"{{ meetings | tally('year') }}\".", None)] = None
    x_title: Annotated[Text | None, Meta("Title of the category (x) axis.", "Năm")] = None
    y_title: Annotated[Text | None, Meta("Title of the value (y) axis.", "Số cuộc họp")] = None
    legend: Annotated[Literal["bottom", "right", "top", "left", "none"], Meta("Where the legend goes.", "bottom")] = \
        "bottom"
    labels: Annotated[bool, Meta("Show each value on the chart.", True)] = False
    percent: Annotated[bool, Meta("Values are fractions shown as percentages (0.375 → 37,5 %).", False)] = False
    decimals: Annotated[int | None, Meta("Decimals shown in labels and the notes table.", 1, ge=0, le=6)] = None


@model
class ChartSlide(SlideFields):
    """A slide holding one native chart."""

    kind: Annotated[Literal["chart"], Meta("Slide kind; inferred from the content key.", "chart")] = "chart"
    chart: Annotated[Chart, Meta("A native chart with its data.",
                                 {"type": "column", "categories": ["2019", "2020"],
                                  "series": [{"name": "Cuộc họp", "values": [2, 4]}]})]


@record
class ChartContent:
    """A planned chart: its spec for the writer, the kind it is drawn as, and its alt text."""

    spec: ChartSpec
    kind_name: str                     # "column", … "combo": for alt text
    alt: str = ""

    def texts(self) -> Iterator[tuple[str, FontRole]]:
        yield " ".join(self.spec.categories), "minor"
        yield " ".join(s.name for s in self.spec.series), "minor"
        for title in (self.spec.x_title, self.spec.y_title):
            if title is not None:
                yield title.text, "minor"


def _problem(ctx: "PlanContext", message: str, path: DataPath) -> OutlineError:
    return OutlineError(message, ctx.locator.at(path))


def chart_spec(ctx: "PlanContext", chart: Chart, path: DataPath) -> ChartSpec:
    """The validated chart, with its colours and words; an inconsistency is a located error."""
    categories, series, data_path = chart.categories, chart.series, path
    if chart.data is not None:
        if categories or series:
            raise _problem(ctx, "give 'data' or 'categories' and 'series', not both", (*path, "data"))
        categories, series, data_path = chart.data.categories, chart.data.series, (*path, "data")
    if not series:
        raise _problem(ctx, "a chart needs 'series' (with 'categories'), or 'data'", path)
    if chart.type == "scatter":
        for n, s in enumerate(series):
            xs = s.x or tuple(_number(ctx, c, (*data_path, "categories", i)) for i, c in enumerate(categories))
            if len(xs) != len(s.values):
                raise _problem(ctx, f"series '{s.name}' has {len(s.values)} values but {len(xs)} x values",
                               (*data_path, "series", n, "values"))
    else:
        if not categories:
            raise _problem(ctx, "a chart needs 'categories', one per value", path)
        for n, s in enumerate(series):
            if len(s.values) != len(categories):
                raise _problem(ctx, f"series '{s.name}' has {len(s.values)} values for {len(categories)} categories",
                               (*data_path, "series", n, "values"))
    if chart.type == "pie" and len(series) > 1:
        raise _problem(ctx, "a pie chart shows one series; use a doughnut or a column chart for several",
                       (*data_path, "series"))
    if chart.type == "combo" and not any(s.type == "line" for s in series):
        raise _problem(ctx, "a combo chart needs a series with type: line (and one with type: column)",
                       (*data_path, "series"))
    colors = ctx.theme.chart.colors
    plotted = tuple(ChartSeries(
        ctx.text(s.name, (*data_path, "series", n, "name")), s.values, colors[n % len(colors)],
        line=chart.type == "combo" and s.type == "line", secondary=chart.type == "combo" and s.secondary,
        x_values=(s.x or tuple(float(c) for c in categories)) if chart.type == "scatter" else ())
        for n, s in enumerate(series))
    return ChartSpec(
        "column" if chart.type == "combo" else chart.type, chart.grouping,
        tuple(ctx.text(c, (*data_path, "categories", i)) for i, c in enumerate(categories)), plotted,
        x_title=ctx.line(chart.x_title, (*path, "x_title")), y_title=ctx.line(chart.y_title, (*path, "y_title")),
        legend=None if chart.legend == "none" else chart.legend, labels=chart.labels,
        number_format=format_code(chart.percent, chart.decimals, ctx.language),
        font_size=ctx.theme.chart.font_size, language=ctx.language,
        point_colors=tuple(colors[i % len(colors)] for i in range(len(categories)))
        if chart.type in ("pie", "doughnut") else ())


def _number(ctx: "PlanContext", text: str, path: DataPath) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise _problem(ctx, f"a scatter chart's categories are its x values; '{text}' is not a number", path) from None


#: Windows locale ids, for number formats that say which language's notation to use.
_LCIDS = {"vi": 0x042A, "en": 0x0409, "en-gb": 0x0809, "fr": 0x040C, "de": 0x0407, "ja": 0x0411, "zh": 0x0804,
          "ko": 0x0412, "th": 0x041E, "id": 0x0421, "ms": 0x043E, "lo": 0x0454, "km": 0x0453}


def format_code(percent: bool, decimals: int | None, language: str) -> str:
    """The number format of the axis and labels, in the deck's language: "[$-42A]0.0\\ %" shows
    0.375 as 37,5 % in a Vietnamese deck (the locale prefix picks the separators; LibreOffice
    honours it, PowerPoint shows the separators of the viewer's system)."""
    tag = language.lower()
    lcid = _LCIDS.get(tag, _LCIDS.get(tag.split("-")[0]))
    prefix = f"[$-{lcid:X}]" if lcid else ""
    digits = "0" + ("." + "0" * decimals if decimals else "")
    if percent:
        return prefix + digits + ("\\ %" if tag.startswith(("vi", "fr", "de")) else "%")
    return prefix + ("#,##" + digits if decimals is not None else "General")


def data_table(spec: ChartSpec, strings: "Strings", percent: bool, decimals: int | None) -> str:
    """The chart's numbers as a small table for the speaker notes, in the deck's notation."""
    head = " | ".join(["", *(s.name for s in spec.series)]).strip()
    rows = [f"{strings.chart_data}:", head]
    labels = spec.categories or tuple(strings.number(x) for x in spec.series[0].x_values)
    for i, label in enumerate(labels):
        cells = [strings.number(v, decimals, percent) if (v := s.values[i]) is not None else "–"
                 for s in spec.series if i < len(s.values)]
        rows.append(" | ".join([label, *cells]))
    return "\n".join(rows)


def _placeholders(theme: "Theme", g: "LayoutGeometry") -> list[PlaceholderDef]:
    return [PlaceholderDef("Chart 2", "chart", 1, g.content)]


def _match(placeholders: Sequence[TemplatePlaceholder]) -> dict[str, TemplatePlaceholder] | None:
    parts = Parts.of(placeholders)
    chart = next((p for p in placeholders if p.type == "chart"), None)
    if parts.title is None or chart is None:
        return None
    return {"title": parts.title, "chart": chart}


class ChartKind(SlideKind):
    name = "chart"
    model: ClassVar[type[SlideFields] | None] = ChartSlide
    layouts = (LayoutDef("chart", "Title and Chart", "chart", "chart", _placeholders, _match, search="any",
                         fallbacks=("title_only", "bullets")),)

    def content(self, ctx: "PlanContext", slide: Any, path: DataPath) -> ChartContent:
        chart: Chart = slide.chart
        spec = chart_spec(ctx, chart, (*path, "chart"))
        kind_name = ctx.strings.chart_types[chart.type]
        alt = (f"{ctx.strings.chart.format(kind=kind_name)}; {ctx.strings.series}: "
               + ", ".join(s.name for s in spec.series))
        return ChartContent(spec, chart.type, alt)

    def notes(self, ctx: "PlanContext", slide: Any, content: Any) -> str:
        chart: Chart = slide.chart
        return data_table(content.spec, ctx.strings, chart.percent, chart.decimals)

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        c: ChartContent = slide.content  # type: ignore[assignment]
        theme, spec = ctx.theme, c.spec
        box = self.geometry(theme, slide).content or theme.layouts["bullets"].body
        assert box is not None
        limit = theme.chart.max_categories
        count = len(spec.categories)
        if count > limit and c.kind_name in ("column", "bar"):
            pieces = []
            for start in range(0, count, limit):
                part = replace(spec, categories=spec.categories[start:start + limit], series=tuple(
                    replace(s, values=s.values[start:start + limit]) for s in spec.series))
                pieces.append(with_content(slide, replace(c, spec=part)))
            return [self._check_labels(ctx, piece, box) for piece in pieces]
        if count > limit:
            ctx.warn(f"the chart on slide '{slide.title}' has {count} categories, more than the {limit} its box "
                     "shows legibly; use a column or bar chart (continued on more slides) or a table", slide.source)
        return [self._check_labels(ctx, slide, box)]

    def _check_labels(self, ctx: "PlanContext", slide: PlannedSlide, box: tuple[float, float, float, float]
                      ) -> PlannedSlide:
        """Category labels wider than their slot, or a legend wider than the chart, are reported:
        PowerPoint would tilt, thin out or cut them."""
        c: ChartContent = slide.content  # type: ignore[assignment]
        spec, theme = c.spec, ctx.theme
        size = spec.font_size
        width_pt = box[2] * 72
        if spec.categories and c.kind_name in CATEGORY_CHARTS and c.kind_name != "bar":
            slot = width_pt * _LABEL_SHARE / len(spec.categories)
            widest = max(spec.categories, key=lambda t: _width(t, theme.fonts.minor, size))
            # A label may wrap onto two lines; wider than that, PowerPoint tilts or drops labels.
            if _width(widest, theme.fonts.minor, size) > 2 * slot:
                ctx.warn(f"category label '{widest[:40]}' of the chart on slide '{slide.title}' is wider than its "
                         f"{slot:.0f} pt under each category; shorten the labels or use a bar chart", slide.source)
        if spec.legend in ("bottom", "top"):
            legend = sum(_width(s.name, theme.fonts.minor, size) + 2 * size for s in spec.series)
            if legend > width_pt:
                ctx.warn(f"the legend of the chart on slide '{slide.title}' is wider than the chart; shorten the "
                         "series names or put the legend at the right", slide.source)
        return slide

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        c: ChartContent = slide.content  # type: ignore[assignment]
        if "chart" in frame.roles:
            idx: int | None = frame.roles["chart"]
            box = frame.boxes["chart"]
        else:
            idx = None
            inches = frame.box("content") or frame.theme.layouts["bullets"].body
            assert inches is not None
            box = inches_to_emu(inches)
        return [ChartElement(idx, box, c.spec, f"Chart {slide.number}", c.alt)]


def _width(text: str, font: str, size: float) -> float:
    m = metrics_for(font)
    return sum(m.advance(ch) for ch in text) * size * WIDTH_SAFETY / m.units_per_em


KIND = ChartKind()
