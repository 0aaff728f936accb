"""Shared fixtures and helpers: the loaded pipeline, hand-built Docs, and attribution runners.

Rule tests build their ``Doc`` by hand (``make_doc``) so that the parse is exactly the one the
test describes; only tests marked ``model`` load the statistical pipeline, once per session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

import pytest

from quotex.attribution import Attribution, attribute_quotes
from quotex.entities import normalize_entities
from quotex.quotes import find_quote_spans

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

#: One token: (word, fine-grained tag, dependency label, absolute head index[, entity]).
#: The entity is "" or "O" for none, a label such as "PERSON" (which continues an entity of the
#: same label on the previous token), or an explicit "B-PERSON" to start a new one.
Row = tuple[Any, ...]


@pytest.fixture(scope="session")
def vocab() -> Vocab:
    """A blank English vocabulary for hand-built Docs."""
    import spacy

    return spacy.blank("en").vocab


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full quotex pipeline (statistical model plus quotex's components), loaded once."""
    import quotex

    return quotex.load()


def make_doc(vocab: Vocab, text: str, rows: Sequence[Row]) -> Doc:
    """A Doc whose text is exactly ``text``, tokenised, tagged and parsed as ``rows`` say.

    The words of ``rows`` must spell ``text`` in order; a single space after a word becomes its
    trailing space, and any other white space (line breaks) must be a token of its own.
    """
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    deps: list[str] = []
    heads: list[int] = []
    ents: list[str] = []
    cursor = 0
    previous_label = "O"
    for n, row in enumerate(rows):
        word, tag, dep, head = row[:4]
        entity = row[4] if len(row) > 4 else ""
        assert text.startswith(word, cursor), (
            f"token {n} {word!r} does not match the text at {cursor}"
        )
        cursor += len(word)
        space = cursor < len(text) and text[cursor] == " "
        cursor += space
        words.append(word)
        spaces.append(space)
        tags.append(tag)
        deps.append(dep)
        heads.append(head)
        if entity in ("", "O"):
            ents.append("O")
            previous_label = "O"
        elif entity.startswith(("B-", "I-")):
            ents.append(entity)
            previous_label = entity[2:]
        else:
            ents.append(("I-" if previous_label == entity else "B-") + entity)
            previous_label = entity
    assert cursor == len(text), f"rows stop at {cursor}, text has {len(text)} characters"
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads, ents=ents)
    assert doc.text == text
    return doc


@cache
def _blank() -> Language:
    import spacy

    return spacy.blank("en")


def ner_doc(
    text: str, ents: Sequence[tuple[str, str]] = (), tags: Mapping[str, str] | None = None
) -> Doc:
    """A Doc tokenised by spaCy's English tokenizer, with hand-set entities and tags.

    ``ents`` are ``(phrase, label)`` pairs found left to right in ``text``, as a model's NER
    would mark them; ``tags`` maps a word to its fine-grained tag (others get none).
    """
    doc = _blank()(text)
    spans = []
    cursor = 0
    for phrase, label in ents:
        start = text.index(phrase, cursor)
        span = doc.char_span(start, start + len(phrase), label=label)
        assert span is not None, f"{phrase!r} does not fall on token boundaries"
        spans.append(span)
        cursor = start + len(phrase)
    doc.ents = spans
    for token in doc:
        token.tag_ = (tags or {}).get(token.text, "")
    return doc


def attribute(doc: Doc) -> list[Attribution]:
    """Run the rules over a parsed Doc: entities, quote spans, then attribution."""
    return attribute_quotes(doc, find_quote_spans(doc.text), normalize_entities(doc))


@dataclass(frozen=True)
class Said:
    """An attribution read back as text, for assertions that name what a reader sees.

    ``rule`` (which rule fired) is shown in failure output but not compared: the rules may be
    reordered freely as long as the reader sees the same speaker, mention and cue.
    """

    quote: str
    speaker: str | None
    mention: str | None
    label: str | None
    cue: str | None
    rule: str = field(default="", compare=False)


def read(text: str, attribution: Attribution) -> Said:
    """Slice an attribution's offsets out of ``text``."""
    a = attribution
    mention = None
    if a.speaker_start is not None and a.speaker_end is not None:
        mention = text[a.speaker_start : a.speaker_end]
    cue = (
        text[a.cue_start : a.cue_end] if a.cue_start is not None and a.cue_end is not None else None
    )
    return Said(text[a.start : a.end], a.speaker_name, mention, a.speaker_label, cue, a.rule)


def said(doc: Doc) -> list[Said]:
    """Every attribution of a hand-built Doc, read back as text."""
    return [read(doc.text, a) for a in attribute(doc)]


def said_by_model(nlp: Language, text: str) -> list[Said]:
    """Every attribution the full pipeline makes on ``text``, read back as text."""
    doc = nlp(text)
    return [read(text, a) for a in doc._.quotes]
