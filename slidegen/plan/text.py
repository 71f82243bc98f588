"""Making author text safe to write: NFC, and no characters that XML forbids.

Text pasted from Word often carries U+000B (vertical tab) or other C0 controls, which XML 1.0
cannot hold; PowerPoint then refuses the file. They are removed here, and the caller warns.
"""

from __future__ import annotations

import re
import unicodedata

# Characters XML 1.0 forbids (keeping tab and newline), plus U+FFFE/U+FFFF and lone surrogates.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> tuple[str, int]:
    """The text in NFC without XML-illegal characters, and how many were removed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    cleaned, removed = _ILLEGAL.subn("", text)
    return cleaned, removed
