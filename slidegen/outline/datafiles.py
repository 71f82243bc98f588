"""Reading a data file (CSV, JSON, YAML) into template variables, within limits.

A data file may be as hostile as an outline. Each format's errors become one located line
(``file:line:col: invalid CSV: …``), never a traceback, and what a file holds is bounded, so a
million-row table is refused at load rather than measured row by row when slides are fitted:

* ``MAX_DATA_BYTES`` — 5 MiB of file (checked while reading, on regular files only).
* ``MAX_DATA_ROWS`` — 10,000 records in a CSV, or entries in any one JSON/YAML list: room for
  years of meetings, and a data file may hold more than one table shows (``selectattr``).
* ``MAX_DATA_VALUES`` — 100,000 values in all (cells, and keys of mappings), so a whole table
  passes through a template filter within one value's step budget (budget.MAX_STEPS_PER_VALUE).
* ``MAX_DATA_CHARS`` — the data written out, shared references (YAML aliases) counted each time
  they appear: the template value limit, so any data that loads can be given to a filter.
* nesting — budget.MAX_DEPTH levels.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from ..errors import OutlineError
from ..errors import display_path
from ..source import SourceLocation
from .budget import MAX_VALUE_CHARS, BudgetExceeded, measure
from .source import read_text
from .yaml_tree import parse_yaml

MAX_DATA_BYTES = 5 * 1024 * 1024
MAX_DATA_ROWS = 10_000
MAX_DATA_VALUES = 100_000
MAX_DATA_CHARS = MAX_VALUE_CHARS


class _DuplicateKey(ValueError):
    pass


def read_data_file(path: Path, suffix: str | None = None) -> Any:
    """The records or values a data file holds (CSV, JSON, else YAML, by ``suffix`` or the
    file's own); raise one OutlineError naming file:line."""
    shown = display_path(path)
    text = read_text(path, limit=MAX_DATA_BYTES, what="data file")
    suffix = (suffix or path.suffix).lower()
    if suffix == ".csv":
        value = _csv(text, shown)
    elif suffix == ".json":
        value = _json(text, shown)
    else:
        value, _ = parse_yaml(text, shown, MAX_DATA_CHARS)
    _check_size(value, shown)
    return value


def _csv(text: str, shown: str) -> list[dict[str, Any]]:
    """Records keyed by the header row; a missing trailing value is None, an extra one an error."""
    import csv  # only for outlines with CSV data

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)   # a stray quote is an error, not data
    try:
        header = next(reader, None)
        if header is None:
            return []
        _check_header(header, shown)
        records: list[dict[str, Any]] = []
        for row in reader:
            if not row:
                continue  # a blank line, as csv.DictReader skips it
            if len(records) >= MAX_DATA_ROWS:
                raise OutlineError(f"data file has more than {MAX_DATA_ROWS:,} rows; the limit is "
                                   f"{MAX_DATA_ROWS:,}", SourceLocation(shown, reader.line_num))
            if len(row) > len(header):
                raise OutlineError(f"invalid CSV: this row has {len(row)} values but the header names "
                                   f"{len(header)} columns (quote a value that holds a comma)",
                                   SourceLocation(shown, reader.line_num))
            records.append(dict(zip(header, row + [None] * (len(header) - len(row)))))
    except csv.Error as exc:
        raise OutlineError(f"invalid CSV: {exc}", SourceLocation(shown, reader.line_num)) from None
    return records


def _check_header(header: list[str], shown: str) -> None:
    seen: set[str] = set()
    for column, name in enumerate(header, start=1):
        if not name.strip():
            raise OutlineError(f"invalid CSV: column {column} of the header row has no name",
                               SourceLocation(shown, 1))
        if name in seen:
            raise OutlineError(f"invalid CSV: the header names column {name!r} twice", SourceLocation(shown, 1))
        seen.add(name)


def _json(text: str, shown: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise OutlineError(f"invalid JSON: {exc.msg}", SourceLocation(shown, exc.lineno, exc.colno)) from None
    except RecursionError:
        raise OutlineError("invalid JSON: nested too deeply", SourceLocation(shown)) from None
    except ValueError as exc:  # a duplicate key, NaN, or an integer too long to read
        raise OutlineError(f"invalid JSON: {exc}", SourceLocation(shown)) from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(f"duplicate key {key!r} in an object")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _check_size(value: Any, shown: str) -> None:
    """Rows, values, nesting and written-out size within the limits (one iterative walk)."""
    where = SourceLocation(shown)
    try:  # first: it bounds the walk below (YAML aliases can repeat a list many times over)
        measure(value, MAX_DATA_CHARS, "data", MAX_DATA_VALUES)
    except BudgetExceeded as exc:
        raise OutlineError(f"data file holds too much: {exc}; the limits are {MAX_DATA_VALUES:,} values "
                           f"and {MAX_DATA_CHARS:,} characters", where) from None
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list) and len(item) > MAX_DATA_ROWS:
            raise OutlineError(f"data file has a list of {len(item):,} entries; the limit is {MAX_DATA_ROWS:,}",
                               where)
        if isinstance(item, (list, dict)):
            stack.extend(item.values() if isinstance(item, dict) else item)
