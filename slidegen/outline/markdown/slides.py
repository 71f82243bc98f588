"""A Markdown slide's blocks as outline slides, each of one kind.

What the blocks are decides the kind: text → bullets, a pipe table → table, one picture →
image, several → photos, a lone blockquote → quote, a fenced code block → code, ``::: columns``
→ columns, and a fenced ``slidegen <kind>`` block → that kind, its body being the YAML of the
kind's key. slidegen shows one kind per slide, so a slide whose blocks mix kinds (text, then a
table) becomes consecutive slides of its item, in order, with a warning.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...errors import Diagnostic, OutlineError
from ..located import Located, yaml_at
from ..numbering import split_number
from .blocks import Block, Code, Div, Heading, ListBlock, Paragraph, Quote, Table
from .drafts import DraftSlide
from .pictures import picture
from ...records import record
from .text import TextBuilder

Slide = tuple[dict[str, Any], Located]


@record(frozen=False)
class ReadSlide:
    """One outline slide: its data, where each value was written, and the keys whose values are
    a ``slidegen`` block's YAML, taken as written (its texts say their own languages)."""

    data: dict[str, Any]
    located: Located
    literal: frozenset[str] = frozenset()
_TEXT = (Heading, Paragraph, ListBlock)
_ORDER = ("title", "kind")          # slide keys come out in the YAML outline's usual order
_LAST = ("notes", "sources")


@record(frozen=False)
class SlideReader:
    """Turns the blocks of one slide into a slide of the outline, warning at Markdown lines."""

    file: str
    base_dir: Path | None          # None: keep picture paths unchecked (convert)
    marp: bool
    warnings: list[Diagnostic]

    def slides(self, draft: DraftSlide, item_title: Any) -> list[ReadSlide]:
        blocks = list(draft.blocks)
        title = draft.title.text if draft.title else None
        title_where = draft.title.where if draft.title else None
        headings = [b for b in blocks if isinstance(b, Heading)]
        if title is None and blocks and isinstance(blocks[0], Heading) and len(headings) == 1:
            # "# Part / ## Slide title / content" (Marp's usual pattern): the heading titles the slide.
            title, title_where = split_number(blocks[0].text).title, blocks[0].where
            blocks = blocks[1:]
        pieces = self._pieces(blocks)
        made = [(slide, _literal(piece, slide[0])) for piece in pieces for slide in [self._slide(piece)]
                if slide is not None]
        if len(made) > 1:
            kinds = ", ".join(dict.fromkeys(_kind(s) for (s, _), _ in made))
            shown = item_title.get(next(iter(item_title)), "") if isinstance(item_title, dict) else item_title
            self.warnings.append(Diagnostic(
                f"this slide of '{shown}' mixes {kinds}; slidegen shows one kind per slide, so it "
                f"becomes {len(made)} slides", draft.where))
        out = []
        for n, ((data, located), literal) in enumerate(made):
            if title is not None:
                data["title"] = title
                located.key(("title",), title_where)  # type: ignore[arg-type]
                literal -= {"title"}
            if n == 0:
                self._notes(draft, data, located)
                literal -= {"notes"} if draft.notes else set()
            ordered = {k: data[k] for k in _ORDER if k in data}
            ordered.update({k: v for k, v in data.items() if k not in _ORDER + _LAST})
            ordered.update({k: data[k] for k in _LAST if k in data})
            out.append(ReadSlide(ordered, located, frozenset(literal)))
        if not out and (draft.notes or draft.sources):
            self.warnings.append(Diagnostic("notes or sources on a slide without content are not carried; "
                                            "give the slide some content", draft.where))
        return out

    def _notes(self, draft: DraftSlide, data: dict[str, Any], located: Located) -> None:
        notes = [n for n in draft.notes if n.text]
        if notes:
            data["notes"] = "\n\n".join(n.text for n in notes)
            located.key(("notes",), notes[0].where)
        if draft.sources is not None:
            data["sources"] = _source_list(draft.sources.text)
            located.key(("sources",), draft.sources.where)
            for n in range(len(data["sources"])):
                located.value(("sources", n), draft.sources.where)

    def _pieces(self, blocks: list[Block]) -> list[list[Block]]:
        """Runs of blocks that make one slide each: consecutive text, consecutive pictures, or
        one table, code block, quote, columns or slidegen block."""
        lone_quote = len([b for b in blocks if not _is_blank(b)]) == 1 and isinstance(blocks[0], Quote)
        pieces: list[list[Block]] = []
        for block in blocks:
            group = _group(block, lone_quote)
            if pieces and group in ("text", "pictures") and _group(pieces[-1][-1], lone_quote) == group:
                pieces[-1].append(block)
            elif isinstance(block, Div) and not block.classes[:1] == ["columns"]:
                pieces.extend(self._pieces(block.blocks))  # a div of another class holds ordinary content
            else:
                pieces.append([block])
        return pieces

    def _slide(self, piece: list[Block]) -> Slide | None:
        first = piece[0]
        located = Located()
        located.value((), first.where)
        if isinstance(first, Paragraph) and first.only_images:
            return self._pictures(piece, located)
        if isinstance(first, Table):
            return _table(first, located)
        if isinstance(first, Quote) and len(piece) == 1 and _group(first, True) == "quote":
            return _quote(first, located)
        if isinstance(first, Code):
            return self._code(first, located)
        if isinstance(first, Div):
            return self._columns(first, located)
        data, where = TextBuilder(self.warnings).bullets(piece)
        if not data:
            return None
        located.key(("bullets",), first.where)
        located.graft(("bullets",), where)
        return {"bullets": data}, located

    def _pictures(self, piece: list[Block], located: Located) -> Slide | None:
        found = [p for block in piece for image in block.images  # type: ignore[attr-defined]
                 for p in [picture(image, self.base_dir, self.marp, self.warnings)] if p is not None]
        if not found:
            return None
        if len(found) == 1:
            located.key(("image",), found[0][1].values[()])
            located.graft(("image",), found[0][1])
            return {"image": found[0][0]}, located
        located.key(("photos",), found[0][1].values[()])
        for n, (_, where) in enumerate(found):
            located.graft(("photos", n), where)
        return {"photos": [p for p, _ in found]}, located

    def _code(self, code: Code, located: Located) -> Slide:
        words = code.info.split()
        if words[:1] == ["slidegen"]:
            return self._slidegen(code, words[1:], located)
        language = words[0] if words else None
        if language == "mermaid":
            self.warnings.append(Diagnostic("a mermaid diagram is shown as its code; slidegen does not "
                                            "draw diagrams", code.where))
        located.key(("code",), code.where)
        located.value(("code", "text"), code.where)
        text = code.text[:-1] if code.text.endswith("\n") else code.text
        return {"code": {"text": text, "language": language}}, located

    def _slidegen(self, code: Code, words: list[str], located: Located) -> Slide:
        body, where = yaml_at(code.text, self.file, code.first_line, code.indent)
        if not words:  # ```slidegen: a mapping of slide keys
            if not isinstance(body, dict):
                raise OutlineError("a ```slidegen block holds a mapping of slide keys, or names a kind: "
                                   "```slidegen timeline", code.where)
            located.graft((), where)
            for key in body:
                located.key((key,), where.keys.get((key,), code.where))
            return dict(body), located
        key = words[0]
        located.graft((key,), where)       # the value: where the YAML body starts
        located.key((key,), code.where)    # the key: the fence that names it
        return {key: body}, located

    def _columns(self, div: Div, located: Located) -> Slide | None:
        columns = [b for b in div.blocks if isinstance(b, Div) and b.classes[:1] == ["column"]]
        if len(columns) != 2:
            self.warnings.append(Diagnostic(f"'::: columns' needs exactly two '::: column' divs, found "
                                            f"{len(columns)}; its content becomes bullets", div.where))
            return self._slide([b for b in div.blocks]) if div.blocks else None
        data = []
        located.key(("columns",), div.where)
        for n, column in enumerate(columns):
            blocks = list(column.blocks)
            entry: dict[str, Any] = {}
            here = Located()
            here.value((), column.where)
            if blocks and isinstance(blocks[0], Heading):
                entry["heading"] = blocks[0].text
                here.key(("heading",), blocks[0].where)
                blocks = blocks[1:]
            for block in blocks:
                if isinstance(block, Paragraph) and block.only_images:
                    self.warnings.append(Diagnostic("a picture inside a column cannot be placed (a column "
                                                    "holds bullets); give it a slide of its own", block.where))
            blocks = [b for b in blocks if not (isinstance(b, Paragraph) and b.only_images)]
            bullets, where = TextBuilder(self.warnings).bullets(blocks)
            entry["bullets"] = bullets or [""]
            here.key(("bullets",), blocks[0].where if blocks else column.where)
            here.graft(("bullets",), where)
            data.append(entry)
            located.graft(("columns", n), here)
        return {"columns": data}, located


def _literal(piece: list[Block], data: dict[str, Any]) -> set[str]:
    """The keys of a slide made from a ``slidegen`` block that hold its YAML as written."""
    first = piece[0]
    words = first.info.split() if isinstance(first, Code) else []
    if words[:1] != ["slidegen"]:
        return set()
    return set(data) if len(words) == 1 else {words[1]}


def _group(block: Block, lone_quote: bool) -> str:
    if isinstance(block, Paragraph) and block.only_images:
        return "pictures"
    if isinstance(block, _TEXT) or (isinstance(block, Quote) and not lone_quote):
        return "text"
    if isinstance(block, Div) and block.classes[:1] != ["columns"]:
        return "text"
    return type(block).__name__.lower()


def _is_blank(block: Block) -> bool:
    return isinstance(block, Paragraph) and not block.text.strip() and not block.images


def _kind(slide: dict[str, Any]) -> str:
    return next((k for k in slide if k not in ("title", "notes", "sources")), "content")


def _table(table: Table, located: Located) -> Slide:
    located.key(("table",), table.where)
    located.key(("table", "header"), table.where)
    for c, cell in enumerate(table.header):
        located.value(("table", "header", c), cell.where)
    located.key(("table", "rows"), table.rows[0][0].where if table.rows and table.rows[0] else table.where)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            located.value(("table", "rows", r, c), cell.where)
        if row:
            located.value(("table", "rows", r), row[0].where)
    return {"table": {"header": [c.text for c in table.header],
                      "rows": [[c.text for c in row] for row in table.rows]}}, located


def _quote(quote: Quote, located: Located) -> Slide:
    paragraphs = [b for b in quote.blocks if isinstance(b, Paragraph)]
    texts = [p.text for p in paragraphs]
    attribution = None
    if paragraphs:
        lines = paragraphs[-1].raw.split("\n")
        last = lines[-1].strip()
        if last[:1] in "—–" or last.startswith(("-- ", "~ ")):
            attribution = last.lstrip("—–-~ ").strip()
            rest = "\n".join(lines[:-1]).strip()
            texts = texts[:-1] + ([paragraphs[-1].text.rsplit(lines[-1].strip(), 1)[0].strip()] if rest else [])
    located.key(("quote",), quote.where)
    located.value(("quote", "text"), paragraphs[0].where if paragraphs else quote.where)
    data: dict[str, Any] = {"text": "\n".join(t for t in texts if t)}
    if attribution:
        data["attribution"] = attribution
        located.value(("quote", "attribution"), paragraphs[-1].where)
    return {"quote": data}, located


def _source_list(text: str) -> list[int | str]:
    """``1, 2, 4`` or ``[1, 2, 4]`` as the numbers a slide cites."""
    words = text.replace("[", " ").replace("]", " ").replace(",", " ").split()
    return [int(w) if w.isdigit() else w for w in words]
