"""Checking picture files before anything is written: inside the project, readable, sane size.

An outline may come from someone else; its paths must not reach outside the project (``../..``,
absolute paths, symlinks pointing out), and an image must be a real, reasonably sized picture in a
format PowerPoint shows, so the deck opens everywhere.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import AssetError
from ..project import inside_project
from ..source import DataPath, SourceLocation
from .context import PlanContext

#: Formats PowerPoint and LibreOffice both display, by Pillow's format name.
SUPPORTED_FORMATS = {"PNG": "png", "JPEG": "jpeg", "GIF": "gif", "BMP": "bmp", "TIFF": "tiff"}
MAX_IMAGE_BYTES = 50 * 1024 * 1024
MAX_IMAGE_PIXELS = 80_000_000    # ~ a 10k × 8k photo; beyond that a file is a bomb or a mistake


def resolve_picture(ctx: PlanContext, raw: str, path: DataPath) -> str:
    """The absolute path of a checked picture file; raise AssetError naming the outline line."""
    where = ctx.locator.at(path)
    resolved = inside_project(raw, ctx.base_dir, ctx.project_dir, "image", where, AssetError)
    if not resolved.is_file():
        raise AssetError(f"image not found: '{raw}' (looked for {resolved})", where)
    size = resolved.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise AssetError(f"image '{raw}' is {size / 1e6:.0f} MB; the limit is "
                         f"{MAX_IMAGE_BYTES // 1024 // 1024} MB", where)
    _check_image(resolved, raw, where)
    return str(resolved)


def _check_image(path: Path, raw: str, where: SourceLocation) -> None:
    from PIL import Image  # lazy: Pillow is only needed when a deck has pictures

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        with Image.open(path) as image:
            fmt = image.format or "?"
            if fmt not in SUPPORTED_FORMATS:
                raise AssetError(f"image '{raw}' is {fmt}; use one of "
                                 f"{', '.join(sorted(SUPPORTED_FORMATS))}", where)
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise AssetError(f"image '{raw}' has {width}×{height} pixels; the limit is "
                                 f"{MAX_IMAGE_PIXELS:,} pixels", where)
            image.verify()
    except AssetError:
        raise
    except Image.DecompressionBombError:
        raise AssetError(f"image '{raw}' is a decompression bomb (too many pixels); refused", where) from None
    except Exception as exc:  # Pillow raises many types for broken files
        raise AssetError(f"image '{raw}' is not a readable picture ({type(exc).__name__}: {exc})",
                         where) from None
