"""Property test: a house template mutated at random — elements and attributes removed, values
changed, parts truncated or dropped — builds a deck that adds no schema problem of its own, or is
refused with one clean error; never a traceback, never unbounded time."""

from __future__ import annotations

import io
import re
import time
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import DECKS
from slidegen import plan
from slidegen.errors import SlidegenError
from templates import office_bytes
from validate import validate_pptx

BASE = office_bytes()
with zipfile.ZipFile(io.BytesIO(BASE)) as _archive:
    ENTRIES = {name: _archive.read(name) for name in _archive.namelist()}
PARTS = sorted(n for n in ENTRIES if n.endswith((".xml", ".rels")) and not n.startswith("docProps/"))
VALUES = st.sampled_from(["", "0", "-1", "1e9", "abc", "4294967295", "99999999999999999999", "rId9", "title",
                          "../../etc/passwd", "\u0000", "2147483648"])


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, str, int, str]:
    part = draw(st.sampled_from(PARTS))
    kind = draw(st.sampled_from(["drop element", "drop attribute", "set attribute", "truncate", "drop part",
                                 "duplicate element"]))
    return part, kind, draw(st.integers(min_value=0, max_value=10_000)), draw(VALUES)


def _mutate(data: bytes, kind: str, n: int, value: str) -> bytes | None:
    if kind == "drop part":
        return None
    if kind == "truncate":
        return data[: n % max(len(data), 1)]
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError:      # truncated by an earlier mutation: stays so
        return data
    elements = list(root.iter())
    element = elements[n % len(elements)]
    if kind == "drop element" and element is not root:
        element.getparent().remove(element)
    elif kind == "duplicate element" and element is not root:
        element.addnext(etree.fromstring(etree.tostring(element)))
    elif element.attrib:
        names = sorted(element.attrib)
        name = names[n % len(names)]
        if kind == "drop attribute":
            del element.attrib[name]
        elif "\u0000" not in value:
            element.set(name, value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _normal(problem: str) -> str:
    part, _, message = problem.partition(": ")
    message = re.sub(r"\(line \d+, ", "(", message)
    return f"{re.sub(r'[0-9]+', '#', part)}: {re.sub(r'rId[0-9]+', 'rId#', message)}"


# A build each: an eighth of the profile's examples (125 in CI).
@settings(max_examples=max(20, settings().max_examples // 8), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutation(), min_size=1, max_size=3))
def test_a_mutated_template_builds_without_a_problem_of_its_own_or_fails_cleanly(tmp_path_factory, mutations) -> None:
    entries = dict(ENTRIES)
    for part, kind, n, value in mutations:
        if part in entries:
            mutated = _mutate(entries[part], kind, n, value)
            if mutated is None:
                del entries[part]
            else:
                entries[part] = mutated
    folder = tmp_path_factory.mktemp("mutated")
    template = folder / "t.pptx"
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    started = time.perf_counter()
    try:
        deck = plan(DECKS / "awgipc.yaml", template=template, allow_outside=True)
        data = deck.to_bytes()
    except SlidegenError as error:
        assert "\n" not in str(error) or str(error).count("\n") < 5, str(error)
        assert " object at 0x" not in str(error) and "Traceback" not in str(error)
        return
    finally:
        assert time.perf_counter() - started < 10
    out = folder / "deck.pptx"
    out.write_bytes(data)
    added = {_normal(p) for p in validate_pptx(str(out))} - {_normal(p) for p in validate_pptx(str(template))}
    assert not added, (mutations, sorted(added)[:5])
    assert len(deck.slides) <= 2 * 20 + 5
