"""Property tests for the outline writers and the Markdown reader: any outline written as Markdown
or YAML reads back as the same data, and no text makes the Markdown reader fail except with a
located slidegen error."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slidegen.errors import SlidegenError
from slidegen.outline.markdown import read_markdown
from slidegen.outline.write_markdown import write_markdown
from test_properties import outline, text

settings_ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\r]")


def _as_a_file_holds_it(node):
    """Strings without the control characters no outline file keeps (read_text drops them)."""
    if isinstance(node, str):
        return _CONTROL.sub("", node)
    if isinstance(node, dict):
        return {k: _as_a_file_holds_it(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_as_a_file_holds_it(v) for v in node]
    return node


def _titles_as_headings(data):
    """Section and item titles are headings: one line, without edge spaces, and a todo is the
    text of a block (Markdown cannot hold more); everything else must come back exactly."""
    for section in data["sections"]:
        section["title"] = " ".join(section["title"].replace("\r", " ").split("\n")).strip()
        for item in section["items"]:
            item["title"] = " ".join(item["title"].replace("\r", " ").split("\n")).strip()
            if "todo" in item:
                item["todo"] = item["todo"].strip()
            if item.get("slides") == []:
                del item["slides"]   # an empty list of slides is no slides
    return data


@settings_
@given(outline)
def test_any_outline_written_as_markdown_reads_back_as_the_same_data(data) -> None:
    data = _titles_as_headings(_as_a_file_holds_it(data))
    if any(not i["todo"] for s in data["sections"] for i in s["items"] if "todo" in i):
        return  # an empty todo has no Markdown form (and means no prompt, as a missing one)
    back, _ = read_markdown(write_markdown(data), "x.md", None, [])
    assert back == data


markdownish = st.lists(st.one_of(
    text, st.sampled_from(["# ", "## ", "### ", "- ", "1. ", "> ", "---", "::: notes", "::: columns", "::: column",
                           ":::", "```", "```slidegen timeline", "```slidegen", "| a | b |", "| --- | --- |",
                           "![x](y.png)", "![](https://e.org/a.png)", "<!-- c -->", "% T", "marp: true", "\n",
                           "  ", "\t", "{{ x }}", "[a]", "**", "\\"])), max_size=60).map("".join)


@settings_
@given(st.one_of(markdownish, st.text(max_size=400)), st.booleans())
def test_any_text_reads_as_markdown_or_fails_with_a_located_error(source: str, marp: bool) -> None:
    if marp:
        source = "---\nmarp: true\n---\n" + source
    try:
        data, source_map = read_markdown(source, "x.md", None, [])
    except SlidegenError as error:
        assert all(d.location is not None and d.location.file == "x.md" for d in error.diagnostics)
        return
    assert data["sections"] and all(isinstance(s["items"], list) for s in data["sections"])


@settings_
@given(outline)
def test_any_outline_written_as_yaml_reads_back_as_the_same_data(data) -> None:
    from slidegen.outline.write_yaml import write_yaml
    from slidegen.outline.yaml_tree import parse_yaml

    data = _as_a_file_holds_it(data)
    assert parse_yaml(write_yaml(data, "a header\nof two lines"), "x.yaml")[0] == data
