"""Reading the parts of a template package: each once, with its content type and relationships.

The constants name the relationship and content types package reading deals with; ALIASES maps
the spellings other producers write (LibreOffice's core-properties type, ECMA-376's first
edition, other capitalisations) to the standard ones.
"""

from __future__ import annotations

from importlib import resources

from .opc import Archive, Part, content_types, fail, parse_xml, read_rels, sniff

_PML = "application/vnd.openxmlformats-officedocument.presentationml."
PRESENTATION = _PML + "presentation.main+xml"
#: The main content types of .pptx, .potx, .ppsx and their macro-enabled .pptm, .potm, .ppsm.
MAIN_TYPES = {
    PRESENTATION: False, _PML + "template.main+xml": False, _PML + "slideshow.main+xml": False,
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": True,
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": True,
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": True,
}
OTHER_OFFICE = {"wordprocessingml": "a Word document", "spreadsheetml": "an Excel workbook",
                 "ms-word": "a Word document", "ms-excel": "an Excel workbook"}
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = _RT + "officeDocument"
RT_SLIDE, RT_MASTER, RT_LAYOUT = _RT + "slide", _RT + "slideMaster", _RT + "slideLayout"
RT_NOTES_MASTER, RT_THEME, RT_HANDOUT = _RT + "notesMaster", _RT + "theme", _RT + "handoutMaster"
RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
RT_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
RT_EXTENDED = _RT + "extended-properties"
VBA_TYPES = ("application/vnd.ms-office.vbaProject", "application/vnd.ms-office.vbaProjectSignature",
              "application/vnd.ms-office.activeX+xml", "application/vnd.ms-office.activeX")
CT_MASTER, CT_LAYOUT = _PML + "slideMaster+xml", _PML + "slideLayout+xml"
CT_NOTES_MASTER, CT_SLIDE = _PML + "notesMaster+xml", _PML + "slide+xml"
CT_THEME = "application/vnd.openxmlformats-officedocument.theme+xml"

#: Relationship types other producers write for standard ones (compared without case): the
#: LibreOffice form of core properties, and the type of ECMA-376's first edition.
ALIASES = {
    "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties": RT_CORE,
}
for _kind in ("officeDocument", "slide", "slideMaster", "slideLayout", "notesMaster", "notesSlide", "theme",
              "handoutMaster", "image", "presProps", "viewProps", "tableStyles", "extended-properties",
              "custom-properties", "hyperlink", "oleObject", "chart", "package", "tags", "font", "media",
              "audio", "video", "customXml", "commentAuthors", "comments"):
    ALIASES.setdefault((_RT + _kind).lower(), _RT + _kind)
ALIASES.setdefault(RT_CORE.lower(), RT_CORE)
ALIASES.setdefault(RT_THUMBNAIL.lower(), RT_THUMBNAIL)

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"      # p14:sectionLst lists the dropped slides


class PartReader:
    """The parts of one package, each read (and its XML parsed) once, on demand."""

    def __init__(self, data: bytes, shown: str) -> None:
        sniff(data, shown)
        self.shown = shown
        self.archive = Archive(data, shown)
        self.types = content_types(self.archive)
        self.parts: dict[str, Part] = {}
        self.repaired = self.archive.repaired
        self.warnings: list[str] = []

    def part(self, name: str) -> Part | None:
        """The part ``name`` with its relationships, read once; None when the file lacks it."""
        key = name.lower()
        if key in self.parts:
            return self.parts[key]
        if not self.archive.has(name):
            return None
        content_type = self.types.of(name) or _guess_type(name)
        if content_type is None:
            raise fail(self.shown, f"is damaged: its part {name.lstrip('/')} has no content type")
        part = Part(name, content_type)
        if _is_xml(content_type):
            part.xml = self.archive.xml(name)
        else:
            part.blob = self.archive.read(name)
        part.rels = read_rels(self.archive, name, ALIASES)
        self.parts[key] = part
        return part


def _is_xml(content_type: str) -> bool:
    return content_type.endswith("+xml") or content_type in ("application/xml", "text/xml")


_EXTENSIONS = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
               "emf": "image/x-emf", "wmf": "image/x-wmf", "tif": "image/tiff", "tiff": "image/tiff",
               "svg": "image/svg+xml", "bmp": "image/bmp"}


def _guess_type(name: str) -> str | None:
    return _EXTENSIONS.get(name.rsplit(".", 1)[-1].lower())




def add_part(reader: PartReader, template: str, content_type: str, blob: bytes) -> Part:
    """A new XML part at the first free name of ``template`` (slideLayout%d.xml …)."""
    n = 1
    while reader.archive.has(template % n) or (template % n).lower() in reader.parts:
        n += 1
    part = Part(template % n, content_type, xml=parse_xml(blob, template % n, reader.shown))
    reader.parts[part.name.lower()] = part
    return part


def pptx_template(name: str) -> bytes:
    """One of python-pptx's default parts (its notes master and theme, which PowerPoint opens)."""
    return resources.files("pptx").joinpath("templates", name).read_bytes()
