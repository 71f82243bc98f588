"""A chart's data as python-pptx's chart code takes it, with a workbook dated by the build.

python-pptx writes a chart's XML from its chart data (ChartXmlWriter) and, through XlsxWriter,
the workbook PowerPoint opens for "Edit Data"; XlsxWriter would date that workbook (and its zip
entries) now, so the writers here date it with the build's stamp: the same inputs give the same
bytes. (Used by slidegen/render/chart.py.)
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Iterator
from typing import Any

from pptx.chart.data import CategoryChartData, XyChartData
from pptx.chart.xlsx import CategoryWorkbookWriter, XyWorkbookWriter
from pptx.enum.chart import XL_CHART_TYPE
from xlsxwriter import Workbook

from ..scene import ChartSpec

_TYPES = {
    ("column", "clustered"): XL_CHART_TYPE.COLUMN_CLUSTERED, ("column", "stacked"): XL_CHART_TYPE.COLUMN_STACKED,
    ("column", "percent"): XL_CHART_TYPE.COLUMN_STACKED_100, ("bar", "clustered"): XL_CHART_TYPE.BAR_CLUSTERED,
    ("bar", "stacked"): XL_CHART_TYPE.BAR_STACKED, ("bar", "percent"): XL_CHART_TYPE.BAR_STACKED_100,
    ("line", "clustered"): XL_CHART_TYPE.LINE_MARKERS, ("line", "stacked"): XL_CHART_TYPE.LINE_MARKERS_STACKED,
    ("line", "percent"): XL_CHART_TYPE.LINE_MARKERS_STACKED_100, ("area", "clustered"): XL_CHART_TYPE.AREA,
    ("area", "stacked"): XL_CHART_TYPE.AREA_STACKED, ("area", "percent"): XL_CHART_TYPE.AREA_STACKED_100,
}


def chart_type(spec: ChartSpec) -> Any:
    """python-pptx's chart type for ``spec``."""
    if spec.type == "pie":
        return XL_CHART_TYPE.PIE
    if spec.type == "doughnut":
        return XL_CHART_TYPE.DOUGHNUT
    if spec.type == "scatter":
        return XL_CHART_TYPE.XY_SCATTER
    return _TYPES[(spec.type, spec.grouping)]


class _StampedWriter:
    """A workbook writer that dates the workbook with the build's stamp."""

    stamp = _dt.datetime(1980, 1, 1)

    @contextlib.contextmanager
    def _open_worksheet(self, xlsx_file: Any) -> Iterator[tuple[Any, Any]]:
        with _stamped_workbook(xlsx_file, self.stamp) as opened:
            yield opened


class _CategoryWorkbook(_StampedWriter, CategoryWorkbookWriter):
    pass


class _XyWorkbook(_StampedWriter, XyWorkbookWriter):
    pass


class _StampedData:
    """Chart data whose workbook carries the build's date (python-pptx 1.0 asks the chart data
    for its workbook writer)."""

    stamp = _dt.datetime(1980, 1, 1)
    writer: Any = None   # the workbook writer class of the mixed-in chart data

    @property
    def _workbook_writer(self) -> Any:
        writer = self.writer(self)
        writer.stamp = self.stamp
        return writer


class _CategoryData(_StampedData, CategoryChartData):
    writer = _CategoryWorkbook


class _XyData(_StampedData, XyChartData):
    writer = _XyWorkbook


@contextlib.contextmanager
def _stamped_workbook(xlsx_file: Any, stamp: _dt.datetime) -> Iterator[tuple[Any, Any]]:
    """XlsxWriter dates the workbook (and its zip entries) now unless told otherwise."""
    workbook = Workbook(xlsx_file, {"in_memory": True})
    workbook.set_properties({"created": stamp})
    worksheet = workbook.add_worksheet()
    yield workbook, worksheet
    workbook.close()


def chart_data(spec: ChartSpec, stamp: _dt.datetime) -> Any:
    """The chart data of ``spec`` (category or XY), its workbook dated ``stamp``."""
    if spec.type == "scatter":
        xy = _XyData(number_format=spec.number_format)
        xy.stamp = stamp
        for series in spec.series:
            target = xy.add_series(series.name)
            for x, y in zip(series.x_values, series.values):
                target.add_data_point(x, y)
        return xy
    data = _CategoryData(number_format=spec.number_format)
    data.stamp = stamp
    data.categories = list(spec.categories)
    for series in spec.series:
        data.add_series(series.name, list(series.values))
    return data
