"""Typed numbering in titles: "I. Hợp tác ASEAN về SHTT", "1. Cơ chế hợp tác", "2.1) Khái niệm".

slidegen numbers sections and items itself, so a number an author (or an earlier deck) typed in
front of a title is taken off. Readers of Markdown, pasted outlines and imported decks share this
one definition, so they agree on what counts as a typed number.
"""

from __future__ import annotations

import re

from ..records import record

# Roman numerals up to 39 (I … XXXIX): enough for sections, and strict enough that a title such
# as "C. elegans" or "M. Bảo" is not mistaken for a number.
_ROMAN = r"X{0,3}(?:IX|IV|V?I{0,3})"
_ROMAN_PREFIX = re.compile(rf"^(?P<num>{_ROMAN})\s*[.):]\s+(?P<rest>\S.*)$", re.S)
_ARABIC_PREFIX = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3})*)\s*[.):]?\s+(?P<rest>\S.*)$", re.S)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


@record
class Typed:
    """A title split into the number typed in front of it (if any) and the title itself."""

    title: str
    number: int | None = None        # the last component: 3 for "2.3." and for "III."
    typed: str = ""                  # the prefix as written, e.g. "II." or "2.3."


def roman_value(numeral: str) -> int:
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def split_number(title: str, roman: bool = True) -> Typed:
    """``title`` without a typed "I." / "1." / "2.1." prefix; ``roman`` also accepts Roman
    numerals (section titles). A bare number ("2021 in review") is not a prefix: a typed number
    ends in ".", ")" or ":", or is a dotted "2.1"."""
    text = title.strip()
    bare = re.fullmatch(rf"({_ROMAN})\s*[.):]", text) if roman else None
    if bare and bare.group(1):   # a number and nothing else: "II."
        return Typed("", roman_value(bare.group(1)), text)
    if roman:
        match = _ROMAN_PREFIX.match(text)
        if match and match.group("num"):
            number = roman_value(match.group("num"))
            return Typed(match.group("rest").strip(), number, text[: match.start("rest")].strip())
    if re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*[.)]", text):   # a number and nothing else: "3."
        return Typed("", int(re.split(r"[.)]", text)[-2] or 0), text)
    match = _ARABIC_PREFIX.match(text)
    if match:
        typed = text[: match.start("rest")].strip()
        if typed[-1] in ".):" or "." in match.group("num"):
            number = int(match.group("num").split(".")[-1])
            return Typed(match.group("rest").strip(), number, typed)
    return Typed(text)


def disagreement(typed: Typed, expected: int, what: str) -> str | None:
    """A warning text when a typed number is not the position slidegen will give, else None."""
    if typed.number is None or typed.number == expected:
        return None
    return (f"typed number '{typed.typed}' before {what} '{typed.title}' does not match its "
            f"position ({expected}); slidegen numbers {what}s itself, so the typed number is dropped")
