"""Errors the library raises. Their text says what went wrong and what to do."""

from __future__ import annotations


class QuotexError(Exception):
    """Base class: the CLI prints these as ``quotex: error: <message>`` without a traceback."""


class ModelNotFoundError(QuotexError):
    """The requested spaCy pipeline is not installed and is not a directory."""


class InputError(QuotexError):
    """One input could not be read or decoded. Carries the source it is about."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class GoldFormatError(QuotexError):
    """A gold file for ``quotex eval`` is not in the documented format."""
