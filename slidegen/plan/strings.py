"""Words the tool itself puts on slides, per language (the deck's language picks them)."""

from __future__ import annotations

import datetime as _dt

from ..records import record


@record
class Strings:
    """The words slidegen writes itself ("Nội dung", "(tiếp)", month names …) in one language."""

    agenda: str
    continued: str
    closing: str
    section_label: str       # "{roman}" is replaced by the section number
    todo: str
    sources: str
    chart_data: str          # heading of a chart's data table in the speaker notes
    chart: str               # "{kind}" is replaced by the chart type's name
    chart_types: dict[str, str]
    series: str              # lead-in of the series list in a chart's alt text
    months: tuple[str, ...] = ()
    decimal: str = ","
    group: str = "."
    percent: str = " %"      # between a number and its percent sign

    def date(self, day: _dt.date) -> str:
        if self.months:
            return f"{day.day} {self.months[day.month - 1]} {day.year}"
        return day.strftime("%d/%m/%Y")

    def number(self, value: float, decimals: int | None = None, percent: bool = False) -> str:
        """A number as the deck's language writes it: 1.520 and 37,5 % in Vietnamese, 1,520 and
        37.5% in English. ``decimals`` None shows as many as the value has (up to 4)."""
        if percent:
            value *= 100
        if decimals is None:
            text = f"{value:,.4f}".rstrip("0").rstrip(".")
        else:
            text = f"{value:,.{decimals}f}"
        text = text.replace(",", "\0").replace(".", self.decimal).replace("\0", self.group)
        return text + self.percent if percent else text


VI = Strings(agenda="Nội dung", continued="(tiếp)", closing="Xin trân trọng cảm ơn!",
             section_label="PHẦN {roman}", todo="[CẦN BỔ SUNG]", sources="Nguồn",
             chart_data="Dữ liệu biểu đồ", chart="Biểu đồ {kind}", series="chuỗi số liệu",
             chart_types={"column": "cột", "bar": "thanh", "line": "đường", "pie": "tròn", "doughnut": "vành khuyên",
                          "area": "vùng", "scatter": "phân tán", "combo": "cột kết hợp đường"})
EN = Strings(agenda="Contents", continued="(continued)", closing="Thank you", section_label="PART {roman}",
             todo="[TO COMPLETE]", sources="Sources", chart_data="Chart data", chart="{kind} chart",
             series="series",
             chart_types={"column": "Column", "bar": "Bar", "line": "Line", "pie": "Pie", "doughnut": "Doughnut",
                          "area": "Area", "scatter": "Scatter", "combo": "Column and line"},
             months=("January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"), decimal=".", group=",", percent="%")


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
