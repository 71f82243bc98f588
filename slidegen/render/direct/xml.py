"""XML text as lxml writes it: the declaration, escaping of text and of attribute values.

python-pptx serialises every part with lxml (``etree.tostring(..., encoding="UTF-8",
standalone=True)``), so the bytes the direct writer must reproduce are lxml's: characters are
written as UTF-8, text escapes ``& < >`` and carriage returns, attribute values (always in
double quotes) also escape ``"`` and the whitespace characters that attribute normalisation
would otherwise change. Each string is escaped exactly once, where it is written.
"""

from __future__ import annotations

#: The declaration lxml writes for a standalone UTF-8 part.
DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"

NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: The namespace declarations python-pptx gives a new slide or notes slide, in its order.
SLIDE_NS = f'xmlns:a="{NS_A}" xmlns:p="{NS_P}" xmlns:r="{NS_R}"'

_TEXT_SPECIAL = ("&", "<", ">", "\r")
_ATTR_SPECIAL = ("&", "<", ">", '"', "\n", "\r", "\t")


def text(value: str) -> str:
    """``value`` as element content."""
    if not any(ch in value for ch in _TEXT_SPECIAL):
        return value
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def attr(value: str) -> str:
    """``value`` as the inside of a double-quoted attribute value."""
    if not any(ch in value for ch in _ATTR_SPECIAL):
        return value
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))


def quoteattr(value: str) -> str:
    """``xml.sax.saxutils.quoteattr`` (which slidegen's relationship and content-types writers
    use), without importing xml.sax: it pulls in urllib, http and ssl, a tenth of a small build."""
    value = (value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
             .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"{}"'.format(value.replace('"', "&quot;"))


def element(tag: str, attributes: str = "", inner: str = "") -> str:
    """``<tag attributes>inner</tag>``, or ``<tag attributes/>`` when empty, as lxml writes it.
    ``attributes`` is already written (with its leading space)."""
    return f"<{tag}{attributes}>{inner}</{tag}>" if inner else f"<{tag}{attributes}/>"
