"""Checking an outline's picture files before anything is written: inside the project, sound.

An outline may come from someone else; its paths must not reach outside the project (``../..``,
absolute paths, symlinks pointing out), and each picture passes ``pictures.check_picture``.
"""

from __future__ import annotations

from ..errors import AssetError
from ..pictures import PictureRefused, check_picture
from ..project import inside_project
from ..source import DataPath
from .context import PlanContext


def resolve_picture(ctx: PlanContext, raw: str, path: DataPath) -> str:
    """The absolute path of a checked picture file; raise AssetError naming the outline line."""
    where = ctx.locator.at(path)
    resolved = inside_project(raw, ctx.base_dir, ctx.project_dir, "image", where, AssetError)
    if not resolved.is_file():
        raise AssetError(f"image not found: '{raw}' (looked for {resolved})", where)
    try:
        check_picture(resolved)
    except PictureRefused as refused:
        raise AssetError(f"image '{raw}' {refused}", where) from None
    return str(resolved)
