"""Building several outlines at once in a process pool; one failure does not stop the others."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .errors import SlidegenError


@dataclass(frozen=True)
class Outcome:
    outline: Path
    output: Path | None
    slides: int
    warnings: int
    seconds: float
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class BatchOptions:
    theme: str | None = None
    template: Path | None = None
    strict: bool = False
    variables: tuple[tuple[str, str], ...] = ()
    data: tuple[tuple[str, str], ...] = ()


def build_one(outline: Path, options: BatchOptions) -> Outcome:
    """Build one outline, turning a user error into a failed outcome (runs in a worker process)."""
    from .api import build

    started = time.perf_counter()
    try:
        result = build(outline, theme=options.theme, template=options.template, strict=options.strict,
                       variables=dict(options.variables), data=dict(options.data))
    except SlidegenError as error:
        return Outcome(outline, None, 0, 0, time.perf_counter() - started, str(error))
    return Outcome(outline, result.output, result.slide_count, len(result.warnings), result.seconds)


def build_many(outlines: Sequence[Path], jobs: int, options: BatchOptions,
               on_done: Callable[[Outcome], None] = lambda _: None) -> list[Outcome]:
    """Outcomes in the order the outlines were given."""
    outcomes: dict[Path, Outcome] = {}
    if jobs <= 1 or len(outlines) == 1:
        for outline in outlines:
            outcomes[outline] = build_one(outline, options)
            on_done(outcomes[outline])
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, len(outlines))) as pool:
            futures = {pool.submit(build_one, outline, options): outline for outline in outlines}
            for future in as_completed(futures):
                outcome = future.result()
                outcomes[futures[future]] = outcome
                on_done(outcome)
    return [outcomes[o] for o in outlines]
