"""The layouts slidegen generates: their names, types and placeholder indices.

The renderer looks layouts up by these names and fills placeholders by these indices; the
template compiler creates exactly these. A bring-your-own template maps its layouts onto the
same kinds.
"""

from __future__ import annotations

from ...theme.grid import PHOTO_COUNTS

#: slide kind → layout name (photos have one layout per picture count, below)
LAYOUT_NAMES: dict[str, str] = {
    "title": "Title Slide",
    "agenda": "Agenda",
    "section": "Section Header",
    "bullets": "Title and Content",
    "columns": "Two Content",
    "comparison": "Comparison",
    "table": "Title and Table",
    "image": "Picture with Caption",
    "timeline": "Timeline",
    "figures": "Key Figures",
    "quote": "Quote",
    "closing": "Closing",
}
PHOTO_LAYOUTS: dict[int, str] = {n: f"Photos {n}" for n in PHOTO_COUNTS}

#: ECMA-376 layout types (ST_SlideLayoutType), which PowerPoint uses to re-map on theme change.
LAYOUT_TYPES: dict[str, str] = {
    "title": "title", "agenda": "obj", "section": "secHead", "bullets": "obj", "columns": "twoObj",
    "comparison": "twoTxTwoObj", "table": "tbl", "image": "picTx", "photos": "cust",
    "timeline": "titleOnly", "figures": "titleOnly", "quote": "cust", "closing": "title",
}

IDX_BODY = 1
IDX_SUBTITLE = 1
IDX_META = 13
IDX_LEFT = 1
IDX_RIGHT = 2
IDX_CMP_LEFT_HEAD = 1
IDX_CMP_LEFT = 2
IDX_CMP_RIGHT_HEAD = 3
IDX_CMP_RIGHT = 4
IDX_TABLE = 1
IDX_PICTURE = 1
IDX_CAPTION = 2
IDX_QUOTE = 1
IDX_ATTRIBUTION = 2
IDX_DATE = 10
IDX_FOOTER = 11
IDX_SLIDE_NUMBER = 12
PHOTO_PIC_BASE = 20
PHOTO_CAPTION_BASE = 30
