"""Typed, documented data models and the validator that turns plain data into them.

Models are frozen standard-library dataclasses whose fields carry :class:`Meta` (description,
example, bounds). One walker (:func:`validate`) checks plain data — from any reader, or from
Python — against them and reports every problem in one run, in the outline's own words, at the
place the author wrote it; :func:`json_schema` describes the same models for editors.
"""

from .convert import validate
from .fields import FrozenMap, Meta, Model, model
from .json_schema import json_schema

__all__ = ["FrozenMap", "Meta", "Model", "json_schema", "model", "validate"]
