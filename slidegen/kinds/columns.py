"""Two columns of bullets; with headings they use the comparison layout (decided here only)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from ..model.common import Bullets, SlideFields, Text
from ..plan.fitting import fit_body, fit_line, with_content
from ..plan.types import FontRole, PlannedSlide, TextBlock, block_text
from ..records import record
from ..scene import Element, Frame
from ..source import DataPath
from ..validation import Meta, Model, model
from .base import BodyLevels, Holds, LayoutDef, Parts, PlaceholderDef, Plain, SlideKind, TemplatePlaceholder, put
from .bullets import bullet_block

if TYPE_CHECKING:
    from ..plan.context import PlanContext
    from ..theme.model import LayoutGeometry, Theme


@model
class Column(Model):
    """One column: an optional heading over its bullets."""

    noun: ClassVar[str] = "column"

    heading: Annotated[Text | None, Meta("Column heading; with headings the slide uses the comparison layout.",
                                        "Trước 2019")] = None
    bullets: Annotated[Bullets, Meta("The column's bullets.", ["Indonesia làm Chủ tịch"], min_length=1)]


@model
class ColumnsSlide(SlideFields):
    """Two columns of bullets, side by side."""

    kind: Annotated[Literal["columns"], Meta("Slide kind; inferred from the content key.", "columns")] = "columns"
    columns: Annotated[tuple[Column, ...], Meta("Exactly two columns.", [{"bullets": ["a"]}, {"bullets": ["b"]}],
                                                min_length=2, max_length=2)]


@record
class ColumnsContent:
    """The planned columns and their headings."""

    left: TextBlock
    right: TextBlock
    left_heading: TextBlock | None = None
    right_heading: TextBlock | None = None

    def texts(self) -> Iterator[tuple[str, FontRole]]:
        for b in (self.left, self.right, self.left_heading, self.right_heading):
            yield block_text(b), "minor"


def _columns(theme: "Theme", g: "LayoutGeometry") -> list[PlaceholderDef]:
    return [PlaceholderDef("Content 2", None, 1, g.left, BodyLevels(), "t", "half"),
            PlaceholderDef("Content 3", None, 2, g.right, BodyLevels(), "t", "half")]


def _comparison(theme: "Theme", g: "LayoutGeometry") -> list[PlaceholderDef]:
    heading = Plain(theme.sizes.heading, bold=True)
    return [PlaceholderDef("Text 2", "body", 1, g.left_heading, heading, "b", "half"),
            PlaceholderDef("Content 3", None, 2, g.left, BodyLevels(), "t", "half"),
            PlaceholderDef("Text 4", "body", 3, g.right_heading, heading, "b", "half"),
            PlaceholderDef("Content 5", None, 4, g.right, BodyLevels(), "t", "half")]


def _match_columns(placeholders: Sequence[TemplatePlaceholder]) -> dict[str, TemplatePlaceholder] | None:
    parts = Parts.of(placeholders)
    if parts.title is None or len(parts.bodies) != 2:
        return None
    left, right = sorted(parts.bodies, key=lambda p: p.box[0])
    return {"title": parts.title, "left": left, "right": right}


def _match_comparison(placeholders: Sequence[TemplatePlaceholder]) -> dict[str, TemplatePlaceholder] | None:
    parts = Parts.of(placeholders)
    if parts.title is None or len(parts.bodies) != 4:
        return None
    by_x = sorted(parts.bodies, key=lambda p: p.box[0])
    left = sorted(by_x[:2], key=lambda p: p.box[1])
    right = sorted(by_x[2:], key=lambda p: p.box[1])
    return {"title": parts.title, "left_heading": left[0], "left": left[1], "right_heading": right[0],
            "right": right[1]}


#: In a house template each column must hold six short lines at the floor size.
_HOLDS = (Holds("left", 6), Holds("right", 6))


class ColumnsKind(SlideKind):
    name = "columns"
    model: ClassVar[type[SlideFields] | None] = ColumnsSlide
    layouts = (
        LayoutDef("columns", "Two Content", "twoObj", "columns", _columns, _match_columns, search="any",
                  localized=("two content", "hai nội dung", "zwei inhalte", "deux contenus", "dos objetos",
                             "twee objecten", "två innehåll", "два объекта", "两栏内容"), fallbacks=("bullets",),
                  holds=_HOLDS),
        LayoutDef("comparison", "Comparison", "twoTxTwoObj", "comparison", _comparison, _match_comparison,
                  search="any", localized=("comparison", "so sánh", "vergleich", "comparaison", "comparación",
                                           "vergelijking", "jämförelse", "сравнение", "比较"), holds=_HOLDS,
                  fallbacks=("columns", "bullets")),
    )

    def content(self, ctx: "PlanContext", slide: Any, path: DataPath) -> ColumnsContent:
        left, right = slide.columns
        path = (*path, "columns")
        return ColumnsContent(bullet_block(ctx, left.bullets, (*path, 0, "bullets")),
                              bullet_block(ctx, right.bullets, (*path, 1, "bullets")),
                              ctx.line(left.heading, (*path, 0, "heading")),
                              ctx.line(right.heading, (*path, 1, "heading")))

    def layout_key(self, slide: PlannedSlide) -> str:
        c: Any = slide.content
        return "comparison" if c.left_heading or c.right_heading else "columns"

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        c: ColumnsContent = slide.content  # type: ignore[assignment]
        g = self.geometry(ctx.theme, slide)
        left, right = fit_body(ctx, c.left, g.left), fit_body(ctx, c.right, g.right)
        headings = {}
        for role in ("left_heading", "right_heading"):
            block, box = getattr(c, role), getattr(g, role)
            if block is not None and box is not None:
                headings[role] = fit_line(ctx, block, ctx.theme.sizes.heading, box, slide, bold=True)
        out = []
        for n in range(max(len(left), len(right))):
            l_block = left[n] if n < len(left) else TextBlock(())
            r_block = right[n] if n < len(right) else TextBlock(())
            content = ColumnsContent(l_block, r_block, headings.get("left_heading", c.left_heading),
                                     headings.get("right_heading", c.right_heading))
            out.append(with_content(slide, content, min(l_block.scale, r_block.scale)))
        return out

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        c: Any = slide.content
        return (put(frame, "left_heading", c.left_heading) + put(frame, "left", c.left, bullets=True)
                + put(frame, "right_heading", c.right_heading) + put(frame, "right", c.right, bullets=True))


KIND = ColumnsKind()
