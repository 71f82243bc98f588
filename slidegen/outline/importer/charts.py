"""A chart on an imported slide, read from its chart part into what a chart slide says.

Column, bar, line, area, pie, doughnut and scatter charts come back as the chart kind with
their categories and numbers (from the values cached in the chart part, as every viewer shows
them), series names, stacking, axis titles, legend, value labels and percent or decimals read
from the number format; a column chart with a line series is a combo chart, the line on a second
axis when it has axes of its own. Any other chart (3-D, radar, bubble, stock …) is not read, and
the slide says so in a warning.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Any

from lxml import etree

from ...records import record

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_A_T = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"
_PLOTS = {"barChart", "lineChart", "areaChart", "pieChart", "doughnutChart", "scatterChart"}
_GROUPING = {"standard": "clustered", "clustered": "clustered", "stacked": "stacked", "percentStacked": "percent"}
_LEGEND = {"b": "bottom", "r": "right", "t": "top", "l": "left", "tr": "right"}
MAX_POINTS = 10_000          # values read from one chart


@record(frozen=False)
class ChartRead:
    """An imported chart as a chart slide's ``chart:`` mapping says it."""

    type: str
    grouping: str = "clustered"
    categories: list[str] = field(default_factory=list)
    series: list[dict[str, Any]] = field(default_factory=list)
    x_title: str | None = None
    y_title: str | None = None
    legend: str = "none"
    labels: bool = False
    percent: bool = False
    decimals: int | None = None

    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        if self.type in ("column", "bar", "line", "area") and self.grouping != "clustered":
            out["grouping"] = self.grouping
        if self.type != "scatter":
            out["categories"] = self.categories
        out["series"] = self.series
        for key in ("x_title", "y_title"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.legend != "bottom":
            out["legend"] = self.legend
        for key in ("labels", "percent"):
            if getattr(self, key):
                out[key] = True
        if self.decimals is not None:
            out["decimals"] = self.decimals
        return out


def read_chart(space: etree._Element) -> ChartRead | None:
    """The chart of a chart part's ``c:chartSpace``, or None for a kind the outline has not."""
    plot_area = space.find(f"{C}chart/{C}plotArea")
    if plot_area is None:
        return None
    plots = [e for e in plot_area if isinstance(e.tag, str) and etree.QName(e).localname.endswith("Chart")]
    if not plots or any(etree.QName(p).localname not in _PLOTS for p in plots):
        return None
    kinds = [_kind(p) for p in plots]
    if len(plots) == 2 and kinds == ["column", "line"]:
        chart = ChartRead("combo")
        secondary = _axes(plots[1]) != _axes(plots[0])
        for plot, kind in zip(plots, ("column", "line")):
            for series in _series(plot, chart, False):
                series["type"] = kind
                if kind == "line" and secondary:
                    series["secondary"] = True
    elif len(plots) == 1:
        chart = ChartRead(kinds[0])
        grouping = plots[0].find(f"{C}grouping")
        chart.grouping = _GROUPING.get(grouping.get("val", "") if grouping is not None else "", "clustered")
        _series(plots[0], chart, kinds[0] == "scatter")
    else:
        return None
    if not chart.series:
        return None
    if chart.type != "scatter":     # one value per category; a series with fewer has gaps
        width = len(chart.categories)
        for series in chart.series:
            series["values"] = (series["values"] + [None] * width)[:width]
    chart.labels = any(e.get("val") in ("1", "true") for p in plots for e in p.iterfind(f"{C}dLbls/{C}showVal"))
    legend = space.find(f"{C}chart/{C}legend")
    if legend is None:
        chart.legend = "none"
    else:                             # no position, or one the outline has not: on the right
        position = legend.find(f"{C}legendPos")
        chart.legend = _LEGEND.get(position.get("val", "r") if position is not None else "r", "right")
    value_axes = plot_area.findall(f"{C}valAx")
    if chart.type == "scatter":       # two value axes: x along the bottom, y up the side
        bottom = [a for a in value_axes if _position(a) == "b"]
        x_axis = bottom[0] if bottom else (value_axes[0] if value_axes else None)
        chart.x_title = _title(x_axis)
        chart.y_title = _title(next((a for a in value_axes if a is not x_axis), None))
    else:
        chart.x_title = _title(plot_area.find(f"{C}catAx"))
        chart.y_title = _title(value_axes[0] if value_axes else None)
    # the value axis's format, or the labels' (a pie or doughnut has no axis)
    number_format = plot_area.find(f"{C}valAx/{C}numFmt")
    if number_format is None:
        number_format = next((e for p in plots for e in p.iterfind(f"{C}dLbls/{C}numFmt")), None)
    if number_format is not None:
        chart.percent, chart.decimals = _number_format(number_format.get("formatCode", "General"))
    return chart


def _kind(plot: etree._Element) -> str:
    name = etree.QName(plot).localname.removesuffix("Chart")
    if name == "bar":
        direction = plot.find(f"{C}barDir")
        return "bar" if direction is not None and direction.get("val") == "bar" else "column"
    return name


def _axes(plot: etree._Element) -> list[str | None]:
    return [a.get("val") for a in plot.findall(f"{C}axId")]


def _series(plot: etree._Element, chart: ChartRead, scatter: bool) -> list[dict[str, Any]]:
    added = []
    for ser in plot.findall(f"{C}ser"):
        name = "".join(t for t in (v.text for v in ser.iterfind(f"{C}tx//{C}v")) if t) or \
            f"Series {len(chart.series) + 1}"
        labels = _points(ser.find(f"{C}xVal" if scatter else f"{C}cat"))
        values = [_number(v) for v in _points(ser.find(f"{C}yVal" if scatter else f"{C}val"))]
        if sum(len(s["values"]) for s in chart.series) + len(values) > MAX_POINTS:
            break
        series: dict[str, Any] = {"name": name, "values": values}
        if scatter:
            series["x"] = [_number(x) for x in labels]
        elif not chart.categories:
            chart.categories = labels
        chart.series.append(series)
        added.append(series)
    return added


def _points(ref: etree._Element | None) -> list[str]:
    """The cached values of a reference, by point index (a missing point is empty)."""
    if ref is None:
        return []
    cache = next((e for e in ref.iter(f"{C}strCache", f"{C}numCache", f"{C}strLit", f"{C}numLit")), None)
    if cache is None:
        return []
    count = cache.find(f"{C}ptCount")
    found = {int(pt.get("idx", "0")): pt.findtext(f"{C}v") or "" for pt in cache.findall(f"{C}pt")
             if pt.get("idx", "0").isdigit()}
    total = int(count.get("val", "0")) if count is not None and count.get("val", "").isdigit() else len(found)
    return [found.get(i, "") for i in range(min(total, MAX_POINTS))]


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _position(axis: etree._Element) -> str | None:
    position = axis.find(f"{C}axPos")
    return position.get("val") if position is not None else None


def _title(axis: etree._Element | None) -> str | None:
    title = axis.find(f"{C}title") if axis is not None else None
    if title is None:
        return None
    text = "".join(t.text or "" for t in title.iter(_A_T)).strip()
    return text or None


def _number_format(code: str) -> tuple[bool, int | None]:
    """Percent and decimals from a number format ("[$-42A]0.0\\ %" → percent, 1 decimal)."""
    code = re.sub(r"\[[^\]]*\]", "", code)
    if code.strip().lower() == "general":
        return False, None
    digits = re.search(r"0(?:\.(0+))?", code)
    if digits is None:
        return "%" in code, None
    decimals = len(digits.group(1) or "")
    # a percentage without decimals is how slidegen writes one whose decimals were not given
    return "%" in code, None if "%" in code and decimals == 0 else decimals
