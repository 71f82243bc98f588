"""Native charts: the chart parts of a deck and the frame that shows each on its slide.

The chart XML and its workbook are built by slidegen/render/chart.py (python-pptx's chart XML
writer and slidegen's styling, XlsxWriter for the workbook), the same function the python-pptx
path uses, so python-pptx and lxml load only for a deck that has a chart. Everything around them
is written here as python-pptx writes it: a chart part /ppt/charts/chart<n>.xml related to its
workbook /ppt/embeddings/Microsoft_Excel_Sheet<n>.xlsx as rId1 (``ChartPart.new``), and a
``p:graphicFrame`` (``new_chart_graphicFrame``) drawn at a box (``add_chart``) or taking the
place, id, name and ``p:ph`` of a chart placeholder (``insert_chart``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence

from ...scene import Chart, EmuBox
from .archive import Relationship
from .xml import attr

RT_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
_RT_PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
_CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
_CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


class Charts:
    """The chart parts of one deck, named as python-pptx names them when they are added."""

    def __init__(self, next_name: Callable[[str, str], str], stamp: _dt.datetime) -> None:
        self.next_name = next_name          # the deck's part names: (prefix, suffix) → the next free
        self.stamp = stamp
        #: New parts: name, bytes, content type, relationships.
        self.added: list[tuple[str, bytes, str, Sequence[Relationship]]] = []

    def add(self, chart: Chart) -> str:
        """The part name of a new chart part showing ``chart`` (its workbook added with it)."""
        from ..chart import chart_parts, linked   # python-pptx, lxml, XlsxWriter: decks with charts only

        parts = chart_parts(chart.spec, self.stamp)
        partname = self.next_name("/ppt/charts/chart", ".xml")
        workbook = self.next_name("/ppt/embeddings/Microsoft_Excel_Sheet", ".xlsx")
        self.added.append((partname, linked(parts.xml, "rId1"), _CT_CHART, [("rId1", _RT_PACKAGE, workbook, False)]))
        self.added.append((workbook, parts.workbook, _CT_XLSX, ()))
        return partname


def chart_frame(shape_id: int, name: str, ph: str, rId: str, box: EmuBox, alt: str) -> str:
    """The graphic frame showing chart relationship ``rId`` at ``box``: ``ph`` is the chart
    placeholder's ``p:ph`` it replaces ("" when drawn); named and described as slidegen sets it."""
    x, y, cx, cy = box
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="{attr(name)}" descr="{attr(alt)}"/>'
            '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr>'
            f'{f"<p:nvPr>{ph}</p:nvPr>" if ph else "<p:nvPr/>"}</p:nvGraphicFramePr>'
            f'<p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></p:xfrm>'
            f'<a:graphic><a:graphicData uri="{_C}"><c:chart xmlns:c="{_C}" r:id="{rId}"/></a:graphicData></a:graphic>'
            "</p:graphicFrame>")
