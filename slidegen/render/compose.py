"""What both writers decide the same way for a slide: its layout, its footers, its elements.

slidegen/render/deck.py (python-pptx) and slidegen/render/direct/ (slide XML written directly)
place a planned slide through these functions, so their output cannot drift apart. Nothing here
needs python-pptx.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from ..kinds import kind_of
from ..plan.types import DeckInfo, Para, PlannedSlide, Run, TextBlock
from ..scene import Element, Frame, PlaceholderText, on_slide
from ..theme.model import Theme
from .template import compile_template
from .template.capacity import Limits
from .template.mapping import LayoutChoice, TemplateMap, template_map

#: Footer roles, in the order they are filled.
FOOTER_ROLES = ("date", "footer", "number")


@lru_cache(maxsize=8)
def theme_package(theme: Theme) -> bytes:
    """The theme compiled into a slide-less template package (once per theme)."""
    return compile_template(theme)


def deck_map(theme: Theme, template: bytes | None, overrides: Mapping[str, str] | None) -> TemplateMap:
    """The layout of every kind on ``template`` (a checked house template) or the theme's own:
    the same cached map the planner measured against (a house template's text roles measured)."""
    package = template or theme_package(theme)
    return template_map(package, tuple((overrides or {}).items()), Limits.of(theme) if template else None)


def layout_choice(slide: PlannedSlide, mapping: TemplateMap) -> LayoutChoice:
    """The template layout a planned slide uses."""
    kind = kind_of(slide.kind)
    return mapping.choose(kind.layout_key(slide), kind.cells(slide))


def footer_roles(planned: PlannedSlide, info: DeckInfo, roles: dict[str, int]) -> tuple[int, ...]:
    """The placeholder idx of the footers this slide shows: date, footer text, slide number."""
    if not planned.footers:
        return ()
    wanted = (("date", info.show_date and info.date_text), ("footer", info.footer), ("number", info.slide_numbers))
    return tuple(roles[role] for role, show in wanted if show and role in roles)


def slide_elements(planned: PlannedSlide, theme: Theme, choice: LayoutChoice,
                   size: tuple[int, int]) -> list[Element]:
    """The slide's title, then what its kind composes onto the layout, every box kept on a
    slide of ``size`` (the last guard: no box that cannot be drawn is ever written)."""
    kind = kind_of(planned.kind)
    frame = Frame(theme, kind.geometry(theme, planned), choice.roles, choice.boxes)
    title = TextBlock((Para((Run(planned.title),), size_pt=planned.title_size_pt, bullet=False),))
    return [on_slide(e, *size) for e in (PlaceholderText(choice.roles["title"], title), *kind.compose(planned, frame))]


def kept_footers(choice: LayoutChoice) -> set[int]:
    """Footer placeholders a slide keeps even when nothing else wrote to them."""
    return {choice.roles[r] for r in FOOTER_ROLES if r in choice.roles}
