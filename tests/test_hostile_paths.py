"""One rule for paths: every file an outline, theme or template names stays inside the project
folder (no absolute path, no .. out, no symlink out, no NUL), unless --allow-outside says so."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from hostile import HEAD, assert_one_error, run_cli
from slidegen.errors import AssetError
from slidegen.project import inside_project, outside_allowed

SECRET = "BÍ MẬT NGOÀI DỰ ÁN"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp/proj is the project (a pyproject marker) and the current folder; tmp/ holds the files
    outside it, which no build may read."""
    from PIL import Image

    root = tmp_path / "proj"
    root.mkdir()
    (root / "pyproject.toml").write_text("")
    (tmp_path / "outside.csv").write_text(f"a,b\n{SECRET},1\n", encoding="utf-8")
    (tmp_path / "outside.yaml").write_text(f"- bullets: [{SECRET}]\n", encoding="utf-8")
    Image.new("RGB", (40, 10), (200, 0, 0)).save(tmp_path / "outside.png")
    from pptx import Presentation

    Presentation().save(str(tmp_path / "outside.pptx"))
    monkeypatch.chdir(root)
    return root


def _write(project: Path, text: str) -> None:
    (project / "o.yaml").write_text(text, encoding="utf-8")


def _link(project: Path, name: str, target: Path) -> None:
    (project / name).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, project / name)


def _theme_with_logo(project: Path, logo: str) -> None:
    folder = project / "themes" / "house"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text(f"extends: formal\nname: house\ndescription: H\nlogo: {logo}\n"
                                       "logo_box: [11.0, 0.35, 1.7, 0.6]\n", encoding="utf-8")


CASES = {
    # name: (outline text, prepare, expected fragment of the one error line)
    "include ..": (HEAD + "          - include: ../outside.yaml\n", None,
                   "o.yaml:8:22: include '../outside.yaml' lies outside the project folder proj/"),
    "include absolute": (HEAD + "          - include: {abs}/outside.yaml\n", None,
                         "o.yaml:8:22: include path '{abs}/outside.yaml' is absolute"),
    "include symlink out": (HEAD + "          - include: parts/p.yaml\n",
                            lambda p: _link(p, "parts/p.yaml", p.parent / "outside.yaml"),
                            "o.yaml:8:22: include 'parts/p.yaml' lies outside the project folder proj/"),
    "data ..": ("data: {m: ../outside.csv}\n" + HEAD + "          - bullets: [\"{{ m[0].a }}\"]\n", None,
                "o.yaml:1:11: data file '../outside.csv' lies outside the project folder proj/"),
    "data symlink out": ("data: {m: data/m.csv}\n" + HEAD + "          - bullets: [\"{{ m }}\"]\n",
                         lambda p: _link(p, "data/m.csv", p.parent / "outside.csv"),
                         "o.yaml:1:11: data file 'data/m.csv' lies outside the project folder proj/"),
    "image ..": (HEAD + "          - image: {path: ../outside.png}\n", None,
                 "o.yaml:8:27: image '../outside.png' lies outside the project folder proj/"),
    "image symlink out": (HEAD + "          - image: {path: img/a.png}\n",
                          lambda p: _link(p, "img/a.png", p.parent / "outside.png"),
                          "o.yaml:8:27: image 'img/a.png' lies outside the project folder proj/"),
    "logo ..": (HEAD.replace("  title: T\n", "  title: T\n  theme: house\n") + "          - bullets: [a]\n",
                lambda p: _theme_with_logo(p, "../../../outside.png"),
                "themes/house/theme.yaml:4:7: logo '../../../outside.png' lies outside the project folder proj/"),
    "logo absolute": (HEAD.replace("  title: T\n", "  title: T\n  theme: house\n") + "          - bullets: [a]\n",
                      lambda p: _theme_with_logo(p, str(p.parent / "outside.png")),
                      "themes/house/theme.yaml:4:7: logo path '{abs}/outside.png' is absolute"),
    "deck.template ..": (HEAD.replace("  title: T\n", "  title: T\n  template: ../outside.pptx\n")
                         + "          - bullets: [a]\n", None,
                         "o.yaml:3:13: template '../outside.pptx' lies outside the project folder proj/"),
    "deck.template symlink out": (HEAD.replace("  title: T\n", "  title: T\n  template: t/house.pptx\n")
                                  + "          - bullets: [a]\n",
                                  lambda p: _link(p, "t/house.pptx", p.parent / "outside.pptx"),
                                  "o.yaml:3:13: template 't/house.pptx' lies outside the project folder proj/"),
    "image NUL": (HEAD + "          - image: {path: \"img/a\\0.png\"}\n", None,
                  "o.yaml:8:27: image path 'img/a\\x00.png' contains a NUL character"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_file_named_outside_the_project_is_refused(project: Path, case: str) -> None:
    text, prepare, expected = CASES[case]
    outside = str(project.parent)
    _write(project, text.replace("{abs}", outside))
    if prepare:
        prepare(project)
    run = run_cli(["build", "o.yaml"], project.parent)
    assert_one_error(run, expected.replace("{abs}", outside))
    assert not (project / "build").exists()


@pytest.mark.parametrize("case", ["include ..", "data ..", "image ..", "logo ..", "deck.template .."])
def test_allow_outside_reads_them_for_a_user_who_means_it(project: Path, case: str) -> None:
    from slidegen.render.dump import dump_pptx

    text, prepare, _ = CASES[case]
    _write(project, text)
    if prepare:
        prepare(project)
    run = run_cli(["build", "o.yaml", "--allow-outside"], project.parent)
    assert run.exit_code == 0, run.output
    deck = project / "build" / "o.pptx"
    with zipfile.ZipFile(deck) as archive:
        media = [n for n in archive.namelist() if n.startswith("ppt/media/")]
    if case in ("include ..", "data .."):
        assert SECRET in dump_pptx(deck)
    if case in ("image ..", "logo .."):
        assert media, "the picture from outside is embedded"


def test_a_typed_template_may_be_absolute_inside_the_project_but_not_outside(project: Path) -> None:
    from pptx import Presentation

    _write(project, HEAD + "          - bullets: [a]\n")
    Presentation().save(str(project / "house.pptx"))
    assert run_cli(["build", "o.yaml", "--template", str(project / "house.pptx")], project.parent).exit_code == 0
    run = run_cli(["build", "o.yaml", "--template", str(project.parent / "outside.pptx")], project.parent)
    assert_one_error(run, f"error: template '{project.parent / 'outside.pptx'}' lies outside the project folder proj/")
    run = run_cli(["build", "o.yaml", "--template", "../outside.pptx"], project.parent)
    assert_one_error(run, "error: template '../outside.pptx' lies outside the project folder proj/")


def test_allow_outside_is_on_every_command_that_reads_an_outline(project: Path) -> None:
    _write(project, "data: {m: ../outside.csv}\n" + HEAD + "          - bullets: [\"{{ m | length }}\"]\n")
    assert_one_error(run_cli(["check", "o.yaml"], project.parent), "lies outside the project folder proj/")
    run = run_cli(["check", "o.yaml", "--allow-outside"], project.parent)
    assert run.exit_code == 0 and "o.yaml: ok" in run.output, run.output
    for command in ("build", "check", "watch", "preview"):
        assert "--allow-outside" in run_cli([command, "--help"]).output


def test_the_rule_itself(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "a").mkdir(parents=True)
    assert inside_project("../b.png", root / "a", root, "image") == (root / "b.png").resolve()
    for raw, fragment in (("../../x.png", "lies outside"), ("/etc/passwd", "is absolute"), ("a\0b", "NUL"),
                          ("", "is empty")):
        with pytest.raises(AssetError, match=fragment):
            inside_project(raw, root / "a", root, "image", error=AssetError)
    os.symlink(root / "loop", root / "loop")
    with pytest.raises(AssetError, match="cannot be resolved|lies outside"):
        inside_project("loop/x", root, root, "image", error=AssetError)
    with outside_allowed():
        assert inside_project("/etc/passwd", root, root, "image") == Path("/etc/passwd")
    with pytest.raises(AssetError):  # and only within the block
        inside_project("/etc/passwd", root, root, "image", error=AssetError)
