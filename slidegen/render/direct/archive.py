"""The zip both writers produce: fixed entry order, one timestamp, relationships written directly.

Entries are [Content_Types].xml, the package relationships, then every part in natural
part-name order, each followed by its relationships, all stamped with one time, so the same
inputs always give the same bytes. (Shared by the python-pptx path, slidegen/render/package.py.)
"""

from __future__ import annotations

import datetime as _dt
import os
import posixpath
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import IO

from .xml import quoteattr
from .zipped import write_entries

_DIGITS = re.compile(r"(\d+)")

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
#: A relationship: id, type (full URI), target (a part name, or a URL when external), external.
Relationship = tuple[str, str, str, bool]


#: What a zip entry can be stamped with: MS-DOS dates count years from 1980 in seven bits.
ZIP_EARLIEST = _dt.datetime(1980, 1, 1)
ZIP_LATEST = _dt.datetime(2107, 12, 31, 23, 59, 58)


def build_timestamp(deck_date: _dt.date | None) -> _dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the deck's date, else 1980-01-01.

    A SOURCE_DATE_EPOCH that is not a count of seconds a date can hold is an error, as the
    specification asks, rather than a deck silently stamped otherwise."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            if not epoch.isdigit():
                raise ValueError(epoch)
            return max(_dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc).replace(tzinfo=None),
                       ZIP_EARLIEST)
        except (ValueError, OverflowError, OSError):
            from ...errors import OutputError

            raise OutputError(f"SOURCE_DATE_EPOCH={epoch[:40]!r} is not a number of seconds since 1970 "
                              "up to the year 9999") from None
    if deck_date is not None:
        return max(_dt.datetime(deck_date.year, deck_date.month, deck_date.day), ZIP_EARLIEST)
    return ZIP_EARLIEST


def natural(partname: str) -> list[object]:
    """Sort key: part names with their numbers compared as numbers (slide2 before slide10)."""
    return [int(t) if t.isdigit() else t for t in _DIGITS.split(partname)]


def rels_member(partname: str) -> str:
    """The zip member holding the relationships of part ``partname`` ("/ppt/slides/slide1.xml")."""
    folder, _, filename = partname.rpartition("/")
    return f"{folder[1:]}/_rels/{filename}.rels" if folder else f"_rels/{filename}.rels"


_RELS_HEAD = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">')


def rels_xml(rels: Iterable[Relationship], base_uri: str) -> bytes:
    """Relationships as XML, written directly (python-pptx builds an element tree per part to
    serialise it, a noticeable cost for thousands of parts); internal targets are made relative
    to the folder ``base_uri`` of their source."""
    items = []
    for rId, reltype, target, is_external in rels:
        ref, external = (target, ' TargetMode="External"') if is_external else (relative_ref(target, base_uri), "")
        items.append(f"<Relationship Id={quoteattr(rId)} Type={quoteattr(reltype)} "
                     f"Target={quoteattr(ref)}{external}/>")
    return (_RELS_HEAD + "".join(items) + "</Relationships>").encode("utf-8")


def relative_ref(partname: str, base_uri: str) -> str:
    """``partname`` relative to the folder ``base_uri``, as python-pptx's
    ``PackURI.relative_ref`` gives it: the folders' relative path is computed once per pair of
    folders (a handful in a deck) rather than once per relationship."""
    folder, _, filename = partname.rpartition("/")
    prefix = _relative_folder(folder or "/", base_uri)
    return filename if prefix == "." else f"{prefix}/{filename}"


@lru_cache(maxsize=256)
def _relative_folder(folder: str, base_uri: str) -> str:
    return posixpath.relpath(folder, base_uri)


def write_zip(stream: IO[bytes], entries: Iterable[tuple[str, bytes]], stamp: _dt.datetime) -> None:
    """Write ``entries`` (member name, bytes), in order, deflated, all stamped ``stamp`` (held to
    the years a zip can store; the core properties keep the real date)."""
    date_time = min(max(stamp, ZIP_EARLIEST), ZIP_LATEST).timetuple()[:6]
    write_entries(stream, list(entries), (date_time[0], date_time[1], date_time[2], date_time[3], date_time[4],
                                          date_time[5]))
