"""Tests for quotex.batch: order, errors, long texts and worker processes giving the same records.

Most tests run a blank English pipeline with a sentencizer and quotex's components: it finds
quotes and gazetteer countries, in milliseconds, which is all that batching needs. The tests
that compare worker processes with one process use the statistical model.
"""

from __future__ import annotations

import io
import multiprocessing
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
import pytest
from typer.testing import CliRunner

from quotex import batch
from quotex.batch import (
    BATCH_SIZE,
    TASK_CHARS,
    extract_texts,
    process_inputs,
    process_texts,
)
from quotex.cli import app
from quotex.io import InputItem, iter_inputs
from quotex.records import DocumentRecord, ErrorRecord, Record

if TYPE_CHECKING:
    from spacy.language import Language

SPEAKERS = ["Maria Lopez", "John Smith", "Angela Merkel", "Li Wei", "Olu Adeyemi", "Sara Cohen"]
COUNTRIES = ["Spain", "Germany", "China", "Nigeria", "Israel", "Brazil"]


def article(n: int) -> str:
    """A short news article with quotes, speakers and countries that vary with ``n``."""
    speaker = SPEAKERS[n % len(SPEAKERS)]
    other = SPEAKERS[(n + 1) % len(SPEAKERS)]
    country = COUNTRIES[n % len(COUNTRIES)]
    surname = speaker.split()[-1]
    return (
        f"{speaker}, the foreign minister of {country}, said on Tuesday that talks "
        f"would resume in {n + 2} weeks.\n\n"
        f"“We will not accept a deal that leaves {n} villages without water,” {surname} said.\n\n"
        f"{other}, a spokesman for the United Nations, disagreed. “The plan is fair and the "
        f"money is there,” he told reporters in {COUNTRIES[(n + 2) % len(COUNTRIES)]}.\n\n"
        f"According to {surname}, the first meeting is set for March {n % 28 + 1}.\n"
    )


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"article-{n:03d}.txt"
        path.write_text(article(n), encoding="utf-8")
        paths.append(path)
    return paths


def blank_pipeline() -> Language:
    """A fast pipeline without a statistical model: a sentencizer and quotex's components."""
    import spacy

    from quotex.pipeline import COMPONENTS

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp


@pytest.fixture(scope="module")
def blank() -> Language:
    """One blank pipeline for the tests that do not look at its vocabulary."""
    return blank_pipeline()


def dicts(records: Iterator[Record] | list[Record]) -> list[dict[str, object]]:
    return [record.to_dict() for record in records]


def assert_offsets_slice(text: str, record: Record) -> None:
    assert isinstance(record, DocumentRecord)
    for entity in record.entities:
        assert text[entity.start : entity.end] == entity.text
    for quote in record.quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
        if quote.cue is not None:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text


# Tasks


def test_tasks_are_bounded_in_files_and_characters() -> None:
    entries: list[tuple[str, str, str | None]] = [
        ("x" * 100, f"short-{n}", None) for n in range(BATCH_SIZE + 3)
    ]
    tasks = list(batch._tasks(entries, TASK_CHARS))
    assert [len(t) for t in tasks] == [BATCH_SIZE, 3]
    assert [e for t in tasks for e in t] == entries

    big: list[tuple[str, str, str | None]] = [
        ("x" * (TASK_CHARS // 2), str(n), None) for n in range(5)
    ]
    assert [len(t) for t in batch._tasks(big, TASK_CHARS)] == [2, 2, 1]


def test_file_sizes_come_from_the_file_system(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 123)
    assert batch._size(InputItem("a.txt", path)) == 123
    assert batch._size(InputItem("gone.txt", tmp_path / "gone.txt")) == 0
    assert batch._size(InputItem("-", None)) == 0


# The vocabulary: kept up to KEPT_WORDS, then each task's new words are freed


def coined_texts(first: int, count: int) -> list[tuple[str, str, str | None]]:
    """Short texts, each with words that no other text has."""
    return [
        (f"Maria Lopez said: “The glorbix{n} and the vantrel{n} are ready.”", f"t{n}", None)
        for n in range(first, first + count)
    ]


def known(nlp: Language, first: int, count: int) -> list[bool]:
    """Whether the vocabulary still holds the coined words of each of those texts."""
    return [f"glorbix{n}" in nlp.vocab.strings for n in range(first, first + count)]


def test_words_are_kept_while_the_vocabulary_is_small(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = blank_pipeline()
    monkeypatch.setattr(batch, "KEPT_WORDS", len(nlp.vocab) + 1000)
    extract_texts(coined_texts(0, 4), nlp)
    assert known(nlp, 0, 4) == [True] * 4


def test_words_are_freed_once_the_vocabulary_is_full(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = blank_pipeline()
    monkeypatch.setattr(batch, "KEPT_WORDS", len(nlp.vocab) + 1000)
    extract_texts(coined_texts(0, 1), nlp)
    monkeypatch.setattr(batch, "KEPT_WORDS", len(nlp.vocab))
    records = extract_texts(coined_texts(1, 20), nlp)
    assert known(nlp, 0, 21) == [True] + [False] * 20
    # Freeing the words changes nothing in the records.
    kept = blank_pipeline()
    monkeypatch.setattr(batch, "KEPT_WORDS", 10**9)
    assert dicts([r for r, _ in records]) == dicts(
        [r for r, _ in extract_texts(coined_texts(1, 20), kept)]
    )


def test_one_long_text_never_fills_the_vocabulary(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = blank_pipeline()
    monkeypatch.setattr(batch, "KEPT_WORDS", 10**9)
    long_text = " ".join(f"plomf{n}" for n in range(TASK_CHARS // 8))
    extract_texts([(long_text, "long", None)], nlp)
    assert "plomf1" not in nlp.vocab.strings


# One process and workers, blank pipeline


@pytest.mark.parametrize("jobs", [1, 2])
def test_records_come_in_sorted_path_order(tmp_path: Path, blank: Language, jobs: int) -> None:
    # Written in reverse so that creation order is not the sorted order.
    for n in reversed(range(12)):
        (tmp_path / f"{n:02d}.txt").write_text(article(n), encoding="utf-8")
    records = list(process_inputs(iter_inputs([str(tmp_path)]), blank, jobs=jobs))
    sources = [r.source for r in records]
    assert sources == sorted(sources)
    assert len(sources) == 12
    assert all(isinstance(r, DocumentRecord) and r.quotes for r in records)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bad_file_yields_an_error_record_in_its_place(
    tmp_path: Path, blank: Language, jobs: int
) -> None:
    write_articles(tmp_path, 7)
    (tmp_path / "article-003.txt").write_bytes(b"%PDF-1.7 binary")
    (tmp_path / "article-005.txt").unlink()
    (tmp_path / "article-005.txt").symlink_to(tmp_path / "missing")
    records = list(process_inputs(iter_inputs([str(tmp_path)]), blank, jobs=jobs))
    assert [type(r).__name__ for r in records] == [
        "DocumentRecord",
        "DocumentRecord",
        "DocumentRecord",
        "ErrorRecord",
        "DocumentRecord",
        "ErrorRecord",
        "DocumentRecord",
    ]
    assert records[3] == ErrorRecord(
        source=str(tmp_path / "article-003.txt"), error="binary file (PDF), not text"
    )
    assert records[5] == ErrorRecord(
        source=str(tmp_path / "article-005.txt"), error="broken symbolic link"
    )
    for n in (0, 1, 2, 4, 6):
        assert_offsets_slice(article(n), records[n])


def test_workers_give_the_records_of_one_process(tmp_path: Path, blank: Language) -> None:
    write_articles(tmp_path, 40)
    one = dicts(process_inputs(iter_inputs([str(tmp_path)]), blank, jobs=1))
    two = dicts(process_inputs(iter_inputs([str(tmp_path)]), blank, jobs=2))
    assert one == two


def test_progress_gets_the_words_of_every_input(tmp_path: Path, blank: Language) -> None:
    write_articles(tmp_path, 5)
    (tmp_path / "article-002.txt").write_bytes(b"\x89PNG\r\n\x1a\nimage")
    counts: list[int] = []
    records = list(
        process_inputs(iter_inputs([str(tmp_path)]), blank, jobs=2, progress=counts.append)
    )
    assert len(records) == 5
    assert counts == [len(article(n).split()) if n != 2 else 0 for n in range(5)]


def test_standard_input_is_read_by_the_parent(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, blank: Language
) -> None:
    # A worker's standard input is /dev/null: "-" must be read before the task is sent.
    text = article(4)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    write_articles(tmp_path, 2)
    items = [InputItem("-", None), *iter_inputs([str(tmp_path)])]
    records = list(process_inputs(items, blank, jobs=2))
    assert records[0].source == "-"
    assert_offsets_slice(text, records[0])
    assert isinstance(records[0], DocumentRecord) and records[0].encoding == "utf-8"


def test_closing_the_iterator_stops_the_workers(tmp_path: Path, blank: Language) -> None:
    write_articles(tmp_path, 60)
    records = process_inputs(iter_inputs([str(tmp_path)]), blank, jobs=2)
    assert len(multiprocessing.active_children()) == 2
    first = next(records)
    assert first.source.endswith("article-000.txt")
    records.close()
    assert multiprocessing.active_children() == []


def test_the_window_of_tasks_is_bounded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, blank: Language
) -> None:
    # Memory stays flat: the inputs are read from the iterator only a few tasks ahead.
    write_articles(tmp_path, 200)
    pulled = 0

    def counted() -> Iterator[InputItem]:
        nonlocal pulled
        for item in iter_inputs([str(tmp_path)]):
            pulled += 1
            yield item

    records = process_inputs(counted(), blank, jobs=2)
    next(records)
    ahead = pulled
    records.close()
    window = 2 * batch.TASKS_PER_WORKER
    assert ahead <= (window + 1) * BATCH_SIZE
    assert ahead < 200


# Long texts


def long_text(paragraphs: int) -> str:
    return "\n".join(article(n) for n in range(paragraphs))


@pytest.mark.parametrize("jobs", [1, 2])
def test_text_over_max_length_is_chunked_with_exact_offsets(
    monkeypatch: pytest.MonkeyPatch, blank: Language, jobs: int
) -> None:
    text = long_text(30)
    monkeypatch.setattr(blank, "max_length", 1_000)
    assert len(text) > 10 * blank.max_length
    pairs = [(article(1), "short-before"), (text, "long"), (article(2), "short-after")]
    records = list(process_texts(pairs, blank, jobs=jobs))
    assert [r.source for r in records] == ["short-before", "long", "short-after"]
    long_record = records[1]
    assert_offsets_slice(text, long_record)
    # Every paragraph's two quotes are found, none is cut by a chunk boundary.
    assert len(long_record.quotes) == 2 * 30
    assert_offsets_slice(article(2), records[2])


def test_a_run_without_white_space_gets_the_piecewise_parse(
    monkeypatch: pytest.MonkeyPatch, blank: Language
) -> None:
    from quotex import pipeline

    pieced: list[int] = []
    original = pipeline._parse_in_pieces

    def spy(nlp: Language, text: str):  # type: ignore[no-untyped-def]
        pieced.append(len(text))
        return original(nlp, text)

    monkeypatch.setattr(pipeline, "_parse_in_pieces", spy)
    marks = article(0) + "\n" + "\u201c" * 5_000 + "\n" + article(1)
    records = list(process_texts([(article(2), "plain"), (marks, "marks")], blank))
    assert pieced == [len(marks)]
    assert_offsets_slice(marks, records[1])
    assert len(records[1].quotes) >= 4


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_wrapped_text_is_parsed_joined_and_recorded_as_read(blank: Language, jobs: int) -> None:
    from quotex.pipeline import extract_text
    from test_wrapping import WRAPPED

    (record,) = process_texts([(WRAPPED, "wrapped")], blank, jobs=jobs)
    assert_offsets_slice(WRAPPED, record)
    assert isinstance(record, DocumentRecord)
    # The quote runs across the wrapped line, as one quote, and it is the same record as
    # the one-text path gives.
    assert "The\nnumbers stopped adding up two winters ago." in [q.text for q in record.quotes]
    assert record == extract_text(WRAPPED, nlp=blank, source="wrapped")


def test_extract_texts_takes_files_and_texts(tmp_path: Path, blank: Language) -> None:
    (path,) = write_articles(tmp_path, 1)
    done = extract_texts([InputItem("file", path), (article(3), "text", None)], blank)
    assert [(r.source, words) for r, words in done] == [
        ("file", len(article(0).split())),
        ("text", len(article(3).split())),
    ]


# The statistical model


@pytest.mark.model
def test_model_records_are_the_same_with_workers(tmp_path: Path, nlp: Language) -> None:
    write_articles(tmp_path, 24)
    one = dicts(process_inputs(iter_inputs([str(tmp_path)]), nlp, jobs=1))
    two = dicts(process_inputs(iter_inputs([str(tmp_path)]), nlp, jobs=2))
    assert one == two
    assert [r["source"] for r in one] == sorted(str(p) for p in tmp_path.glob("*.txt"))
    # The articles are parsed: speakers are attributed, so the comparison is not vacuous.
    assert any(q["speaker"] for r in one for q in r["quotes"])  # type: ignore[attr-defined]


@pytest.mark.model
def test_model_long_text_over_max_length(monkeypatch: pytest.MonkeyPatch, nlp: Language) -> None:
    text = long_text(12)
    monkeypatch.setattr(nlp, "max_length", 1_000)
    assert len(text) > 3 * nlp.max_length
    (record,) = process_texts([(text, "long")], nlp)
    assert_offsets_slice(text, record)
    assert len(record.quotes) == 2 * 12
    assert {e.text for e in record.entities} >= {"Spain", "Germany", "Nigeria"}


@pytest.mark.model
def test_cli_jobs_2_writes_the_jsonl_of_jobs_1(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 10)
    (tmp_path / "in" / "article-004.txt").write_bytes(b"PK\x03\x04zip")
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        # FORCE_COLOR makes stderr a terminal to Rich, so the progress bar is drawn; it must
        # never reach the JSONL on stdout.
        result = runner.invoke(
            app,
            ["extract", str(tmp_path / "in"), "--format", "jsonl", "--jobs", jobs],
            env={"FORCE_COLOR": "1"},
        )
        assert result.exit_code == 1, result.output
        assert "extracting" in result.stderr
        assert f"quotex: error: {tmp_path / 'in' / 'article-004.txt'}: binary file" in (
            result.stderr
        )
        lines = result.stdout.splitlines()
        assert len(lines) == 10
        outputs.append([orjson.loads(line) for line in lines])
    assert outputs[0] == outputs[1]
    assert outputs[0][4] == {
        "schema_version": 1,
        "source": str(tmp_path / "in" / "article-004.txt"),
        "error": "binary file (ZIP archive or Office document), not text",
    }
