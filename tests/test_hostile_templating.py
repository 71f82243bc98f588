"""Templates that try to run forever or take all memory stop within their budget, with one
located error line; every exception a template raises is such a line; ordinary templates
still work."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile import PREVIOUS, assert_one_error, outline_with, peak_memory_of, quoted, run_cli
from slidegen.outline import budget

#: expression → fragment of the one error line. Each would run for minutes or take gigabytes
#: without the budget (the sizes are chosen so).
HOSTILE = {
    "{{ 'x' * 10**10 }}": "a repeated value of more than 5,000,000 characters",
    "{{ [1] * 10**9 }}": "a list of more than 100,000 entries",
    "{{ 2 ** (10**9) }}": "a power of more than 4,096 bits",
    "{{ '%0999999999d' % 1 }}": "a % format wider than 1,000 characters",
    "{{ '%.999999999f' % 1.5 }}": "a % format wider than 1,000 characters",
    "{{ '%*d' % (999999999, 1) }}": "a % format's * width wider than 1,000 characters",
    "{{ '{:>999999999}'.format(1) }}": "a format field wider than 1,000 characters",
    "{{ '{:>{w}}'.format(1, w=999999999) }}": "a nested format width wider than 1,000 characters",
    "{{ ('{0}' * 1000).format('x' * 100000) }}": "a formatted text of more than 5,000,000 characters",
    "{{ '%0999999999d' | format(1) }}": "a % format wider than 1,000 characters",
    "{{ 'x'.center(10**9) }}": "'center' wider than 1,000 characters",
    "{{ 'x' | center(1000000000) }}": "'center' wider than 1,000 characters",
    "{{ '1'.zfill(999999999) }}": "'zfill' wider than 1,000 characters",
    "{{ (1).to_bytes(999999999, 'big') }}": "'to_bytes' wider than 1,000 characters",
    "{{ ('x' * 100000).replace('', 'y' * 100000) }}": "a replaced text of more than 5,000,000 characters",
    "{{ ('a\\n' * 100000) | indent(1000) }}": "'indent' would make more than 5,000,000 characters",
    "{{ range(10**12) | list }}": "a range of more than 100,000 numbers",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}":
        "the template takes more than 200,000 steps",
    "{% for i in range(100000) %}" + "x" * 500 + "{% endfor %}": "the template writes more than 1,000,000 characters",
    "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}":
        "of more than 5,000,000 characters",
    "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s }}":
        "a text of more than 5,000,000 characters",
    "{% set a = ['xxxxxxxxxx'] * 10 %}{% set b = [a,a,a,a,a,a,a,a,a,a] %}{% set c = [b,b,b,b,b,b,b,b,b,b] %}"
    "{% set d = [c,c,c,c,c,c,c,c,c,c] %}{% set e = [d,d,d,d,d,d,d,d,d,d] %}{% set f = [e,e,e,e,e,e,e,e,e,e] %}"
    "{{ f | string }}": "the template takes more than 200,000 steps",
    "{{ (['x' * 1000000] * 100) | join }}": "a repeated value of more than 5,000,000 characters",
    "{{ range(100000) | join('x' * 100000) }}": "the template takes more than 200,000 steps",
    "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(40) }}":
        "the template takes more than 200,000 steps",
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}": "template error: recursion too deep",
    "{% macro m() %}" + "y" * 5000 + "{% endmacro %}{% for i in range(100000) %}{% set _ = m() %}{% endfor %}":
        "the template writes more than 1,000,000 characters",
    "{% for x in [1] recursive %}{{ loop(range(1000)) }}{% endfor %}": "recursion too deep",
    "{% set s = 'x' * 4000000 %}{% set t = 'x' * 4000000 %}{% for i in range(100000) %}{% if s == t %}{% endif %}"
    "{% endfor %}": "the template takes more than 200,000 steps",
    "{% set ns = namespace(l=[]) %}{% for i in range(100000) %}{% set ns.l = [ns.l] %}{% endfor %}":
        "a namespace value nested deeper than 32 levels",
    "{{ [1] | slice(10**9) | list }}": "'slice' into more than 100,000 parts",
    "{{ [1] | batch(10**9, 0) | list }}": "'batch' into more than 100,000 parts",
    "{{ ([[1]] * 1000) | sum(start=[]) }}": "'sum' adds numbers",
    "{{ ('ab ' * 100000) | wordwrap(1) }}": "'wordwrap' takes at most 100,000 characters",
    "{{ ('&' * 1000000) | escape }}": "'escape' would make more than 5,000,000 characters",
    "{{ 'abc'.translate({97: 'x' * 1000}) }}": "'translate' is not available in outline templates",
    "{% set ns = namespace(n=10) %}{% for i in range(40) %}{% set ns.n = ns.n * ns.n %}{% endfor %}{{ ns.n }}":
        "an integer of more than 4,096 bits",
    "{{ lipsum(10**6) }}": "'lipsum' is undefined",
    # exceptions that used to escape as tracebacks
    "{{ 1 / 0 }}": "template error: division by zero",
    "{{ 1 // 0 }}": "template error: division by zero",
    "{{ 1 % 0 }}": "template error: division by zero",
    "{{ 10.0 ** 400 }}": "template error: number too large",
    "{{ 'x' + 1 }}": 'template error: can only concatenate str (not "int") to str',
    "{{ 'x'.nope() }}": "template error: 'str object' has no attribute 'nope'",
    "{{ nope }}": "template error: 'nope' is undefined",
    "{{ 1 + }}": "template error: unexpected 'end of",
    "{{ int('9' * 5000) }}": "template error: 'int' is undefined",
}


@pytest.mark.parametrize("expression", list(HOSTILE), ids=[e[:60] for e in HOSTILE])
@pytest.mark.parametrize("whole", [False, True], ids=["in-text", "whole-value"])
def test_a_hostile_template_stops_with_one_located_error(workdir: Path, expression: str, whole: bool) -> None:
    value = expression if whole else f"Năm {expression}"
    (workdir / "o.yaml").write_text(outline_with(f"          - bullets: [{quoted(value)}]\n"), encoding="utf-8")
    (workdir / "out.pptx").write_bytes(PREVIOUS)
    run = run_cli(["build", "o.yaml", "-o", "out.pptx"], workdir)
    assert run.seconds < 4, f"{run.seconds:.1f} s"
    line = assert_one_error(run, HOSTILE[expression])
    assert line.startswith("error: o.yaml:8:"), line   # located at the value that holds the template
    assert (workdir / "out.pptx").read_bytes() == PREVIOUS


def test_the_worst_templates_stay_within_memory() -> None:
    """Peak Python allocations while expanding, measured with tracemalloc in a fresh process
    (tracemalloc slows allocation, so time is not measured here)."""
    cases = [
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
        "{% set ns = namespace(s=[1]) %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
        "{{ ('{0}' * 1000).format('x' * 100000) }}",
        "{{ range(100000) | join('x' * 100000) }}",
        "{{ ('&' * 1000000) | escape }}",
        "{{ 'x' * 4999000 }}",
    ]
    code = f"""
import tracemalloc
from slidegen.outline.templating import expand
from slidegen.source import SourceMap
from slidegen.errors import SlidegenError
peaks = []
tracemalloc.start()
for case in {cases!r}:
    tracemalloc.reset_peak()
    try:
        expand({{"x": case}}, {{}}, SourceMap("o.yaml"))
    except SlidegenError:
        pass
    peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
RESULT = {{"peaks": peaks}}
"""
    measured = peak_memory_of(code)
    assert max(measured["peaks"]) < 64, measured   # MiB; unbounded, these took gigabytes
    assert measured["rss_mib"] < 200, measured


def test_an_outline_wide_time_budget_stops_slow_templates(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Comparing long texts is native work; the per-value clock is the backstop behind the steps.
    monkeypatch.setattr(budget, "MAX_SECONDS_PER_VALUE", 0.05)
    monkeypatch.setattr(budget, "CHARS_PER_STEP", 10**9)   # make reading text free, so only the clock stops it
    slow = ("{% set s = 'x' * 4000000 %}{% set t = 'x' * 4000000 %}"
            "{% for i in range(100000) %}{% if s == t %}{% endif %}{% endfor %}")
    (workdir / "o.yaml").write_text(outline_with(f"          - bullets: [{quoted(slow)}]\n"), encoding="utf-8")
    run = run_cli(["build", "o.yaml"], workdir)
    assert_one_error(run, "o.yaml:8:23: template exceeds a limit: the template ran longer than 0.05 s")
    assert run.seconds < 2


def test_an_outline_wide_limit_is_reported_once(workdir: Path) -> None:
    many = "".join(f"          - bullets: [{quoted('{% for i in range(90000) %}{% endfor %}' + str(n))}]\n"
                   for n in range(20))
    (workdir / "o.yaml").write_text(outline_with(many), encoding="utf-8")
    run = run_cli(["build", "o.yaml"], workdir)
    assert run.exit_code == 1
    assert run.lines[-1].endswith("the outline's templates take more than 1,000,000 steps together; simplify them")
    assert len(run.lines) == 1, run.output
    assert run.seconds < 4


def test_too_many_template_tags_are_refused_before_compiling(workdir: Path) -> None:
    text = "{{ 1 }}" * 5001
    (workdir / "o.yaml").write_text(outline_with(f"          - bullets: [{quoted(text)}]\n"), encoding="utf-8")
    run = run_cli(["build", "o.yaml"], workdir)
    assert_one_error(run, "o.yaml:8:23: template exceeds a limit: the outline has more than 5,000 template tags")
    assert run.seconds < 2


ORDINARY = {
    "{{ 1 + 2 * 3 }}": "7",
    "{{ '%05.1f' | format(3.14159) }}": "003.1",
    "{{ '{:>5}|{:<3}|'.format('a', 'b') }}": "    a|b  |",
    "{{ ['a', 'b'] | join(', ') }}": "a, b",
    "{% for i in range(3) %}{{ i }}{% if not loop.last %}-{% endif %}{% endfor %}": "0-1-2",
    "{{ 'ab' * 3 }}": "ababab",
    "{{ 2 ** 10 }}": "1024",
    "{{ 1 < 2 < 3 }} {{ 3 in [1, 2] }} {{ 'a' not in 'b' }}": "True False True",
    "{{ 'Việt Nam' | upper }}": "VIỆT NAM",
    "{% set ns = namespace(n=0) %}{% for i in range(4) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}": "6",
    "{% macro b(x) %}[{{ x }}]{% endmacro %}{{ b('a') ~ b('b') }}": "[a][b]",
    "{{ 'x'.center(5, '-') }}": "--x--",
    "{{ [3, 1, 2] | sort | join }}": "123",
    "{{ [1, 2, 3] | sum }}": "6",
}


def test_ordinary_templates_still_work(workdir: Path) -> None:
    from slidegen.render.dump import dump_pptx

    bullets = "".join(f"              - {quoted(e)}\n" for e in ORDINARY)
    (workdir / "o.yaml").write_text(outline_with("          - bullets:\n" + bullets), encoding="utf-8")
    run = run_cli(["build", "o.yaml"], workdir)
    assert run.exit_code == 0, run.output
    dump = dump_pptx(workdir / "build" / "o.pptx")
    for expected in ORDINARY.values():
        assert expected in dump, (expected, dump)


def test_running_out_of_memory_in_a_template_is_one_error_and_stops_the_expansion() -> None:
    from slidegen.errors import OutlineError
    from slidegen.outline.templating import expand
    from slidegen.source import SourceMap

    class Exhausting:
        def __str__(self) -> str:
            raise MemoryError

    with pytest.raises(OutlineError) as caught:
        expand({"a": "x {{ big }}", "b": "y {{ big }}"}, {"big": Exhausting()}, SourceMap("o.yaml"))
    assert [str(d) for d in caught.value.diagnostics] == ["o.yaml:1:1: template error: out of memory"]
