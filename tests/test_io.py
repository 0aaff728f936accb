"""Tests for quotex.io: decoding, input iteration and JSONL output."""

from __future__ import annotations

import codecs
import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson
import pytest

from quotex.errors import InputError, QuotexError
from quotex.io import (
    DecodedText,
    InputItem,
    JsonlWriter,
    completed_sources,
    decode_bytes,
    iter_inputs,
    read_input,
    read_path,
)
from quotex.records import DocumentRecord, ErrorRecord, Quote, record_from_dict

ARTICLE = (
    "The minister said “we will not back down” on Tuesday, adding that the café owners’ "
    "naïve résumés were – in his words – “irrelevant”.\n"
)


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def read_lines(path: Path) -> list[DocumentRecord | ErrorRecord]:
    return [record_from_dict(orjson.loads(line)) for line in path.read_bytes().splitlines()]


# --- decode_bytes: detection -------------------------------------------------------------------


def test_utf8_without_bom() -> None:
    assert decode_bytes(ARTICLE.encode("utf-8"), "a.txt") == DecodedText(ARTICLE, "utf-8")


def test_ascii_is_reported_as_utf8() -> None:
    assert decode_bytes(b"plain text", "a.txt") == DecodedText("plain text", "utf-8")


def test_utf8_bom_is_removed() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "a.txt")
    assert decoded == DecodedText(ARTICLE, "utf-8-sig")
    assert not decoded.text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode_bytes(bom + ARTICLE.encode(codec), "a.txt") == DecodedText(ARTICLE, "utf-16")


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    assert decode_bytes(bom + ARTICLE.encode(codec), "a.txt") == DecodedText(ARTICLE, "utf-32")


def test_cp1252_smart_quotes_in_a_short_text() -> None:
    decoded = decode_bytes(b"He said \x93yes\x94 to caf\xe9 owners.", "a.txt")
    assert decoded == DecodedText("He said “yes” to café owners.", "cp1252")


def test_cp1252_article_is_not_read_as_central_european() -> None:
    # charset-normalizer guesses cp1250 here, which would turn "naïve" into "naďve".
    data = (ARTICLE * 30).encode("cp1252")
    assert decode_bytes(data, "a.txt") == DecodedText(ARTICLE * 30, "cp1252")


def test_cp1252_western_european_text() -> None:
    text = "Müller sagte: „Wir müssen größer denken“ – so äußerte er sich à Zürich."
    assert decode_bytes(text.encode("cp1252"), "a.txt") == DecodedText(text, "cp1252")


def test_latin1_when_cp1252_cannot_decode() -> None:
    # 0x81 and 0x90 are undefined in cp1252; latin-1 maps them to C1 control characters.
    decoded = decode_bytes(b"na\xefve caf\xe9 \x81 \x90", "a.txt")
    assert decoded == DecodedText("naïve café \x81 \x90", "latin-1")


def test_legacy_cyrillic_encoding_is_detected() -> None:
    text = "Президент заявил журналистам, что переговоры будут продолжены на следующей неделе.\n"
    assert decode_bytes((text * 5).encode("cp1251"), "a.txt") == DecodedText(text * 5, "cp1251")


def test_legacy_chinese_encoding_is_detected() -> None:
    text = "总统对记者表示，谈判将于下周在北京继续进行。政府将宣布新的政策。\n"
    decoded = decode_bytes((text * 5).encode("gb18030"), "a.txt")
    assert decoded == DecodedText(text * 5, "gb18030")


# --- decode_bytes: text is never normalized ----------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "cp1252"])
def test_crlf_and_cr_are_kept(codec: str) -> None:
    text = "First “line”.\r\nSecond line.\rThird – line.\n"
    assert decode_bytes(text.encode(codec), "a.txt").text == text


@pytest.mark.parametrize("codec", ["utf-8", "cp1252"])
def test_no_break_space_is_kept(codec: str) -> None:
    text = "It cost 10\u00a0000 euros, he said.\u00a0"
    assert decode_bytes(text.encode(codec), "a.txt").text == text


def test_empty_input() -> None:
    assert decode_bytes(b"", "a.txt") == DecodedText("", "utf-8")


# --- decode_bytes: binary input ----------------------------------------------------------------


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"some text\x00\x01\x02more", "a.bin")
    assert str(info.value) == "a.bin: binary file (contains NUL bytes), not text"
    assert info.value.source == "a.bin"


def test_utf16_without_bom_counts_as_binary() -> None:
    with pytest.raises(InputError, match=r"contains NUL bytes"):
        decode_bytes("hello".encode("utf-16-le"), "a.txt")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP archive or Office document"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
    ],
)
def test_binary_formats_are_named(data: bytes, kind: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "doc")
    assert str(info.value) == f"doc: binary file ({kind}), not text"


def test_pdf_is_refused_even_with_an_encoding() -> None:
    with pytest.raises(InputError, match=r"binary file \(PDF\)"):
        decode_bytes(b"%PDF-1.4 whatever", "a.pdf", encoding="latin-1")


def test_bom_followed_by_invalid_utf8_is_an_error() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(codecs.BOM_UTF8 + b"caf\xe9 ok", "a.txt")
    assert str(info.value).startswith("a.txt: cannot decode as utf-8-sig: ")


# --- decode_bytes: forced encoding -------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("latin-1", "latin-1"), ("ISO-8859-1", "latin-1"), ("windows-1252", "cp1252")],
)
def test_forced_encoding_is_normalized(encoding: str, expected: str) -> None:
    decoded = decode_bytes(b"caf\xe9", "a.txt", encoding=encoding)
    assert decoded == DecodedText("café", expected)


def test_forced_encoding_overrides_detection() -> None:
    # Valid UTF-8, but the user says it is latin-1.
    decoded = decode_bytes("café".encode(), "a.txt", encoding="latin-1")
    assert decoded == DecodedText("cafÃ©", "latin-1")


def test_forced_utf16_without_bom() -> None:
    decoded = decode_bytes(ARTICLE.encode("utf-16-le"), "a.txt", encoding="utf-16-le")
    assert decoded == DecodedText(ARTICLE, "utf-16-le")


def test_forced_encoding_that_does_not_fit() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"caf\xe9 au lait", "a.txt", encoding="utf-8")
    assert str(info.value) == (
        "a.txt: cannot decode as utf-8: invalid continuation byte (byte 0xe9 at offset 3)"
    )


def test_unknown_forced_encoding() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"text", "a.txt", encoding="klingon-8")
    assert str(info.value) == "a.txt: unknown encoding 'klingon-8'"


def test_forced_codec_that_is_not_a_text_encoding() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"text", "a.txt", encoding="base64")
    assert str(info.value) == "a.txt: 'base64' is not a text encoding"


# --- decode_bytes: size ------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "cp1252"])
def test_large_input_decodes(codec: str) -> None:
    paragraph = "He said “yes” to café owners.\r\n"
    count = 20_000_000 // len(paragraph)
    decoded = decode_bytes((paragraph * count).encode(codec), "big.txt")
    assert decoded.encoding == codec
    assert len(decoded.text) == len(paragraph) * count
    assert decoded.text.endswith(paragraph)


# --- read_path ---------------------------------------------------------------------------------


def test_read_path(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "a.txt", b"He said \x93yes\x94.\r\n")
    assert read_path(path, "a.txt") == DecodedText("He said “yes”.\r\n", "cp1252")


def test_read_path_with_encoding(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "a.txt", "café".encode())
    assert read_path(path, "a.txt", encoding="latin-1").text == "cafÃ©"


def test_read_empty_file(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "empty.txt", b"")
    assert read_path(path, "empty.txt") == DecodedText("", "utf-8")


def test_read_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_path(tmp_path / "nope.txt", "nope.txt")
    assert str(info.value) == "nope.txt: no such file"


def test_read_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(InputError) as info:
        read_path(link, "link.txt")
    assert str(info.value) == "link.txt: broken symbolic link"


def test_read_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_path(tmp_path, "corpus")
    assert str(info.value) == "corpus: is a directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without read permission")
def test_read_unreadable_file(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "secret.txt", b"text")
    path.chmod(0)
    try:
        with pytest.raises(InputError) as info:
            read_path(path, "secret.txt")
    finally:
        path.chmod(0o644)
    assert str(info.value) == "secret.txt: permission denied"


def test_read_permission_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_bytes(tmp_path / "secret.txt", b"text")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError) as info:
        read_path(path, "secret.txt")
    assert str(info.value) == "secret.txt: permission denied"


def test_read_other_os_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(self: Path) -> bytes:
        raise OSError(5, "Input/output error", str(self))

    monkeypatch.setattr(Path, "read_bytes", fail)
    with pytest.raises(InputError) as info:
        read_path(tmp_path / "a.txt", "a.txt")
    assert str(info.value) == "a.txt: input/output error"


# --- iter_inputs -------------------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt", "notes.md", "sub/e.md"]:
        write_bytes(root / name, name.encode())
    return root


def test_directory_is_expanded_recursively_in_sorted_order(corpus: Path) -> None:
    items = list(iter_inputs([str(corpus)]))
    relative = ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt"]
    assert items == [InputItem(f"{corpus}/{name}", corpus / name) for name in relative]


def test_directory_source_keeps_the_users_spelling(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus.parent)
    sources = [item.source for item in iter_inputs(["./corpus/"])]
    assert sources == [
        "./corpus/a.txt",
        "./corpus/b.txt",
        "./corpus/sub/c.txt",
        "./corpus/sub/deeper/d.txt",
    ]


def test_directory_with_another_pattern(corpus: Path) -> None:
    items = list(iter_inputs([str(corpus)], pattern="*.md"))
    assert [item.path for item in items] == [corpus / "notes.md", corpus / "sub/e.md"]


def test_directory_without_matches(corpus: Path) -> None:
    items = list(iter_inputs([str(corpus)], pattern="*.json"))
    assert items == [InputItem(str(corpus), None, "no files matching '*.json' in directory")]


def test_subdirectory_named_like_the_pattern_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    write_bytes(tmp_path / "folder.txt" / "inner.txt", b"x")
    items = list(iter_inputs([str(tmp_path)]))
    assert [item.path for item in items] == [tmp_path / "folder.txt" / "inner.txt"]


def test_broken_symlink_inside_a_directory(tmp_path: Path) -> None:
    write_bytes(tmp_path / "a.txt", b"x")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    items = list(iter_inputs([str(tmp_path)]))
    assert items == [
        InputItem(f"{tmp_path}/a.txt", tmp_path / "a.txt"),
        InputItem(f"{tmp_path}/b.txt", None, "broken symbolic link"),
    ]


def test_arguments_keep_their_order(tmp_path: Path, corpus: Path) -> None:
    single = write_bytes(tmp_path / "z.txt", b"x")
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    args = [str(single), "-", str(tmp_path / "missing.txt"), str(link), str(corpus / "sub")]
    assert list(iter_inputs(args)) == [
        InputItem(str(single), single),
        InputItem("-", None),
        InputItem(str(tmp_path / "missing.txt"), None, "no such file or directory"),
        InputItem(str(link), None, "broken symbolic link"),
        InputItem(f"{corpus}/sub/c.txt", corpus / "sub/c.txt"),
        InputItem(f"{corpus}/sub/deeper/d.txt", corpus / "sub/deeper/d.txt"),
    ]


def test_a_file_argument_is_taken_whatever_its_name(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "article.html", b"x")
    assert list(iter_inputs([str(path)])) == [InputItem(str(path), path)]


def test_iteration_is_lazy(tmp_path: Path) -> None:
    later = tmp_path / "later.txt"
    items = iter_inputs(["-", str(later)])
    assert next(items) == InputItem("-", None)
    # Not looked at until asked for: a file that appears in the meantime is found.
    write_bytes(later, b"x")
    assert next(items) == InputItem(str(later), later)


@pytest.mark.parametrize("pattern", ["", "/etc/*.txt", "../*.txt", "sub/../../*.txt"])
def test_invalid_pattern_is_refused_at_once(tmp_path: Path, pattern: str) -> None:
    with pytest.raises(QuotexError) as info:
        iter_inputs([str(tmp_path)], pattern=pattern)
    assert str(info.value) == (
        f"invalid file pattern '{pattern}': use a relative glob such as '*.txt'"
    )


def test_pattern_with_a_folder(corpus: Path) -> None:
    items = list(iter_inputs([str(corpus)], pattern="deeper/*.txt"))
    assert items == [InputItem(f"{corpus}/sub/deeper/d.txt", corpus / "sub/deeper/d.txt")]


# --- read_input --------------------------------------------------------------------------------


def test_read_input_from_a_file(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "a.txt", ARTICLE.encode())
    assert read_input(InputItem("a.txt", path)) == DecodedText(ARTICLE, "utf-8")


def test_read_input_from_stdin() -> None:
    stdin = io.BytesIO(b"He said \x93yes\x94.")
    assert read_input(InputItem("-", None), stdin=stdin) == DecodedText("He said “yes”.", "cp1252")


def test_read_input_from_stdin_with_encoding() -> None:
    stdin = io.BytesIO("café".encode())
    assert read_input(InputItem("-", None), encoding="latin-1", stdin=stdin).text == "cafÃ©"


def test_read_input_reports_an_error_item() -> None:
    with pytest.raises(InputError) as info:
        read_input(InputItem("missing.txt", None, "no such file or directory"))
    assert str(info.value) == "missing.txt: no such file or directory"
    assert info.value.reason == "no such file or directory"


def test_read_input_decoding_error_names_the_source(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "scan.pdf", b"%PDF-1.4")
    with pytest.raises(InputError, match=r"^docs/scan\.pdf: binary file \(PDF\), not text$"):
        read_input(InputItem("docs/scan.pdf", path))


# --- JsonlWriter -------------------------------------------------------------------------------

DOC_A = DocumentRecord(
    source="a.txt", quotes=(Quote(text="yes", start=9, end=12),), encoding="utf-8"
)
DOC_B = DocumentRecord(source="b.txt", encoding="cp1252")
FAILED = ErrorRecord(source="c.txt", error="c.txt: binary file (PDF), not text")


def test_writer_writes_one_line_per_record() -> None:
    stream = io.BytesIO()
    with JsonlWriter(stream) as writer:
        writer.write(DOC_A)
        writer.write(FAILED)
    lines = stream.getvalue().split(b"\n")
    assert lines[-1] == b""
    assert [record_from_dict(orjson.loads(line)) for line in lines[:-1]] == [DOC_A, FAILED]
    assert not stream.closed


def test_writer_flushes_every_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter.open(path) as writer:
        writer.write(DOC_A)
        # Another reader sees the complete line before the writer is closed.
        assert read_lines(path) == [DOC_A]


def test_writer_to_stdout_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer))
    with JsonlWriter.open(None) as writer:
        writer.write(DOC_B)
    assert buffer.getvalue() == orjson.dumps(DOC_B.to_dict()) + b"\n"
    assert not buffer.closed


def test_writer_creates_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter.open(path) as writer:
        writer.write(DOC_A)
    assert read_lines(path) == [DOC_A]


def test_writer_refuses_to_overwrite(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "out.jsonl", b"precious\n")
    with pytest.raises(QuotexError) as info:
        JsonlWriter.open(path)
    assert str(info.value) == (
        f"{path}: output file exists; use --force to overwrite or --resume to continue"
    )
    assert path.read_bytes() == b"precious\n"


def test_writer_force_truncates(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "out.jsonl", b"old line that is long\n" * 10)
    with JsonlWriter.open(path, force=True) as writer:
        writer.write(DOC_B)
    assert read_lines(path) == [DOC_B]


def test_writer_resume_appends_after_repair(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter.open(path) as writer:
        writer.write(DOC_A)
        writer.write(FAILED)
    with path.open("ab") as handle:
        handle.write(b'{"schema_version":1,"source":"b.t')
    with JsonlWriter.open(path, resume=True) as writer:
        assert writer.completed == {"a.txt"}
        writer.write(DOC_B)
    assert read_lines(path) == [DOC_A, FAILED, DOC_B]


def test_writer_resume_creates_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter.open(path, resume=True) as writer:
        assert writer.completed == set()
        writer.write(DOC_A)
    assert read_lines(path) == [DOC_A]


def test_writer_rejects_force_with_resume(tmp_path: Path) -> None:
    with pytest.raises(QuotexError, match="cannot be used together"):
        JsonlWriter.open(tmp_path / "out.jsonl", force=True, resume=True)


def test_writer_cannot_resume_stdout() -> None:
    with pytest.raises(QuotexError, match="needs an output file"):
        JsonlWriter.open(None, resume=True)


def test_writer_refuses_a_directory(tmp_path: Path) -> None:
    with pytest.raises(QuotexError) as info:
        JsonlWriter.open(tmp_path, force=True)
    assert str(info.value) == f"{tmp_path}: is a directory"


def test_writer_reports_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "no" / "out.jsonl"
    with pytest.raises(QuotexError) as info:
        JsonlWriter.open(path)
    assert str(info.value) == f"{path}: cannot write: no such file"


class _BrokenPipe(io.BytesIO):
    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_close_swallows_broken_pipe() -> None:
    writer = JsonlWriter(_BrokenPipe())
    writer.close()
    writer.close()


def test_write_to_a_closed_pipe_raises_for_the_caller() -> None:
    writer = JsonlWriter(_BrokenPipe())
    with pytest.raises(BrokenPipeError):
        writer.write(DOC_A)
    writer.close()


def test_stdout_piped_into_head_is_quiet(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        from quotex.io import JsonlWriter
        from quotex.records import DocumentRecord

        with JsonlWriter.open(None) as writer:
            try:
                for number in range(100_000):
                    writer.write(DocumentRecord(source=f"{number}.txt"))
            except BrokenPipeError:
                pass
        # The reader is gone, yet later output (a summary, say) must not raise or print a
        # traceback at exit.
        print("done")
        """
    )
    producer = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert producer.stdout is not None
    head = subprocess.run(["head", "-1"], stdin=producer.stdout, capture_output=True, check=True)
    producer.stdout.close()
    _, stderr = producer.communicate(timeout=60)
    assert record_from_dict(orjson.loads(head.stdout)) == DocumentRecord(source="0.txt")
    assert stderr == b""
    assert producer.returncode == 0


# --- completed_sources -------------------------------------------------------------------------


def _jsonl(*records: DocumentRecord | ErrorRecord) -> bytes:
    return b"".join(orjson.dumps(record.to_dict()) + b"\n" for record in records)


def test_completed_sources_of_a_missing_file(tmp_path: Path) -> None:
    assert completed_sources(tmp_path / "out.jsonl") == set()
    assert not (tmp_path / "out.jsonl").exists()


def test_completed_sources_of_an_empty_file(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "out.jsonl", b"")
    assert completed_sources(path) == set()


def test_completed_sources_leaves_a_valid_file_alone(tmp_path: Path) -> None:
    content = _jsonl(DOC_A, DOC_B)
    path = write_bytes(tmp_path / "out.jsonl", content)
    assert completed_sources(path) == {"a.txt", "b.txt"}
    assert path.read_bytes() == content


def test_completed_sources_truncates_a_partial_last_line(tmp_path: Path) -> None:
    content = _jsonl(DOC_A, DOC_B)
    path = write_bytes(tmp_path / "out.jsonl", content + b'{"schema_version":1,"sour')
    assert completed_sources(path) == {"a.txt", "b.txt"}
    assert path.read_bytes() == content


def test_completed_sources_truncates_a_last_line_without_newline(tmp_path: Path) -> None:
    # Valid JSON, but the newline never made it: appending would glue two records together.
    content = _jsonl(DOC_A)
    path = write_bytes(tmp_path / "out.jsonl", content + orjson.dumps(DOC_B.to_dict()))
    assert completed_sources(path) == {"a.txt"}
    assert path.read_bytes() == content


def test_completed_sources_skips_error_records(tmp_path: Path) -> None:
    content = _jsonl(DOC_A, FAILED)
    path = write_bytes(tmp_path / "out.jsonl", content)
    assert completed_sources(path) == {"a.txt"}
    assert path.read_bytes() == content


def test_completed_sources_truncates_from_an_invalid_middle_line(tmp_path: Path) -> None:
    good = _jsonl(DOC_A)
    path = write_bytes(tmp_path / "out.jsonl", good + b"{garbage\n" + _jsonl(DOC_B))
    assert completed_sources(path) == {"a.txt"}
    assert path.read_bytes() == good


def test_completed_sources_truncates_a_partial_first_line(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "out.jsonl", b'{"schema_version":1,"so')
    assert completed_sources(path) == set()
    assert path.read_bytes() == b""


def test_completed_sources_refuses_a_file_that_is_not_quotex_output(tmp_path: Path) -> None:
    content = b"This is an article, not JSON.\nSecond line.\n"
    path = write_bytes(tmp_path / "article.txt", content)
    with pytest.raises(QuotexError) as info:
        completed_sources(path)
    assert str(info.value) == f"{path}: not a quotex JSONL output file; refusing to resume into it"
    assert path.read_bytes() == content
