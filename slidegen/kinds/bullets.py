"""Bullets: nested levels in the layout's body placeholder, split between bullets when long."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from ..model.common import Bullet, BulletItem, Bullets, SlideFields
from ..plan.fitting import fit_body, with_content
from ..plan.types import FontRole, Para, PlannedSlide, TextBlock, block_text
from ..records import record
from ..scene import Element, Frame
from ..source import DataPath
from ..validation import Meta, model
from .base import BodyLevels, Holds, LayoutDef, Parts, PlaceholderDef, SlideKind, TemplatePlaceholder, put

if TYPE_CHECKING:
    from ..plan.context import PlanContext
    from ..theme.model import LayoutGeometry, Theme

MAX_LEVEL = 4   # PowerPoint's body styles define five levels (0–4)
IDX_BODY = 1
#: A house template's body must hold six lines of a typical bullet at the floor size (the
#: built-in themes' hold twelve): fewer, and a deck's bullets go two or three to a slide.
HOLDS_BODY = Holds("body", 6)


@model
class BulletsSlide(SlideFields):
    """A slide of bullets, nested to five levels."""

    kind: Annotated[Literal["bullets"], Meta("Slide kind; inferred from the content key.", "bullets")] = "bullets"
    bullets: Bullets


@record
class BodyContent:
    """One text body: bullets, an agenda."""

    body: TextBlock

    def texts(self) -> Iterator[tuple[str, FontRole]]:
        yield block_text(self.body), "minor"


def bullet_block(ctx: "PlanContext", bullets: Sequence[BulletItem], path: DataPath) -> TextBlock:
    paras: list[Para] = []
    _flatten(ctx, bullets, path, 0, paras)
    return TextBlock(tuple(paras))


def _flatten(ctx: "PlanContext", bullets: Sequence[BulletItem], path: DataPath, level: int, out: list[Para]) -> None:
    if level == MAX_LEVEL + 1:   # once, where the nesting first goes too deep
        ctx.warn(f"bullets nested deeper than {MAX_LEVEL + 1} levels are shown at level {MAX_LEVEL + 1}", path)
    shown = min(level, MAX_LEVEL)
    for i, bullet in enumerate(bullets):
        if isinstance(bullet, Bullet):
            out.append(ctx.para(bullet.text, (*path, i, "text"), level=shown))
            _flatten(ctx, bullet.children, (*path, i, "children"), level + 1, out)
        else:
            out.append(ctx.para(bullet, (*path, i), level=shown))


def body_placeholders(theme: "Theme", g: "LayoutGeometry") -> list[PlaceholderDef]:
    return [PlaceholderDef("Content 2", None, IDX_BODY, g.body, BodyLevels(), "t")]


def match_body(placeholders: Sequence[TemplatePlaceholder]) -> dict[str, TemplatePlaceholder] | None:
    parts = Parts.of(placeholders)
    if parts.title is None or not parts.bodies or parts.pictures:
        return None
    return {"title": parts.title, "body": parts.bodies[0]}


class BodyKind(SlideKind):
    """A kind whose content is one body of paragraphs: fitted by shrinking, then split between
    paragraphs onto "(tiếp)" slides (bullets, the agenda)."""

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        c: Any = slide.content
        blocks = fit_body(ctx, c.body, self.geometry(ctx.theme, slide).body)
        return [with_content(slide, BodyContent(b), b.scale) for b in blocks]

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        c: Any = slide.content
        return put(frame, "body", c.body, bullets=True)


class BulletsKind(BodyKind):
    name = "bullets"
    model: ClassVar[type[SlideFields] | None] = BulletsSlide
    layouts = (LayoutDef("bullets", "Title and Content", "obj", "bullets", body_placeholders, match_body,
                         search="any", required=True, holds=(HOLDS_BODY,),
                         localized=("title and content", "tiêu đề và nội dung", "titel und inhalt",
                                    "titre et contenu", "título y objetos", "titolo e contenuto", "titel en object",
                                    "rubrik och innehåll", "заголовок и объект", "标题和内容", "タイトルとコンテンツ")),)

    def content(self, ctx: "PlanContext", slide: Any, path: DataPath) -> BodyContent:
        return BodyContent(bullet_block(ctx, slide.bullets, (*path, "bullets")))


KIND = BulletsKind()
