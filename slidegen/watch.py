"""Rebuilding on every save: outline, includes, data files, theme and assets (watchfiles).

The whole project folder is watched, filtered to the files a deck is made of, so a newly
included file or a new picture is noticed too. Changes are debounced; a failed rebuild reports
its error and leaves the last good deck in place (the output is written atomically).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .batch import internal_error
from .errors import SlidegenError
from .project import project_root
from .records import record

WATCHED_SUFFIXES = {".yaml", ".yml", ".md", ".markdown", ".csv", ".json", ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif",
                    ".tiff", ".pptx", ".potx"}


@record
class WatchEvent:
    """One rebuild in watch mode: whether it worked, what it says, which files changed."""

    ok: bool
    message: str
    changed: tuple[str, ...] = ()


def _relevant(output: Path) -> Callable[[object, str], bool]:
    skip = output.resolve()

    def keep(_change: object, path: str) -> bool:
        p = Path(path)
        if p.name.startswith(".") or p.resolve() == skip:
            return False
        return p.suffix.lower() in WATCHED_SUFFIXES and "build" not in p.parts[-3:-1]

    return keep


def watch(outline: Path, output: Path, rebuild: Callable[[], str], report: Callable[[WatchEvent], None],
          stop: threading.Event | None = None, debounce_ms: int = 200) -> None:
    """Build once, then again after every relevant change until ``stop`` is set."""
    import watchfiles

    def attempt(changed: tuple[str, ...]) -> None:
        # Whatever a rebuild fails with, watching goes on: the last good deck stays in place.
        try:
            report(WatchEvent(True, rebuild(), changed))
        except SlidegenError as error:
            report(WatchEvent(False, str(error), changed))
        except Exception as error:  # noqa: BLE001 - a bug in one rebuild must not end the watch
            report(WatchEvent(False, internal_error(error), changed))

    attempt(())
    root = project_root(outline.resolve().parent)
    for changes in watchfiles.watch(root, watch_filter=_relevant(output), debounce=debounce_ms,
                                    stop_event=stop, rust_timeout=500, yield_on_timeout=False):
        attempt(tuple(sorted({str(Path(p).name) for _, p in changes})))


def watch_outline(outline: Path, output: Path | None, report: Callable[[WatchEvent], None], *,
                  theme: str | None = None, template: Path | None = None, variables: Mapping[str, Any] | None = None,
                  data: Mapping[str, Any] | None = None, preview: bool = False,
                  stop: threading.Event | None = None, allow_outside: bool = False) -> None:
    """Build ``outline`` now and after every change, reporting each result (and, with
    ``preview``, refreshing PNG previews next to the deck)."""
    from .api import build, default_output

    target = output or default_output(outline)

    def rebuild() -> str:
        result = build(outline, target, theme=theme, template=template, variables=variables, data=data,
                       allow_outside=allow_outside)
        message = f"{result.output}  ({result.slide_count} slides, {result.seconds:.2f} s)"
        if preview:
            from .preview import preview_deck

            shown = preview_deck(result.output, target.with_name(f"{target.stem}-preview"))
            message += f"; preview {len(shown.pages)} pages"
        return message

    watch(outline, target, rebuild, report, stop)
