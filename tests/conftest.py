"""Shared fixtures. Every deck any test writes is validated against the ECMA-376 schemas.

The autouse ``validate_every_deck`` fixture wraps slidegen's one output function, so a deck built
through the library or the in-process CLI is checked at teardown without each test remembering to.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_OOXML = REPO.parent / "shared" / "ooxml"
sys.path.insert(0, str(SHARED_OOXML))
from validate import validate_pptx  # noqa: E402

DECKS = REPO / "decks"

# Property tests: a quick run while developing, 1000 examples per property in CI (CI=true).
from hypothesis import settings  # noqa: E402

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile("ci", max_examples=1000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden dumps")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def assert_golden(dump: str, name: str, update: bool) -> None:
    """``dump`` equals the checked-in golden file ``name`` (rewritten with --update-golden)."""
    golden = GOLDEN / name
    if update or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(dump, encoding="utf-8")
        if not update:
            pytest.fail(f"golden dump {name} was missing and has been written; review and commit it")
    assert dump == golden.read_text(encoding="utf-8")


def assert_valid_pptx(path_or_file) -> None:
    """Schema-valid (no PowerPoint "Repair"), every text run language-tagged, all text NFC."""
    problems = validate_pptx(path_or_file)
    assert not problems, "deck fails OOXML validation:\n" + "\n".join(problems)
    if isinstance(path_or_file, (str, Path)):
        from pptx_facts import all_text, is_nfc, text_runs

        untagged = [part for part, rPr, _ in text_runs(Path(path_or_file)) if rPr is None or not rPr.get("lang")]
        assert not untagged, f"text without a language tag in {sorted(set(untagged))[:5]}"
        assert all(is_nfc(t) for t in all_text(Path(path_or_file))), "text that is not NFC"


@pytest.fixture(autouse=True)
def validate_every_deck(monkeypatch: pytest.MonkeyPatch):
    """Every deck a test writes is schema-valid; and no deck is written by python-pptx because
    the direct writer failed (only because it declined)."""
    import slidegen.output as output
    import slidegen.render.writer as writer

    monkeypatch.setattr(writer, "FALL_BACK_ON_ERRORS", False)

    written: list[Path] = []
    original = output.write_atomic

    def recording(target: Path, data: bytes) -> None:
        original(target, data)
        written.append(Path(target))

    monkeypatch.setattr(output, "write_atomic", recording)
    yield written
    for path in written:
        if path.exists() and path.suffix == ".pptx":
            assert_valid_pptx(path)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder (with a pyproject marker) as the current directory."""
    (tmp_path / "pyproject.toml").write_text("")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


_NO_LIBREOFFICE = pytest.mark.skipif(
    soffice() is None, reason="LibreOffice Impress (soffice) is not installed: apt-get install libreoffice-impress")


def requires_libreoffice(test: Any) -> Any:
    """Marks a test that renders with LibreOffice: skipped where it is missing, and left out of
    the fast lane (``pytest -m "not libreoffice"``)."""
    return pytest.mark.libreoffice(_NO_LIBREOFFICE(test))


@pytest.fixture
def every_kind(workdir: Path) -> Path:
    """The `slidegen new` starter (it shows every kind) with a real 3:2 picture added."""
    from PIL import Image

    from slidegen.outline.starter import create_starter

    outline = create_starter("every-kind", workdir / "decks")
    (workdir / "decks" / "images").mkdir()
    Image.new("RGB", (600, 400), (200, 30, 30)).save(workdir / "decks" / "images" / "red.png")
    text = outline.read_text(encoding="utf-8").replace(
        '          - image:\n              caption:',
        '          - image:\n              path: images/red.png\n              caption:')
    outline.write_text(text, encoding="utf-8")
    return outline


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A house template as Office makes them: the one python-pptx ships (PowerPoint's default)."""
    from pptx import Presentation

    path = tmp_path_factory.mktemp("office") / "office.pptx"
    Presentation().save(str(path))
    return path
