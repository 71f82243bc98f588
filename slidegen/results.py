"""What the API hands back: a loaded outline, a planned deck, a build's result."""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Union

from . import output
from .errors import Diagnostic
from .model.outline import Outline
from .records import record
from .source import Locator

if TYPE_CHECKING:
    from .plan.context import Coverage
    from .plan.types import PlannedDeck, PlannedSlide
    from .theme.model import Theme

PathLike = Union[str, "os.PathLike[str]"]


@record
class Loaded:
    """A validated outline and what later stages need: where its values were written, where
    its files are, and what the reader noticed."""

    outline: Outline
    locator: Locator
    base_dir: Path
    project_dir: Path
    path: Path | None = None                  # the outline file, when it came from one
    warnings: tuple[Diagnostic, ...] = ()
    inputs: tuple[Path, ...] = ()             # every file read

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the deck is written in, the default first."""
        return self.outline.deck.all_languages


@record
class Deck:
    """A planned deck in one language: every slide decided, ready to render."""

    planned: "PlannedDeck"
    theme: "Theme"
    loaded: Loaded
    template: bytes | None = None              # a house template, slide-less, when one is used
    layout_overrides: Mapping[str, str] = field(default_factory=dict)
    inputs: tuple[Path, ...] = ()

    @property
    def slides(self) -> tuple["PlannedSlide", ...]:
        return self.planned.slides

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return self.planned.warnings

    @property
    def language(self) -> str:
        return self.planned.info.language

    @property
    def coverage(self) -> "Coverage | None":
        """For a deck in another language than the outline's default: how much was translated."""
        return self.planned.coverage

    def render(self) -> tuple[bytes, tuple[str, ...]]:
        """The .pptx bytes and the layout name each slide was placed on."""
        from .render.writer import render_deck  # python-pptx loads only for decks the direct writer leaves

        buffer = io.BytesIO()
        layouts = render_deck(self.planned, self.theme, buffer, self.template, self.layout_overrides or None)
        return buffer.getvalue(), layouts

    def to_bytes(self) -> bytes:
        return self.render()[0]

    def save(self, path: PathLike) -> Path:
        """Write the deck atomically (an existing file is replaced only once the new one is
        complete); refuse to overwrite one of the deck's own inputs."""
        target = Path(path)
        output.check_writable(target)
        output.check_not_input(target, self.inputs)
        output.write_atomic(target, self.to_bytes())
        return target


@record
class BuildResult:
    """What a build wrote: the deck, its file, the time taken, the layouts used and any exports."""

    deck: Deck
    output: Path
    seconds: float
    layouts: tuple[str, ...] = ()     # the template layout each slide was placed on
    exports: tuple[Path, ...] = ()    # PDFs written beside the deck

    @property
    def outline(self) -> Path | None:
        return self.deck.loaded.path

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return self.deck.warnings

    @property
    def slide_count(self) -> int:
        return len(self.deck.slides)

    @property
    def inputs(self) -> tuple[Path, ...]:
        return self.deck.inputs

    @property
    def language(self) -> str:
        return self.deck.language
