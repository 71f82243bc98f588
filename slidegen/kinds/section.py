"""Section dividers: "PHẦN I" and the section's title, before its items. Generated."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..plan.strings import roman
from ..plan.types import PlannedSlide, block
from ..source import DataPath
from .base import Holds, LayoutDef, Parts, PlaceholderDef, Plain, TemplatePlaceholder
from .title import HeadingContent, HeadingKind

if TYPE_CHECKING:
    from ..model.outline import Section
    from ..plan.context import PlanContext
    from ..theme.model import LayoutGeometry, Theme


def _placeholders(theme: "Theme", g: "LayoutGeometry") -> list[PlaceholderDef]:
    return [PlaceholderDef("Text 2", "body", 1, g.subtitle, Plain(theme.sizes.section_label, bold=True), "b")]


def _match(placeholders: Sequence[TemplatePlaceholder]) -> dict[str, TemplatePlaceholder] | None:
    parts = Parts.of(placeholders)
    if parts.title is None or not parts.bodies:
        return None
    return {"title": parts.title, "subtitle": parts.bodies[-1]}


class SectionKind(HeadingKind):
    name = "section"
    layouts = (LayoutDef("section", "Section Header", "secHead", "section", _placeholders, _match, search="any",
                         localized=("section header", "đầu trang phần", "tiêu đề phần", "abschnittsüberschrift",
                                    "en-tête de section", "encabezado de sección", "sectiekop", "avsnittsrubrik",
                                    "заголовок раздела", "节标题"), fallbacks=("title",),
                         holds=(Holds("subtitle", 1, "word", bulleted=False),)),)

    def planned(self, ctx: "PlanContext", section: "Section", index: int, path: DataPath) -> PlannedSlide:
        label = ctx.strings.section_label.format(roman=roman(index + 1))
        return PlannedSlide(self.name, ctx.text(section.title, (*path, "title")),
                            HeadingContent(subtitle=block(label)),
                            notes=ctx.text(section.notes or "", (*path, "notes")), source=path)

    def subtitle_size(self, theme: "Theme") -> float:
        return theme.sizes.section_label


KIND = SectionKind()
