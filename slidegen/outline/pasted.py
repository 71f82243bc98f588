"""A pasted "Nội dung" outline as a starter outline: Roman-numbered parts, numbered items.

Text copied from an article or a Word document arrives in many shapes; this reads the ones seen
in practice: one entry per line or several on one line ("I. Part (1. A 2. B)"), "1." "1)" "1/"
"1 -" "(1)" numbering, "Phần I:" prefixes, bullets and bold marks around entries, titles wrapped
over two lines, a "Nội dung:" heading, and a title (and subtitle) line before the first entry.
Parts written without a Roman number are found where the item numbers start again at 1. Lines
under an item ("- …", "a) …") become hints in the item's ``todo``. A number is taken as the next
entry only when it is the number expected next, so "nhiệm kỳ 2019-2021" or "Kế hoạch 2.0" inside
a title stays text.
"""

from __future__ import annotations

import re
from dataclasses import field

from ..errors import Diagnostic, OutlineError
from ..records import record
from ..source import SourceLocation
from .numbering import roman_value

_ROMAN = r"X{0,3}(?:IX|IV|V?I{0,3})"
_BEFORE = r"(?:^|(?<=[\s(;,]))"
_AFTER = r"(?=[^\d\s]|\s+\S)"      # "1.Cơ chế" and "1. Cơ chế", not "2.0"
_PART = re.compile(rf"{_BEFORE}(?:(?:phần|part|chương)\s+(?P<arabic>\d{{1,2}})|(?:(?:phần|part|chương)\s+)?"
                   rf"(?P<roman>{_ROMAN}))\s*[.):\-–—/]\s*{_AFTER}", re.I)
_ITEM = re.compile(rf"{_BEFORE}\(?(?P<num>\d{{1,2}})\s*[.):\-–—/]\s*{_AFTER}")
_HEADER = re.compile(r"^(?:nội dung|nội dung chính|mục lục|contents|outline|agenda)\s*:?$", re.I)
_HINT = re.compile(r"^(?:[-+•·▪○◦*–]|[a-zđ]\s*[.)])\s+\S")
_DECORATION = re.compile(r"^[\s*_#>•·▪○◦+\-–]*(?=\S)")


@record(frozen=False)
class PastedItem:
    """A numbered item of a pasted outline, with hints of its content."""

    title: str
    line: int
    hints: list[str] = field(default_factory=list)


@record(frozen=False)
class PastedPart:
    """A Roman-numbered part of a pasted outline and its items."""

    title: str
    line: int
    items: list[PastedItem] = field(default_factory=list)


@record(frozen=False)
class PastedOutline:
    """A pasted "Nội dung" outline read as parts and items."""

    title: str | None = None
    subtitle: str | None = None
    parts: list[PastedPart] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.out = PastedOutline()
        self.last: PastedPart | PastedItem | None = None
        self.loose_line = 0          # the line of the last loose hint (a part title, maybe)
        self.restarted = False

    def line(self, raw: str, number: int) -> None:
        text = raw.replace("\u00a0", " ").replace("\t", " ").replace("\u200b", "").strip()
        if not text or _HEADER.match(text.strip("*_ ")):
            return
        head, entries = self._split(_DECORATION.sub("", text))
        if not entries and _HINT.match(text) and isinstance(self.last, PastedItem):
            self.last.hints.append(_tidy(_DECORATION.sub("", text[1:] if text[0] in "-+•·▪○◦*–" else text)))
            self.loose_line = 0
            return
        if head:
            self._loose(_tidy(head), number)
        for kind, title in entries:
            self._entry(kind, _tidy(title), number)

    def _split(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """The text before the first entry, and the entries (kind, title) of the line."""
        found: list[tuple[int, int, str, int]] = []
        parts = len(self.out.parts)
        items = len(self.out.parts[-1].items) if self.out.parts else 0
        position = 0
        while True:
            marker = _next(text, position, parts + 1, items + 1)
            if marker is None:
                break
            found.append(marker)
            position = marker[1]
            parts, items = (parts + 1, 0) if marker[2] == "part" else (parts, 1 if marker[2] == "restart" else items + 1)
        head = text[:found[0][0]] if found else text
        entries = [(kind, text[end:found[n + 1][0] if n + 1 < len(found) else len(text)])
                   for n, (_, end, kind, _) in enumerate(found)]
        return head.strip(), entries

    def _loose(self, text: str, number: int) -> None:
        """Text that is no entry: the title, the subtitle, a wrapped title, or a hint."""
        if not text or _HEADER.match(text):
            return
        if self.last is None:
            if self.out.title is None:
                self.out.title = text
            elif self.out.subtitle is None:
                self.out.subtitle = text
            else:
                self.out.warnings.append(Diagnostic(f"line before the first part is not carried: {text!r}",
                                                    SourceLocation(self.file, number, 1)))
        elif text[:1].islower() or text[:1] in "(–-" or isinstance(self.last, PastedPart):
            self.last.title = f"{self.last.title} {text}".strip()
        else:
            self.last.hints.append(text)
            self.loose_line = number

    def _entry(self, kind: str, title: str, number: int) -> None:
        if kind == "part":
            self.last = PastedPart(title, number)
            self.out.parts.append(self.last)
            return
        part = self.out.parts[-1] if self.out.parts else None
        if part is None or (kind == "restart" and part.items):
            part = self._implicit_part(number)
        self.last = PastedItem(title, number)
        part.items.append(self.last)

    def _implicit_part(self, number: int) -> PastedPart:
        """Items numbered from 1 again without a Roman number: a new part, titled by the line
        written just before (taken back from the previous item's hints)."""
        title = ""
        last = self.last
        if self.out.parts and isinstance(last, PastedItem) and last.hints and self.loose_line == number - 1:
            title = last.hints.pop()
            self.restarted = True
        part = PastedPart(title, number)
        self.out.parts.append(part)
        return part


def _next(text: str, position: int, part: int, item: int) -> tuple[int, int, str, int] | None:
    """The first entry marker at or after ``position``: the next part, the next item, or an item
    numbered 1 (numbering started again)."""
    best: tuple[int, int, str, int] | None = None
    for match in _PART.finditer(text, position):
        numeral = match.group("arabic") or match.group("roman")
        if not numeral or (match.group("roman") and numeral.upper() != numeral):
            continue
        value = int(numeral) if numeral.isdigit() else roman_value(numeral)
        if value == part:
            best = (match.start(), match.end(), "part", value)
            break
    for match in _ITEM.finditer(text, position):
        value = int(match.group("num"))
        if value in (item, 1) and (best is None or match.start() < best[0]):
            kind = "restart" if value == 1 and item != 1 else "item"
            best = (match.start(), match.end(), kind, value)
            break
    return best


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" *_")
    text = re.sub(r"^\((.*)\)$", r"\1", text)
    text = text.rstrip(" (;,:").rstrip()
    if text.endswith(")") and text.count("(") < text.count(")"):
        text = text[:-1].rstrip()
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


def read_pasted(text: str, file: str) -> PastedOutline:
    """The parts and items of a pasted outline; raise OutlineError when there are none."""
    reader = _Reader(file)
    for number, line in enumerate(text.splitlines(), start=1):
        reader.line(line, number)
    out = reader.out
    if not any(part.items for part in out.parts):
        raise OutlineError("no numbered items found; paste the outline with parts and items such as "
                           "'I. Hợp tác ASEAN về SHTT' and '1. Cơ chế hợp tác', one per line",
                           SourceLocation(file, 1, 1))
    if out.parts and not out.parts[0].title and reader.restarted and out.subtitle:
        out.parts[0].title, out.subtitle = out.subtitle, None  # the line before item 1 titled part one
    for part in out.parts:
        if not part.items:
            out.warnings.append(Diagnostic(f"part '{part.title}' has no numbered items; it gets one item to "
                                           "complete", SourceLocation(file, part.line, 1)))
    return out
