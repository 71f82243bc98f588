"""Jinja2 templating inside outline values, sandboxed and strict.

Templates are expanded value by value *after* the YAML is parsed, never on the file's text: so
every error still points at the line the author wrote, and a template can never produce broken
YAML. A value that is exactly one ``{{ expression }}`` takes the expression's value itself (a list
of rows, a number), so tables and timelines can come from data files:

    rows: "{{ meetings | rows('date', 'event', 'note') }}"

The environment is Jinja2's ``SandboxedEnvironment`` (no attribute access to internals such as
``__class__`` or ``__globals__``) with ``StrictUndefined`` (an unknown name is an error, not an
empty string).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from ..errors import Diagnostic, OutlineError
from ..source import DataPath, Locator, SourceLocation

_WHOLE_EXPRESSION = re.compile(r"^\s*\{\{(?P<expr>(?:(?!\}\}).)*)\}\}\s*$", re.S)
#: Keys whose values are not templated: they define the variables.
_NOT_TEMPLATED = ("vars", "data")
MAX_RENDERED_CHARS = 1_000_000


def _rows(records: Any, *columns: str) -> list[list[str]]:
    """Records (dicts, e.g. CSV lines) as table rows holding the named columns, in order."""
    out = []
    for record in records:
        if not isinstance(record, Mapping):
            raise TypeError("rows() takes a list of records (mappings), such as a CSV data file")
        missing = [c for c in columns if c not in record]
        if missing:
            raise KeyError(f"no column {missing[0]!r}; the data has {', '.join(map(repr, record))}")
        out.append(["" if record[c] is None else str(record[c]) for c in columns])
    return out


def _pick(records: Any, **fields: str) -> list[dict[str, str]]:
    """Records with renamed fields: ``pick(date='when', title='event')`` → [{date, title}, …].
    Empty values are left out, so optional fields (a timeline's detail) stay optional."""
    out = []
    for record in records:
        if not isinstance(record, Mapping):
            raise TypeError("pick() takes a list of records (mappings), such as a CSV data file")
        picked = {}
        for name, column in fields.items():
            if column not in record:
                raise KeyError(f"no column {column!r}; the data has {', '.join(map(repr, record))}")
            if record[column] not in (None, ""):
                picked[name] = str(record[column])
        out.append(picked)
    return out


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")


def _tally(records: Any, by: str, sum: str | None = None, name: str | None = None,
           year: bool = False) -> dict[str, Any]:
    """Chart data from records: how many there are (or the total of column ``sum``) for each
    value of column ``by`` — with ``year=True`` for each year written in it ("8–9/7/2020" →
    2020), years in order, other categories as they first appear."""
    totals: dict[str, float] = {}
    for record in records:
        if not isinstance(record, Mapping):
            raise TypeError("tally() takes a list of records (mappings), such as a CSV data file")
        for column in (by, sum):
            if column is not None and column not in record:
                raise KeyError(f"no column {column!r}; the data has {', '.join(map(repr, record))}")
        key = str(record[by] or "")
        if year:
            found = _YEAR.findall(key)
            if not found:
                continue
            key = found[-1]
        amount = 1.0 if sum is None else float(str(record[sum]).replace(",", ".") or 0)
        totals[key] = totals.get(key, 0.0) + amount
    categories = sorted(totals) if year else list(totals)
    return {"categories": categories,
            "series": [{"name": name or (sum or "số lượng"), "values": [totals[c] for c in categories]}]}


def environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.filters["rows"] = _rows
    env.filters["pick"] = _pick
    env.filters["tally"] = _tally
    return env


def expand(data: Any, variables: Mapping[str, Any], source_map: Locator) -> Any:
    """Expand every templated string in ``data``; collect all errors and raise them together."""
    env = environment()
    problems: list[Diagnostic] = []

    def walk(node: Any, path: DataPath) -> Any:
        if isinstance(node, dict):
            return {k: (v if not path and k in _NOT_TEMPLATED else walk(v, path + (k,))) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, path + (i,)) for i, v in enumerate(node)]
        if isinstance(node, str) and ("{{" in node or "{%" in node):
            try:
                return _render(env, node, variables)
            except (TemplateError, SecurityError, TypeError, KeyError, ValueError, AttributeError) as exc:
                problems.append(Diagnostic(_describe(exc), _where(source_map.at(path), exc)))
                return node
        return node

    expanded = walk(data, ())
    if problems:
        raise OutlineError.many(problems)
    return expanded


def _render(env: SandboxedEnvironment, text: str, variables: Mapping[str, Any]) -> Any:
    whole = _WHOLE_EXPRESSION.match(text)
    if whole:
        value = env.compile_expression(whole.group("expr"), undefined_to_none=False)(**variables)
        if isinstance(value, StrictUndefined):
            str(value)  # raises UndefinedError naming the variable ("'x' is undefined")
        return _plain(value)
    rendered = env.from_string(text).render(**variables)
    if len(rendered) > MAX_RENDERED_CHARS:
        raise ValueError(f"the template expands to more than {MAX_RENDERED_CHARS:,} characters")
    return rendered


def _plain(value: Any) -> Any:
    """Template results as plain outline data (tuples and other iterables become lists)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


def _describe(exc: Exception) -> str:
    if isinstance(exc, SecurityError):
        return f"unsafe template expression refused: {exc}"
    if isinstance(exc, UndefinedError):
        return f"template error: {exc}; define it under 'vars:', with --var or with --data"
    if isinstance(exc, TemplateError):
        return f"template error: {getattr(exc, 'message', None) or exc}"
    if isinstance(exc, KeyError):
        return f"template error: {exc.args[0] if exc.args else exc}"
    return f"template error: {exc}"


def _where(location: SourceLocation, exc: Exception) -> SourceLocation:
    """The line inside a multi-line value where Jinja found the problem."""
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int) and lineno > 1:
        return SourceLocation(location.file, location.line + lineno - 1, 1)
    return location
