"""The vocabulary models are written in: field metadata, the model decorator, frozen mappings.

A field is annotated ``Annotated[<type>, Meta(...)]``. The type says what the value is (text,
numbers, dates, literals, lists, tuples, mappings, other models, unions); ``Meta`` documents it
(``slidegen schema`` shows the description and example in editors) and bounds it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar, Generic, TypeVar, dataclass_transform

from ..records import record

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")

NO_EXAMPLE: Any = object()


@record(eq=False)
class Meta:
    """Documentation and bounds of one field.

    ``pattern_hint`` phrases what a value matching ``pattern`` looks like ("a BCP 47 tag such
    as vi-VN"); ``too_short`` replaces the message for a list under ``min_length``; ``parse``
    normalises a converted value or raises ``ValueError`` with the message to show.
    """

    description: str = ""
    example: Any = NO_EXAMPLE
    min_length: int | None = None
    max_length: int | None = None
    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    lt: float | None = None
    pattern: str | None = None
    pattern_hint: str | None = None
    too_short: str | None = None
    parse: Callable[[Any], Any] | None = None


@record
class Rejection:
    """Why a mapping is no member of a discriminated union, and where to point: the mapping
    itself (``key`` None), the value of ``key``, or with ``at_key`` the key itself."""

    message: str
    key: Any = None
    at_key: bool = False


@record(eq=False)
class Discriminated:
    """Marks a union of models whose member is chosen from the data itself (a slide's kind):
    ``select(mapping)`` returns the model to validate against, or a :class:`Rejection`."""

    select: Callable[[Mapping[Any, Any]], "type | Rejection"]
    members: Callable[[], tuple[type, ...]]     # every model it may choose, for the JSON Schema


class Model:
    """Base of every model: ``noun`` names it in messages ("unknown key 'x' in slide")."""

    __slots__ = ()
    noun: ClassVar[str] = "mapping"


@dataclass_transform(frozen_default=True, kw_only_default=True)
def model(cls: type[T]) -> type[T]:
    """A frozen, keyword-only record with slots: immutable once validated, cheap to make."""
    return record(kw_only=True, slots=True)(cls)


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """An immutable, hashable mapping (a theme is a cache key, so its maps must hash)."""

    __slots__ = ("_items", "_hash")

    def __init__(self, items: Mapping[K, V] | None = None) -> None:
        self._items: dict[K, V] = dict(items or {})
        self._hash: int | None = None

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(self._items.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self._items) == dict(other)

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"

    def replace(self, **changes: V) -> "FrozenMap[K, V]":
        return FrozenMap({**self._items, **changes})


#: A BCP 47 language tag as decks use them: vi-VN, en-US, zh-Hans-CN.
LANGUAGE_TAG = r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?"


class Translations(FrozenMap[str, str]):
    """One text in several languages, by language tag: ``{vi-VN: "Cơ chế hợp tác", en-US: …}``."""

    __slots__ = ()

    def best(self, language: str, fallback: str) -> tuple[str, bool]:
        """The text in ``language``, else in ``fallback``, else the first given; and whether it
        was the language asked for."""
        if language in self:
            return self[language], True
        if fallback in self:
            return self[fallback], False
        return next(iter(self.values())), False
