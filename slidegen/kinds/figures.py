"""Key figures: big numbers with labels on cards in a row, drawn with native shapes.

The cards' geometry is computed once, in EMU (:func:`figure_cards`), for the fit and the drawing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from ..model.common import SlideFields, Text
from ..plan.fitting import chunks, with_content
from ..plan.types import FontRole, Para, PlannedSlide, Run, TextBlock
from ..records import record
from ..scene import EMU_PER_INCH, DrawnShape, DrawnText, Element, EmuBox, Frame, inches_to_emu
from ..source import DataPath
from ..validation import Meta, Model, model
from .base import LayoutDef, SlideKind, no_placeholders, title_only
from .drawing import CellText, drawn_scale

if TYPE_CHECKING:
    from ..plan.context import PlanContext
    from ..theme.model import Theme


@model
class Figure(Model):
    """One key figure: a big value with its label."""

    noun: ClassVar[str] = "figure"

    value: Annotated[Text, Meta("The big number, as it should read.", "20+")]
    label: Annotated[Text, Meta("What the number counts.", "cuộc họp trực tuyến bên lề năm 2020")]


@model
class FiguresSlide(SlideFields):
    """Key figures shown as cards, up to four a slide."""

    kind: Annotated[Literal["figures"], Meta("Slide kind; inferred from the content key.", "figures")] = "figures"
    figures: Annotated[tuple[Figure, ...], Meta("Key figures: big numbers with labels.",
                                                [{"value": "10", "label": "nước thành viên"}], min_length=1)]


@record
class FigureContent:
    """A planned figure's value and label."""

    value: str
    label: str


@record
class FiguresContent:
    """The planned figures of one slide."""

    figures: tuple[FigureContent, ...]

    def texts(self) -> Iterator[tuple[str, FontRole]]:
        for f in self.figures:
            yield f.value, "major"           # the big number is set in the heading font
            yield f.label, "minor"


@record
class Card:
    """Where one figure is drawn: its card, value and label boxes."""

    card: EmuBox
    value: EmuBox
    label: EmuBox


def figure_cards(theme: "Theme", count: int) -> list[Card]:
    style = theme.figures
    box = theme.layouts["figures"].content or theme.layouts["bullets"].body
    assert box is not None
    x, y, w, h = inches_to_emu(box)
    gap = int(style.gap * EMU_PER_INCH)
    card_w = (w - gap * (count - 1)) // max(count, 1)
    value_h = int(h * style.value_height)
    cards = []
    for i in range(count):
        left = x + i * (card_w + gap)
        cards.append(Card((left, y, card_w, h), (left, y, card_w, value_h), (left, y + value_h, card_w, h - value_h)))
    return cards


class FiguresKind(SlideKind):
    name = "figures"
    model: ClassVar[type[SlideFields] | None] = FiguresSlide
    layouts = (LayoutDef("figures", "Key Figures", "titleOnly", "figures", no_placeholders, title_only,
                         fallbacks=("title_only", "bullets")),)

    def content(self, ctx: "PlanContext", slide: Any, path: DataPath) -> FiguresContent:
        path = (*path, "figures")
        return FiguresContent(tuple(FigureContent(ctx.text(f.value, (*path, i, "value")),
                                                  ctx.text(f.label, (*path, i, "label")))
                                    for i, f in enumerate(slide.figures)))

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        c: FiguresContent = slide.content  # type: ignore[assignment]
        out = []
        for chunk in chunks(c.figures, ctx.theme.figures.max_per_slide):
            piece = with_content(slide, FiguresContent(chunk))
            out.append(with_content(piece, piece.content, self._scale(ctx, piece)))
        return out

    def _scale(self, ctx: "PlanContext", slide: PlannedSlide) -> float:
        theme = ctx.theme
        figures: Sequence[FigureContent] = slide.content.figures  # type: ignore[attr-defined]
        if not figures:
            return 1.0
        texts = []
        for figure, card in zip(figures, figure_cards(theme, len(figures))):
            # The big number is set in the heading font (+mj-lt), its label in the body font.
            value = Para(ctx.runs(figure.value, slide.source), size_pt=theme.figures.value_size, bullet=False)
            label = Para(ctx.runs(figure.label, slide.source), size_pt=theme.figures.label_size, bullet=False)
            texts += [CellText([value], card.value, True, theme.fonts.major),
                      CellText([label], card.label, False, theme.fonts.minor)]
        return drawn_scale(ctx, slide, texts)

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        style, scale = frame.theme.figures, slide.font_scale
        figures: Sequence[FigureContent] = slide.content.figures  # type: ignore[attr-defined]
        out: list[Element] = []
        for i, (figure, card) in enumerate(zip(figures, figure_cards(frame.theme, len(figures))), start=1):
            out.append(DrawnShape(card.card, "bg2", f"Figure Card {i}"))
            value = TextBlock((Para((Run(figure.value, bold=True),), size_pt=round(style.value_size * scale, 1),
                                    bullet=False),))
            out.append(DrawnText(card.value, value, f"Figure {i}", anchor="b", align="ctr", color=frame.theme.accent,
                                 font="+mj-lt"))
            label = TextBlock((Para((Run(figure.label),), size_pt=round(style.label_size * scale, 1), bullet=False),))
            out.append(DrawnText(card.label, label, f"Figure Label {i}", anchor="t", align="ctr", color="tx1"))
        return out


KIND = FiguresKind()
