"""The project folder, and the one rule for every file an outline, theme or template names.

An outline may come from someone else. Every file it names — includes, data files, pictures,
the theme's logo, a house template (``deck.template`` or ``--template``) — is resolved by
:func:`inside_project`, which keeps it inside the project folder: no absolute paths, no ``..``
climbing out, no symlink pointing out, no NUL character. A user who means to use a file from
elsewhere says so with ``--allow-outside`` (:func:`outside_allowed`), for one build.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

from .errors import OutlineError, SlidegenError
from .source import SourceLocation

_MARKERS = (".git", "pyproject.toml", "slidegen.yaml")

# Set for the duration of one build by --allow-outside; a context variable rather than a
# parameter so the many modules that resolve paths need no new argument each.
_ALLOW_OUTSIDE: ContextVar[bool] = ContextVar("slidegen_allow_outside", default=False)


def project_root(outline_dir: Path) -> Path:
    """The nearest folder up from the outline that marks a project (.git, pyproject.toml or
    slidegen.yaml), else the outline's own folder."""
    outline_dir = outline_dir.resolve()
    for folder in (outline_dir, *outline_dir.parents):
        if any((folder / marker).exists() for marker in _MARKERS):
            return folder
    return outline_dir


@contextlib.contextmanager
def outside_allowed(allowed: bool = True) -> Iterator[None]:
    """Within the block, :func:`inside_project` accepts files outside the project (with
    ``allowed`` False, the block keeps whatever an enclosing block allowed)."""
    token = _ALLOW_OUTSIDE.set(allowed or _ALLOW_OUTSIDE.get())
    try:
        yield
    finally:
        _ALLOW_OUTSIDE.reset(token)


def inside_project(raw: str | Path, base_dir: Path, project: Path, what: str,
                   where: SourceLocation | None = None, error: type[SlidegenError] = OutlineError,
                   typed: bool = False) -> Path:
    """The absolute, resolved path of the file ``raw`` names, relative to ``base_dir``; raise
    ``error`` (at ``where``) when it leaves ``project``.

    ``what`` names the file in messages ("image", "include", "data file", …). A path written in
    a file must be relative; one ``typed`` on the command line may be absolute (shells complete
    them so), and is held to the same folder."""
    text = str(raw)
    if not text:
        raise error(f"{what} path is empty", where)
    if "\0" in text:
        raise error(f"{what} path {text!r} contains a NUL character", where)
    allowed = _ALLOW_OUTSIDE.get()
    if Path(text).is_absolute() and not (typed or allowed):
        raise error(f"{what} path '{text}' is absolute; give a path relative to the outline "
                    "(or to the theme that names it)", where)
    try:
        resolved = (base_dir / text).resolve(strict=False)
        root = project.resolve()
    except (OSError, RuntimeError, ValueError):
        raise error(f"{what} path '{text}' cannot be resolved (a symlink loop?)", where) from None
    if not allowed and not resolved.is_relative_to(root):
        raise error(f"{what} '{text}' lies outside the project folder {root.name}/; copy it into the "
                    "project, or build with --allow-outside if you trust it", where)
    return resolved
