"""Native charts (python-pptx): the chart part, its embedded workbook, and theme colours.

python-pptx writes the chart XML and, through XlsxWriter, the workbook PowerPoint opens for
"Edit Data". What is added here: series (and pie slices) coloured with scheme colours (never
RGB), text in the theme's fonts at the theme's size tagged with the deck's language, a line
series moved onto a line chart with its own axis for a combined chart, and alt text; the workbook
is dated with the build's stamp (chart_data.py) so the same inputs give the same bytes.

:func:`chart_parts` builds the chart's XML and workbook once, for both writers: the python-pptx
path hands them to python-pptx (``insert_chart``/``add_chart``), which places the chart part,
links it to its workbook and draws the frame; the direct writer (slidegen/render/direct/charts.py)
does those itself and only calls :func:`linked` here, python-pptx's own link to the workbook.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from lxml import etree
from pptx.chart.chart import Chart as PptxChart
from pptx.chart.datalabel import DataLabels
from pptx.enum.chart import XL_LEGEND_POSITION
from pptx.opc.oxml import serialize_part_xml
from pptx.oxml import parse_xml
from pptx.oxml.chart.datalabel import CT_DLbls
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from ..records import record
from ..scene import Chart, ChartSpec
from .chart_data import chart_data, chart_type
from .placeholders import placeholder

_LEGEND = {"bottom": XL_LEGEND_POSITION.BOTTOM, "right": XL_LEGEND_POSITION.RIGHT, "top": XL_LEGEND_POSITION.TOP,
           "left": XL_LEGEND_POSITION.LEFT}
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


@record
class ChartParts:
    """A chart as its two parts hold it: the chart XML, styled, not yet linked to its workbook
    (whoever places the part links it), and the embedded workbook."""

    xml: bytes
    workbook: bytes

    # What python-pptx's ChartPart.new asks of the chart data it is given.
    def xml_bytes(self, chart_type: Any) -> bytes:
        return self.xml

    @property
    def xlsx_blob(self) -> bytes:
        return self.workbook


def chart_parts(spec: ChartSpec, stamp: _dt.datetime) -> ChartParts:
    """The chart part's XML (python-pptx's ChartXmlWriter, then slidegen's styling) and its
    workbook stamped with ``stamp``: the one place a chart is built, for both writers."""
    data = chart_data(spec, stamp)
    space = parse_xml(data.xml_bytes(chart_type(spec)))
    chart = PptxChart(space, None)       # styling reads and edits the XML only, never the part
    _style(chart, spec)
    if any(s.line for s in spec.series):
        _lines_over_columns(chart, spec)
    _language(chart, spec.language)
    _renumber_axis_ids(space)
    return ChartParts(serialize_part_xml(space), data.xlsx_blob)


def linked(xml: bytes, rId: str) -> bytes:
    """The chart part ``xml`` linked to its workbook by relationship ``rId``, exactly as
    python-pptx's ChartWorkbook links a new chart part (``c:externalData``, auto-update off)."""
    space = parse_xml(xml)
    space.get_or_add_externalData().rId = rId
    return serialize_part_xml(space)


def write_chart(slide: Any, chart: Chart, stamp: _dt.datetime) -> None:
    """The chart on a python-pptx slide: into its chart placeholder, else drawn at its box."""
    parts = chart_parts(chart.spec, stamp)
    kind = chart_type(chart.spec)
    holder = placeholder(slide, chart.idx) if chart.idx is not None else None
    if holder is not None and hasattr(holder, "insert_chart"):
        frame = holder.insert_chart(kind, parts)
    else:
        left, top, width, height = chart.box
        frame = slide.shapes.add_chart(kind, Emu(left), Emu(top), Emu(width), Emu(height), parts)
    frame.name = chart.name
    frame._element.nvGraphicFramePr.cNvPr.set("descr", chart.alt)


def _style(chart: Any, spec: ChartSpec) -> None:
    chart.font.size = Pt(spec.font_size)
    chart.has_title = False            # the slide's title names the chart
    chart.has_legend = spec.legend is not None
    if spec.legend is not None:
        chart.legend.position = _LEGEND[spec.legend]
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    if spec.type in ("pie", "doughnut"):
        plot.vary_by_categories = True
        for point, color in zip(plot.series[0].points, spec.point_colors):
            _fill(point.format, color)
    else:
        plot.vary_by_categories = False
        for series, planned in zip(plot.series, spec.series):
            if spec.type in ("line", "scatter"):
                _line(series, planned.color)
            else:
                _fill(series.format, planned.color)
    if spec.labels:
        labels = _data_labels(plot)
        labels.number_format = spec.number_format
        labels.number_format_is_linked = False
        labels.show_value = True
    if spec.type not in ("pie", "doughnut"):
        for axis, title in ((chart.category_axis, spec.x_title), (chart.value_axis, spec.y_title)):
            if title is not None and title.paras:
                axis.has_title = True
                axis.axis_title.text_frame.text = title.text
        chart.value_axis.tick_labels.number_format = spec.number_format
        chart.value_axis.tick_labels.number_format_is_linked = False


def _data_labels(plot: Any) -> Any:
    """The plot's data labels, showing values: python-pptx adds them to every plot but a
    scatter plot (its element lacks the property), whose labels go where the schema puts them,
    after the series and before the axes."""
    element = plot._element
    if element.tag != qn("c:scatterChart"):
        plot.has_data_labels = True
        return plot.data_labels
    d_lbls = element.find(qn("c:dLbls"))
    if d_lbls is None:
        d_lbls = CT_DLbls.new_dLbls()
        element.find(qn("c:axId")).addprevious(d_lbls)
        d_lbls.showVal.val = True
    return DataLabels(d_lbls)


def _fill(fmt: Any, color: str) -> None:
    fmt.fill.solid()
    fmt.fill.fore_color._xFill.get_or_change_to_schemeClr().set("val", color)  # a scheme colour, not RGB


def _line(series: Any, color: str) -> None:
    series.format.line.fill.solid()
    series.format.line.fill.fore_color._xFill.get_or_change_to_schemeClr().set("val", color)
    marker = series.marker
    marker.format.fill.solid()
    marker.format.fill.fore_color._xFill.get_or_change_to_schemeClr().set("val", color)
    marker.format.line.fill.solid()
    marker.format.line.fill.fore_color._xFill.get_or_change_to_schemeClr().set("val", color)


def _lines_over_columns(chart: Any, spec: ChartSpec) -> None:
    """Move the series marked as lines from the column chart onto a line chart; with
    ``secondary`` it gets its own value axis at the right (PowerPoint's combo chart)."""
    plot_area = chart._chartSpace.find(f".//{{{_C}}}plotArea")
    bar = plot_area.find(f"{{{_C}}}barChart")
    bar_axes = [ax.get("val") for ax in bar.findall(f"{{{_C}}}axId")]
    secondary = any(s.line and s.secondary for s in spec.series)
    line = etree.Element(f"{{{_C}}}lineChart")
    etree.SubElement(line, f"{{{_C}}}grouping", val="standard")
    etree.SubElement(line, f"{{{_C}}}varyColors", val="0")
    for element, planned in zip(bar.findall(f"{{{_C}}}ser"), spec.series):
        if not planned.line:
            continue
        bar.remove(element)
        for tag in ("invertIfNegative", "shape"):
            for old in element.findall(f"{{{_C}}}{tag}"):
                element.remove(old)
        sp_pr = element.find(f"{{{_C}}}spPr")
        if sp_pr is not None:
            element.remove(sp_pr)
        after_tx = list(element).index(element.find(f"{{{_C}}}tx")) + 1
        element.insert(after_tx, _line_sp_pr(planned.color))
        marker = etree.Element(f"{{{_C}}}marker")
        etree.SubElement(marker, f"{{{_C}}}symbol", val="circle")
        etree.SubElement(marker, f"{{{_C}}}size", val="7")
        marker.append(_solid_sp_pr(planned.color))
        element.insert(after_tx + 1, marker)
        etree.SubElement(element, f"{{{_C}}}smooth", val="0")
        line.append(element)
    etree.SubElement(line, f"{{{_C}}}marker", val="1")
    axes = ["60000001", "60000002"] if secondary else bar_axes
    for ax in axes:
        etree.SubElement(line, f"{{{_C}}}axId", val=ax)
    bar.addnext(line)
    if secondary:
        last_axis = plot_area.findall(f"{{{_C}}}valAx")[-1]
        cat = etree.fromstring(
            f'<c:catAx xmlns:c="{_C}"><c:axId val="60000001"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
            '<c:delete val="1"/><c:axPos val="b"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>'
            '<c:tickLblPos val="nextTo"/><c:crossAx val="60000002"/><c:crosses val="autoZero"/>'
            '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>')
        val = etree.fromstring(
            f'<c:valAx xmlns:c="{_C}"><c:axId val="60000002"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
            '<c:delete val="0"/><c:axPos val="r"/><c:numFmt formatCode="General" sourceLinked="1"/>'
            '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
            '<c:crossAx val="60000001"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>')
        last_axis.addnext(cat)
        cat.addnext(val)


def _renumber_axis_ids(space: Any) -> None:
    """Axis ids renumbered 1, 2, … in the order they first appear. python-pptx's templates write
    negative ids (signed, as old Office wrote them); the schema declares ``c:axId``/``c:crossAx``
    unsignedInt and Office's own validator holds them to 0…2**31-1, so neither the signed ids
    nor the same bits read unsigned pass. Every plot and axis keeps pointing at the same axis."""
    numbers: dict[str, str] = {}
    for element in space.iter(f"{{{_C}}}axId", f"{{{_C}}}crossAx"):
        element.set("val", numbers.setdefault(element.get("val"), str(len(numbers) + 1)))


def _solid_sp_pr(color: str) -> Any:
    return etree.fromstring(f'<c:spPr xmlns:c="{_C}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
                            f'<a:solidFill><a:schemeClr val="{color}"/></a:solidFill>'
                            f'<a:ln><a:solidFill><a:schemeClr val="{color}"/></a:solidFill></a:ln></c:spPr>')


def _line_sp_pr(color: str) -> Any:
    return etree.fromstring(f'<c:spPr xmlns:c="{_C}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
                            f'<a:ln w="28575" cap="rnd"><a:solidFill><a:schemeClr val="{color}"/></a:solidFill>'
                            '<a:round/></a:ln></c:spPr>')


def _language(chart: Any, language: str) -> None:
    """The chart's text in the deck's language: its default run properties and every run."""
    space = chart._chartSpace
    lang = space.find(qn("c:lang"))
    if lang is None:
        lang = etree.Element(qn("c:lang"))
        date1904 = space.find(qn("c:date1904"))
        if date1904 is not None:
            date1904.addnext(lang)
        else:
            space.insert(0, lang)
    lang.set("val", language)
    for tag in ("a:defRPr", "a:rPr", "a:endParaRPr"):
        for rpr in space.iter(qn(tag)):
            rpr.set("lang", language)
