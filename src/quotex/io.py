"""Reading input documents and writing JSON Lines output.

Decoding never changes the text: line endings, no-break spaces and every other character stay
as they are, because all character offsets in the output refer to exactly the decoded text.
Inputs are streamed one file at a time, and output lines are flushed as each record is written,
so that ``--resume`` can pick up after a killed run.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any, BinaryIO

import orjson

from quotex.errors import InputError, QuotexError
from quotex.records import DocumentRecord, ErrorRecord

__all__ = [
    "DecodedText",
    "InputItem",
    "JsonlWriter",
    "completed_sources",
    "decode_bytes",
    "iter_inputs",
    "read_input",
    "read_path",
]

# Magic numbers of file types people mistake for text. Checked before any decoding, so that the
# message names the format instead of complaining about an encoding.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"\x1f\x8b", "gzip"),
)

# UTF-32 first: its little-endian BOM begins with the UTF-16 little-endian one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_ASCII = bytes(range(0x80))

# Below this share of non-ASCII bytes a document is mostly English with a few accents, dashes
# and smart quotes. charset-normalizer reads such text as cp1250, cp775 or cp1256 ("naïve"
# becomes "naďve"), even for whole articles, so there cp1252 wins without asking it.
_MIN_NON_ASCII_FOR_DETECTION = 0.2

# A guess that is not cp1252 is only taken when nearly all the non-ASCII letters it produces are
# from a non-Latin script: Cyrillic, Greek, CJK. That is what a real legacy encoding of such text
# yields, while a wrong guess for Western text mixes scripts.
_MIN_NON_LATIN_SHARE = 0.8

# charset-normalizer samples the input itself, but also decodes candidates in full; a bounded
# prefix keeps detection cheap on very large files.
_DETECTION_SAMPLE = 1 << 20
_SCRIPT_SAMPLE = 1 << 16


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A document's text, and the encoding it was read in."""

    text: str
    #: Normalized codec name: "utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", ...
    encoding: str


@dataclass(frozen=True, slots=True)
class InputItem:
    """One document to read: a file, standard input (``path`` None), or an error to report."""

    source: str
    path: Path | None
    error: str | None = None


def _codec_name(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return "latin-1" if name == "iso8859-1" else name


def _decode_error(data: bytes, encoding: str, exc: UnicodeError) -> str:
    if isinstance(exc, UnicodeDecodeError) and exc.start < len(data):
        detail = f"{exc.reason} (byte 0x{data[exc.start]:02x} at offset {exc.start})"
    elif isinstance(exc, UnicodeDecodeError):
        detail = exc.reason
    else:
        detail = str(exc)
    return f"cannot decode as {encoding}: {detail}"


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _binary_error(source: str, kind: str) -> InputError:
    return InputError(source, f"binary file ({kind}), not text")


def _mostly_non_latin(text: str) -> bool:
    letters = non_latin = 0
    for char in text[:_SCRIPT_SAMPLE]:
        if char >= "\x80" and char.isalpha():
            letters += 1
            if not unicodedata.name(char, "").startswith("LATIN"):
                non_latin += 1
    return letters > 0 and non_latin >= _MIN_NON_LATIN_SHARE * letters


def _detection_sample(data: bytes) -> bytes:
    if len(data) <= _DETECTION_SAMPLE:
        return data
    # Cut at a newline: it is never part of a multibyte character in the encodings we can
    # detect (their trail bytes are 0x40 and up), so the sample stays decodable.
    cut = data.rfind(b"\n", 0, _DETECTION_SAMPLE)
    return data[: cut + 1] if cut > 0 else data[:_DETECTION_SAMPLE]


def _guess_non_latin(data: bytes) -> DecodedText | None:
    """charset-normalizer's guess, if it is a plausible legacy encoding of a non-Latin script."""
    from charset_normalizer import from_bytes

    best = from_bytes(_detection_sample(data)).best()
    if best is None:
        return None
    encoding = _codec_name(best.encoding)
    # Without a BOM and without NUL bytes (both handled earlier), UTF-16/32 is never right; it
    # is charset-normalizer's answer for short inputs it cannot place ("caf\xe9" -> utf_16_be).
    if encoding.startswith(("utf-16", "utf-32")):
        return None
    try:
        text = data.decode(encoding)
    except (UnicodeError, LookupError):
        return None
    if not _mostly_non_latin(text):
        return None
    return DecodedText(text, encoding)


def _decode_forced(data: bytes, source: str, encoding: str) -> DecodedText:
    try:
        name = _codec_name(encoding)
    except LookupError:
        raise InputError(source, f"unknown encoding '{encoding}'") from None
    try:
        text = data.decode(name)
    except LookupError:
        raise InputError(source, f"'{encoding}' is not a text encoding") from None
    except UnicodeError as exc:
        raise InputError(source, _decode_error(data, encoding, exc)) from None
    if "\x00" in text:
        raise _binary_error(source, "contains NUL bytes")
    return DecodedText(text, name)


def decode_bytes(data: bytes, source: str, encoding: str | None = None) -> DecodedText:
    """Decode a document's bytes, detecting the encoding unless one is given.

    Detection order: known binary formats are refused; a byte order mark decides (UTF-8, UTF-16
    or UTF-32); strict UTF-8; when at least a fifth of the bytes are non-ASCII,
    charset-normalizer's guess if it yields a non-Latin script; then cp1252, which is what
    Western news text with smart quotes (0x93, 0x94) usually is; then latin-1, which decodes
    anything. Runs in time linear in ``len(data)``.

    Args:
        data: The raw bytes.
        source: Name of the input, used in error messages.
        encoding: A codec name to decode with, strictly, instead of detecting.

    Returns:
        The text, unchanged (no newline or space normalization), and the normalized codec name.

    Raises:
        InputError: The data is binary, the encoding is unknown, or the data does not decode in
            the given encoding.
    """
    kind = _binary_kind(data)
    if kind is not None:
        raise _binary_error(source, kind)
    if encoding is not None:
        return _decode_forced(data, source, encoding)

    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                # The utf-16/32 codecs read the BOM to pick the byte order and drop it.
                text = data.decode(codec)
            except UnicodeError as exc:
                raise InputError(source, _decode_error(data, codec, exc)) from None
            if "\x00" in text:
                raise _binary_error(source, "contains NUL bytes")
            return DecodedText(text, codec)

    if b"\x00" in data:
        raise _binary_error(source, "contains NUL bytes")

    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass

    non_ascii = len(data.translate(None, _ASCII))
    if non_ascii >= _MIN_NON_ASCII_FOR_DETECTION * len(data):
        guess = _guess_non_latin(data)
        if guess is not None:
            return guess
    try:
        return DecodedText(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; latin-1 maps every byte.
        return DecodedText(data.decode("latin-1"), "latin-1")


def _os_reason(exc: OSError, path: Path) -> str:
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link" if os.path.islink(path) else "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    reason = exc.strerror or str(exc)
    return reason[:1].lower() + reason[1:]


def read_path(path: Path, source: str, encoding: str | None = None) -> DecodedText:
    """Read and decode one file.

    Args:
        path: The file to read.
        source: Name of the input, used in error messages.
        encoding: A codec name to decode with instead of detecting.

    Returns:
        The decoded text.

    Raises:
        InputError: The file cannot be read ("no such file", "permission denied", "broken
            symbolic link", "is a directory", ...) or decoded.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(source, _os_reason(exc, path)) from None
    return decode_bytes(data, source, encoding)


def _path_error(path: Path) -> str | None:
    """Why ``path`` cannot be an input, or None if it exists."""
    try:
        path.stat()
    except FileNotFoundError:
        return "broken symbolic link" if os.path.islink(path) else "no such file or directory"
    except OSError as exc:
        return _os_reason(exc, path)
    return None


def _check_pattern(pattern: str) -> None:
    parts = Path(pattern).parts
    # Path.rglob matches everything for "" and leaves the directory for ".." parts.
    if not pattern or Path(pattern).is_absolute() or ".." in parts:
        raise QuotexError(f"invalid file pattern '{pattern}': use a relative glob such as '*.txt'")


def _iter_directory(arg: str, directory: Path, pattern: str) -> Iterator[InputItem]:
    try:
        matches = [match.relative_to(directory) for match in directory.rglob(pattern)]
    except OSError as exc:
        yield InputItem(arg, None, _os_reason(exc, directory))
        return
    matches.sort(key=str)
    found = False
    for relative in matches:
        path = directory / relative
        source = os.path.join(arg, relative)
        error = _path_error(path)
        if error is not None:
            found = True
            yield InputItem(source, None, error)
        elif path.is_file():
            found = True
            yield InputItem(source, path)
    if not found:
        yield InputItem(arg, None, f"no files matching '{pattern}' in directory")


def _iter_inputs(args: Sequence[str], pattern: str) -> Iterator[InputItem]:
    for arg in args:
        if arg == "-":
            yield InputItem("-", None)
            continue
        path = Path(arg)
        error = _path_error(path)
        if error is not None:
            yield InputItem(arg, None, error)
        elif path.is_dir():
            yield from _iter_directory(arg, path, pattern)
        else:
            yield InputItem(arg, path)


def iter_inputs(args: Sequence[str], pattern: str = "*.txt") -> Iterator[InputItem]:
    """The documents named on the command line, in order, without reading them.

    Args:
        args: Paths of files or directories, or ``-`` for standard input.
        pattern: Glob that selects files inside directories, searched recursively.

    Yields:
        One item per file. Directories expand to their matching files, sorted by relative path;
        the source keeps the directory as the user spelled it. Missing paths, broken symbolic
        links and directories without matches become items with ``error`` set, so that a batch
        can report them and go on.

    Raises:
        QuotexError: ``pattern`` is empty, absolute or leaves the directory (``..``). Raised
            at once, before any item is yielded.
    """
    _check_pattern(pattern)
    return _iter_inputs(args, pattern)


def read_input(
    item: InputItem, encoding: str | None = None, stdin: BinaryIO | None = None
) -> DecodedText:
    """Read and decode one item from :func:`iter_inputs`.

    Args:
        item: The input to read.
        encoding: A codec name to decode with instead of detecting.
        stdin: Stream to read for ``-``; defaults to ``sys.stdin.buffer``.

    Returns:
        The decoded text.

    Raises:
        InputError: The item is an error item, or it cannot be read or decoded.
    """
    if item.error is not None:
        raise InputError(item.source, item.error)
    if item.path is not None:
        return read_path(item.path, item.source, encoding)
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read()
    except OSError as exc:
        raise InputError(item.source, exc.strerror or str(exc)) from None
    return decode_bytes(data, item.source, encoding)


def _record_line(line: bytes) -> dict[str, Any] | None:
    """The object on one complete output line, or None if it is not a quotex record."""
    if not line.endswith(b"\n"):
        return None
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("source"), str):
        return None
    return data


def completed_sources(path: Path) -> set[str]:
    """Repair an output file for ``--resume`` and list the documents it already holds.

    A run killed mid-write can leave a partial last line. The file is truncated, in place, just
    before the first line that is not a complete record, so that appending keeps it valid JSONL.

    Args:
        path: The JSONL output file of an earlier run.

    Returns:
        Sources of the document records in the file. Error records are left out, so that failed
        inputs are tried again. Empty if the file does not exist.

    Raises:
        QuotexError: The file cannot be read, or its first line is a complete line that is not a
            quotex record (it is refused rather than emptied: it is probably the wrong file).
    """
    done: set[str] = set()
    try:
        with open(path, "r+b") as handle:
            offset = 0
            for line in handle:
                record = _record_line(line)
                if record is None:
                    if offset == 0 and line.endswith(b"\n"):
                        raise QuotexError(
                            f"{path}: not a quotex JSONL output file; refusing to resume into it"
                        )
                    handle.truncate(offset)
                    break
                if "error" not in record:
                    done.add(record["source"])
                offset += len(line)
    except FileNotFoundError:
        return set()
    except OSError as exc:
        raise QuotexError(f"{path}: cannot resume: {_os_reason(exc, path)}") from None
    return done


class JsonlWriter:
    """Writes records as JSON Lines, one flushed line per record.

    Use as a context manager, usually through :meth:`open`. Writing to a closed pipe raises
    :class:`BrokenPipeError`, which the caller handles; :meth:`close` then stays quiet.
    """

    def __init__(self, stream: IO[bytes], *, close_stream: bool = False) -> None:
        """Wrap a binary stream.

        Args:
            stream: Where the lines go.
            close_stream: Close ``stream`` in :meth:`close` (for files this writer opened);
                otherwise it is only flushed (for standard output).
        """
        self._stream = stream
        #: Sources already in the output file when it was opened with ``resume``.
        self.completed: set[str] = set()
        self._close_stream = close_stream
        self._closed = False
        self._broken = False

    @classmethod
    def open(cls, path: Path | None, *, force: bool = False, resume: bool = False) -> JsonlWriter:
        """A writer for a file, or for standard output when ``path`` is None.

        Args:
            path: Output file, or None for ``sys.stdout.buffer``.
            force: Overwrite an existing file.
            resume: Append to an existing file after repairing it (see
                :func:`completed_sources`); its document sources are in ``completed``.

        Returns:
            The writer.

        Raises:
            QuotexError: The file exists and neither ``force`` nor ``resume`` is set, both are
                set, ``resume`` is set without a path, or the file cannot be opened.
        """
        if force and resume:
            raise QuotexError("--force and --resume cannot be used together")
        if path is None:
            if resume:
                raise QuotexError("--resume needs an output file, not standard output")
            return cls(sys.stdout.buffer)
        if path.is_dir():
            raise QuotexError(f"{path}: is a directory")
        completed: set[str] = set()
        if resume:
            completed = completed_sources(path)
        # "x" creates the file only if it is absent, so a file appearing between a check and
        # the open is never overwritten.
        mode = "ab" if resume else "wb" if force else "xb"
        try:
            stream = open(path, mode)  # noqa: SIM115 - closed by close()
        except FileExistsError:
            raise QuotexError(
                f"{path}: output file exists; use --force to overwrite or --resume to continue"
            ) from None
        except OSError as exc:
            raise QuotexError(f"{path}: cannot write: {_os_reason(exc, path)}") from None
        writer = cls(stream, close_stream=True)
        writer.completed = completed
        return writer

    def write(self, record: DocumentRecord | ErrorRecord) -> None:
        """Write one record as one line, and flush it.

        Raises:
            BrokenPipeError: The reading end of a pipe was closed (``| head``).
        """
        try:
            self._stream.write(orjson.dumps(record.to_dict(), option=orjson.OPT_APPEND_NEWLINE))
            self._stream.flush()
        except BrokenPipeError:
            self._broken = True
            raise

    def close(self) -> None:
        """Flush, and close the stream if this writer opened it. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        if self._close_stream:
            # A file this writer opened: closing it is all there is to do.
            with contextlib.suppress(BrokenPipeError):
                self._stream.close()
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._broken = True
        if self._broken:
            _discard_output(self._stream)

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _discard_output(stream: IO[bytes]) -> None:
    # The reader has gone (``quotex ... | head -1``). Anything written to stdout later, or still
    # pending in ``sys.stdout``'s text layer, would make the interpreter's flush at exit print a
    # BrokenPipeError; pointing the descriptor at /dev/null lets that flush succeed quietly (the
    # recipe in the docs of Python's signal module).
    try:
        fd = stream.fileno()
    except (OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
