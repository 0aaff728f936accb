"""Hard-wrapped text: paragraphs broken into lines of a fixed width, as plain-text e-mail and
some wire feeds write them.

quotex reads every line as a paragraph, because news sites write a paragraph per line. In a
hard-wrapped text that cuts sentences, quotes and names in two. :func:`unwrap_lines` finds such
a text and turns the line breaks inside its paragraphs into spaces, one character for one, so
that every offset into the result is an offset into the original too.
"""

from __future__ import annotations

import re

__all__ = ["unwrap_lines"]

#: Lines longer than this are paragraphs written on one line: the text is not wrapped.
MAX_WRAP_WIDTH = 100
#: Texts wrapped narrower than this are lists or verse, not prose.
MIN_WRAP_WIDTH = 40
#: Lines followed by another line of their paragraph that a text needs before its layout can
#: be told.
_MIN_INNER_LINES = 2
#: Share of those lines that must stop in mid-sentence: a paragraph written on a line of its
#: own ends with a full stop or a quote mark; a wrapped line mostly does not.
_MIN_OPEN_SHARE = 0.5
#: A line that runs on is at least this share of the widest line: a short line (a headline,
#: a byline, a list item) ends where it does on purpose.
_MIN_FILL = 0.5
#: How a line may end when its sentence ends with it.
_SENTENCE_ENDS = (".", "!", "?", ":", '"', "”", "'", "’", ")")

#: Characters read to tell whether a text is wrapped: a few hundred lines are enough, and a
#: book-length text is not split into lines just to find out.
_SAMPLE_CHARS = 40_000

#: A line and its break, when a line with words follows.
_RUN_ON = re.compile(r"(?m)^([^\r\n]*)(\r?\n)(?=[^\S\r\n]*\S)")


def unwrap_lines(text: str) -> str:
    """``text`` with the line breaks inside hard-wrapped paragraphs replaced by spaces.

    A text counts as hard-wrapped when its widest line is between :data:`MIN_WRAP_WIDTH` and
    :data:`MAX_WRAP_WIDTH` characters and most lines that another line of their paragraph
    follows stop in mid-sentence (paragraphs are separated by blank lines). Only a break after
    a line that fills most of the width is replaced. Any other text comes back unchanged (the
    same object).

    Returns:
        A string of the same length as ``text``.
    """
    if "\n" not in text:
        return text
    widest = _wrap_width(text[:_SAMPLE_CHARS])
    if widest is None:
        return text
    fill = _MIN_FILL * widest

    def join(match: re.Match[str]) -> str:
        line, brk = match.group(1), match.group(2)
        return line + " " * len(brk) if len(line.rstrip()) >= fill else match.group(0)

    return _RUN_ON.sub(join, text)


def _wrap_width(sample: str) -> int | None:
    """The width ``sample`` is wrapped at, or None if it is not hard-wrapped."""
    lines = [line.rstrip() for line in sample.split("\n")]
    widest = max(len(line) for line in lines)
    if not MIN_WRAP_WIDTH <= widest <= MAX_WRAP_WIDTH:
        return None
    inner = [n for n in range(len(lines) - 1) if lines[n] and lines[n + 1]]
    open_ended = [n for n in inner if not lines[n].endswith(_SENTENCE_ENDS)]
    if len(inner) < _MIN_INNER_LINES or len(open_ended) < _MIN_OPEN_SHARE * len(inner):
        return None
    return widest
