"""The typed outline: what an author writes, validated.

These pydantic models are both the validation rules for outline files and the typed objects the
planner consumes. Every field carries a description and an example: ``slidegen schema`` turns them
into the JSON Schema that editors use for completion and hover help.

Numbering ("I.", "1."), the agenda, section dividers and continuation slides are *not* here: the
planner derives them, so an author never types them.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

#: Content keys that name a slide's kind when ``kind`` is not given.
CONTENT_KEYS: dict[str, str] = {
    "bullets": "bullets",
    "columns": "columns",
    "table": "table",
    "image": "image",
    "photos": "photos",
    "timeline": "timeline",
    "figures": "figures",
    "quote": "quote",
}
SLIDE_KINDS: tuple[str, ...] = tuple(CONTENT_KEYS.values())


class _Strict(BaseModel):
    # Unknown keys are errors (with did-you-mean), and models never change after validation.
    # Numbers are accepted where text is expected (a table cell "2020", a title "2021").
    # Validators are built on first use, not at import: only the outline's own validator is ever
    # used, and building one per nested model cost about 10 % of a small build's start-up.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True, defer_build=True)


def _field(description: str, example: Any, **kwargs: Any) -> Any:
    return Field(description=description, examples=[example], **kwargs)


class Bullet(_Strict):
    """A bullet with sub-bullets. A plain string is a bullet without children."""

    text: str = _field("The bullet text. Supports **bold**, *italic* and [links](https://…).",
                       "Hiệp định khung ký ngày 15/12/1995 tại Bangkok")
    children: list["BulletItem"] = _field("Sub-bullets, one level deeper.", ["Việt Nam là nước ký"],
                                          default_factory=list)


BulletItem = Annotated[Union[str, Bullet], Field(description="A bullet: text, or {text, children}.",
                                                   examples=["Thành lập năm 1996"])]
Bullet.model_rebuild()


class _SlideBase(_Strict):
    title: str | None = _field("Slide title. Defaults to the item's title (numbered).", "Bối cảnh",
                               default=None)
    notes: str | None = _field("Speaker notes for the presenter.", "Nhấn mạnh mốc 1995.", default=None)
    sources: list[int | str] = _field(
        "Source numbers cited by this slide; listed in the speaker notes with their text from "
        "deck.sources.", [1, 3], default_factory=list)


class BulletsSlide(_SlideBase):
    kind: Literal["bullets"] = _field("Slide kind; inferred from the content key.", "bullets",
                                      default="bullets")
    bullets: list[BulletItem] = _field("Bullets, nested with {text, children}.",
                                       ["Thành lập năm 1996", {"text": "Thành viên", "children": ["10 nước"]}],
                                       min_length=1)


class Column(_Strict):
    heading: str | None = _field("Column heading; with headings the slide uses the comparison layout.",
                                 "Trước 2019", default=None)
    bullets: list[BulletItem] = _field("The column's bullets.", ["Indonesia làm Chủ tịch"], min_length=1)


class ColumnsSlide(_SlideBase):
    kind: Literal["columns"] = _field("Slide kind; inferred from the content key.", "columns",
                                      default="columns")
    columns: list[Column] = _field("Exactly two columns.", [{"bullets": ["a"]}, {"bullets": ["b"]}],
                                   min_length=2, max_length=2)


class Table(_Strict):
    header: list[str] = _field("Header row; repeated on continuation slides.", ["Thời gian", "Sự kiện"],
                               min_length=1)
    rows: list[list[str]] = _field("Body rows; each has as many cells as the header.",
                                   [["11/11/2019", "AWGIPC 60"]], min_length=1)
    widths: list[float] | None = _field("Relative column widths.", [1, 3], default=None)


class TableSlide(_SlideBase):
    kind: Literal["table"] = _field("Slide kind; inferred from the content key.", "table", default="table")
    table: Table = _field("A table with a header row.", {"header": ["A"], "rows": [["1"]]})


class Picture(_Strict):
    path: str | None = _field("Image file relative to the outline; empty leaves a picture placeholder "
                              "for the presenter to fill.", "images/awgipc60.jpg", default=None)
    caption: str | None = _field("Caption under the picture.", "AWGIPC 60, Baguio", default=None)
    alt: str | None = _field("Alternative text for screen readers; defaults to the caption.",
                             "Đại biểu dự họp", default=None)


class ImageSlide(_SlideBase):
    kind: Literal["image"] = _field("Slide kind; inferred from the content key.", "image", default="image")
    image: Picture = _field("One picture with a caption.", {"caption": "Ảnh tư liệu"})


class PhotosSlide(_SlideBase):
    kind: Literal["photos"] = _field("Slide kind; inferred from the content key.", "photos",
                                     default="photos")
    photos: list[Picture] = _field("Pictures laid out as a grid, each with a caption.",
                                   [{"caption": "Ảnh 1"}, {"caption": "Ảnh 2"}], min_length=1)


class Event(_Strict):
    date: str = _field("When, as it should read on the slide.", "8–9/7/2020")
    title: str = _field("What happened.", "Cuộc họp đặc biệt (trực tuyến)")
    detail: str | None = _field("A short second line.", "Lần đầu AWGIPC họp trực tuyến", default=None)


class TimelineSlide(_SlideBase):
    kind: Literal["timeline"] = _field("Slide kind; inferred from the content key.", "timeline",
                                       default="timeline")
    timeline: list[Event] = _field("Dated events, in order.", [{"date": "2019", "title": "AWGIPC 60"}],
                                   min_length=1)


class Figure(_Strict):
    value: str = _field("The big number, as it should read.", "20+")
    label: str = _field("What the number counts.", "cuộc họp trực tuyến bên lề năm 2020")


class FiguresSlide(_SlideBase):
    kind: Literal["figures"] = _field("Slide kind; inferred from the content key.", "figures",
                                      default="figures")
    figures: list[Figure] = _field("Key figures: big numbers with labels.",
                                   [{"value": "10", "label": "nước thành viên"}], min_length=1)


class Quote(_Strict):
    text: str = _field("The quotation.", "Chủ động, tích cực phối hợp …")
    attribution: str | None = _field("Who said or wrote it.", "Bộ KH&CN, 2020", default=None)


class QuoteSlide(_SlideBase):
    kind: Literal["quote"] = _field("Slide kind; inferred from the content key.", "quote", default="quote")
    quote: Quote = _field("A quotation with its attribution.", {"text": "…"})


def _slide_kind(value: Any) -> str | None:
    """The kind of a slide mapping: its ``kind`` key, else the first content key it holds."""
    if isinstance(value, BaseModel):
        return getattr(value, "kind", None)
    if not isinstance(value, dict):
        return None
    kind = value.get("kind")
    if isinstance(kind, str):
        return kind
    for key, name in CONTENT_KEYS.items():
        if key in value:
            return name
    return None


Slide = Annotated[
    Union[
        Annotated[BulletsSlide, Tag("bullets")],
        Annotated[ColumnsSlide, Tag("columns")],
        Annotated[TableSlide, Tag("table")],
        Annotated[ImageSlide, Tag("image")],
        Annotated[PhotosSlide, Tag("photos")],
        Annotated[TimelineSlide, Tag("timeline")],
        Annotated[FiguresSlide, Tag("figures")],
        Annotated[QuoteSlide, Tag("quote")],
    ],
    Discriminator(
        _slide_kind,
        custom_error_type="slide_kind",
        custom_error_message="a slide needs one content key: " + ", ".join(CONTENT_KEYS),
    ),
]


class Item(_Strict):
    title: str = _field("The item's title; the tool numbers it (1., 2., …).", "Cơ chế hợp tác")
    slides: list[Slide] = _field("The item's slides.", [{"bullets": ["…"]}], default_factory=list)
    todo: str | None = _field(
        "For an item without content yet: a prompt for the presenter. The item gets a slide with its "
        "title, an empty body and this prompt in the notes, marked as to be completed.",
        "Bổ sung từ tài liệu nội bộ của Cục", default=None)


class Section(_Strict):
    title: str = _field("The section's title; the tool numbers it (I., II., …).", "Hợp tác ASEAN về SHTT")
    items: list[Item] = _field("The section's numbered items.", [{"title": "Cơ chế hợp tác", "todo": "…"}],
                               min_length=1)
    notes: str | None = _field("Speaker notes for the section's divider slide.", "Phần I", default=None)


class Agenda(_Strict):
    title: str | None = _field("Agenda slide title; defaults to 'Nội dung' (vi) or 'Contents'.",
                               "Nội dung", default=None)
    enabled: bool = _field("Whether to add the agenda slide.", True, default=True)
    repeat: bool = _field("Repeat the agenda before each section, highlighting it.", False, default=False)
    items: bool = _field("List each section's items under it.", True, default=True)


class Closing(_Strict):
    title: str | None = _field("Closing slide title; defaults to 'Xin trân trọng cảm ơn!' (vi).",
                               "Xin trân trọng cảm ơn!", default=None)
    subtitle: str | None = _field("Line under the closing title.", "Cục Sở hữu trí tuệ", default=None)
    enabled: bool = _field("Whether to add the closing slide.", True, default=True)


class DeckMeta(_Strict):
    title: str = _field("Deck title, on the title slide and in the file's properties.",
                        "Nhìn lại nhiệm kỳ Chủ tịch AWGIPC 2019-2021")
    subtitle: str | None = _field("Line under the title.", "Sinh hoạt chuyên đề", default=None)
    date: _dt.date | None = _field("Date of the presentation (YYYY-MM-DD).", "2022-03-04", default=None)
    organisation: str | None = _field("Presenting organisation.", "Cục Sở hữu trí tuệ", default=None)
    author: str | None = _field("Author, for the file's properties.", "Ban Hợp tác quốc tế", default=None)
    language: str = _field("BCP 47 language tag of the text; every run is tagged with it.", "vi-VN",
                           default="vi-VN", pattern=r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")
    theme: str = _field("Built-in theme name or a folder holding theme.yaml.", "formal", default="formal")
    footer: str | None = _field("Footer text on every slide but the title slide.", "Cục Sở hữu trí tuệ",
                                default=None)
    template: str | None = _field("A house PowerPoint template (.pptx or .potx) relative to the outline; its "
                                  "masters and layouts are used instead of the theme's.", "templates/house.potx",
                                  default=None)
    layouts: dict[str, str] = _field("Template layout to use for a slide kind, by layout name (overrides the "
                                     "automatic mapping).", {"bullets": "Nội dung chính"}, default_factory=dict)
    slide_numbers: bool = _field("Show slide-number fields.", True, default=True)
    show_date: bool = _field("Show the date field in the footer.", True, default=True)
    agenda: Agenda = _field("The generated agenda slide.", {"repeat": True}, default_factory=Agenda)
    closing: Closing = _field("The generated closing slide.", {"title": "Cảm ơn!"}, default_factory=Closing)
    sources: dict[int | str, str] = _field(
        "Numbered sources; slides cite them by number in `sources`.", {1: "aseanip.org – About"},
        default_factory=dict)


class Outline(_Strict):
    """The whole outline file."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True,
                              title="slidegen outline")

    vars: dict[str, Any] = _field("Template variables, used as {{ name }} in any text.",
                                  {"year": 2020}, default_factory=dict)
    data: dict[str, str] = _field("Data files (CSV, YAML, JSON) by name, relative to the outline; "
                                  "usable in templates, e.g. rows: \"{{ meetings | rows('date', 'event') }}\".",
                                  {"meetings": "data/meetings.csv"}, default_factory=dict)
    deck: DeckMeta = _field("Deck metadata.", {"title": "…"})
    sections: list[Section] = _field("Roman-numbered sections.",
                                     [{"title": "Hợp tác ASEAN về SHTT", "items": [{"title": "Cơ chế hợp tác"}]}],
                                     min_length=1)
