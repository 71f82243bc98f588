"""Pictures of an imported deck, written next to the outline as files it can name.

They go into ``<outline name>-images/`` beside the outline, named by slide (``slide04-1.png``).
A file already there is never replaced: the new one gets another name. Only pictures a deck can
show everywhere are carried (PNG, JPEG, GIF, BMP, TIFF), checked as a build checks them; others
(EMF, WMF, SVG …) leave an empty picture placeholder and a warning.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import Diagnostic
from ...pictures import MAX_IMAGE_BYTES, PictureRefused, check_picture
from ...source import SourceLocation
from .package import Package, PartError

_SUFFIX = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "BMP": ".bmp", "TIFF": ".tif"}


class Pictures:
    def __init__(self, package: Package, outline: Path, warnings: list[Diagnostic]) -> None:
        self.package = package
        self.folder = outline.parent / f"{outline.stem}-images"
        self.relative = f"{outline.stem}-images"
        self.warnings = warnings
        self.done: dict[str, str | None] = {}
        self.written: list[Path] = []
        self.counts: dict[int, int] = {}

    def extract(self, media: str | None, slide: int, where: SourceLocation) -> str | None:
        """The outline path of the picture part ``media`` (written once), or None."""
        if media is None:
            return None
        if media in self.done:
            return self.done[media]
        self.done[media] = path = self._write(media, slide, where)
        return path

    def _write(self, media: str, slide: int, where: SourceLocation) -> str | None:
        try:
            data = self.package.bytes(media, MAX_IMAGE_BYTES)
        except PartError as error:
            self.warnings.append(Diagnostic(f"a picture cannot be read ({error.diagnostics[0].message}); "
                                            "the slide gets an empty picture placeholder", where))
            return None
        fmt = _format(data)
        if fmt is None:
            name = media.rsplit("/", 1)[-1]
            self.warnings.append(Diagnostic(f"picture {name} is not a PNG, JPEG, GIF, BMP or TIFF picture "
                                            "(EMF, WMF and SVG are not carried); the slide gets an empty picture "
                                            "placeholder", where))
            return None
        self.counts[slide] = self.counts.get(slide, 0) + 1
        stem = f"slide{slide:02d}-{self.counts[slide]}"
        self.folder.mkdir(parents=True, exist_ok=True)
        target, n = self.folder / f"{stem}{_SUFFIX[fmt]}", 1
        while True:
            try:
                with open(target, "xb") as handle:   # never replaces a file already there
                    handle.write(data)
                break
            except FileExistsError:
                n += 1
                target = self.folder / f"{stem}-{n}{_SUFFIX[fmt]}"
        self.written.append(target)
        return f"{self.relative}/{target.name}"


def _format(data: bytes) -> str | None:
    """Pillow's format name when ``data`` is a sound picture slidegen can place, else None."""
    try:
        return check_picture(data)
    except PictureRefused:
        return None
