"""Jinja2's filters and tests, metered: each call a step, its arguments measured, and the
filters whose result can be much larger than their arguments checked before they run
(``center``, ``indent``, ``format``, ``replace``, ``join``, ``batch``, ``slice``, ``sum``,
``wordwrap``, and the escaping ones, which can multiply a text's length).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from jinja2.utils import _PassArg

from . import checks
from .budget import MAX_ITEMS, MAX_VALUE_CHARS, Budget, BudgetExceeded

#: Filters whose result can be several times the size of their input (escaping, markup).
_GROWTH = {"escape": 6, "e": 6, "forceescape": 6, "tojson": 6, "pprint": 4, "urlize": 40,
           "upper": 3, "title": 3, "capitalize": 3, "lower": 3}
#: Filters built on regular expressions or textwrap that are slow on long text.
_SLOW_TEXT = {"urlize": 100_000, "wordwrap": 100_000}


def size_of(value: Any) -> int:
    """Roughly how much reading ``value`` costs, in characters (an entry of a list as 64)."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, (list, tuple, dict)):
        return 64 * len(value)
    return 0


def metered_filter(budget: Budget, name: str, func: Any) -> Any:
    """``func`` with its work counted and its arguments and result checked."""
    pass_arg = _PassArg.from_obj(func)

    @functools.wraps(func)
    def filtered(*args: Any, **kwargs: Any) -> Any:
        budget.step()
        lead, values = (args[:1], list(args[1:])) if pass_arg else ((), list(args))
        # A generator given to a filter is read here, each entry a step, so it is measured.
        values = [list(_metered(budget, v)) if isinstance(v, Iterator) else v for v in values]
        size = sum(budget.measure(v, f"the input of '{name}'") for v in (*values, *kwargs.values()))
        if size * _GROWTH.get(name, 1) > MAX_VALUE_CHARS:
            raise BudgetExceeded(f"'{name}' would make more than {MAX_VALUE_CHARS:,} characters")
        if name in _SLOW_TEXT and size > _SLOW_TEXT[name]:
            raise BudgetExceeded(f"'{name}' takes at most {_SLOW_TEXT[name]:,} characters")
        _check_filter(budget, name, values, kwargs)
        return checks.check_result(budget, func(*lead, *values, **kwargs))

    return filtered


def metered_test(budget: Budget, func: Any) -> Any:
    """A test (``is divisibleby``, ``is in`` …) counted as a step, its text read as work."""

    @functools.wraps(func)
    def tested(*args: Any, **kwargs: Any) -> Any:
        budget.step()
        budget.text(sum(size_of(a) for a in args))
        return func(*args, **kwargs)

    return tested


def _metered(budget: Budget, iterator: Iterator[Any]) -> Iterator[Any]:
    for count, item in enumerate(iterator):
        budget.step()
        if count >= MAX_ITEMS:
            raise BudgetExceeded(f"a list of more than {MAX_ITEMS:,} entries")
        yield item


def _arg(values: list[Any], kwargs: dict[str, Any], position: int, keyword: str, default: Any = None) -> Any:
    return values[position] if len(values) > position else kwargs.get(keyword, default)


def _check_filter(budget: Budget, name: str, values: list[Any], kwargs: dict[str, Any]) -> None:
    """The filters whose result can be much larger than their arguments."""
    if name == "center":
        checks.check_width(_arg(values, kwargs, 1, "width"), "'center'")
    elif name == "indent":
        width = _arg(values, kwargs, 1, "width", 4)
        checks.check_width(width if isinstance(width, int) else len(str(width)), "'indent'")
        text = values[0] if values else ""
        lines = str(text).count("\n") + 1
        if len(str(text)) + lines * (width if isinstance(width, int) else len(str(width))) > MAX_VALUE_CHARS:
            raise BudgetExceeded(f"'indent' would make more than {MAX_VALUE_CHARS:,} characters")
    elif name == "format" and values and isinstance(values[0], str):
        checks.check_percent(budget, values[0], kwargs or tuple(values[1:]))
    elif name == "replace" and len(values) >= 3:
        checks.check_replace(str(values[0]), values[1], values[2], _arg(values, kwargs, 3, "count", -1))
    elif name == "join" and values:
        parts = values[0] if isinstance(values[0], (list, tuple)) else list(_metered(budget, iter(values[0])))
        values[0] = parts
        checks.check_join(budget, _arg(values, kwargs, 1, "d", ""), list(parts))
    elif name in ("batch", "slice"):
        count = _arg(values, kwargs, 1, "linecount" if name == "batch" else "slices")
        if isinstance(count, int) and count > MAX_ITEMS:
            raise BudgetExceeded(f"'{name}' into more than {MAX_ITEMS:,} parts")
    elif name == "sum":
        start = _arg(values, kwargs, 2, "start", 0)
        if not isinstance(start, (int, float)):
            raise BudgetExceeded("'sum' adds numbers; join texts with 'join'")
    elif name == "wordwrap":
        wrap = _arg(values, kwargs, 3, "wrapstring", "\n")
        text = str(values[0]) if values else ""
        width = _arg(values, kwargs, 1, "width", 79)
        lines = len(text) // max(width if isinstance(width, int) else 1, 1) + text.count("\n") + 1
        if len(text) + lines * len(str(wrap or "")) > MAX_VALUE_CHARS:
            raise BudgetExceeded(f"'wordwrap' would make more than {MAX_VALUE_CHARS:,} characters")
