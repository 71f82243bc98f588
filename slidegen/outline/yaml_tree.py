"""YAML to plain data, remembering where every key and value was written.

PyYAML's safe loader forgets positions and silently keeps the last of two duplicate keys. Here the
document is composed into nodes (which carry marks) and converted by hand, so that:

* every key and value has a file:line:col for later error messages (``SourceMap``);
* duplicate keys are errors;
* only plain-data tags are accepted (no ``!!python/object`` and friends);
* alias expansion and nesting are bounded, so a "billion laughs" document fails fast instead of
  eating memory, and a deeply nested one is an error rather than a RecursionError;
* a plain scalar YAML 1.1 resolves to something else than text (``NO`` → false, ``1.50`` → 1.5,
  ``2019-11-11`` → a date) keeps its source text, so a text field shows what the author wrote.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import Diagnostic, OutlineError
from ..source import DataPath, SourceLocation, SourceMap

try:  # libyaml is much faster; the pure-Python loader gives the same nodes and marks.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

#: Upper bound on values produced from one document, counting alias expansions.
MAX_NODES = 100_000
#: Upper bound on nesting: converting is recursive, and no outline nests a tenth as deep.
MAX_DEPTH = 64
#: Upper bound on the text of one document with aliases expanded: an alias repeats its text at
#: no cost to the file, but every copy is measured and laid out on slides. As much text as the
#: largest outline file can hold (source.MAX_OUTLINE_BYTES), so aliases cannot multiply it.
MAX_TEXT_CHARS = 2 * 1024 * 1024

_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_MERGE = _YAML + "merge"
_STR = _YAML + "str"


def parse_yaml(text: str, file: str, max_chars: int = MAX_TEXT_CHARS) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain data and its source map; raise OutlineError."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise OutlineError(_yaml_problem(exc, text), _mark_location(file, exc.problem_mark)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (C1 controls, U+FFFE …)
        at = exc.position
        line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise OutlineError(f"invalid YAML: the character {char} is not allowed in YAML text",
                           SourceLocation(file, line, column)) from None
    except yaml.YAMLError as exc:  # any other: one line, whatever the parser wrote
        raise OutlineError(" ".join(f"invalid YAML: {exc}".split()), SourceLocation(file)) from None
    source_map = SourceMap(file)
    if root is None:
        return None, source_map
    converter = _Converter(file, source_map, max_chars)
    data = converter.convert(root, ())
    return data, source_map


def _mark_location(file: str, mark: Any) -> SourceLocation:
    if mark is None:
        return SourceLocation(file)
    return SourceLocation(file, mark.line + 1, mark.column + 1)


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark
    at_mark = text[mark.index:mark.index + 1] if mark is not None and mark.index is not None else ""
    if at_mark == "\t" or "\t" in problem or "tab" in problem:
        return "invalid YAML: a tab character cannot indent YAML; indent with spaces"
    context = f" {exc.context}" if exc.context else ""
    return f"invalid YAML: {problem}{context}"


class _Converter:
    def __init__(self, file: str, source_map: SourceMap, max_chars: int = MAX_TEXT_CHARS) -> None:
        self.file = file
        self.map = source_map
        self.count = 0
        self.chars = 0
        self.max_chars = max_chars
        self.active: set[int] = set()  # nodes being converted: an alias back to one is a cycle
        # One constructor per document: a constructor remembers every node it has built.
        self.constructor = yaml.constructor.SafeConstructor()

    def where(self, node: yaml.Node) -> SourceLocation:
        return _mark_location(self.file, node.start_mark)

    def convert(self, node: yaml.Node, path: DataPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise OutlineError(
                f"the outline expands to more than {MAX_NODES:,} values; "
                "are YAML aliases (*name) nested to multiply the document?", self.where(node))
        self.map.values.setdefault(path, self.where(node))
        if len(path) > MAX_DEPTH:
            raise OutlineError(f"lists and mappings nested deeper than {MAX_DEPTH} levels", self.where(node))
        if id(node) in self.active:
            raise OutlineError("a YAML alias refers to the mapping that contains it", self.where(node))
        if isinstance(node, yaml.ScalarNode):
            self.chars += len(node.value)
            if self.chars > self.max_chars:
                raise OutlineError(f"the document holds more than {self.max_chars:,} characters of text with its "
                                   "YAML aliases (*name) expanded", self.where(node))
            value = self.scalar(node)
            if not node.style and not isinstance(value, str) and value is not None:   # a plain scalar
                self.map.texts[path] = node.value
            return value
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                self.check_tag(node, _YAML + "seq")
                return [self.convert(child, path + (i,)) for i, child in enumerate(node.value)]
            self.check_tag(node, _YAML + "map")
            assert isinstance(node, yaml.MappingNode)
            return self.mapping(node, path)
        finally:
            self.active.discard(id(node))

    def check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            raise OutlineError(f"YAML tag '{_short(node.tag)}' is not allowed; an outline holds plain "
                               "text, numbers, lists and mappings", self.where(node))

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _STR:
            return node.value          # most scalars: the constructor would return the same text
        if node.tag not in _SCALAR_TAGS:
            raise OutlineError(f"YAML tag '{_short(node.tag)}' is not allowed; an outline holds plain "
                               "text, numbers, lists and mappings", self.where(node))
        try:
            return self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise OutlineError(f"cannot read value {node.value!r}: {exc}", self.where(node)) from None

    def mapping(self, node: yaml.MappingNode, path: DataPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        merged: dict[Any, Any] = {}
        seen: dict[Any, yaml.Node] = {}
        problems: list[Diagnostic] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged.update(self.merge_source(value_node, path, key_node))
                continue
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _STR:
                key: Any = key_node.value       # most keys: plain text, no location of their own as a value
                self.count += 1
                self.chars += len(key)
            else:
                key = self.convert(key_node, path + ("<key>",))
            if not isinstance(key, (str, int)):
                raise OutlineError(f"a key must be text or a number, not {type(key).__name__}",
                                   self.where(key_node))
            if key in seen:
                first = seen[key].start_mark.line + 1
                problems.append(Diagnostic(f"duplicate key '{key}' (first written on line {first})",
                                           self.where(key_node)))
                continue
            seen[key] = key_node
            self.map.keys[path + (key,)] = self.where(key_node)
            result[key] = self.convert(value_node, path + (key,))
        if problems:
            raise OutlineError.many(problems)
        for key, value in merged.items():
            result.setdefault(key, value)
        return result

    def merge_source(self, node: yaml.Node, path: DataPath, key: yaml.Node) -> dict[Any, Any]:
        """The mappings named by a ``<<:`` merge key, earlier ones winning."""
        sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
        merged: dict[Any, Any] = {}
        for source in reversed(sources):
            value = self.convert(source, path)
            if not isinstance(value, dict):
                raise OutlineError("'<<' merges mappings only (an alias of a mapping, or a list of them)",
                                   self.where(key))
            merged.update(value)
        return merged


def _short(tag: str) -> str:
    return "!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag
