"""``slidegen new``: a commented starter outline that shows every slide kind."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from ..errors import OutlineError, display_path
from ..output import write_new_file


def starter_text(name: str) -> str:
    template = resources.files("slidegen.outline").joinpath("starter.yaml").read_text(encoding="utf-8")
    return template.replace("{{name}}", name)


def create_starter(name: str, folder: Path = Path("decks")) -> Path:
    if not re.fullmatch(r"[\w.-]+", name) or name.startswith("."):
        raise OutlineError(f"deck name '{name}' must be a plain file name such as 'demo' (letters, digits, - _ .)")
    target = folder / f"{name.removesuffix('.yaml')}.yaml"
    if target.exists():
        raise OutlineError(f"{display_path(target)} already exists; slidegen new never overwrites a file")
    write_new_file(target, starter_text(target.stem))
    return target
