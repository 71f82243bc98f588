"""Loading an outline file: bytes → text → located data → includes → templates → typed model.

The file's suffix picks the reader (YAML, or Markdown for .md and .markdown); both give the same
plain data and SourceMap, so everything after this point is the same for either.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, display_path
from ..model.outline import Outline
from ..project import project_root
from ..records import record
from ..source import SourceMap
from .include import expand_includes
from .source import read_text
from .validate import validate_outline
from .variables import collect_variables
from .yaml_tree import parse_yaml

MARKDOWN_SUFFIXES = (".md", ".markdown")


@record
class LoadedOutline:
    """A validated outline with what later stages need to report problems and find files."""

    outline: Outline
    locator: SourceMap
    path: Path          # the outline file
    base_dir: Path      # relative image and data paths resolve against this
    project_dir: Path   # files an outline names must lie inside it
    warnings: tuple[Diagnostic, ...] = ()
    inputs: tuple[Path, ...] = ()   # every file read: the outline, its includes and data files

    @property
    def name(self) -> str:
        return self.path.stem


def has_templates(node: Any) -> bool:
    if isinstance(node, str):
        return "{{" in node or "{%" in node
    if isinstance(node, dict):
        return any(has_templates(v) for v in node.values())
    if isinstance(node, list):
        return any(has_templates(v) for v in node)
    return False


def parse_outline(path: Path, text: str, shown: str, warnings: list[Diagnostic]) -> tuple[Any, SourceMap]:
    """The plain data and source map of an outline file's text, read by the reader its suffix names."""
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        from .markdown import read_markdown  # markdown-it loads only for Markdown outlines

        return read_markdown(text, shown, path.resolve().parent, warnings)
    return parse_yaml(text, shown)


def load_outline(path: Path | str, variables: Mapping[str, Any] | None = None,
                 data_files: Mapping[str, Any] | None = None) -> LoadedOutline:
    """Read, parse, expand and validate an outline; raise OutlineError naming file:line:col.

    ``variables`` and ``data_files`` (``--var`` and ``--data``, or values from Python) override
    the outline's own ``vars:`` and ``data:``.
    """
    path = Path(path)
    shown = display_path(path)
    warnings: list[Diagnostic] = []
    inputs: list[Path] = [path.resolve()]
    text = read_text(path, warnings)
    data, source_map = parse_outline(path, text, shown, warnings)
    base_dir = path.resolve().parent
    project = project_root(base_dir)
    data, source_map = expand_includes(data, source_map, path, project, warnings, inputs)
    # Data given as a file path is read like --data; data given as Python values is used as is.
    files = {k: str(v) for k, v in (data_files or {}).items() if isinstance(v, (str, os.PathLike))}
    names = collect_variables(data, source_map, base_dir, project, {}, files, inputs)
    names.update({k: v for k, v in (data_files or {}).items() if k not in files})
    names.update(variables or {})
    if has_templates(data):
        from .templating import expand  # Jinja2 loads only for outlines that use it

        data = expand(data, names, source_map)
    outline = validate_outline(data, source_map)
    return LoadedOutline(outline, source_map, path, base_dir, project, tuple(warnings), tuple(inputs))
