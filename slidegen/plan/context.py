"""What every planning pass shares: the theme, the deck's words, and the warnings collected."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Diagnostic
from ..source import DataPath, Locator
from ..theme.model import Theme
from .inline import parse_inline
from .strings import Strings
from .text import clean
from .types import Para, Run, TextBlock


@dataclass
class PlanContext:
    theme: Theme
    strings: Strings
    locator: Locator
    base_dir: Path
    project_dir: Path
    sources: dict[str, str] = field(default_factory=dict)   # deck.sources, keys as text
    language: str = "vi-VN"                                 # the deck's language tag
    warnings: list[Diagnostic] = field(default_factory=list)

    def warn(self, message: str, path: DataPath = ()) -> None:
        self.warnings.append(Diagnostic(message, self.locator.at(path)))

    def text(self, value: str, path: DataPath) -> str:
        """Author text made safe (NFC, no XML-illegal characters), warning when it changed."""
        cleaned, removed = clean(value)
        if removed:
            self.warn(f"removed {removed} control character(s) that a .pptx cannot hold "
                      "(often pasted from Word)", path)
        return cleaned

    def runs(self, value: str, path: DataPath) -> tuple[Run, ...]:
        return parse_inline(self.text(value, path))

    def para(self, value: str, path: DataPath, *, level: int = 0, size_pt: float | None = None,
             bullet: bool = True) -> Para:
        return Para(self.runs(value, path), level=level, size_pt=size_pt, bullet=bullet)

    def line(self, value: str | None, path: DataPath, size_pt: float | None = None) -> TextBlock | None:
        """A one-paragraph block without a bullet, or None for no text."""
        if not value:
            return None
        return TextBlock((self.para(value, path, size_pt=size_pt, bullet=False),))
