"""The direct writer: a planned deck written as slide XML strings straight into the zip.

It gives byte for byte the file python-pptx's path (slidegen/render/deck.py) gives, for the decks
it covers, without python-pptx's object model: the template's parts are copied (a compiled
template's are written canonical, slidegen/render/template/package.py; a house template's are
written back as lxml would, dom.py), and slides, notes, relationships, content types, the
presentation and the core properties are written as python-pptx and slidegen's text writer
would write them, shape and relationship ids counted rather than searched. On a compiled
template it needs neither python-pptx, lxml nor Pillow (Pillow only for picture files; a chart's
own part and workbook are built by python-pptx's chart code, slidegen/render/chart.py, loaded
only for a deck that has charts).

Modules: xml (escaping), dom (expat tree written as lxml writes), template and package (reading
a template), text (paragraphs), shapes (drawn shapes, text boxes, tables), pictures (image parts),
charts (chart parts and frames), slide, notes, parts (presentation, core properties, content
types), archive (the zip), deck (the whole). slidegen/render/writer.py decides which writer
renders a deck.
"""
