"""The same content as a slidegen bench outline, written with plain python-pptx, as a user would.

    python bench/floor_pptx.py deck.yaml out.pptx

A title slide, then for every item one "Title and Content" slide with its bullets and notes
(python-pptx's default template). Section dividers are added too, so the slide count matches.
"""

from __future__ import annotations

import sys

import yaml
from pptx import Presentation


def main(outline: str, target: str) -> None:
    with open(outline, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    presentation = Presentation()
    title_layout, content_layout, section_layout = (presentation.slide_layouts[i] for i in (0, 1, 2))
    first = presentation.slides.add_slide(title_layout)
    first.shapes.title.text = data["deck"]["title"]
    for section in data["sections"]:
        divider = presentation.slides.add_slide(section_layout)
        divider.shapes.title.text = section["title"]
        for number, item in enumerate(section["items"], start=1):
            for spec in item["slides"]:
                slide = presentation.slides.add_slide(content_layout)
                slide.shapes.title.text = f"{number}. {item['title']}"
                frame = slide.placeholders[1].text_frame
                frame.text = spec["bullets"][0]
                for bullet in spec["bullets"][1:]:
                    frame.add_paragraph().text = bullet
                slide.notes_slide.notes_text_frame.text = spec["notes"]
    presentation.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
