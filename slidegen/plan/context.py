"""What every planning pass shares: the theme, the deck's words, and the warnings collected."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from ..errors import Diagnostic
from ..model.common import Text
from ..records import record
from ..source import DataPath, Locator, SourceLocation
from ..theme.model import Theme
from ..validation.fields import Translations
from .inline import parse_inline
from .strings import Strings
from .text import clean
from .types import Para, Run, TextBlock


@record(frozen=False)
class Coverage:
    """How much of a deck's text is given in the language being built."""

    language: str
    translated: dict[DataPath, bool] = field(default_factory=dict)
    missing: list[tuple[SourceLocation, str]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return sum(self.translated.values()) / len(self.translated) if self.translated else 1.0


@record(frozen=False)
class PlanContext:
    """What planning one deck needs at every step: theme, strings, where data came from, and the warnings so far."""

    theme: Theme
    strings: Strings
    locator: Locator
    base_dir: Path
    project_dir: Path
    sources: dict[str, str] = field(default_factory=dict)   # deck.sources, keys as text
    language: str = "vi-VN"                                 # the language this deck is built in
    default_language: str = "vi-VN"                         # the outline's first language
    warnings: list[Diagnostic] = field(default_factory=list)
    coverage: Coverage | None = None                        # kept when building another language

    def resolve(self, value: Text, path: DataPath) -> str:
        """A text in the deck's language: a plain string is the same in every language; a text
        given by language falls back to the default language, with a located warning."""
        if not isinstance(value, Translations):
            return value
        text, found = value.best(self.language, self.default_language)
        if self.coverage is not None and path not in self.coverage.translated:
            self.coverage.translated[path] = found
            if not found:
                where = self.locator.at(path)
                self.coverage.missing.append((where, text))
                self.warnings.append(Diagnostic(f"no {self.language} text; shown in {self.default_language}: "
                                                f"'{text[:40]}'", where))
        return text

    def warn(self, message: str, path: DataPath = ()) -> None:
        self.warnings.append(Diagnostic(message, self.locator.at(path)))

    def text(self, value: Text, path: DataPath) -> str:
        """Author text in the deck's language, made safe (NFC, no XML-illegal characters),
        warning when it changed."""
        cleaned, removed = clean(self.resolve(value, path))
        if removed:
            self.warn(f"removed {removed} control character(s) that a .pptx cannot hold "
                      "(often pasted from Word)", path)
        return cleaned

    def runs(self, value: Text, path: DataPath) -> tuple[Run, ...]:
        return parse_inline(self.text(value, path))

    def para(self, value: Text, path: DataPath, *, level: int = 0, size_pt: float | None = None,
             bullet: bool = True) -> Para:
        return Para(self.runs(value, path), level=level, size_pt=size_pt, bullet=bullet)

    def line(self, value: Text | None, path: DataPath, size_pt: float | None = None) -> TextBlock | None:
        """A one-paragraph block without a bullet, or None for no text."""
        if not value:
            return None
        return TextBlock((self.para(value, path, size_pt=size_pt, bullet=False),))
