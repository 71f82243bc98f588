"""A theme, as data: colours, fonts, text sizes, fit limits and the geometry of every layout.

A theme file (``themes/<name>/theme.yaml``) is validated into these models. The renderer compiles
a theme into a real PowerPoint theme, master and layouts; the planner reads the same geometry and
sizes to measure text. Positions live here (in inches) and in the slide kinds' own geometry, and
nowhere else. Every number is bounded: a theme from elsewhere cannot make an invalid deck.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from ..validation import FrozenMap, Meta, Model, model

#: The scheme colour slots of a PowerPoint theme (a:clrScheme).
SCHEME_SLOTS = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
                "accent6", "hlink", "folHlink")
#: Names usable wherever a theme asks for a colour: scheme slots and the usual text/background aliases.
ColorRef = Literal["dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
                   "accent6", "hlink", "folHlink", "tx1", "tx2", "bg1", "bg2"]

#: A box on the slide: [left, top, width, height] in inches.
Box = tuple[float, float, float, float]
MAX_POINTS = 400.0        # no text size, spacing or indent in a theme is larger than this


def _hex(value: str) -> str:
    text = str(value).lstrip("#").upper()
    if len(text) != 6 or any(c not in "0123456789ABCDEF" for c in text):
        raise ValueError(f"colour must be 6 hex digits such as 0B2E59, not {value!r}")
    return text


def _box(value: Box) -> Box:
    if value[2] <= 0 or value[3] <= 0:
        raise ValueError(f"a box is [left, top, width, height] with a positive width and height, not {list(value)}")
    return value


Hex = Annotated[str, Meta("A colour as 6 hex digits.", "0B2E59", parse=_hex)]
Points = Annotated[float, Meta("Points.", 18, gt=0, le=MAX_POINTS)]
Inches = Annotated[float, Meta("Inches.", 0.3, ge=0, le=100)]
#: Windows keeps a font's name in 32 characters with the terminator (LOGFONT's lfFaceName): a
#: longer name never matches an installed font, and an empty one is a typing slip.
FONT_NAME = r"[^\x00-\x1f]{1,31}"
FONT_HINT = "a font name of 1 to 31 characters"
BoxField = Annotated[Box, Meta("[left, top, width, height] in inches.", [0.6, 1.65, 12.13, 5.15], parse=_box)]


@model
class Colors(Model):
    """The theme's colour scheme: dark and light text and backgrounds, six accents, links."""

    noun: ClassVar[str] = "colors"

    dk1: Hex
    lt1: Hex
    dk2: Hex
    lt2: Hex
    accent1: Hex
    accent2: Hex
    accent3: Hex
    accent4: Hex
    accent5: Hex
    accent6: Hex
    hlink: Hex
    folHlink: Hex


@model
class Fonts(Model):
    """The theme's heading and body fonts, and the monospace font for code."""

    noun: ClassVar[str] = "fonts"

    major: Annotated[str, Meta("Heading font (theme +mj-lt).", "Arial", pattern=FONT_NAME,
                               pattern_hint=FONT_HINT)]
    minor: Annotated[str, Meta("Body font (theme +mn-lt).", "Arial", pattern=FONT_NAME, pattern_hint=FONT_HINT)]
    mono: Annotated[str, Meta("Monospace font for code (named on each run: themes have no code font).",
                              "Courier New", pattern=FONT_NAME, pattern_hint=FONT_HINT)] = "Courier New"


@model
class TitleStyle(Model):
    """How slide titles look."""

    noun: ClassVar[str] = "title style"

    size: Points = 32
    bold: bool = True
    color: ColorRef = "tx2"
    align: Literal["l", "ctr", "r"] = "l"
    anchor: Literal["t", "ctr", "b"] = "b"
    caps: Annotated[bool, Meta("Shown in capitals (a template's cap=\"all\"); measured so.")] = False




@model
class BodyStyle(Model):
    """How body text and its five bullet levels look."""

    noun: ClassVar[str] = "body style"

    sizes: Annotated[tuple[Points, Points, Points, Points, Points], Meta("Sizes of the five bullet levels (pt).")] = \
        (24, 20, 18, 16, 16)
    color: ColorRef = "tx1"
    line_spacing: Annotated[float, Meta("Multiple of single line spacing.", 1.0, ge=0.8, le=2.0)] = 1.0
    space_before: Annotated[tuple[float, float, float, float, float],
                            Meta("Space before each level's paragraphs (pt).")] = (10, 6, 4, 4, 4)
    bullets: tuple[str, str, str, str, str] = ("•", "–", "•", "–", "•")
    bullet_color: ColorRef = "accent1"
    indent: Annotated[float, Meta("Indent per level, inches.", 0.3, ge=0, le=3)] = 0.3
    hanging: Annotated[float, Meta("Space between bullet and text, inches.", 0.3, ge=0, le=3)] = 0.3


@model
class TextSizes(Model):
    """Sizes (pt) of the text roles that are not bullets or titles."""

    noun: ClassVar[str] = "sizes"

    subtitle: Points = 24
    meta: Points = 18
    section_label: Points = 20
    heading: Points = 20
    caption: Points = 14
    quote: Points = 28
    attribution: Points = 18
    table: Points = 16
    code: Points = 16


@model
class Insets(Model):
    """Space between a text box's edge and its text, in inches."""

    noun: ClassVar[str] = "insets"

    left: Inches = 0.1
    right: Inches = 0.1
    top: Inches = 0.05
    bottom: Inches = 0.05


@model
class Fit(Model):
    """How far text may shrink before it continues on another slide."""

    noun: ClassVar[str] = "fit"

    floor: Annotated[float, Meta("Smallest body scale before splitting.", 0.8, gt=0, le=1)] = 0.8
    min_body_size: Annotated[float, Meta("Body text never shrinks below this (pt).", 14, gt=0, le=MAX_POINTS)] = 14
    min_title_size: Annotated[float, Meta("Titles never shrink below this (pt).", 20, gt=0, le=MAX_POINTS)] = 20
    table_min_size: Annotated[float, Meta("Table text never shrinks below this (pt).", 11, gt=0, le=MAX_POINTS)] = 11
    min_code_size: Annotated[float, Meta("Code never shrinks below this (pt); longer lines wrap, marked.", 12,
                                         gt=0, le=MAX_POINTS)] = 12


@model
class Decoration(Model):
    """A filled rectangle drawn on the master or a layout (bands, rules)."""

    noun: ClassVar[str] = "decoration"

    box: BoxField
    fill: ColorRef


@model
class TimelineStyle(Model):
    """Geometry of a timeline drawn in a layout's content box (inches, points)."""

    noun: ClassVar[str] = "timeline style"

    line_position: Annotated[float, Meta("Axis height as a fraction of the box.", 0.38, gt=0, lt=1)] = 0.38
    line_weight: Inches = 0.06
    marker: Inches = 0.3
    gap: Inches = 0.12
    date_height: Annotated[float, Meta("Height of the date above the axis, inches.", 0.7, gt=0, le=20)] = 0.7
    date_size: Points = 18
    title_size: Points = 15
    detail_size: Points = 13
    max_events: Annotated[int, Meta("Events per slide before continuing.", 6, ge=1, le=12)] = 6


@model
class FiguresStyle(Model):
    """Key figures: cards in a row inside the content box."""

    noun: ClassVar[str] = "figures style"

    gap: Inches = 0.3
    value_size: Points = 54
    label_size: Points = 18
    value_height: Annotated[float, Meta("Share of the card for the number.", 0.45, gt=0, lt=1)] = 0.45
    max_per_slide: Annotated[int, Meta("Figures per slide before continuing.", 4, ge=1, le=8)] = 4


@model
class CodeStyle(Model):
    """Scheme colours of code tokens (the rest is in the text colour)."""

    noun: ClassVar[str] = "code style"

    keyword: ColorRef = "accent1"
    string: ColorRef = "accent6"
    number: ColorRef = "accent2"
    comment: ColorRef = "accent5"
    name: ColorRef = "accent4"


@model
class ChartStyle(Model):
    """Native charts: series colours in order, text size, and how many categories a box shows."""

    noun: ClassVar[str] = "chart style"

    colors: Annotated[tuple[ColorRef, ...], Meta("Series colours, in order (scheme colours).",
                                                 ["accent1", "accent2"], min_length=1)] = (
        "accent1", "accent2", "accent3", "accent4", "accent5", "accent6")
    font_size: Points = 14
    max_categories: Annotated[int, Meta("Categories per chart before continuing (column, bar) or warning.", 12,
                                        ge=1, le=100)] = 12


@model
class Footer(Model):
    """The footer: its text size and colour, and where the date, text and slide number go."""

    noun: ClassVar[str] = "footer"

    size: Points = 11
    color: ColorRef = "tx1"
    date: BoxField
    text: BoxField
    number: BoxField


@model
class LayoutGeometry(Model):
    """Placeholders of one layout, by role. Absent roles are not placed on the layout."""

    noun: ClassVar[str] = "layout"

    title: BoxField | None = None
    subtitle: BoxField | None = None
    body: BoxField | None = None
    meta: BoxField | None = None
    left: BoxField | None = None
    right: BoxField | None = None
    left_heading: BoxField | None = None
    right_heading: BoxField | None = None
    picture: BoxField | None = None
    caption: BoxField | None = None
    content: Annotated[BoxField | None, Meta("Area for native shapes (tables, timelines, figures).")] = None
    decorations: tuple[Decoration, ...] = ()
    background: ColorRef | None = None
    title_style: TitleStyle | None = None
    body_color: ColorRef | None = None
    footers: bool = True


@model
class Theme(Model):
    """A theme: slide size, colours, fonts, text styles and the geometry of every layout."""

    noun: ClassVar[str] = "theme"

    name: str
    description: str
    dark: Annotated[bool, Meta("Dark background: the colour map shows dk1 as background (bg1) and lt1 as text "
                               "(tx1), as Office's dark themes do.")] = False
    slide_width: Annotated[float, Meta("Slide width, inches (16:9 by default).", 13.333, ge=1, le=56)] = 13.333
    slide_height: Annotated[float, Meta("Slide height, inches.", 7.5, ge=1, le=56)] = 7.5
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
    code: Annotated[CodeStyle, Meta("Colours of code tokens.")] = CodeStyle()
    chart: Annotated[ChartStyle, Meta("Native charts.")] = ChartStyle()
    highlight: Annotated[ColorRef, Meta("Colour of the current section on a repeated agenda.")] = "accent2"
    muted: Annotated[ColorRef, Meta("Colour of the other sections on a repeated agenda.")] = "accent5"
    accent: Annotated[ColorRef, Meta("Colour of drawn accents: timeline dates, key figures' numbers.")] = "accent1"
    layouts: Annotated[FrozenMap[str, LayoutGeometry], Meta("The geometry of every layout, by name.")]
    max_photos: Annotated[int, Meta("Pictures per photo slide (layouts exist for 1–4 and 6).", 6, ge=1, le=6)] = 6
    logo: Annotated[str | None, Meta("Logo image under assets/, placed on the master.")] = None
    logo_box: BoxField | None = None

    def color_map(self) -> dict[str, str]:
        """How text/background names map onto scheme slots (PowerPoint's p:clrMap)."""
        if self.dark:
            return {"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"}
        return {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}

    def hex(self, ref: str) -> str:
        """The RGB hex of a colour name as it shows on this theme's slides."""
        return str(getattr(self.colors, self.color_map().get(ref, ref)))
