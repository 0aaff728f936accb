"""quotex: find quotations in English news text and say who said them.

Importing quotex is cheap: spaCy is imported only when a pipeline is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quotex.errors import QuotexError
from quotex.records import SCHEMA_VERSION, Cue, DocumentRecord, Entity, ErrorRecord, Quote, Speaker

if TYPE_CHECKING:
    from spacy.language import Language

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Cue",
    "DocumentRecord",
    "Entity",
    "ErrorRecord",
    "Quote",
    "QuotexError",
    "Speaker",
    "__version__",
    "extract",
    "load",
]


def load(model: str | None = None) -> Language:
    """Load a spaCy pipeline with quotex's components added (see :func:`quotex.pipeline.load`)."""
    from quotex.pipeline import load as _load

    return _load(model)


def extract(
    text: str, *, nlp: Language | None = None, source: str = "-", **kwargs: Any
) -> DocumentRecord:
    """Entities and attributed quotations in ``text``, as a :class:`DocumentRecord`."""
    from quotex.pipeline import extract_text

    return extract_text(text, nlp=nlp, source=source, **kwargs)
