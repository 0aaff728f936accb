"""Who is quoted across a corpus: aggregating the JSONL that ``quotex extract`` writes."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson
from rich.table import Table

from quotex.errors import QuotexError
from quotex.records import LABELS, DocumentRecord, Record, record_from_dict

__all__ = ["SpeakerRow", "aggregate_speakers", "filter_rows", "read_records", "speakers_table"]


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """One speaker over the corpus: how often, how much, and in how many documents."""

    name: str
    label: str | None
    quotes: int
    words: int
    documents: int

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this row."""
        return asdict(self)


@dataclass(slots=True)
class _Tally:
    quotes: int = 0
    words: int = 0
    sources: set[str] = field(default_factory=set)


def aggregate_speakers(records: Iterable[Record]) -> list[SpeakerRow]:
    """One row per speaker (canonical name and label) over all ``records``.

    Error records and unattributed quotes are not counted. ``words`` counts the white-space
    separated words inside the quotes; ``documents`` counts distinct sources.

    Returns:
        The rows, most quotes first, then most words, then by name.
    """
    tallies: dict[tuple[str, str | None], _Tally] = {}
    for record in records:
        if not isinstance(record, DocumentRecord):
            continue
        for quote in record.quotes:
            if quote.speaker is None:
                continue
            tally = tallies.setdefault((quote.speaker.name, quote.speaker.label), _Tally())
            tally.quotes += 1
            tally.words += len(quote.text.split())
            tally.sources.add(record.source)
    rows = [
        SpeakerRow(name, label, t.quotes, t.words, len(t.sources))
        for (name, label), t in tallies.items()
    ]
    rows.sort(key=lambda r: (-r.quotes, -r.words, r.name, r.label or ""))
    return rows


def read_records(paths: Sequence[Path]) -> Iterator[Record]:
    """Stream the records in JSONL files written by ``quotex extract``, a line at a time.

    A path of ``-`` reads standard input, so that ``quotex extract … | quotex speakers -`` works.
    Blank lines are skipped; error records are yielded like any other.

    Raises:
        QuotexError: A file cannot be read, or a line is not a quotex record (the message names
            the file and line).
    """
    for path in paths:
        if str(path) == "-":
            yield from _read_lines(sys.stdin.buffer, "<stdin>")
            continue
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed below; a generator must not leak it
        except OSError as exc:
            raise QuotexError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        with handle:
            yield from _read_lines(handle, str(path))


def _read_lines(handle: IO[bytes], name: str) -> Iterator[Record]:
    for lineno, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            data = orjson.loads(line)
            if not isinstance(data, dict):
                raise TypeError("not an object")
            record = record_from_dict(data)
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
            raise QuotexError(f"{name}:{lineno}: not a quotex JSONL record") from exc
        yield record


def filter_rows(rows: Iterable[SpeakerRow], label: str | None, top: int | None) -> list[SpeakerRow]:
    """The rows with ``label`` (any case; None keeps all), then the first ``top`` (None: all).

    Raises:
        QuotexError: ``label`` is not a quotex label, or ``top`` is negative.
    """
    if top is not None and top < 0:
        raise QuotexError(f"top must be 0 or more, not {top}")
    kept = list(rows)
    if label is not None:
        wanted = label.upper()
        if wanted not in LABELS:
            raise QuotexError(f"unknown label {label!r}: use one of {', '.join(LABELS)}")
        kept = [row for row in kept if row.label == wanted]
    return kept if top is None else kept[:top]


def speakers_table(rows: Iterable[SpeakerRow]) -> Table:
    """A Rich table of ``rows`` for the terminal: speaker, label, quotes, words, documents."""
    table = Table(show_edge=False, header_style="bold")
    table.add_column("speaker", overflow="fold")
    table.add_column("label", style="dim")
    table.add_column("quotes", justify="right")
    table.add_column("words", justify="right")
    table.add_column("documents", justify="right")
    for row in rows:
        table.add_row(
            row.name, row.label or "-", str(row.quotes), str(row.words), str(row.documents)
        )
    return table
