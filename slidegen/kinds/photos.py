"""Photo grids: pictures with captions, 1–6 a slide, continued on "(tiếp)" slides.

Where each picture and caption goes inside the content box is computed here, once, for the
template compiler (which draws the picture placeholders) and for the planner (which measures
captions), so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from ..model.common import Picture as PictureModel, SlideFields
from ..plan.fitting import chunks, fit_line, with_content
from ..plan.types import PlannedSlide, TextBlock
from ..records import replace
from ..scene import Element, Frame, PlaceholderPicture
from ..source import DataPath
from ..validation import Meta, model
from .base import LayoutDef, PlaceholderDef, Plain, SlideKind, TemplatePlaceholder, TITLE_TYPES, put
from .image import PicturesContent, planned_picture

if TYPE_CHECKING:
    from ..plan.context import PlanContext
    from ..theme.model import Box, LayoutGeometry, Theme

PHOTO_COUNTS = (1, 2, 3, 4, 6)       # one layout each; other counts use the next larger one
_COLUMNS = {1: 1, 2: 2, 3: 3, 4: 2, 6: 3}
GAP = 0.25                           # inches between cells
CAPTION_HEIGHT = 0.5                 # inches under each picture
PICTURE_IDX, CAPTION_IDX = 20, 30


@model
class PhotosSlide(SlideFields):
    """A grid of pictures with captions, up to six a slide."""

    kind: Annotated[Literal["photos"], Meta("Slide kind; inferred from the content key.", "photos")] = "photos"
    photos: Annotated[tuple[PictureModel, ...], Meta("Pictures laid out as a grid, each with a caption.",
                                                     [{"caption": "Ảnh 1"}, {"caption": "Ảnh 2"}], min_length=1)]


def layout_count(count: int) -> int:
    """The photo layout used for ``count`` pictures (at most the largest)."""
    return next((n for n in PHOTO_COUNTS if n >= count), PHOTO_COUNTS[-1])


def photo_cells(content: "Box", count: int) -> list[tuple["Box", "Box"]]:
    """(picture box, caption box) for each cell of the grid holding ``count`` photos."""
    columns = _COLUMNS[count]
    rows = (count + columns - 1) // columns
    left, top, width, height = content
    cell_w = (width - GAP * (columns - 1)) / columns
    cell_h = (height - GAP * (rows - 1)) / rows
    cells = []
    for n in range(count):
        row, column = divmod(n, columns)
        x = left + column * (cell_w + GAP)
        y = top + row * (cell_h + GAP)
        cells.append(((x, y, cell_w, cell_h - CAPTION_HEIGHT), (x, y + cell_h - CAPTION_HEIGHT, cell_w, CAPTION_HEIGHT)))
    return cells


def _placeholders(count: int, theme: "Theme", g: "LayoutGeometry") -> list[PlaceholderDef]:
    if g.content is None:
        return []
    out = []
    for n, (picture, caption) in enumerate(photo_cells(g.content, count), start=1):
        out.append(PlaceholderDef(f"Picture {n}", "pic", PICTURE_IDX + n, picture))
        out.append(PlaceholderDef(f"Caption {n}", "body", CAPTION_IDX + n, caption,
                                  Plain(theme.sizes.caption, align="ctr"), "t"))
    return out


def match_grid(placeholders: Sequence[TemplatePlaceholder]) -> dict[str, TemplatePlaceholder] | None:
    """A layout with a title and picture placeholders: ``picture1``…, each with the body
    placeholder right under it (if any) as ``caption1``…, pictures in reading order."""
    title = next((p for p in placeholders if p.type in TITLE_TYPES), None)
    pictures = sorted((p for p in placeholders if p.type == "pic"), key=lambda p: (p.box[1], p.box[0]))
    if title is None or not pictures:
        return None
    captions = [p for p in placeholders if p.type == "body"]
    roles = {"title": title}
    for n, picture in enumerate(pictures, start=1):
        below = [c for c in captions if c.box[1] >= picture.box[1] + picture.box[3] - 1
                 and abs(c.box[0] - picture.box[0]) < picture.box[2] // 2]
        roles[f"picture{n}"] = picture
        caption = min(below, key=lambda c: c.box[1], default=None)
        if caption is not None:
            roles[f"caption{n}"] = caption
    return roles


class PhotosKind(SlideKind):
    name = "photos"
    model: ClassVar[type[SlideFields] | None] = PhotosSlide
    layouts = tuple(LayoutDef(f"photos {n}", f"Photos {n}", "cust", "photos", partial(_placeholders, n), match_grid,
                              search="grid", photos=n) for n in PHOTO_COUNTS)

    def content(self, ctx: "PlanContext", slide: Any, path: DataPath) -> PicturesContent:
        return PicturesContent(tuple(planned_picture(ctx, p, (*path, "photos", i)) for i, p in enumerate(slide.photos)))

    def layout_key(self, slide: PlannedSlide) -> str:
        return f"photos {layout_count(len(slide.content.pictures))}"  # type: ignore[attr-defined]

    def cells(self, slide: PlannedSlide) -> int:
        return len(slide.content.pictures)  # type: ignore[attr-defined]

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        theme = ctx.theme
        c: PicturesContent = slide.content  # type: ignore[assignment]
        per_slide = min(theme.max_photos, max(PHOTO_COUNTS))
        box = theme.layouts["photos"].content or theme.layouts["bullets"].body
        assert box is not None
        out = []
        for chunk in chunks(c.pictures, per_slide):
            _, caption_box = photo_cells(box, layout_count(len(chunk)))[0]
            pictures = tuple(replace(p, caption=fit_line(ctx, p.caption, theme.sizes.caption, caption_box, slide))
                             for p in chunk)
            out.append(with_content(slide, PicturesContent(pictures), 1.0))
        return out

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        pictures = slide.content.pictures  # type: ignore[attr-defined]
        out: list[Element] = []
        grid = "picture1" in frame.roles
        for n, picture in enumerate(pictures, start=1):
            picture_role, caption_role = (f"picture{n}", f"caption{n}") if grid else ("picture", "caption")
            if picture_role not in frame.roles or (not grid and n > 1):
                break
            out.append(PlaceholderPicture(frame.roles[picture_role], picture))
            if caption_role in frame.roles:
                out += put(frame, caption_role, picture.caption)
        return out


KIND = PhotosKind()
