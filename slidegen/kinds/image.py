"""One picture with a caption, fitted inside its placeholder without distortion or cropping."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from ..model.common import Picture as PictureModel, SlideFields
from ..plan.assets import resolve_picture
from ..plan.fitting import fit_line, with_content
from ..plan.types import FontRole, Picture, PlannedSlide, TextBlock, block_text
from ..records import record, replace
from ..scene import DrawnPicture, Element, Frame, PlaceholderPicture, inches_to_emu
from ..source import DataPath
from ..validation import Meta, model
from .base import LayoutDef, Parts, PlaceholderDef, Plain, SlideKind, TemplatePlaceholder, put

if TYPE_CHECKING:
    from ..plan.context import PlanContext
    from ..theme.model import LayoutGeometry, Theme


@model
class ImageSlide(SlideFields):
    """One picture with its caption."""

    kind: Annotated[Literal["image"], Meta("Slide kind; inferred from the content key.", "image")] = "image"
    image: Annotated[PictureModel, Meta("One picture with a caption.", {"caption": "Ảnh tư liệu"})]


@record
class PicturesContent:
    """The planned pictures of an image or photo slide."""

    pictures: tuple[Picture, ...]

    def texts(self) -> Iterator[tuple[str, FontRole]]:
        for picture in self.pictures:
            yield block_text(picture.caption), "minor"


def planned_picture(ctx: "PlanContext", picture: PictureModel, path: DataPath) -> Picture:
    resolved = resolve_picture(ctx, picture.path, (*path, "path")) if picture.path else None
    caption = ctx.line(picture.caption, (*path, "caption")) or TextBlock(())
    alt = ctx.text(picture.alt or picture.caption or "", (*path, "alt"))
    return Picture(resolved, caption, alt)


def _placeholders(theme: "Theme", g: "LayoutGeometry") -> list[PlaceholderDef]:
    return [PlaceholderDef("Picture 2", "pic", 1, g.picture),
            PlaceholderDef("Text 3", "body", 2, g.caption, Plain(theme.sizes.caption, align="ctr"), "t")]


def _match(placeholders: Sequence[TemplatePlaceholder]) -> dict[str, TemplatePlaceholder] | None:
    parts = Parts.of(placeholders)
    if parts.title is None or len(parts.pictures) != 1:
        return None
    roles = {"title": parts.title, "picture": parts.pictures[0]}
    if parts.bodies:
        roles["caption"] = parts.bodies[0]
    return roles


class ImageKind(SlideKind):
    name = "image"
    model: ClassVar[type[SlideFields] | None] = ImageSlide
    layouts = (LayoutDef("image", "Picture with Caption", "picTx", "image", _placeholders, _match, search="any",
                         localized=("picture with caption", "ảnh có chú thích", "hình ảnh có chú thích",
                                    "bild mit überschrift"), fallbacks=("bullets",)),)

    def content(self, ctx: "PlanContext", slide: Any, path: DataPath) -> PicturesContent:
        return PicturesContent((planned_picture(ctx, slide.image, (*path, "image")),))

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        c: PicturesContent = slide.content  # type: ignore[assignment]
        g = self.geometry(ctx.theme, slide)
        if not c.pictures or g.caption is None:
            return [slide]
        picture = c.pictures[0]
        caption = fit_line(ctx, picture.caption, ctx.theme.sizes.caption, g.caption, slide)
        return [with_content(slide, PicturesContent((replace(picture, caption=caption),)))]

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        picture = slide.content.pictures[0]  # type: ignore[attr-defined]
        out: list[Element] = []
        if "picture" in frame.roles:
            out.append(PlaceholderPicture(frame.roles["picture"], picture))
        elif picture.path and frame.geometry.picture:
            out.append(DrawnPicture(picture, inches_to_emu(frame.geometry.picture)))
        return out + put(frame, "caption", picture.caption)


KIND = ImageKind()
