"""Bring your own template: a house .pptx or .potx becomes the deck's masters and layouts.

The template's sample slides are removed; its layouts are mapped onto slide kinds
(:mod:`.mapping`); and a :class:`Theme` is derived from it — colours and fonts from its theme part,
text sizes from its master, and the geometry of every kind from the mapped placeholders — so the
planner measures text against the boxes the deck will really have.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import io
import zipfile
from pathlib import Path
from collections.abc import Mapping
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn

from ...errors import Diagnostic, ThemeError, display_path
from ...source import Locator
from ...scene import EMU_PER_INCH, EmuBox
from ...kinds.base import TITLE_TYPES
from ...theme.model import Box, Colors, Fonts, LayoutGeometry, Theme, TitleStyle
from ...validation import FrozenMap
from ..package import write_package
from ..placeholders import placeholder_shapes
from .mapping import LayoutChoice, TemplateMap, map_template

_POTX = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
MAX_TEMPLATE_BYTES = 100 * 1024 * 1024


def read_template(path: Path) -> bytes:
    """The template as a slide-less .pptx package (a .potx gets the presentation content type)."""
    shown = display_path(path)
    if not path.is_file():
        raise ThemeError(f"template not found: {shown}")
    if path.stat().st_size > MAX_TEMPLATE_BYTES:
        raise ThemeError(f"template {shown} is larger than {MAX_TEMPLATE_BYTES // 1024 // 1024} MB")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ThemeError(f"cannot read {shown}: {exc.strerror or exc}") from None
    return read_template_bytes(data, shown)


def read_template_bytes(data: bytes, shown: str) -> bytes:
    """A template given as bytes (``shown`` names it in messages), as a slide-less package."""
    if len(data) > MAX_TEMPLATE_BYTES:
        raise ThemeError(f"template {shown} is larger than {MAX_TEMPLATE_BYTES // 1024 // 1024} MB")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            entries = [(info, source.read(info.filename)) for info in source.infolist()]
    except (zipfile.BadZipFile, OSError) as exc:
        raise ThemeError(f"{shown} is not a PowerPoint template (.pptx or .potx): {exc}") from None
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "[Content_Types].xml":
                data = data.replace(_POTX.encode(), _PPTX.encode())
            target.writestr(info, data)
    try:
        presentation = Presentation(io.BytesIO(buffer.getvalue()))
    except Exception as exc:  # python-pptx raises many types for foreign packages
        raise ThemeError(f"{shown} cannot be read as a PowerPoint template: {exc}") from None
    _remove_slides(presentation)
    out = io.BytesIO()
    write_package(presentation, out, _dt.datetime(1980, 1, 1))  # the deck's own date is set later
    return out.getvalue()


def _remove_slides(presentation: Any) -> None:
    slide_ids = presentation.slides._sldIdLst
    for slide_id in list(slide_ids):
        presentation.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


def _inches(box: EmuBox | None) -> Box | None:
    if box is None:
        return None
    x, y, w, h = (round(v / EMU_PER_INCH, 4) for v in box)
    return (x, y, w, h)


def _theme_part(presentation: Any) -> Any:
    master = presentation.slide_masters[0]
    for rel in master.part.rels.values():
        if rel.reltype.endswith("/theme"):
            return etree.fromstring(rel.target_part.blob)
    return None


def _scheme(presentation: Any, base: Theme) -> tuple[Colors, Fonts]:
    root = _theme_part(presentation)
    colors = {f.name: getattr(base.colors, f.name) for f in dataclasses.fields(Colors)}
    fonts = {"major": base.fonts.major, "minor": base.fonts.minor}
    if root is None:
        return base.colors, base.fonts
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    scheme = root.find(f".//{a}clrScheme")
    for slot in colors:
        element = scheme.find(f"{a}{slot}") if scheme is not None else None
        if element is None:
            continue
        rgb = element.find(f"{a}srgbClr")
        system = element.find(f"{a}sysClr")
        value = rgb.get("val") if rgb is not None else system.get("lastClr") if system is not None else None
        if value and len(value) == 6 and all(c in "0123456789ABCDEFabcdef" for c in value):
            colors[slot] = value.upper()
    for key, tag in (("major", "majorFont"), ("minor", "minorFont")):
        latin = root.find(f".//{a}{tag}/{a}latin")
        if latin is not None and latin.get("typeface"):
            fonts[key] = latin.get("typeface")
    return Colors(**colors), Fonts(**fonts)


def _master_title(presentation: Any) -> Any:
    styles = presentation.slide_masters[0]._element.find(qn("p:txStyles"))
    return styles.find(f"{qn('p:titleStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}") if styles is not None else None


def _master_sizes(presentation: Any, base: Theme) -> tuple[float, tuple[float, float, float, float, float]]:
    styles = presentation.slide_masters[0]._element.find(qn("p:txStyles"))
    title_size, body = base.title.size, list(base.body.sizes)
    if styles is None:
        return title_size, (body[0], body[1], body[2], body[3], body[4])
    title = styles.find(f"{qn('p:titleStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    if title is not None and title.get("sz"):
        title_size = int(title.get("sz")) / 100
    for n in range(5):
        level = styles.find(f"{qn('p:bodyStyle')}/{qn(f'a:lvl{n + 1}pPr')}/{qn('a:defRPr')}")
        if level is not None and level.get("sz"):
            body[n] = int(level.get("sz")) / 100
    return title_size, (body[0], body[1], body[2], body[3], body[4])


def _title_style(presentation: Any, choice: LayoutChoice | None, master: TitleStyle) -> TitleStyle | None:
    """The title's size, weight and capitals as the layout's title placeholder sets them (over
    the master's title style): what PowerPoint will draw, so what the fit must measure."""
    if choice is None or "title" not in choice.roles:
        return None
    layout = presentation.slide_layouts[choice.index]
    for ph, element in placeholder_shapes(layout._element.cSld.spTree):
        if ph.get("idx", "0") == str(choice.roles["title"]) and ph.get("type", "obj") in TITLE_TYPES:
            return _text_style(element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}"),
                               master)
    return None


def _text_style(defrpr: Any, base: TitleStyle) -> TitleStyle:
    if defrpr is None:
        return base
    size = defrpr.get("sz")
    bold = defrpr.get("b")
    cap = defrpr.get("cap")
    return dataclasses.replace(base, size=int(size) / 100 if size and size.isdigit() else base.size,
                               bold=bold in ("1", "true") if bold is not None else base.bold,
                               caps=cap == "all" if cap is not None else base.caps)


def _geometry(mapping: TemplateMap, kind: str, base: LayoutGeometry, content: EmuBox | None,
              title_style: TitleStyle | None = None) -> LayoutGeometry:
    choice = mapping.kinds.get(kind)
    boxes = choice.boxes if choice else {}
    update = {role: _inches(boxes.get(role)) for role in
              ("title", "subtitle", "meta", "body", "left", "right", "left_heading", "right_heading",
               "picture", "caption")}
    if kind in ("columns", "comparison") and "left" not in boxes and content is not None:
        x, y, w, h = content  # columns drawn side by side in the body area
        half = (w - EMU_PER_INCH // 4) // 2
        update["left"] = _inches((x, y, half, h))
        update["right"] = _inches((x + w - half, y, half, h))
    if kind == "image" and "picture" not in boxes and content is not None:
        x, y, w, h = content
        update["picture"] = _inches((x, y, w, int(h * 0.85)))
        update["caption"] = _inches((x, y + int(h * 0.87), w, int(h * 0.13)))
    return dataclasses.replace(base, **update, content=_inches(content), decorations=(), background=None,
                               title_style=title_style, body_color=None, footers=bool(boxes.get("number")))


def _problems(mapping: TemplateMap, locator: Locator | None) -> list[Diagnostic]:
    """What makes a template unusable: an override is located at its ``deck.layouts`` key."""
    problems = []
    for missing in mapping.missing:
        if missing.override:
            where = locator.key_at(("deck", "layouts", missing.key)) if locator else None
            problems.append(Diagnostic(f"deck.layouts: {missing}", where))
        else:
            problems.append(Diagnostic(f"the template cannot be used: {missing} (run `slidegen template check` "
                                       "to see the mapping)"))
    return problems


def mapping_problems(template: bytes, overrides: Mapping[str, str], locator: Locator | None = None) -> list[Diagnostic]:
    return _problems(map_template(Presentation(io.BytesIO(template)), overrides), locator)


def theme_from_template(template: bytes, base: Theme, overrides: Mapping[str, str] | None = None,
                        locator: Locator | None = None) -> tuple[Theme, TemplateMap]:
    """A theme whose colours, fonts, sizes and geometry are the template's, and the layout map."""
    presentation = Presentation(io.BytesIO(template))
    mapping = map_template(presentation, overrides)
    problems = _problems(mapping, locator)
    if problems:
        raise ThemeError.many(problems)
    colors, fonts = _scheme(presentation, base)
    title_size, body_sizes = _master_sizes(presentation, base)
    content = mapping.kinds["bullets"].boxes.get("body")
    master_title = _text_style(_master_title(presentation), dataclasses.replace(base.title, size=title_size))
    layouts = {key: _geometry(mapping, key, geometry, content,
                              _title_style(presentation, mapping.kinds.get(key), master_title))
               for key, geometry in base.layouts.items()}
    if "photos" in layouts:
        layouts["photos"] = dataclasses.replace(layouts["photos"], content=_inches(content))
    footer = base.footer
    number = mapping.kinds["bullets"].boxes
    if {"date", "footer", "number"} <= set(number):
        date, text, slide_number = (_inches(number[role]) or (0.0, 0.0, 1.0, 1.0)
                                    for role in ("date", "footer", "number"))
        footer = dataclasses.replace(footer, date=date, text=text, number=slide_number)
    theme = dataclasses.replace(
        base, name=f"template:{base.name}", colors=colors, fonts=fonts, dark=False,
        slide_width=round(int(presentation.slide_width or 0) / EMU_PER_INCH, 4),
        slide_height=round(int(presentation.slide_height or 0) / EMU_PER_INCH, 4),
        decorations=(), footer=footer, layouts=FrozenMap(layouts), max_photos=mapping.max_photos,
        title=master_title,
        body=dataclasses.replace(base.body, sizes=body_sizes))
    return theme, mapping
