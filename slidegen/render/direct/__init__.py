"""The direct writer: a planned deck written as slide XML strings straight into the zip.

It gives byte for byte the file python-pptx's path (slidegen/render/deck.py) gives, for the decks
it covers, without python-pptx, lxml or Pillow: the template's parts are copied as compiled
(canonical, see slidegen/render/template/package.py), slides, notes, relationships, content
types, the presentation and the core properties are written as python-pptx and slidegen's text
writer would write them, shape and relationship ids counted rather than searched.
"""
