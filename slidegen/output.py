"""Writing the output file atomically: a failed build never leaves a broken or clobbered file.

The deck is rendered in memory, written to a temporary file in the target's folder, flushed, and
renamed over the target in one step (``os.replace`` is atomic on POSIX and Windows).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from .errors import OutputError, display_path


def check_outputs(outputs: Sequence[Path], inputs: Sequence[Path] = ()) -> None:
    """Before any work: the deck (first) and the other outputs can be written, are distinct
    files, and none of them is one of ``inputs``."""
    seen: dict[Path, Path] = {}
    for n, target in enumerate(outputs):
        check_writable(target, deck=n == 0)
        key = _identity(target)
        if key in seen:
            raise OutputError(f"{display_path(target)} is given as two outputs ({display_path(seen[key])}); "
                              "give each output its own file")
        seen[key] = target
        check_not_input(target, inputs)


def check_not_input(target: Path, inputs: Sequence[Path]) -> None:
    """Refuse to write over a file the deck is made from (outline, include, data, template …)."""
    key = _identity(target)
    for source in inputs:
        if _identity(source) == key:
            raise OutputError(f"{display_path(target)} is one of the deck's inputs; writing it would destroy "
                              "it — choose another output file")


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def check_writable(target: Path, deck: bool = True) -> None:
    """Fail early, before any work, when ``target`` cannot be written."""
    shown = display_path(target)
    if "\x00" in str(target):
        raise OutputError(f"output path {shown!r} contains a NUL character")
    if target.is_dir():
        raise OutputError(f"output path {shown} is a directory; give a file name such as {shown}/deck.pptx")
    if deck and target.suffix.lower() not in (".pptx", ".potx"):
        raise OutputError(f"output file {shown} must end in .pptx")
    folder = target.parent
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        raise OutputError(f"cannot create {shown}: {display_path(existing)} is a file, not a folder")
    if existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {shown}: no permission to write in {display_path(existing)}")
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(f"cannot write {shown}: the file is read-only")


def write_atomic(target: Path, data: bytes | str) -> None:
    """Write ``data`` to a temporary file beside ``target``, flush it to disk, then rename it over
    ``target``; a failure leaves ``target`` as it was."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    shown = display_path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = _temporary_beside(target)
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(temp_name, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, target)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None


_TOKEN_BYTES = 6     # random bytes, as hex digits, in a temporary file's name


def _temporary_name(target: Path, token: str) -> str:
    """A temporary file's name beside ``target``: hidden, named after it, told apart by ``token``."""
    return f".{target.name}.{token}.tmp"


def _temporary_beside(target: Path) -> tuple[int, str]:
    """A new file next to ``target``, open for writing, readable by its owner only (as
    tempfile.mkstemp makes it; tempfile itself costs every build 15 ms of imports)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        name = str(target.parent / _temporary_name(target, os.urandom(_TOKEN_BYTES).hex()))
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def remove_leftover_temporaries(target: Path) -> None:
    """Remove the temporary files a writer of ``target`` left when its process was killed before
    it could rename or remove them. Call it only when no writer of ``target`` is still running."""
    prefix, suffix = _temporary_name(target, "\0").split("\0")
    pattern = re.compile(re.escape(prefix) + f"[0-9a-f]{{{2 * _TOKEN_BYTES}}}" + re.escape(suffix))
    try:
        found = [p for p in target.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return
    for leftover in found:
        leftover.unlink(missing_ok=True)


def write_new_file(target: Path, text: str) -> None:
    """Create a text file that must not exist yet (exclusive create: no race with another writer)."""
    shown = display_path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise OutputError(f"{shown} already exists; it was left as it is") from None
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None
