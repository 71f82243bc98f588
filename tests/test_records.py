"""Records behave as the standard library's dataclasses do: the same classes declared both ways
give the same fields, construction errors, equality, hashes, reprs, immutability, copies and
pickles. Hypothesis draws the values; dataclasses is the judge."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import Any

import pytest
from hypothesis import given, strategies as st

from slidegen.records import record, replace

values = st.one_of(st.none(), st.integers(), st.text(max_size=5), st.tuples(st.integers(), st.text(max_size=3)))


def _declare(decorator: Any) -> dict[str, type]:
    """The same module-level shapes slidegen declares, made with ``decorator``."""

    @decorator(frozen=True)
    class Plain:
        a: Any
        b: Any = 3
        c: tuple[Any, ...] = dataclasses.field(default=())

    @decorator(frozen=True, slots=True)
    class Slotted:
        a: Any
        b: Any = "x"

    @decorator(frozen=True, slots=True, kw_only=True)
    class Keywords:
        a: Any
        b: Any = None

    @decorator(frozen=False)
    class Mutable:
        a: Any
        items: list[Any] = dataclasses.field(default_factory=list)
        seen: dict[Any, Any] = dataclasses.field(default_factory=dict, repr=False, compare=False)

    @decorator(frozen=True, eq=False)
    class Identity:
        a: Any

    @decorator(frozen=True)
    class Child(Plain):
        d: Any = "child"

    return {"Plain": Plain, "Slotted": Slotted, "Keywords": Keywords, "Mutable": Mutable, "Identity": Identity,
            "Child": Child}


def _stdlib(**options: Any) -> Any:
    return dataclasses.dataclass(**options)


def _ours(**options: Any) -> Any:
    return record(**options)


STDLIB, OURS = _declare(_stdlib), _declare(_ours)


def _pair(name: str, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
    return STDLIB[name](*args, **kwargs), OURS[name](*args, **kwargs)


@pytest.mark.parametrize("name", sorted(STDLIB))
def test_fields_match_match_args_and_slots_are_those_of_dataclasses(name: str) -> None:
    theirs, ours = STDLIB[name], OURS[name]
    assert [(f.name, f.default, f.default_factory, f.kw_only, f.repr, f.compare) for f in dataclasses.fields(ours)] \
        == [(f.name, f.default, f.default_factory, f.kw_only, f.repr, f.compare) for f in dataclasses.fields(theirs)]
    assert dataclasses.is_dataclass(ours)
    assert getattr(ours, "__match_args__", None) == getattr(theirs, "__match_args__", None)
    assert getattr(ours, "__slots__", None) == getattr(theirs, "__slots__", None)


@given(a=values, b=values, c=st.tuples(values))
def test_equality_hash_and_repr_are_those_of_dataclasses(a: Any, b: Any, c: tuple[Any, ...]) -> None:
    for name, args in (("Plain", (a, b, c)), ("Slotted", (a, b)), ("Child", (a, b, c, a))):
        theirs, ours = _pair(name, *args)
        twin = OURS[name](*args)
        assert ours == twin and not ours != twin
        assert hash(ours) == hash(theirs) == hash(twin)
        assert repr(ours) == repr(theirs)
        assert ours != theirs      # a different class is never equal, as in dataclasses
    theirs, ours = _pair("Keywords", a=a, b=b)
    assert repr(ours) == repr(theirs) and hash(ours) == hash(theirs)
    assert (OURS["Plain"](a, b) == OURS["Plain"](a, b, (a,))) == (STDLIB["Plain"](a, b) == STDLIB["Plain"](a, b, (a,)))


def test_a_mutable_record_is_unhashable_and_its_factories_give_each_instance_its_own_value() -> None:
    theirs, ours = _pair("Mutable", 1)
    with pytest.raises(TypeError):
        hash(ours)
    ours.items.append(2)
    assert OURS["Mutable"](1).items == [] and ours.items == [2]
    ours.seen["x"] = 1                 # repr=False, compare=False: as dataclasses
    assert ours == OURS["Mutable"](1, [2]) and repr(ours) == repr(STDLIB["Mutable"](1, [2]))
    assert repr(ours).endswith("Mutable(a=1, items=[2])")
    ours.a = 5
    assert ours.a == 5


def test_eq_false_keeps_identity_equality_and_hash() -> None:
    one, other = OURS["Identity"](1), OURS["Identity"](1)
    assert one != other and one == one
    assert hash(one) == object.__hash__(one)


@pytest.mark.parametrize("name,args", [("Plain", (1,)), ("Slotted", (1,)), ("Child", (1,))])
def test_a_frozen_record_refuses_assignment_and_deletion_as_dataclasses_do(name: str, args: tuple[Any, ...]) -> None:
    for made in _pair(name, *args):
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.a = 2
        with pytest.raises(dataclasses.FrozenInstanceError):
            del made.a
        assert made.a == 1


@pytest.mark.parametrize("call", [lambda cls: cls(), lambda cls: cls(1, 2, 3, 4, 5), lambda cls: cls(1, z=2),
                                  lambda cls: cls(1, a=2)])
def test_wrong_arguments_fail_as_they_do_for_dataclasses(call: Any) -> None:
    for cls in (STDLIB["Plain"], OURS["Plain"]):
        with pytest.raises(TypeError):
            call(cls)
    with pytest.raises(TypeError):
        OURS["Keywords"](1)            # keyword-only
    with pytest.raises(TypeError):
        STDLIB["Keywords"](1)


@pytest.mark.parametrize("name,kwargs", [("Plain", {"a": [1], "b": {"k": (2,)}}), ("Slotted", {"a": "á", "b": 2}),
                                         ("Keywords", {"a": 1}), ("Mutable", {"a": 1, "items": [3]}),
                                         ("Child", {"a": 1, "d": 4})])
def test_replace_copy_deepcopy_and_pickle_round_trip(name: str, kwargs: dict[str, Any]) -> None:
    made = OURS[name](**kwargs)
    assert copy.copy(made) == made and copy.deepcopy(made) == made
    assert dataclasses.replace(made, a="new").a == "new"
    assert replace(made, a="new") == dataclasses.replace(made, a="new") != made
    assert replace(made) == made and type(replace(made)) is type(made)
    with pytest.raises(TypeError):
        replace(made, unknown=1)
    assert dataclasses.asdict(made) == dataclasses.asdict(STDLIB[name](**kwargs))


def test_pickles_cross_processes_as_slidegen_records_do() -> None:
    from slidegen.plan.types import Run
    from slidegen.theme.registry import load_theme

    theme = load_theme("formal", None, [])      # a frozen, slotted, keyword-only model with nested models
    assert pickle.loads(pickle.dumps(theme)) == theme
    assert hash(pickle.loads(pickle.dumps(theme))) == hash(theme)
    run = Run("Hợp tác", bold=True)
    assert pickle.loads(pickle.dumps(run)) == run


def test_a_class_that_defines_its_own_methods_keeps_them() -> None:
    @record
    class Own:
        a: int

        def __repr__(self) -> str:
            return "own"

        def __eq__(self, other: object) -> bool:
            return True

        def __hash__(self) -> int:
            return 7

    assert repr(Own(1)) == "own" and Own(1) == Own(2) and hash(Own(1)) == 7
    with pytest.raises(TypeError, match="__setattr__"):
        @record
        class Refused:
            a: int

            def __setattr__(self, name: str, value: Any) -> None:
                pass
