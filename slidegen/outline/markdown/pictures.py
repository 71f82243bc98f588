"""Markdown images as outline pictures: ``![caption](path "alt text")``.

A picture that cannot be placed — a file that does not exist, a web address, a data: URI — is
a located warning, and the slide keeps an empty picture placeholder with the caption, for the
presenter to fill (pandoc also warns and goes on). Marp's size and filter keywords in the
brackets (``![w:300 Caption](…)``) are not part of the caption; a Marp background image
(``![bg](…)``) has no slidegen counterpart and is left out.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ...errors import Diagnostic
from ..located import Located
from .blocks import Image

_MARP_KEYWORD = re.compile(
    r"^(?:bg|w|h|width|height|blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|"
    r"opacity|saturate|sepia|left|right|contain|cover|fit|auto|vertical|\d+%)(?::\S*)?$")


def picture(image: Image, base_dir: Path | None, marp: bool,
            warnings: list[Diagnostic]) -> tuple[dict[str, Any], Located] | None:
    """The picture mapping for ``image``, or None when it is a Marp background."""
    caption = image.caption.strip().replace("\\[", "[").replace("\\]", "]")
    if marp:
        words = caption.split()
        if "bg" in words:
            warnings.append(Diagnostic("a Marp background image (![bg](…)) is not carried; put the "
                                       "picture on a slide of its own", image.where))
            return None
        caption = " ".join(w for w in words if not _MARP_KEYWORD.match(w))
    located = Located()
    located.value((), image.where)
    data: dict[str, Any] = {}
    path = _checked_path(image, base_dir, warnings)
    if path:
        data["path"] = path
        located.value(("path",), image.where)
    if caption:
        data["caption"] = caption
        located.value(("caption",), image.where)
    if image.title and image.title != caption:
        data["alt"] = image.title
        located.value(("alt",), image.where)
    return data, located


def _checked_path(image: Image, base_dir: Path | None, warnings: list[Diagnostic]) -> str | None:
    src = image.src.strip()
    if not src:
        return None
    lowered = src.lower()
    if lowered.startswith(("http://", "https://", "ftp://", "//")):
        warnings.append(Diagnostic(f"picture '{src}' is on the web; slidegen does not download pictures, "
                                   "so the slide gets an empty picture placeholder — save the file next "
                                   "to the outline and give its path", image.where))
        return None
    if lowered.startswith("data:"):
        warnings.append(Diagnostic("an inline data: picture is not carried; save it as a file and give its "
                                   "path — the slide gets an empty picture placeholder", image.where))
        return None
    # markdown-it percent-encodes link destinations ("ảnh 1.png" → "%E1%BA%A3nh%201.png").
    path = src if base_dir is not None and (base_dir / src).exists() else unquote(src)
    if base_dir is None:
        return path
    if not (base_dir / path).is_file():
        warnings.append(Diagnostic(f"picture not found: '{src}'; the slide gets an empty picture "
                                   "placeholder with the caption", image.where))
        return None
    return path
