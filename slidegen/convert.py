"""``slidegen convert A B``: a YAML outline as Markdown, or a Markdown outline as YAML.

The outline is first loaded as a build would load it (so a broken outline is reported, with its
lines, before anything is written); what is converted is the data as written — templates,
data files and included slides stay as they are. Sections or items included from other files
are written in place in Markdown (Markdown has no include for them), with a warning. YAML
comments do not survive (a warning says so). The target is never overwritten.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .errors import Diagnostic, OutlineError, OutputError, display_path
from .records import record
from .source import SourceLocation, SourceMap
from .outline.load import MARKDOWN_SUFFIXES, load_outline
from .outline.source import read_text
from .outline.yaml_tree import parse_yaml
from .output import write_new_file

YAML_SUFFIXES = (".yaml", ".yml")


@record
class Converted:
    """An outline written in another format: where from, where to, and what did not carry over."""

    source: Path
    target: Path
    warnings: tuple[Diagnostic, ...]


def outline_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "md"
    if suffix in YAML_SUFFIXES:
        return "yaml"
    raise OutlineError(f"{display_path(path)}: an outline file ends in .yaml, .yml, .md or .markdown")


def read_raw(path: Path, warnings: list[Diagnostic]) -> tuple[Any, SourceMap]:
    """The outline's data as written (no includes, no templates, picture paths unchecked)."""
    shown = display_path(path)
    text = read_text(path, warnings)
    if outline_format(path) == "md":
        from .outline.markdown import read_markdown

        return read_markdown(text, shown, None, warnings)
    if any(line.lstrip().startswith("#") for line in text.splitlines()):
        warnings.append(Diagnostic("YAML comments are not carried into the converted outline",
                                   SourceLocation(shown)))
    return parse_yaml(text, shown)


def render_outline(data: Any, target_format: str, header: str = "") -> str:
    if target_format == "md":
        from .outline.write_markdown import write_markdown

        return write_markdown(data, header)
    from .outline.write_yaml import write_yaml

    return write_yaml(data, header)


def convert(source: Path, target: Path) -> Converted:
    """Write ``source`` (YAML or Markdown) as ``target`` in the format its suffix names."""
    target_format = outline_format(target)
    outline_format(source)
    if target.exists():
        raise OutputError(f"{display_path(target)} already exists; convert never overwrites a file")
    loaded = load_outline(source)  # reports errors with their lines before anything is written
    warnings: list[Diagnostic] = []
    data, source_map = read_raw(source, warnings)
    if target_format == "md" and _has_outer_includes(data):
        from .outline.include import expand_includes
        from .project import project_root

        data, _ = expand_includes(data, source_map, source, project_root(source.resolve().parent), warnings, [])
        warnings.append(Diagnostic("sections or items included from other files are written in place: "
                                   "Markdown has no include for them", SourceLocation(display_path(source))))
    data = rebase_paths(data, source.resolve().parent, target.resolve().parent)
    header = f"Converted from {source.name} by slidegen convert. Build it with: slidegen build {display_path(target)}"
    write_new_file(target, render_outline(data, target_format, header))
    return Converted(source, target, tuple(loaded.warnings) + tuple(warnings))


def _has_outer_includes(data: Any) -> bool:
    sections = data.get("sections") if isinstance(data, dict) else None
    for section in sections or []:
        if isinstance(section, dict) and "include" in section:
            return True
        for item in (section.get("items") or []) if isinstance(section, dict) else []:
            if isinstance(item, dict) and "include" in item:
                return True
    return False


def rebase_paths(data: Any, old: Path, new: Path) -> Any:
    """The outline with its relative file paths (pictures, data files, includes, template)
    rewritten to point at the same files from folder ``new`` instead of ``old``."""
    if old == new:
        return data

    def move(value: Any) -> Any:
        if not isinstance(value, str) or not value or "{{" in value or "://" in value or Path(value).is_absolute():
            return value
        return Path(os.path.relpath(old / value, new)).as_posix()

    def walk(node: Any, key: Any = None, parent: Any = None) -> Any:
        if isinstance(node, dict):
            out = {}
            for k, v in node.items():
                if k in ("path", "include", "template") and isinstance(v, str):
                    out[k] = move(v)
                elif k == "data" and parent is None and isinstance(v, dict):
                    out[k] = {name: move(p) for name, p in v.items()}
                else:
                    out[k] = walk(v, k, node)
            return out
        if isinstance(node, list):
            return [walk(v, key, node) for v in node]
        return node

    return walk(data)
