"""``include:`` — pulling sections, items or slides in from other outline files.

In any list, an entry ``{include: path}`` is replaced by the included file's content: a mapping
becomes one entry, a list is spliced in. Paths are relative to the including file and must stay
inside the project folder (:func:`slidegen.project.inside_project`); include loops are errors.
Every value keeps the location of the file and line it was written on.

Includes are bounded in depth and in *expansion*: a few small files that each include the next
several times multiply exponentially, so inclusions are counted (each time a file is included
counts, not each file) and so are the values they produce, and the expansion fails as soon as
either passes its limit. A file included many times is read and parsed once.

* ``MAX_INCLUDE_DEPTH`` — 16 files nested in each other.
* ``MAX_INCLUSIONS`` — 1,000 inclusions in all (a deck of a thousand parts is far beyond any
  real one; ten files each included ten times at three levels already make a thousand).
* ``MAX_EXPANDED_VALUES`` — 100,000 values after expansion, the same bound as one YAML
  document's (``yaml_tree.MAX_NODES``).
* ``MAX_EXPANDED_CHARS`` — 4 MiB of text after expansion: twice what one outline file holds;
  every character is measured and laid out (the plan takes seconds per million).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, OutlineError, display_path
from ..project import inside_project
from .source import read_text
from ..source import DataPath, SourceMap
from .yaml_tree import MAX_NODES, parse_yaml

MAX_INCLUDE_DEPTH = 16
MAX_INCLUSIONS = 1_000
MAX_EXPANDED_VALUES = MAX_NODES
MAX_EXPANDED_CHARS = 4 * 1024 * 1024


def expand_includes(data: Any, source_map: SourceMap, origin: Path, project: Path,
                    warnings: list[Diagnostic], inputs: list[Path]) -> tuple[Any, SourceMap]:
    """The data with includes replaced; files read are appended to ``inputs``."""
    if not _includes_anything(data):      # most outlines: nothing to copy (the reader's limits held)
        return data, source_map
    out_map = SourceMap(source_map.file)
    expander = _Expander(project.resolve(), out_map, warnings, inputs)
    result = expander.copy(data, source_map, (), (), origin.resolve(), (str(origin.resolve()),))
    return result, out_map


def _includes_anything(data: Any) -> bool:
    pending = [data]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            pending.extend(node.values())
        elif isinstance(node, list):
            for entry in node:
                if isinstance(entry, dict) and set(entry) == {"include"}:
                    return True
                pending.append(entry)
    return False


class _Expander:
    def __init__(self, project: Path, out_map: SourceMap, warnings: list[Diagnostic], inputs: list[Path]) -> None:
        self.project = project
        self.out = out_map
        self.warnings = warnings
        self.inputs = inputs
        self.parsed: dict[Path, tuple[Any, SourceMap]] = {}
        self.inclusions = 0
        self.values = 0
        self.chars = 0

    def record(self, src: SourceMap, old: DataPath, new: DataPath) -> None:
        if old in src.values:
            self.out.values[new] = src.values[old]
        if old in src.keys:
            self.out.keys[new] = src.keys[old]
        if old in src.texts:
            self.out.texts[new] = src.texts[old]

    def copy(self, node: Any, src: SourceMap, old: DataPath, new: DataPath, origin: Path,
             chain: tuple[str, ...]) -> Any:
        self.values += 1
        if self.values > MAX_EXPANDED_VALUES:
            raise OutlineError(f"includes expand the outline to more than {MAX_EXPANDED_VALUES:,} values; "
                               "is a file included many times over?", src.at(old))
        if isinstance(node, str):
            self.chars += len(node)
            if self.chars > MAX_EXPANDED_CHARS:
                raise OutlineError(f"includes expand the outline to more than {MAX_EXPANDED_CHARS:,} characters "
                                   "of text; is a file included many times over?", src.at(old))
        self.record(src, old, new)
        if isinstance(node, dict):
            return {k: self.copy(v, src, old + (k,), new + (k,), origin, chain) for k, v in node.items()}
        if not isinstance(node, list):
            return node
        items: list[Any] = []
        for value, value_map, value_path, value_origin, value_chain in self.flatten(node, src, old, origin, chain):
            items.append(self.copy(value, value_map, value_path, new + (len(items),), value_origin, value_chain))
        return items

    def flatten(self, entries: list[Any], src: SourceMap, old: DataPath, origin: Path,
                chain: tuple[str, ...]) -> Iterator[tuple[Any, SourceMap, DataPath, Path, tuple[str, ...]]]:
        """The list's entries with every ``{include: …}`` replaced by what it includes (recursively:
        an included list may itself include)."""
        for i, entry in enumerate(entries):
            if not (isinstance(entry, dict) and set(entry) == {"include"}):
                yield entry, src, old + (i,), origin, chain
                continue
            included, inc_map, inc_origin = self.load(entry["include"], src, old + (i, "include"), origin, chain)
            inner_chain = chain + (str(inc_origin),)
            if isinstance(included, list):
                yield from self.flatten(included, inc_map, (), inc_origin, inner_chain)
            else:
                yield included, inc_map, (), inc_origin, inner_chain

    def load(self, raw: Any, src: SourceMap, path: DataPath, origin: Path,
             chain: tuple[str, ...]) -> tuple[Any, SourceMap, Path]:
        where = src.at(path)
        if not isinstance(raw, str) or not raw:
            raise OutlineError("'include' takes a file path relative to this outline", where)
        target = inside_project(raw, origin.parent, self.project, "include", where)
        if str(target) in chain:
            loop = " → ".join(display_path(c) for c in (*chain, str(target)))
            raise OutlineError(f"include loop: {loop}", where)
        if len(chain) > MAX_INCLUDE_DEPTH:
            raise OutlineError(f"includes nested deeper than {MAX_INCLUDE_DEPTH} files", where)
        self.inclusions += 1
        if self.inclusions > MAX_INCLUSIONS:
            raise OutlineError(f"includes expand to more than {MAX_INCLUSIONS:,} inclusions (each time a file "
                               "is included counts); do included files include others several times?", where)
        if target not in self.parsed:
            if not target.exists():
                raise OutlineError(f"included file not found: '{raw}'", where)
            self.parsed[target] = parse_yaml(read_text(target, self.warnings), display_path(target))
            self.inputs.append(target)
        data, inc_map = self.parsed[target]
        if data is None:
            raise OutlineError(f"included file '{raw}' is empty", where)
        return data, inc_map, target
