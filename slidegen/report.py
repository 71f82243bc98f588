"""The build report: one row per slide (kind, title, layout, font scale, continuation, warnings).

``--report-json`` writes :func:`report_dict`; its shape is documented in docs/report.md and
checked by the tests:

    {"outline": str, "output": str,
     "summary": {"slides": int, "warnings": int, "continuations": int, "seconds": float},
     "slides": [{"number": int, "kind": str, "title": str, "layout": str, "font_scale": float,
                 "continuation_of": int | null, "warnings": [str]}],
     "warnings": [{"location": str | null, "message": str}]}
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import BuildResult

REPORT_VERSION = 1


def report_dict(result: "BuildResult") -> dict[str, Any]:
    deck = result.deck
    # A warning belongs to the slide whose outline entry it was raised on (same file and line).
    by_line: dict[tuple[str, int], list[str]] = {}
    for warning in result.warnings:
        if warning.location is not None:
            by_line.setdefault((warning.location.file, warning.location.line), []).append(warning.message)
    slides = []
    for slide, layout in zip(deck.slides, result.layouts):
        where = (slide.location.file, slide.location.line) if slide.location else None
        slides.append({
            "number": slide.number,
            "kind": slide.kind,
            "title": slide.title,
            "layout": layout,
            "font_scale": slide.font_scale,
            "continuation_of": slide.continuation_of,
            "warnings": by_line.get(where, []) if where else [],
        })
    return {
        "version": REPORT_VERSION,
        "outline": str(result.outline) if result.outline else None,
        "output": str(result.output),
        "summary": {
            "slides": len(deck.slides),
            "warnings": len(result.warnings),
            "continuations": sum(1 for s in deck.slides if s.continuation_of),
            "seconds": round(result.seconds, 3),
        },
        "slides": slides,
        "warnings": [{"location": str(w.location) if w.location else None, "message": w.message}
                     for w in result.warnings],
    }


def report_json(result: "BuildResult") -> str:
    return json.dumps(report_dict(result), ensure_ascii=False, indent=2) + "\n"
