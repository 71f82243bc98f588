"""Picture files: image parts shared by content, named and typed as python-pptx names them.

python-pptx keeps one image part per distinct file content (SHA-1), the template's own images
included, names a new one /ppt/media/image<n>.<ext> with the first number no image part uses,
and types it by its format as Pillow reads it. slidegen then fits the picture inside its box
without distortion (render/placeholders.py ``_fit_inside``); the XML is python-pptx's picture
templates (CT_Picture.new_ph_pic, new_pic) with those edits made.
"""

from __future__ import annotations

import os
import posixpath
import re

from ...records import record
from ...scene import EmuBox
from . import dom
from .template import Template
from .xml import attr

RT_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_EXT = {"BMP": "bmp", "GIF": "gif", "JPEG": "jpg", "PNG": "png", "TIFF": "tiff", "WMF": "wmf"}
_CONTENT_TYPES = {"bmp": "image/bmp", "emf": "image/x-emf", "gif": "image/gif", "jpe": "image/jpeg",
                  "jpeg": "image/jpeg", "jpg": "image/jpeg", "png": "image/png", "tif": "image/tiff",
                  "tiff": "image/tiff", "wdp": "image/vnd.ms-photo", "wmf": "image/x-wmf"}
#: Content types python-pptx loads as image parts (the ones it compares by SHA-1).
_IMAGE_PARTS = frozenset(_CONTENT_TYPES.values()) | {"image/jpg"}
_INDEX = re.compile("([a-zA-Z]+)([0-9][0-9]*)?")
_MEDIA = "/ppt/media/image"


@record
class Image:
    """A picture part of the package, shared by every slide showing the same file."""

    partname: str
    size: tuple[int, int]          # pixels
    filename: str


def _index(partname: str) -> int | None:
    """python-pptx's ``PackURI.idx``: the number ending the file name's leading word."""
    match = _INDEX.match(posixpath.splitext(posixpath.basename(partname))[0])
    return int(match.group(2)) if match and match.group(2) else None


class Pictures:
    """The image parts of one deck: the template's, then each new picture file's."""

    def __init__(self, template: Template, existing: set[str]) -> None:
        self.existing = existing                     # every part name in the package so far
        self.by_sha1: dict[str, str | None] = {}     # None: two template images share it
        self.blobs: dict[str, bytes] = {}
        for part in template.parts.values():
            for _, reltype, target, external in part.rels:
                image = template.parts.get(target)
                if reltype == RT_IMAGE and not external and image is not None and image.content_type in _IMAGE_PARTS:
                    sha1 = _sha1(image.blob)
                    self.by_sha1[sha1] = target if self.by_sha1.get(sha1, target) == target else None
                    self.blobs[target] = image.blob
        self.added: list[tuple[str, bytes, str]] = []    # new parts: name, bytes, content type
        self.sizes: dict[str, tuple[int, int]] = {}
        self.files: dict[str, tuple[bytes, str]] = {}    # path → bytes, SHA-1 (read once a deck)

    def image(self, path: str) -> Image:
        """The image part showing the file at ``path`` (added when new)."""
        if path not in self.files:
            with open(path, "rb") as handle:
                blob = handle.read()
            self.files[path] = blob, _sha1(blob)
        blob, sha1 = self.files[path]
        filename = os.path.basename(path)
        if sha1 in self.by_sha1:
            partname = self.by_sha1[sha1]
            if partname is None:
                raise dom.Unsupported("two template images with the same content")
        else:
            fmt, size = _read(blob)
            ext = _EXT.get(fmt or "")
            if ext is None:
                raise dom.Unsupported(f"a {fmt} picture")
            partname = f"{_MEDIA}{self._first_free()}.{ext}"
            self.existing.add(partname)
            self.by_sha1[sha1] = partname
            self.added.append((partname, blob, _CONTENT_TYPES[ext]))
            self.sizes[partname] = size
        if partname not in self.sizes:       # one of the template's images
            self.sizes[partname] = _read(self.blobs[partname])[1]
        return Image(partname, self.sizes[partname], filename)

    def _first_free(self) -> int:
        used = sorted(i for i in (_index(n) for n in self.existing if n.startswith(_MEDIA)) if i is not None)
        return next((n for n, i in enumerate(used, start=1) if n < i), len(used) + 1)


def _sha1(blob: bytes) -> str:
    import hashlib   # only for decks with pictures (or a template that has some)

    return hashlib.sha1(blob).hexdigest()


def _read(blob: bytes) -> tuple[str | None, tuple[int, int]]:
    import io

    from PIL import Image as PILImage   # only for decks with pictures

    with PILImage.open(io.BytesIO(blob)) as image:
        return image.format, image.size


def fitted(box: EmuBox, size: tuple[int, int]) -> EmuBox:
    """The picture scaled to fit inside ``box`` without distortion, centred (``_fit_inside``)."""
    left, top, width, height = box
    image_w, image_h = size
    scale = min(width / image_w, height / image_h)
    fitted_w, fitted_h = int(image_w * scale), int(image_h * scale)
    return left + (width - fitted_w) // 2, top + (height - fitted_h) // 2, fitted_w, fitted_h


def _xfrm(box: EmuBox) -> str:
    return f'<a:xfrm><a:off x="{box[0]}" y="{box[1]}"/><a:ext cx="{box[2]}" cy="{box[3]}"/></a:xfrm>'


def placeholder_picture(shape_id: int, name: str, ph: str, rId: str, box: EmuBox, alt: str) -> str:
    """A picture placed into its placeholder (``insert_picture``), the crop python-pptx sets
    removed, fitted inside the placeholder's box."""
    return (f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="{name}" descr="{attr(alt)}"/><p:cNvPicPr>'
            f'<a:picLocks noGrp="1" noChangeAspect="1"/></p:cNvPicPr><p:nvPr>{ph}</p:nvPr></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{rId}"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            f"<p:spPr>{_xfrm(box)}</p:spPr></p:pic>")


def drawn_picture(shape_id: int, rId: str, box: EmuBox, alt: str) -> str:
    """A picture drawn at ``box`` (``add_picture``), fitted inside it."""
    return (f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="Picture {shape_id - 1}" descr="{attr(alt)}"/>'
            '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{rId}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            f'<p:spPr>{_xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')
