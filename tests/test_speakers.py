"""Tests for quotex.speakers: aggregating extraction output over a corpus."""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import pytest
from rich.console import Console

from quotex.errors import QuotexError
from quotex.records import DocumentRecord, ErrorRecord, Quote, Record, Speaker
from quotex.speakers import (
    SpeakerRow,
    aggregate_speakers,
    filter_rows,
    read_records,
    speakers_table,
)


def _quote(text: str, name: str | None, label: str | None = "PERSON") -> Quote:
    speaker = None
    if name is not None:
        speaker = Speaker(name=name, label=label, text=name.split()[-1], start=0, end=1)  # type: ignore[arg-type]
    return Quote(text=text, start=0, end=len(text), speaker=speaker)


RECORDS: list[Record] = [
    DocumentRecord(
        source="a.txt",
        quotes=(
            _quote("We will win.", "Maria Lopez"),
            _quote("No  surrender,\never.", "Maria Lopez"),
            _quote("Talks are over.", "Foreign Ministry", "ORG"),
            _quote("Who knows?", None),
        ),
    ),
    ErrorRecord(source="broken.txt", error="cannot decode"),
    DocumentRecord(
        source="b.txt",
        quotes=(
            _quote("Maybe later.", "Maria Lopez"),
            _quote("One two three four five six.", "John Smith"),
            _quote("Talks resume.", "Foreign Ministry", "ORG"),
        ),
    ),
    DocumentRecord(source="c.txt"),
]

EXPECTED = [
    SpeakerRow(name="Maria Lopez", label="PERSON", quotes=3, words=8, documents=2),
    SpeakerRow(name="Foreign Ministry", label="ORG", quotes=2, words=5, documents=2),
    SpeakerRow(name="John Smith", label="PERSON", quotes=1, words=6, documents=1),
]


def test_aggregate_counts_quotes_words_and_documents() -> None:
    assert aggregate_speakers(RECORDS) == EXPECTED


def test_aggregate_sorts_by_quotes_then_words_then_name() -> None:
    records = [
        DocumentRecord(
            source="x",
            quotes=(
                _quote("a b", "Zed"),
                _quote("a b", "Amy"),
                _quote("a b c", "Bob"),
            ),
        )
    ]
    assert [r.name for r in aggregate_speakers(records)] == ["Bob", "Amy", "Zed"]


def test_same_name_with_different_labels_are_different_rows() -> None:
    records = [
        DocumentRecord(source="x", quotes=(_quote("a", "Jordan"), _quote("b", "Jordan", "COUNTRY")))
    ]
    assert {(r.name, r.label) for r in aggregate_speakers(records)} == {
        ("Jordan", "PERSON"),
        ("Jordan", "COUNTRY"),
    }


def test_repeated_source_counts_one_document() -> None:
    record = DocumentRecord(source="same.txt", quotes=(_quote("a", "Amy"),))
    assert aggregate_speakers([record, record]) == [SpeakerRow("Amy", "PERSON", 2, 2, 1)]


def test_nothing_to_aggregate() -> None:
    assert aggregate_speakers([]) == []
    assert aggregate_speakers([DocumentRecord(source="x", quotes=(_quote("a", None),))]) == []


def test_filter_by_label_and_top() -> None:
    assert filter_rows(EXPECTED, "PERSON", None) == [EXPECTED[0], EXPECTED[2]]
    assert filter_rows(EXPECTED, "org", None) == [EXPECTED[1]]
    assert filter_rows(EXPECTED, None, 2) == EXPECTED[:2]
    assert filter_rows(EXPECTED, "PERSON", 1) == [EXPECTED[0]]
    assert filter_rows(EXPECTED, None, 0) == []
    assert filter_rows(EXPECTED, None, None) == EXPECTED
    assert filter_rows(iter(EXPECTED), "LOCATION", 5) == []


def test_filter_errors() -> None:
    with pytest.raises(QuotexError, match="unknown label 'people': use one of PERSON, COUNTRY"):
        filter_rows(EXPECTED, "people", None)
    with pytest.raises(QuotexError, match="top must be 0 or more, not -1"):
        filter_rows(EXPECTED, None, -1)


def _write_jsonl(path: Path, records: list[Record], extra: bytes = b"") -> None:
    with path.open("wb") as handle:
        for record in records:
            handle.write(orjson.dumps(record.to_dict(), option=orjson.OPT_APPEND_NEWLINE))
        handle.write(extra)


def test_read_records_round_trip(tmp_path: Path) -> None:
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    _write_jsonl(first, RECORDS[:2], extra=b"\n   \n")
    _write_jsonl(second, RECORDS[2:])
    records = list(read_records([first, second]))
    assert records == RECORDS
    assert aggregate_speakers(read_records([first, second])) == EXPECTED


@pytest.mark.parametrize(
    "bad_line",
    [b"{not json", b"[1, 2]", b'{"quotes": []}', b'{"source": "x", "entities": [{"nope": 1}]}'],
)
def test_read_records_bad_line(tmp_path: Path, bad_line: bytes) -> None:
    path = tmp_path / "bad.jsonl"
    _write_jsonl(path, RECORDS[:2], extra=b"\n" + bad_line + b"\n")
    records = read_records([path])
    assert next(records) == RECORDS[0]  # streamed: the good lines come before the error
    with pytest.raises(QuotexError) as caught:
        list(records)
    assert str(caught.value) == f"{path}:4: not a quotex JSONL record"


def test_read_records_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.jsonl"
    with pytest.raises(QuotexError, match=r"missing\.jsonl: cannot read: No such file"):
        list(read_records([path]))


def test_read_records_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"".join(orjson.dumps(r.to_dict(), option=orjson.OPT_APPEND_NEWLINE) for r in RECORDS)

    class FakeStdin:
        buffer = io.BytesIO(data + b"oops\n")

    monkeypatch.setattr("sys.stdin", FakeStdin)
    records = read_records([Path("-")])
    assert [next(records) for _ in RECORDS] == RECORDS
    with pytest.raises(QuotexError, match=r"^<stdin>:5: not a quotex JSONL record$"):
        next(records)


def test_speakers_table() -> None:
    rows = [*EXPECTED, SpeakerRow("Nobody", None, 1, 1, 1)]
    table = speakers_table(rows)
    assert [c.header for c in table.columns] == ["speaker", "label", "quotes", "words", "documents"]
    assert table.row_count == 4
    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(table)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert "Maria Lopez" in output and "Foreign Ministry" in output
    lines = [line.split() for line in output.splitlines() if "Nobody" in line]
    assert lines == [["Nobody", "│", "-", "│", "1", "│", "1", "│", "1"]]


def test_row_to_dict() -> None:
    assert EXPECTED[0].to_dict() == {
        "name": "Maria Lopez",
        "label": "PERSON",
        "quotes": 3,
        "words": 8,
        "documents": 2,
    }
