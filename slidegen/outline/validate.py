"""Validating an outline's plain data into the typed model, with messages an author can act on.

The model's own validator (:mod:`slidegen.validation`) does the work; this adds what only an
outline as a whole can be told: that it is empty, or not a mapping at all.
"""

from __future__ import annotations

from typing import Any

from ..errors import OutlineError
from ..model.outline import Outline
from ..source import Locator
from ..validation import validate
from ..validation.convert import describe


def validate_outline(data: Any, locator: Locator) -> Outline:
    """The typed outline, or an OutlineError listing every problem with its location."""
    if data is None:
        raise OutlineError("the outline is empty; it needs 'deck:' and 'sections:' (see `slidegen new` for a "
                           "starter)", locator.at(()))
    if not isinstance(data, (dict, Outline)):
        raise OutlineError(f"the outline must be a mapping with 'deck:' and 'sections:', not {describe(data)}",
                           locator.at(()))
    return validate(data, Outline, locator)
