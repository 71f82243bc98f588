"""slidegen: build themed, natively editable PowerPoint decks from outlines.

Use it from Python as the command line does::

    import slidegen

    result = slidegen.build("decks/awgipc.yaml")            # → build/awgipc.pptx
    deck = slidegen.plan({"deck": {"title": "…"}, "sections": [...]})
    deck.save("build/report.pptx")

See docs/api.md for the whole API.
"""

from .api import (BuildResult, Deck, Loaded, Source, build, build_all, check, default_output, export, load, plan,
                  plan_all)
from .errors import (AssetError, OutlineError, OutputError, SlidegenError, StrictModeError, ThemeError)
from .kinds.columns import Column, ColumnsSlide
from .kinds.figures import Figure, FiguresSlide
from .kinds.bullets import BulletsSlide
from .kinds.image import ImageSlide
from .kinds.photos import PhotosSlide
from .kinds.quote import Quote, QuoteSlide
from .kinds.table import Table, TableSlide
from .kinds.timeline import Event, TimelineSlide
from .model import Agenda, Bullet, Closing, DeckMeta, Item, Outline, Picture, Section
from .source import SourceLocation

__version__ = "0.1.0"

__all__ = [
    # building
    "build", "build_all", "plan", "plan_all", "check", "load", "export", "default_output", "Deck", "BuildResult", "Loaded",
    "Source",
    # the outline as Python objects
    "Outline", "DeckMeta", "Agenda", "Closing", "Section", "Item", "Bullet", "Picture",
    "BulletsSlide", "ColumnsSlide", "Column", "TableSlide", "Table", "ImageSlide", "PhotosSlide",
    "TimelineSlide", "Event", "FiguresSlide", "Figure", "QuoteSlide", "Quote",
    # errors
    "SlidegenError", "OutlineError", "ThemeError", "AssetError", "OutputError", "StrictModeError", "SourceLocation",
    "__version__",
]
