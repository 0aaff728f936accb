"""Finding quotation spans in raw text, before any parsing.

The finder works on characters, one paragraph at a time, in a single pass, so that it runs in time
linear in the text and a stray mark can never swallow more than the rest of its own paragraph.
Whether a span is *speech* (rather than a title or a scare quote) is decided later, in
:mod:`quotex.attribution`, where the parse is available.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

#: Marks that can only open a quote, only close one, or either (the straight mark).
OPENING_MARKS = frozenset("“„‟«")
CLOSING_MARKS = frozenset("”»")
EITHER_MARKS = frozenset('"')
QUOTE_MARKS = OPENING_MARKS | CLOSING_MARKS | EITHER_MARKS
SINGLE_MARKS = frozenset("‘’'")

# Characters after which a straight mark reads as opening ("He said, "Yes"), and before which
# it reads as closing ("Yes," he said).
_OPEN_CONTEXT = frozenset(" \t\u00a0([{—–-/:;,\u2002\u2003\u2009")
_CLOSE_CONTEXT = frozenset(" \t\u00a0)]}.,;:!?—–-/…'’\u2002\u2003\u2009")
_SENTENCE_ENDS = frozenset(".!?")


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


#: Every mark the pairing looks at, as one search: a regex jumps between marks in C, where a
#: character loop in Python cost more than the rest of the finder. A doubled apostrophe or
#: backtick is one match, so that its two characters are never read as two single marks.
_DOUBLE_MARKS = re.compile("''|``|[" + re.escape("".join(sorted(QUOTE_MARKS))) + "]")
_SINGLE_MARKS = re.compile("''|[" + "".join(sorted(SINGLE_MARKS)) + "]")


def _marks(text: str, start: int, end: int, singles: bool) -> Iterator[tuple[int, int]]:
    """Yield ``(offset, length)`` of every quote mark in ``text[start:end]``.

    Two straight apostrophes ('') count as one straight double mark, and two backticks (``) as an
    opening one: some wire services type quotes that way. With ``singles``, single marks are
    yielded instead, for text that quotes with them.
    """
    if singles:
        for match in _SINGLE_MARKS.finditer(text, start, end):
            i = match.start()
            if match.end() - i == 1:
                yield i, 1
        return
    for match in _DOUBLE_MARKS.finditer(text, start, end):
        i = match.start()
        length = match.end() - i
        if length == 2 or not (text[i] == '"' and _is_inch_mark(text, i, start)):
            yield i, length


def _is_inch_mark(text: str, i: int, start: int) -> bool:
    """A straight double mark after feet and inches, as in 5'10", is a unit, not a quote."""
    j = i - 1
    while j >= start and text[j].isdigit():
        j -= 1
    return j < i - 1 and j > start and text[j] in "'’" and text[j - 1].isdigit()


def _kind(text: str, i: int, length: int) -> str:
    mark = text[i]
    if length == 2:
        return "open" if mark == "`" else "either"
    if mark in OPENING_MARKS or mark == "‘":
        return "open"
    if mark in CLOSING_MARKS or mark == "’":
        return "close"
    return "either"


def _can_open(text: str, i: int, length: int, start: int, end: int) -> bool:
    kind = _kind(text, i, length)
    if kind == "close":
        # A closing mark that opens its paragraph can only be an opening typed wrong:
        # ” … in the case of Wyoming,” wrote Time.
        return length == 1 and text[i] in CLOSING_MARKS and not text[start:i].strip()
    before = text[i - 1] if i > start else " "
    after = text[i + length] if i + length < end else " "
    if text[i] in SINGLE_MARKS and length == 1:
        # An apostrophe inside or after a word ("don't", "voters'") or before a number ("'90s")
        # never opens a quote.
        return (before in _OPEN_CONTEXT or before in QUOTE_MARKS) and after.isalpha()
    if kind == "open":
        return True
    if before in _SENTENCE_ENDS and after.isupper():
        # A sentence glued to the quote that follows it: `the authorities."We were deceived."`
        return True
    return (before in _OPEN_CONTEXT or before in QUOTE_MARKS) and not after.isspace()


def _can_close(text: str, i: int, length: int, start: int, end: int) -> bool:
    kind = _kind(text, i, length)
    before = text[i - 1] if i > start else " "
    after = text[i + length] if i + length < end else " "
    if text[i] in SINGLE_MARKS and length == 1:
        return not before.isspace() and not after.isalnum()
    if kind == "close":
        return True
    if kind == "open":
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

    Handles curly, straight and mixed double marks, « » guillemets, doubled apostrophes, and
    quotes that run over several paragraphs (each paragraph after the first reopens with a mark
    and the earlier ones end unclosed). Single quotes nested in a double quote stay inside it; a
    paragraph with no double marks at all may quote with single marks, as headlines do.
    """
    spans: list[QuoteSpan] = []
    paras = list(paragraphs(text))
    for index in range(len(paras)):
        found = _pair(text, paras, index, singles=False)
        if not found:
            found = _pair(text, paras, index, singles=True)
        spans.extend(found)
    return spans


def _pair(text: str, paras: list[tuple[int, int]], index: int, *, singles: bool) -> list[QuoteSpan]:
    """Pair the marks of one paragraph, left to right."""
    p_start, p_end = paras[index]
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_length = 0
    # Inside a straight-marked quote, a curly pair is a quote within it ("… Written “at this
    # time of crisis,” the statement …"), and a straight pair inside a curly one, as single
    # marks are inside double ones. ``nested`` is the mark that closes the inner quote.
    nested: str | None = None
    for i, length in _marks(text, p_start, p_end, singles):
        if open_at is not None and i < open_at + open_length:
            continue
        if open_at is None:
            if _can_open(text, i, length, p_start, p_end):
                open_at, open_length = i, length
            continue
        can_close = _can_close(text, i, length, p_start, p_end)
        if nested is not None:
            if text[i] == nested and (nested == "”" or can_close):
                nested = None
                continue
            outer_closer = "”" if text[open_at] == "“" else '"'
            if not (text[i] == outer_closer and can_close):
                continue
            # The inner quote was never closed: this mark closes the outer one.
            nested = None
        elif length == 1 and text[open_at] == '"' and text[i] == "“":
            nested = "”"
            continue
        elif (
            length == 1
            and text[open_at] == "“"
            and text[i] == '"'
            and not can_close
            and _can_open(text, i, length, p_start, p_end)
        ):
            nested = '"'
            continue
        if can_close:
            start, end = _strip(text, open_at + open_length, i)
            if end > start:
                spans.append(QuoteSpan(start, end, open_at, i))
            open_at = None
        elif _can_open(text, i, length, p_start, p_end):
            # Two openers in a row: the first was stray.
            open_at, open_length = i, length
    if open_at is not None and not singles and _runs_on(text, paras, index, open_at):
        start, end = _strip(text, open_at + open_length, p_end)
        if end > start:
            spans.append(QuoteSpan(start, end, open_at, None))
    return spans


def _runs_on(text: str, paras: list[tuple[int, int]], index: int, open_at: int) -> bool:
    """Whether a quote left open at the end of paragraph ``index`` is real.

    It is when the paragraph opens with it or a colon introduces it (a quote whose closing mark
    was lost), and when the next paragraph reopens, the news convention for a quote over
    several paragraphs.
    Any other unclosed mark is taken as stray, so that it costs nothing.
    """
    p_start = paras[index][0]
    before = text[p_start:open_at].rstrip()
    if not before or before.endswith(":"):
        # A paragraph that opens with the quote, or introduces it with a colon ("More from the
        # report: “…"), runs it to its end when the closing mark was lost.
        return True
    if index + 1 >= len(paras):
        return False
    next_start, next_end = paras[index + 1]
    first = next_start
    while first < next_end and text[first].isspace():
        first += 1
    if first >= next_end:
        return False
    for i, length in _marks(text, first, min(first + 2, next_end), singles=False):
        return i == first and _can_open(text, i, length, next_start, next_end)
    return False
