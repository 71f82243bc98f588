"""Reading an outline file's bytes into text, refusing what is not a text outline.

YAML parsers accept surprising input (binary noise, other encodings decoded wrongly). Checking
here gives the author one precise message instead of a confusing parse error later.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import Diagnostic, OutlineError, SourceLocation, display_path

#: Outlines are hand-written text; anything larger is a mistake (or an attack on the parser).
MAX_OUTLINE_BYTES = 2 * 1024 * 1024

_BOM = b"\xef\xbb\xbf"
# Control characters XML (and YAML) cannot hold; Word pastes U+000B for a line break.
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_text(path: Path, warnings: list[Diagnostic] | None = None) -> str:
    """The file's text, NFC-normalised, without a UTF-8 byte-order mark and without control
    characters (each removal is reported in ``warnings``, when given)."""
    shown = display_path(path)
    if not path.exists():
        raise OutlineError(f"file not found: {shown}")
    if path.is_dir():
        raise OutlineError(f"{shown} is a directory; give an outline file such as decks/awgipc.yaml")
    try:
        size = path.stat().st_size
        if size > MAX_OUTLINE_BYTES:
            raise OutlineError(
                f"outline is {size:,} bytes; the limit is {MAX_OUTLINE_BYTES:,} bytes",
                SourceLocation(shown))
        data = path.read_bytes()
    except OSError as exc:
        raise OutlineError(f"cannot read {shown}: {exc.strerror or exc}") from None
    text = decode(data, shown)
    return _strip_controls(text, shown, warnings)


def _strip_controls(text: str, shown: str, warnings: list[Diagnostic] | None) -> str:
    found = list(_CONTROL.finditer(text))
    if not found:
        return text
    if warnings is not None:
        first = found[0].start()
        line = text.count("\n", 0, first) + 1
        column = first - (text.rfind("\n", 0, first) + 1) + 1
        warnings.append(Diagnostic(
            f"removed {len(found)} control character(s) (U+{ord(found[0].group()):04X} …) that a .pptx "
            "cannot hold; often pasted from Word", SourceLocation(shown, line, column)))
    return _CONTROL.sub("", text)


def decode(data: bytes, shown: str) -> str:
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise OutlineError("binary file (NUL byte); an outline is UTF-8 YAML text",
                           SourceLocation(shown, line))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise OutlineError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}){_guess_encoding(data)}; "
            "save the file as UTF-8", SourceLocation(shown, line, column)) from None
    return unicodedata.normalize("NFC", text)


def _guess_encoding(data: bytes) -> str:
    """Name the legacy encoding a Vietnamese file was most likely saved in, if one fits."""
    for codec, label in (("cp1258", "Windows-1258 (Vietnamese)"), ("cp1252", "Windows-1252")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        vietnamese = sum(1 for ch in unicodedata.normalize("NFC", text) if _is_vietnamese_letter(ch))
        if codec == "cp1258" and vietnamese:
            return f"; it looks like {label}"
        if codec == "cp1252":
            return f"; it looks like {label}"
    return ""


def has_vietnamese(text: str) -> bool:
    """Whether ``text`` holds a letter only Vietnamese uses (ă, đ, ơ, ạ …): how readers of
    foreign files (pandoc Markdown, pasted outlines) tell a Vietnamese text from an English one."""
    return any(_is_vietnamese_letter(ch) for ch in text)


def _is_vietnamese_letter(ch: str) -> bool:
    return ch in "ăâđêôơưĂÂĐÊÔƠƯ" or (
        "\u1ea0" <= ch <= "\u1ef9")  # Latin Extended Additional: Ạ … ỹ
