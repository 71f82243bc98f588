"""What makes a picture file acceptable, for images in outlines, theme logos and imported decks.

A picture may come from someone else: it must be a real, reasonably sized picture in a format
PowerPoint and LibreOffice both show, so the deck opens everywhere and a decompression bomb or a
1.5 GB file is refused before it is read, let alone embedded.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

#: Formats PowerPoint and LibreOffice both display, by Pillow's format name.
SUPPORTED_FORMATS = {"PNG": "png", "JPEG": "jpeg", "GIF": "gif", "BMP": "bmp", "TIFF": "tiff"}
MAX_IMAGE_BYTES = 50 * 1024 * 1024
MAX_IMAGE_PIXELS = 80_000_000    # ~ a 10k × 8k photo; beyond that a file is a bomb or a mistake


class PictureRefused(Exception):
    """Why a picture is refused, worded to follow its name ("is 60 MB; the limit is 50 MB")."""


def check_picture(source: Path | bytes, formats: frozenset[str] | None = None) -> str:
    """Pillow's format name of a sound picture; raise PictureRefused otherwise. ``formats``
    narrows SUPPORTED_FORMATS (a theme logo is PNG or JPEG)."""
    from PIL import Image  # lazy: Pillow is only needed when a deck has pictures

    allowed = formats or frozenset(SUPPORTED_FORMATS)
    size = source.stat().st_size if isinstance(source, Path) else len(source)
    if size > MAX_IMAGE_BYTES:
        raise PictureRefused(f"is {size / 2**20:.0f} MB; the limit is {MAX_IMAGE_BYTES // 2**20} MB")
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            # Pillow warns between its limit and twice that; the check below says it in one line
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(source if isinstance(source, Path) else io.BytesIO(source)) as image:
                fmt = image.format or "?"
                if fmt not in allowed:
                    raise PictureRefused(f"is {fmt}; use {_choices(allowed)}")
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise PictureRefused(f"has {width}×{height} pixels; the limit is {MAX_IMAGE_PIXELS:,} pixels")
                image.verify()
    except PictureRefused:
        raise
    except Image.DecompressionBombError:
        raise PictureRefused("is a decompression bomb (too many pixels); refused") from None
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for broken files
        raise PictureRefused(f"is not a readable picture ({type(exc).__name__}: {exc})") from None
    return fmt


def _choices(allowed: frozenset[str]) -> str:
    names = sorted(allowed)
    return names[0] if len(names) == 1 else f"one of {', '.join(names)}" if len(names) > 2 \
        else " or ".join(names)
