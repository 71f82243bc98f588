"""What a slide kind is: one class per kind holds everything particular to it.

A kind says what an author writes (its model), what a planned slide of it holds (content), how
that content is fitted (shrink, split onto "(tiếp)" slides), which layouts it owns in a
compiled template (names, types, placeholders) and how it recognises a house template's layout,
and how its content is placed on a slide (compose → scene elements). The registry
(:mod:`slidegen.kinds`) is the one place that lists the kinds; everything else dispatches
through it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from ..plan.types import Content, PlannedSlide, TextBlock
from ..records import record
from ..scene import DrawnText, Element, EmuBox, Frame, PlaceholderText, inches_to_emu
from ..source import DataPath

if TYPE_CHECKING:
    from ..model.common import SlideFields
    from ..plan.context import PlanContext
    from ..theme.model import Box, LayoutGeometry, Theme


# --- Layouts a kind owns in a compiled template ------------------------------------------------

@record
class BodyLevels:
    """The theme's five bullet levels (sizes, indents, bullets) in the layout's text colour."""


@record
class Plain:
    """One unbulleted text style."""

    size: float
    bold: bool = False
    italic: bool = False
    align: Literal["l", "ctr", "r"] | None = None


@record
class PlaceholderDef:
    """One placeholder of a compiled layout (``type`` None is PowerPoint's default, obj)."""

    name: str
    type: str | None
    idx: int
    box: "Box | None"
    style: BodyLevels | Plain | None = None
    anchor: Literal["t", "ctr", "b"] | None = None
    size: Literal["half", "quarter"] | None = None


# --- Recognising a house template's layouts ----------------------------------------------------

@record
class TemplatePlaceholder:
    """A placeholder of a template layout: its type and idx with the spec's defaults (obj, 0),
    the box it shows (its own or its master's), the size of its first text level (pt), whether
    its text runs vertically, and its text insets."""

    type: str
    idx: int
    box: EmuBox
    size: float = 18.0
    vertical: bool = False
    insets: tuple[int, int, int, int] = (91440, 91440, 45720, 45720)   # left, right, top, bottom (EMU)

    @property
    def area(self) -> int:
        return self.box[2] * self.box[3]


#: Titles a slide's title may go in: pandoc, LibreOffice and python-pptx all read these as the
#: slide's title (vertTitle, the title of PowerPoint's vertical-text layouts, is not one).
TITLE_TYPES = frozenset({"title", "ctrTitle"})
TEXT_TYPES = frozenset({"body", "obj", "subTitle"})

#: placeholders of a layout → role → placeholder, or None when the layout cannot serve the kind.
Matcher = Callable[[Sequence[TemplatePlaceholder]], "dict[str, TemplatePlaceholder] | None"]


@record
class Parts:
    """A template layout's placeholders sorted the way matchers ask for them."""

    title: TemplatePlaceholder | None
    text: tuple[TemplatePlaceholder, ...]        # body, obj and subtitle, largest first
    bodies: tuple[TemplatePlaceholder, ...]      # the same without subtitles
    pictures: tuple[TemplatePlaceholder, ...]
    tables: tuple[TemplatePlaceholder, ...]

    @staticmethod
    def of(placeholders: Sequence[TemplatePlaceholder]) -> "Parts":
        """Vertical text is no place for body text: it is left out. A title placeholder whose
        text runs down the slide (some templates set every title so) is still the title."""
        text = tuple(sorted((p for p in placeholders if p.type in TEXT_TYPES and not p.vertical),
                            key=lambda p: p.area, reverse=True))
        title = next((p for p in placeholders if p.type in TITLE_TYPES), None)
        return Parts(title, text,
                     tuple(p for p in text if p.type != "subTitle"),
                     tuple(p for p in placeholders if p.type == "pic"),
                     tuple(p for p in placeholders if p.type == "tbl"))


@record
class Holds:
    """What a text role of a house template's layout must hold to count: ``lines`` lines, each at
    least as wide as a typical ``sample`` ("short": a few words of a bullet, "line": a whole one,
    "word": a label), at the size text may shrink to. A smaller box (a subtitle bar, a heading
    strip, a narrow column) is not that role."""

    role: str
    lines: int
    sample: Literal["line", "short", "word"] = "short"
    bulleted: bool = True


@record
class LayoutDef:
    """A layout a kind owns: compiled into slidegen's templates, and looked for in house ones.

    ``search``: "any" looks at every layout of a house template (by type, localized name, then
    shape); "own" only at a layout with slidegen's own ``name``; "grid" takes every layout the
    matcher accepts, by its number of picture cells. ``fallbacks`` are layout keys to use when a
    template has none of this one. ``holds``: what the text roles of a house template's layout
    must hold (slidegen's own layouts are measured by the planner against the theme)."""

    key: str                       # deck.layouts key
    name: str
    type: str                      # ECMA-376 ST_SlideLayoutType
    geometry: str                  # key of the theme's layout geometry
    placeholders: Callable[["Theme", "LayoutGeometry"], list[PlaceholderDef]]
    match: Matcher | None = None
    search: Literal["any", "own", "grid"] = "own"
    localized: tuple[str, ...] = ()
    fallbacks: tuple[str, ...] = ()
    required: bool = False
    title_type: str = "title"
    photos: int = 0                # picture cells of a photo-grid layout
    holds: tuple[Holds, ...] = ()


def title_only(placeholders: Sequence[TemplatePlaceholder]) -> dict[str, TemplatePlaceholder] | None:
    """A layout with a title and nothing to hold content: for kinds drawn with shapes."""
    parts = Parts.of(placeholders)
    if parts.title is None or parts.text or parts.pictures or parts.tables:
        return None
    return {"title": parts.title}


def no_placeholders(theme: "Theme", geometry: "LayoutGeometry") -> list[PlaceholderDef]:
    return []


# --- The kind itself ----------------------------------------------------------------------------

class SlideKind:
    """Base of every kind. Generated kinds (title, agenda, section, closing) have no ``model``:
    the planner makes them; authored kinds turn their model into content in :meth:`content`."""

    name: ClassVar[str]
    model: ClassVar["type[SlideFields] | None"] = None
    layouts: ClassVar[tuple[LayoutDef, ...]]

    def content(self, ctx: "PlanContext", slide: Any, path: DataPath) -> Content:
        raise NotImplementedError(f"{self.name} slides are generated, not authored")

    def notes(self, ctx: "PlanContext", slide: Any, content: Content) -> str:
        """What the kind adds to the speaker notes (a chart's data table); "" for nothing."""
        return ""

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        """The slide as one or more fitted slides (the later ones continue the first)."""
        return [slide]

    def layout_key(self, slide: PlannedSlide) -> str:
        """Which of this kind's layouts the slide uses."""
        return self.layouts[0].key

    def cells(self, slide: PlannedSlide) -> int:
        """Picture cells the slide needs from a grid layout (0: the kind uses no grid)."""
        return 0

    def geometry(self, theme: "Theme", slide: PlannedSlide) -> "LayoutGeometry":
        key = self.layout_key(slide)
        layout = next(layout for layout in self.layouts if layout.key == key)
        return theme.layouts[layout.geometry]

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        """The slide's content as scene elements (its title is placed by the writer)."""
        raise NotImplementedError


def put(frame: Frame, role: str, block: TextBlock | None, *, bullets: bool = False) -> list[Element]:
    """Text for ``role``: into the layout's placeholder when it has one, else drawn as a text
    box at the box the theme gave the planner (so what was measured is what is drawn)."""
    if block is None:
        return []
    if role in frame.roles:
        return [PlaceholderText(frame.roles[role], block, bullets)]
    box = frame.box(role)
    if box is not None and block.paras:
        # A text box inherits no body style: it is given the layout's text colour.
        color = frame.geometry.body_color or frame.theme.body.color
        return [DrawnText(inches_to_emu(box), block, role.replace("_", " ").title(), color=color, bullets=bullets)]
    return []
