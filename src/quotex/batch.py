"""Running the pipeline over many inputs: one process streaming through ``nlp.pipe``, or worker
processes that each return finished records.

The unit of work is :func:`extract_input`, a pure function from an input to a record, so that a
distributed engine (Dask, Ray) can map it unchanged.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quotex.errors import InputError
from quotex.io import InputItem, read_input
from quotex.records import DocumentRecord, ErrorRecord, Record

if TYPE_CHECKING:
    from spacy.language import Language

#: Documents per ``nlp.pipe`` batch. PERF.md: peak memory grows with tokens per batch, and
#: spaCy's default of 1000 is far too large for long news articles.
BATCH_SIZE = 16


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What every worker needs to know to process an input."""

    model: str | None = None
    encoding: str | None = None


# Each worker process holds one pipeline, loaded once (or inherited from the parent by fork).
_WORKER_NLP: Language | None = None
_WORKER_OPTIONS = BatchOptions()


def _worker_init(options: BatchOptions) -> None:
    global _WORKER_NLP, _WORKER_OPTIONS
    _WORKER_OPTIONS = options
    if _WORKER_NLP is None:
        from quotex.pipeline import load

        _WORKER_NLP = load(options.model)


def extract_input(item: InputItem, nlp: Language, encoding: str | None = None) -> Record:
    """Read one input and extract its record; a bad input becomes an :class:`ErrorRecord`."""
    from quotex.pipeline import extract_text

    try:
        decoded = read_input(item, encoding=encoding)
    except InputError as error:
        return ErrorRecord(source=item.source, error=error.reason)
    return extract_text(decoded.text, nlp=nlp, source=item.source, encoding=decoded.encoding)


def _worker_extract(item: InputItem) -> Record:
    assert _WORKER_NLP is not None
    return extract_input(item, _WORKER_NLP, _WORKER_OPTIONS.encoding)


def process_inputs(
    items: Iterable[InputItem],
    nlp: Language,
    *,
    jobs: int = 1,
    options: BatchOptions | None = None,
) -> Iterator[Record]:
    """Yield one record per input, in input order, using ``jobs`` processes."""
    options = options or BatchOptions()
    if jobs <= 1:
        yield from _process_serial(items, nlp, options)
        return
    global _WORKER_NLP
    # Forked workers inherit the parent's loaded pipeline instead of loading their own.
    _WORKER_NLP = nlp
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_worker_init, initargs=(options,)) as pool:
        yield from pool.imap(_worker_extract, items, chunksize=2)


def _process_serial(
    items: Iterable[InputItem], nlp: Language, options: BatchOptions
) -> Iterator[Record]:
    """Stream through ``nlp.pipe``; failed inputs are yielded in their place in the order."""
    from quotex.pipeline import doc_to_record, extract_text

    pending_errors: dict[int, ErrorRecord] = {}
    long_texts: dict[int, tuple[str, str, str]] = {}

    def texts() -> Iterator[tuple[str, tuple[int, str, str]]]:
        for n, item in enumerate(items):
            try:
                decoded = read_input(item, encoding=options.encoding)
            except InputError as error:
                pending_errors[n] = ErrorRecord(source=item.source, error=error.reason)
                continue
            if len(decoded.text) > nlp.max_length:
                long_texts[n] = (decoded.text, item.source, decoded.encoding)
                continue
            yield decoded.text, (n, item.source, decoded.encoding)

    next_index = 0

    def flush_before(index: int) -> Iterator[Record]:
        nonlocal next_index
        while next_index < index:
            if next_index in pending_errors:
                yield pending_errors.pop(next_index)
            elif next_index in long_texts:
                text, source, encoding = long_texts.pop(next_index)
                yield extract_text(text, nlp=nlp, source=source, encoding=encoding)
            next_index += 1

    for doc, (n, source, encoding) in nlp.pipe(texts(), as_tuples=True, batch_size=BATCH_SIZE):
        yield from flush_before(n)
        record: DocumentRecord = doc_to_record(doc, source, encoding)
        yield record
        next_index = n + 1
    yield from flush_before(max([next_index, *pending_errors, *long_texts], default=0) + 1)


def _worker_extract_text(pair: tuple[str, str]) -> DocumentRecord:
    from quotex.pipeline import extract_text

    assert _WORKER_NLP is not None
    text, source = pair
    return extract_text(text, nlp=_WORKER_NLP, source=source)


def process_texts(
    pairs: Iterable[tuple[str, str]],
    nlp: Language,
    *,
    jobs: int = 1,
    options: BatchOptions | None = None,
) -> Iterator[DocumentRecord]:
    """Yield one record per ``(text, source)`` pair, in order, using ``jobs`` processes."""
    from quotex.pipeline import doc_to_record, extract_text

    if jobs <= 1:
        short: list[tuple[str, str]] = []
        for text, source in pairs:
            if len(text) > nlp.max_length:
                yield from (
                    doc_to_record(doc, src)
                    for doc, src in nlp.pipe(short, as_tuples=True, batch_size=BATCH_SIZE)
                )
                short = []
                yield extract_text(text, nlp=nlp, source=source)
                continue
            short.append((text, source))
            if len(short) >= BATCH_SIZE:
                yield from (
                    doc_to_record(doc, src)
                    for doc, src in nlp.pipe(short, as_tuples=True, batch_size=BATCH_SIZE)
                )
                short = []
        yield from (
            doc_to_record(doc, src)
            for doc, src in nlp.pipe(short, as_tuples=True, batch_size=BATCH_SIZE)
        )
        return
    global _WORKER_NLP
    _WORKER_NLP = nlp
    context = multiprocessing.get_context("fork")
    with context.Pool(
        jobs, initializer=_worker_init, initargs=(options or BatchOptions(),)
    ) as pool:
        yield from pool.imap(_worker_extract_text, pairs, chunksize=2)
