"""``slidegen new``: a commented starter outline that shows every slide kind, or one made from a
pasted "Nội dung" outline (``--from``), in YAML or Markdown (``--format md``)."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, OutlineError, display_path
from ..output import write_new_file
from .source import has_vietnamese

FORMATS = {"yaml": ".yaml", "md": ".md"}


def starter_text(name: str) -> str:
    template = resources.files("slidegen.outline").joinpath("starter.yaml").read_text(encoding="utf-8")
    return template.replace("{{name}}", name)


def _target(name: str, folder: Path, fmt: str) -> Path:
    if fmt not in FORMATS:
        raise OutlineError(f"format '{fmt}' is not one of {', '.join(FORMATS)}")
    if not re.fullmatch(r"[\w.-]+", name) or name.startswith("."):
        raise OutlineError(f"deck name '{name}' must be a plain file name such as 'demo' (letters, digits, - _ .)")
    stem = re.sub(r"\.(ya?ml|md|markdown)$", "", name)
    target = folder / f"{stem}{FORMATS[fmt]}"
    if target.exists():
        raise OutlineError(f"{display_path(target)} already exists; slidegen new never overwrites a file")
    return target


def create_starter(name: str, folder: Path = Path("decks"), fmt: str = "yaml") -> Path:
    target = _target(name, folder, fmt)
    if fmt == "yaml":
        write_new_file(target, starter_text(target.stem))
        return target
    from .write_markdown import write_markdown
    from .yaml_tree import parse_yaml

    data, _ = parse_yaml(starter_text(target.stem), "starter.yaml")
    header = (f"A slidegen outline in Markdown. Build it with:  slidegen build {display_path(target)}\n"
              "# sections, ## items (slidegen numbers them); ### or --- starts another slide of the item;\n"
              "::: notes, ::: sources and ::: todo blocks; ```slidegen <kind> blocks hold the YAML of any kind.")
    write_new_file(target, write_markdown(data, header))
    return target


def create_from_pasted(name: str, source: Path, folder: Path = Path("decks"),
                       fmt: str = "yaml") -> tuple[Path, tuple[Diagnostic, ...]]:
    """A starter outline with every part and item of a pasted "Nội dung" outline, in order, each
    item with a ``todo``; never overwrites a file."""
    from .pasted import read_pasted
    from .source import read_text

    target = _target(name, folder, fmt)
    pasted = read_pasted(read_text(source), display_path(source))
    data = pasted_outline_data(pasted, target.stem)
    build = f"slidegen build {display_path(target)}"
    header = (f"Starter outline from {source.name}: every part and item in order, each with a todo to "
              f"complete.\nBuild it with:  {build}")
    if fmt == "md":
        from .write_markdown import write_markdown

        write_new_file(target, write_markdown(data, header))
    else:
        from .write_yaml import write_yaml

        write_new_file(target, write_yaml(data, header))
    return target, tuple(pasted.warnings)


def pasted_outline_data(pasted: Any, name: str) -> dict[str, Any]:
    vietnamese = has_vietnamese(" ".join([pasted.title or ""] + [p.title for p in pasted.parts] +
                                          [i.title for p in pasted.parts for i in p.items]))
    todo = "Soạn nội dung cho mục này." if vietnamese else "Write this item's slides."
    hint = "Ý đã nêu:" if vietnamese else "Points noted:"
    deck: dict[str, Any] = {"title": pasted.title or name.replace("-", " ").replace("_", " ").capitalize()}
    if pasted.subtitle:
        deck["subtitle"] = pasted.subtitle
    deck.update({"language": "vi-VN" if vietnamese else "en-US", "theme": "formal", "agenda": {"repeat": True}})
    sections = []
    for n, part in enumerate(pasted.parts, start=1):
        title = part.title or (f"Phần {n}" if vietnamese else f"Part {n}")
        items = [{"title": i.title, "todo": f"{todo} {hint} {'; '.join(i.hints)}." if i.hints else todo}
                 for i in part.items] or [{"title": title, "todo": todo}]
        sections.append({"title": title, "items": items})
    return {"deck": deck, "sections": sections}
