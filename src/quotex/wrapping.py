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

_LINE_BREAK = re.compile(r"\r\n|\n")


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
    lines = [(m.start(), m.end()) for m in _LINE_BREAK.finditer(text)]
    # (start, end) of every line, its break excluded, and the break after it.
    spans: list[tuple[int, int, int, int]] = []
    start = 0
    for brk_start, brk_end in lines:
        spans.append((start, brk_start, brk_start, brk_end))
        start = brk_end
    spans.append((start, len(text), len(text), len(text)))
    lines_text = [text[a:b].rstrip() for a, b, _, _ in spans]
    widths = [len(line) for line in lines_text]
    widest = max(widths)
    if not MIN_WRAP_WIDTH <= widest <= MAX_WRAP_WIDTH:
        return text
    inner = [n for n in range(len(spans) - 1) if widths[n] and widths[n + 1]]
    open_ended = [n for n in inner if not lines_text[n].endswith(_SENTENCE_ENDS)]
    if len(inner) < _MIN_INNER_LINES or len(open_ended) < _MIN_OPEN_SHARE * len(inner):
        return text
    runs_on = [n for n in inner if widths[n] >= _MIN_FILL * widest]
    chars = list(text)
    for n in runs_on:
        _, _, brk_start, brk_end = spans[n]
        for i in range(brk_start, brk_end):
            chars[i] = " "
    return "".join(chars)
