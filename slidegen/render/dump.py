"""A readable text dump of a .pptx: what reviewers read in golden-file diffs.

One block per slide: layout, title, every shape's text with paragraph levels and sizes, tables
row by row, pictures, fields and speaker notes. It reads the file as written, so it shows what
PowerPoint will show, not what slidegen meant to write.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from pptx import Presentation
from pptx.oxml.ns import qn


def dump_pptx(source: Path | str | IO[bytes]) -> str:
    presentation = Presentation(str(source) if isinstance(source, Path) else source)
    lines: list[str] = []
    for number, slide in enumerate(presentation.slides, start=1):
        lines.append(f"--- slide {number} [{slide.slide_layout.name}]")
        for shape in slide.shapes:
            lines.extend(_shape(shape))
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame.text.strip()
            if notes:
                lines.append("  notes:")
                lines.extend(f"    {line}" for line in notes.splitlines())
    return "\n".join(lines) + "\n"


def _shape(shape: Any) -> list[str]:
    label = _label(shape)
    if shape.has_text_frame if hasattr(shape, "has_text_frame") else False:
        return [f"  {label}:"] + [f"    {line}" for line in _paragraphs(shape.text_frame._txBody)]
    if getattr(shape, "has_table", False) and shape.has_table:
        rows = []
        for row in shape.table.rows:
            rows.append("    | " + " | ".join(c.text_frame.text for c in row.cells) + " |")
        return [f"  {label}:"] + rows
    if getattr(shape, "has_chart", False) and shape.has_chart:
        return [f"  {label}: chart"] + _chart(shape.chart)
    if shape.shape_type is not None and "PICTURE" in str(shape.shape_type):
        return [f"  {label}: picture {shape.width}x{shape.height}"]
    return [f"  {label}"]


def _chart(chart: Any) -> list[str]:
    """Each plot (a combined chart has two) with its categories, then each series' values, as
    python-pptx reads them from the chart part (x values of a scatter chart from its XML)."""
    out = []
    for plot in chart.plots:
        kind = type(plot).__name__.removesuffix("Plot").lower()
        details = [e.get("val") for e in (plot._element.find(qn("c:barDir")), plot._element.find(qn("c:grouping")))
                   if e is not None]
        shown = f" ({', '.join(details)})" if details else ""
        categories = list(plot.categories) if kind != "xy" else []
        out.append(f"    {kind}{shown}: " + " | ".join(str(c) for c in categories))
        for series in plot.series:
            values = " | ".join(f"{v:g}" for v in series.values)
            x = series._element.find(qn("c:xVal"))
            if x is not None:
                xs = [pt.findtext(qn("c:v")) for pt in x.iter(qn("c:pt"))]
                values = " | ".join(f"{a}→{v:g}" for a, v in zip(xs, series.values))
            out.append(f"      {series.name}: {values}")
    return out


def _label(shape: Any) -> str:
    if shape.is_placeholder:
        ph = shape.placeholder_format
        kind = str(ph.type).split(".")[-1].split(" ")[0].lower()
        return f"ph {kind}#{ph.idx}"
    return f"shape '{shape.name}'"


def _paragraphs(txBody: Any) -> list[str]:
    out = []
    for p in txBody.findall(qn("a:p")):
        pPr = p.find(qn("a:pPr"))
        level = int(pPr.get("lvl", "0")) if pPr is not None else 0
        text = []
        sizes = set()
        for child in p:
            if child.tag == qn("a:r"):
                rPr = child.find(qn("a:rPr"))
                marks = ""
                if rPr is not None:
                    if rPr.get("sz"):
                        sizes.add(int(rPr.get("sz")) / 100)
                    marks = ("*" if rPr.get("b") == "1" else "") + ("/" if rPr.get("i") == "1" else "")
                    if rPr.find(qn("a:hlinkClick")) is not None:
                        marks += "@"
                body = child.findtext(qn("a:t")) or ""
                text.append(f"{marks}{body}{marks[::-1]}" if marks else body)
            elif child.tag == qn("a:br"):
                text.append("⏎")
            elif child.tag == qn("a:fld"):
                text.append(f"{{{child.get('type')}:{child.findtext(qn('a:t'))}}}")
        size = f" ({', '.join(f'{s:g}pt' for s in sorted(sizes))})" if sizes else ""
        out.append("  " * level + "".join(text) + size)
    return out
