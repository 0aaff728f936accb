"""Speaker attribution: which quotation spans are speech, who said them, with which cue.

Rules are functions over a parsed ``Doc``; they hold no state and do no I/O. For each quotation
the rules try, in order:

1. the syntax: the quote hangs off a cue verb (``said``, ``told``, ``warned``) whose subject is the
   speaker; this also covers partial quotes inside paraphrase;
2. the neighbourhood: a cue verb right after the closing mark (``"…," said Fomin``) or right before
   the opening mark (``Brahimi said: "…"``), and verbless layouts (``— Commissioner X``,
   ``From X:``);
3. ``according to X``;
4. the previous quote's speaker, for a bare quote paragraph that continues an attributed one.

A pronoun or nominal speaker is then resolved to the entity it stands for (:mod:`quotex.coref`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quotex.coref import Resolver
from quotex.entities import EntityIndex
from quotex.quotes import QuoteSpan, paragraphs
from quotex.records import Label
from quotex.resources import cue_verb_forms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# How far (in tokens) the rules look from a quote mark for a cue or a speaker.
_WINDOW = 30
_DASHES = frozenset({"—", "–", "--", "-"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """A quotation judged to be speech, with its speaker and cue as character offsets."""

    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_name: str | None = None
    speaker_label: Label | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    #: The rule that attributed the quote, for error analysis.
    rule: str = "none"


@dataclass(slots=True)
class _Found:
    speaker: Token | None
    cue: tuple[int, int] | None
    rule: str


class _DocView:
    """Token lookups that the rules need many times, computed once per document."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan]) -> None:
        self.doc = doc
        self.token_starts = [t.idx for t in doc]
        self.quote_of = [-1] * len(doc)
        self.token_ranges: list[tuple[int, int]] = []
        for n, span in enumerate(spans):
            open_char = span.open_mark if span.open_mark is not None else span.start
            close_char = span.close_mark + 1 if span.close_mark is not None else span.end
            first = self.token_at(open_char)
            last = self.token_at(close_char - 1)
            for i in range(first, last + 1):
                self.quote_of[i] = n
            inner_first = self.token_at(span.start)
            inner_last = self.token_at(span.end - 1)
            self.token_ranges.append((inner_first, inner_last + 1))
        self.sent_start = [0] * len(doc)
        self.sent_end = [0] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                self.sent_start[i] = sent.start
                self.sent_end[i] = sent.end
        self.para_bounds = list(paragraphs(doc.text))
        self.para_starts = [start for start, _ in self.para_bounds]

    def token_at(self, char: int) -> int:
        """The token that contains character ``char`` (or the one before it)."""
        return max(0, bisect_right(self.token_starts, char) - 1)

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)

    def outside(self, i: int) -> bool:
        return self.quote_of[i] < 0


def _is_verb(token: Token) -> bool:
    if token.tag_:
        return token.tag_.startswith("VB")
    return token.pos_ in ("VERB", "AUX") or not token.pos_


def is_cue(token: Token) -> bool:
    """A verb form that introduces reported speech."""
    return token.lower_ in cue_verb_forms() and _is_verb(token)


def _subject(verb: Token, view: _DocView, depth: int = 0) -> Token | None:
    """The speaker of a cue verb: its subject, or the subject it shares with a verb it hangs off.

    ``Brahimi emphasized …, saying: "…"`` and ``He smiled and added: "…"`` have no subject of their
    own on the cue; the speaker is the subject of the governing verb.
    """
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS and view.outside(child.i):
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    if depth < 2 and verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl") and verb.head is not verb:
        return _subject(verb.head, view, depth + 1)
    # "…," said Fomin: inverted order is often parsed with the name as object or attribute.
    after = verb.i + 1
    if after < len(view.doc) and view.outside(after):
        token = view.doc[after]
        if token.tag_ in ("NNP", "NNPS", "PRP") or token.ent_type_ in ("PERSON", "ORG"):
            return _head_of_name(token)
        if token.lower_ in ("the", "a", "an") and after + 1 < len(view.doc):
            return _head_of_name(view.doc[after + 1])
    return None


def _head_of_name(token: Token) -> Token:
    """Climb from a name's first word to its head ("Alexander" → "Fomin")."""
    while token.dep_ in ("compound", "det", "amod", "nmod") and token.head.i > token.i:
        token = token.head
    return token


def _syntactic(view: _DocView, q: int) -> _Found | None:
    """The cue verb that the quote depends on, found through the parse."""
    first, last = view.token_ranges[q]
    doc = view.doc
    for i in range(first, last):
        token = doc[i]
        head = token.head
        if view.quote_of[head.i] == q and head is not token:
            continue
        if head is token:
            # The quote's own verb is the root: look for a cue attached below it, as in
            # "…," he said parsed with "said" as a parataxis or ccomp of the quote.
            for child in token.children:
                if view.outside(child.i) and is_cue(child) and _subject(child, view):
                    return _Found(_subject(child, view), (child.i, child.i + 1), "syntax")
            continue
        steps = 0
        child = token
        while steps < 6 and view.outside(head.i):
            # "told them to seek "new initiatives"" is an instruction, not the speech: the
            # reporting verb, if any, is further up.
            if is_cue(head) and child.dep_ != "xcomp":
                return _Found(_subject(head, view), (head.i, head.i + 1), "syntax")
            if head.head is head:
                break
            child, head = head, head.head
            steps += 1
    return None


def _clause_bounds(view: _DocView, q: int) -> tuple[int, int, int, int]:
    """Token ranges just before the opening mark and just after the closing mark of a quote.

    Both stay inside the quote's paragraph, stop at a neighbouring quote, and span at most one
    sentence boundary, so that a cue is never borrowed from an unrelated sentence.
    """
    doc = view.doc
    first, last = view.token_ranges[q]
    open_tok = first - 1
    while open_tok >= 0 and view.quote_of[open_tok] == q:
        open_tok -= 1
    close_tok = last
    while close_tok < len(doc) and view.quote_of[close_tok] == q:
        close_tok += 1
    para = view.paragraph_of(doc[first].idx)
    p_start, p_end = view.para_bounds[para]
    before_start = open_tok
    while (
        before_start >= 0
        and view.outside(before_start)
        and doc[before_start].idx >= p_start
        and open_tok - before_start < _WINDOW
    ):
        before_start -= 1
    after_end = close_tok
    while (
        after_end < len(doc)
        and view.outside(after_end)
        and doc[after_end].idx < p_end
        and after_end - close_tok < _WINDOW
    ):
        after_end += 1
    return before_start + 1, open_tok + 1, close_tok, after_end


def _neighbourhood(view: _DocView, q: int, span: QuoteSpan) -> _Found | None:
    """A cue verb next to the quote, after its closing mark or before its opening mark."""
    doc = view.doc
    before_start, before_end, after_start, after_end = _clause_bounds(view, q)
    # After: "…," Fomin told …, "…," said Fomin, and "…" — Commissioner X. The quote must end its
    # sentence or clause for this to apply.
    if after_start < after_end:
        first_after = doc[after_start]
        if first_after.text in _DASHES:
            speaker = _first_name_like(view, after_start + 1, after_end)
            if speaker is not None:
                return _Found(speaker, None, "dash")
        sentence_end = view.sent_end[after_start]
        for i in range(after_start, min(after_end, max(sentence_end, after_start + 12))):
            token = doc[i]
            if token.text in (".", "!", "?") and i > after_start:
                break
            if is_cue(token):
                speaker = _subject(token, view)
                if speaker is None or speaker.i < after_start:
                    speaker = _first_name_like(view, after_start, i) or speaker
                if speaker is not None:
                    return _Found(speaker, (i, i + 1), "after")
    # Before: Brahimi said: "…", saying: "…", and the bare From X: layout.
    if before_start < before_end:
        last_before = doc[before_end - 1]
        sentence_start = view.sent_start[before_end - 1]
        lower = max(before_start, min(sentence_start, before_end - 1))
        for i in range(before_end - 1, lower - 1, -1):
            token = doc[i]
            if token.text in (".", "!", "?"):
                break
            if is_cue(token):
                speaker = _subject(token, view)
                if speaker is not None:
                    return _Found(speaker, (i, i + 1), "before")
        if last_before.text == ":":
            speaker = _last_name_like(view, lower, before_end - 1)
            if speaker is not None:
                return _Found(speaker, None, "colon")
    return None


def _according_to(view: _DocView, q: int) -> _Found | None:
    """``…," according to X`` and ``According to X, "…"`` in the same sentence."""
    doc = view.doc
    before_start, before_end, after_start, after_end = _clause_bounds(view, q)
    for lo, hi in ((after_start, after_end), (before_start, before_end)):
        for i in range(lo, hi - 1):
            if doc[i].lower_ == "according" and doc[i + 1].lower_ == "to":
                for child in doc[i + 1].children:
                    if child.dep_ == "pobj":
                        return _Found(child, (i, i + 2), "according")
                if i + 2 < hi:
                    return _Found(_head_of_name(doc[i + 2]), (i, i + 2), "according")
    return None


def _first_name_like(view: _DocView, lo: int, hi: int) -> Token | None:
    for i in range(lo, hi):
        token = view.doc[i]
        if token.ent_type_ in ("PERSON", "ORG") or token.tag_ in ("NNP", "NNPS"):
            return _head_of_name(token)
        if token.tag_ == "PRP" and token.lower_ in ("he", "she", "they", "it"):
            return token
    return None


def _last_name_like(view: _DocView, lo: int, hi: int) -> Token | None:
    for i in range(hi - 1, lo - 1, -1):
        token = view.doc[i]
        if token.ent_type_ in ("PERSON", "ORG") or token.tag_ in ("NNP", "NNPS"):
            return token
    return None


_SMALL_WORDS = frozenset(
    "a an the of and or for to in on at by with from as is vs. v. de la le du".split()
)


def is_name_or_title(view: _DocView, q: int) -> bool:
    """A quoted name or title rather than speech: a "Friends of Syria" meeting, "Saturday Night Live".

    Short, no verb, and every content word capitalised; or a quote that premodifies a noun.
    """
    first, last = view.token_ranges[q]
    doc = view.doc
    words = [t for t in doc[first:last] if t.is_alpha]
    if not words or len(words) > 8:
        return False
    if any(_is_verb(t) and t.dep_ != "amod" for t in words):
        return False
    capitalised = all(t.text[:1].isupper() or t.lower_ in _SMALL_WORDS for t in words)
    return capitalised and any(t.text[:1].isupper() for t in words)


def is_premodifier(view: _DocView, q: int) -> bool:
    """A quoted name used as a modifier of a noun outside it: a "Friends of Syria" meeting.

    Such a quote names something; whatever verb governs the sentence, it is not speech.
    """
    first, last = view.token_ranges[q]
    doc = view.doc
    if last - first > 8:
        return False
    for token in doc[first:last]:
        head = token.head
        if view.outside(head.i) and head.i >= last:
            return token.dep_ in ("compound", "amod", "nmod") and head.tag_.startswith("NN")
    return False


def attribute_quotes(doc: Doc, spans: list[QuoteSpan], index: EntityIndex) -> list[Attribution]:
    """Decide which quotation spans are speech and attribute each to a speaker."""
    if not spans or len(doc) == 0:
        return []
    view = _DocView(doc, spans)
    resolver = Resolver(doc, index, view.quote_of)
    results: list[Attribution] = []
    previous: Attribution | None = None
    previous_span: QuoteSpan | None = None
    for q, span in enumerate(spans):
        if is_premodifier(view, q):
            continue
        found = _syntactic(view, q) or _neighbourhood(view, q, span) or _according_to(view, q)
        if (found is None or found.speaker is None) and is_name_or_title(view, q):
            continue
        attribution: Attribution | None = None
        if found is not None and found.speaker is not None:
            attribution = _attribution(view, resolver, span, found)
        elif previous is not None and previous_span is not None and _continues(
            view, previous_span, span
        ):
            attribution = Attribution(
                start=span.start,
                end=span.end,
                speaker_start=previous.speaker_start,
                speaker_end=previous.speaker_end,
                speaker_name=previous.speaker_name,
                speaker_label=previous.speaker_label,
                rule="continuation",
            )
        if attribution is None:
            attribution = Attribution(start=span.start, end=span.end)
            if found is not None and found.cue is not None:
                cue_start, cue_end = _char_range(doc, found.cue)
                attribution = Attribution(
                    start=span.start, end=span.end, cue_start=cue_start, cue_end=cue_end
                )
        results.append(attribution)
        if attribution.speaker_name is not None:
            previous = attribution
        previous_span = span
    return results


def _char_range(doc: Doc, tokens: tuple[int, int]) -> tuple[int, int]:
    span = doc[tokens[0] : tokens[1]]
    return span.start_char, span.end_char


def _attribution(view: _DocView, resolver: Resolver, span: QuoteSpan, found: _Found) -> Attribution:
    assert found.speaker is not None
    mention = resolver.resolve(found.speaker)
    cue_start = cue_end = None
    if found.cue is not None:
        cue_start, cue_end = _char_range(view.doc, found.cue)
    return Attribution(
        start=span.start,
        end=span.end,
        speaker_start=mention.start,
        speaker_end=mention.end,
        speaker_name=mention.name,
        speaker_label=mention.label,
        cue_start=cue_start,
        cue_end=cue_end,
        rule=found.rule,
    )


def _continues(view: _DocView, previous: QuoteSpan, span: QuoteSpan) -> bool:
    """Whether ``span`` carries on the speech of the quote before it.

    True for the later paragraphs of a multi-paragraph quote, and for a paragraph that is nothing
    but a quote, right after the paragraph of an attributed one.
    """
    if previous.continues:
        return True
    text = view.doc.text
    this_para = view.paragraph_of(span.start)
    previous_para = view.paragraph_of(previous.start)
    if this_para - previous_para > 1:
        return False
    if this_para == previous_para:
        return True
    p_start, p_end = view.para_bounds[this_para]
    outside = text[p_start : span.open_mark or span.start] + text[
        (span.close_mark + 1 if span.close_mark is not None else span.end) : p_end
    ]
    return sum(ch.isalpha() for ch in outside) == 0


