"""Bring your own template: a house PowerPoint file becomes the deck's masters and layouts.

The file is read defensively and checked (:mod:`.package_check`: any of the six PowerPoint
formats, its sample slides and macros dropped, what other producers write differently
normalised); its layouts, over every master, are mapped onto slide kinds (:mod:`.mapping`); and a
:class:`Theme` is derived from it — colours and fonts from its primary master's theme, text sizes
from that master, the geometry of every kind from the mapped placeholders (or the free area of a
layout where a kind is drawn) — so the planner measures text against the boxes the deck will
really have.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import cast

from ...errors import Diagnostic, ThemeError, display_path
from ...kinds.bullets import HOLDS_BODY
from ...records import record, replace
from ...scene import EMU_PER_INCH, EmuBox
from ...source import Locator
from ...plan.measure import line_height_pt
from ...theme.model import Box, ColorRef, Colors, Fonts, Insets, LayoutGeometry, Theme, TitleStyle
from ...validation import FrozenMap
from . import colours
from .capacity import Limits, capacity
from .mapping import TemplateMap, map_template, template_map
from .package_check import check_package
from .reader import LayoutInfo, MasterInfo, TemplateInfo, TextLook, read_info
from .regions import inside
from .synth import add_layout

MAX_TEMPLATE_BYTES = 100 * 1024 * 1024
_ROLES = ("title", "subtitle", "meta", "body", "left", "right", "left_heading", "right_heading", "picture", "caption")
_COLOR_REFS = frozenset({"dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
                         "accent6", "hlink", "folHlink", "tx1", "tx2", "bg1", "bg2"})


@record
class HouseTemplate:
    """A house template read and checked: a slide-less package, what reading it repaired, and
    what a deck on it loses (macros)."""

    data: bytes
    shown: str
    repaired: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@record
class TemplateTheme:
    """A theme made from a house template: its look, the layout map, the package to write on, and what it costs."""

    theme: Theme
    mapping: TemplateMap
    package: bytes                    # the package the deck is built on (a layout may be added)
    warnings: tuple[str, ...]
    added: str | None = None          # the layout slidegen added to the master, if any


def read_template(path: Path) -> HouseTemplate:
    """The template file as a checked, slide-less package (a one-line error if it cannot be)."""
    shown = display_path(path)
    if not path.is_file():       # never opened: a FIFO would block, a device never end
        raise ThemeError(f"template {shown} is not a regular file" if path.exists() else f"template not found: {shown}")
    if path.stat().st_size > MAX_TEMPLATE_BYTES:
        raise ThemeError(f"template {shown} is larger than {MAX_TEMPLATE_BYTES // 1024 // 1024} MB")
    try:
        with path.open("rb") as handle:      # read at most the limit, whatever the file claims
            data = handle.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as exc:
        raise ThemeError(f"cannot read {shown}: {exc.strerror or exc}") from None
    return read_template_bytes(data, shown)


def read_template_bytes(data: bytes, shown: str) -> HouseTemplate:
    """A template given as bytes (``shown`` names it in messages)."""
    if len(data) > MAX_TEMPLATE_BYTES:
        raise ThemeError(f"template {shown} is larger than {MAX_TEMPLATE_BYTES // 1024 // 1024} MB")
    checked = check_package(data, shown)
    return HouseTemplate(checked.data, shown, checked.repaired, checked.warnings)


def _inches(box: EmuBox | None) -> Box | None:
    if box is None or box[2] <= 0 or box[3] <= 0:
        return None
    x, y, w, h = (round(v / EMU_PER_INCH, 4) for v in box)
    return (x, y, w, h)


def usable(house: HouseTemplate, base: Theme, overrides: Mapping[str, str] | None = None
           ) -> tuple[bytes, TemplateMap, str | None]:
    """The package to build on and its map. A template with no layout for content slides gets one
    made from its master (title and body, else title only); None as the third item otherwise."""
    limits = Limits.of(base)
    info = read_info(house.data)
    mapping = map_template(info, overrides, limits, last_resort=False)
    if "bullets" in mapping.kinds or any(m.override for m in mapping.missing):
        return house.data, mapping, None
    master = _master_for_content(info, mapping, limits)
    if master is None:                    # nothing to make a layout from: draw where there is room
        return house.data, map_template(info, overrides, limits), None
    body = next((p for p in master.placeholders if p.type == "body"), None)
    with_body = body is not None and capacity(inside(body.box, info.width, info.height), body.size, HOLDS_BODY,
                                              replace(limits, font=master.fonts[1] or "Arial"),
                                              body.insets) is not None
    package = add_layout(house.data, master, with_body)
    name = "Title and Content" if with_body else "Title Only"
    return package, map_template(read_info(package), overrides, limits), name


def _master_for_content(info: TemplateInfo, mapping: TemplateMap, limits: Limits) -> MasterInfo | None:
    with_title = [m for m in info.masters if any(p.type == "title" and p.area > 0 for p in m.placeholders)]
    primary = next((m for m in with_title if m.index == mapping.primary), None)
    return primary or (with_title[0] if with_title else None)


def theme_from_template(house: HouseTemplate, base: Theme, overrides: Mapping[str, str] | None = None,
                        locator: Locator | None = None) -> TemplateTheme:
    """A theme whose colours, fonts, sizes and geometry are the template's, and the layout map."""
    package, mapping, added = usable(house, base, overrides)
    problems = _problems(mapping, locator, house.shown, _titled(read_info(package)))
    if problems:
        raise ThemeError.many(problems)
    info = read_info(package)
    master = info.masters[mapping.primary - 1]
    colors, fonts = _scheme(master, base)
    title_look = _merge(master.title, TextLook(base.title.size, base.title.bold, base.title.caps))
    master_title = replace(base.title, size=title_look.size or base.title.size,
                                       bold=bool(title_look.bold), caps=bool(title_look.caps),
                                       color=_ref(master.title.color, base.title.color))
    layouts = {key: _geometry(mapping, info, key, geometry, master_title, fonts, base.insets)
               for key, geometry in base.layouts.items()}
    if "photos" in layouts:   # the grid of drawn photo cells lies in the image layout's free area
        photos = mapping.kinds.get("image") or mapping.kinds["bullets"]
        layouts["photos"] = replace(layouts["photos"], content=_inches(photos.content))
    bullets = mapping.kinds["bullets"]
    behind = colours.background(info.layout(bullets.part), bullets.boxes.get("body") or bullets.content)
    footer = base.footer
    if all(_inches(bullets.boxes.get(role)) for role in ("date", "footer", "number")):
        date, text, number = (_inches(bullets.boxes[role]) or (0.0, 0.0, 1.0, 1.0) for role in ("date", "footer", "number"))
        footer = replace(footer, date=date, text=text, number=number)
    sizes = tuple(level.size or fallback for level, fallback in zip(master.body, base.body.sizes))
    theme = replace(
        base, name=f"template:{base.name}", colors=colors, fonts=fonts,
        dark=master.color_map.get("bg1") == "dk1",
        slide_width=round(info.width / EMU_PER_INCH, 4), slide_height=round(info.height / EMU_PER_INCH, 4),
        decorations=(), footer=footer, layouts=FrozenMap(layouts), max_photos=mapping.max_photos,
        title=master_title, logo=None, logo_box=None,
        body=replace(base.body, sizes=(sizes[0], sizes[1], sizes[2], sizes[3], sizes[4]),
                                 color=_ref(master.body[0].color, base.body.color)),
        highlight=colours.choose(colours.HIGHLIGHT, master, behind, base.highlight),
        muted=colours.choose(colours.MUTED, master, behind, base.muted),
        accent=colours.choose(colours.ACCENT, master, behind, base.accent, also="bg2"))
    warnings = [*house.warnings, *(f"template {house.shown}: {w}" for w in mapping.warnings)]
    if added:
        warnings.append(f"template {house.shown}: it has no layout for content slides; slidegen adds a '{added}' "
                        f"layout made from its master '{master.name}'")
    used = {choice.part: choice for choice in (*mapping.kinds.values(), *mapping.photos.values())}
    placed = []
    for part, choice in used.items():
        boxes = {role: box for role, box in (("title", choice.boxes.get("title")),
                                             ("body", choice.boxes.get("body") or choice.content)) if box}
        placed.append((info.layout(part), boxes))
    warnings += colours.low_contrast(placed, house.shown)
    return TemplateTheme(theme, mapping, package, tuple(warnings), added)


def _merge(look: TextLook, base: TextLook) -> TextLook:
    return TextLook(look.size or base.size, look.bold if look.bold is not None else base.bold,
                    look.caps if look.caps is not None else base.caps, look.color or base.color)


def _ref(color: str | None, default: ColorRef) -> ColorRef:
    return cast(ColorRef, color) if color in _COLOR_REFS else default


def _scheme(master: MasterInfo, base: Theme) -> tuple[Colors, Fonts]:
    colors = {f.name: master.colors.get(f.name, getattr(base.colors, f.name)) for f in dataclasses.fields(Colors)}
    major, minor = master.fonts
    return Colors(**colors), replace(base.fonts, major=major or base.fonts.major,
                                                 minor=minor or base.fonts.minor)


def _title_style(layout: LayoutInfo, master: TitleStyle) -> TitleStyle:
    """The title's size, weight and capitals as the layout's title placeholder sets them (over
    the master's title style): what PowerPoint will draw, so what the fit must measure."""
    look = layout.title_look
    return replace(master, size=look.size or master.size,
                               bold=look.bold if look.bold is not None else master.bold,
                               caps=look.caps if look.caps is not None else master.caps)


def _geometry(mapping: TemplateMap, info: TemplateInfo, kind: str, base: LayoutGeometry,
              master_title: TitleStyle, fonts: Fonts, insets: Insets) -> LayoutGeometry:
    choice = mapping.kinds.get(kind)
    if kind == "photos":   # photo slides go on the largest photo grid, else on the image layout
        choice = mapping.photos[max(mapping.photos)] if mapping.photos else mapping.kinds.get("image")
    if choice is None:
        return replace(base, decorations=(), background=None, title_style=None, body_color=None)
    boxes = {role: inside(box, info.width, info.height) for role, box in choice.boxes.items()}
    update = {role: _inches(boxes.get(role)) for role in _ROLES}
    content = choice.content
    if content is not None:
        x, y, w, h = content
        if kind in ("columns", "comparison") and "left" not in boxes:
            half = (w - EMU_PER_INCH // 4) // 2       # columns drawn side by side in the content area
            update["left"], update["right"] = _inches((x, y, half, h)), _inches((x + w - half, y, half, h))
        if kind == "image" and "picture" not in boxes:
            update["picture"] = _inches((x, y, w, int(h * 0.85)))
            update["caption"] = _inches((x, y + int(h * 0.87), w, int(h * 0.13)))
        if kind in ("title", "closing", "section") and "subtitle" not in boxes:
            line = min(h, int(1.1 * EMU_PER_INCH))    # a subtitle (and a meta line) drawn under the title
            update["subtitle"] = _inches((x, y, w, line))
            if kind == "title" and h >= 2 * line:
                update["meta"] = _inches((x, y + line, w, min(line, h - line)))
    layout = info.layout(choice.part)
    title_style = _title_style(layout, master_title)
    title = next((p for p in layout.placeholders if p.idx == choice.roles.get("title")), None)
    if title is not None and title.vertical and update["title"] is not None:
        left, top, across, down = update["title"]   # text running down the slide: measured along its run
        update["title"] = (left, top, down, across)
    update["title"] = _one_line_tall(update["title"], title_style.size, fonts, insets)
    return replace(base, **update, content=_inches(content), decorations=(), background=None,
                               title_style=title_style, body_color=None, footers=bool(boxes.get("number")))


def _one_line_tall(box: Box | None, size: float, fonts: Fonts, insets: Insets) -> Box | None:
    """A title box at least one line tall, for measuring: templates draw titles in bars as tall as
    their text (text overflows a placeholder's box in every application), and a title that fits
    its bar's width fits."""
    if box is None:
        return None
    least = line_height_pt(fonts.major, size) / 72 + insets.top + insets.bottom
    return box if box[3] >= least else (box[0], box[1], box[2], round(least, 4))


def _titled(info: TemplateInfo) -> bool:
    """Whether any layout or master has a (horizontal) title placeholder with a box."""
    return any(p.type in ("title", "ctrTitle") and p.area > 0
               for p in (*(p for m in info.masters for p in m.placeholders),
                         *(p for layout in info.layouts for p in layout.placeholders)))


def _problems(mapping: TemplateMap, locator: Locator | None, shown: str, titled: bool = True) -> list[Diagnostic]:
    """What makes a template unusable: an override is located at its ``deck.layouts`` key."""
    problems = []
    overrides = [m for m in mapping.missing if m.override]
    for missing in overrides:
        where = locator.key_at(("deck", "layouts", missing.key)) if locator else None
        problems.append(Diagnostic(f"deck.layouts: {missing}", where))
    if any(not m.override for m in mapping.missing):
        why = ("none of its layouts leaves room for content beside its title" if titled else
               "none of its layouts or masters has a title placeholder, so no slide could have a real title")
        problems.append(Diagnostic(f"template {shown} cannot be used: {why}; add a 'Title and Content' layout to it "
                                   "in PowerPoint (View → Slide Master)"))
    return problems


def mapping_problems(template: bytes, overrides: Mapping[str, str], locator: Locator | None = None) -> list[Diagnostic]:
    """``deck.layouts`` checked against a template slidegen compiled from a theme."""
    return _problems(template_map(template, tuple(overrides.items())), locator, "(compiled)")
