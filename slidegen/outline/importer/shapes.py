"""What is on a slide, as typed records: text with its paragraphs and runs, pictures, tables,
and the things an outline cannot hold (charts, SmartArt, embedded objects, drawn shapes).

Placeholder geometry is inherited in PowerPoint (slide → layout → master); it is resolved here
so that captions can be paired with pictures and columns told apart by position.
"""

from __future__ import annotations

from dataclasses import field

from lxml import etree

from .charts import C as CHART
from .charts import ChartRead, read_chart
from .package import Package, Relationship, qn
from ...records import record

MAX_SHAPES = 5_000        # per slide, counting shapes inside groups
MAX_DEPTH = 32            # nested groups

Box = tuple[int, int, int, int]   # x, y, width, height in EMU


@record
class Run:
    """A run of text read from a shape, with its style and link."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@record
class Para:
    """A paragraph read from a shape, with its bullet level."""

    level: int
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@record(frozen=False)
class Shape:
    """A shape read from a slide: placeholder role, box, text, table or picture."""

    kind: str                          # text, picture, table, chart, smartart, object, media, drawing
    name: str = ""
    ph_type: str | None = None         # placeholder type ("title", "body", "pic" …), None if no placeholder
    ph_idx: int | None = None
    box: Box | None = None
    paras: list[Para] = field(default_factory=list)
    rows: list[list[list[Para]]] = field(default_factory=list)   # table cells
    widths: list[int] = field(default_factory=list)              # table grid columns (EMU)
    merged: bool = False
    media: str | None = None           # the picture's part name
    alt: str = ""
    in_group: bool = False
    chart: ChartRead | None = None     # a chart read from its part (None: a kind not read)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras).strip()


_BREAK, _RUN, _FIELD = qn("a:br"), qn("a:r"), qn("a:fld")


def paragraphs(tx_body: etree._Element | None, rels: dict[str, Relationship]) -> list[Para]:
    if tx_body is None:
        return []
    out = []
    for p in tx_body.findall(qn("a:p")):
        ppr = p.find(qn("a:pPr"))
        level = _int(ppr.get("lvl") if ppr is not None else None, 0)
        runs: list[Run] = []
        for child in p:
            if child.tag in (_RUN, _FIELD):
                rpr = child.find(qn("a:rPr"))
                link = None
                click = rpr.find(qn("a:hlinkClick")) if rpr is not None else None
                if click is not None:
                    rel = rels.get(click.get(qn("r:id")) or "")
                    link = rel.target if rel is not None and rel.external else None
                runs.append(Run(child.findtext(qn("a:t")) or "", _on(rpr, "b"), _on(rpr, "i"), link))
            elif child.tag == _BREAK:
                runs.append(Run("\n"))
        out.append(Para(min(max(level, 0), 8), tuple(runs)))
    return out


def _on(rpr: etree._Element | None, attribute: str) -> bool:
    return rpr is not None and rpr.get(attribute) in ("1", "true")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _box(sp_pr: etree._Element | None) -> Box | None:
    xfrm = sp_pr.find(qn("a:xfrm")) if sp_pr is not None else None
    if xfrm is None:
        return None
    off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
    if off is None or ext is None:
        return None
    return (_int(off.get("x"), 0), _int(off.get("y"), 0), _int(ext.get("cx"), 0), _int(ext.get("cy"), 0))


def _placeholder(element: etree._Element) -> tuple[str | None, int | None]:
    non_visual = element[0] if len(element) else None
    nv_pr = non_visual.find(qn("p:nvPr")) if non_visual is not None else None
    ph = nv_pr.find(qn("p:ph")) if nv_pr is not None else None
    if ph is None:
        return None, None
    return ph.get("type", "body"), _int(ph.get("idx"), 0)


def _name(element: etree._Element) -> tuple[str, str]:
    non_visual = element[0] if len(element) else None
    c_nv_pr = non_visual.find(qn("p:cNvPr")) if non_visual is not None else None
    if c_nv_pr is None:
        return "", ""
    return c_nv_pr.get("name", ""), c_nv_pr.get("descr", "") or c_nv_pr.get("title", "")


class ShapeReader:
    """The shapes of one slide (or layout), with inherited placeholder boxes resolved."""

    def __init__(self, package: Package, part: str, inherited: dict[tuple[str, object], Box] | None = None) -> None:
        self.package = package
        self.part = part
        self.rels = package.rels(part)
        self.inherited = inherited or {}
        self.count = 0

    def read(self, sp_tree: etree._Element) -> list[Shape]:
        shapes: list[Shape] = []
        self._children(sp_tree, shapes, 0, False)
        return shapes

    def _children(self, parent: etree._Element, out: list[Shape], depth: int, grouped: bool) -> None:
        for element in parent:
            self.count += 1
            if self.count > MAX_SHAPES or depth > MAX_DEPTH:
                return
            tag = etree.QName(element).localname if isinstance(element.tag, str) else ""
            if tag == "AlternateContent":  # take the fallback a reader without extensions would show
                chosen = element.find(qn("mc:Fallback"))
                chosen = chosen if chosen is not None else element.find(qn("mc:Choice"))
                if chosen is not None:
                    self._children(chosen, out, depth + 1, grouped)
                continue
            if tag == "grpSp":
                self._children(element, out, depth + 1, True)
                continue
            shape = self._shape(element, tag)
            if shape is not None:
                shape.in_group = grouped
                out.append(shape)

    def _shape(self, element: etree._Element, tag: str) -> Shape | None:
        ph_type, ph_idx = _placeholder(element)
        name, alt = _name(element)
        box = _box(element.find(qn("p:spPr"))) or self._inherited_box(ph_type, ph_idx)
        if tag == "sp":
            paras = paragraphs(element.find(qn("p:txBody")), self.rels)
            kind = "text" if ph_type is not None or any(p.text.strip() for p in paras) else "drawing"
            if ph_type == "pic" and not any(p.text.strip() for p in paras):
                kind = "picture"   # an empty picture placeholder
            return Shape(kind, name, ph_type, ph_idx, box, paras, alt=alt)
        if tag == "pic":
            blip = element.find(f".//{qn('a:blip')}")
            rel = self.rels.get(blip.get(qn("r:embed")) or "") if blip is not None else None
            media = rel.target if rel is not None and not rel.external else None
            is_media = element.find(f".//{qn('a:videoFile')}") is not None or element.find(
                f".//{qn('a:audioFile')}") is not None
            return Shape("media" if is_media else "picture", name, ph_type, ph_idx, box, media=media, alt=alt)
        if tag == "graphicFrame":
            return self._frame(element, name, ph_type, ph_idx)
        if tag in ("cxnSp", "contentPart"):
            return Shape("drawing", name)
        return None

    def _frame(self, element: etree._Element, name: str, ph_type: str | None, ph_idx: int | None) -> Shape:
        xfrm = element.find(qn("p:xfrm"))
        box = None
        if xfrm is not None:
            off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
            if off is not None and ext is not None:
                box = (_int(off.get("x"), 0), _int(off.get("y"), 0), _int(ext.get("cx"), 0), _int(ext.get("cy"), 0))
        data = element.find(f"{qn('a:graphic')}/{qn('a:graphicData')}")
        uri = data.get("uri", "") if data is not None else ""
        tbl = data.find(qn("a:tbl")) if data is not None else None
        if uri.endswith("/table") and tbl is not None:
            return self._table(tbl, name, ph_type, ph_idx, box)
        if uri.endswith("/chart"):
            return Shape("chart", name, ph_type, ph_idx, box, chart=self._chart(data))
        if uri.endswith("/diagram"):
            return Shape("smartart", name, ph_type, ph_idx, box, paras=self._smartart_text(data))
        return Shape("object", name, ph_type, ph_idx, box)

    def _table(self, tbl: etree._Element, name: str, ph_type: str | None, ph_idx: int | None,
               box: Box | None) -> Shape:
        shape = Shape("table", name, ph_type, ph_idx, box)
        grid = tbl.find(qn("a:tblGrid"))
        shape.widths = [_int(c.get("w"), 0) for c in grid.findall(qn("a:gridCol"))] if grid is not None else []
        for tr in tbl.findall(qn("a:tr")):
            row: list[list[Para]] = []
            for tc in tr.findall(qn("a:tc")):
                if tc.get("hMerge") in ("1", "true") or tc.get("vMerge") in ("1", "true"):
                    shape.merged = True
                    row.append([])
                    continue
                if _int(tc.get("gridSpan"), 1) > 1 or _int(tc.get("rowSpan"), 1) > 1:
                    shape.merged = True
                row.append(paragraphs(tc.find(qn("a:txBody")), self.rels))
            shape.rows.append(row)
        return shape

    def _chart(self, data: etree._Element | None) -> ChartRead | None:
        """The chart of a graphic frame, from its chart part."""
        ref = data.find(f"{CHART}chart") if data is not None else None
        rel = self.rels.get(ref.get(qn("r:id")) or "") if ref is not None else None
        if rel is None or rel.external:
            return None
        try:
            return read_chart(self.package.xml(rel.target))
        except Exception:  # noqa: BLE001 - a broken chart part is not carried, with the warning given
            return None

    def _smartart_text(self, data: etree._Element | None) -> list[Para]:
        """The text of a SmartArt diagram, from its data part (one paragraph per text)."""
        ids = data.find(qn("dgm:relIds")) if data is not None else None
        rel = self.rels.get(ids.get(qn("r:dm")) or "") if ids is not None else None
        if rel is None or rel.external:
            return []
        try:
            root = self.package.xml(rel.target)
        except Exception:  # noqa: BLE001 - a broken diagram only loses its text, with the warning given
            return []
        texts = []
        for point in root.iter(qn("dgm:pt")):
            if point.get("type") not in (None, "node", "asst"):
                continue
            text = "".join(t.text or "" for t in point.iter(qn("a:t"))).strip()
            if text:
                texts.append(Para(0, (Run(text),)))
        return texts

    def _inherited_box(self, ph_type: str | None, ph_idx: int | None) -> Box | None:
        if ph_type is None:
            return None
        return self.inherited.get(("idx", ph_idx)) or self.inherited.get(("type", ph_type)) or (
            self.inherited.get(("type", "title")) if ph_type == "ctrTitle" else None) or (
            self.inherited.get(("type", "body")) if ph_type in ("obj", "subTitle") else None)


def placeholder_boxes(shapes: list[Shape], base: dict[tuple[str, object], Box] | None = None) -> dict[tuple[str, object], Box]:
    """Boxes of a layout's (or master's) placeholders by idx and by type, over ``base``."""
    boxes = dict(base or {})
    for shape in shapes:
        if shape.ph_type is None or shape.box is None:
            continue
        boxes[("idx", shape.ph_idx)] = shape.box
        boxes[("type", shape.ph_type)] = shape.box
    return boxes
