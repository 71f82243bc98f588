"""Template variables: the outline's ``vars:`` and ``data:``, and ``--var`` / ``--data`` options.

Data files are CSV (a list of records, one per line, keyed by the header row), YAML or JSON. They
are read relative to the outline and must lie inside the project folder.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import OutlineError, display_path
from ..source import SourceLocation
from .source import read_text
from ..source import Locator
from .yaml_tree import parse_yaml

DATA_SUFFIXES = (".csv", ".yaml", ".yml", ".json")


def collect_variables(data: Any, source_map: Locator, base_dir: Path, project: Path,
                      cli_vars: Mapping[str, str], cli_data: Mapping[str, str],
                      inputs: list[Path] | None = None) -> dict[str, Any]:
    variables: dict[str, Any] = {}
    if isinstance(data, dict):
        declared = data.get("vars") or {}
        if not isinstance(declared, dict):
            raise OutlineError("'vars' is a mapping of names to values", source_map.at(("vars",)))
        variables.update(declared)
        files = data.get("data") or {}
        if not isinstance(files, dict):
            raise OutlineError("'data' is a mapping of names to data files", source_map.at(("data",)))
        for name, raw in files.items():
            variables[str(name)] = load_data_file(str(raw), base_dir, project, source_map.at(("data", name)), inputs)
    for name, raw in cli_data.items():
        variables[name] = load_data_file(raw, Path.cwd(), project, SourceLocation(f"--data {name}"), inputs)
    variables.update(cli_vars)
    return variables


def load_data_file(raw: str, base_dir: Path, project: Path, where: SourceLocation,
                   inputs: list[Path] | None = None) -> Any:
    path = (base_dir / raw).resolve()
    if Path(raw).is_absolute() or not (path.is_relative_to(project.resolve()) or path.is_relative_to(Path.cwd().resolve())):
        raise OutlineError(f"data file '{raw}' lies outside the project folder", where)
    if path.suffix.lower() not in DATA_SUFFIXES:
        raise OutlineError(f"data file '{raw}' must be {', '.join(DATA_SUFFIXES)}", where)
    if not path.is_file():
        raise OutlineError(f"data file not found: '{raw}'", where)
    text = read_text(path)
    if inputs is not None:
        inputs.append(path)
    shown = display_path(path)
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        return [dict(row) for row in reader]
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise OutlineError(f"invalid JSON: {exc.msg}", SourceLocation(shown, exc.lineno, exc.colno)) from None
    value, _ = parse_yaml(text, shown)
    return value
