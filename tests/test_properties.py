"""Property tests: any outline builds a schema-valid deck, or fails with a slidegen error.

Generated outlines vary structure (sections, items, every slide kind, nesting) and text:
Vietnamese with combining marks, emoji, right-to-left scripts, control characters, very long and
empty strings. The `ci` profile (CI=true) runs 1000 examples.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_valid_pptx
from slidegen import build
from slidegen.errors import SlidegenError

VIETNAMESE = ["Việt Nam", "Sở hữu trí tuệ", "Hợp tác ASEAN", "ẫặỘ ữ ự", "Vie\u0302\u0323t (tổ hợp)", "Đinh Hữu Phí"]
EXOTIC = ["😀🇻🇳", "مرحبا بالعالم", "שלום", "中文字符", "a\u200bb", "x" * 600, "", " ", "**đậm** *nghiêng*",
          "[liên kết](https://example.org)", "dòng\nmới", "\x0b\x07tab\t", "{{ 1 + 1 }}", "{% raw %}{{{% endraw %}"]

text = st.one_of(st.sampled_from(VIETNAMESE + EXOTIC),
                 st.text(st.characters(blacklist_categories=("Cs",)), max_size=80),
                 st.lists(st.sampled_from(VIETNAMESE), min_size=1, max_size=40).map(" ".join))


def outlines(text: st.SearchStrategy, deck: st.SearchStrategy | None = None) -> st.SearchStrategy:
    """Outlines of every slide kind whose texts are drawn from ``text`` (plain strings, or texts
    by language)."""
    bullet = st.recursive(text, lambda children: st.fixed_dictionaries({"text": text, "children": st.lists(children, max_size=3)}),
                          max_leaves=6)
    slide = st.one_of(
        st.fixed_dictionaries({"bullets": st.lists(bullet, min_size=1, max_size=12)}, optional={"notes": text, "title": text}),
        st.fixed_dictionaries({"columns": st.tuples(*[st.fixed_dictionaries({"bullets": st.lists(bullet, min_size=1, max_size=8)},
                                                                              optional={"heading": text})] * 2).map(list)}),
        st.integers(1, 4).flatmap(lambda cols: st.fixed_dictionaries({"table": st.fixed_dictionaries({
            "header": st.lists(text, min_size=cols, max_size=cols),
            "rows": st.lists(st.lists(text, min_size=cols, max_size=cols), min_size=1, max_size=12)})})),
        st.fixed_dictionaries({"timeline": st.lists(st.fixed_dictionaries({"date": text, "title": text}, optional={"detail": text}),
                                                    min_size=1, max_size=9)}),
        st.fixed_dictionaries({"figures": st.lists(st.fixed_dictionaries({"value": text, "label": text}), min_size=1, max_size=6)}),
        st.fixed_dictionaries({"photos": st.lists(st.fixed_dictionaries({}, optional={"caption": text}), min_size=1, max_size=8)}),
        st.fixed_dictionaries({"image": st.fixed_dictionaries({}, optional={"caption": text})}),
        st.fixed_dictionaries({"quote": st.fixed_dictionaries({"text": text}, optional={"attribution": text})}),
    )
    item = st.fixed_dictionaries({"title": text}, optional={"slides": st.lists(slide, max_size=3), "todo": text})
    return st.fixed_dictionaries({
        "deck": deck if deck is not None else st.fixed_dictionaries({"title": text}, optional={
            "subtitle": text, "footer": text, "organisation": text,
            "language": st.sampled_from(["vi-VN", "en-US", "ar-SA"]),
            "agenda": st.fixed_dictionaries({}, optional={"repeat": st.booleans(), "items": st.booleans()})}),
        "sections": st.lists(st.fixed_dictionaries({"title": text, "items": st.lists(item, min_size=1, max_size=4)}),
                             min_size=1, max_size=3),
    })


outline = outlines(text)
#: Texts as an outline in Vietnamese and English gives them: one text, or text by language (the
#: English sometimes missing, sometimes the same as the Vietnamese).
translated = st.one_of(text, st.fixed_dictionaries({"vi-VN": text}, optional={"en-US": text}),
                       text.map(lambda t: {"vi-VN": t, "en-US": t}))
bilingual = outlines(translated, st.fixed_dictionaries({"title": translated}, optional={
    "subtitle": translated, "languages": st.just(["vi-VN", "en-US"])}))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(outline)
def test_any_outline_builds_a_valid_deck_or_fails_cleanly(data) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "pyproject.toml").write_text("")
        source = root / "o.yaml"
        source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        out = root / "o.pptx"
        try:
            build(source, out)
        except SlidegenError:
            assert not out.exists()
            return
        assert_valid_pptx(out)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(bilingual)
def test_any_outline_in_two_languages_builds_both_decks_or_fails_cleanly(data) -> None:
    from slidegen import build_all

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "pyproject.toml").write_text("")
        source = root / "o.yaml"
        source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            results = build_all(source, root / "o.pptx")
        except SlidegenError:
            assert not (root / "o.pptx").exists()
            return
        assert [r.deck.language for r in results] == list(data["deck"].get("languages") or ["vi-VN"])
        for result in results:
            assert_valid_pptx(result.output)
