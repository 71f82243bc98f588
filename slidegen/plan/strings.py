"""Words the tool itself puts on slides, per language (the deck's language picks them)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Strings:
    agenda: str
    continued: str
    closing: str
    section_label: str       # "{roman}" is replaced by the section number
    todo: str
    sources: str
    months: tuple[str, ...] = ()

    def date(self, day: _dt.date) -> str:
        if self.months:
            return f"{day.day} {self.months[day.month - 1]} {day.year}"
        return day.strftime("%d/%m/%Y")


VI = Strings(agenda="Nội dung", continued="(tiếp)", closing="Xin trân trọng cảm ơn!",
             section_label="PHẦN {roman}", todo="[CẦN BỔ SUNG]", sources="Nguồn")
EN = Strings(agenda="Contents", continued="(continued)", closing="Thank you", section_label="PART {roman}",
             todo="[TO COMPLETE]", sources="Sources",
             months=("January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"))


def strings_for(language: str) -> Strings:
    return VI if language.lower().startswith("vi") else EN


def roman(number: int) -> str:
    """I, II, III, … for section numbers."""
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)
