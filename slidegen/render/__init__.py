"""Rendering: the only layer that imports python-pptx."""
