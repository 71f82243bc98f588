"""Drafted sections and items as plain outline data, with a source map naming slides.

Speaker notes that end in a sources list as slidegen writes it ("Nguồn:" then "[3] …" lines) are
read back into the slide's ``sources`` and the deck's ``sources``; an empty slide whose notes
start with the to-do marker ("[CẦN BỔ SUNG] …") is an item with a ``todo``.
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import Diagnostic
from ...plan.strings import EN, VI, strings_for
from ..located import Located
from .content import Content, PictureRead, SlideFacts
from .pictures import Pictures
from .structure import ItemDraft, SectionDraft
from .text import bullet_tree, para_text

_SOURCE_LINE = re.compile(r"^\[([^\[\]]+)\](?: (.+))?$")


class OutlineWriter:
    def __init__(self, pictures: Pictures, file: str, language: str, warnings: list[Diagnostic]) -> None:
        self.pictures = pictures
        self.file = file
        self.strings = strings_for(language)
        self.warnings = warnings
        self.sources: dict[Any, str] = {}
        self.located = Located()

    def sections(self, drafts: list[SectionDraft]) -> list[dict[str, Any]]:
        out = []
        for s, draft in enumerate(drafts):
            path = ("sections", s)
            where = (draft.facts or draft.items[0].facts).read.where(self.file)
            self.located.value(path, where)
            section: dict[str, Any] = {"title": draft.title}
            if draft.notes:
                section["notes"] = draft.notes
            section["items"] = [self._item(item, path + ("items", i)) for i, item in enumerate(draft.items)]
            out.append(section)
        return out

    def _item(self, draft: ItemDraft, path: tuple[Any, ...]) -> dict[str, Any]:
        self.located.value(path, draft.facts.read.where(self.file))
        item: dict[str, Any] = {"title": draft.title}
        slides: list[tuple[dict[str, Any], SlideFacts]] = []
        for own_title, facts, contents in draft.slides:
            for content in contents:
                slide = self._slide(content, facts)
                if slide is None:
                    continue
                if own_title and own_title != draft.title:
                    slide = {"title": own_title, **slide}
                if not slides or slides[-1][1] is not facts:
                    self._notes(slide, facts)
                self.located.value(path + ("slides", len(slides)), facts.read.where(self.file))
                slides.append((slide, facts))
        if slides:
            item["slides"] = [s for s, _ in slides]
            for facts in draft.empty:
                self.warnings.append(Diagnostic("has only a title; its item has other slides, so it is left out",
                                                facts.read.where(self.file)))
        elif draft.empty:
            item["todo"] = self._todo(draft.empty[0])
        return item

    def _todo(self, facts: SlideFacts) -> str:
        notes = facts.read.notes
        for strings in (self.strings, VI, EN):
            if notes.startswith(strings.todo):
                return notes[len(strings.todo):].strip() or strings.todo
        self.warnings.append(Diagnostic("has a title and no content; it becomes an item to complete (todo)",
                                        facts.read.where(self.file)))
        if notes:
            return notes
        return (f"Trang {facts.read.number} của bản gốc chỉ có tiêu đề." if self.strings is VI
                else f"Slide {facts.read.number} of the original deck had only a title.")

    def _notes(self, slide: dict[str, Any], facts: SlideFacts) -> None:
        notes, sources = self._split_sources(self._without_chart_data(facts.read.notes) if "chart" in slide
                                             else facts.read.notes)
        if notes:
            slide["notes"] = notes
        if sources:
            slide["sources"] = sources

    @staticmethod
    def _without_chart_data(notes: str) -> str:
        """A chart slide's notes without the data table slidegen adds (a rebuild adds it again)."""
        for strings in (VI, EN):
            marker = f"{strings.chart_data}:\n"
            if notes.startswith(marker):
                return ""
            if f"\n\n{marker}" in notes:
                return notes.rsplit(f"\n\n{marker}", 1)[0]
        return notes

    def _split_sources(self, notes: str) -> tuple[str, list[Any]]:
        """Author notes and cited source numbers, when the notes end in a sources list whose
        texts agree with the ones read so far; otherwise the notes as they are."""
        for strings in (self.strings, VI, EN):
            marker = f"{strings.sources}:\n"
            if notes.startswith(marker):
                head, block = "", notes[len(marker):]
            elif f"\n\n{marker}" in notes:
                head, block = notes.rsplit(f"\n\n{marker}", 1)
            else:
                continue
            cited = [_SOURCE_LINE.match(line) for line in block.split("\n")]
            if not cited or not all(cited):
                continue
            found = [(_key(m.group(1)), m.group(2)) for m in cited]  # type: ignore[union-attr]
            if any(text is not None and self.sources.get(key, text) != text for key, text in found):
                return notes, []
            for key, text in found:
                if text is not None:
                    self.sources[key] = text
            return head.strip(), [key for key, _ in found]
        return notes, []

    def _slide(self, content: Content, facts: SlideFacts) -> dict[str, Any] | None:
        kind = content.kind
        if kind == "bullets":
            bullets = bullet_tree(content.paras)
            return {"bullets": bullets} if bullets else None
        if kind == "columns":
            columns = []
            for heading, paras in ((content.left_heading, content.left), (content.right_heading, content.right)):
                column: dict[str, Any] = {}
                if para_text(heading):
                    column["heading"] = para_text(heading)
                column["bullets"] = bullet_tree(paras) or [""]
                columns.append(column)
            return {"columns": columns}
        if kind == "table":
            return self._table(content, facts)
        if kind in ("image", "photos"):
            pictures = [self._picture(p, facts) for p in content.pictures]
            return {"image": pictures[0]} if kind == "image" else {"photos": pictures}
        if kind == "timeline":
            return {"timeline": [{"date": d, "title": t, **({"detail": x} if x else {})} for d, t, x in content.events]}
        if kind == "figures":
            return {"figures": [{"value": v, "label": label} for v, label in content.figures]}
        if kind == "code":
            return {"code": {"text": code_text(content.paras), "language": None}}
        if kind == "chart" and content.chart is not None:
            return {"chart": content.chart.data()}
        if kind == "quote":
            quote = {"text": para_text(content.paras)}
            if para_text(content.attribution):
                quote["attribution"] = para_text(content.attribution)
            return {"quote": quote}
        return None

    def _table(self, content: Content, facts: SlideFacts) -> dict[str, Any] | None:
        rows = [r for r in content.rows if r]
        if not rows:
            return None
        width = max(len(r) for r in rows)
        header = [para_text(c, markup=False) for c in rows[0]] + [""] * (width - len(rows[0]))
        body = [[para_text(c) for c in r] + [""] * (width - len(r)) for r in rows[1:]]
        if not body:
            self.warnings.append(Diagnostic("a table has a single row; it is imported as the header of an "
                                            "empty table", facts.read.where(self.file)))
            body = [[""] * width]
        table: dict[str, Any] = {"header": header, "rows": body}
        if content.widths and len(content.widths) == width and all(w > 0 for w in content.widths):
            total = sum(content.widths)
            table["widths"] = [round(100 * w / total, 2) for w in content.widths]
        return {"table": table}

    def _picture(self, picture: PictureRead, facts: SlideFacts) -> dict[str, Any]:
        out: dict[str, Any] = {}
        path = self.pictures.extract(picture.media, facts.read.number, facts.read.where(self.file))
        if path:
            out["path"] = path
        caption = para_text(picture.caption)
        if caption:
            out["caption"] = caption
        if picture.alt and picture.alt != caption:
            out["alt"] = picture.alt
        return out


_WRAPPED = "→ "   # slidegen marks a code line it had to wrap with this at each continuation


def code_text(paras: list[Any]) -> str:
    """Code lines as written: one per paragraph, a wrapped line joined back to the line it continues.
    (The language the code was coloured by is not in the deck, so it comes back uncoloured.)"""
    lines: list[str] = []
    for para in paras:
        text = para.text
        if text.startswith(_WRAPPED) and lines:
            lines[-1] += text[len(_WRAPPED):]
        else:
            lines.append(text)
    return "\n".join(lines)


def _key(text: str) -> Any:
    return int(text) if text.isdigit() else text

