"""Writing plain outline data as a Markdown outline (the dialect ``markdown/`` reads).

Deck keys, ``vars`` and ``data`` go into the front matter; sections and items become ``#`` and
``##`` headings with their numbers typed ("# I. …", "## 1. …", as a "Nội dung" outline reads; the
reader takes them off again). A slide is Markdown where Markdown says it plainly — bullets, a
pipe table, pictures, a quote, code, two columns — and otherwise a ``slidegen <kind>`` block with
the YAML of its content, so every outline can be written. In an outline of several languages each
part is followed by a ``::: {lang=…}`` block holding it in each other language
(:mod:`.write_languages` says when a text can be written so). Reading the result gives back the
same data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .markdown.escape import (block_ok, bracket_text, fence_for, heading_ok, heading_text, inline_ok,
                              link_destination, link_title, table_cell, text_lines)
from ..plan.strings import roman
from .markdown.languages import Languages
from .write_languages import InLanguage, all_exact, exact, has_translations, outline_languages
from .write_yaml import dump_yaml

_SLIDE_EXTRAS = ("title", "notes", "sources")
_MARKDOWN_KINDS = ("bullets", "columns", "table", "image", "photos", "quote", "code")
_SOURCE_REF = re.compile(r"^[\w.-]+$")


def write_markdown(data: dict[str, Any], header: str = "") -> str:
    languages = outline_languages(data)
    parts = [_front_matter(data)]
    if header:
        parts.append("<!--\n" + header.strip().replace("--", "—") + "\n-->")
    for s, section in enumerate(data.get("sections") or []):
        parts.extend(_section(section, s, languages))
    return "\n\n".join(p for p in parts if p) + "\n"


def _front_matter(data: dict[str, Any]) -> str:
    front: dict[str, Any] = {k: data[k] for k in ("vars", "data") if k in data}
    front.update(data.get("deck") or {})
    return "---\n" + dump_yaml(front, spaced=False) + "---"


#: A part of the outline (what a heading or '---' begins) as Markdown blocks, in one language.
Render = Callable[[InLanguage], list[str]]


def _part(render: Render, languages: Languages) -> list[str]:
    """The part in the default language, then a ``::: {lang=…}`` block for each other one."""
    out = render(InLanguage(languages))
    for tag in languages.others:
        inner = render(InLanguage(languages, tag))
        if inner:
            out.append(f"::: {{lang={tag}}}\n" + "\n\n".join(inner) + "\n:::")
    return out


def _shown(view: InLanguage, value: Any) -> str | None:
    """A heading's, todo's or notes' text in ``view``'s language (None: not given in it). A
    text by language without the default's text shows its first in the default language."""
    text = view.text(value)
    if text is None and view.tag is None and isinstance(value, dict) and value:
        text = next(iter(value.values()))
    return None if text is None else str(text)


def _section(section: Any, index: int, languages: Languages) -> list[str]:
    if not isinstance(section, dict) or set(section) == {"include"}:
        raise ValueError("sections included from other files are expanded before writing Markdown")

    def render(view: InLanguage) -> list[str]:
        title, notes = _shown(view, section.get("title", "")), _shown(view, section.get("notes") or None)
        out = [] if title is None else [f"# {roman(index + 1)}. {heading_text(title)}"]
        if notes:   # Markdown keeps the notes' words; edge spaces do not survive
            out.append(_div("notes", notes.strip(" ")))
        return out

    parts = _part(render, languages)
    for i, item in enumerate(section.get("items") or []):
        parts.extend(_item(item, i, languages))
    return parts


def _item(item: Any, index: int, languages: Languages) -> list[str]:
    if not isinstance(item, dict) or set(item) == {"include"}:
        raise ValueError("items included from other files are expanded before writing Markdown")

    def heading(view: InLanguage) -> list[str]:
        title = _shown(view, item.get("title", ""))
        return [] if title is None else [f"## {index + 1}. {heading_text(title)}"]

    slides = [_slide(slide, k, languages) for k, slide in enumerate(item.get("slides") or [])]
    # The item's heading and an untitled first slide are one part; every other slide is its own.
    renders: list[Render] = [heading]
    for k, (titled, render) in enumerate(slides):
        if k == 0 and not titled:
            renders[0] = _joined(heading, render)
        else:
            renders.append(render)
    if item.get("todo") is not None:
        todo = item["todo"]
        renders[-1] = _joined(renders[-1], lambda view: [_div("todo", t) for t in [_shown(view, todo)] if t is not None])
    return [block for render in renders for block in _part(render, languages)]


def _joined(first: Render, then: Render) -> Render:
    return lambda view: first(view) + then(view)


def _slide(slide: Any, index: int, languages: Languages) -> tuple[bool, Render]:
    """A slide — ``### title`` (or ``---`` between slides), its content, notes and sources — and
    whether it begins with its own heading. Its content in each language is Markdown where
    Markdown says it exactly; otherwise one ``slidegen`` block of YAML says everything (or the
    content alone, when the title and notes can stay Markdown)."""
    separator = ["---"] if index else []
    if not isinstance(slide, dict):
        return False, lambda view: separator + [_block("slidegen", slide)] if view.tag is None else []
    content = {k: v for k, v in slide.items() if k not in _SLIDE_EXTRAS}
    title, notes, sources = slide.get("title"), slide.get("notes"), slide.get("sources")
    views = [InLanguage(languages), *(InLanguage(languages, t) for t in languages.others)]
    plain_sources = sources is None or isinstance(sources, list) and all(
        isinstance(s, int) and not isinstance(s, bool) or (isinstance(s, str) and _SOURCE_REF.match(s) and not s.isdigit())
        for s in sources)
    titles_ok = title is None or exact(title, languages, True) and all(
        heading_ok(t) for v in views for t in [v.text(title)] if t is not None or v.tag is None)
    notes_ok = notes is None or exact(notes, languages, True) and all(
        block_ok(t) for v in views for t in [v.text(notes)] if t is not None or v.tag is None)
    if not (len(content) == 1 and titles_ok and notes_ok and plain_sources):
        # Everything as YAML, title and notes too (the YAML gives its own languages).
        return False, lambda view: separator + [_block("slidegen", slide)] if view.tag is None else []
    key, value = next(iter(content.items()))
    markdown = key in _MARKDOWN_KINDS and all_exact(value, languages, key) and not (
        key == "code" and has_translations(value)) and all(
        _markdown_kind(key, v.project(value)) is not None for v in views)

    def render(view: InLanguage) -> list[str]:
        shown = view.text(title)
        out = [f"### {shown}"] if shown is not None else separator if view.tag is None else []
        if markdown:
            out.append(_markdown_kind(key, view.project(value)) or "")
        elif view.tag is None:
            out.append(_block(f"slidegen {key}", value))   # the YAML gives its own languages
        said = view.text(notes)
        if said is not None:
            out.append(_div("notes", said))
        if sources is not None and view.tag is None:
            out.append(_div("sources", ", ".join(str(s) for s in sources)))
        return out
    return title is not None, render


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
