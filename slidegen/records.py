"""Records: standard-library dataclasses that cost one small compile each to define.

Python 3.11's ``dataclass`` compiles five or six methods per class from generated source
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and, frozen, ``__setattr__`` and
``__delattr__``); for slidegen's ~150 classes that was about 45 ms of every start-up, a third
of a small build. :func:`record` asks ``dataclass`` only for what it does without compiling
(fields, slots, ``__match_args__``), compiles the one method that must be fast per class — a
plain ``__init__`` — and gives every class the same shared, already-compiled methods for the
rest. ``dataclasses.fields``, ``replace``, ``asdict`` and ``is_dataclass`` work as before;
equality, hashing and ``repr`` are the values dataclasses would give.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, cast, dataclass_transform, overload

T = TypeVar("T")

_MISSING = dataclasses.MISSING
#: Stands for "no value given" in an ``__init__`` whose field has a default factory.
_FACTORY = object()


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving the tuple of ``names``' values of an instance (attrgetter, in C)."""
    if not names:
        return lambda self: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda self: (one(self),)
    return attrgetter(*names)


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__record_repr__)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    compared = self.__record_compared__
    return bool(compared(self) == compared(other))


def _hash(self: Any) -> int:
    return hash(self.__record_hashed__(self))


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, f.name) for f in dataclasses.fields(self))


def _setstate(self: Any, state: tuple[Any, ...]) -> None:
    for f, value in zip(dataclasses.fields(self), state):
        object.__setattr__(self, f.name, value)   # a frozen record is made, not assigned to


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...], frozen: bool) -> Callable[..., None]:
    """The class's ``__init__``, compiled from source as dataclasses writes it, but once and
    small: defaults are bound as keyword defaults, factories run when no value is given."""
    names: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for n, f in enumerate(fields):
        value = f.name
        if f.default is not _MISSING:
            names[f"_d{n}"] = f.default
            default = f"=_d{n}"
        elif f.default_factory is not _MISSING:
            names[f"_f{n}"] = f.default_factory
            default = "=_FACTORY"
            value = f"_f{n}() if {f.name} is _FACTORY else {f.name}"
        else:
            default = ""
        if not f.init:
            if default == "":
                continue
            value = f"_f{n}()" if f.default_factory is not _MISSING else f"_d{n}"
        else:
            (keyword if f.kw_only else positional).append(f"{f.name}{default}")
        body.append(f"_set(self, {f.name!r}, {value})" if frozen else f"self.{f.name} = {value}")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    params = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({params}):\n " + ("\n ".join(body) or "pass") + "\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<record {cls.__qualname__}>", "exec"), names, namespace)
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _make(cls: type[T], frozen: bool, eq: bool, slots: bool, kw_only: bool) -> type[T]:
    own = cls.__dict__
    for method in ("__setattr__", "__delattr__") if frozen else ():
        if method in own:
            raise TypeError(f"cannot overwrite attribute {method} in class {cls.__name__}")
    # Python sets __hash__ = None in a class that defines __eq__ alone; that is no explicit hash.
    explicit_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
    defined = {name for name in ("__init__", "__repr__", "__eq__") if name in own}
    # Any: the class gains its methods and record attributes here, after it was defined.
    made: Any = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots, kw_only=kw_only)
    fields = dataclasses.fields(made)
    made.__record_repr__ = tuple(f.name for f in fields if f.repr)
    made.__record_init__ = tuple(f.name for f in fields if f.init)
    made.__record_init_values__ = _values(made.__record_init__)
    made.__record_compared__ = _values(tuple(f.name for f in fields if f.compare))
    made.__record_hashed__ = _values(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    if "__init__" not in defined:
        made.__init__ = _init(made, fields, frozen)
    if "__repr__" not in defined:
        made.__repr__ = _repr
    if eq and "__eq__" not in defined:
        made.__eq__ = _eq
    if eq and not explicit_hash:
        # As dataclasses: a frozen record hashes by value, a mutable one is unhashable.
        made.__hash__ = _hash if frozen else None
    if frozen:
        made.__setattr__ = _frozen_setattr
        made.__delattr__ = _frozen_delattr
        if slots:   # pickling and copying restore slots through setattr, which a frozen record refuses
            made.__getstate__ = _getstate
            made.__setstate__ = _setstate
    return cast("type[T]", made)


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, frozen: bool = True, eq: bool = True, slots: bool = False, kw_only: bool = False
           ) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T] | None = None, /, *, frozen: bool = True, eq: bool = True, slots: bool = False,
           kw_only: bool = False) -> type[T] | Callable[[type[T]], type[T]]:
    """A dataclass, frozen unless ``frozen=False``: ``@record`` or ``@record(slots=True)``."""
    def wrap(target: type[T]) -> type[T]:
        return _make(target, frozen, eq, slots, kw_only)
    return wrap if cls is None else wrap(cls)


def replace(obj: T, /, **changes: Any) -> T:
    """``dataclasses.replace`` for a record, a few times faster (planning replaces thousands of
    slides and paragraphs): the unchanged values are read in one call."""
    cls: Any = type(obj)
    values = dict(zip(cls.__record_init__, cls.__record_init_values__(obj)))
    values.update(changes)
    made: T = cls(**values)
    return made
