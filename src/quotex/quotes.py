"""Finding quotation spans in raw text, before any parsing.

The finder works on characters, one paragraph at a time, in a single pass, so that it runs in time
linear in the text and a stray mark can never swallow more than the rest of its own paragraph.
Whether a span is *speech* (rather than a title or a scare quote) is decided later, in
:mod:`quotex.attribution`, where the parse is available.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

#: Marks that can only open a quote, only close one, or either (the straight mark).
OPENING_MARKS = frozenset("“„‟«")
CLOSING_MARKS = frozenset("”»")
EITHER_MARKS = frozenset('"')
QUOTE_MARKS = OPENING_MARKS | CLOSING_MARKS | EITHER_MARKS

# Characters after which a straight mark reads as opening ("He said, "Yes"), and before which
# it reads as closing ("Yes," he said).
_OPEN_CONTEXT = frozenset(" \t\u00a0([{—–-/:;,\u2002\u2003\u2009")
_CLOSE_CONTEXT = frozenset(" \t\u00a0)]}.,;:!?—–-/…'’\u2002\u2003\u2009")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Characters inside one pair of quote marks, clipped to one paragraph.

    ``start``/``end`` exclude the marks and the white space next to them. ``open_mark`` and
    ``close_mark`` are the offsets of the marks, or None where the span is one paragraph of a
    quote that runs on: a quote left open at the end of a paragraph whose next paragraph reopens.
    """

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None

    @property
    def continues(self) -> bool:
        """True when the quote runs on into the next paragraph."""
        return self.close_mark is None


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of every non-blank line; news paragraphs are one line each."""
    start = 0
    length = len(text)
    while start <= length:
        newline = _next_line_break(text, start)
        end = newline if newline >= 0 else length
        if text[start:end].strip():
            yield start, end
        if newline < 0:
            break
        start = newline + 1


def _next_line_break(text: str, start: int) -> int:
    lf = text.find("\n", start)
    cr = text.find("\r", start)
    if lf < 0:
        return cr
    if cr < 0:
        return lf
    return min(lf, cr)


def _can_open(text: str, i: int, start: int, end: int) -> bool:
    mark = text[i]
    if mark in OPENING_MARKS:
        return True
    if mark in CLOSING_MARKS:
        return False
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before in _OPEN_CONTEXT or before in QUOTE_MARKS) and not after.isspace()


def _can_close(text: str, i: int, start: int, end: int) -> bool:
    mark = text[i]
    if mark in CLOSING_MARKS:
        return True
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if mark in OPENING_MARKS:
        # A curly opening mark used by mistake to close: “Yes,“ he said.
        return not before.isspace() and (after in _CLOSE_CONTEXT or after.isspace())
    return not before.isspace() or after in _CLOSE_CONTEXT


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quotation spans in ``text``, in order, never overlapping.

    Handles curly, straight and mixed double marks, « » guillemets, and quotes that run over
    several paragraphs (each paragraph after the first reopens with a mark and the earlier
    ones end unclosed). Single quotes are left inside the spans they are nested in.
    """
    spans: list[QuoteSpan] = []
    paras = list(paragraphs(text))
    for index, (p_start, p_end) in enumerate(paras):
        open_at: int | None = None
        for i in range(p_start, p_end):
            if text[i] not in QUOTE_MARKS:
                continue
            if open_at is None:
                if _can_open(text, i, p_start, p_end):
                    open_at = i
                continue
            if _can_close(text, i, p_start, p_end):
                start, end = _strip(text, open_at + 1, i)
                if end > start:
                    spans.append(QuoteSpan(start, end, open_at, i))
                open_at = None
            elif _can_open(text, i, p_start, p_end):
                # Two openers in a row: the first was stray.
                open_at = i
        if open_at is not None and _runs_on(text, paras, index, open_at):
            start, end = _strip(text, open_at + 1, p_end)
            if end > start:
                spans.append(QuoteSpan(start, end, open_at, None))
    return spans


def _runs_on(text: str, paras: list[tuple[int, int]], index: int, open_at: int) -> bool:
    """Whether a quote left open at the end of paragraph ``index`` is real.

    The news convention for a quote over several paragraphs is to leave each paragraph unclosed
    and reopen the next one. Any other unclosed mark is taken as stray, so that it costs at most
    nothing rather than the rest of the paragraph.
    """
    if index + 1 >= len(paras):
        return False
    next_start, next_end = paras[index + 1]
    first = next_start
    while first < next_end and text[first].isspace():
        first += 1
    return first < next_end and text[first] in QUOTE_MARKS and _can_open(
        text, first, next_start, next_end
    )
