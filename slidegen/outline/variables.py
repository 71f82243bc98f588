"""Template variables: the outline's ``vars:`` and ``data:``, and ``--var`` / ``--data`` options.

Data files are CSV (a list of records, one per line, keyed by the header row), YAML or JSON
(:mod:`.datafiles`, which bounds them). Those the outline names are read relative to it, those
given with ``--data`` relative to the current folder; either must lie inside the project folder
(:func:`slidegen.project.inside_project`), the current folder being no exception.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import OutlineError
from ..project import inside_project
from ..source import Locator, SourceLocation
from .datafiles import read_data_file

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
            if str(name) in cli_data:
                continue  # --data replaces it: not read at all
            variables[str(name)] = load_data_file(str(raw), base_dir, project, source_map.at(("data", name)), inputs)
    for name, raw in cli_data.items():
        variables[name] = load_data_file(raw, Path.cwd(), project, SourceLocation(f"--data {name}"), inputs,
                                         typed=True)
    variables.update(cli_vars)
    return variables


def load_data_file(raw: str, base_dir: Path, project: Path, where: SourceLocation,
                   inputs: list[Path] | None = None, typed: bool = False) -> Any:
    path = inside_project(raw, base_dir, project, "data file", where, typed=typed)
    suffix = Path(raw).suffix.lower()   # the format is the one the name says, even through a link
    if suffix not in DATA_SUFFIXES:
        raise OutlineError(f"data file '{raw}' must be {', '.join(DATA_SUFFIXES)}", where)
    if not path.exists():
        raise OutlineError(f"data file not found: '{raw}'", where)
    value = read_data_file(path, suffix)
    if inputs is not None:
        inputs.append(path)
    return value
