"""A quotation with its attribution."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from ..model.common import SlideFields, Text
from ..plan.fitting import fit_line, with_content
from ..plan.types import FontRole, PlannedSlide, TextBlock, block_text
from ..records import record
from ..scene import Element, Frame
from ..source import DataPath
from ..validation import Meta, Model, model
from .base import TEXT_TYPES, TITLE_TYPES, Holds, LayoutDef, PlaceholderDef, Plain, SlideKind, TemplatePlaceholder, put

if TYPE_CHECKING:
    from ..plan.context import PlanContext
    from ..theme.model import LayoutGeometry, Theme


@model
class Quote(Model):
    """A quotation and who said it."""

    noun: ClassVar[str] = "quote"

    text: Annotated[Text, Meta("The quotation.", "Chủ động, tích cực phối hợp …")]
    attribution: Annotated[Text | None, Meta("Who said or wrote it.", "Bộ KH&CN, 2020")] = None


@model
class QuoteSlide(SlideFields):
    """A slide holding one quotation."""

    kind: Annotated[Literal["quote"], Meta("Slide kind; inferred from the content key.", "quote")] = "quote"
    quote: Annotated[Quote, Meta("A quotation with its attribution.", {"text": "…"})]


@record
class QuoteContent:
    """The planned quotation and its attribution."""

    body: TextBlock | None
    meta: TextBlock | None

    def texts(self) -> Iterator[tuple[str, FontRole]]:
        yield block_text(self.body), "minor"
        yield block_text(self.meta), "minor"


def _placeholders(theme: "Theme", g: "LayoutGeometry") -> list[PlaceholderDef]:
    return [PlaceholderDef("Quote 2", "body", 1, g.body, Plain(theme.sizes.quote, italic=True), "ctr"),
            PlaceholderDef("Text 3", "body", 2, g.meta, Plain(theme.sizes.attribution, align="r"), "t")]


def _match(placeholders: Sequence[TemplatePlaceholder]) -> dict[str, TemplatePlaceholder] | None:
    """The quote first (the topmost text), its attribution under it."""
    title = next((p for p in placeholders if p.type in TITLE_TYPES), None)
    texts = sorted((p for p in placeholders if p.type in TEXT_TYPES and not p.vertical), key=lambda p: p.box[1])
    if title is None or not texts:
        return None
    roles = {"title": title, "body": texts[0]}
    if len(texts) > 1:
        roles["meta"] = texts[1]
    return roles


class QuoteKind(SlideKind):
    name = "quote"
    model: ClassVar[type[SlideFields] | None] = QuoteSlide
    layouts = (LayoutDef("quote", "Quote", "cust", "quote", _placeholders, _match, fallbacks=("bullets",),
                         holds=(Holds("body", 2, bulleted=False),)),)

    def content(self, ctx: "PlanContext", slide: Any, path: DataPath) -> QuoteContent:
        path = (*path, "quote")
        return QuoteContent(ctx.line(slide.quote.text, (*path, "text")),
                            ctx.line(slide.quote.attribution, (*path, "attribution")))

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        c: QuoteContent = slide.content  # type: ignore[assignment]
        g, sizes = self.geometry(ctx.theme, slide), ctx.theme.sizes
        body, meta = c.body, c.meta
        if body is not None and g.body is not None:
            body = fit_line(ctx, body, sizes.quote, g.body, slide)
        if meta is not None and g.meta is not None:
            meta = fit_line(ctx, meta, sizes.attribution, g.meta, slide)
        return [with_content(slide, QuoteContent(body, meta))]

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        c: QuoteContent = slide.content  # type: ignore[assignment]
        return put(frame, "body", c.body) + put(frame, "meta", c.meta)


KIND = QuoteKind()
