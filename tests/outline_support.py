"""Helpers for tests of outline readers: does this build know the ``code`` slide kind yet?"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest


@lru_cache(maxsize=1)
def accepts_code_slides() -> bool:
    """Whether the outline validator accepts a ``code`` slide (the kind is added on main)."""
    from slidegen.errors import SlidegenError
    from slidegen.outline.validate import validate_outline
    from slidegen.outline.yaml_tree import SourceMap

    outline = {"deck": {"title": "t"}, "sections": [{"title": "s", "items": [
        {"title": "i", "slides": [{"code": {"text": "print(1)", "language": "python"}}]}]}]}
    try:
        validate_outline(outline, SourceMap("probe.yaml"))
    except SlidegenError:
        return False
    return True


requires_code_kind = pytest.mark.skipif(
    not accepts_code_slides(), reason="the outline validator does not accept 'code' slides yet")


def uses_code(data: Any) -> bool:
    """Whether outline data holds a code slide anywhere."""
    if isinstance(data, dict):
        return "code" in data and isinstance(data["code"], dict) or any(uses_code(v) for v in data.values())
    if isinstance(data, list):
        return any(uses_code(v) for v in data)
    return False
