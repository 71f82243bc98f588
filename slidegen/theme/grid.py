"""Photo grids: where each picture and its caption go inside a layout's content box.

Shared by the template compiler (which draws the picture placeholders) and the planner (which
measures captions), so the two can never disagree.
"""

from __future__ import annotations

from .model import Box

PHOTO_COUNTS = (1, 2, 3, 4, 6)       # one layout each; other counts use the next larger one
_COLUMNS = {1: 1, 2: 2, 3: 3, 4: 2, 6: 3}
GAP = 0.25                           # inches between cells
CAPTION_HEIGHT = 0.5                 # inches under each picture


def layout_count(count: int) -> int:
    """The photo layout used for ``count`` pictures (at most the largest)."""
    return next((n for n in PHOTO_COUNTS if n >= count), PHOTO_COUNTS[-1])


def photo_cells(content: Box, count: int) -> list[tuple[Box, Box]]:
    """(picture box, caption box) for each cell of the grid holding ``count`` photos."""
    columns = _COLUMNS[count]
    rows = (count + columns - 1) // columns
    left, top, width, height = content
    cell_w = (width - GAP * (columns - 1)) / columns
    cell_h = (height - GAP * (rows - 1)) / rows
    cells = []
    for n in range(count):
        row, column = divmod(n, columns)
        x = left + column * (cell_w + GAP)
        y = top + row * (cell_h + GAP)
        picture = (x, y, cell_w, cell_h - CAPTION_HEIGHT)
        caption = (x, y + cell_h - CAPTION_HEIGHT, cell_w, CAPTION_HEIGHT)
        cells.append((picture, caption))
    return cells
