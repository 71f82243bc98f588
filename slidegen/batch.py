"""Building several outlines at once in a process pool; one failure does not stop the others.

Whatever a deck fails with — a user error, an unexpected exception in the worker, a worker
process that died — it becomes that deck's one-line error in the summary, and the other decks
are still built and reported. (A dying worker breaks the pool for every deck still in it; those
are built again, each in a process of its own, so only the deck that dies again fails.)
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .errors import SlidegenError
from .records import record


@record
class Outcome:
    """How one outline of a batch ended: its deck, slide and warning counts, time, or the error."""

    outline: Path
    output: Path | None
    slides: int
    warnings: int
    seconds: float
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@record
class BatchOptions:
    """The build options every outline of a batch shares."""

    theme: str | None = None
    template: Path | None = None
    strict: bool = False
    variables: tuple[tuple[str, str], ...] = ()
    data: tuple[tuple[str, str], ...] = ()
    allow_outside: bool = False
    max_slides: int | None = None


def shared_outputs(outlines: Sequence[Path]) -> dict[Path, list[Path]]:
    """Default outputs that more than one of ``outlines`` would be built to."""
    from .api import default_output

    by_output: dict[str, list[Path]] = {}
    for outline in outlines:
        target = default_output(outline)
        by_output.setdefault(os.path.normcase(str(target.resolve())), []).append(outline)
    return {default_output(found[0]): found for found in by_output.values() if len(found) > 1}


def build_one(outline: Path, options: BatchOptions) -> Outcome:
    """Build one outline, turning any failure into a failed outcome (runs in a worker process)."""
    from .api import build

    started = time.perf_counter()
    try:
        result = build(outline, theme=options.theme, template=options.template, strict=options.strict,
                       variables=dict(options.variables), data=dict(options.data),
                       allow_outside=options.allow_outside, max_slides=options.max_slides)
    except SlidegenError as error:
        return Outcome(outline, None, 0, 0, time.perf_counter() - started, str(error))
    except Exception as error:  # noqa: BLE001 - a bug must cost one deck, not the batch
        return Outcome(outline, None, 0, 0, time.perf_counter() - started, f"{outline}: {internal_error(error)}")
    finally:
        from .plan import caches

        caches.clear()   # a batch's memory stays what one deck needs
    return Outcome(outline, result.output, result.slide_count, len(result.warnings), result.seconds)


def internal_error(error: BaseException) -> str:
    detail = " ".join(str(error).split()) or "no details"
    return f"internal error ({type(error).__name__}: {detail}); this is a bug in slidegen, please report it"


def build_many(outlines: Sequence[Path], jobs: int, options: BatchOptions,
               on_done: Callable[[Outcome], None] = lambda _: None) -> list[Outcome]:
    """Outcomes in the order the outlines were given."""
    outcomes: dict[Path, Outcome] = {}
    if jobs <= 1 or len(outlines) == 1:
        for outline in outlines:
            outcomes[outline] = build_one(outline, options)
            on_done(outcomes[outline])
        return [outcomes[o] for o in outlines]
    try:
        pool = ProcessPoolExecutor(max_workers=min(jobs, len(outlines)))
    except (OSError, NotImplementedError):  # no process pool here (no semaphores): one at a time
        return build_many(outlines, 1, options, on_done)
    broken: list[Path] = []
    with pool:
        futures = {}
        for outline in outlines:
            try:
                futures[pool.submit(build_one, outline, options)] = outline
            except BrokenProcessPool:
                broken.append(outline)
        for future in as_completed(futures):
            outline = futures[future]
            outcome = _outcome(future, outline, time.perf_counter())
            if outcome is None:
                broken.append(outline)
                continue
            outcomes[outline] = outcome
            on_done(outcome)
    # A worker that died took the pool, and every deck still in it, down with it. Each of those
    # decks gets a process of its own, so only the one that dies again fails. A worker killed
    # while writing leaves its temporary file; once the deck's own process is done, it goes.
    from .api import default_output
    from .output import remove_leftover_temporaries

    for outline in sorted(broken, key=list(outlines).index):
        outcomes[outline] = _alone(outline, options)
        remove_leftover_temporaries(default_output(outline))
        on_done(outcomes[outline])
    return [outcomes[o] for o in outlines]


def _outcome(future: "Future[Outcome]", outline: Path, started: float) -> Outcome | None:
    """The future's outcome, or None when its worker process died."""
    try:
        outcome: Outcome = future.result()
        return outcome
    except BrokenProcessPool:
        return None
    except Exception as error:  # noqa: BLE001 - e.g. a result that could not be sent back
        return Outcome(outline, None, 0, 0, 0.0, f"{outline}: {internal_error(error)}")


def _alone(outline: Path, options: BatchOptions) -> Outcome:
    started = time.perf_counter()
    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(build_one, outline, options).result()
    except BrokenProcessPool:
        message = f"{outline}: its build process stopped unexpectedly (killed, or out of memory?)"
    except Exception as error:  # noqa: BLE001
        message = f"{outline}: {internal_error(error)}"
    return Outcome(outline, None, 0, 0, time.perf_counter() - started, message)
