"""Compiling a theme into a real PowerPoint template: theme part, master, named layouts."""

from .package import compile_template

__all__ = ["compile_template"]
