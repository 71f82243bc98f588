"""Writing plain outline data as a Markdown outline (the dialect ``markdown/`` reads).

Deck keys, ``vars`` and ``data`` go into the front matter; sections and items become ``#`` and
``##`` headings with their numbers typed ("# I. …", "## 1. …", as a "Nội dung" outline reads; the
reader takes them off again). A slide is Markdown where Markdown says it plainly — bullets, a
pipe table, pictures, a quote, code, two columns — and otherwise a ``slidegen <kind>`` block with
the YAML of its content, so every outline can be written. Reading the result gives back the same
data.
"""

from __future__ import annotations

import re
from typing import Any

from .markdown.escape import (block_ok, bracket_text, fence_for, heading_ok, heading_text, inline_ok,
                              link_destination, link_title, table_cell, text_lines)
from ..plan.strings import roman
from .write_yaml import dump_yaml

_SLIDE_EXTRAS = ("title", "notes", "sources")
_MARKDOWN_KINDS = ("bullets", "columns", "table", "image", "photos", "quote", "code")
_SOURCE_REF = re.compile(r"^[\w.-]+$")


def write_markdown(data: dict[str, Any], header: str = "") -> str:
    parts = [_front_matter(data)]
    if header:
        parts.append("<!--\n" + header.strip().replace("--", "—") + "\n-->")
    for s, section in enumerate(data.get("sections") or []):
        parts.extend(_section(section, s))
    return "\n\n".join(p for p in parts if p) + "\n"


def _front_matter(data: dict[str, Any]) -> str:
    front: dict[str, Any] = {k: data[k] for k in ("vars", "data") if k in data}
    front.update(data.get("deck") or {})
    return "---\n" + dump_yaml(front, spaced=False) + "---"


def _section(section: Any, index: int) -> list[str]:
    if not isinstance(section, dict) or set(section) == {"include"}:
        raise ValueError("sections included from other files are expanded before writing Markdown")
    parts = [f"# {roman(index + 1)}. {heading_text(str(section.get('title', '')))}"]
    if section.get("notes"):   # Markdown keeps the notes' words; edge spaces do not survive
        parts.append(_div("notes", str(section["notes"]).strip(" ")))
    for i, item in enumerate(section.get("items") or []):
        parts.extend(_item(item, i))
    return parts


def _item(item: Any, index: int) -> list[str]:
    if not isinstance(item, dict) or set(item) == {"include"}:
        raise ValueError("items included from other files are expanded before writing Markdown")
    parts = [f"## {index + 1}. {heading_text(str(item.get('title', '')))}"]
    for k, slide in enumerate(item.get("slides") or []):
        parts.extend(_slide(slide, k))
    if item.get("todo") is not None:
        parts.append(_div("todo", str(item["todo"])))
    return parts


def _slide(slide: Any, index: int) -> list[str]:
    """A slide: ``### title`` (or ``---`` between slides), its content, notes and sources; as one
    ``slidegen`` block of YAML when Markdown cannot say all of it exactly."""
    separator = ["---"] if index else []
    if not isinstance(slide, dict):
        return separator + [_block("slidegen", slide)]
    content = {k: v for k, v in slide.items() if k not in _SLIDE_EXTRAS}
    title, notes, sources = slide.get("title"), slide.get("notes"), slide.get("sources")
    plain_sources = sources is None or isinstance(sources, list) and all(
        isinstance(s, int) and not isinstance(s, bool) or (isinstance(s, str) and _SOURCE_REF.match(s) and not s.isdigit())
        for s in sources)
    if not (len(content) == 1 and (title is None or heading_ok(title)) and (notes is None or block_ok(notes))
            and plain_sources):
        return separator + [_block("slidegen", slide)]   # everything as YAML, title and notes too
    key, value = next(iter(content.items()))
    written = _markdown_kind(key, value) if key in _MARKDOWN_KINDS else None
    parts = [f"### {title}"] if title is not None else separator
    parts.append(written if written is not None else _block(f"slidegen {key}", value))
    if notes is not None:
        parts.append(_div("notes", notes))
    if sources is not None:
        parts.append(_div("sources", ", ".join(str(s) for s in sources)))
    return parts


def _markdown_kind(key: str, value: Any) -> str | None:
    """The content as plain Markdown, or None when Markdown cannot say it exactly."""
    if key == "bullets":
        return _bullets(value, 0) if _bullet_list(value) else None
    if key == "columns":
        return _columns(value)
    if key == "table":
        return _table(value)
    if key == "image":
        return _picture(value) if isinstance(value, dict) else None
    if key == "photos":
        if not (isinstance(value, list) and len(value) > 1 and all(isinstance(p, dict) for p in value)):
            return None  # one photo would read back as an image slide
        pictures = [_picture(p) for p in value]
        return None if None in pictures else "\n\n".join(pictures)  # type: ignore[arg-type]
    if key == "quote":
        return _quote(value)
    if key == "code":
        return _code(value)
    return None


def _bullet_list(value: Any) -> bool:
    if not isinstance(value, list) or not value:
        return False
    for bullet in value:
        if isinstance(bullet, str):
            if not inline_ok(bullet):
                return False
        elif not (isinstance(bullet, dict) and set(bullet) == {"text", "children"} and inline_ok(bullet["text"])
                  and _bullet_list(bullet["children"])):
            return False
    return True


def _bullets(bullets: list[Any], depth: int) -> str:
    pad = "  " * depth
    lines: list[str] = []
    for bullet in bullets:
        text = bullet if isinstance(bullet, str) else bullet["text"]
        first, *rest = text_lines(text)
        lines.append(f"{pad}- {first}")
        lines.extend(f"{pad}  {line}" for line in rest)
        children = bullet.get("children") if isinstance(bullet, dict) else None
        if children:
            lines.append(_bullets(children, depth + 1))
    return "\n".join(lines)


def _columns(value: Any) -> str | None:
    if not (isinstance(value, list) and len(value) == 2):
        return None
    parts = [":::: columns"]
    for column in value:
        if not (isinstance(column, dict) and set(column) <= {"heading", "bullets"} and _bullet_list(column.get("bullets"))
                and ("heading" not in column or heading_ok(column["heading"]))):
            return None
        parts.append("::: column")
        if column.get("heading") is not None:
            parts.append(f"### {heading_text(str(column['heading']))}\n")
        parts.append(_bullets(column["bullets"], 0))
        parts.append(":::")
    parts.append("::::")
    return "\n".join(parts)


def _table(value: Any) -> str | None:
    if not (isinstance(value, dict) and set(value) == {"header", "rows"}):
        return None  # widths, or rows from a template: the table as YAML
    header, rows = value["header"], value["rows"]
    cells = [header] + (rows if isinstance(rows, list) else [])
    if not isinstance(rows, list) or not rows or not all(
            isinstance(r, list) and len(r) == len(header) and all(isinstance(c, str) and "\n" not in c and c.strip() == c
                                                                   for c in r) for r in cells):
        return None
    lines = ["| " + " | ".join(table_cell(c) for c in header) + " |",
             "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(table_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _picture(picture: dict[str, Any]) -> str | None:
    if not set(picture) <= {"path", "caption", "alt"} or not all(heading_ok(v) and v for v in picture.values()):
        return None
    if any(c in picture.get("caption", "") for c in "[]\\"):
        return None
    caption = picture.get("caption", "")
    alt = picture.get("alt")
    if alt is not None and alt == caption:
        return None  # the reader reads a title equal to the caption as no alt text
    title = f" {link_title(alt)}" if alt is not None else ""
    destination = link_destination(picture.get("path", "")) or ("<>" if title else "")
    return f"![{bracket_text(caption)}]({destination}{title})"


def _quote(value: Any) -> str | None:
    if not (isinstance(value, dict) and set(value) <= {"text", "attribution"} and isinstance(value.get("text"), str)):
        return None
    text, attribution = value["text"], value.get("attribution")
    if not inline_ok(text) or text[:1] in "—–~" or text.startswith("-- ") or (
            attribution is not None and not (heading_ok(attribution) and attribution)):
        return None
    lines = ["> " + line for line in text_lines(text)]
    if attribution is not None:
        lines += [">", f"> — {attribution}"]
    return "\n".join(lines)


def _code(value: Any) -> str | None:
    if not (isinstance(value, dict) and set(value) == {"text", "language"} and isinstance(value["text"], str)):
        return None
    language = value["language"]
    if language is not None and (not isinstance(language, str) or not re.fullmatch(r"[\w+#.-]+", language)
                                 or language == "slidegen"):
        return None
    fence = fence_for(value["text"])
    return f"{fence}{language or ''}\n{value['text']}\n{fence}"


def _block(info: str, value: Any) -> str:
    body = dump_yaml(value, spaced=False).rstrip("\n")
    fence = fence_for(body)
    return f"{fence}{info}\n{body}\n{fence}"


def _div(name: str, text: str) -> str:
    return f"::: {name}\n{text.lstrip(chr(10))}\n:::"  # a final newline shows as a blank line
