"""slidegen: build themed, natively editable PowerPoint decks from outline files."""

__version__ = "0.1.0"
