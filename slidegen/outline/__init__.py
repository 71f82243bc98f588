"""Reading outline files: text, YAML with source locations, validation into the typed model."""

from .load import LoadedOutline, load_outline

__all__ = ["LoadedOutline", "load_outline"]
