"""Building a SourceMap piece by piece, for readers that are not YAML (Markdown, .pptx import).

A reader builds each part of the outline (a slide, an item) with paths relative to that part, then
grafts it under its final path once its position is known. YAML embedded in another file (front
matter, a fenced block) is parsed by the YAML reader and shifted to the lines it occupies there.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from ..errors import Diagnostic, OutlineError
from ..records import record
from ..source import SourceLocation
from .yaml_tree import parse_yaml
from ..source import DataPath, SourceMap


@record(frozen=False)
class Located:
    """Locations of values and keys, by path relative to some part of an outline."""

    values: dict[DataPath, SourceLocation] = field(default_factory=dict)
    keys: dict[DataPath, SourceLocation] = field(default_factory=dict)

    def value(self, path: DataPath, where: SourceLocation) -> None:
        self.values.setdefault(tuple(path), where)

    def key(self, path: DataPath, where: SourceLocation) -> None:
        """Where the key naming ``path`` was written (and its value, unless already known)."""
        self.keys.setdefault(tuple(path), where)
        self.values.setdefault(tuple(path), where)

    def graft(self, prefix: DataPath, other: "Located") -> None:
        for path, where in other.values.items():
            self.values.setdefault(tuple(prefix) + path, where)
        for path, where in other.keys.items():
            self.keys.setdefault(tuple(prefix) + path, where)

    def source_map(self, file: str) -> SourceMap:
        return SourceMap(file, dict(self.values), dict(self.keys))


def shift(where: SourceLocation | None, lines: int, columns: int) -> SourceLocation | None:
    if where is None or where.line <= 0:
        return where
    return SourceLocation(where.file, where.line + lines, where.column + columns if where.column > 0 else 0)


def yaml_at(text: str, file: str, first_line: int, indent: int = 0) -> tuple[Any, Located]:
    """Parse YAML that starts on ``first_line`` (1-based) of ``file``, ``indent`` columns in;
    every location, including those of errors, names the line in ``file``."""
    lines, columns = first_line - 1, indent
    try:
        data, source_map = parse_yaml(text, file)
    except OutlineError as error:
        moved = [Diagnostic(d.message, shift(d.location, lines, columns)) for d in error.diagnostics]
        raise OutlineError.many(moved) from None
    located = Located()
    for path, where in source_map.values.items():
        located.values[path] = shift(where, lines, columns)  # type: ignore[assignment]
    for path, where in source_map.keys.items():
        located.keys[path] = shift(where, lines, columns)  # type: ignore[assignment]
    return data, located
