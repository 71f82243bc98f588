"""Property tests for the outline writers and the Markdown reader: any outline written as Markdown
or YAML reads back as the same data, and no text makes the Markdown reader fail except with a
located slidegen error."""

from __future__ import annotations

import copy
import re
import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slidegen.errors import SlidegenError
from slidegen.outline.markdown import read_markdown
from slidegen.outline.write_markdown import write_markdown
from test_properties import bilingual, outline, text

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
                item["todo"] = _as_a_block_holds_it(item["todo"])
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


def _each_text(data, fix):
    """``fix`` applied to every section title, item title and todo, in each of its languages."""
    def one(value, heading):
        return {tag: fix(t, heading) for tag, t in value.items()} if isinstance(value, dict) else fix(value, heading)

    data = copy.deepcopy(data)
    for section in data["sections"]:
        section["title"] = one(section["title"], True)
        for item in section["items"]:
            item["title"] = one(item["title"], True)
            if "todo" in item:
                item["todo"] = one(item["todo"], False)
            if item.get("slides") == []:
                del item["slides"]   # an empty list of slides is no slides
    return data


def _as_a_block_holds_it(text):
    """A todo is the text of a block: lines without trailing spaces, no blank lines around."""
    return "\n".join(line.rstrip() for line in textwrap.dedent(text.strip()).split("\n")).strip()


def _as_headings_hold_them(text, heading):
    """A title is one line without edge spaces, a todo the text of a block (as in the test above)."""
    return " ".join(text.replace("\r", " ").split("\n")).strip() if heading else _as_a_block_holds_it(text)


def _as_languages_read_them(data):
    """A heading or todo given the same in every language is one text; so is one given in the
    default language alone when the outline has no other language. (A slide that Markdown cannot
    say exactly in every language is written as YAML, so its texts come back as they were.)"""
    def keys(node):
        if isinstance(node, dict):
            yield from node
            for v in node.values():
                yield from keys(v)
        elif isinstance(node, list):
            for v in node:
                yield from keys(v)

    english = "languages" in data["deck"] or "en-US" in set(keys(data["sections"]))

    def collapse(value):
        if isinstance(value, dict) and (value.get("en-US") == value["vi-VN"] if english else len(value) == 1):
            return value["vi-VN"]
        return value

    data = _each_text(data, lambda t, heading: t)
    for section in data["sections"]:
        section["title"] = collapse(section["title"])
        for item in section["items"]:
            item["title"] = collapse(item["title"])
            if "todo" in item:
                item["todo"] = collapse(item["todo"])
    return data


def _empty(value) -> bool:
    return not (value["vi-VN"] if isinstance(value, dict) else value).strip()


@settings_
@given(bilingual)
def test_any_outline_in_two_languages_written_as_markdown_reads_back_as_the_same_data(data) -> None:
    data = _each_text(_as_a_file_holds_it(data), _as_headings_hold_them)
    if any(_empty(i["todo"]) for s in data["sections"] for i in s["items"] if "todo" in i):
        return  # an empty todo has no Markdown form (and means no prompt, as a missing one)
    written = write_markdown(data)
    back, _ = read_markdown(written, "x.md", None, [])
    assert back == _as_languages_read_them(data), written


markdownish = st.lists(st.one_of(
    text, st.sampled_from(["# ", "## ", "### ", "- ", "1. ", "> ", "---", "::: notes", "::: columns", "::: column",
                           ":::", "```", "```slidegen timeline", "```slidegen", "| a | b |", "| --- | --- |",
                           "![x](y.png)", "![](https://e.org/a.png)", "<!-- c -->", "% T", "marp: true", "\n",
                           "::: {lang=en-US}", "::: {lang=vi-VN}", "::: {lang=x_y}", "languages: [vi-VN, en-US]",
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
