"""Planning: from the typed outline to a deck whose every slide is decided.

Passes run in order, each pure (:mod:`.deck`): sequence (title, agenda, dividers, numbered items,
closing) → fit (measure, shrink, split into "(tiếp)" slides) → numbering of slides → glyph check.
"""
