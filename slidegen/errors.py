"""One exception family for everything a user can get wrong.

Every error a user can cause is a :class:`SlidegenError`. The CLI prints ``str(error)`` and exits
1; anything else escaping the library is a bug. Messages follow the compiler convention
``file:line:col: message`` so editors and terminals can jump to the spot.
"""

from __future__ import annotations

from pathlib import Path

from .records import record
from .source import SourceLocation


@record
class Diagnostic:
    """One problem (or warning) tied to a place in an input file."""

    message: str
    location: SourceLocation | None = None

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class SlidegenError(Exception):
    """Base of every error slidegen reports to a user (exit status 1)."""

    def __init__(self, message: str, location: SourceLocation | None = None) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = (Diagnostic(message, location),)
        super().__init__(str(self.diagnostics[0]))

    @classmethod
    def many(cls, diagnostics: list[Diagnostic]) -> "SlidegenError":
        """One error carrying several problems, so a user sees them all in one run."""
        error = cls(diagnostics[0].message, diagnostics[0].location)
        error.diagnostics = tuple(diagnostics)
        error.args = ("\n".join(str(d) for d in diagnostics),)
        return error


class OutlineError(SlidegenError):
    """The outline file cannot be read, parsed or validated."""


class ThemeError(SlidegenError):
    """A theme or template is missing or invalid."""


class AssetError(SlidegenError):
    """An image or other referenced file is missing, unsafe or unreadable."""


class OutputError(SlidegenError):
    """The output file cannot be written."""


class StrictModeError(SlidegenError):
    """Warnings were raised and ``--strict`` turns them into a failure."""


def display_path(path: Path | str) -> str:
    """A path as a user typed it: relative to the current directory when it lies below it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p)
