"""House templates are not trusted after the first parse: a zip bomb fails fast and small, XML is
parsed without DTDs or entities, every fact slidegen relies on is validated (naming the part),
what is invalid is refused or repaired rather than copied, and layouts are tracked by part."""

from __future__ import annotations

import io
import resource
import struct
import zipfile
from pathlib import Path

import pytest

from hostile import HEAD, assert_one_error, run_cli
from pptx_facts import slides
from templates import office_bytes, sub, variant

OUTLINE = HEAD + "          - bullets: [a, b, c]\n"
LAYOUT2 = "ppt/slideLayouts/slideLayout2.xml"


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _build(folder: Path, template: str) -> tuple:
    (folder / "o.yaml").write_text(OUTLINE, encoding="utf-8")
    before = _peak_mib()
    run = run_cli(["build", "o.yaml", "--template", template], folder)
    return run, _peak_mib() - before


def _bomb(path: Path) -> None:
    """A template whose layout part unpacks to 64 MB of nothing (a 64 KB entry)."""
    data = office_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == LAYOUT2:
                with target.open(info.filename, "w") as handle:
                    for _ in range(64):
                        handle.write(b" " * 2**20)
            else:
                target.writestr(info.filename, source.read(info.filename))


def _lying_size(path: Path) -> None:
    """A central directory that claims an entry unpacks to 3 GB."""
    data = bytearray(office_bytes())
    entry = data.find(b"PK\x01\x02")              # the first central directory header
    struct.pack_into("<I", data, entry + 24, 3 * 2**30)
    path.write_bytes(bytes(data))


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'
                            for n in range(1, 10))
                  + ']><p:sldLayout xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">&lol9;'
                    "</p:sldLayout>")


def _body_box(cx: int | str, cy: int | str, x: int | str = 457200):
    """An edit giving Title and Content's body placeholder its own box (PowerPoint's default
    template lets it inherit the master's)."""
    return sub(r'(name="Content Placeholder 2"/>.*?)<p:spPr/>',
               rf'\g<1><p:spPr><a:xfrm><a:off x="{x}" y="1600200"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm></p:spPr>', 1)


BLIP_BACKGROUND = ('<p:bg><p:bgPr><a:blipFill><a:blip r:embed="rId77"/><a:stretch><a:fillRect/></a:stretch>'
                   "</a:blipFill><a:effectLst/></p:bgPr></p:bg>")


def _replace(name: str, data: bytes | str):
    return lambda path: variant(path, {name: data.encode("utf-8") if isinstance(data, str) else data})


CASES = {
    "zip bomb": (_bomb, f"entry '{LAYOUT2}' is compressed"),
    "lying size": (_lying_size, "unpacks to 3072 MB, more than the 128 MB a template part may have: refused"),
    "billion laughs": (_replace(LAYOUT2, BILLION_LAUGHS), "declares a DTD in ppt/slideLayouts/slideLayout2.xml "
                                                          "(<!DOCTYPE>, entities), which PowerPoint files never do"),
    "external entity": (_replace("ppt/presentation.xml", '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM '
                                 '"file:///etc/passwd">]><p:presentation xmlns:p="http://schemas.openxmlformats.org/'
                                 'presentationml/2006/main">&x;</p:presentation>'), "declares a DTD in ppt/presentation.xml"),
    "malformed XML": (lambda p: variant(p, {"ppt/slideMasters/slideMaster1.xml": lambda d: d[:-40]}),
                      "is damaged: ppt/slideMasters/slideMaster1.xml is not well-formed XML"),
    "no slide size": (lambda p: variant(p, {"ppt/presentation.xml": sub(r"<p:sldSz [^>]*/>", "")}),
                      "is damaged: ppt/presentation.xml gives no valid slide size (p:sldSz: none; 1 to 56 inches each "
                      "way); set it in PowerPoint (Design → Slide Size) and save again"),
    "zero slide size": (lambda p: variant(p, {"ppt/presentation.xml": sub(r'<p:sldSz cx="\d+"', '<p:sldSz cx="0"')}),
                        "gives no valid slide size (p:sldSz: 0 × 6858000"),
    "no master": (lambda p: variant(p, {"ppt/presentation.xml": sub(r"<p:sldMasterId [^>]*/>", "")}),
                  "has no slide master, so it has no layouts to build on"),
    "master missing": (lambda p: variant(p, {"ppt/slideMasters/slideMaster1.xml": None}),
                       "has no slide master, so it has no layouts to build on"),
    "idx not a number": (lambda p: variant(p, {LAYOUT2: sub(r'idx="1"', 'idx="one"', 1)}),
                         "is damaged: ppt/slideLayouts/slideLayout2.xml has a placeholder whose idx 'one' is not a "
                         "number"),
    "negative size": (lambda p: variant(p, {LAYOUT2: _body_box(8229600, -4525963)}),
                      "is damaged: ppt/slideLayouts/slideLayout2.xml has a shape with cy=\"-4525963\", not a valid "
                      "position or size; fix the shape in PowerPoint or save the template again"),
    "size not a number": (lambda p: variant(p, {LAYOUT2: _body_box(8229600, 4525963, "1e9")}),
                          "has a shape with x=\"1e9\", not a valid position or size"),
    "unknown placeholder type": (lambda p: variant(p, {LAYOUT2: sub(r'type="title"', 'type="headline"', 1)}),
                                 "has a placeholder of unknown type 'headline'"),
    "dangling reference, removable": (lambda p: variant(p, {"ppt/slideMasters/slideMaster1.xml": sub(
        "</p:spTree>", '</p:spTree><p:custDataLst><p:tags r:id="rId77"/></p:custDataLst>'),
        "ppt/presentation.xml": sub("<p:defaultTextStyle>", "<p:custShowLst/><p:defaultTextStyle>")}), None),
    "dangling reference": (lambda p: variant(p, {"ppt/slideMasters/slideMaster1.xml": sub(
        r"<p:bg>.*?</p:bg>", BLIP_BACKGROUND)}),
        "is damaged: ppt/slideMasters/slideMaster1.xml refers to a part it does not have (rId77); save the "
        "template again in PowerPoint"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_damaged_or_hostile_template_is_refused_fast_and_small(workdir: Path, case: str) -> None:
    make, fragment = CASES[case]
    make(workdir / "t.pptx")
    run, grown = _build(workdir, "t.pptx")
    assert run.seconds < 5 and grown < 100, (run.seconds, grown)
    if fragment is None:           # repaired, not refused: the deck is valid (checked at teardown)
        assert run.exit_code == 0, run.output
        return
    line = assert_one_error(run, fragment)
    assert line.startswith("error: template t.pptx ")
    assert not (workdir / "build" / "o.pptx").exists()


def test_relationships_to_missing_parts_are_dropped_with_what_refers_to_them(workdir: Path) -> None:
    """A layout picture whose image is not in the file, a master listing a layout that is not
    there: the picture and the list entry go (a deck that refers to nothing is valid)."""
    picture = ('<p:pic><p:nvPicPr><p:cNvPr id="90" name="Logo"/><p:cNvPicPr/><p:nvPr userDrawn="1"/></p:nvPicPr>'
               '<p:blipFill><a:blip r:embed="rId5"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>'
               '<a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect">'
               "<a:avLst/></a:prstGeom></p:spPr></p:pic></p:spTree>")
    variant(workdir / "t.pptx", {
        LAYOUT2: sub("</p:spTree>", picture),
        "ppt/slideLayouts/_rels/slideLayout2.xml.rels": sub("</Relationships>", (
            '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
            'Target="../media/missing.png"/></Relationships>')),
        "ppt/slideLayouts/slideLayout9.xml": None})
    run, _ = _build(workdir, "t.pptx")
    assert run.exit_code == 0, run.output
    with zipfile.ZipFile(workdir / "build" / "o.pptx") as archive:
        assert b'name="Logo"' not in archive.read(LAYOUT2)
        assert "ppt/slideLayouts/slideLayout9.xml" not in archive.namelist()
    check = run_cli(["template", "check", "t.pptx"], workdir)
    assert "  repaired: a reference to a part the file does not hold is removed (ppt/slideLayouts/slideLayout2.xml)" \
        in check.lines
    assert ("  repaired: a master lists a layout the file does not hold: dropped from the list "
            "(ppt/slideMasters/slideMaster1.xml)") in check.lines


def test_two_layouts_with_one_name_are_each_usable(workdir: Path) -> None:
    """Layouts are tracked by part: of two named alike, the one that can hold the body is chosen,
    and either can be named by its part in deck.layouts."""
    from pptx import Presentation

    variant(workdir / "t.pptx", {LAYOUT2: _body_box(8229600, 228600),
                                 "ppt/slideLayouts/slideLayout4.xml": sub('<p:cSld name="Two Content">',
                                                                          '<p:cSld name="Title and Content">')})
    run, _ = _build(workdir, "t.pptx")
    assert run.exit_code == 0, run.output

    def layout_part() -> str:
        deck = Presentation(str(workdir / "build" / "o.pptx"))
        slide = next(s for s in deck.slides if s.shapes.title.text == "1. x")
        return str(slide.slide_layout.part.partname)

    assert layout_part() == "/ppt/slideLayouts/slideLayout4.xml"
    check = run_cli(["template", "check", "t.pptx"], workdir)
    assert any("'Title and Content' (slideLayout2.xml), " in line and "'Title and Content' (slideLayout4.xml)" in line
               for line in check.lines), check.output
    (workdir / "o.yaml").write_text(OUTLINE.replace("  title: T\n", "  title: T\n  layouts: {bullets: slideLayout2}\n"),
                                    encoding="utf-8")
    run = run_cli(["build", "o.yaml", "--template", "t.pptx", "-o", "build/o2.pptx"], workdir)
    assert run.exit_code == 0 and "holds only a few lines of text" in run.output, run.output
    (workdir / "build" / "o2.pptx").replace(workdir / "build" / "o.pptx")
    assert layout_part() == "/ppt/slideLayouts/slideLayout2.xml"


def test_a_body_too_small_for_text_is_not_a_body(workdir: Path) -> None:
    """A body 0.25 in tall would cut every bullet onto its own slide: the bullets are drawn on the
    title-only layout instead, and the deck stays as long as on PowerPoint's own template."""
    many = HEAD + "".join(f"          - bullets: [{', '.join(f'Ý {i}.{j} về hợp tác SHTT' for j in range(4))}]\n"
                          for i in range(6))
    (workdir / "o.yaml").write_text(many, encoding="utf-8")
    variant(workdir / "office.pptx", {})
    assert run_cli(["build", "o.yaml", "--template", "office.pptx", "-o", "office-deck.pptx"], workdir).exit_code == 0
    others = {f"ppt/slideLayouts/slideLayout{n}.xml": None for n in (3, 4, 5, 8, 9, 10, 11)}
    variant(workdir / "thin.pptx", {LAYOUT2: _body_box(8229600, 228600), **others})
    run = run_cli(["build", "o.yaml", "--template", "thin.pptx"], workdir)
    assert run.exit_code == 0, run.output
    assert "bullets are drawn as text boxes on 'Title Only'" in run.output
    thin_deck, office_deck = slides(workdir / "build" / "o.pptx"), slides(workdir / "office-deck.pptx")
    assert len(thin_deck) <= len(office_deck) + 1
    assert {f.layout for f in thin_deck[3:-1]} == {"Title Only"}
    assert "Ý 5.3 về hợp tác SHTT" in " ".join(thin_deck[-2].texts)
