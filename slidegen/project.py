"""The project folder: pictures, data files and includes must stay inside it."""

from __future__ import annotations

from pathlib import Path

_MARKERS = (".git", "pyproject.toml", "slidegen.yaml")


def project_root(outline_dir: Path) -> Path:
    """The nearest folder up from the outline that marks a project (.git, pyproject.toml or
    slidegen.yaml), else the outline's own folder."""
    outline_dir = outline_dir.resolve()
    for folder in (outline_dir, *outline_dir.parents):
        if any((folder / marker).exists() for marker in _MARKERS):
            return folder
    return outline_dir
