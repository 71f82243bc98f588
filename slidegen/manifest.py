"""``--manifest``: the files a deck was made from, with their hashes, and the output's hash.

With it a reviewer can tell whether a committed deck is up to date with its sources, and a CI
job can prove a rebuild is byte-identical.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
import json
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    from .api import BuildResult


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _shown(path: Path, root: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), root)).as_posix()
    except ValueError:  # another drive (Windows)
        return path.resolve().as_posix()


def manifest_dict(result: "BuildResult", root: Path | None = None) -> dict[str, Any]:
    """Paths are relative to ``root`` (the current directory) so the manifest is portable."""
    root = (root or Path.cwd()).resolve()
    return {
        "slidegen": __version__,
        "inputs": [{"path": _shown(p, root), "sha256": _sha256(p)} for p in result.inputs],
        "output": {"path": _shown(result.output, root), "sha256": _sha256(result.output),
                   "slides": result.slide_count},
        "source_date_epoch": os.environ.get("SOURCE_DATE_EPOCH"),
    }


def manifest_json(result: "BuildResult") -> str:
    return json.dumps(manifest_dict(result), ensure_ascii=False, indent=2) + "\n"
