"""Which layout of a house template each kind uses: every master, one primary master, placeholders
identified as PowerPoint identifies them, vertical text never used, colours judged for contrast."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from pptx import Presentation

from hostile import HEAD, run_cli
from pptx_facts import slides
from templates import office_bytes, sub, two_masters, variant

OUTLINE = HEAD + "          - bullets: [một, hai]\n          - table: {header: [A, B], rows: [[1, 2]]}\n"


def _build(folder: Path, template: str) -> list:
    (folder / "o.yaml").write_text(OUTLINE, encoding="utf-8")
    run = run_cli(["build", "o.yaml", "--template", template], folder)
    assert run.exit_code == 0, run.output
    return slides(folder / "build" / "o.pptx")


def _masters_used(path: Path) -> set[str]:
    deck = Presentation(str(path))
    return {str(s.slide_layout.slide_master.part.partname) for s in deck.slides}


def test_layouts_of_every_master_are_candidates_and_one_master_serves_the_deck(workdir: Path) -> None:
    """The first master holds only a title slide and a blank layout; the second all eleven: the
    deck is built on the second alone (not its title slide from the first), and template check
    lists the layouts by master and names the master of each kind."""
    two_masters(workdir / "two.pptx")
    facts = _build(workdir, "two.pptx")
    assert facts[3].layout == "Title and Content" and facts[0].layout == "Title Slide"
    assert _masters_used(workdir / "build" / "o.pptx") == {"/ppt/slideMasters/slideMaster2.xml"}
    lines = run_cli(["template", "check", "two.pptx"], workdir).lines
    assert lines[0] == "two.pptx: 13 layouts in 2 masters"
    assert lines[1] == "  master 1 'Office Theme': 2 layouts: 'Title Slide', 'Blank'"
    assert lines[2].startswith("  master 2 'Office Theme' — the deck's master: 11 layouts: 'Title Slide', "
                               "'Title and Content', 'Section Header',")
    assert "  bullets     master 2 'Title and Content' (type; title=0, body=1)" in lines
    assert "  title       master 2 'Title Slide' (type; title=0, subtitle=1)" in lines


def test_a_second_master_serves_what_the_primary_lacks_only_if_it_looks_the_same(workdir: Path) -> None:
    """The first master has every layout but Two Content, which only a second master has: it is
    used when that master has the same colours and fonts; one with other colours is not, and the
    columns go onto the primary master's one layout with two text boxes, so a deck does not mix
    looks."""
    first = tuple(n for n in range(1, 12) if n != 4)
    two_masters(workdir / "same.pptx", first_keeps=first, second_keeps=(4,))
    lines = run_cli(["template", "check", "same.pptx"], workdir).lines
    assert "  bullets     master 1 'Title and Content' (type; title=0, body=1)" in lines
    assert "  columns     master 2 'Two Content' (type; title=0, left=1, right=2)" in lines
    base = office_bytes(sample_slide=False)
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        theme = archive.read("ppt/theme/theme1.xml").decode()
    other = re.sub(r'(<a:accent1>\s*<a:srgbClr val=")[0-9A-F]{6}', r"\g<1>C00000", theme).encode()
    two_masters(workdir / "looks.pptx", first_keeps=first, second_keeps=(4,), base=base, second_theme=other)
    lines = run_cli(["template", "check", "looks.pptx"], workdir).lines
    assert lines[1].endswith("— the deck's master: 10 layouts: 'Title Slide', 'Title and Content', 'Section Header', "
                             "'Comparison', 'Title Only', 'Blank', 'Content with Caption', 'Picture with Caption', "
                             "'Title and Vertical Text', 'Vertical Title and Text'")
    assert "  columns     master 1 'Content with Caption' (shape; title=0, left=2, right=1)" in lines
    _build(workdir, "looks.pptx")
    assert _masters_used(workdir / "build" / "o.pptx") == {"/ppt/slideMasters/slideMaster1.xml"}


def test_libreoffice_placeholders_without_idx_keep_titles_in_title_placeholders(workdir: Path) -> None:
    """LibreOffice writes <p:ph type="title"/> and <p:ph type="body"/> (both idx 0 by the spec's
    default), ONLYOFFICE idx="4294967295" on both: each placeholder gets its own idx, so every
    slide's title is in its title placeholder (python-pptx: idx 0; pandoc: type title)."""
    libre = sub(r'<p:ph idx="1"/>', '<p:ph type="body"/>')
    office = sub(r'<p:ph type="ctrTitle"/>', '<p:ph type="ctrTitle" idx="4294967295"/>')
    variant(workdir / "lo.pptx", {
        "ppt/slideLayouts/slideLayout2.xml": libre,
        "ppt/slideLayouts/slideLayout1.xml": lambda d: office(d).replace(b'<p:ph type="subTitle" idx="1"/>',
                                                                           b'<p:ph type="subTitle" idx="4294967295"/>')})
    facts = _build(workdir, "lo.pptx")
    deck = Presentation(str(workdir / "build" / "o.pptx"))
    for fact, slide in zip(facts, deck.slides):
        assert slide.shapes.title.placeholder_format.type.xml_value in ("title", "ctrTitle")
        assert fact.title == slide.shapes.title.text_frame.text and fact.title
    assert facts[3].title == "1. x" and "một" in " ".join(facts[3].texts)
    assert facts[0].title == "T"
    with zipfile.ZipFile(workdir / "build" / "o.pptx") as archive:
        layout = archive.read("ppt/slideLayouts/slideLayout2.xml").decode()
    assert '<p:ph type="title"/>' in layout and re.search(r'<p:ph type="body" idx="[1-9]\d*"/>', layout)


def test_vertical_text_layouts_are_never_used(workdir: Path) -> None:
    """With Title and Content gone, the vertical-text layouts are the only other "title and body"
    ones: bullets go onto Two Content or are drawn, never into text that runs down the slide."""
    variant(workdir / "vert.pptx", {f"ppt/slideLayouts/slideLayout{n}.xml": None for n in (2, 3, 4, 5, 8)})
    facts = _build(workdir, "vert.pptx")
    assert not {f.layout for f in facts} & {"Title and Vertical Text", "Vertical Title and Text"}
    assert facts[3].layout == "Title Only"


def test_a_dark_template_whose_text_styles_say_black_gets_a_warning(workdir: Path) -> None:
    """Text would not stand out from its background: the build warns, naming the layouts."""
    dark = sub(r'<p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>',
               '<p:bg><p:bgPr><a:solidFill><a:srgbClr val="1A1A1A"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>')
    variant(workdir / "dark.pptx", {"ppt/slideMasters/slideMaster1.xml": dark})
    (workdir / "o.yaml").write_text(OUTLINE, encoding="utf-8")
    run = run_cli(["build", "o.yaml", "--template", "dark.pptx"], workdir)
    assert run.exit_code == 0
    assert ("warning: template dark.pptx: title text #000000 on #1A1A1A has a contrast of 1.2:1 (below 3:1) on "
            "'Title Slide', 'Title and Content', 'Section Header' and 4 more: it may not be readable") in run.output
    assert "body text (level 1, 2, 3, 4, 5) #000000 on #1A1A1A" in run.output


def test_titles_set_to_run_down_the_slide_are_still_titles(workdir: Path) -> None:
    """Some templates set every title vertical, beside the content: those layouts are used, and
    each slide's title is in its title placeholder."""
    vertical = sub(r'(type="title"/></p:nvPr></p:nvSpPr><p:spPr>).*?(</p:spPr><p:txBody><a:bodyPr) vert="horz"',
                   r'\g<1><a:xfrm><a:off x="8229600" y="274638"/><a:ext cx="685800" cy="6126162"/></a:xfrm>'
                   r'\g<2> vert="vert"', 1)
    variant(workdir / "vt.pptx", {"ppt/slideMasters/slideMaster1.xml": vertical})
    facts = _build(workdir, "vt.pptx")
    assert facts[3].layout == "Title and Content" and facts[3].title == "1. x"
    deck = Presentation(str(workdir / "build" / "o.pptx"))
    assert all(s.shapes.title.placeholder_format.type.xml_value in ("title", "ctrTitle") for s in deck.slides)
