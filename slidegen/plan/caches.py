"""The measurement caches, and emptying them between decks.

Within one deck the same paragraphs are measured many times (every shrink step, every split
trial), so measurements are cached. Across the decks of a batch they are mostly not shared:
emptying the caches after each deck keeps a long batch's memory flat.
"""

from __future__ import annotations

import gc


def clear() -> None:
    """Forget every cached measurement and collect the garbage one deck left.

    What survives the collection (modules, compiled templates, font tables) is frozen, so the
    next deck's collection looks only at what that deck made, not the whole heap."""
    from . import fit_text, linebreak

    fit_text.clear_cache()
    linebreak.clear_caches()
    gc.collect()
    gc.freeze()
