"""Every real-world PowerPoint file in ../shared/templates-wild/ builds the AWGIPC deck, or is refused.

125 files from public test suites (PowerPoint for Windows and Mac, LibreOffice, ONLYOFFICE, WPS,
Google Slides, Keynote; .pptx, .potx, .pptm, .potm, .ppsx; non-English layout names; several
masters; see PROVENANCE.tsv there). Each one either

- builds a deck that adds no schema problem of its own (the output's problems, part names
  normalised, are a subset of the template's), with every slide's planned title in a title
  placeholder (python-pptx's and pandoc's reading), at most twice the slides of the built-in
  theme, nothing drawn off the slide, a plain .pptx without macros, the notes master listed; or
- is refused in one line naming the cause — and then it is in :data:`REFUSED` with that cause.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from pptx import Presentation

from conftest import DECKS, REPO
from slidegen import plan
from slidegen.errors import SlidegenError
from validate import validate_pptx

WILD = REPO.parent / "shared" / "templates-wild"
FILES = sorted(p.name for p in WILD.iterdir() if p.is_file() and p.name != "PROVENANCE.tsv") if WILD.is_dir() else []
_STRICT = "is saved as Strict Open XML (ISO/IEC 29500 Strict), which slidegen does not read"
_ENCRYPTED = "is password-protected (an encrypted OLE package)"
_TRUNCATED = "is truncated or damaged (its zip directory cannot be read)"
_NO_TITLE = "none of its layouts or masters has a title placeholder"
#: The files slidegen refuses, and why. Every other file must build.
REFUSED = {
    "oxsdk-Algn_tab_TabAlignment.pptx": _STRICT,
    "oxsdk-strict-Photo_Album3.pptx": _STRICT,
    "oxsdk-strict-sldsz-Slide_Size-type-b4iso.pptx": _STRICT,
    "oxsdk-strict-sldsz-Slide_Size-type-screen16x9.pptx": _STRICT,
    "oxsdk-encrypted_pptx.pptx": _ENCRYPTED,
    "tika-testPPT_protected_passtika.pptx": _ENCRYPTED,
    "poi-Divino_Revelado.pptx": _TRUNCATED,                               # no central directory
    "poi-clusterfuzz-testcase-minimized-POIXSLFFu.pptx": _TRUNCATED,
    "docx4j-AutoShapes.pptx": _NO_TITLE,          # one layout and a master, neither with a placeholder
    "poi-bug68703.pptx": _NO_TITLE,               # body and picture placeholders only
    "pptx-minimal.pptx": _NO_TITLE,               # one blank layout, a master without placeholders
    "pptx-act-props.pptm": _NO_TITLE,             # the same, macro-enabled
}
PML = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

pytestmark = pytest.mark.skipif(not FILES, reason=f"the real-world templates are not here ({WILD})")


@pytest.fixture(scope="module")
def built_in_slides() -> int:
    return len(plan(DECKS / "awgipc.yaml").slides)


def _normal(problem: str) -> str:
    """A validator problem without what differs between a template and a deck built on it:
    part numbers, line numbers, relationship ids."""
    part, _, message = problem.partition(": ")
    message = re.sub(r"\(line \d+, ", "(", message)
    return f"{re.sub(r'[0-9]+', '#', part)}: {re.sub(r'rId[0-9]+', 'rId#', message)}"


def _text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\x0b", " ").split())


def _pandoc() -> str | None:
    try:
        import pypandoc
    except ImportError:
        return None
    path = pypandoc.get_pandoc_path()
    return str(path) if path and Path(path).exists() else shutil.which("pandoc")


def _inline(inlines: list) -> str:
    out = []
    for item in inlines:
        kind = item["t"]
        if kind == "Str":
            out.append(item["c"])
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Emph", "Strong", "Underline", "Strikeout", "SmallCaps", "Superscript", "Subscript"):
            out.append(_inline(item["c"]))
        elif kind in ("Span", "Link", "Quoted"):
            out.append(_inline(item["c"][1]))
    return "".join(out)


def pandoc_titles(path: Path) -> list[str] | None:
    """Slide titles as pandoc's pptx reader finds them: the first title or ctrTitle placeholder
    of each slide ("Slide N" when there is none)."""
    pandoc = _pandoc()
    if pandoc is None:
        return None
    run = subprocess.run([pandoc, "-f", "pptx", "-t", "json", str(path)], capture_output=True, text=True,
                         timeout=60, check=True)
    return [_text(_inline(block["c"][2])) for block in json.loads(run.stdout)["blocks"]
            if block["t"] == "Header" and block["c"][0] == 2 and block["c"][1][0].startswith("slide-")]


def _off_slide(root, width: int, height: int) -> list[str]:
    bad = []
    for xfrm in root.iter(f"{A}xfrm", f"{P}xfrm"):
        off, ext = xfrm.find(f"{A}off"), xfrm.find(f"{A}ext")
        if off is None or ext is None:
            continue
        x, y, cx, cy = (int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))
        if cx < 0 or cy < 0 or x < 0 or y < 0 or x + cx > width or y + cy > height:
            bad.append(f"{x},{y} {cx}×{cy}")
    return bad


@pytest.mark.parametrize("name", FILES)
def test_a_real_world_template_builds_or_is_refused_for_its_reason(name: str, built_in_slides: int,
                                                                    tmp_path: Path) -> None:
    template = WILD / name
    try:
        deck = plan(DECKS / "awgipc.yaml", template=template, allow_outside=True)
        data = deck.to_bytes()
    except SlidegenError as error:
        message = str(error)
        assert name in REFUSED, f"{name} is refused: {message}"
        assert "\n" not in message and REFUSED[name] in message, message
        assert message.startswith(f"template {template}") and " object at 0x" not in message, message
        return
    assert name not in REFUSED, f"{name} builds, but the test expects it refused: {REFUSED[name]}"
    out = tmp_path / "deck.pptx"
    out.write_bytes(data)     # not through slidegen's writer: the autouse fixture would demand validity

    template_problems = {_normal(p) for p in validate_pptx(str(template))}
    added = sorted({_normal(p) for p in validate_pptx(str(out))} - template_problems)
    assert not added, f"schema problems slidegen adds on {name}:\n" + "\n".join(added[:10])

    titles = [_text(s.title) for s in deck.slides]
    presentation = Presentation(io.BytesIO(data))
    assert len(presentation.slides) == len(titles) <= 2 * built_in_slides
    for n, (slide, title) in enumerate(zip(presentation.slides, titles), start=1):
        shape = slide.shapes.title
        assert shape is not None and shape.placeholder_format.type.xml_value in ("title", "ctrTitle"), (n, title)
        assert _text(shape.text_frame.text) == title, n
        assert not _off_slide(slide._element, presentation.slide_width, presentation.slide_height), n
    read = pandoc_titles(out)
    if read is not None:
        assert read == titles

    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert not [n for n, c in Counter(n.lower() for n in names).items() if c > 1]
        assert PML in archive.read("[Content_Types].xml").decode()
        assert not any("vbaproject" in n.lower() for n in names)
        assert b"notesMasterIdLst" in archive.read("ppt/presentation.xml")


def test_the_refused_files_are_in_the_corpus() -> None:
    """The list names real files: a renamed or removed one would silently stop being tested."""
    assert set(REFUSED) <= set(FILES)
