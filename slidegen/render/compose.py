"""What both writers decide the same way for a slide: its layout, its footers, its elements.

slidegen/render/deck.py (python-pptx) and slidegen/render/direct/ (slide XML written directly)
place a planned slide through these functions, so their output cannot drift apart. Nothing here
needs python-pptx.
"""

from __future__ import annotations

from ..kinds import kind_of
from ..plan.types import DeckInfo, Para, PlannedSlide, Run, TextBlock
from ..scene import Element, Frame, PlaceholderText
from ..theme.model import Theme
from .template.mapping import LayoutChoice, TemplateMap

#: Footer roles, in the order they are filled.
FOOTER_ROLES = ("date", "footer", "number")


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


def slide_elements(planned: PlannedSlide, theme: Theme, choice: LayoutChoice) -> list[Element]:
    """The slide's title, then what its kind composes onto the layout."""
    kind = kind_of(planned.kind)
    frame = Frame(theme, kind.geometry(theme, planned), choice.roles, choice.boxes)
    title = TextBlock((Para((Run(planned.title),), size_pt=planned.title_size_pt, bullet=False),))
    return [PlaceholderText(choice.roles["title"], title), *kind.compose(planned, frame)]


def kept_footers(choice: LayoutChoice) -> set[int]:
    """Footer placeholders a slide keeps even when nothing else wrote to them."""
    return {choice.roles[r] for r in FOOTER_ROLES if r in choice.roles}
