"""Reading a house template as other producers write it: every PowerPoint format, their spellings
and omissions, and files that cannot be read — each a deck or one line naming cause and fix."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from hostile import HEAD, assert_one_error, run_cli
from pptx_facts import slides
from templates import office_bytes, sub, variant

PML = "application/vnd.openxmlformats-officedocument.presentationml."
MS = "application/vnd.ms-powerpoint."
MAIN_TYPES = {
    ".pptx": PML + "presentation.main+xml", ".potx": PML + "template.main+xml",
    ".ppsx": PML + "slideshow.main+xml", ".pptm": MS + "presentation.macroEnabled.main+xml",
    ".potm": MS + "template.macroEnabled.main+xml", ".ppsm": MS + "slideshow.macroEnabled.main+xml",
}
VBA_REL = ('<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
           'Target="vbaProject.bin"/></Relationships>')
OUTLINE = HEAD + "          - bullets: [a, b]\n            notes: Ghi chú cho người trình bày\n"


def _outline(folder: Path) -> None:
    (folder / "o.yaml").write_text(OUTLINE, encoding="utf-8")


@pytest.mark.parametrize("suffix", list(MAIN_TYPES))
def test_every_powerpoint_format_builds_a_plain_pptx(workdir: Path, suffix: str) -> None:
    """.pptx .potx .ppsx and the macro-enabled .pptm .potm .ppsm: the deck is always a plain .pptx,
    and macros are dropped with a warning."""
    macros = suffix.endswith("m")
    edits = {"[Content_Types].xml": sub(PML + "presentation.main\\+xml", MAIN_TYPES[suffix])}
    if macros:
        edits["[Content_Types].xml"] = lambda data: sub(PML + "presentation.main\\+xml", MAIN_TYPES[suffix])(data) \
            .replace(b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                                  b"</Types>")
        edits["ppt/_rels/presentation.xml.rels"] = sub("</Relationships>", VBA_REL)
        edits["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macro code"
    variant(workdir / f"house{suffix}", edits)
    _outline(workdir)
    run = run_cli(["build", "o.yaml", "--template", f"house{suffix}"], workdir)
    assert run.exit_code == 0, run.output
    assert ("macros are dropped (a deck is always a plain .pptx)" in run.output) == macros
    with zipfile.ZipFile(workdir / "build" / "o.pptx") as archive:
        types = archive.read("[Content_Types].xml").decode()
        assert PML + "presentation.main+xml" in types and "macroEnabled" not in types and "vbaProject" not in types
        assert not [n for n in archive.namelist() if "vba" in n.lower()]
        assert "vbaProject" not in archive.read("ppt/_rels/presentation.xml.rels").decode()
    facts = slides(workdir / "build" / "o.pptx")
    assert [f.title for f in facts][3] == "1. x" and "Mẫu" not in " ".join(f.title for f in facts)


def test_libreoffice_core_properties_relationship_gives_one_core_part(workdir: Path) -> None:
    """LibreOffice labels core properties with its own relationship type; python-pptx, not finding
    the standard one, added a second docProps/core.xml (a zip entry twice: invalid)."""
    variant(workdir / "lo.pptx", {"_rels/.rels": sub(
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties")})
    _outline(workdir)
    assert run_cli(["build", "o.yaml", "--template", "lo.pptx"], workdir).exit_code == 0
    with zipfile.ZipFile(workdir / "build" / "o.pptx") as archive:
        names = archive.namelist()
        assert names.count("docProps/core.xml") == 1
        assert "package/2006/relationships/metadata/core-properties" in archive.read("_rels/.rels").decode()
    check = run_cli(["template", "check", "lo.pptx"], workdir)
    assert any(line.startswith("  repaired: relationship types spelled another way") for line in check.lines)


def test_a_layout_without_its_relationships_part(workdir: Path) -> None:
    variant(workdir / "norels.pptx", {"ppt/slideLayouts/_rels/slideLayout2.xml.rels": None})
    _outline(workdir)
    run = run_cli(["build", "o.yaml", "--template", "norels.pptx"], workdir)
    assert run.exit_code == 0, run.output
    assert slides(workdir / "build" / "o.pptx")[3].layout == "Title and Content"
    check = run_cli(["template", "check", "norels.pptx"], workdir)
    assert check.exit_code == 0
    assert ("  repaired: a layout had no relationship to its master: added (ppt/slideLayouts/slideLayout2.xml)"
            in check.lines)


def _notes_master_without_body(data: bytes) -> bytes:
    """The notes master of the Office template with its body placeholder removed."""
    import re

    text = data.decode("utf-8")
    return re.sub(r'<p:sp><p:nvSpPr><p:cNvPr id="\d+" name="Notes Placeholder \d+"/>.*?</p:sp>', "", text,
                  count=1, flags=re.S).encode("utf-8")


def test_a_notes_master_without_a_body_placeholder_still_holds_speaker_notes(workdir: Path) -> None:
    base = office_bytes()
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        original = archive.read("ppt/notesMasters/notesMaster1.xml")
    assert b'type="body"' in original and b'type="body"' not in _notes_master_without_body(original)
    variant(workdir / "notes.pptx", {"ppt/notesMasters/notesMaster1.xml": _notes_master_without_body}, base)
    _outline(workdir)
    run = run_cli(["build", "o.yaml", "--template", "notes.pptx"], workdir)
    assert run.exit_code == 0, run.output
    presentation = Presentation(str(workdir / "build" / "o.pptx"))
    notes = [s.notes_slide.notes_text_frame.text for s in presentation.slides if s.has_notes_slide]
    assert "Ghi chú cho người trình bày" in notes
    check = run_cli(["template", "check", "notes.pptx"], workdir)
    assert ("  repaired: the notes master is missing or has no body placeholder for speaker notes: a standard one "
            "is used") in check.lines


def test_the_notes_master_is_listed_in_the_presentation(workdir: Path) -> None:
    """PowerPoint's own default template has no notes master: the deck's is listed in
    p:notesMasterIdLst, right after the slide masters (python-pptx relates it without listing it)."""
    variant(workdir / "plain.pptx", {}, office_bytes(sample_slide=False))
    _outline(workdir)
    assert run_cli(["build", "o.yaml", "--template", "plain.pptx"], workdir).exit_code == 0
    with zipfile.ZipFile(workdir / "build" / "o.pptx") as archive:
        presentation = archive.read("ppt/presentation.xml").decode()
        rels = archive.read("ppt/_rels/presentation.xml.rels").decode()
    assert presentation.index("</p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id=") > 0
    assert rels.count("relationships/notesMaster") == 1


def _strict(path: Path) -> None:
    variant(path, {"_rels/.rels": sub("http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
                                      "http://purl.oclc.org/ooxml/officeDocument/relationships/")})


def _encrypted(path: Path) -> None:
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le")
                     + b"\0" * 1024)


def _ppt97(path: Path) -> None:
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 2048 + "PowerPoint Document".encode("utf-16-le"))


def _truncated(path: Path) -> None:
    data = office_bytes()
    path.write_bytes(data[: len(data) // 2])


def _word(path: Path) -> None:
    variant(path, {"[Content_Types].xml": sub(PML + "presentation.main\\+xml",
                                              "application/vnd.openxmlformats-officedocument.wordprocessingml."
                                              "document.main+xml")})


def _zip_of_photos(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff")


UNREADABLE = {
    "strict": (_strict, "is saved as Strict Open XML (ISO/IEC 29500 Strict), which slidegen does not read: open it "
                        "in PowerPoint and save it as PowerPoint Presentation (.pptx)"),
    "encrypted": (_encrypted, "is password-protected (an encrypted OLE package): open it in PowerPoint, remove the "
                              "password (File → Info → Protect Presentation) and save it as PowerPoint Presentation "
                              "(.pptx)"),
    "ppt97": (_ppt97, "is a PowerPoint 97-2003 file (.ppt/.pot) or another Office binary file: open it in "
                      "PowerPoint and save it as PowerPoint Presentation (.pptx)"),
    "truncated": (_truncated, "is truncated or damaged (its zip directory cannot be read): save the template again, "
                              "or download it again"),
    "word": (_word, "is a Word document, not a PowerPoint file"),
    "zip of photos": (_zip_of_photos, "is not a PowerPoint file: it has no [Content_Types].xml (is it another kind "
                                      "of zip file?)"),
    "text": (lambda p: p.write_text("not a presentation\n"), "is not a PowerPoint file (.pptx, .potx, .pptm, .potm, "
                                                              ".ppsx or .ppsm)"),
    "empty": (lambda p: p.write_bytes(b""), "is empty"),
}


@pytest.mark.parametrize("case", list(UNREADABLE))
@pytest.mark.parametrize("command", ["build", "check"])
def test_a_file_that_cannot_be_read_is_one_line_naming_cause_and_fix(workdir: Path, case: str, command: str) -> None:
    make, message = UNREADABLE[case]
    make(workdir / "t.pptx")
    _outline(workdir)
    args = ["build", "o.yaml", "--template", "t.pptx"] if command == "build" else ["template", "check", "t.pptx"]
    line = assert_one_error(run_cli(args, workdir), message)
    assert line == f"error: template t.pptx {message}"
    assert " object at 0x" not in line and "Error" not in line


def test_the_deck_has_its_own_document_properties_not_the_templates(workdir: Path) -> None:
    """The template's title, slide count, sample-slide titles and thumbnail describe the template."""
    variant(workdir / "props.pptx", {"docProps/core.xml": sub(r"<dc:title/>", "<dc:title>Mẫu của Cục</dc:title>")})
    _outline(workdir)
    assert run_cli(["build", "o.yaml", "--template", "props.pptx"], workdir).exit_code == 0
    with zipfile.ZipFile(workdir / "build" / "o.pptx") as archive:
        core = archive.read("docProps/core.xml").decode()
        app = archive.read("docProps/app.xml").decode()
        assert "<dc:title>T</dc:title>" in core and "Mẫu" not in core and "Steve Canny" not in core
        assert "generated using python-pptx" not in core
        assert "<Application>slidegen</Application>" in app and "Slides" not in app
        assert not [n for n in archive.namelist() if "thumbnail" in n]


def test_missing_master_and_layout_ids_are_numbered(workdir: Path) -> None:
    """Some producers leave the ids out (the validator and PowerPoint want them unique)."""
    strip = sub(r'<p:sldLayoutId id="\d+"', "<p:sldLayoutId")
    variant(workdir / "ids.pptx", {"ppt/slideMasters/slideMaster1.xml": strip,
                                   "ppt/presentation.xml": sub(r'<p:sldMasterId id="\d+"', "<p:sldMasterId")})
    _outline(workdir)
    assert run_cli(["build", "o.yaml", "--template", "ids.pptx"], workdir).exit_code == 0   # valid: see conftest
    with zipfile.ZipFile(workdir / "build" / "o.pptx") as archive:
        presentation = archive.read("ppt/presentation.xml").decode()
        master = archive.read("ppt/slideMasters/slideMaster1.xml").decode()
    assert re.search(r'<p:sldMasterId [^>]*id="2147483648"', presentation)
    assert re.findall(r'<p:sldLayoutId [^>]*id="(\d+)"', master)[:2] == ["2147483649", "2147483650"]
    check = run_cli(["template", "check", "ids.pptx"], workdir)
    assert "  repaired: slide master and layout ids that were missing or repeated are numbered" in check.lines
