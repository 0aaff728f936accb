"""CLI tests: exit codes, exact stdout and stderr, and the JSON Lines contract.

Most tests drive the Typer app in process with ``typer.testing.CliRunner``; stdout and stderr are
captured apart, so every error test also checks that stdout stays empty. The statistical pipeline
is loaded once per session (``quotex.pipeline.load`` is wrapped in a cache) instead of once per
command. Three tests run real processes: the import-time check, ``python -m quotex`` and
``quotex extract DIR | head -1``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner, Result

import quotex
import quotex.batch
import quotex.pipeline
from quotex.cli import app
from quotex.render import page_name

# --------------------------------------------------------------------------- fixtures, helpers

#: Environment for every in-process run: no colour or width settings leak in from the shell, and
#: the table is wide enough that no name wraps.
CLEAN_ENV: dict[str, str | None] = {
    "NO_COLOR": None,
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
    "TERM": "xterm-256color",
    "COLUMNS": "200",
    "QUOTEX_MODEL": None,
}

ARTICLE_A = '"We will win," Jane Smith said on Monday.\n'
ARTICLE_B = (
    "The agency issued new figures on Tuesday.\n"
    "\n"
    '"It is time to act," said John Brown, the head of the agency.\n'
)
ARTICLE_C = (
    "Maria Lopez spoke to reporters in Madrid on Friday.\n"
    "“The budget is fair and it will pass,” she said.\n"
)

#: The exact record of ARTICLE_A (the README's own example sentence).
RECORD_A_TAIL = {
    "entities": [
        {
            "text": "Jane Smith",
            "label": "PERSON",
            "start": 15,
            "end": 25,
            "name": "Jane Smith",
            "code": None,
        }
    ],
    "quotes": [
        {
            "text": "We will win,",
            "start": 1,
            "end": 13,
            "speaker": {
                "name": "Jane Smith",
                "label": "PERSON",
                "text": "Jane Smith",
                "start": 15,
                "end": 25,
            },
            "cue": {"text": "said", "start": 26, "end": 30},
        }
    ],
    "encoding": "utf-8",
}

_REAL_LOAD = quotex.pipeline.load
_PIPELINES: dict[str | None, Any] = {}


@pytest.fixture(autouse=True)
def _load_pipeline_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands load the pipeline through ``quotex.pipeline.load``: load it once per session."""

    def load(model: str | None = None) -> Any:
        if model not in _PIPELINES:
            _PIPELINES[model] = _REAL_LOAD(model)
        return _PIPELINES[model]

    monkeypatch.setattr(quotex.pipeline, "load", load)


def run(
    *args: str | os.PathLike[str],
    input: bytes | str | None = None,
    env: dict[str, str | None] | None = None,
) -> Result:
    """Invoke ``quotex ARGS`` in process; unexpected exceptions propagate (never a fake exit 1)."""
    runner = CliRunner(env={**CLEAN_ENV, **(env or {})})
    return runner.invoke(
        app, [os.fspath(a) for a in args], input=input, catch_exceptions=False, prog_name="quotex"
    )


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def lines(stdout_bytes: bytes) -> list[dict[str, Any]]:
    """The JSONL objects on stdout; every line must be complete and parse."""
    assert stdout_bytes.endswith(b"\n") or stdout_bytes == b""
    return [orjson.loads(line) for line in stdout_bytes.splitlines()]


def assert_slices(text: str, record: dict[str, Any]) -> None:
    """``text == input[start:end]`` for every entity, quote, speaker and cue of a record."""
    assert record["schema_version"] == 1
    for entity in record["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"], entity
    for quote in record["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"], quote
        for part in ("speaker", "cue"):
            span = quote[part]
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"], span


def speaker_names(record: dict[str, Any]) -> list[str | None]:
    return [q["speaker"]["name"] if q["speaker"] else None for q in record["quotes"]]


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder of three small articles, a.txt, b.txt and sub/c.txt."""
    folder = tmp_path / "articles"
    write(folder / "a.txt", ARTICLE_A)
    write(folder / "b.txt", ARTICLE_B)
    write(folder / "sub" / "c.txt", ARTICLE_C)
    write(folder / "notes.md", "# not an article\n")
    return folder


# --------------------------------------------------------------------------- help and version


def test_help_lists_every_command_and_completion() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith("Usage: quotex [OPTIONS] COMMAND [ARGS]...\n")
    for command in ("extract", "eval", "render", "speakers"):
        assert re.search(rf"^  {command} +\S", result.stdout, re.MULTILINE), command
    for option in ("--version", "--install-completion", "--show-completion", "--help"):
        assert re.search(rf"^  {option} ", result.stdout, re.MULTILINE), option


@pytest.mark.parametrize("command", ["extract", "eval", "render", "speakers"])
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith(f"Usage: quotex {command} [OPTIONS] ")
    # The docstring is the help text: a sentence after the usage line.
    assert re.match(r"Usage: [^\n]*\n\n  [A-Z][^\n]+\n", result.stdout), result.stdout[:200]


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"quotex {quotex.__version__}\n"
    assert result.stderr == ""


def test_no_arguments_shows_usage_on_stderr() -> None:
    result = run()
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: quotex [OPTIONS] COMMAND [ARGS]...\n")


def test_cli_import_and_usage_errors_do_not_import_spacy() -> None:
    script = (
        "import sys\n"
        "import quotex.cli\n"
        "assert 'spacy' not in sys.modules, 'import quotex.cli imported spacy'\n"
        "from typer.testing import CliRunner\n"
        "runner = CliRunner()\n"
        "for args in (['--help'], ['extract', '--help'], ['extract', '--resume', 'x.txt'],\n"
        "             ['extract', '--frmat', 'x'], ['speakers', '--top', '0', 'x.jsonl']):\n"
        "    runner.invoke(quotex.cli.app, args)\n"
        "    assert 'spacy' not in sys.modules, f'quotex {args} imported spacy'\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "ok\n", "")


def test_python_dash_m_quotex_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quotex", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"quotex {quotex.__version__}\n", "")


# --------------------------------------------------------------------------- usage errors (exit 2)


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["extract", "--frmat", "jsonl", "a.txt"],
            "Usage: quotex extract [OPTIONS] {paths}...\n"
            "Try 'quotex extract --help' for help.\n"
            "\n"
            "Error: No such option: --frmat (Possible options: --format)\n",
        ),
        (["extract", "--resume", "a.txt"], "quotex: error: --resume needs --output FILE\n"),
        (
            ["extract", "--force", "--resume", "-o", "out.jsonl", "a.txt"],
            "quotex: error: --force and --resume cannot be combined\n",
        ),
        (
            ["extract", "--glob", "../*.txt", "a.txt"],
            "quotex: error: invalid file pattern '../*.txt': use a relative glob such as '*.txt'\n",
        ),
    ],
    ids=["unknown-option", "resume-without-output", "force-and-resume", "bad-glob"],
)
def test_usage_errors_exit_2(args: list[str], stderr: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract"], "Missing argument 'paths'."),
        (["extract", "--format", "xml", "a.txt"], "Invalid value for '--format' / '-f'"),
        (["extract", "-j", "0", "a.txt"], "Invalid value for '--jobs' / '-j'"),
        (["speakers", "--top", "0", "out.jsonl"], "Invalid value for '--top'"),
        (["speakers", "--label", "CAT", "out.jsonl"], "Invalid value for '--label'"),
        (["render", "a.txt"], "Missing option '--output' / '-o'"),
        (["frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_click_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: quotex")
    assert f"Error: {message}" in result.stderr


# --------------------------------------------------------------------------- extract


@pytest.mark.model
def test_extract_writes_exact_jsonl_when_not_a_terminal(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE_A)
    result = run("extract", path, "-j", "1")
    assert result.exit_code == 0
    expected = {"schema_version": 1, "source": str(path), **RECORD_A_TAIL}
    assert result.stdout_bytes == orjson.dumps(expected) + b"\n"
    assert result.stderr == ""


@pytest.mark.model
def test_extract_folder_every_line_parses_and_every_span_slices(articles: Path) -> None:
    result = run("extract", articles, "-j", "1")
    assert result.exit_code == 0
    records = lines(result.stdout_bytes)
    # Recursive, *.txt only, in sorted order, sources as the user spelled the folder.
    assert [r["source"] for r in records] == [
        os.path.join(articles, "a.txt"),
        os.path.join(articles, "b.txt"),
        os.path.join(articles, "sub", "c.txt"),
    ]
    for record, text in zip(records, (ARTICLE_A, ARTICLE_B, ARTICLE_C), strict=True):
        assert record["encoding"] == "utf-8"
        assert_slices(text, record)
    assert [speaker_names(r) for r in records] == [["Jane Smith"], ["John Brown"], ["Maria Lopez"]]
    assert re.fullmatch(
        r"quotex: 3 files, 3 quotes, \d+ entities, 0 errors in \d+\.\d s\n", result.stderr
    ), result.stderr


@pytest.mark.model
def test_extract_with_workers_equals_one_process(articles: Path) -> None:
    one = run("extract", articles, "-q", "-j", "1")
    two = run("extract", articles, "-q", "-j", "2")
    assert (one.exit_code, two.exit_code) == (0, 0)
    assert two.stdout_bytes == one.stdout_bytes
    assert one.stderr == two.stderr == ""


@pytest.mark.model
def test_extract_table_shows_sources_and_speakers(articles: Path) -> None:
    result = run("extract", articles, "--format", "table", "-q", "-j", "1")
    assert result.exit_code == 0
    assert result.stderr == ""
    out = result.stdout
    assert "\x1b" not in out
    for name in ("Jane Smith", "John Brown", "Maria Lopez"):
        assert re.search(rf"│ {name} +│", out), name
    assert "“We will win,”" in out
    assert f"{os.path.join(articles, 'a.txt')}  1 quotes" in out
    assert not out.lstrip().startswith("{")


@pytest.mark.model
def test_extract_stdin(tmp_path: Path) -> None:
    result = run("extract", "-", "-j", "1", input=ARTICLE_A.encode("utf-8"))
    assert result.exit_code == 0
    expected = {"schema_version": 1, "source": "-", **RECORD_A_TAIL}
    assert result.stdout_bytes == orjson.dumps(expected) + b"\n"
    assert result.stderr == ""


@pytest.mark.model
def test_output_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE_A)
    out = tmp_path / "out.jsonl"
    expected = orjson.dumps({"schema_version": 1, "source": str(article), **RECORD_A_TAIL}) + b"\n"

    first = run("extract", article, "-o", out, "-j", "1")
    assert (first.exit_code, first.stdout, first.stderr) == (0, "", "")
    assert out.read_bytes() == expected

    out.write_bytes(b'{"schema_version":1,"source":"precious.txt","entities":[],"quotes":[]}\n')
    again = run("extract", article, "-o", out, "-j", "1")
    assert again.exit_code == 1
    assert again.stdout == ""
    assert again.stderr == (
        f"quotex: error: {out}: output file exists; use --force to overwrite or --resume to "
        "continue\n"
    )
    assert out.read_bytes().startswith(b'{"schema_version":1,"source":"precious.txt"')

    forced = run("extract", article, "-o", out, "--force", "-j", "1")
    assert (forced.exit_code, forced.stdout, forced.stderr) == (0, "", "")
    assert out.read_bytes() == expected


def test_output_into_a_directory_is_an_error(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE_A)
    result = run("extract", article, "-o", tmp_path, "-j", "1")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"quotex: error: {tmp_path}: is a directory\n"


@pytest.mark.model
def test_resume_skips_completed_sources_and_retries_failures(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", ARTICLE_A)
    b = write(tmp_path / "b.txt", ARTICLE_B)
    c = write(tmp_path / "c.txt", ARTICLE_C)
    out = tmp_path / "out.jsonl"
    # a.txt is done (a stand-in record, so that re-processing it would show), c.txt failed last
    # time, and the run was killed in the middle of writing b.txt's line.
    done_a = orjson.dumps(
        {"schema_version": 1, "source": str(a), "entities": [], "quotes": [], "encoding": "utf-8"}
    )
    failed_c = orjson.dumps({"schema_version": 1, "source": str(c), "error": "was locked"})
    out.write_bytes(done_a + b"\n" + failed_c + b"\n" + b'{"schema_version":1,"sour')

    result = run("extract", a, b, c, "-o", out, "--resume", "-j", "1")
    assert (result.exit_code, result.stdout) == (0, "")
    assert re.fullmatch(
        r"quotex: 2 files, 2 quotes, \d+ entities, 0 errors in \d+\.\d s\n", result.stderr
    )
    records = lines(out.read_bytes())
    assert [r["source"] for r in records] == [str(a), str(c), str(b), str(c)]
    assert records[0] == orjson.loads(done_a)
    assert speaker_names(records[2]) == ["John Brown"]
    assert speaker_names(records[3]) == ["Maria Lopez"]

    # Everything is complete now: a second resume adds nothing.
    before = out.read_bytes()
    again = run("extract", a, b, c, "-o", out, "--resume", "-q", "-j", "1")
    assert (again.exit_code, again.stdout, again.stderr) == (0, "", "")
    assert out.read_bytes() == before


def test_resume_refuses_a_file_that_is_not_quotex_output(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE_A)
    out = write(tmp_path / "notes.jsonl", "hello\n")
    result = run("extract", article, "-o", out, "--resume", "-j", "1")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"quotex: error: {out}: not a quotex JSONL output file; refusing to resume into it\n"
    )
    assert out.read_text() == "hello\n"


@pytest.mark.model
def test_ctrl_c_exits_130_and_leaves_complete_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = write(tmp_path / "a.txt", ARTICLE_A)
    b = write(tmp_path / "b.txt", ARTICLE_B)
    out = tmp_path / "out.jsonl"
    real = quotex.batch.process_inputs

    def interrupted(items: Sequence[Any], *args: Any, **kwargs: Any) -> Iterator[Any]:
        records = real(items, *args, **kwargs)
        yield next(iter(records))
        raise KeyboardInterrupt

    monkeypatch.setattr(quotex.batch, "process_inputs", interrupted)
    result = run("extract", a, b, "-o", out, "-j", "1")
    assert result.exit_code == 130
    assert result.stdout == ""
    assert result.stderr == "quotex: interrupted\n"
    assert [r["source"] for r in lines(out.read_bytes())] == [str(a)]


@pytest.mark.model
def test_output_file_with_table_format_is_written_or_refused(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE_A)
    out = tmp_path / "out.jsonl"
    result = run("extract", article, "-o", out, "--format", "table", "-j", "1")
    refused = result.exit_code == 2 and result.stdout == ""
    assert refused or out.exists()


# --------------------------------------------------------------------------- bad inputs in a batch


@pytest.mark.model
def test_batch_with_bad_inputs_writes_everything_else_and_exits_1(tmp_path: Path) -> None:
    first = write(tmp_path / "1-first.txt", ARTICLE_A)
    pdf = write(tmp_path / "2-scan.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n")
    empty = write(tmp_path / "3-empty.txt", b"")
    nul = write(tmp_path / "4-nul.txt", b"He said \x00 nothing.\n")
    missing = tmp_path / "5-missing.txt"
    no_matches = tmp_path / "6-folder"
    write(no_matches / "readme.md", "no text files here\n")
    dangling = tmp_path / "7-link.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    last = write(tmp_path / "8-last.txt", ARTICLE_B)
    args = [first, pdf, empty, nul, missing, no_matches, dangling, last]

    result = run("extract", *args, "-q", "-j", "1")
    assert result.exit_code == 1
    records = lines(result.stdout_bytes)
    assert [r["source"] for r in records] == [str(a) for a in args]
    assert speaker_names(records[0]) == ["Jane Smith"]
    assert records[1:7] == [
        {"schema_version": 1, "source": str(pdf), "error": "binary file (PDF), not text"},
        {
            "schema_version": 1,
            "source": str(empty),
            "entities": [],
            "quotes": [],
            "encoding": "utf-8",
        },
        {
            "schema_version": 1,
            "source": str(nul),
            "error": "binary file (contains NUL bytes), not text",
        },
        {"schema_version": 1, "source": str(missing), "error": "no such file or directory"},
        {
            "schema_version": 1,
            "source": str(no_matches),
            "error": "no files matching '*.txt' in directory",
        },
        {"schema_version": 1, "source": str(dangling), "error": "broken symbolic link"},
    ]
    assert speaker_names(records[7]) == ["John Brown"]
    assert result.stderr == (
        f"quotex: error: {pdf}: binary file (PDF), not text\n"
        f"quotex: error: {nul}: binary file (contains NUL bytes), not text\n"
        f"quotex: error: {missing}: no such file or directory\n"
        f"quotex: error: {no_matches}: no files matching '*.txt' in directory\n"
        f"quotex: error: {dangling}: broken symbolic link\n"
    )

    # The same batch through worker processes: the same lines, in the same order.
    parallel = run("extract", *args, "-q", "-j", "2")
    assert parallel.exit_code == 1
    assert parallel.stdout_bytes == result.stdout_bytes
    assert parallel.stderr == result.stderr


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read a file with mode 000"
)
@pytest.mark.model
def test_unreadable_file_is_an_error_record(tmp_path: Path) -> None:
    locked = write(tmp_path / "locked.txt", ARTICLE_A)
    locked.chmod(0)
    try:
        result = run("extract", locked, "-j", "1")
    finally:
        locked.chmod(0o644)
    assert result.exit_code == 1
    assert lines(result.stdout_bytes) == [
        {"schema_version": 1, "source": str(locked), "error": "permission denied"}
    ]
    assert result.stderr == f"quotex: error: {locked}: permission denied\n"


@pytest.mark.model
def test_batch_summary_counts_errors(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", ARTICLE_A)
    bad = write(tmp_path / "b.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run("extract", good, bad, "-j", "1")
    assert result.exit_code == 1
    assert len(lines(result.stdout_bytes)) == 2
    assert re.fullmatch(
        rf"quotex: error: {re.escape(str(bad))}: binary file \(PNG image\), not text\n"
        r"quotex: 2 files, 1 quotes, 1 entities, 1 errors in \d+\.\d s\n",
        result.stderr,
    ), result.stderr


@pytest.mark.model
def test_table_format_reports_bad_files_on_stderr_only(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", ARTICLE_A)
    bad = write(tmp_path / "b.txt", b"%PDF-1.7\n")
    result = run("extract", good, bad, "--format", "table", "-q", "-j", "1")
    assert result.exit_code == 1
    assert "Jane Smith" in result.stdout
    assert str(bad) not in result.stdout
    assert result.stderr == f"quotex: error: {bad}: binary file (PDF), not text\n"


@pytest.mark.model
def test_whitespace_only_file_is_an_empty_record(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.txt", " \n\r\n\t\n")
    result = run("extract", path, "-j", "1")
    assert result.exit_code == 0
    assert lines(result.stdout_bytes) == [
        {
            "schema_version": 1,
            "source": str(path),
            "entities": [],
            "quotes": [],
            "encoding": "utf-8",
        }
    ]
    assert result.stderr == ""


# --------------------------------------------------------------------------- encodings, line ends

SMART = "“We will win,” Jane Smith said on Monday. “It’s over,” said Tom Jones.\n"


@pytest.mark.model
@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SMART.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SMART.encode("utf-8"), "utf-8-sig"),
        (SMART.encode("utf-16"), "utf-16"),
        (b"\xfe\xff" + SMART.encode("utf-16-be"), "utf-16"),
        (SMART.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-be-bom", "cp1252"],
)
def test_encodings_are_detected_and_recorded(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = write(tmp_path / "smart.txt", data)
    result = run("extract", path, "-j", "1")
    assert result.exit_code == 0
    assert result.stderr == ""
    [record] = lines(result.stdout_bytes)
    assert record["encoding"] == encoding
    assert [q["text"] for q in record["quotes"]] == ["We will win,", "It’s over,"]
    assert speaker_names(record) == ["Jane Smith", "Tom Jones"]
    assert_slices(data.decode(encoding), record)
    assert_slices(SMART, record)


@pytest.mark.model
def test_encoding_option_forces_the_codec(tmp_path: Path) -> None:
    data = SMART.encode("cp1252")
    path = write(tmp_path / "smart.txt", data)
    result = run("extract", path, "--encoding", "latin-1", "-j", "1")
    assert result.exit_code == 0
    assert result.stderr == ""
    [record] = lines(result.stdout_bytes)
    assert record["encoding"] == "latin-1"
    # Read as latin-1, 0x93/0x94 are C1 controls, not quote marks: no quotes at all.
    assert record["quotes"] == []
    assert_slices(data.decode("latin-1"), record)


@pytest.mark.parametrize(
    ("encoding", "error"),
    [
        ("klingon", "unknown encoding 'klingon'"),
        ("utf-8", "cannot decode as utf-8: invalid start byte (byte 0x93 at offset 0)"),
    ],
)
@pytest.mark.model
def test_encoding_option_failures_are_error_records(
    tmp_path: Path, encoding: str, error: str
) -> None:
    path = write(tmp_path / "smart.txt", SMART.encode("cp1252"))
    result = run("extract", path, "--encoding", encoding, "-j", "1")
    assert result.exit_code == 1
    assert lines(result.stdout_bytes) == [
        {"schema_version": 1, "source": str(path), "error": error}
    ]
    assert result.stderr == f"quotex: error: {path}: {error}\n"


@pytest.mark.model
@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_endings_are_kept_and_offsets_slice_exactly(tmp_path: Path, newline: str) -> None:
    text = (
        "Officials met in Paris on Monday."
        + newline
        + newline
        + '"We will win," Jane Smith said.'
        + newline
        + newline
        + "“It’s over,” said Tom\u00a0Jones."
        + newline
    )
    path = write(tmp_path / "windows.txt", text.encode("utf-8"))
    result = run("extract", path, "-j", "1")
    assert result.exit_code == 0
    [record] = lines(result.stdout_bytes)
    assert_slices(text, record)
    assert [q["text"] for q in record["quotes"]] == ["We will win,", "It’s over,"]
    assert speaker_names(record)[0] == "Jane Smith"
    assert record["quotes"][0]["start"] == text.index("We will win")


# --------------------------------------------------------------------------- colour


@pytest.mark.model
def test_no_color_table_has_no_escapes(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE_A)
    plain = run("extract", path, "--format", "table", "-j", "1", env={"NO_COLOR": "1"})
    assert plain.exit_code == 0
    assert "Jane Smith" in plain.stdout
    assert "\x1b" not in plain.stdout and "\x1b" not in plain.stderr

    # Forced onto a "terminal", the table is coloured; NO_COLOR then removes every colour
    # (NO_COLOR allows bold and italic, so only colour codes are checked).
    colour = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7]|38;[0-9;]+)m")
    forced = run("extract", path, "--format", "table", "-j", "1", env={"FORCE_COLOR": "1"})
    assert colour.search(forced.stdout)
    both = run(
        "extract", path, "--format", "table", "-j", "1", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}
    )
    assert both.exit_code == 0
    assert "Jane Smith" in both.stdout
    assert not colour.search(both.stdout), repr(both.stdout[:300])


# --------------------------------------------------------------------------- eval


def quote_at(text: str, quote: str, speaker: str | None) -> dict[str, Any]:
    start = text.index(quote)
    gold: dict[str, Any] = {
        "start": start,
        "end": start + len(quote),
        "text": quote,
        "speaker": speaker,
        "speaker_start": None,
        "speaker_end": None,
        "kind": "direct",
    }
    if speaker is not None:
        gold["speaker_start"] = text.index(speaker)
        gold["speaker_end"] = gold["speaker_start"] + len(speaker)
    return gold


EVAL_TEXT_1 = '"We will win," Jane Smith said on Monday. Taxes will rise, she warned.\n'
EVAL_TEXT_2 = (
    "The mayor spoke on Friday.\n"
    '"The bridge opens in May," said Tom Jones. He added: "It is late, but it is safe."\n'
)


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    docs = [
        {
            "doc_id": "one",
            "text": EVAL_TEXT_1,
            "quotes": [
                quote_at(EVAL_TEXT_1, "We will win,", "Jane Smith"),
                # Paraphrase without marks: quotex cannot find it, so it is a miss.
                quote_at(EVAL_TEXT_1, "Taxes will rise", "she"),
            ],
        },
        {
            "doc_id": "two",
            "text": EVAL_TEXT_2,
            "quotes": [
                quote_at(EVAL_TEXT_2, "The bridge opens in May,", "Tom Jones"),
                quote_at(EVAL_TEXT_2, "It is late, but it is safe.", "He"),
            ],
        },
    ]
    return write(tmp_path / "gold.jsonl", b"".join(orjson.dumps(d) + b"\n" for d in docs))


FIGURES = (
    "quote precision",
    "quote recall",
    "quote F1",
    "speaker accuracy",
    "end-to-end precision",
    "end-to-end recall",
    "end-to-end F1",
    "canonical accuracy",
)


@pytest.mark.model
def test_eval_prints_every_figure_and_writes_errors(gold_file: Path, tmp_path: Path) -> None:
    errors = tmp_path / "misses.jsonl"
    result = run("eval", gold_file, "--errors", errors, "-j", "1")
    assert result.exit_code == 0
    assert result.stderr == ""
    out = result.stdout
    assert out.startswith("quotex eval")
    for figure in FIGURES:
        assert re.search(rf"│ {re.escape(figure)} +│ +(\d\.\d{{3}}|n/a) │", out), figure
    assert re.search(r"│ quote recall +│ 0\.750 │ +3/4 │", out), out

    misses = lines(errors.read_bytes())
    assert [m["doc_id"] for m in misses] == ["one", "two"]
    assert [m["text"] for m in misses[0]["missed"]] == ["Taxes will rise"]
    assert misses[1]["missed"] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"doc_id": "a", "text": "x"}\n', ":1: not a gold record (KeyError: 'quotes')"),
        (
            b'{"doc_id": "a", "text": "x", "quotes": []}\n{oops\n',
            ":2: not a gold record (JSONDecodeError: ",
        ),
        (
            b'{"doc_id": "a", "text": "x", "quotes": [{"start": 0}]}\n',
            ":1: not a gold record (KeyError: 'end')",
        ),
    ],
    ids=["no-quotes", "bad-json", "quote-without-end"],
)
def test_eval_malformed_gold_is_an_error_message(
    tmp_path: Path, content: bytes, message: str
) -> None:
    gold = write(tmp_path / "gold.jsonl", content)
    result = run("eval", gold, "-j", "1")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"quotex: error: {gold}{message}")
    assert result.stderr.count("\n") == 1


def test_eval_missing_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "nowhere.jsonl"
    result = run("eval", gold, "-j", "1")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        result.stderr
        == f"quotex: error: {gold}: cannot read gold file: No such file or directory\n"
    )


@pytest.mark.model
def test_eval_errors_file_that_cannot_be_written(gold_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "misses.jsonl"
    result = run("eval", gold_file, "--errors", target, "-j", "1")
    assert result.exit_code == 1
    assert result.stderr.startswith("quotex: error: ")


# --------------------------------------------------------------------------- render


@pytest.mark.model
def test_render_one_file_writes_a_self_contained_page(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE_A)
    page = tmp_path / "page.html"
    result = run("render", article, "-o", page)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    html = page.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "We will win," in html
    assert "Jane Smith" in html
    # No network assets: nothing is fetched from anywhere.
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.IGNORECASE)
    assert "@import" not in html


@pytest.mark.model
def test_render_folder_writes_pages_and_index(articles: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run("render", articles, "-o", site)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    sources = [
        os.path.join(articles, "a.txt"),
        os.path.join(articles, "b.txt"),
        os.path.join(articles, "sub", "c.txt"),
    ]
    pages = {page_name(source) for source in sources}
    assert len(pages) == 3
    assert {p.name for p in site.iterdir()} == pages | {"index.html"}
    index = site.joinpath("index.html").read_text(encoding="utf-8")
    for page in pages:
        assert f'href="{page}"' in index
    b_page = site.joinpath(page_name(sources[1])).read_text(encoding="utf-8")
    assert "It is time to act," in b_page and "John Brown" in b_page


@pytest.mark.model
def test_render_folder_with_a_bad_file_renders_the_rest(articles: Path, tmp_path: Path) -> None:
    bad = write(articles / "bad.txt", b"%PDF-1.4\n")
    site = tmp_path / "site"
    result = run("render", articles, "-o", site)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"quotex: error: {bad}: binary file (PDF), not text\n"
    assert len([p for p in site.iterdir() if p.name != "index.html"]) == 3
    assert (site / "index.html").exists()


def test_render_never_writes_over_a_file_it_did_not_write(tmp_path: Path) -> None:
    # An article named as the output by mistake is kept; no model is loaded to refuse.
    article = write(tmp_path / "a.txt", ARTICLE_A)
    other = write(tmp_path / "b.txt", ARTICLE_A)
    result = run("render", article, "-o", other)
    assert result.exit_code == 1
    assert result.stderr == (
        f"quotex: error: {other}: exists and is not a page quotex wrote; "
        "use --force to replace it\n"
    )
    assert other.read_text(encoding="utf-8") == ARTICLE_A


def test_render_of_several_articles_into_a_file_is_a_usage_error(
    articles: Path, tmp_path: Path
) -> None:
    target = write(tmp_path / "out.html", "<p>mine</p>")
    result = run("render", articles, "-o", target)
    assert result.exit_code == 2
    assert (
        result.stderr == f"quotex: error: {target}: is a file; several articles need a directory\n"
    )


@pytest.mark.model
def test_render_replaces_its_own_page_and_any_file_with_force(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE_A)
    page = tmp_path / "page.html"
    assert run("render", article, "-o", page).exit_code == 0
    assert run("render", article, "-o", page).exit_code == 0
    mine = write(tmp_path / "mine.html", "<p>mine</p>")
    result = run("render", article, "-o", mine, "--force")
    assert result.exit_code == 0
    assert "Jane Smith" in mine.read_text(encoding="utf-8")


def test_render_bad_glob_is_a_usage_error(articles: Path, tmp_path: Path) -> None:
    result = run("render", articles, "-o", tmp_path / "site", "--glob", "../*.txt")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "quotex: error: invalid file pattern '../*.txt': use a relative glob such as '*.txt'\n"
    )


# --------------------------------------------------------------------------- speakers


def doc(source: str, *quotes: tuple[str, str | None, str | None]) -> bytes:
    """An extract output line with ``(quote text, speaker name, label)`` quotes."""
    built = []
    offset = 0
    for text, name, label in quotes:
        speaker = None
        if name is not None:
            speaker = {"name": name, "label": label, "text": name, "start": 0, "end": len(name)}
        built.append(
            {
                "text": text,
                "start": offset,
                "end": offset + len(text),
                "speaker": speaker,
                "cue": None,
            }
        )
        offset += len(text) + 1
    record = {"schema_version": 1, "source": source, "entities": [], "quotes": built}
    return orjson.dumps(record) + b"\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write(
        tmp_path / "out.jsonl",
        doc("1.txt", ("We will win", "Jane Smith", "PERSON"), ("No comment", "Russia", "COUNTRY"))
        + doc("2.txt", ("Yes", "Jane Smith", "PERSON"), ("Sanctions stay", "Russia", "COUNTRY"))
        + b'{"schema_version":1,"source":"3.txt","error":"binary file (PDF), not text"}\n'
        + b"\n"
        + doc("4.txt", ("It is time to act now", "John Brown", "PERSON"), ("Stray", None, None))
        + doc("5.txt", ("Never", "Russia", "COUNTRY")),
    )


def test_speakers_jsonl_with_label_and_top(corpus: Path) -> None:
    result = run("speakers", corpus, "--format", "jsonl", "--label", "PERSON", "--top", "1")
    assert result.exit_code == 0
    assert result.stdout == (
        '{"name":"Jane Smith","label":"PERSON","quotes":2,"words":4,"documents":2}\n'
    )
    assert result.stderr == ""


def test_speakers_jsonl_all_rows_in_order(corpus: Path) -> None:
    result = run("speakers", corpus, "--format", "jsonl")
    assert result.exit_code == 0
    assert result.stdout == (
        '{"name":"Russia","label":"COUNTRY","quotes":3,"words":5,"documents":3}\n'
        '{"name":"Jane Smith","label":"PERSON","quotes":2,"words":4,"documents":2}\n'
        '{"name":"John Brown","label":"PERSON","quotes":1,"words":6,"documents":1}\n'
    )
    assert result.stderr == ""


def test_speakers_label_is_case_insensitive_and_reads_stdin(corpus: Path) -> None:
    result = run(
        "speakers", "-", "--label", "country", "--format", "jsonl", input=corpus.read_bytes()
    )
    assert result.exit_code == 0
    assert (
        result.stdout == '{"name":"Russia","label":"COUNTRY","quotes":3,"words":5,"documents":3}\n'
    )


def test_speakers_table_without_colour(corpus: Path) -> None:
    result = run("speakers", corpus, "--format", "table", env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "\x1b" not in result.stdout
    rows = [line.split("│") for line in result.stdout.splitlines() if "│" in line]
    assert [[cell.strip() for cell in row] for row in rows] == [
        ["Russia", "COUNTRY", "3", "5", "3"],
        ["Jane Smith", "PERSON", "2", "4", "2"],
        ["John Brown", "PERSON", "1", "6", "1"],
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"doc_id": "a", "text": "x", "quotes": []}\n', "{path}:1: not a quotex JSONL record"),
        (b"\n[1, 2]\n", "{path}:2: not a quotex JSONL record"),
    ],
    ids=["gold-file", "not-an-object"],
)
def test_speakers_rejects_other_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = write(tmp_path / "other.jsonl", content)
    result = run("speakers", path, "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "quotex: error: " + message.format(path=path) + "\n"


@pytest.mark.model
def test_speakers_over_real_extract_output(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    again = write(tmp_path / "again.txt", ARTICLE_A)
    extracted = run("extract", articles, again, "-o", out, "-q", "-j", "1")
    assert (extracted.exit_code, extracted.stdout, extracted.stderr) == (0, "", "")
    result = run("speakers", out, "--format", "jsonl", "--label", "PERSON", "--top", "1")
    assert result.exit_code == 0
    assert result.stdout == (
        '{"name":"Jane Smith","label":"PERSON","quotes":2,"words":6,"documents":2}\n'
    )
    assert result.stderr == ""


# --------------------------------------------------------------------------- the real script


@pytest.mark.model
def test_installed_script_piped_into_head_exits_quietly(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    paragraph = '"We will win the vote on Monday," Jane Smith said.\n'
    for n in range(30):
        # Enough quotes per article that the output is far larger than a pipe's buffer, so that
        # quotex is still writing when head exits.
        write(folder / f"{n:02d}.txt", paragraph * 12)
    script = Path(sys.executable).with_name("quotex")
    env = {k: v for k, v in os.environ.items() if k not in ("QUOTEX_MODEL", "FORCE_COLOR")}
    quotex_proc = subprocess.Popen(
        [script, "extract", folder, "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert quotex_proc.stdout is not None and quotex_proc.stderr is not None
    head = subprocess.run(
        ["head", "-1"], stdin=quotex_proc.stdout, capture_output=True, timeout=120, check=False
    )
    quotex_proc.stdout.close()
    stderr = quotex_proc.stderr.read().decode("utf-8", "replace")
    quotex_proc.stderr.close()
    returncode = quotex_proc.wait(timeout=120)

    assert "Traceback" not in stderr
    assert "BrokenPipe" not in stderr
    assert "Exception ignored" not in stderr
    assert stderr == ""
    assert returncode == 0
    [record] = lines(head.stdout)
    assert record["source"] == os.path.join(folder, "00.txt")
    assert len(record["quotes"]) == 12
