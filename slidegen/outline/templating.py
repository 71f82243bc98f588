"""Jinja2 templating inside outline values, sandboxed and strict.

Templates are expanded value by value *after* the YAML is parsed, never on the file's text: so
every error still points at the line the author wrote, and a template can never produce broken
YAML. A value that is exactly one ``{{ expression }}`` takes the expression's value itself (a list
of rows, a number), so tables and timelines can come from data files:

    rows: "{{ meetings | rows('date', 'event', 'note') }}"

The environment (:mod:`.sandbox`) is Jinja2's ``ImmutableSandboxedEnvironment`` (no attribute
access to internals such as ``__class__`` or ``__globals__``) with ``StrictUndefined`` (an unknown
name is an error, not an empty string), metered by a :class:`~.budget.Budget`: limits on work and
size are enforced while a template runs, for a whole-expression value as for text. Whatever a
template raises (a limit, a division by zero, a recursion without end, an unknown name) becomes
one located error line; a template is the author's code, so every failure in it is theirs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, UndefinedError
from jinja2.exceptions import SecurityError

from ..errors import Diagnostic, OutlineError
from ..source import DataPath, Locator, SourceLocation
from .budget import MAX_EXPRESSION_ITEMS, MAX_OUTPUT_CHARS, Budget, BudgetExceeded
from .sandbox import MeteredEnvironment, new_environment

_WHOLE_EXPRESSION = re.compile(r"^\s*\{\{(?P<expr>(?:(?!\}\}).)*)\}\}\s*$", re.S)
#: Keys whose values are not templated: they define the variables.
_NOT_TEMPLATED = ("vars", "data")


def _cell(record: Mapping[Any, Any], column: Any) -> Any:
    """One record's value of ``column``; a column given by language (``{'vi-VN': 'meeting',
    'en-US': 'meeting_en'}``) gives the text by language, as an outline writes it."""
    if isinstance(column, Mapping) and all(isinstance(name, str) for name in column.values()):
        return {str(tag): _cell(record, name) for tag, name in column.items()}
    if not isinstance(column, str):
        raise TypeError(f"a column is named by text, or by language ({{'vi-VN': 'a', 'en-US': 'a_en'}}), "
                        f"not {type(column).__name__}")
    if column not in record:
        raise KeyError(f"no column {column!r}; the data has {', '.join(map(repr, record))}")
    return "" if record[column] is None else str(record[column])


def _rows(records: Any, *columns: Any) -> list[list[Any]]:
    """Records (dicts, e.g. CSV lines) as table rows holding the named columns, in order."""
    out = []
    for record in records:
        if not isinstance(record, Mapping):
            raise TypeError("rows() takes a list of records (mappings), such as a CSV data file")
        out.append([_cell(record, c) for c in columns])
    return out


def _pick(records: Any, **fields: Any) -> list[dict[str, Any]]:
    """Records with renamed fields: ``pick(date='when', title='event')`` → [{date, title}, …].
    Empty values are left out, so optional fields (a timeline's detail) stay optional; a field
    taken from columns by language is left out when it is empty in every language."""
    out = []
    for record in records:
        if not isinstance(record, Mapping):
            raise TypeError("pick() takes a list of records (mappings), such as a CSV data file")
        picked = {}
        for name, column in fields.items():
            value = _cell(record, column)
            if value != "" and not (isinstance(value, dict) and not any(value.values())):
                picked[name] = value
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


def environment(budget: Budget | None = None) -> MeteredEnvironment:
    env = new_environment(budget or Budget())
    env.add_filter("rows", _rows)
    env.add_filter("pick", _pick)
    env.add_filter("tally", _tally)
    return env


def expand(data: Any, variables: Mapping[str, Any], source_map: Locator) -> Any:
    """Expand every templated string in ``data``; collect all errors and raise them together."""
    budget = Budget()
    env = environment(budget)
    compiled: dict[str, Any] = {}   # an outline generated from data repeats the same templates
    problems: list[Diagnostic] = []
    stopped = False

    def walk(node: Any, path: DataPath) -> Any:
        nonlocal stopped
        if isinstance(node, dict):
            return {k: (v if not path and k in _NOT_TEMPLATED else walk(v, path + (k,))) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, path + (i,)) for i, v in enumerate(node)]
        if isinstance(node, str) and ("{{" in node or "{%" in node) and not stopped:
            try:
                return _render(env, budget, compiled, node, variables)
            except Exception as exc:  # noqa: BLE001 - the author's template: whatever it raises is theirs
                problems.append(Diagnostic(_describe(exc), _where(source_map.at(path), exc)))
                # An outline-wide limit would fail every later value the same way.
                stopped = isinstance(exc, MemoryError) or getattr(exc, "whole_outline", False)
                return node
        return node

    expanded = walk(data, ())
    if problems:
        raise OutlineError.many(problems)
    return expanded


def _render(env: MeteredEnvironment, budget: Budget, compiled: dict[str, Any], text: str,
            variables: Mapping[str, Any]) -> Any:
    budget.start_value(text)
    whole = _WHOLE_EXPRESSION.match(text)
    if whole:
        expression = compiled.get(text)
        if expression is None:
            expression = compiled[text] = env.compile_expression(whole.group("expr"), undefined_to_none=False)
        value = expression(**variables)
        if isinstance(value, StrictUndefined):
            str(value)  # raises UndefinedError naming the variable ("'x' is undefined")
        if isinstance(value, Iterator):  # a filter's generator (selectattr, map …): its entries
            value = list(itertools.islice(env.metered_iter(value), MAX_EXPRESSION_ITEMS + 1))
        if isinstance(value, (list, tuple)) and len(value) > MAX_EXPRESSION_ITEMS:
            raise BudgetExceeded(f"the expression makes more than {MAX_EXPRESSION_ITEMS:,} entries (table rows, "
                                 "timeline events …); filter the data first, e.g. with selectattr")
        size = budget.measure(value, "the expression's value")
        if size > MAX_OUTPUT_CHARS:
            raise BudgetExceeded(f"the expression's value is more than {MAX_OUTPUT_CHARS:,} characters of text")
        budget.wrote(size)
        return _plain(value)
    template: Template | None = compiled.get(text)
    if template is None:
        template = compiled[text] = env.from_string(text)
    return template.render(**variables)


def _plain(value: Any) -> Any:
    """Template results as plain outline data (tuples and other iterables become lists)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


def _describe(exc: BaseException) -> str:
    """One line, whatever the exception (Jinja2's syntax errors can span several)."""
    return " ".join(_message(exc).split())


def _message(exc: BaseException) -> str:
    if isinstance(exc, BudgetExceeded):
        return f"template exceeds a limit: {exc}"
    if isinstance(exc, RecursionError):
        return "template error: recursion too deep (a macro or loop that calls itself without end?)"
    if isinstance(exc, MemoryError):
        return "template error: out of memory"
    if isinstance(exc, ZeroDivisionError):
        return "template error: division by zero"
    if isinstance(exc, OverflowError):
        return f"template error: number too large ({exc.args[-1] if exc.args else exc})"
    if isinstance(exc, SecurityError):
        return f"unsafe template expression refused: {exc}"
    if isinstance(exc, UndefinedError):
        return f"template error: {exc}; define it under 'vars:', with --var or with --data"
    if isinstance(exc, TemplateError):
        return f"template error: {getattr(exc, 'message', None) or exc}"
    if isinstance(exc, KeyError):
        return f"template error: {exc.args[0] if exc.args else exc}"
    return f"template error: {exc}" if str(exc) else f"template error: {type(exc).__name__}"


def _where(location: SourceLocation, exc: BaseException) -> SourceLocation:
    """The line inside a multi-line value where Jinja found the problem."""
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int) and lineno > 1:
        return SourceLocation(location.file, location.line + lineno - 1, 1)
    return location
