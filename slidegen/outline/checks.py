"""Checks that run *before* a template operation that could make far more than it was given.

Each takes the operands, estimates the size of the result from them, and raises BudgetExceeded
(naming the limit) instead of letting Python allocate it: ``'x' * 10**10``, ``2 ** 10**9``,
``'%099999999d' % 1``, ``'{:>999999999}'.format(1)``, ``'x'.center(10**9)``, ``s.replace('', s)``,
``sep.join(many)``.
"""

from __future__ import annotations

from collections.abc import Iterator

import math
import re
import string
from collections.abc import Mapping
from typing import Any

from .budget import (MAX_FORMAT_WIDTH, MAX_INT_BITS, MAX_ITEMS, MAX_VALUE_CHARS, Budget,
                     BudgetExceeded)

_SEQUENCES = (str, bytes, list, tuple)
# printf-style conversion: %(key)flags width .precision length conversion
_PERCENT = re.compile(r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?P<width>\*|\d+)?(?:\.(?P<prec>\*|\d+))?[hlL]?(?P<conv>.)",
                      re.S)
_DIGITS = re.compile(r"\d+")


def too_wide(what: str) -> BudgetExceeded:
    return BudgetExceeded(f"{what} wider than {MAX_FORMAT_WIDTH:,} characters")


def check_width(width: Any, what: str) -> None:
    if isinstance(width, int) and width > MAX_FORMAT_WIDTH:
        raise too_wide(what)


def check_int(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise BudgetExceeded(f"an integer of more than {MAX_INT_BITS:,} bits")


def check_repeat(budget: Budget, seq: Any, times: Any) -> None:
    """``seq * times`` for a text or a list."""
    if isinstance(times, _SEQUENCES) and isinstance(seq, int):
        seq, times = times, seq
    if not (isinstance(seq, _SEQUENCES) and isinstance(times, int)) or times <= 0:
        return
    if isinstance(seq, (list, tuple)) and len(seq) * times > MAX_ITEMS:
        raise BudgetExceeded(f"a list of more than {MAX_ITEMS:,} entries")
    if budget.measure(seq, "a repeated value") * times > MAX_VALUE_CHARS:
        raise BudgetExceeded(f"a repeated value of more than {MAX_VALUE_CHARS:,} characters")


def check_multiply(left: Any, right: Any) -> None:
    if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise BudgetExceeded(f"an integer of more than {MAX_INT_BITS:,} bits")


def check_power(base: Any, exponent: Any) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1:
        if exponent * math.log2(abs(base)) > MAX_INT_BITS:
            raise BudgetExceeded(f"a power of more than {MAX_INT_BITS:,} bits")


def check_percent(budget: Budget, fmt: str, args: Any) -> None:
    """``fmt % args``: widths and precisions bounded, and the result within the value limit."""
    specs = list(_PERCENT.finditer(fmt))
    star = False
    for spec in specs:
        for group in ("width", "prec"):
            part = spec.group(group)
            if part == "*":
                star = True
            elif part is not None and int(part) > MAX_FORMAT_WIDTH:
                raise too_wide("a % format")
    values = args if isinstance(args, tuple) else (args,)
    if star and any(isinstance(v, int) and abs(v) > MAX_FORMAT_WIDTH for v in values):
        raise too_wide("a % format's * width")
    if isinstance(args, Mapping) and any(s.group("key") is not None for s in specs):
        used = sum(budget.measure(args.get(s.group("key"), ""), "a formatted value") for s in specs)
    else:
        used = budget.measure(values, "a formatted value")
    growth = 6 if hasattr(fmt, "__html__") else 1  # Markup escapes what it formats
    if len(fmt) + growth * used + len(specs) * MAX_FORMAT_WIDTH > MAX_VALUE_CHARS:
        raise BudgetExceeded(f"a formatted text of more than {MAX_VALUE_CHARS:,} characters")


def check_format(budget: Budget, fmt: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """``fmt.format(*args, **kwargs)``: a field may name the same argument many times."""
    used = 0
    auto = 0
    nested = False
    for _literal, field, spec, _conversion in _fields(fmt):
        if field is None:
            continue
        if spec and "{" in spec:
            nested = True
        for digits in _DIGITS.findall(spec or ""):
            if int(digits) > MAX_FORMAT_WIDTH:
                raise too_wide("a format field")
        head = re.split(r"[.\[]", field, maxsplit=1)[0]
        if head == "":
            head, auto = str(auto), auto + 1
        if head.isdigit():
            value = args[int(head)] if int(head) < len(args) else ""
        else:
            value = kwargs.get(head, "")
        used += budget.measure(value, "a formatted value") + MAX_FORMAT_WIDTH
        if len(fmt) + used > MAX_VALUE_CHARS:
            raise BudgetExceeded(f"a formatted text of more than {MAX_VALUE_CHARS:,} characters")
    if nested:
        for value in (*args, *kwargs.values()):
            check_width(abs(value) if isinstance(value, int) else None, "a nested format width")


def _fields(fmt: str) -> Iterator[tuple[str, str | None, str | None, str | None]]:
    """Every replacement field of a format string, including those nested in format specs."""
    pending = [fmt]
    depth = 0
    while pending and depth < 3:  # str.format itself allows two levels
        nested = []
        for text in pending:
            try:
                parsed = list(string.Formatter().parse(text))
            except ValueError:
                return  # str.format raises the same error itself, with its own message
            for part in parsed:
                yield part
                if part[2] and "{" in part[2]:
                    nested.append(part[2])
        pending, depth = nested, depth + 1


def check_replace(text: Any, old: Any = None, new: Any = None, count: Any = -1) -> None:
    if not (isinstance(text, str) and isinstance(old, str) and isinstance(new, str)):
        return
    found = len(text) + 1 if old == "" else text.count(old)
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    if len(text) + found * (len(new) - len(old)) > MAX_VALUE_CHARS:
        raise BudgetExceeded(f"a replaced text of more than {MAX_VALUE_CHARS:,} characters")


def check_join(budget: Budget, separator: Any, parts: list[Any]) -> None:
    if len(parts) > MAX_ITEMS:
        raise BudgetExceeded(f"a join of more than {MAX_ITEMS:,} entries")
    sep = len(separator) if isinstance(separator, str) else 0
    if budget.measure(parts, "a joined list") + sep * len(parts) > MAX_VALUE_CHARS:
        raise BudgetExceeded(f"a joined text of more than {MAX_VALUE_CHARS:,} characters")


def check_result(budget: Budget, value: Any) -> Any:
    """After an operation: what it made is within the limits (cheap for text and numbers)."""
    if isinstance(value, str):
        if len(value) > MAX_VALUE_CHARS:
            raise BudgetExceeded(f"a text of more than {MAX_VALUE_CHARS:,} characters")
        budget.text(len(value))
    elif isinstance(value, int):
        check_int(value)
    elif isinstance(value, (list, tuple, dict)):
        if len(value) > MAX_ITEMS:
            raise BudgetExceeded(f"a list of more than {MAX_ITEMS:,} entries")
        budget.measure(value)
    return value
