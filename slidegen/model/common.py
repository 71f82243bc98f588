"""Building blocks that several slide kinds share: bullets, pictures, and a slide's own fields.

Each slide kind's model lives with the rest of that kind (``slidegen/kinds/<kind>.py``); the
outline around them (deck, sections, items) is in :mod:`slidegen.model.outline`.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Union

from ..validation import Meta, Model, model
from ..validation.fields import Translations

#: Text an author writes: a string, or the same text in several languages by language tag.
Text = str | Translations


@model
class Bullet(Model):
    """A bullet with sub-bullets. A plain string is a bullet without children."""

    noun: ClassVar[str] = "bullet"
    unknown_key_hint: ClassVar[str] = ("a ': ' inside bullet text makes YAML read a mapping — put the "
                                       "bullet in quotes")

    text: Annotated[Text, Meta("The bullet text. Supports **bold**, *italic* and [links](https://…).",
                              "Hiệp định khung ký ngày 15/12/1995 tại Bangkok")]
    children: Annotated[tuple["BulletItem", ...], Meta("Sub-bullets, one level deeper.",
                                                       ["Việt Nam là nước ký"])] = ()


BulletItem = Annotated[Union[str, Translations, Bullet], Meta("A bullet: text (or text by language), or "
                                                             "{text, children}.", "Thành lập năm 1996")]
Bullets = Annotated[tuple[BulletItem, ...], Meta("Bullets, nested with {text, children}.",
                                                 ["Thành lập năm 1996", {"text": "Thành viên", "children": ["10 nước"]}],
                                                 min_length=1)]


@model
class Picture(Model):
    """A picture file with its caption and alt text; no path leaves a placeholder to fill."""

    noun: ClassVar[str] = "picture"

    path: Annotated[str | None, Meta("Image file relative to the outline; empty leaves a picture "
                                     "placeholder for the presenter to fill.", "images/awgipc60.jpg")] = None
    caption: Annotated[Text | None, Meta("Caption under the picture.", "AWGIPC 60, Baguio")] = None
    alt: Annotated[Text | None, Meta("Alternative text for screen readers; defaults to the caption.",
                                    "Đại biểu dự họp")] = None


@model
class SlideFields(Model):
    """What every authored slide may carry besides its content."""

    noun: ClassVar[str] = "slide"
    hidden_keys: ClassVar[tuple[str, ...]] = ("kind",)
    #: Every kind's content key; set by the kind registry (slidegen.kinds), for did-you-mean.
    other_keys: ClassVar[tuple[str, ...]] = ()

    title: Annotated[Text | None, Meta("Slide title. Defaults to the item's title (numbered).", "Bối cảnh")] = None
    notes: Annotated[Text | None, Meta("Speaker notes for the presenter.", "Nhấn mạnh mốc 1995.")] = None
    sources: Annotated[tuple[int | str, ...], Meta(
        "Source numbers cited by this slide; listed in the speaker notes with their text from deck.sources.",
        [1, 3])] = ()
