"""The outline's JSON Schema (draft 2020-12), for editors' completion and validation.

Any value may also be written as one Jinja2 expression (``"{{ meetings | rows('date') }}"``)
whose result is checked when the outline is built; the schema says so, so editors do not flag
templated tables and timelines.
"""

from __future__ import annotations

import copy
from typing import Any

from ..kinds import CONTENT_KEYS
from ..model import Outline
from ..validation import json_schema

TEMPLATE_EXPRESSION = {
    "type": "string",
    "pattern": r"^\s*\{\{[\s\S]*\}\}\s*$",   # may span lines, as a folded YAML value does
    "description": "A Jinja2 expression whose value is used here, e.g. a list from a data file.",
}
_KEEP_OUTSIDE = ("description", "examples", "title", "default")


def outline_json_schema() -> dict[str, Any]:
    schema = json_schema(Outline, "slidegen outline")
    for definition in schema.get("$defs", {}).values():
        _allow_templates(definition)
    _allow_templates(schema, top=True)
    return {
        "$id": "https://slidegen.invalid/outline.schema.json",
        **schema,
        "description": "A slidegen outline: deck metadata, then sections of numbered items, each with "
                       f"slides of one kind ({', '.join(CONTENT_KEYS)}).",
    }


def _allow_templates(model_schema: dict[str, Any], top: bool = False) -> None:
    """Every non-text property may also be one template expression; the outline's own ``vars``
    and ``data`` (which define the template variables) may not."""
    for name, prop in list(model_schema.get("properties", {}).items()):
        if prop.get("type") in ("string", ["string", "number"]) or (top and name in ("vars", "data")):
            continue
        inner = {k: v for k, v in copy.deepcopy(prop).items() if k not in _KEEP_OUTSIDE}
        outer = {k: v for k, v in prop.items() if k in _KEEP_OUTSIDE}
        model_schema["properties"][name] = {**outer, "anyOf": [inner, TEMPLATE_EXPRESSION]}
