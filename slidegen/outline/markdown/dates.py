"""Dates as people write them in title blocks: "26 November 2019", "May 13, 2019", "04/03/2022".

The outline's ``deck.date`` is a calendar date; pandoc and Marp take free text. These are the
forms seen in real decks (ISO, day-month-year in English or Vietnamese, month-day-year in
English, and the Vietnamese numeric day/month/year). Anything else is reported, not guessed.
"""

from __future__ import annotations

import datetime as _dt
import re

_MONTHS = {name: n for n, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")            # day/month/year
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_VIETNAMESE = re.compile(r"^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+(?:năm\s+)?(\d{4})$")


def parse_date(text: str) -> _dt.date | None:
    """The calendar date ``text`` names, or None when it is not one of the known forms."""
    value = " ".join(text.strip().lower().split())
    for pattern, order in ((_ISO, "ymd"), (_NUMERIC, "dmy"), (_VIETNAMESE, "dmy")):
        match = pattern.match(value)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups())))
            return _make(parts["y"], parts["m"], parts["d"])
    match = _DAY_MONTH.match(value)
    if match and match.group(2) in _MONTHS:
        return _make(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
    match = _MONTH_DAY.match(value)
    if match and match.group(1) in _MONTHS:
        return _make(int(match.group(3)), _MONTHS[match.group(1)], int(match.group(2)))
    return None


def _make(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None
