"""How many slides a deck may have: a bound on the work an outline from a stranger can ask for.

Kept apart from the planner so the command line can show the limit without loading it.
"""

#: Slides a deck may have unless the caller allows more (``--max-slides``): ten times a long
#: conference deck.
MAX_SLIDES = 5_000
#: The most a caller may allow: four parts a slide stay inside a zip without zip64.
MAX_SLIDES_CEILING = 15_000
