"""Writing plain outline data as a YAML outline a person can read and edit.

Block style throughout, as the hand-written outlines are; short lists of plain values (sources,
a table's header and rows, widths) and timeline events or key figures in flow style; multi-line
text as literal blocks; a blank line between top-level keys, sections and items. What this writes
reads back (``parse_yaml``) as exactly the data it was given.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import yaml

_STR = "tag:yaml.org,2002:str"
_FLOW_MAPPINGS = ({"date", "title", "detail"}, {"value", "label"})
_MAX_FLOW = 96


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)  # "key:\n  - item", as outlines are written


def _is_plain(value: Any) -> bool:
    return isinstance(value, (int, float, bool, _dt.date)) or value is None or (
        isinstance(value, str) and "\n" not in value)


def _length(values: list[Any]) -> int:
    return sum(len(str(v)) + 4 for v in values)


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value.rstrip("\n") or value.endswith("\n") and value.strip():
        # YAML reads NEL and the Unicode line and paragraph separators as line breaks too.
        if not re.search(r"[ \t]\n|[^\S\n]$|^\s|\n\n\n$|[\x85\u2028\u2029]", value):
            return dumper.represent_scalar(_STR, value, style="|")
    analysis = dumper.analyze_scalar(value)
    implicit = dumper.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    plain = analysis.allow_flow_plain and analysis.allow_block_plain and implicit == _STR and value
    # Double quotes where quoting is needed: a text with ": " or "'" reads more naturally so.
    return dumper.represent_scalar(_STR, value, style=None if plain else '"')


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
    flow = bool(value) and all(_is_plain(v) for v in value) and _length(value) <= _MAX_FLOW
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


def _mapping(dumper: yaml.SafeDumper, value: dict[Any, Any]) -> yaml.Node:
    keys = set(value)
    flow = (any(keys <= shape and len(keys) >= 2 for shape in _FLOW_MAPPINGS)
            and all(_is_plain(v) for v in value.values()) and _length(list(value.values())) <= _MAX_FLOW)
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=flow)


_Dumper.add_representer(str, _string)
_Dumper.add_representer(list, _list)
_Dumper.add_representer(dict, _mapping)


def dump_yaml(data: Any, spaced: bool = True) -> str:
    """``data`` as YAML text, without a header comment; ``spaced`` adds the blank lines that
    separate top-level keys, sections and items in a whole outline."""
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096,
                     default_flow_style=False)
    return _space(text) if spaced else text


def _space(text: str) -> str:
    """Blank lines before top-level keys, sections ("  - title:") and items ("      - title:")."""
    out: list[str] = []
    for line in text.splitlines():
        starts_block = (line[:1].strip() and not line.startswith("-")) or line.startswith(
            ("  - title:", "      - title:"))
        if out and starts_block and out[-1].strip() and not out[-1].rstrip().endswith(":"):
            out.append("")
        out.append(line)
    return "\n".join(out) + "\n"


def write_yaml(data: Any, header: str = "") -> str:
    """A YAML outline file's text: ``header`` lines as comments, then the data."""
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()) if header else ""
    return comment + ("\n" if comment else "") + dump_yaml(data)
