"""Outlines given from Python: a mapping (as a reader would produce) or Outline objects.

The data goes through the same steps as a file's — templates in its values, validation — and
every problem names the path inside the data (``sections[1].items[3].slides[0].bullets[2]``).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..model.outline import Outline
from ..project import project_root
from ..source import DataLocator
from .load import has_templates
from .validate import validate_outline
from .variables import collect_variables


def load_data(source: Mapping[str, Any] | Outline, variables: Mapping[str, Any], data: Mapping[str, Any],
              base_dir: Path | None = None) -> Outline:
    """Validate outline data; templates in its values are expanded first, with ``vars:``,
    ``variables`` and ``data`` (paths are read relative to ``base_dir``)."""
    locator = DataLocator()
    if isinstance(source, Outline):
        return validate_outline(source, locator)
    tree = _plain(source)
    folder = (base_dir or Path.cwd()).resolve()
    files = {k: str(v) for k, v in data.items() if isinstance(v, (str, Path))}
    names = collect_variables(tree, locator, folder, project_root(folder), {}, files)
    names.update({k: v for k, v in data.items() if k not in files})
    names.update(variables)
    if has_templates(tree):
        from .templating import expand

        tree = expand(tree, names, locator)
    return validate_outline(tree, locator)


def _plain(value: Any) -> Any:
    """A deep copy with tuples as lists and mappings as dicts, as a reader produces."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return copy.copy(value)
