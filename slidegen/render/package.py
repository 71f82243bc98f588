"""Writing the package: a zip whose bytes depend only on its content.

python-pptx's own writer stamps each zip entry with the current time and orders parts by a graph
walk. Here the parts of the python-pptx package go through the zip writer both writers share
(slidegen/render/direct/archive.py: fixed order, one timestamp), so the same inputs always give
the same bytes.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import IO, Any

from pptx.opc.oxml import serialize_part_xml
from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from pptx.opc.serialized import _ContentTypesItem

from .direct.archive import Relationship, build_timestamp, natural, relative_ref, rels_xml, write_zip

__all__ = ["build_timestamp", "relative_ref", "write_package"]


def write_package(presentation: Any, stream: IO[bytes], stamp: _dt.datetime) -> None:
    """Serialise ``presentation`` (a python-pptx Presentation) into ``stream``."""
    package = presentation.part.package
    parts = sorted(package.iter_parts(), key=lambda p: natural(str(p.partname)))

    def entries() -> Iterator[tuple[str, bytes]]:
        yield CONTENT_TYPES_URI.membername, serialize_part_xml(_ContentTypesItem.xml_for(parts))
        yield PACKAGE_URI.rels_uri.membername, rels_xml(_relationships(package._rels), PACKAGE_URI.baseURI)
        for part in parts:
            yield part.partname.membername, part.blob
            if part._rels:
                yield part.partname.rels_uri.membername, rels_xml(_relationships(part.rels), part.partname.baseURI)

    write_zip(stream, entries(), stamp)


def _relationships(rels: Any) -> Iterator[Relationship]:
    for rel in rels.values():
        if rel.is_external:
            yield rel.rId, rel.reltype, rel.target_ref, True
        else:
            yield rel.rId, rel.reltype, str(rel.target_partname), False
