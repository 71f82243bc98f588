"""One slide's XML and relationships, from its scene elements.

A new slide is python-pptx's blank slide with the layout's placeholders cloned onto it (then the
footers it shows), ids 2, 3, … and names "<kind of placeholder> <id - 1>" (``clone_placeholder``);
every shape drawn afterwards takes the next id. Elements are written in order as
slidegen/render/deck.py writes them; placeholders the slide does not use are left out, as
``remove_unused`` removes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from ...plan.types import DeckInfo, Para, PlannedSlide, Run, TextBlock
from ...records import record
from ...scene import Chart, DrawnPicture, DrawnShape, DrawnText, Element, PlaceholderPicture, PlaceholderText, Table
from . import dom
from .archive import Relationship
from .charts import RT_CHART, Charts, chart_frame
from .pictures import RT_IMAGE, Pictures, drawn_picture, fitted, placeholder_picture
from .shapes import PLACEHOLDER_ROW_HEIGHT, TextBoxes, drawn_shape, table_frame
from .template import RT_HYPERLINK, RT_SLIDE_LAYOUT, Layout, Placeholder
from .text import TextXml
from .xml import DECLARATION, SLIDE_NS, attr

#: Placeholder types python-pptx gives a text body when it clones them.
_TEXT_TYPES = frozenset({"title", "ctrTitle", "subTitle", "body", "obj"})
#: Not cloned onto a new slide (python-pptx's latent placeholders); slidegen adds them as footers.
_LATENT = frozenset({"dt", "ftr", "sldNum"})
_SLIDE_NAMES = {"clipArt": "ClipArt Placeholder", "body": "Text Placeholder", "ctrTitle": "Title",
                "chart": "Chart Placeholder", "dt": "Date Placeholder", "ftr": "Footer Placeholder",
                "hdr": "Header Placeholder", "media": "Media Placeholder", "obj": "Content Placeholder",
                "dgm": "SmartArt Placeholder", "pic": "Picture Placeholder", "sldNum": "Slide Number Placeholder",
                "subTitle": "Subtitle", "tbl": "Table Placeholder", "title": "Title"}
NOTES_NAMES = {"body": "Notes Placeholder", "dt": "Date Placeholder", "ftr": "Footer Placeholder",
               "hdr": "Header Placeholder", "sldImg": "Slide Image Placeholder",
               "sldNum": "Slide Number Placeholder"}
_SLIDE_HEAD = (f"{DECLARATION}<p:sld {SLIDE_NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/>"
               "<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>")
_SLIDE_TAIL = "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"


@record
class Clone:
    """A placeholder cloned onto a new slide."""

    spec: Placeholder
    id: int
    name: str
    ph: str                     # its p:ph element


def ph_element(spec: Placeholder) -> str:
    """The ``p:ph`` python-pptx writes for a clone: attributes that differ from the defaults."""
    attrs = f' type="{attr(spec.type)}"' if spec.type != "obj" else ""
    if spec.idx:
        attrs += f' idx="{spec.idx}"'
    if spec.orient != "horz":
        attrs += f' orient="{attr(spec.orient)}"'
    if spec.size != "full":
        attrs += f' sz="{attr(spec.size)}"'
    return f"<p:ph{attrs}/>"


def clones(specs: Sequence[Placeholder], names: dict[str, str], first_id: int = 2) -> tuple[Clone, ...]:
    """Clones of ``specs`` with python-pptx's ids and unique names."""
    out: list[Clone] = []
    used = {""}
    for n, spec in enumerate(specs):
        shape_id = first_id + n
        if spec.type not in names:
            raise dom.Unsupported(f"a placeholder of type {spec.type!r} on a new slide")
        base = names[spec.type] if spec.orient != "vert" else f"Vertical {names[spec.type]}"
        number = shape_id - 1
        while f"{base} {number}" in used:
            number += 1
        used.add(f"{base} {number}")
        out.append(Clone(spec, shape_id, f"{base} {number}", ph_element(spec)))
    return tuple(out)


def skeleton(layout: Layout, footers: tuple[int, ...]) -> tuple[Clone, ...]:
    """The placeholders a new slide on ``layout`` starts with: the layout's (except the latent
    ones), then the footers named by idx, each in layout order."""
    cloned = [p for p in layout.placeholders if p.type not in _LATENT]
    cloned += [p for p in layout.placeholders if p.idx in footers]
    return clones(cloned, _SLIDE_NAMES)


class _Holder:
    """A placeholder on the slide being written: its clone and what was written into it."""

    __slots__ = ("clone", "body", "descr", "frame")

    def __init__(self, clone: Clone) -> None:
        self.clone = clone
        self.body: str | None = None       # paragraphs written into its text body
        self.descr: str | None = None      # alt text (an empty picture placeholder)
        self.frame: str | None = None      # the table, picture or chart that replaced it

    def xml(self) -> str:
        if self.frame is not None:
            return self.frame
        c = self.clone
        descr = f' descr="{attr(self.descr)}"' if self.descr is not None else ""
        if c.spec.type in _TEXT_TYPES:
            body = f"<p:txBody><a:bodyPr/><a:lstStyle/>{self.body or '<a:p/>'}</p:txBody>"
        elif self.body is not None:
            body = f"<p:txBody><a:bodyPr/>{self.body}</p:txBody>"
        else:
            body = ""
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{c.id}" name="{c.name}"{descr}/><p:cNvSpPr><a:spLocks noGrp="1"/>'
                f"</p:cNvSpPr><p:nvPr>{c.ph}</p:nvPr></p:nvSpPr><p:spPr/>{body}</p:sp>")


class SlideXml:
    """One slide being written: its shapes, the next shape id, its relationships."""

    def __init__(self, cloned: tuple[Clone, ...], layout_partname: str, writer: TextXml, boxes: TextBoxes,
                 pictures: Pictures, charts: Charts) -> None:
        self.shapes: list[_Holder | str] = [_Holder(c) for c in cloned]
        self.by_idx = {h.clone.spec.idx: h for h in self.shapes if isinstance(h, _Holder)}
        self.next_id = 2 + len(cloned)
        self.rels: list[Relationship] = [("rId1", RT_SLIDE_LAYOUT, layout_partname, False)]
        self.links: dict[str, str] = {}
        self.images: dict[str, str] = {}
        self.pictures = pictures
        self.charts = charts
        self.writer = writer
        self.boxes = boxes
        writer.link = self.link

    def link(self, url: str) -> str:
        """The relationship id of a hyperlink, one per distinct URL (python-pptx's
        ``get_or_add_ext_rel``)."""
        rId = self.links.get(url)
        if rId is None:
            rId = self.links[url] = self.next_rid()
            self.rels.append((rId, RT_HYPERLINK, url, True))
        return rId

    def image(self, path: str) -> tuple[str, tuple[int, int]]:
        """The relationship id of the picture file at ``path`` and its size (one relationship
        per image part, python-pptx's ``get_or_add_image_part``)."""
        image = self.pictures.image(path)
        rId = self.images.get(image.partname)
        if rId is None:
            rId = self.images[image.partname] = self.next_rid()
            self.rels.append((rId, RT_IMAGE, image.partname, False))
        return rId, image.size

    def next_rid(self) -> str:
        return next_rid({r[0] for r in self.rels}, len(self.rels))

    def _text_holder(self, idx: int) -> _Holder | None:
        holder = self.by_idx.get(idx)
        return holder if holder is not None and holder.frame is None else None

    def write(self, elements: Sequence[Element]) -> set[int]:
        """Write each element in order; return the placeholder idx the slide keeps."""
        keep: set[int] = set()
        writer = self.writer
        for element in elements:
            if isinstance(element, PlaceholderText):
                holder = self._text_holder(element.idx)
                if holder is not None:
                    holder.body = writer.body(element.block, bullets=element.bullets)
                    keep.add(element.idx)
            elif isinstance(element, PlaceholderPicture):
                self._picture(element)
                keep.add(element.idx)
            elif isinstance(element, DrawnPicture):
                if element.picture.path is None:
                    raise dom.Unsupported("a drawn picture without a file")
                rId, size = self.image(element.picture.path)
                self.shapes.append(drawn_picture(self._new_id(), rId, fitted(element.box, size), element.picture.alt))
            elif isinstance(element, Table):
                self._table(element)
                if element.idx is not None:
                    keep.add(element.idx)
            elif isinstance(element, DrawnShape):
                self.shapes.append(drawn_shape(self._new_id(), element))
            elif isinstance(element, DrawnText):
                self.shapes.append(self.boxes.xml(self._new_id(), element, writer))
            elif isinstance(element, Chart):
                self._chart(element)
                if element.idx is not None:
                    keep.add(element.idx)
            else:
                assert_never(element)
        return keep

    def _new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def _picture(self, element: PlaceholderPicture) -> None:
        """A picture into its placeholder (render/placeholders.py ``set_picture``): without a
        file the placeholder stays, with its alt text."""
        holder = self.by_idx.get(element.idx)
        if holder is None:
            return
        picture = element.picture
        if holder.frame is not None:
            raise dom.Unsupported("a picture into a placeholder already filled")
        if picture.path is None:
            if picture.alt:
                holder.descr = picture.alt
            return
        spec = holder.clone.spec
        x, y, cx, cy = spec.box
        if spec.type != "pic" or x is None or y is None or not cx or not cy:
            raise dom.Unsupported("a picture into a placeholder python-pptx cannot fill")
        rId, size = self.image(picture.path)
        holder.frame = placeholder_picture(holder.clone.id, holder.clone.name, holder.clone.ph, rId,
                                           fitted((x, y, cx, cy), size), picture.alt)

    def _table(self, table: Table) -> None:
        holder = self.by_idx.get(table.idx) if table.idx is not None else None
        if holder is None:
            left, top, width, height = table.box
            shape_id = self._new_id()
            self.shapes.append(table_frame(shape_id, f"Table {shape_id - 1}", "", (left, top), (width, height), table,
                                           self.writer))
            return
        spec = holder.clone.spec
        x, y, cx, _ = spec.box      # the layout placeholder's (python-pptx: inherited dimensions)
        if holder.frame is not None or spec.type != "tbl" or x is None or y is None or cx is None:
            raise dom.Unsupported("a table in a placeholder python-pptx cannot fill")
        holder.frame = table_frame(holder.clone.id, holder.clone.name, holder.clone.ph, (x, y),
                                   (cx, len(table.rows) * PLACEHOLDER_ROW_HEIGHT), table, self.writer)

    def _chart(self, chart: Chart) -> None:
        """A chart into its chart placeholder (``insert_chart``: the placeholder's id, name and
        ``p:ph``, its box as inherited from the layout), else drawn at its box (``add_chart``),
        any other placeholder of its idx kept as it is; then named and described."""
        holder = self.by_idx.get(chart.idx) if chart.idx is not None else None
        if holder is not None and holder.frame is not None:
            raise dom.Unsupported("a chart into a placeholder already filled")
        into = holder if holder is not None and holder.clone.spec.type == "chart" else None
        box = chart.box
        if into is not None:
            x, y, cx, cy = into.clone.spec.box
            if x is None or y is None or cx is None or cy is None:
                raise dom.Unsupported("a chart into a placeholder without a box")
            box = (x, y, cx, cy)
        rId = self.next_rid()
        self.rels.append((rId, RT_CHART, self.charts.add(chart), False))
        if into is not None:
            into.frame = chart_frame(into.clone.id, chart.name, into.clone.ph, rId, box, chart.alt)
        else:
            self.shapes.append(chart_frame(self._new_id(), chart.name, "", rId, box, chart.alt))

    def footers(self, planned: PlannedSlide, info: DeckInfo, roles: dict[str, int]) -> None:
        """Fill the footer placeholders on the slide: a real field for the number."""
        for role in ("date", "footer", "number"):
            holder = self._text_holder(roles[role]) if role in roles else None
            if holder is None:
                continue
            if role == "number":
                holder.body = self.writer.field("slidenum", str(planned.number))
            else:
                value = info.date_text if role == "date" else info.footer
                holder.body = self.writer.body(TextBlock((Para((Run(value or ""),), bullet=False),)), bullets=False)

    def xml(self, keep: set[int]) -> bytes:
        shapes = [s if isinstance(s, str) else s.xml() for s in self.shapes
                  if isinstance(s, str) or s.clone.spec.idx in keep]
        return (_SLIDE_HEAD + "".join(shapes) + _SLIDE_TAIL).encode("utf-8")


def next_rid(used: set[str], count: int) -> str:
    """python-pptx's next relationship id: the highest "rIdN" with N ≤ count + 1 not in use."""
    for n in range(count + 1, 0, -1):
        if f"rId{n}" not in used:
            return f"rId{n}"
    raise AssertionError("more relationship ids than relationships")
