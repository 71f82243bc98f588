"""Reading an outline file's bytes into text, refusing what is not a text outline.

YAML parsers accept surprising input (binary noise, other encodings decoded wrongly). Checking
here gives the author one precise message instead of a confusing parse error later.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from ..errors import Diagnostic, OutlineError, display_path
from ..source import SourceLocation

#: Outlines are hand-written text; anything larger is a mistake (or an attack on the parser).
MAX_OUTLINE_BYTES = 2 * 1024 * 1024

_BOM = b"\xef\xbb\xbf"
# Control characters XML (and YAML) cannot hold; Word pastes U+000B for a line break.
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_text(path: Path, warnings: list[Diagnostic] | None = None, limit: int = MAX_OUTLINE_BYTES,
              what: str = "outline") -> str:
    """The file's text, NFC-normalised, without a UTF-8 byte-order mark and without control
    characters (each removal is reported in ``warnings``, when given)."""
    shown = display_path(path)
    text = decode(read_bounded(path, limit, what), shown, what)
    return _strip_controls(text, shown, warnings)


def read_bounded(path: Path, limit: int, what: str = "outline") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else one OutlineError.

    Only regular files are opened: a FIFO would block the build forever, and a device
    (``/dev/zero``, or a link to it) would be read until memory runs out. The size is checked
    from ``stat`` first and then again while reading (at most ``limit + 1`` bytes are read), as
    a file can grow, or be swapped for another, between the two."""
    shown = display_path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise OutlineError(f"file not found: {shown}") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL character in the path
        raise OutlineError(f"cannot read {shown}: {getattr(exc, 'strerror', None) or exc}") from None
    a_what = f"{'an' if what[:1] in 'aeiou' else 'a'} {what}"
    if stat.S_ISDIR(info.st_mode):
        raise OutlineError(f"{shown} is a directory; give an outline file such as decks/awgipc.yaml"
                           if what == "outline" else f"{shown} is a directory, not {a_what}")
    if not stat.S_ISREG(info.st_mode):
        raise OutlineError(f"{shown} is not a regular file ({_kind(info.st_mode)}); give {a_what} saved on disk")
    if info.st_size > limit:
        raise OutlineError(f"{what} is {info.st_size:,} bytes; the limit is {limit:,} bytes", SourceLocation(shown))
    try:
        # O_NONBLOCK: should the path have become a FIFO since stat, opening it does not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OutlineError(f"{shown} is not a regular file; give {a_what} saved on disk")
            chunks, remaining = [], limit + 1
            while remaining > 0:
                chunk = os.read(fd, min(remaining, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                remaining -= len(chunk)
        finally:
            os.close(fd)
    except OSError as exc:
        raise OutlineError(f"cannot read {shown}: {exc.strerror or exc}") from None
    data = b"".join(chunks)
    if len(data) > limit:
        raise OutlineError(f"{what} is more than {limit:,} bytes (it grew while being read)", SourceLocation(shown))
    return data


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a plain file"


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


def decode(data: bytes, shown: str, what: str = "outline") -> str:
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise OutlineError("binary file (NUL byte); an outline is UTF-8 YAML text" if what == "outline" else
                           f"binary file (NUL byte); a {what} is UTF-8 text", SourceLocation(shown, line))
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
