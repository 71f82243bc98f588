"""Font metrics for measuring text: width tables derived from metric-compatible open fonts."""

from .metrics import FALLBACK_FAMILY, FontMetrics, is_missing, metrics_for, missing_glyphs, resolve_font

__all__ = ["FALLBACK_FAMILY", "FontMetrics", "is_missing", "metrics_for", "missing_glyphs", "resolve_font"]
