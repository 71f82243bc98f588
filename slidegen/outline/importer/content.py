"""One imported slide as the outline content closest to it, and a warning for what cannot come.

Placeholders say what text is (title, subtitle, body, caption, footer); the layout and the
positions of shapes say how it is arranged (two bodies side by side are columns, a caption sits
under its picture). Timelines and key figures drawn by slidegen are recognised by the names it
gives their shapes. Anything an outline cannot hold — charts, SmartArt, embedded objects, video,
drawn shapes — is named in a warning with the slide number; text found in it is kept as bullets.
"""

from __future__ import annotations

import re
from dataclasses import field

from ...errors import Diagnostic
from .charts import ChartRead
from .deck import SlideRead
from ...records import record
from .shapes import Para, Shape

_TITLES = {"title", "ctrTitle"}
_FOOTERS = {"dt", "ftr", "sldNum", "hdr"}
_NOT_BODY = _TITLES | _FOOTERS | {"subTitle", "pic", "tbl", "chart", "dgm", "clipArt", "media", "sldImg"}
_DRAWN = re.compile(r"^(?:Timeline Axis|Marker \d+|Date (\d+)|Event (\d+)|Figure Card \d+|Figure (\d+)|Figure Label (\d+))$")


@record(frozen=False)
class PictureRead:
    """A picture found on an imported slide: its media part, caption and alt text."""

    media: str | None
    caption: list[Para]
    alt: str


@record(frozen=False)
class Content:
    """What an imported slide holds, classified as one slide kind."""

    kind: str                                   # bullets, columns, table, image, photos, timeline, figures, quote,
                                                # code, chart
    paras: list[Para] = field(default_factory=list)
    left: list[Para] = field(default_factory=list)
    right: list[Para] = field(default_factory=list)
    left_heading: list[Para] = field(default_factory=list)
    right_heading: list[Para] = field(default_factory=list)
    rows: list[list[list[Para]]] = field(default_factory=list)   # a table: header row first
    widths: list[int] = field(default_factory=list)
    pictures: list[PictureRead] = field(default_factory=list)
    events: list[tuple[str, str, str | None]] = field(default_factory=list)
    figures: list[tuple[str, str]] = field(default_factory=list)
    attribution: list[Para] = field(default_factory=list)
    chart: ChartRead | None = None
    top: int = 0                                # where on the slide it starts (for ordering)


@record(frozen=False)
class SlideFacts:
    """An imported slide's title, bodies and footer, read before its kind is decided."""

    read: SlideRead
    title: str
    subtitle: list[Para] = field(default_factory=list)
    bodies: list[Shape] = field(default_factory=list)     # body placeholders, empty ones too
    contents: list[Content] = field(default_factory=list)
    footer: str | None = None
    date_text: str | None = None
    has_number: bool = False

    @property
    def body_paras(self) -> list[Para]:
        return [p for b in self.bodies for p in b.paras if p.text.strip()]


def plain(paras: list[Para]) -> str:
    return "\n".join(p.text for p in paras).strip()


def _top(shape: Shape) -> tuple[int, int]:
    return (shape.box[1], shape.box[0]) if shape.box else (0, 0)


class Classifier:
    def __init__(self, file: str, warnings: list[Diagnostic]) -> None:
        self.file = file
        self.warnings = warnings

    def warn(self, slide: SlideRead, message: str) -> None:
        self.warnings.append(Diagnostic(message, slide.where(self.file)))

    def facts(self, slide: SlideRead) -> SlideFacts:
        shapes = slide.shapes
        titles = [s for s in shapes if s.ph_type in _TITLES and s.kind == "text"]
        title = " ".join(plain(titles[0].paras).split()) if titles else ""
        facts = SlideFacts(slide, title)
        for s in shapes:
            if s.ph_type == "ftr" and s.text:
                facts.footer = s.text
            elif s.ph_type == "dt" and s.text:
                facts.date_text = s.text
            elif s.ph_type == "sldNum":
                facts.has_number = True
            elif s.ph_type == "subTitle":
                facts.subtitle.extend(p for p in s.paras if p.text.strip())
        facts.bodies = sorted((s for s in shapes if s.kind == "text" and s.ph_type is not None
                               and s.ph_type not in _NOT_BODY), key=_top)
        if slide.hidden:
            self.warn(slide, "is hidden in the original deck; it is imported as a visible slide")
        return facts

    def contents(self, facts: SlideFacts) -> list[Content]:
        """The slide's content, one entry per kind it holds (several make several slides)."""
        slide = facts.read
        shapes = slide.shapes
        drawn = [s for s in shapes if s.ph_type is None and _DRAWN.match(s.name)]
        out: list[Content] = []
        out.extend(self._drawn(drawn))
        for chart in (s for s in shapes if s.kind == "chart" and s.chart is not None):
            out.append(Content("chart", chart=chart.chart, top=_top(chart)[0]))
        for table in (s for s in shapes if s.kind == "table"):
            if table.merged:
                self.warn(slide, "a table has merged cells; they are imported as separate cells")
            widths = table.widths if len(set(table.widths)) > 1 else []
            out.append(Content("table", rows=table.rows, widths=widths, top=_top(table)[0]))
        bodies = [b for b in facts.bodies if b.text]
        if slide.layout == "Code" and bodies:   # slidegen's code layout: one line per paragraph
            return out + [Content("code", paras=bodies[0].paras, top=_top(bodies[0])[0])]
        if slide.layout == "Quote" and bodies:
            quote = Content("quote", paras=bodies[0].paras, top=_top(bodies[0])[0])
            quote.attribution = bodies[1].paras if len(bodies) > 1 else []
            return out + [quote]
        pictures = [s for s in shapes if s.kind == "picture"]
        used: list[Shape] = []
        if pictures:
            content, used = self._pictures(slide, pictures, bodies)
            out.append(content)
            bodies = [b for b in bodies if b not in used]
        # Columns are told by the layout's body placeholders, empty ones too (a continued
        # column may have nothing left on one side).
        every_body = [b for b in facts.bodies if b not in used]
        out.extend(self._text(slide, bodies, every_body, [s for s in shapes if s.kind == "text" and s.ph_type is None
                                                          and not _DRAWN.match(s.name)]))
        self._dropped(slide, [s for s in shapes if s not in drawn])
        if len(out) > 1:
            kinds = ", ".join(dict.fromkeys(c.kind for c in out))
            self.warn(slide, f"holds {kinds}; slidegen shows one kind per slide, so it becomes {len(out)} slides")
        return sorted(out, key=lambda c: c.top)

    def _drawn(self, drawn: list[Shape]) -> list[Content]:
        """Timelines and key figures as slidegen draws them ("Date 1", "Event 1", "Figure 1", …)."""
        named = {s.name: s for s in drawn}
        events, figures = [], []
        n = 1
        while f"Date {n}" in named or f"Event {n}" in named:
            paras = [p for p in named.get(f"Event {n}", Shape("text")).paras if p.text.strip()]
            detail = plain(paras[1:]) or None
            events.append((plain(named.get(f"Date {n}", Shape("text")).paras), plain(paras[:1]), detail))
            n += 1
        n = 1
        while f"Figure {n}" in named:
            figures.append((plain(named[f"Figure {n}"].paras), plain(named.get(f"Figure Label {n}", Shape("text")).paras)))
            n += 1
        top = min((_top(s)[0] for s in drawn), default=0)
        return ([Content("timeline", events=events, top=top)] if events else []) + (
            [Content("figures", figures=figures, top=top)] if figures else [])

    def _pictures(self, slide: SlideRead, pictures: list[Shape], bodies: list[Shape]) -> tuple[Content, list[Shape]]:
        pictures = sorted(pictures, key=_top)
        used: list[Shape] = []
        read = []
        for picture in pictures:
            caption = self._caption(picture, bodies, used)
            if caption is not None:
                used.append(caption)
            read.append(PictureRead(picture.media, caption.paras if caption else [], picture.alt))
        kind = "image" if len(read) == 1 else "photos"
        return Content(kind, pictures=read, top=_top(pictures[0])[0]), used

    @staticmethod
    def _caption(picture: Shape, bodies: list[Shape], used: list[Shape]) -> Shape | None:
        """The caption of a picture: slidegen's paired placeholder, else a short text right below."""
        free = [b for b in bodies if b not in used]
        if picture.ph_idx is not None:
            partner = {1: 2}.get(picture.ph_idx, picture.ph_idx + 10 if 20 < picture.ph_idx < 30 else None)
            paired = next((b for b in free if b.ph_idx == partner), None)
            if paired is not None:
                return paired
        if picture.box is None:
            return None
        x, y, w, h = picture.box
        below = [b for b in free if b.box is not None and b.box[1] >= y + h - w // 20
                 and abs(b.box[0] + b.box[2] // 2 - (x + w // 2)) < w // 2 and len(b.paras) <= 2]
        return min(below, key=lambda b: b.box[1], default=None)  # type: ignore[index]

    def _text(self, slide: SlideRead, bodies: list[Shape], every_body: list[Shape],
              boxes: list[Shape]) -> list[Content]:
        out = []
        columns = self._columns(slide, every_body) if bodies else None
        if columns is not None:
            out.append(columns)
        elif bodies:
            out.append(Content("bullets", paras=[p for b in bodies for p in b.paras], top=_top(bodies[0])[0]))
        texts = sorted((b for b in boxes if b.text), key=_top)
        if texts:
            self.warn(slide, f"{len(texts)} text box(es) outside the layout's placeholders: their text is kept "
                             "as bullets, their position and look are not")
            paras = [Para(p.level, p.runs) for b in texts for p in b.paras if p.text.strip()]
            if out and out[-1].kind == "bullets":
                out[-1].paras.extend(paras)
            else:
                out.append(Content("bullets", paras=paras, top=_top(texts[0])[0]))
        for art in (s for s in slide.shapes if s.kind == "smartart"):
            self.warn(slide, "SmartArt cannot be carried; its text is kept as bullets")
            if art.paras:
                out.append(Content("bullets", paras=art.paras, top=_top(art)[0]))
        return out

    @staticmethod
    def _columns(slide: SlideRead, bodies: list[Shape]) -> Content | None:
        """Two bodies side by side (with a heading over each, in a comparison layout) as columns."""
        placed = [b for b in bodies if b.box is not None]
        if len(placed) != len(bodies) or len(bodies) not in (2, 4):
            return None
        by_x = sorted(placed, key=lambda b: b.box[0])  # type: ignore[index]
        half = len(by_x) // 2
        left, right = by_x[:half], by_x[half:]
        if max(b.box[0] + b.box[2] for b in left) > min(b.box[0] for b in right) + 1:  # type: ignore[index]
            return None  # overlapping: one above the other, not columns
        left.sort(key=_top)
        right.sort(key=_top)
        content = Content("columns", top=_top(bodies[0])[0])
        if half == 2:
            content.left_heading, content.left = left[0].paras, left[1].paras
            content.right_heading, content.right = right[0].paras, right[1].paras
        else:
            content.left, content.right = left[0].paras, right[0].paras
        return content

    def _dropped(self, slide: SlideRead, shapes: list[Shape]) -> None:
        counts: dict[str, int] = {}
        for shape in shapes:
            if shape.kind in ("object", "media", "drawing") or (shape.kind == "chart" and shape.chart is None):
                counts[shape.kind] = counts.get(shape.kind, 0) + 1
        names = {"chart": "chart(s) of a kind an outline has not (3-D, radar, bubble, stock …): not carried",
                 "object": "embedded object(s) (OLE, equations, …): not carried",
                 "media": "video or audio clip(s): not carried",
                 "drawing": "drawn shape(s), lines or ink without text: not carried"}
        for kind, count in counts.items():
            self.warn(slide, f"{count} {names[kind]}")
