"""Property tests for hostile input: generated template expressions and malformed data files
never crash (only a clean SlidegenError) and stay within time and memory bounds.

The expression strategy builds Jinja2 from the constructs that do unbounded work — repetition,
powers, format widths, padding methods and filters, replace, join, ranges, nested loops,
namespaces doubled in loops, recursive macros — combined at random, with numbers from small to
huge. The data strategies mutate valid CSV, JSON and YAML (stray quotes, ragged rows, NULs,
deep brackets, aliases, huge numbers, truncation). `CI=true` runs 1000 examples of each.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_valid_pptx
from slidegen import build
from slidegen.errors import SlidegenError
from slidegen.outline.datafiles import read_data_file
from slidegen.outline.templating import expand
from slidegen.source import SourceMap

#: Per example: the per-value time budget is 2 s; anything near it, or a jump in the process's
#: peak memory, means a limit was missed.
MAX_SECONDS = 3.0
MAX_GROWTH_MIB = 300

numbers = st.one_of(st.integers(-3, 12), st.sampled_from([0, 1, 2, 99, 1000, 10**5, 10**6, 10**9, 10**12, 2**64]),
                    st.sampled_from(["10**9", "2**64", "(10**5)", "-1", "0.5", "1e308"]))
texts = st.sampled_from(["'x'", "'Việt Nam'", "''", "'%0999999999d'", "'{:>999999999}'", "'{0}{0}{0}'",
                         "'a\\nb'", "'{}'", "'%s%s'", "'&<>'", "s", "'x' * 1000"])


def _number(n) -> str:
    return str(n)


atoms = st.one_of(numbers.map(_number), texts, st.just("[1, 2, 3]"), st.just("range(10)"), st.just("data"),
                  st.just("ns.v"), st.just("[s, s, s]"))


def _combine(children):
    binary = st.tuples(children, st.sampled_from(["+", "-", "*", "/", "//", "%", "**", "~", "==", "in"]), children)
    filters = st.tuples(children, st.sampled_from([
        "center({n})", "indent({n})", "join", "join({t})", "format({n})", "replace('x', {t})", "replace('', {t})",
        "batch({n})", "slice({n})", "sum", "list", "string", "tojson", "upper", "length", "wordwrap({n})",
        "truncate({n})", "first", "unique", "sort", "map('string')", "escape", "urlize", "int", "round({n})"]),
        numbers.map(_number), texts)
    methods = st.tuples(children, st.sampled_from([
        "center({n})", "ljust({n})", "zfill({n})", "replace('x', {t})", "join([{t}, {t}])", "format({n}, {t})",
        "split()", "expandtabs({n})", "count('x')", "upper()"]), numbers.map(_number), texts)
    return st.one_of(
        binary.map(lambda b: f"({b[0]} {b[1]} {b[2]})"),
        filters.map(lambda f: f"({f[0]} | {f[1].format(n=f[2], t=f[3])})"),
        methods.map(lambda m: f"({m[0]}).{m[1].format(n=m[2], t=m[3])}"),
        st.tuples(children, numbers.map(_number)).map(lambda t: f"[{t[0]}] * {t[1]}"),
        st.tuples(texts, numbers.map(_number)).map(lambda t: f"({t[0]} * {t[1]})"),
    )


expressions = st.recursive(atoms, _combine, max_leaves=6)


def _statement(body: str, expr: str, kind: int) -> str:
    return [
        "{{ %s }}" % expr,
        "{%% for i in range(%s) %%}%s{%% endfor %%}" % (expr, body),
        "{%% for i in %s %%}{%% for j in %s %%}%s{%% endfor %%}{%% endfor %%}" % (expr, expr, body),
        "{% for i in range(64) %}{% set ns.v = ns.v ~ ns.v %}{% endfor %}{{ ns.v | length }}",
        "{%% macro f(n) %%}{%% if n %%}{{ f(n-1) }}{{ f(n-1) }}{%% endif %%}{%% endmacro %%}{{ f(%s) }}" % expr,
        "{%% set ns.v = %s %%}%s" % (expr, body),
        "{%% if %s %%}%s{%% else %%}{{ %s }}{%% endif %%}" % (expr, body, expr),
    ][kind]


templates = st.recursive(
    expressions.map(lambda e: "{{ %s }}" % e),
    lambda inner: st.tuples(inner, expressions, st.integers(0, 6)).map(lambda t: _statement(t[0], t[1], t[2])),
    max_leaves=3,
).map(lambda body: "{% set ns = namespace(v='x') %}{% set s = 'xy' %}" + body)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(templates, st.booleans())
def test_any_template_expression_ends_cleanly_and_quickly(template: str, whole: bool) -> None:
    value = template if whole else f"Năm {template}"
    before = _peak_mib()
    started = time.perf_counter()
    try:
        result = expand({"x": value}, {"data": [{"a": "1", "b": "2"}] * 3}, SourceMap("o.yaml"))["x"]
    except SlidegenError as error:
        assert "\n" not in str(error) and str(error).startswith("o.yaml:1:1: "), str(error)
    else:
        assert result is not None or whole
    elapsed = time.perf_counter() - started
    assert elapsed < MAX_SECONDS, (template, elapsed)
    assert _peak_mib() - before < MAX_GROWTH_MIB, template


CSV_GOOD = "date,meeting,note\n2019,AWGIPC 60,Hà Nội\n2020,\"AWGIPC 62, trực tuyến\",\n"
JSON_GOOD = '[{"date": "2019", "meeting": "AWGIPC 60", "note": "Hà Nội"}, {"date": "2020", "meeting": "62"}]'
YAML_GOOD = "- {date: '2019', meeting: AWGIPC 60, note: Hà Nội}\n- {date: '2020', meeting: '62'}\n"
JUNK = ["\"", ",", "\n", "\r", "\x00", "\\", "[", "]" * 3, "{", "}", ":", "&a", "*a", "!!python/name:os.system",
        "NaN", "9" * 5000, "[" * 5000, "- " * 500, "\t", "\ufeff", "\ud7ff", "é", "\U0001f600", "'"]


@st.composite
def malformed(draw) -> tuple[str, bytes]:
    suffix, good = draw(st.sampled_from([(".csv", CSV_GOOD), (".json", JSON_GOOD), (".yaml", YAML_GOOD)]))
    text = good
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 3))
        at = draw(st.integers(0, len(text)))
        if choice == 0:
            text = text[:at] + draw(st.sampled_from(JUNK)) + text[at:]
        elif choice == 1:
            text = text[:at]
        elif choice == 2:
            text = text[:at] + draw(st.text(max_size=20)) + text[at:]
        else:
            text = text + text[:at] * draw(st.integers(1, 50))
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw = raw[: draw(st.integers(0, len(raw)))]
    return suffix, raw


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(malformed())
def test_any_malformed_data_file_loads_or_fails_with_one_located_line(case) -> None:
    suffix, raw = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"m{suffix}"
        path.write_bytes(raw)
        started = time.perf_counter()
        try:
            read_data_file(path)
        except SlidegenError as error:
            assert "\n" not in str(error), str(error)
            assert str(error).startswith(str(path)) or "m" + suffix in str(error), str(error)
        assert time.perf_counter() - started < MAX_SECONDS


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(malformed(), templates)
def test_any_data_and_template_build_a_valid_deck_or_fail_cleanly(case, template: str) -> None:
    suffix, raw = case
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "pyproject.toml").write_text("")
        (root / f"m{suffix}").write_bytes(raw)
        outline = root / "o.yaml"
        outline.write_text(
            f"data: {{m: m{suffix}}}\ndeck:\n  title: T\nsections:\n  - title: A\n    items:\n      - title: x\n"
            "        slides:\n          - table:\n              header: [a, b]\n"
            "              rows: \"{{ m | rows('date', 'meeting') }}\"\n"
            f"          - bullets: [{_yaml_quoted(template)}]\n", encoding="utf-8")
        out = root / "o.pptx"
        started = time.perf_counter()
        try:
            build(outline, out)
        except SlidegenError as error:
            assert not out.exists()
            assert all(line.startswith(("o.yaml", "m.", str(root))) or ": " in line for line in str(error).splitlines())
        else:
            assert_valid_pptx(out)
        assert time.perf_counter() - started < 10


def _yaml_quoted(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)
