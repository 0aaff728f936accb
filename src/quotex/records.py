"""Output records: frozen dataclasses with character offsets into the decoded input.

These are the JSONL schema (see ``docs/schema.md``). spaCy objects are turned into records at the
edge, in :mod:`quotex.pipeline`; nothing downstream of this module ever sees a ``Span``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

#: Bumped whenever a field is removed or changes meaning. Adding a field does not bump it.
SCHEMA_VERSION = 1

Label = Literal["PERSON", "COUNTRY", "ORG", "LOCATION"]
LABELS: tuple[Label, ...] = ("PERSON", "COUNTRY", "ORG", "LOCATION")


@dataclass(frozen=True, slots=True)
class Entity:
    """One mention of a person, country, organisation or other place."""

    text: str
    label: Label
    start: int
    end: int
    #: The entity's canonical name in this document ("Vladimir Putin" for "Putin").
    name: str
    #: ISO 3166-1 alpha-2 code, for COUNTRY only.
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """The mention a rule attached to a quote, and the entity it stands for."""

    #: Canonical name: "Alexander Fomin" when the mention is "He".
    name: str
    label: Label | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Cue:
    """The word or phrase that introduces the quote ("said", "according to")."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` cover the words inside the quote marks."""

    text: str
    start: int
    end: int
    speaker: Speaker | None = None
    cue: Cue | None = None


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """Everything quotex found in one input document."""

    source: str
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    encoding: str | None = None
    schema_version: int = field(default=SCHEMA_VERSION)

    def to_dict(self) -> dict[str, Any]:
        """The JSONL object for this document, with ``schema_version`` and ``source`` first."""
        # Built by hand: dataclasses.asdict deep-copies every value, and on a batch run that
        # cost as much as the quotation finder.
        return {
            "schema_version": self.schema_version,
            "source": self.source,
            "entities": [_fields(entity) for entity in self.entities],
            "quotes": [_quote_dict(quote) for quote in self.quotes],
            "encoding": self.encoding,
        }


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A document that could not be processed, so that ``jq 'select(.error)'`` finds it."""

    source: str
    error: str
    schema_version: int = field(default=SCHEMA_VERSION)

    def to_dict(self) -> dict[str, Any]:
        """The JSONL object for this failure."""
        return {"schema_version": self.schema_version, "source": self.source, "error": self.error}


Record = DocumentRecord | ErrorRecord


def _fields(record: Entity | Speaker | Cue) -> dict[str, Any]:
    # A slotted dataclass lists its fields, in order, in __slots__.
    return {name: getattr(record, name) for name in record.__slots__}


def _quote_dict(quote: Quote) -> dict[str, Any]:
    return {
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "speaker": None if quote.speaker is None else _fields(quote.speaker),
        "cue": None if quote.cue is None else _fields(quote.cue),
    }


def record_from_dict(data: dict[str, Any]) -> Record:
    """Rebuild a record from its JSONL object (the inverse of ``to_dict``)."""
    if "error" in data:
        return ErrorRecord(source=data["source"], error=data["error"])
    entities = tuple(Entity(**e) for e in data.get("entities", ()))
    quotes = []
    for q in data.get("quotes", ()):
        speaker = Speaker(**q["speaker"]) if q.get("speaker") else None
        cue = Cue(**q["cue"]) if q.get("cue") else None
        quotes.append(
            Quote(text=q["text"], start=q["start"], end=q["end"], speaker=speaker, cue=cue)
        )
    return DocumentRecord(
        source=data["source"],
        entities=entities,
        quotes=tuple(quotes),
        encoding=data.get("encoding"),
        schema_version=data.get("schema_version", SCHEMA_VERSION),
    )
