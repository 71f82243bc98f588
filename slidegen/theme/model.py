"""A theme, as data: colours, fonts, text sizes, fit limits and the geometry of every layout.

A theme file (``themes/<name>/theme.yaml``) is validated into these models. The renderer compiles
a theme into a real PowerPoint theme, master and layouts; the planner reads the same geometry and
sizes to measure text. Positions live here (in inches) and nowhere else.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

#: The scheme colour slots of a PowerPoint theme (a:clrScheme).
SCHEME_SLOTS = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
                "accent6", "hlink", "folHlink")
#: Names usable wherever a theme asks for a colour: scheme slots and the usual text/background aliases.
ColorRef = Literal["dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
                   "accent6", "hlink", "folHlink", "tx1", "tx2", "bg1", "bg2"]

#: A box on the slide: [left, top, width, height] in inches.
Box = tuple[float, float, float, float]


class _Strict(BaseModel):
    # Validators are built on first use (see slidegen.model): only Theme's is needed.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Colors(_Strict):
    dk1: str
    lt1: str
    dk2: str
    lt2: str
    accent1: str
    accent2: str
    accent3: str
    accent4: str
    accent5: str
    accent6: str
    hlink: str
    folHlink: str

    @field_validator("*")
    @classmethod
    def _hex(cls, value: str) -> str:
        text = str(value).lstrip("#").upper()
        if len(text) != 6 or any(c not in "0123456789ABCDEF" for c in text):
            raise ValueError(f"colour must be 6 hex digits such as 0B2E59, not {value!r}")
        return text


class Fonts(_Strict):
    major: str = Field(description="Heading font (theme +mj-lt).")
    minor: str = Field(description="Body font (theme +mn-lt).")


class TitleStyle(_Strict):
    size: float = 32
    bold: bool = True
    color: ColorRef = "tx2"
    align: Literal["l", "ctr", "r"] = "l"
    anchor: Literal["t", "ctr", "b"] = "b"


class BodyStyle(_Strict):
    sizes: tuple[float, float, float, float, float] = (24, 20, 18, 16, 16)
    color: ColorRef = "tx1"
    line_spacing: float = Field(1.0, ge=0.8, le=2.0, description="Multiple of single line spacing.")
    space_before: tuple[float, float, float, float, float] = (10, 6, 4, 4, 4)
    bullets: tuple[str, str, str, str, str] = ("•", "–", "•", "–", "•")
    bullet_color: ColorRef = "accent1"
    indent: float = Field(0.3, description="Indent per level, inches.")
    hanging: float = Field(0.3, description="Space between bullet and text, inches.")


class TextSizes(_Strict):
    """Sizes (pt) of the text roles that are not bullets or titles."""

    subtitle: float = 24
    meta: float = 18
    section_label: float = 20
    heading: float = 20
    caption: float = 14
    quote: float = 28
    attribution: float = 18
    table: float = 16


class Insets(_Strict):
    left: float = 0.1
    right: float = 0.1
    top: float = 0.05
    bottom: float = 0.05


class Fit(_Strict):
    floor: float = Field(0.8, gt=0, le=1, description="Smallest body scale before splitting.")
    min_body_size: float = Field(14, description="Body text never shrinks below this (pt).")
    min_title_size: float = Field(20, description="Titles never shrink below this (pt).")
    table_min_size: float = Field(11, description="Table text never shrinks below this (pt).")


class Decoration(_Strict):
    """A filled rectangle drawn on the master or a layout (bands, rules)."""

    box: Box
    fill: ColorRef


class TimelineStyle(_Strict):
    """Geometry of a timeline drawn in a layout's content box (inches, points)."""

    line_position: float = Field(0.38, gt=0, lt=1, description="Axis height as a fraction of the box.")
    line_weight: float = 0.06
    marker: float = 0.3
    gap: float = 0.12
    date_height: float = 0.7
    date_size: float = 18
    title_size: float = 15
    detail_size: float = 13
    max_events: int = Field(6, ge=1, le=12)


class FiguresStyle(_Strict):
    """Key figures: cards in a row inside the content box."""

    gap: float = 0.3
    value_size: float = 54
    label_size: float = 18
    value_height: float = Field(0.45, gt=0, lt=1, description="Share of the card for the number.")
    max_per_slide: int = Field(4, ge=1, le=8)


class Footer(_Strict):
    size: float = 11
    color: ColorRef = "tx1"
    date: Box
    text: Box
    number: Box


class LayoutGeometry(_Strict):
    """Placeholders of one layout, by role. Absent roles are not placed on the layout."""

    title: Box | None = None
    subtitle: Box | None = None
    body: Box | None = None
    meta: Box | None = None
    left: Box | None = None
    right: Box | None = None
    left_heading: Box | None = None
    right_heading: Box | None = None
    picture: Box | None = None
    caption: Box | None = None
    content: Box | None = Field(None, description="Area for native shapes (tables, timelines, figures).")
    decorations: tuple[Decoration, ...] = ()
    background: ColorRef | None = None
    title_style: TitleStyle | None = None
    body_color: ColorRef | None = None
    footers: bool = True


class Layouts(_Strict):
    title: LayoutGeometry
    agenda: LayoutGeometry
    section: LayoutGeometry
    bullets: LayoutGeometry
    columns: LayoutGeometry
    comparison: LayoutGeometry
    table: LayoutGeometry
    image: LayoutGeometry
    photos: LayoutGeometry
    timeline: LayoutGeometry
    figures: LayoutGeometry
    quote: LayoutGeometry
    closing: LayoutGeometry


class Theme(_Strict):
    name: str
    description: str
    dark: bool = Field(False, description="Dark background: the colour map shows dk1 as background "
                                          "(bg1) and lt1 as text (tx1), as Office's dark themes do.")
    slide_width: float = Field(13.333, description="Slide width, inches (16:9 by default).")
    slide_height: float = Field(7.5, description="Slide height, inches.")
    colors: Colors
    fonts: Fonts
    title: TitleStyle = TitleStyle()
    body: BodyStyle = BodyStyle()
    sizes: TextSizes = TextSizes()
    insets: Insets = Insets()
    fit: Fit = Fit()
    background: ColorRef = "bg1"
    decorations: tuple[Decoration, ...] = ()
    footer: Footer
    timeline: TimelineStyle = TimelineStyle()
    figures: FiguresStyle = FiguresStyle()
    highlight: ColorRef = Field("accent2", description="Colour of the current section on a repeated agenda.")
    muted: ColorRef = Field("accent5", description="Colour of the other sections on a repeated agenda.")
    layouts: Layouts
    max_photos: int = Field(6, ge=1, le=6, description="Pictures per photo slide (layouts exist for 1–4 and 6).")
    logo: str | None = Field(None, description="Logo image under assets/, placed on the master.")
    logo_box: Box | None = None

    def color_map(self) -> dict[str, str]:
        """How text/background names map onto scheme slots (PowerPoint's p:clrMap)."""
        if self.dark:
            return {"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"}
        return {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}

    def hex(self, ref: str) -> str:
        """The RGB hex of a colour name as it shows on this theme's slides."""
        return getattr(self.colors, self.color_map().get(ref, ref))
