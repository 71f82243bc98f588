"""PDF pages to PNG images, and a contact sheet of numbered thumbnails (pypdfium2 + Pillow)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

THUMB_WIDTH = 320
SHEET_COLUMNS = 4
MARGIN = 16
LABEL_HEIGHT = 22


def pdf_page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def render_pages(pdf: Path, out_dir: Path, width: int = 1280) -> list[Path]:
    """One PNG per page, ``slide-001.png`` …, ``width`` pixels wide."""
    import pypdfium2 as pdfium

    out_dir.mkdir(parents=True, exist_ok=True)
    document = pdfium.PdfDocument(str(pdf))
    paths = []
    try:
        for index in range(len(document)):
            page = document[index]
            scale = width / page.get_width()
            image = page.render(scale=scale).to_pil()
            path = out_dir / f"slide-{index + 1:03d}.png"
            image.save(path, optimize=True)
            paths.append(path)
            page.close()
    finally:
        document.close()
    return paths


def contact_sheet(pages: list[Path], target: Path, columns: int = SHEET_COLUMNS,
                  thumb_width: int = THUMB_WIDTH) -> tuple[int, int]:
    """A grid of numbered thumbnails in one PNG; returns its (width, height)."""
    thumbs = []
    for page in pages:
        with Image.open(page) as image:
            height = round(image.height * thumb_width / image.width)
            thumbs.append(image.convert("RGB").resize((thumb_width, height), Image.Resampling.LANCZOS))
    thumb_height = max((t.height for t in thumbs), default=0)
    size = sheet_size(len(thumbs), thumb_width, thumb_height, columns)
    sheet = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default()
    for n, thumb in enumerate(thumbs):
        row, column = divmod(n, columns)
        x = MARGIN + column * (thumb_width + MARGIN)
        y = MARGIN + row * (thumb_height + LABEL_HEIGHT + MARGIN)
        sheet.paste(thumb, (x, y))
        draw.rectangle([x - 1, y - 1, x + thumb_width, y + thumb.height], outline=(190, 190, 190))
        draw.text((x, y + thumb_height + 4), f"{n + 1}", fill=(40, 40, 40), font=font)
    target.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(target, optimize=True)
    return size


def sheet_size(count: int, thumb_width: int, thumb_height: int, columns: int = SHEET_COLUMNS) -> tuple[int, int]:
    rows = (count + columns - 1) // columns
    width = MARGIN + min(count, columns) * (thumb_width + MARGIN)
    height = MARGIN + rows * (thumb_height + LABEL_HEIGHT + MARGIN)
    return width, height
