"""slidegen: build themed, natively editable PowerPoint decks from outlines.

Use it from Python as the command line does::

    import slidegen

    result = slidegen.build("decks/awgipc.yaml")            # → build/awgipc.pptx
    deck = slidegen.plan({"deck": {"title": "…"}, "sections": [...]})
    deck.save("build/report.pptx")

See docs/api.md for the whole API.
"""

from .api import BuildResult, Deck, Loaded, Source, build, check, default_output, load, plan
from .errors import (AssetError, OutlineError, OutputError, SlidegenError, StrictModeError, ThemeError)
from .model import Agenda, Bullet, Closing, DeckMeta, Item, Outline, Picture, Section
from .source import SourceLocation

__version__ = "0.1.0"

__all__ = [
    "Agenda", "AssetError", "Bullet", "BuildResult", "Closing", "Deck", "DeckMeta", "Item", "Loaded", "Outline",
    "OutlineError", "OutputError", "Picture", "Section", "SlidegenError", "Source", "SourceLocation",
    "StrictModeError", "ThemeError", "__version__", "build", "check", "default_output", "load", "plan",
]
