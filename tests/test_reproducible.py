"""The same inputs give byte-identical decks: other folder, other time zone, other day."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DECKS, REPO, assert_valid_pptx


def _build_in(folder: Path, deck: Path, tz: str, extra_env: dict[str, str] | None = None) -> str:
    project = folder / "project"
    shutil.copytree(REPO / "decks", project / "decks")
    (project / "pyproject.toml").write_text("")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update({"TZ": tz, "PYTHONPATH": str(REPO), **(extra_env or {})})
    out = project / "out.pptx"
    subprocess.run([sys.executable, "-m", "slidegen", "build", f"decks/{deck.name}", "-o", "out.pptx"],
                   cwd=project, env=env, check=True, capture_output=True)
    assert_valid_pptx(out)
    return hashlib.sha256(out.read_bytes()).hexdigest()


@pytest.mark.parametrize("deck", sorted(DECKS.glob("*.yaml")), ids=lambda p: p.name)
def test_two_builds_in_different_folders_and_time_zones_are_identical(tmp_path: Path, deck: Path) -> None:
    first = _build_in(tmp_path / "a", deck, "Asia/Ho_Chi_Minh")
    second = _build_in(tmp_path / "b" / "deeper", deck, "America/Los_Angeles")
    assert first == second


def test_source_date_epoch_sets_zip_times_and_core_dates(tmp_path: Path) -> None:
    import zipfile

    from slidegen import build

    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"  # 2023-11-14T22:13:20Z
    try:
        out = tmp_path / "d.pptx"
        build(DECKS / "awgipc.yaml", out)
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    with zipfile.ZipFile(out) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        core = archive.read("docProps/core.xml").decode()
    assert "2023-11-14T22:13:20Z" in core


@pytest.mark.parametrize("when", ["date: 2200-03-04", "SOURCE_DATE_EPOCH=7258118400"])   # both after 2107
def test_a_date_after_2107_stamps_the_zip_with_its_last_date_and_keeps_the_real_one(
        workdir: Path, monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    import zipfile

    from slidegen import build

    deck = "  date: 2200-03-04\n" if when.startswith("date") else ""
    if when.startswith("SOURCE"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", when.split("=")[1])
    else:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (workdir / "o.yaml").write_text("deck:\n  title: T\n" + deck + "sections:\n  - title: A\n    items:\n"
                                    "      - title: x\n        slides:\n          - bullets: [a]\n", encoding="utf-8")
    out = build("o.yaml", "o.pptx").output
    with zipfile.ZipFile(out) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2107, 12, 31, 23, 59, 58)}
        assert "2200-" in archive.read("docProps/core.xml").decode()


@pytest.mark.parametrize("epoch", ["-5", "12abc", "1e9", "99999999999999999999"])
def test_a_malformed_source_date_epoch_is_one_error(workdir: Path, monkeypatch: pytest.MonkeyPatch, epoch: str) -> None:
    from hostile import HEAD, assert_one_error, run_cli

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    (workdir / "o.yaml").write_text(HEAD + "          - bullets: [a]\n", encoding="utf-8")
    assert_one_error(run_cli(["build", "o.yaml"], workdir),
                     f"error: SOURCE_DATE_EPOCH='{epoch}' is not a number of seconds since 1970 up to the year 9999")
    assert not (workdir / "build").exists()


def test_the_deck_zip_has_the_bytes_the_standard_librarys_zipfile_writes(tmp_path: Path) -> None:
    """slidegen packs its zip itself (one pass, no seeking back); the standard library's
    zipfile, given the same entries, stamp and settings, must write the same bytes."""
    import io
    import zipfile

    from slidegen import build
    from slidegen.render.direct.zipped import write_entries

    deck = build(DECKS / "awgipc.yaml", tmp_path / "d.pptx").output
    with zipfile.ZipFile(deck) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
        stamp = archive.infolist()[0].date_time
    entries.append(("ppt/media/ảnh đẹp.png", b"\x89PNG not really" * 50))   # a UTF-8 name, as zipfile flags it
    ours = io.BytesIO()
    write_entries(ours, entries, stamp)
    theirs = io.BytesIO()
    with zipfile.ZipFile(theirs, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, blob in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, blob, compresslevel=6)
    assert ours.getvalue() == theirs.getvalue()
