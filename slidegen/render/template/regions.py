"""Where content can go on a layout that has no placeholder for it: the free area beside its title.

Drawn kinds (timeline, figures, a table or chart without its placeholder, bullets on a title-only
layout) lay out in the largest rectangle of the slide beside the layout's title (below it, or
above, left or right of it), inside the slide's margins and clear of the footers. That is where a
template's designer left room; a box derived so is always inside the slide and never negative.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...scene import EmuBox

MARGIN = 0.05          # of the slide's width and height: the edge no content comes closer to
GAP = 0.02             # of the slide's height: between the title and the content
MIN_SHARE = 0.08       # a region smaller than this share of the slide (each way) is no region


def inside(box: EmuBox, width: int, height: int) -> EmuBox:
    """``box`` cut to the slide (a placeholder may reach past its edge)."""
    x, y, w, h = box
    left, top = max(x, 0), max(y, 0)
    right, bottom = min(x + w, width), min(y + h, height)
    return (left, top, max(right - left, 0), max(bottom - top, 0))


def free_region(title: EmuBox | None, obstacles: Iterable[EmuBox], width: int, height: int) -> EmuBox | None:
    """The largest rectangle beside ``title`` inside the slide margins, above the ``obstacles``
    in the lower part of the slide (footers); below the title when that is nearly as large."""
    mx, my = int(width * MARGIN), int(height * MARGIN)
    left, top, right, bottom = mx, my, width - mx, height - my
    for box in obstacles:
        if box[3] > 0 and box[1] > height // 2:
            bottom = min(bottom, box[1])
    gap = int(height * GAP)
    if title is None or title[2] <= 0 or title[3] <= 0:
        regions = [(left, top, right - left, bottom - top)]
    else:
        tx, ty, tw, th = inside(title, width, height)
        wide = tw >= (right - left) // 2
        x0, x1 = (max(min(tx, right), left), min(max(tx + tw, left), right)) if wide else (left, right)
        regions = [(x0, ty + th + gap, x1 - x0, bottom - ty - th - gap),          # below the title
                   (x0, top, x1 - x0, ty - gap - top),                             # above it
                   (left, top, tx - gap - left, bottom - top),                     # left of it
                   (tx + tw + gap, top, right - tx - tw - gap, bottom - top)]      # right of it
    usable = [r for r in regions if r[2] >= width * MIN_SHARE and r[3] >= height * MIN_SHARE]
    if not usable:
        return None
    best = max(usable, key=lambda r: r[2] * r[3])
    below = usable[0] if usable[0] is regions[0] else None
    if below is not None and below[2] * below[3] >= 0.6 * best[2] * best[3]:
        return below
    return best
