"""Code listings: monospace, measured, never wrapped silently, split between lines when long.

Every line is one paragraph in the theme's monospace font (Courier New, measured with Liberation
Mono). A listing shrinks (down to the theme's floor) until its longest line fits the box's width;
a line still too long is wrapped with a visible mark ("→") starting each continuation, so a
reader can tell a wrapped line from two lines. What is still too tall continues on "(tiếp)"
slides, split between lines. With a language named, tokens are coloured (Pygments) in the
theme's scheme colours, so the listing follows a theme change in PowerPoint.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from ..fonts import metrics_for
from ..model.common import SlideFields
from ..plan.fit_text import TextStyle, box_pt, fit_block
from ..plan.fitting import with_content
from ..plan.linebreak import WIDTH_SAFETY
from ..plan.types import FontRole, Para, PlannedSlide, Run, TextBlock
from ..records import record, replace
from ..scene import Element, Frame
from ..source import DataPath
from ..validation import Meta, Model, model
from .base import LayoutDef, PlaceholderDef, Plain, SlideKind, put
from .bullets import HOLDS_BODY, match_body

if TYPE_CHECKING:
    from ..plan.context import PlanContext
    from ..theme.model import CodeStyle, LayoutGeometry, Theme

TAB = "    "
CONTINUATION = "→"          # Courier New and Liberation Mono both have it
_STEP = 0.025               # scales are chosen on the same grid as body text


@model
class Code(Model):
    """A code listing: its text and the language it is coloured by."""

    noun: ClassVar[str] = "code"

    text: Annotated[str, Meta("The code as written; tabs count as four spaces.", "def hello():\n    return 'xin chào'")]
    language: Annotated[str | None, Meta("Language to colour by (a Pygments name: python, yaml, json, sql, "
                                         "bash …); none shows the code in one colour.", "python")] = None
    highlight: Annotated[bool, Meta("Colour the code by its syntax when a language is named.", True)] = True


@model
class CodeSlide(SlideFields):
    """A slide holding a code listing in a monospace font."""

    kind: Annotated[Literal["code"], Meta("Slide kind; inferred from the content key.", "code")] = "code"
    code: Annotated[Code | str, Meta("A code listing: its text, or {text, language}.",
                                     {"language": "python", "text": "print('xin chào')"})]


@record
class CodeContent:
    """The planned listing: one paragraph per (wrapped) line, coloured runs."""

    body: TextBlock

    def texts(self) -> Iterator[tuple[str, FontRole]]:
        yield self.body.text, "mono"


def highlighted_lines(ctx: "PlanContext", text: str, language: str | None, path: DataPath) -> list[tuple[Run, ...]]:
    """The code's lines as runs, coloured by token when ``language`` is known to Pygments."""
    text = text.expandtabs(len(TAB)).rstrip("\n")
    if not language:
        return [(Run(line, code=True),) for line in text.split("\n")]
    from pygments.lexers import get_lexer_by_name  # only decks with code in a named language
    from pygments.util import ClassNotFound

    try:
        lexer = get_lexer_by_name(language, stripnl=False, ensurenl=False)
    except ClassNotFound:
        ctx.warn(f"no syntax colours for language '{language}'; the code is shown in one colour", path)
        return [(Run(line, code=True),) for line in text.split("\n")]
    colors = ctx.theme.code
    lines: list[list[Run]] = [[]]
    for token, value in lexer.get_tokens(text):
        color, italic = _token_style(str(token), colors)
        for n, piece in enumerate(value.split("\n")):
            if n:
                lines.append([])
            if piece:
                lines[-1].append(Run(piece, italic=italic, code=True, color=color))
    return [_merged(line) or (Run("", code=True),) for line in lines]


def _token_style(token: str, colors: "CodeStyle") -> tuple[str | None, bool]:
    """A Pygments token type (``Token.Keyword.Namespace`` …) as (scheme colour, italic)."""
    for prefix, color, italic in (("Token.Comment", colors.comment, True), ("Token.Keyword", colors.keyword, False),
                                  ("Token.Literal.String", colors.string, False),
                                  ("Token.Literal.Number", colors.number, False),
                                  ("Token.Name.Function", colors.name, False), ("Token.Name.Class", colors.name, False),
                                  ("Token.Name.Builtin", colors.name, False),
                                  ("Token.Name.Decorator", colors.name, False)):
        if token.startswith(prefix):
            return color, italic
    return None, False


def _merged(runs: list[Run]) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        if out and (out[-1].color, out[-1].italic) == (run.color, run.italic):
            out[-1] = replace(out[-1], text=out[-1].text + run.text)
        else:
            out.append(run)
    return tuple(out)


def _em(runs: Sequence[Run], font: str) -> float:
    """Width of a line in em (at 1 pt), as the line breaker measures it."""
    total = 0.0
    for run in runs:
        m = metrics_for(font, run.bold, run.italic)
        total += sum(m.advance(ch) for ch in run.text) * WIDTH_SAFETY / m.units_per_em
    return total


def _wrap(runs: tuple[Run, ...], font: str, room_em: float, mark: Run) -> list[tuple[Run, ...]]:
    """A line cut into pieces of at most ``room_em``; each continuation starts with ``mark``."""
    pieces: list[tuple[Run, ...]] = []
    current: list[Run] = []
    used = 0.0
    for run in runs:
        m = metrics_for(font, run.bold, run.italic)
        text = ""
        for ch in run.text:
            width = m.advance(ch) * WIDTH_SAFETY / m.units_per_em
            if used + width > room_em + 1e-9 and (current or text):
                if text:
                    current.append(replace(run, text=text))
                pieces.append(tuple(current))
                current, text = [mark], ""
                used = _em([mark], font)
            text += ch
            used += width
        if text:
            current.append(replace(run, text=text))
    pieces.append(tuple(current))
    return pieces


def _placeholders(theme: "Theme", g: "LayoutGeometry") -> list[PlaceholderDef]:
    return [PlaceholderDef("Code 2", "body", 1, g.body, Plain(theme.sizes.code), "t")]


class CodeKind(SlideKind):
    name = "code"
    model: ClassVar[type[SlideFields] | None] = CodeSlide
    layouts = (LayoutDef("code", "Code", "obj", "code", _placeholders, match_body, fallbacks=("bullets",),
                         holds=(HOLDS_BODY,)),)

    def content(self, ctx: "PlanContext", slide: Any, path: DataPath) -> CodeContent:
        path = (*path, "code")
        code = Code(text=slide.code) if isinstance(slide.code, str) else slide.code
        text_path = path if isinstance(slide.code, str) else (*path, "text")
        text = ctx.text(code.text, text_path)
        language = code.language if code.highlight else None
        lines = highlighted_lines(ctx, text, language, (*path, "language"))
        return CodeContent(TextBlock(tuple(Para(runs, bullet=False, space_before_pt=0.0) for runs in lines)))

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        theme = ctx.theme
        c: CodeContent = slide.content  # type: ignore[assignment]
        box = self.geometry(theme, slide).body or theme.layouts["bullets"].body
        assert box is not None
        mono, size = theme.fonts.mono, theme.sizes.code
        min_size = min(size, theme.fit.min_code_size)
        floor = max(theme.fit.floor, min_size / size)
        measured = box_pt(theme, box)
        room = measured.inner_width_pt
        widest = max((_em(p.runs, mono) for p in c.body.paras), default=0.0)
        scale = 1.0 if widest * size <= room else max(floor, int(room / (widest * size) / _STEP) * _STEP)
        lines: list[tuple[Run, ...]] = []
        mark = Run(CONTINUATION + " ", code=True, color=theme.muted)
        for para in c.body.paras:
            if _em(para.runs, mono) * size * scale <= room:
                lines.append(para.runs)
            else:   # even at the floor: wrap, visibly
                lines += _wrap(para.runs, mono, room / (size * scale), mark)
        paras = [Para(runs, size_pt=round(size * scale, 2), bullet=False, space_before_pt=0.0) for runs in lines]
        style = TextStyle(mono, False, 0.0, 0.0, theme.body.line_spacing, mono=mono)
        blocks = fit_block(paras, style, measured, floor / scale, min_size)
        return [with_content(slide, CodeContent(b), scale * b.scale) for b in blocks]

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        c: CodeContent = slide.content  # type: ignore[assignment]
        return put(frame, "body", c.body, bullets=True)


KIND = CodeKind()
