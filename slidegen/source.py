"""Where a value came from: file:line:col for outline files, a data path for data built in memory.

Every layer reports problems against the place the author wrote them. Readers (YAML, Markdown,
.pptx import) record a :class:`SourceMap`; data handed over from Python gets a
:class:`DataLocator`, which names the path inside the data
(``sections[1].items[3].slides[0].bullets[2]``). Later stages only ever ask a :class:`Locator`.
"""

from __future__ import annotations

from dataclasses import field
from typing import NamedTuple, Protocol

from .records import record

#: A path from the root of the outline data: mapping keys and sequence indices.
DataPath = tuple[str | int, ...]


class SourceLocation(NamedTuple):
    """A point in a source. ``line`` and ``column`` are 1-based, as editors show them; a location
    without a line names a file, or a path inside data given from Python. (A named tuple: the
    YAML reader makes one for every value and key, and a tuple is made several times faster
    than a frozen dataclass.)"""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        if self.column <= 0:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


class Locator(Protocol):
    """Answers "where was the value at this data path written?"."""

    def at(self, path: DataPath) -> SourceLocation: ...

    def key_at(self, path: DataPath) -> SourceLocation: ...

    def text_at(self, path: DataPath) -> str | None: ...


@record(frozen=False)
class SourceMap:
    """Where each value (and each mapping key) of a document was written, and the source text of
    plain scalars the reader turned into something else than text (``NO`` → false, ``1.50`` →
    1.5, ``2019-11-11`` → a date): a text field gets the author's own characters back."""

    file: str
    values: dict[DataPath, SourceLocation] = field(default_factory=dict)
    keys: dict[DataPath, SourceLocation] = field(default_factory=dict)
    texts: dict[DataPath, str] = field(default_factory=dict)

    def at(self, path: DataPath) -> SourceLocation:
        """The location of the value at ``path``, or of its nearest written ancestor."""
        for end in range(len(path), -1, -1):
            found = self.values.get(tuple(path[:end]))
            if found is not None:
                return found
        return SourceLocation(self.file, 1, 1)

    def key_at(self, path: DataPath) -> SourceLocation:
        """The location of the key that names ``path`` (for unknown or misplaced keys)."""
        return self.keys.get(tuple(path)) or self.at(path)

    def text_at(self, path: DataPath) -> str | None:
        return self.texts.get(tuple(path))


def format_path(path: DataPath) -> str:
    """``('sections', 1, 'items', 3)`` → ``sections[1].items[3]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "outline"


@record
class DataLocator:
    """Locations for outline data built in Python: the data path itself, optionally prefixed."""

    label: str = ""

    def at(self, path: DataPath) -> SourceLocation:
        shown = format_path(path)
        return SourceLocation(f"{self.label}: {shown}" if self.label else shown)

    def key_at(self, path: DataPath) -> SourceLocation:
        return self.at(path)

    def text_at(self, path: DataPath) -> str | None:
        return None
