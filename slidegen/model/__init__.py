"""The typed outline, as Python programs build it and as readers' data is validated into."""

from .common import Bullet, Picture, SlideFields
from .outline import Agenda, Closing, DeckMeta, Item, Outline, Section

__all__ = ["Agenda", "Bullet", "Closing", "DeckMeta", "Item", "Outline", "Picture", "Section", "SlideFields"]
