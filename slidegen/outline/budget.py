"""The work and size budget of an outline's templates, enforced while they run.

An outline may come from a stranger, and Jinja2's sandbox only keeps a template away from
Python's internals: on its own it lets ``'x' * 10**10``, ``'%0999999999d' % 1``, nested loops over
large ranges or a string doubled in a loop run for minutes and take gigabytes. So every operation
that can make much more than it was given is checked *before* it runs (from the sizes of its
operands), everything a template produces is measured (expanding shared references, so a list
that holds itself a million times counts a million times), and every loop iteration, call,
filter and operator is a step counted against a budget. Each limit is a constant here; a message
that hits one names it.

The limits (and why):

* ``MAX_VALUE_CHARS`` — 5,000,000 characters in any one value a template makes. As large as the
  largest data file (so a data table passes whole through a filter), far beyond any slide text.
* ``MAX_OUTPUT_CHARS`` — 1,000,000 characters of text written by one templated value, or held
  by a whole-expression value (a table from data): a slide holds a few hundred, and a table of
  a million characters already plans into a thousand slides.
* ``MAX_OUTLINE_CHARS`` — 4,000,000 characters produced by all the templated values of an
  outline together: as much as an outline and its includes may hold (include.py), since all
  of it is measured and laid out on slides.
* ``MAX_EXPRESSION_ITEMS`` — 1,000 entries in a list a whole-expression value puts into the
  outline (table rows, timeline events from data): a thousand short rows make about 80 slides
  and plan in under a second.
* ``MAX_ITEMS`` — 100,000 entries in a list made by a template (``range``, ``*``, ``batch``, …);
  Jinja2's own sandbox range limit.
* ``MAX_STEPS_PER_VALUE`` / ``MAX_STEPS_PER_OUTLINE`` — 200,000 and 1,000,000 steps: a loop
  iteration, an operator, a filter, a value written out or an entry of a value measured is one
  step, a macro call ``MACRO_STEPS``, and making or reading text one step per ``CHARS_PER_STEP``
  characters. Steps cost 0.5 to 3 µs, so one value stops within about half a second and an
  outline's templates within a few seconds, whatever they do.
* ``MAX_TEMPLATE_TAGS`` — 5,000 ``{{ … }}`` / ``{% … %}`` tags in an outline: compiling costs
  about 60 µs a tag, so this keeps compilation under half a second.
* ``MAX_FORMAT_WIDTH`` — 1,000 characters of padding or precision in a format (``%``,
  ``.format``, ``center``, ``indent``, ``ljust`` …): wider than any slide.
* ``MAX_INT_BITS`` — 4,096 bits (about 1,200 digits) in an integer a template computes; larger
  ones cost quadratic time to multiply and print.
* ``MAX_DEPTH`` — 32 levels of nesting in a template's value.
* ``MAX_SECONDS_PER_VALUE`` / ``MAX_SECONDS_PER_OUTLINE`` — 2 s for one value, 5 s for all of
  an outline's templates: a backstop behind the step budget, for native work whose cost a step
  only estimates (sorting, searching, comparing long texts).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

MAX_VALUE_CHARS = 5_000_000
MAX_OUTPUT_CHARS = 1_000_000
MAX_OUTLINE_CHARS = 4_000_000
MAX_ITEMS = 100_000
MAX_EXPRESSION_ITEMS = 1_000
MAX_STEPS_PER_VALUE = 200_000
MAX_STEPS_PER_OUTLINE = 1_000_000
MACRO_STEPS = 5
CHARS_PER_STEP = 4096
MAX_TEMPLATE_TAGS = 5_000
MAX_FORMAT_WIDTH = 1_000
MAX_INT_BITS = 4_096
MAX_DEPTH = 32
MAX_SECONDS_PER_VALUE = 2.0
MAX_SECONDS_PER_OUTLINE = 5.0

#: How often (in steps) the clock is read: reading it every step would double a step's cost.
_CLOCK_EVERY = 256


class BudgetExceeded(Exception):
    """A template went over a limit. Deliberately not a subclass of TypeError, LookupError or
    AttributeError, which Jinja2 catches in places; ``whole_outline`` stops the expansion of
    the remaining values (they would all fail the same way)."""

    def __init__(self, message: str, whole_outline: bool = False) -> None:
        super().__init__(message)
        self.whole_outline = whole_outline


class TooManyEntries(BudgetExceeded):
    """A value with more entries (shared ones counted each time) than may be walked."""


class Budget:
    """Counts the work of one outline's templates, and of the value being expanded."""

    def __init__(self) -> None:
        self.outline_steps = 0
        self.outline_chars = 0
        self.value_steps = 0
        self.value_output = 0
        self.tags = 0
        self.deadline = time.monotonic() + MAX_SECONDS_PER_OUTLINE
        self.value_deadline = self.deadline
        self._sizes: dict[int, tuple[Any, int]] = {}   # id → (value, size) of plain data measured

    def start_value(self, source: str) -> None:
        """A new templated value begins: its own step and output budgets restart."""
        self.value_steps = 0
        self.value_output = 0
        self.value_deadline = min(time.monotonic() + MAX_SECONDS_PER_VALUE, self.deadline)
        self.tags += source.count("{{") + source.count("{%")
        if self.tags > MAX_TEMPLATE_TAGS:
            raise BudgetExceeded(f"the outline has more than {MAX_TEMPLATE_TAGS:,} template tags "
                                 "({{ … }} and {% … %}); compute the repeated part once", True)
        self.check_clock()

    def step(self, count: int = 1) -> None:
        self.value_steps += count
        self.outline_steps += count
        if self.value_steps > MAX_STEPS_PER_VALUE:
            raise BudgetExceeded(f"the template takes more than {MAX_STEPS_PER_VALUE:,} steps (loop "
                                 "iterations, calls, filters and operators); simplify it")
        if self.outline_steps > MAX_STEPS_PER_OUTLINE:
            raise BudgetExceeded(f"the outline's templates take more than {MAX_STEPS_PER_OUTLINE:,} "
                                 "steps together; simplify them", True)
        if self.outline_steps % _CLOCK_EVERY < count:
            self.check_clock()

    def check_clock(self) -> None:
        now = time.monotonic()
        if now > self.deadline:
            raise BudgetExceeded(f"the outline's templates ran longer than {MAX_SECONDS_PER_OUTLINE:g} s "
                                 "together; simplify them", True)
        if now > self.value_deadline:
            raise BudgetExceeded(f"the template ran longer than {MAX_SECONDS_PER_VALUE:g} s; simplify it")

    def text(self, chars: int) -> None:
        """Text of ``chars`` characters was made or read: work in proportion to its length."""
        if chars >= CHARS_PER_STEP:
            self.step(chars // CHARS_PER_STEP)

    def wrote(self, chars: int) -> None:
        """``chars`` characters of template output (text or a whole-expression value)."""
        self.value_output += chars
        self.outline_chars += chars
        if self.value_output > MAX_OUTPUT_CHARS:
            raise BudgetExceeded(f"the template writes more than {MAX_OUTPUT_CHARS:,} characters")
        if self.outline_chars > MAX_OUTLINE_CHARS:
            raise BudgetExceeded(f"the outline's templates write more than {MAX_OUTLINE_CHARS:,} "
                                 "characters together", True)

    def measure(self, value: Any, what: str = "a value") -> int:
        """The size of ``value`` written out; BudgetExceeded beyond MAX_VALUE_CHARS."""
        if isinstance(value, str):  # the common case, and O(1)
            if len(value) > MAX_VALUE_CHARS:
                raise BudgetExceeded(f"{what} of more than {MAX_VALUE_CHARS:,} characters")
            return len(value)
        cached = self._sizes.get(id(value))
        if cached is not None and cached[0] is value:
            return cached[1]
        room = max(MAX_STEPS_PER_VALUE - self.value_steps, 1)
        try:
            size, visited, plain = measure(value, MAX_VALUE_CHARS, what, room)
        except TooManyEntries:
            self.step(room + 1)   # walking it would take the rest of the value's steps: say so
            raise
        self.step(visited)   # walking a large value is work too: a step per entry
        if plain and isinstance(value, (list, tuple, dict)):
            self._sizes[id(value)] = (value, size)   # the value is kept alive, so its id stays its own
        return size


_SCALARS = (str, bytes, int, float, bool, type(None))


def measure(value: Any, limit: int = MAX_VALUE_CHARS, what: str = "a value",
            max_visits: int = MAX_STEPS_PER_VALUE) -> tuple[int, int, bool]:
    """An upper estimate of how many characters ``value`` takes written out (shared references
    counted every time they appear), how many entries were visited, and whether it is plain data
    (only str, numbers, lists, tuples and dicts, which a sandboxed template cannot change).
    Iterative, so deep nesting is a BudgetExceeded, not a RecursionError; stops as soon as
    ``limit`` characters or ``max_visits`` entries are passed."""
    total = 0
    visited = 0
    plain = True
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        visited += 1
        if visited > max_visits:
            raise TooManyEntries(f"{what} has more than {max_visits:,} entries")
        if isinstance(item, str):
            total += len(item) + 2
        elif isinstance(item, (bytes, bytearray)):
            total += 4 * len(item) + 3
        elif isinstance(item, bool) or item is None:
            total += 5
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 2
        elif isinstance(item, float):
            total += 24
        else:
            if depth >= MAX_DEPTH:
                raise BudgetExceeded(f"{what} nested deeper than {MAX_DEPTH} levels")
            children = _children(item)
            if children is None:
                plain = False
                total += 80   # an object written as its short repr (a macro, a generator, …)
            else:
                if not isinstance(item, (list, tuple, dict)):
                    plain = False
                total += 2 + 2 * len(children)
                stack.extend((child, depth + 1) for child in children)
        if total > limit:
            raise BudgetExceeded(f"{what} of more than {limit:,} characters")
    return total, visited, plain


def _children(item: Any) -> list[Any] | None:
    from jinja2.utils import Namespace

    if isinstance(item, Namespace):
        item = object.__getattribute__(item, "_Namespace__attrs")
    if isinstance(item, Mapping):
        return [part for pair in item.items() for part in pair]
    if isinstance(item, (list, tuple, set, frozenset)):
        return list(item)
    return None
