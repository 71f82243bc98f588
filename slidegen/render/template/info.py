"""What a template offers, as typed data: its masters and every layout of every master.

Kept apart from the readers that fill it (render/template/reader.py reads any package with
lxml; the direct writer reads slidegen's own compiled templates from the parts it has parsed),
so that mapping layouts needs neither.
"""

from __future__ import annotations


from ...kinds.base import TemplatePlaceholder
from ...records import record
from ...scene import EmuBox


@record
class TextLook:
    """What a master's text style (or a placeholder's list style) sets for its first level."""

    size: float | None = None
    bold: bool | None = None
    caps: bool | None = None
    color: str | None = None          # a scheme name (tx1, accent2 …) or #RRGGBB


@record
class MasterInfo:
    """A slide master: its theme's colours and fonts, colour map, background, text styles and
    placeholders."""

    part: str
    name: str
    index: int                                        # 1-based, as template check shows it
    colors: dict[str, str]                            # scheme slot → RRGGBB
    fonts: tuple[str | None, str | None]              # major, minor latin typefaces
    look: bytes                                       # colours and fonts, to tell masters apart
    color_map: dict[str, str]                         # bg1 → lt1 …
    background: str | None                            # what is behind text: a scheme name or #RRGGBB
    title: TextLook
    body: tuple[TextLook, ...]                        # the five levels of the body style
    placeholders: tuple[TemplatePlaceholder, ...]
    fills: tuple[tuple[EmuBox, str], ...] = ()        # filled shapes and pictures, bottom first


@record
class LayoutInfo:
    """A layout, known by its part (names repeat): its master, placeholders and what is drawn
    behind its text."""

    part: str
    name: str
    type: str                                         # ST_SlideLayoutType ("cust" when absent)
    master: MasterInfo
    order: int                                        # position over all masters
    placeholders: tuple[TemplatePlaceholder, ...]
    background: str | None
    title_look: TextLook                              # the title placeholder's own list style
    fills: tuple[tuple[EmuBox, str], ...] = ()        # the master's (when shown) and its own

    def behind(self, box: EmuBox) -> str | None:
        """What shows behind the middle of ``box``: the topmost filled shape or picture there,
        else the background (a scheme name, #RRGGBB, "picture", or None: the master's)."""
        x, y = box[0] + box[2] // 2, box[1] + box[3] // 2
        for (left, top, width, height), fill in reversed(self.fills):
            if left <= x <= left + width and top <= y <= top + height:
                return fill
        return self.background or self.master.background

    @property
    def vertical(self) -> bool:
        return self.type.startswith("vert")


@record
class TemplateInfo:
    """The slide size, the masters, and every layout of every master in order."""

    width: int
    height: int
    masters: tuple[MasterInfo, ...]
    layouts: tuple[LayoutInfo, ...]

    def layout(self, part: str) -> LayoutInfo:
        return next(layout for layout in self.layouts if layout.part == part)
