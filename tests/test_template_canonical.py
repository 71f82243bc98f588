"""A compiled template's parts are written exactly as python-pptx writes them back, so the direct
writer can copy them; and the lxml-free pieces that make them agree with lxml."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from conftest import DECKS
from slidegen.render.direct import dom
from slidegen.render.template import compile_template
from slidegen.render.template.package import _pptx_template, template_parts, theme_xml
from slidegen.theme.registry import load_theme

#: Parts python-pptx parses and serialises again (every other part it copies as bytes).
_REWRITTEN = ("presentation.main+xml", "slideMaster+xml", "slideLayout+xml", "notesMaster+xml",
              "core-properties+xml")


def _lxml_round_trip(blob: bytes) -> bytes:
    from pptx.opc.oxml import serialize_part_xml
    from pptx.oxml import parse_xml

    return serialize_part_xml(parse_xml(blob))


@pytest.mark.parametrize("name", ["formal", "dark", "minimal"])
def test_rewritten_parts_are_canonical(name: str) -> None:
    compiled = template_parts(load_theme(name, DECKS, []))
    rewritten = [p for p in compiled.parts if p.content_type and p.content_type.endswith(_REWRITTEN)]
    assert len(rewritten) == 4 + sum(1 for p in compiled.parts if "slideLayouts/" in p.name)
    for part in rewritten:
        assert _lxml_round_trip(part.blob) == part.blob, part.name


@pytest.mark.parametrize("name", ["formal", "dark", "minimal"])
def test_compiled_zip_holds_the_parts(name: str) -> None:
    theme = load_theme(name, DECKS, [])
    compiled = template_parts(theme)
    with zipfile.ZipFile(io.BytesIO(compile_template(theme))) as archive:
        for part in compiled.parts:
            assert archive.read(part.name) == part.blob


def _lxml_theme(theme_name: str, colors: dict[str, str], major: str, minor: str) -> bytes:
    """The theme part as the compiler wrote it with lxml before it stopped importing lxml."""
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    root = etree.fromstring(_pptx_template("theme.xml"))
    root.set("name", theme_name)
    elements = root.find(f"{{{a}}}themeElements")
    clr = elements.find(f"{{{a}}}clrScheme")
    clr.set("name", theme_name)
    for child in list(clr):
        clr.remove(child)
    for slot, value in colors.items():
        etree.SubElement(etree.SubElement(clr, f"{{{a}}}{slot}"), f"{{{a}}}srgbClr", val=value)
    fonts = elements.find(f"{{{a}}}fontScheme")
    fonts.set("name", theme_name)
    for child in list(fonts):
        fonts.remove(child)
    for tag, face in (("majorFont", major), ("minorFont", minor)):
        group = etree.SubElement(fonts, f"{{{a}}}{tag}")
        etree.SubElement(group, f"{{{a}}}latin", typeface=face)
        etree.SubElement(group, f"{{{a}}}ea", typeface="")
        etree.SubElement(group, f"{{{a}}}cs", typeface="")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@pytest.mark.parametrize("theme_name", ["formal", "dark", 'Cục "SHTT" & <đối tác>\t\'1\''])
def test_theme_part_is_what_lxml_wrote(theme_name: str) -> None:
    theme = load_theme("formal" if theme_name != "dark" else "dark", DECKS, [])
    theme = dataclasses.replace(theme, name=theme_name)
    colors = {slot: getattr(theme.colors, slot) for slot in
              ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
               "hlink", "folHlink")}
    assert theme_xml(theme) == _lxml_theme(theme_name, colors, theme.fonts.major, theme.fonts.minor)


@pytest.mark.parametrize("xml", [
    b"<a x='1' xmlns:q='u'>\n  <b/>\n  <c>  </c>\n  <d>t &amp; &lt;u&gt; &#13;</d>\n</a>",
    b'<a v="&#10;&#9;x&quot;&apos;&gt;&lt;&amp;"><b><![CDATA[ <x> ]]></b><!-- note --> <?pi data?> </a>',
    b'<a xml:space="preserve"> <b> <c/> </b> </a>',
    b"<a>&#32;</a>",
    "<a:t xmlns:a='urn:a'>Tiếng Việt\u00a0\u2028</a:t>".encode(),
])
def test_dom_writes_what_python_pptx_writes(xml: bytes) -> None:
    assert dom.canonical(xml) == _lxml_round_trip(xml)


@pytest.mark.parametrize("xml", [b"<a>x<b/></a>", b"<a><b/>\r\n<c/></a>", b"<a><b/>&#32;<c/></a>",
                                 b"<!DOCTYPE a><a/>", b"<a>"])
def test_dom_refuses_what_it_cannot_reproduce(xml: bytes) -> None:
    with pytest.raises(dom.Unsupported):
        dom.canonical(xml)


@given(st.text(st.sampled_from(list("ab\"'&<>\n\r\tđ ")), max_size=12))
def test_quoteattr_is_the_standard_librarys(value: str) -> None:
    from xml.sax.saxutils import quoteattr as standard

    from slidegen.render.direct.xml import quoteattr

    assert quoteattr(value) == standard(value)
