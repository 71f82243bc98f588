"""Writing the package: a zip whose bytes depend only on its content.

python-pptx's own writer stamps each zip entry with the current time and orders parts by a graph
walk. Here entries are written in a fixed order ([Content_Types].xml, package rels, then parts in
natural part-name order, each followed by its rels) with one fixed timestamp, so the same inputs
always give the same bytes.
"""

from __future__ import annotations

import datetime as _dt
import os
import posixpath
import re
import zipfile
from functools import lru_cache
from typing import IO, Any

from xml.sax.saxutils import quoteattr

from pptx.opc.oxml import serialize_part_xml
from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from pptx.opc.serialized import _ContentTypesItem

_DIGITS = re.compile(r"(\d+)")


def build_timestamp(deck_date: _dt.date | None) -> _dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the deck's date, else 1980-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        stamp = _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc).replace(tzinfo=None)
    elif deck_date is not None:
        stamp = _dt.datetime(deck_date.year, deck_date.month, deck_date.day)
    else:
        stamp = _dt.datetime(1980, 1, 1)
    return max(stamp, _dt.datetime(1980, 1, 1))  # the zip format cannot store earlier dates


def _natural(partname: str) -> list[object]:
    return [int(t) if t.isdigit() else t for t in _DIGITS.split(partname)]


def write_package(presentation: Any, stream: IO[bytes], stamp: _dt.datetime) -> None:
    """Serialise ``presentation`` (a python-pptx Presentation) into ``stream``."""
    package = presentation.part.package
    parts = sorted(package.iter_parts(), key=lambda p: _natural(str(p.partname)))
    date_time = stamp.timetuple()[:6]

    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        def add(name: str, blob: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, blob, compresslevel=6)

        add(CONTENT_TYPES_URI.membername, serialize_part_xml(_ContentTypesItem.xml_for(parts)))
        add(PACKAGE_URI.rels_uri.membername, _rels_xml(package._rels, PACKAGE_URI.baseURI))
        for part in parts:
            add(part.partname.membername, part.blob)
            if part._rels:
                add(part.partname.rels_uri.membername, _rels_xml(part.rels, part.partname.baseURI))


_RELS_HEAD = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">')


def _rels_xml(rels: Any, base_uri: str) -> bytes:
    """A part's relationships as XML, written directly: python-pptx builds an element tree per
    part to serialise it, a noticeable cost for thousands of parts."""
    items = []
    for rel in rels.values():
        if rel.is_external:
            target, external = rel.target_ref, ' TargetMode="External"'
        else:
            target, external = relative_ref(rel.target_partname, base_uri), ""
        items.append(f"<Relationship Id={quoteattr(rel.rId)} Type={quoteattr(rel.reltype)} "
                     f"Target={quoteattr(target)}{external}/>")
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
