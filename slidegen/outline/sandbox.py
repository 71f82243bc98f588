"""The Jinja2 environment outline templates run in: sandboxed, immutable, and metered.

On top of Jinja2's ``ImmutableSandboxedEnvironment`` (no internals such as ``__class__``, no
changing lists or dicts in place), every place a template can do work reports to a
:class:`~.budget.Budget`:

* operators (``+ - * / // % **``) through ``call_binop``, checked before they run;
* calls (macros, methods) through ``call``, with the methods that pad or repeat text checked;
* ``str.format`` through ``wrap_str_format``; filters through a wrapper around each one;
* loops: the code generator wraps every ``{% for %}`` iterable so each iteration is a step;
* text written: every piece of output (literal text included, which Jinja2 would otherwise
  fold into constants written without a check) goes through ``finalize``, which measures it;
* ``~`` concatenation, which Jinja2 compiles to a plain join, goes through ``metered_concat``,
  and comparisons (``==``, ``in`` …), which can read long texts, through ``metered_compare``.

``range`` is bounded by MAX_ITEMS, ``namespace`` measures what is stored in it, and ``lipsum``
(placeholder text of any length) is not offered.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterator
from collections.abc import Callable
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.compiler import CodeGenerator
from jinja2.runtime import Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

from . import checks
from .budget import MACRO_STEPS, MAX_ITEMS, Budget, BudgetExceeded
from .metered_filters import metered_filter, metered_test, size_of

#: Width arguments of text methods (str.center, …): position 0 or the keyword.
_WIDTH_METHODS = {"center": "width", "ljust": "width", "rjust": "width", "zfill": "width",
                  "expandtabs": "tabsize"}
_REFUSED_METHODS = {"translate", "maketrans"}   # a table can turn each character into a long text
_COMPARE: dict[str, Callable[[Any, Any], Any]] = {"eq": operator.eq, "ne": operator.ne, "gt": operator.gt, "gteq": operator.ge,
            "lt": operator.lt, "lteq": operator.le, "in": lambda a, b: a in b,
            "notin": lambda a, b: a not in b}


class MeteredCodeGenerator(CodeGenerator):
    """Jinja2's code generator with loops and output metered (Jinja2 allows no custom node
    types, so a loop's iterable is wrapped in a call to an environment attribute, a node a
    template itself cannot write)."""

    def visit_Template(self, node: nodes.Template, frame: Any = None) -> None:
        for loop in node.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.EnvironmentAttribute("metered_iter"), [loop.iter], [], None, None,
                                   lineno=loop.iter.lineno)
        super().visit_Template(node, frame)

    def visit_Call(self, node: nodes.Call, frame: Any, forward_caller: bool = False) -> None:
        if isinstance(node.node, nodes.EnvironmentAttribute) and node.node.name == "metered_iter":
            self.write("environment.metered_iter(")
            self.visit(node.args[0], frame)
            self.write(")")
            return
        super().visit_Call(node, frame, forward_caller=forward_caller)

    def _output_child_to_const(self, node: Any, frame: Any, finalize: Any) -> Any:
        # Never fold output into constants: literal text in a loop is written once per
        # iteration, and each time it must be counted (by ``finalize``).
        raise nodes.Impossible()

    def visit_Compare(self, node: nodes.Compare, frame: Any) -> None:
        # Comparing or searching long texts is work no operator hook sees.
        self.write("environment.metered_compare(")
        self.visit(node.expr, frame)
        for operand in node.ops:
            self.write(f", {operand.op!r}, ")
            self.visit(operand.expr, frame)
        self.write(")")

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        self.write("environment.metered_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class MeteredEnvironment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
    code_generator_class = MeteredCodeGenerator

    def __init__(self, budget: Budget) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True,
                         finalize=self.metered_output)
        self.budget = budget
        self.globals.pop("lipsum", None)
        self.globals["range"] = self.metered_range
        self.globals["namespace"] = _namespace_class(budget)
        self.filters = {name: metered_filter(budget, name, f) for name, f in self.filters.items()}
        self.tests = {name: metered_test(budget, f) for name, f in self.tests.items()}

    def add_filter(self, name: str, func: Any) -> None:
        self.filters[name] = metered_filter(self.budget, name, func)

    # --- what the generated code calls -------------------------------------------------------

    def metered_iter(self, iterable: Any) -> Iterator[Any]:
        step = self.budget.step
        for item in iterable:
            step()
            yield item

    def metered_output(self, value: Any) -> Any:
        self.budget.step()
        self.budget.wrote(self.budget.measure(value, "a value written out"))
        return value

    def metered_concat(self, parts: tuple[Any, ...]) -> str:
        self.budget.step()
        checks.check_join(self.budget, "", list(parts))
        return str(checks.check_result(self.budget, "".join(map(str, parts))))

    def metered_compare(self, left: Any, *rest: Any) -> bool:
        """``left op right [op right …]``, a chain as Python evaluates it (the operands already
        evaluated, which a sandboxed template cannot tell apart)."""
        self.budget.step()
        for op, right in zip(rest[::2], rest[1::2]):
            self.budget.text(size_of(left) + size_of(right))
            if not _COMPARE[op](left, right):
                return False
            left = right
        return True

    def metered_range(self, *args: int) -> range:
        self.budget.step()
        try:
            span = range(*args)
            too_long = len(span) > MAX_ITEMS
        except OverflowError:
            too_long = True
        if too_long:
            raise BudgetExceeded(f"a range of more than {MAX_ITEMS:,} numbers")
        return span

    # --- sandbox hooks -----------------------------------------------------------------------

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.budget.step()
        if operator == "*":
            checks.check_repeat(self.budget, left, right)
            checks.check_multiply(left, right)
        elif operator == "**":
            checks.check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            checks.check_percent(self.budget, left, right)
        return checks.check_result(self.budget, super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.budget.step(MACRO_STEPS if isinstance(__obj, Macro) else 1)
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, (str, bytes)):
            __self.budget.text(len(owner))   # a method reads its text: find, count, split, …
        if isinstance(owner, (str, bytes, int)) and not isinstance(owner, bool):
            if name in _REFUSED_METHODS:
                raise BudgetExceeded(f"'{name}' is not available in outline templates")
            if name in _WIDTH_METHODS:
                checks.check_width(args[0] if args else kwargs.get(_WIDTH_METHODS[name]), f"'{name}'")
            elif name == "to_bytes":
                checks.check_width(args[0] if args else kwargs.get("length"), "'to_bytes'")
            elif name == "replace":
                checks.check_replace(owner, *args[:3])
            elif name == "join" and args:
                parts = list(__self.metered_iter(args[0]))
                checks.check_join(__self.budget, owner, parts)
                args = (parts, *args[1:])
        result = super().call(__context, __obj, *args, **kwargs)
        return checks.check_result(__self.budget, result)

    def wrap_str_format(self, value: Any) -> Any:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        fmt = value.__self__
        budget = self.budget
        is_map = value.__name__ == "format_map"

        @functools.wraps(wrapper)
        def checked(*args: Any, **kwargs: Any) -> str:
            budget.step()
            if is_map and len(args) == 1 and hasattr(args[0], "get"):
                checks.check_format(budget, fmt, (), args[0])
            else:
                checks.check_format(budget, fmt, args, kwargs)
            return str(checks.check_result(budget, wrapper(*args, **kwargs)))

        return checked


def _namespace_class(budget: Budget) -> type:
    class MeteredNamespace(Namespace):
        """``namespace()``, measuring what a template stores in it (a text doubled in a loop
        stops at the value limit)."""

        def __setitem__(self, name: str, value: Any) -> None:
            budget.step()
            budget.measure(value, "a namespace value")
            super().__setitem__(name, value)

    return MeteredNamespace


def new_environment(budget: Budget) -> MeteredEnvironment:
    return MeteredEnvironment(budget)
