"""Running the pipeline over many inputs, in one process or in worker processes.

Inputs are grouped into small tasks (a few files, a bounded number of characters). A task is
read, decoded and streamed through ``nlp.pipe(..., as_tuples=True)`` and becomes finished
records, so that only small records, never ``Doc`` objects, cross between processes. With one
job the tasks run in this process; with more, forked workers run them while this process
yields their records in input order. Only a bounded window of tasks is in flight, so memory
stays flat however large the corpus is.

The unit of work is :func:`extract_input`, a pure function from an input to a record, so that a
distributed engine (Dask, Ray) can map it unchanged.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from quotex.errors import InputError
from quotex.io import InputItem, read_input
from quotex.records import DocumentRecord, ErrorRecord, Record

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult, Pool

    from spacy.language import Language

__all__ = [
    "BATCH_SIZE",
    "BatchOptions",
    "extract_input",
    "extract_texts",
    "process_inputs",
    "process_texts",
]

#: Documents per ``nlp.pipe`` batch. PERF.md: peak memory grows with tokens per batch, and
#: spaCy's default of 1000 is far too large for long news articles. Throughput hardly changes
#: between 4 and 32 on this model, so the batch can stay small.
BATCH_SIZE = 16

#: Characters per task (about 5 news articles), in one process as with workers, so that the
#: batches, and so the results, are the same. Small tasks keep the workers equally busy up to
#: the end of a run and bound the memory of a batch of long articles; a task costs about a
#: millisecond of overhead.
TASK_CHARS = 20_000

#: Vocabulary size up to which tasks add their words for good (see ``_run_task``). The size
#: counts every word the vocabulary ever made, freed ones too, so it only grows. The 840 PolNeAR
#: train articles (about 530,000 words) bring the model's 764 words to 30,000; a word kept costs
#: a few hundred bytes.
KEPT_WORDS = 50_000

#: Tasks in flight per worker. More only buys memory; fewer lets a worker go idle while its
#: next task is being sent.
TASKS_PER_WORKER = 3


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What every worker needs to know to process an input."""

    model: str | None = None
    encoding: str | None = None


#: A text already in memory: ``(text, source, encoding)``.
_Text: TypeAlias = tuple[str, str, str | None]
#: What a task holds: a file for the worker to read, or a text read by the parent.
_Entry: TypeAlias = InputItem | _Text
#: A finished input: its record and its number of words (whitespace-separated).
_Done: TypeAlias = tuple[Record, int]

# Each worker process holds one pipeline, inherited from the parent by fork (or loaded once).
_WORKER_NLP: Language | None = None
_WORKER_OPTIONS = BatchOptions()


def extract_input(item: InputItem, nlp: Language, encoding: str | None = None) -> Record:
    """Read one input and extract its record.

    Args:
        item: The input, from :func:`quotex.io.iter_inputs`.
        nlp: The quotex pipeline (:func:`quotex.pipeline.load`).
        encoding: A codec name to decode with instead of detecting.

    Returns:
        The document's record, or an :class:`ErrorRecord` if it cannot be read or decoded.
    """
    return _run_task([item], nlp, encoding)[0][0]


def extract_texts(
    entries: Sequence[InputItem | tuple[str, str, str | None]],
    nlp: Language,
    encoding: str | None = None,
) -> list[tuple[Record, int]]:
    """Extract the records of a few inputs with one ``nlp.pipe`` call.

    Args:
        entries: Inputs to read, or ``(text, source, encoding)`` triples already read.
        nlp: The quotex pipeline.
        encoding: A codec name to read the inputs with instead of detecting.

    Returns:
        ``(record, words)`` for each entry, in order. Unreadable inputs become
        :class:`ErrorRecord` (0 words). Texts longer than ``nlp.max_length`` are parsed in
        paragraph chunks, with offsets into the whole text.
    """
    return _run_task(entries, nlp, encoding)


def _run_task(entries: Sequence[_Entry], nlp: Language, encoding: str | None) -> list[_Done]:
    # A memory zone frees the words that the task's documents added to the vocabulary (and the
    # tokenizer's cache), so that a run over tens of thousands of articles stays flat. Nothing
    # but records leaves it. But a pipeline loads with only a few hundred words, and a zone
    # around every task would make each task add "the" and "said" again: a fifth of the parse
    # time on news. So the first tasks keep their words, up to a bounded vocabulary, and only
    # the words that are new after that live in a zone. A task of one long text (beyond
    # TASK_CHARS) always gets a zone, so that a single book cannot fill the vocabulary.
    if len(nlp.vocab) < KEPT_WORDS and sum(_size(entry) for entry in entries) <= TASK_CHARS:
        return _records_of(entries, nlp, encoding)
    with nlp.memory_zone():
        return _records_of(entries, nlp, encoding)


def _records_of(entries: Sequence[_Entry], nlp: Language, encoding: str | None) -> list[_Done]:
    from quotex.pipeline import doc_to_record, extract_text, has_long_run
    from quotex.wrapping import unwrap_lines

    done: list[_Done | None] = [None] * len(entries)
    short: list[tuple[str, tuple[int, str, str | None, int, str]]] = []
    for n, entry in enumerate(entries):
        text_encoding: str | None
        if isinstance(entry, InputItem):
            try:
                decoded = read_input(entry, encoding=encoding)
            except InputError as error:
                done[n] = (ErrorRecord(source=entry.source, error=error.reason), 0)
                continue
            text, source, text_encoding = decoded.text, entry.source, decoded.encoding
        else:
            text, source, text_encoding = entry
        # Both need their own parse: chunks beyond max_length, and runs without white space
        # that the tokenizer would take quadratic time over.
        if len(text) > nlp.max_length or has_long_run(text):
            record = extract_text(text, nlp=nlp, source=source, encoding=text_encoding)
            done[n] = (record, len(text.split()))
        else:
            # Parsed with hard-wrapped lines joined; the record keeps the text as read.
            context = (n, source, text_encoding, len(text.split()), text)
            short.append((unwrap_lines(text), context))
    for doc, (n, source, text_encoding, words, text) in nlp.pipe(
        short, as_tuples=True, batch_size=BATCH_SIZE
    ):
        done[n] = (doc_to_record(doc, source, text_encoding, text), words)
    finished = [d for d in done if d is not None]
    assert len(finished) == len(done)
    return finished


def _size(entry: _Entry) -> int:
    if isinstance(entry, InputItem):
        if entry.path is None:
            return 0
        try:
            return entry.path.stat().st_size
        except OSError:
            return 0
    return len(entry[0])


def _tasks(entries: Iterable[_Entry], max_chars: int) -> Iterator[list[_Entry]]:
    """Consecutive groups of at most ``BATCH_SIZE`` entries and ``max_chars`` characters (or of
    one longer entry): the peak memory of a batch grows with its tokens."""
    task: list[_Entry] = []
    chars = 0
    for entry in entries:
        size = _size(entry)
        if task and (len(task) >= BATCH_SIZE or chars + size > max_chars):
            yield task
            task, chars = [], 0
        task.append(entry)
        chars += size
    if task:
        yield task


def _parent_reads(items: Iterable[InputItem], encoding: str | None) -> Iterator[_Entry]:
    # A worker's standard input is /dev/null, so "-" is read here; files are read by workers.
    for item in items:
        if item.path is None and item.error is None:
            try:
                decoded = read_input(item, encoding=encoding)
            except InputError as error:
                # An error item: the worker turns it into an ErrorRecord without reading.
                yield InputItem(item.source, None, error.reason)
                continue
            yield decoded.text, item.source, decoded.encoding
        else:
            yield item


def _worker_init(options: BatchOptions) -> None:
    global _WORKER_NLP, _WORKER_OPTIONS
    # Ctrl-C reaches the whole process group: the parent stops the pool, workers stay quiet.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_OPTIONS = options
    if _WORKER_NLP is None:
        from quotex.pipeline import load

        _WORKER_NLP = load(options.model)


def _worker_task(entries: list[_Entry]) -> list[_Done]:
    assert _WORKER_NLP is not None
    return _run_task(entries, _WORKER_NLP, _WORKER_OPTIONS.encoding)


def _start_pool(nlp: Language, jobs: int, options: BatchOptions) -> Pool:
    global _WORKER_NLP
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        # Forked workers inherit the parent's loaded pipeline instead of loading their own.
        _WORKER_NLP = nlp
        # Objects the collector never visits stay shared with the workers: a collection in a
        # worker would otherwise write to, and so copy, every page of the parent's heap.
        gc.freeze()
    return multiprocessing.get_context(method).Pool(
        jobs, initializer=_worker_init, initargs=(options,)
    )


def _ordered(pool: Pool, tasks: Iterator[list[_Entry]], window: int) -> Generator[_Done]:
    """Results of ``tasks`` in order, with at most ``window`` tasks submitted and unread."""
    try:
        pending: deque[AsyncResult[list[_Done]]] = deque()
        for task in tasks:
            pending.append(pool.apply_async(_worker_task, (task,)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        # Also on an error, Ctrl-C or an abandoned generator: stop the workers now.
        pool.terminate()
        pool.join()
        gc.unfreeze()


def _run(
    entries: Iterable[_Entry],
    nlp: Language,
    jobs: int,
    options: BatchOptions,
) -> Generator[_Done]:
    if jobs <= 1:
        return (
            done
            for task in _tasks(entries, TASK_CHARS)
            for done in _run_task(task, nlp, options.encoding)
        )
    # The pool starts here, before the caller iterates, so that no other thread of the caller
    # (a progress display) is running when the workers are forked.
    pool = _start_pool(nlp, jobs, options)
    return _ordered(pool, _tasks(entries, TASK_CHARS), jobs * TASKS_PER_WORKER)


def process_inputs(
    items: Iterable[InputItem],
    nlp: Language,
    *,
    jobs: int = 1,
    options: BatchOptions | None = None,
    progress: Callable[[int], None] | None = None,
) -> Generator[Record]:
    """Extract one record per input, in input order, using ``jobs`` processes.

    With ``jobs`` > 1 the worker processes start when this function is called (they are forked
    and share the loaded ``nlp``), and they are stopped when the iterator is exhausted or
    closed. The records are the same as with one job.

    Args:
        items: Inputs from :func:`quotex.io.iter_inputs`; consumed lazily.
        nlp: The quotex pipeline (:func:`quotex.pipeline.load`).
        jobs: Number of processes.
        options: The model name (for workers that cannot fork) and the input encoding.
        progress: Called once per input, with its number of words (separated by white
            space), just before its record is yielded: for progress displays.

    Returns:
        An iterator of records; an input that cannot be read yields an :class:`ErrorRecord`
        in its place.
    """
    options = options or BatchOptions()
    results = _run(_parent_reads(items, options.encoding), nlp, jobs, options)
    return _records(results, progress)


def _records(
    results: Generator[_Done], progress: Callable[[int], None] | None
) -> Generator[Record]:
    with closing(results):
        for record, words in results:
            if progress is not None:
                progress(words)
            yield record


def process_texts(
    pairs: Iterable[tuple[str, str]],
    nlp: Language,
    *,
    jobs: int = 1,
    options: BatchOptions | None = None,
) -> Generator[DocumentRecord]:
    """Extract one record per ``(text, source)`` pair, in order, using ``jobs`` processes.

    Args:
        pairs: Texts and their source names; consumed lazily.
        nlp: The quotex pipeline.
        jobs: Number of processes.
        options: The model name, for workers that cannot fork.

    Returns:
        An iterator of records, as :func:`process_inputs`.
    """
    entries: Iterator[_Entry] = ((text, source, None) for text, source in pairs)
    return _documents(_records(_run(entries, nlp, jobs, options or BatchOptions()), None))


def _documents(records: Generator[Record]) -> Generator[DocumentRecord]:
    # A text in memory cannot fail to be read, so every record is a document.
    with closing(records):
        for record in records:
            assert isinstance(record, DocumentRecord)
            yield record
