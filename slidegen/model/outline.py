"""The typed outline: what an author writes, validated.

These models are both the validation rules for outline files (any reader's plain data goes
through :func:`slidegen.validation.validate`) and the typed objects the planner consumes; a
Python program may build them directly. Every field carries a description and an example:
``slidegen schema`` turns them into the JSON Schema that editors use for completion and help.

Numbering ("I.", "1."), the agenda, section dividers and continuation slides are *not* here: the
planner derives them, so an author never types them. Each slide kind's own model lives with
its kind (``slidegen/kinds/``).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import field
from typing import Annotated, Any, ClassVar

from ..kinds import select_slide, slide_models
from ..validation import Meta, Model, model
from ..validation.fields import LANGUAGE_TAG, Discriminated
from .common import SlideFields, Text

LanguageTag = Annotated[str, Meta("A BCP 47 language tag.", "en-US", pattern=LANGUAGE_TAG,
                                  pattern_hint="a BCP 47 tag such as vi-VN or en-US")]
#: An authored slide: the model of the kind its content key names.
Slide = Annotated[SlideFields, Discriminated(select_slide, slide_models)]


@model
class Item(Model):
    """A numbered item of a section: its title and slides, or a todo while it has none."""

    noun: ClassVar[str] = "item"

    title: Annotated[Text, Meta("The item's title; the tool numbers it (1., 2., …).", "Cơ chế hợp tác")]
    slides: Annotated[tuple[Slide, ...], Meta("The item's slides.", [{"bullets": ["…"]}])] = ()
    todo: Annotated[Text | None, Meta(
        "For an item without content yet: a prompt for the presenter. The item gets a slide with its title, an "
        "empty body and this prompt in the notes, marked as to be completed.", "Bổ sung từ tài liệu nội bộ của Cục")] = None


@model
class Section(Model):
    """A part of the deck (I., II., …): its title and items."""

    noun: ClassVar[str] = "section"

    title: Annotated[Text, Meta("The section's title; the tool numbers it (I., II., …).", "Hợp tác ASEAN về SHTT")]
    items: Annotated[tuple[Item, ...], Meta("The section's numbered items.", [{"title": "Cơ chế hợp tác", "todo": "…"}],
                                            min_length=1, too_short="empty section: 'items' needs at least 1 item")]
    notes: Annotated[Text | None, Meta("Speaker notes for the section's divider slide.", "Phần I")] = None


@model
class Agenda(Model):
    """The agenda ("Nội dung") slide after the title, optionally repeated before each section."""

    noun: ClassVar[str] = "agenda"

    title: Annotated[Text | None, Meta("Agenda slide title; defaults to 'Nội dung' (vi) or 'Contents'.",
                                      "Nội dung")] = None
    enabled: Annotated[bool, Meta("Whether to add the agenda slide.", True)] = True
    repeat: Annotated[bool, Meta("Repeat the agenda before each section, highlighting it.", False)] = False
    items: Annotated[bool, Meta("List each section's items under it.", True)] = True


@model
class Closing(Model):
    """The closing slide at the end of the deck."""

    noun: ClassVar[str] = "closing"

    title: Annotated[Text | None, Meta("Closing slide title; defaults to 'Xin trân trọng cảm ơn!' (vi).",
                                      "Xin trân trọng cảm ơn!")] = None
    subtitle: Annotated[Text | None, Meta("Line under the closing title.", "Cục Sở hữu trí tuệ")] = None
    enabled: Annotated[bool, Meta("Whether to add the closing slide.", True)] = True


@model
class DeckMeta(Model):
    """What the deck is: its title, language, theme, footer, sources and the generated slides."""

    noun: ClassVar[str] = "deck"

    title: Annotated[Text, Meta("Deck title, on the title slide and in the file's properties.",
                               "Nhìn lại nhiệm kỳ Chủ tịch AWGIPC 2019-2021")]
    subtitle: Annotated[Text | None, Meta("Line under the title.", "Sinh hoạt chuyên đề")] = None
    date: Annotated[_dt.date | None, Meta("Date of the presentation (YYYY-MM-DD).", "2022-03-04")] = None
    organisation: Annotated[Text | None, Meta("Presenting organisation.", "Cục Sở hữu trí tuệ")] = None
    author: Annotated[Text | None, Meta("Author, for the file's properties.", "Ban Hợp tác quốc tế")] = None
    language: Annotated[str, Meta("BCP 47 language tag of the text; every run is tagged with it.", "vi-VN",
                                  pattern=LANGUAGE_TAG, pattern_hint="a BCP 47 tag such as vi-VN or en-US")] = "vi-VN"
    languages: Annotated[tuple[LanguageTag, ...], Meta(
        "The languages the deck is built in, the first the default: `slidegen build` writes one deck per "
        "language. Any text may then be given by language: {vi-VN: …, en-US: …}.", ["vi-VN", "en-US"])] = ()
    theme: Annotated[str, Meta("Built-in theme name or a folder holding theme.yaml.", "formal")] = "formal"
    footer: Annotated[Text | None, Meta("Footer text on every slide but the title slide.", "Cục Sở hữu trí tuệ")] = None
    template: Annotated[str | None, Meta(
        "A house PowerPoint template (.pptx or .potx) relative to the outline; its masters and layouts are used "
        "instead of the theme's.", "templates/house.potx")] = None
    layouts: Annotated[dict[str, str], Meta(
        "Template layout to use for a slide kind, by layout name (overrides the automatic mapping).",
        {"bullets": "Nội dung chính"})] = field(default_factory=dict)
    slide_numbers: Annotated[bool, Meta("Show slide-number fields.", True)] = True
    show_date: Annotated[bool, Meta("Show the date field in the footer.", True)] = True
    agenda: Annotated[Agenda, Meta("The generated agenda slide.", {"repeat": True})] = Agenda()
    closing: Annotated[Closing, Meta("The generated closing slide.", {"title": "Cảm ơn!"})] = Closing()
    sources: Annotated[dict[int | str, Text], Meta("Numbered sources; slides cite them by number in `sources`.",
                                                  {1: "aseanip.org – About"})] = field(default_factory=dict)

    @property
    def all_languages(self) -> tuple[str, ...]:
        """The languages the deck is built in, the default first."""
        return self.languages or (self.language,)


@model
class Outline(Model):
    """A slidegen outline: deck metadata, then sections of numbered items, each with slides of one kind."""

    noun: ClassVar[str] = "outline"

    vars: Annotated[dict[str, Any], Meta("Template variables, used as {{ name }} in any text.", {"year": 2020})] = \
        field(default_factory=dict)
    data: Annotated[dict[str, str], Meta(
        "Data files (CSV, YAML, JSON) by name, relative to the outline; usable in templates, e.g. "
        "rows: \"{{ meetings | rows('date', 'event') }}\".", {"meetings": "data/meetings.csv"})] = \
        field(default_factory=dict)
    deck: Annotated[DeckMeta, Meta("Deck metadata.", {"title": "…"})]
    sections: Annotated[tuple[Section, ...], Meta("Roman-numbered sections.",
                                                  [{"title": "Hợp tác ASEAN về SHTT",
                                                    "items": [{"title": "Cơ chế hợp tác"}]}], min_length=1)]
