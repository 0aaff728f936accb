"""Tests for quotex.coref: resolving pronoun, nominal and relative speaker mentions.

Docs are built by hand (see ``conftest.make_doc``); "Kerry" and "Robin" are given names the
first-name list leaves without a gender, so only the rules under test decide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import Row, make_doc
from quotex.coref import ResolvedMention, Resolver
from quotex.entities import normalize_entities
from quotex.quotes import find_quote_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


def resolver_for(doc: Doc) -> Resolver:
    """A resolver over ``doc``, with the tokens between quote marks known to be quoted."""
    quote_of = [-1] * len(doc)
    for n, span in enumerate(find_quote_spans(doc.text)):
        assert span.open_mark is not None and span.close_mark is not None
        quoted = doc.char_span(span.open_mark, span.close_mark + 1, alignment_mode="expand")
        assert quoted is not None
        for token in quoted:
            quote_of[token.i] = n
    return Resolver(doc, normalize_entities(doc), quote_of)


def token(doc: Doc, word: str, occurrence: int = 0) -> int:
    """The index of the ``occurrence``-th token spelled ``word``."""
    return [t.i for t in doc if t.text == word][occurrence]


def resolve(
    doc: Doc, word: str, occurrence: int = 0, resolver: Resolver | None = None
) -> tuple[str, str, str | None]:
    """(mention text, canonical name, label) for the speaker token ``word``."""
    resolver = resolver or resolver_for(doc)
    mention = resolver.resolve(doc[token(doc, word, occurrence)])
    assert isinstance(mention, ResolvedMention)
    return doc.text[mention.start : mention.end], mention.name, mention.label


# --- names ---------------------------------------------------------------------------------


def test_named_speaker_is_its_whole_mention(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "They thanked Alexander Fomin, who left.",
        [
            ("They", "PRP", "nsubj", 1),
            ("thanked", "VBD", "ROOT", 1),
            ("Alexander", "NNP", "compound", 3, "PERSON"),
            ("Fomin", "NNP", "dobj", 1, "PERSON"),
            (",", ",", "punct", 3),
            ("who", "WP", "nsubj", 6),
            ("left", "VBD", "relcl", 3),
            (".", ".", "punct", 1),
        ],
    )
    assert resolve(doc, "Fomin") == ("Alexander Fomin", "Alexander Fomin", "PERSON")
    assert resolve(doc, "Alexander") == ("Alexander Fomin", "Alexander Fomin", "PERSON")
    # The relative pronoun keeps its own span and names the person the clause describes.
    assert resolve(doc, "who") == ("who", "Alexander Fomin", "PERSON")


# --- pronouns ------------------------------------------------------------------------------


def thanked_doc(vocab: Vocab) -> Doc:
    return make_doc(
        vocab,
        "Mr. Alexander Fomin thanked Ms. Maria Lopez. He left. She stayed.",
        [
            ("Mr.", "NNP", "compound", 2),
            ("Alexander", "NNP", "compound", 2, "PERSON"),
            ("Fomin", "NNP", "nsubj", 3, "PERSON"),
            ("thanked", "VBD", "ROOT", 3),
            ("Ms.", "NNP", "compound", 6),
            ("Maria", "NNP", "compound", 6, "PERSON"),
            ("Lopez", "NNP", "dobj", 3, "PERSON"),
            (".", ".", "punct", 3),
            ("He", "PRP", "nsubj", 9),
            ("left", "VBD", "ROOT", 9),
            (".", ".", "punct", 9),
            ("She", "PRP", "nsubj", 12),
            ("stayed", "VBD", "ROOT", 12),
            (".", ".", "punct", 12),
        ],
    )


def test_he_and_she_follow_gender(vocab: Vocab) -> None:
    doc = thanked_doc(vocab)
    assert resolve(doc, "He") == ("He", "Alexander Fomin", "PERSON")
    assert resolve(doc, "She") == ("She", "Maria Lopez", "PERSON")


def met_doc(vocab: Vocab, verb_dep: str) -> Doc:
    """``Kerry Zhou met Robin Park. He left.`` (``verb_dep`` is Park's role)."""
    return make_doc(
        vocab,
        "Kerry Zhou met Robin Park. He left.",
        [
            ("Kerry", "NNP", "compound", 1, "PERSON"),
            ("Zhou", "NNP", "nsubj", 2, "PERSON"),
            ("met", "VBD", "ROOT", 2),
            ("Robin", "NNP", "compound", 4, "B-PERSON"),
            ("Park", "NNP", verb_dep, 2, "PERSON"),
            (".", ".", "punct", 2),
            ("He", "PRP", "nsubj", 7),
            ("left", "VBD", "ROOT", 7),
            (".", ".", "punct", 7),
        ],
    )


def test_pronoun_prefers_the_subject_over_a_nearer_object(vocab: Vocab) -> None:
    assert resolve(met_doc(vocab, "dobj"), "He") == ("He", "Kerry Zhou", "PERSON")


_SPOKE_ROWS: list[Row] = [
    ("Kerry", "NNP", "compound", 1, "PERSON"),
    ("Zhou", "NNP", "nsubj", 2, "PERSON"),
    ("spoke", "VBD", "ROOT", 2),
    (".", ".", "punct", 2),
    ("Robin", "NNP", "compound", 5, "PERSON"),
    ("Park", "NNP", "nsubj", 6, "PERSON"),
    ("answered", "VBD", "ROOT", 6),
    (".", ".", "punct", 6),
]


def spoke_doc(vocab: Vocab, tail: str = "He left.", tail_rows: list[Row] | None = None) -> Doc:
    """``Kerry Zhou spoke. Robin Park answered.`` and then ``tail`` (its tokens from 8 on)."""
    if tail_rows is None:
        tail_rows = [("He", "PRP", "nsubj", 9), ("left", "VBD", "ROOT", 9), (".", ".", "punct", 9)]
    return make_doc(
        vocab, "Kerry Zhou spoke. Robin Park answered. " + tail, _SPOKE_ROWS + tail_rows
    )


def test_pronoun_prefers_the_nearest_subject(vocab: Vocab) -> None:
    assert resolve(spoke_doc(vocab), "He") == ("He", "Robin Park", "PERSON")


def hall_doc(vocab: Vocab, then: str = "") -> Doc:
    """``spoke_doc`` with "The hall emptied. He left." (naming nobody new just before "He")
    and ``then``, one more sentence of a pronoun and a verb."""
    rows: list[Row] = [
        ("The", "DT", "det", 9),
        ("hall", "NN", "nsubj", 10),
        ("emptied", "VBD", "ROOT", 10),
        (".", ".", "punct", 10),
    ]
    for sentence in ["He left.", then] if then else ["He left."]:
        pronoun, verb = sentence.rstrip(".").split()
        verb_at = 8 + len(rows) + 1  # the tail starts at token 8
        rows += [(pronoun, "PRP", "nsubj", verb_at), (verb, "VBD", "ROOT", verb_at)]
        rows += [(".", ".", "punct", verb_at)]
    return spoke_doc(vocab, f"The hall emptied. He left. {then}".rstrip(), rows)


def test_pronoun_prefers_the_source_being_quoted(vocab: Vocab) -> None:
    doc = hall_doc(vocab)
    resolver = resolver_for(doc)
    resolver.note_speaker("Kerry Zhou")
    assert resolve(doc, "He", resolver=resolver) == ("He", "Kerry Zhou", "PERSON")
    resolver.note_speaker(None)
    assert resolve(doc, "He", resolver=resolver) == ("He", "Robin Park", "PERSON")


def test_the_person_a_picture_shows_is_the_new_subject(vocab: Vocab) -> None:
    # Zhou was quoted last; "Footage of Park appears." makes Park the one who speaks next.
    text = 'Kerry Zhou spoke. Footage of Robin Park appears. "Go," he says.'
    rows: list[Row] = [
        ("Kerry", "NNP", "compound", 1, "PERSON"),
        ("Zhou", "NNP", "nsubj", 2, "PERSON"),
        ("spoke", "VBD", "ROOT", 2),
        (".", ".", "punct", 2),
        ("Footage", "NN", "nsubj", 8),
        ("of", "IN", "prep", 4),
        ("Robin", "NNP", "compound", 7, "PERSON"),
        ("Park", "NNP", "pobj", 5, "PERSON"),
        ("appears", "VBZ", "ROOT", 8),
        (".", ".", "punct", 8),
        ('"', "``", "punct", 15),
        ("Go", "VB", "ccomp", 15),
        (",", ",", "punct", 15),
        ('"', "''", "punct", 15),
        ("he", "PRP", "nsubj", 15),
        ("says", "VBZ", "ROOT", 15),
        (".", ".", "punct", 15),
    ]
    doc = make_doc(vocab, text, rows)
    resolver = resolver_for(doc)
    resolver.note_speaker("Kerry Zhou")
    assert resolve(doc, "he", resolver=resolver)[1] == "Robin Park"


def test_a_subject_the_source_quoted_last_reports_is_no_newcomer(vocab: Vocab) -> None:
    # "Robin Park, Zhou said, has erred." is Zhou's sentence: the next "he said" stays Zhou's.
    text = 'Kerry Zhou spoke. Robin Park, Zhou said, has erred. "Go," he said.'
    rows: list[Row] = [
        ("Kerry", "NNP", "compound", 1, "PERSON"),
        ("Zhou", "NNP", "nsubj", 2, "PERSON"),
        ("spoke", "VBD", "ROOT", 2),
        (".", ".", "punct", 2),
        ("Robin", "NNP", "compound", 5, "PERSON"),
        ("Park", "NNP", "nsubj", 11, "PERSON"),
        (",", ",", "punct", 11),
        ("Zhou", "NNP", "nsubj", 8, "PERSON"),
        ("said", "VBD", "parataxis", 11),
        (",", ",", "punct", 11),
        ("has", "VBZ", "aux", 11),
        ("erred", "VBN", "ROOT", 11),
        (".", ".", "punct", 11),
        ('"', "``", "punct", 18),
        ("Go", "VB", "ccomp", 18),
        (",", ",", "punct", 18),
        ('"', "''", "punct", 18),
        ("he", "PRP", "nsubj", 18),
        ("said", "VBD", "ROOT", 18),
        (".", ".", "punct", 18),
    ]
    doc = make_doc(vocab, text, rows)
    resolver = resolver_for(doc)
    resolver.note_speaker("Kerry Zhou")
    assert resolve(doc, "he", resolver=resolver)[1] == "Kerry Zhou"


def test_a_pronoun_that_is_no_speaker_owes_nothing_to_the_source_quoted_last(vocab: Vocab) -> None:
    # "He left" reports no quote: it is Robin Park, the nearer subject, even while Kerry Zhou
    # is the source being quoted; the later "He" asks for it on the way.
    doc = hall_doc(vocab, "He waved.")
    resolver = resolver_for(doc)
    resolver.note_speaker("Kerry Zhou")
    resolve(doc, "He", 1, resolver)
    park = next(n for n, c in enumerate(resolver.index.clusters) if c.name == "Robin Park")
    assert (token(doc, "He"), park, "male") in resolver.pronoun_mentions


def test_a_new_subject_closing_the_paragraph_before_a_quote_outweighs_the_last_source(
    vocab: Vocab,
) -> None:
    # Zhou was quoted last; Park closes the paragraph before the one the quote opens.
    text = 'Kerry Zhou spoke first. Robin Park answered.\n\n"It hurt," he said.'
    rows: list[Row] = [
        ("Kerry", "NNP", "compound", 1, "PERSON"),
        ("Zhou", "NNP", "nsubj", 2, "PERSON"),
        ("spoke", "VBD", "ROOT", 2),
        ("first", "RB", "advmod", 2),
        (".", ".", "punct", 2),
        ("Robin", "NNP", "compound", 6, "PERSON"),
        ("Park", "NNP", "nsubj", 7, "PERSON"),
        ("answered", "VBD", "ROOT", 7),
        (".", ".", "punct", 7),
        ("\n\n", "_SP", "dep", 8),
        ('"', "``", "punct", 16),
        ("It", "PRP", "nsubj", 12),
        ("hurt", "VBD", "ccomp", 16),
        (",", ",", "punct", 12),
        ('"', "''", "punct", 16),
        ("he", "PRP", "nsubj", 16),
        ("said", "VBD", "ROOT", 16),
        (".", ".", "punct", 16),
    ]
    doc = make_doc(vocab, text, rows)
    resolver = resolver_for(doc)
    resolver.note_speaker("Kerry Zhou")
    assert resolve(doc, "he", resolver=resolver)[1] == "Robin Park"


def test_a_new_subject_outweighs_the_pronoun_that_carried_the_last_source(vocab: Vocab) -> None:
    # Zhou is known to be a man and "he" carried him; Park, of unknown gender, is the new
    # subject just before the second quote, and takes over.
    text = 'Mr. Kerry Zhou spoke. "Yes," he said. Robin Park answered. "No," he said.'
    rows: list[Row] = [
        ("Mr.", "NNP", "compound", 2),
        ("Kerry", "NNP", "compound", 2, "PERSON"),
        ("Zhou", "NNP", "nsubj", 3, "PERSON"),
        ("spoke", "VBD", "ROOT", 3),
        (".", ".", "punct", 3),
        ('"', "``", "punct", 10),
        ("Yes", "UH", "ccomp", 10),
        (",", ",", "punct", 10),
        ('"', "''", "punct", 10),
        ("he", "PRP", "nsubj", 10),
        ("said", "VBD", "ROOT", 10),
        (".", ".", "punct", 10),
        ("Robin", "NNP", "compound", 13, "PERSON"),
        ("Park", "NNP", "nsubj", 14, "PERSON"),
        ("answered", "VBD", "ROOT", 14),
        (".", ".", "punct", 14),
        ('"', "``", "punct", 21),
        ("No", "UH", "ccomp", 21),
        (",", ",", "punct", 21),
        ('"', "''", "punct", 21),
        ("he", "PRP", "nsubj", 21),
        ("said", "VBD", "ROOT", 21),
        (".", ".", "punct", 21),
    ]
    doc = make_doc(vocab, text, rows)
    resolver = resolver_for(doc)
    assert resolve(doc, "he", 0, resolver)[1] == "Kerry Zhou"
    resolver.note_speaker("Kerry Zhou")
    assert resolve(doc, "he", 1, resolver)[1] == "Robin Park"


def test_the_sentence_before_a_quote_of_several_sentences_counts(vocab: Vocab) -> None:
    # "he" is in the quote's second sentence; the sentence before the quote still makes Park
    # the new subject.
    text = 'Kerry Zhou spoke. Robin Park answered.\n\n"It hurt. It still does," he said.'
    rows: list[Row] = [
        *_SPOKE_ROWS,
        ("\n\n", "_SP", "dep", 7),
        ('"', "``", "punct", 11),
        ("It", "PRP", "nsubj", 11),
        ("hurt", "VBD", "ROOT", 11),
        (".", ".", "punct", 11),
        ("It", "PRP", "nsubj", 15),
        ("still", "RB", "advmod", 15),
        ("does", "VBZ", "ccomp", 19),
        (",", ",", "punct", 19),
        ('"', "''", "punct", 19),
        ("he", "PRP", "nsubj", 19),
        ("said", "VBD", "ROOT", 19),
        (".", ".", "punct", 19),
    ]
    doc = make_doc(vocab, text, rows)
    resolver = resolver_for(doc)
    resolver.note_speaker("Kerry Zhou")
    assert resolve(doc, "he", resolver=resolver)[1] == "Robin Park"


def test_the_main_clause_subject_outweighs_a_nearer_one_it_reports(vocab: Vocab) -> None:
    text = 'Robin Park recalled that Kerry Zhou was ignored.\n\n"It hurt," he said.'
    rows: list[Row] = [
        ("Robin", "NNP", "compound", 1, "PERSON"),
        ("Park", "NNP", "nsubj", 2, "PERSON"),
        ("recalled", "VBD", "ROOT", 2),
        ("that", "IN", "mark", 7),
        ("Kerry", "NNP", "compound", 5, "PERSON"),
        ("Zhou", "NNP", "nsubjpass", 7, "PERSON"),
        ("was", "VBD", "auxpass", 7),
        ("ignored", "VBN", "ccomp", 2),
        (".", ".", "punct", 2),
        ("\n\n", "_SP", "dep", 8),
        ('"', "``", "punct", 16),
        ("It", "PRP", "nsubj", 12),
        ("hurt", "VBD", "ccomp", 16),
        (",", ",", "punct", 12),
        ('"', "''", "punct", 16),
        ("he", "PRP", "nsubj", 16),
        ("said", "VBD", "ROOT", 16),
        (".", ".", "punct", 16),
    ]
    assert resolve(make_doc(vocab, text, rows), "he")[1] == "Robin Park"


def test_a_new_subject_just_before_outweighs_the_source_quoted_last(vocab: Vocab) -> None:
    # "Robin Park answered." makes Park the one the next "He" is about, whoever spoke last.
    doc = spoke_doc(vocab)
    resolver = resolver_for(doc)
    resolver.note_speaker("Kerry Zhou")
    assert resolve(doc, "He", resolver=resolver) == ("He", "Robin Park", "PERSON")


def test_a_known_gender_outweighs_being_quoted_last(vocab: Vocab) -> None:
    # Kerry Zhou (no gender known) was quoted last, but "She" follows Ms. Robin Park closely.
    # ("The hall emptied." keeps Park from being the subject just before "She".)
    text = (
        "Kerry Zhou spoke at length on Monday about the budget, the harbour and the schools. "
        "Ms. Robin Park answered. The hall emptied. She left."
    )
    rows: list[Row] = [
        ("Kerry", "NNP", "compound", 1, "PERSON"),
        ("Zhou", "NNP", "nsubj", 2, "PERSON"),
        ("spoke", "VBD", "ROOT", 2),
        ("at", "IN", "prep", 2),
        ("length", "NN", "pobj", 3),
        ("on", "IN", "prep", 2),
        ("Monday", "NNP", "pobj", 5),
        ("about", "IN", "prep", 2),
        ("the", "DT", "det", 9),
        ("budget", "NN", "pobj", 7),
        (",", ",", "punct", 9),
        ("the", "DT", "det", 12),
        ("harbour", "NN", "conj", 9),
        ("and", "CC", "cc", 12),
        ("the", "DT", "det", 15),
        ("schools", "NNS", "conj", 12),
        (".", ".", "punct", 2),
        ("Ms.", "NNP", "compound", 19),
        ("Robin", "NNP", "compound", 19, "PERSON"),
        ("Park", "NNP", "nsubj", 20, "PERSON"),
        ("answered", "VBD", "ROOT", 20),
        (".", ".", "punct", 20),
        ("The", "DT", "det", 23),
        ("hall", "NN", "nsubj", 24),
        ("emptied", "VBD", "ROOT", 24),
        (".", ".", "punct", 24),
        ("She", "PRP", "nsubj", 27),
        ("left", "VBD", "ROOT", 27),
        (".", ".", "punct", 27),
    ]
    doc = make_doc(vocab, text, rows)
    resolver = resolver_for(doc)
    resolver.note_speaker("Kerry Zhou")
    assert resolve(doc, "She", resolver=resolver) == ("She", "Robin Park", "PERSON")


def _nurse_doc(vocab: Vocab, determiner: str) -> Doc:
    text = (
        f"Kerry Zhou opened the clinic. {determiner} nurse said the queue was long.\n\n"
        '"Beds ran out," she said.'
    )
    rows: list[Row] = [
        ("Kerry", "NNP", "compound", 1, "PERSON"),
        ("Zhou", "NNP", "nsubj", 2, "PERSON"),
        ("opened", "VBD", "ROOT", 2),
        ("the", "DT", "det", 4),
        ("clinic", "NN", "dobj", 2),
        (".", ".", "punct", 2),
        (determiner, "DT", "det", 7),
        ("nurse", "NN", "nsubj", 8),
        ("said", "VBD", "ROOT", 8),
        ("the", "DT", "det", 10),
        ("queue", "NN", "nsubj", 11),
        ("was", "VBD", "ccomp", 8),
        ("long", "JJ", "acomp", 11),
        (".", ".", "punct", 8),
        ("\n\n", "_SP", "dep", 13),
        ('"', "``", "punct", 22),
        ("Beds", "NNS", "nsubj", 17),
        ("ran", "VBD", "ccomp", 22),
        ("out", "RP", "prt", 17),
        (",", ",", "punct", 17),
        ('"', "''", "punct", 22),
        ("she", "PRP", "nsubj", 22),
        ("said", "VBD", "ROOT", 22),
        (".", ".", "punct", 22),
    ]
    return make_doc(vocab, text, rows)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # A man named since is no rival for "she".
        ("Mr.", "nurse"),
        # A woman is: she may be the one meant.
        ("Ms.", "Hale"),
    ],
)
def test_she_after_an_unnamed_person_passes_a_man_named_since(
    vocab: Vocab, title: str, name: str
) -> None:
    text = f'A nurse said {title} Hale had left.\n\n"Beds ran out," she said.'
    rows: list[Row] = [
        ("A", "DT", "det", 1),
        ("nurse", "NN", "nsubj", 2),
        ("said", "VBD", "ROOT", 2),
        (title, "NNP", "compound", 4),
        ("Hale", "NNP", "nsubj", 6, "PERSON"),
        ("had", "VBD", "aux", 6),
        ("left", "VBN", "ccomp", 2),
        (".", ".", "punct", 2),
        ("\n\n", "_SP", "dep", 7),
        ('"', "``", "punct", 16),
        ("Beds", "NNS", "nsubj", 11),
        ("ran", "VBD", "ccomp", 16),
        ("out", "RP", "prt", 11),
        (",", ",", "punct", 11),
        ('"', "''", "punct", 16),
        ("she", "PRP", "nsubj", 16),
        ("said", "VBD", "ROOT", 16),
        (".", ".", "punct", 16),
    ]
    assert resolve(make_doc(vocab, text, rows), "she")[1] == name


def test_she_after_an_unnamed_person_is_that_person_not_the_last_name(vocab: Vocab) -> None:
    assert resolve(_nurse_doc(vocab, "A"), "she") == ("she", "nurse", "PERSON")


def test_she_after_a_definite_role_is_left_to_salience(vocab: Vocab) -> None:
    # "The nurse" is someone the article has usually named: the usual resolution decides.
    assert resolve(_nurse_doc(vocab, "The"), "she") == ("she", "Kerry Zhou", "PERSON")


def _judge_doc(vocab: Vocab, paragraphs_between: int) -> Doc:
    filler = "Rain fell.\n\n" * paragraphs_between
    text = f"A judge ruled.\n\n{filler}Judge Ada Marsh wrote."
    rows: list[Row] = [
        ("A", "DT", "det", 1),
        ("judge", "NN", "nsubj", 2),
        ("ruled", "VBD", "ROOT", 2),
        (".", ".", "punct", 2),
        ("\n\n", "_SP", "dep", 3),
    ]
    for _ in range(paragraphs_between):
        n = len(rows)
        rows += [
            ("Rain", "NN", "nsubj", n + 1),
            ("fell", "VBD", "ROOT", n + 1),
            (".", ".", "punct", n + 1),
            ("\n\n", "_SP", "dep", n + 2),
        ]
    n = len(rows)
    rows += [
        ("Judge", "NNP", "compound", n + 2),
        ("Ada", "NNP", "compound", n + 2, "PERSON"),
        ("Marsh", "NNP", "nsubj", n + 3, "PERSON"),
        ("wrote", "VBD", "ROOT", n + 3),
        (".", ".", "punct", n + 3),
    ]
    return make_doc(vocab, text, rows)


def test_a_leads_unnamed_role_is_the_person_named_with_it_next(vocab: Vocab) -> None:
    assert resolve(_judge_doc(vocab, 0), "judge") == ("A judge", "Ada Marsh", "PERSON")


def test_a_leads_role_named_only_much_later_stays_unnamed(vocab: Vocab) -> None:
    assert resolve(_judge_doc(vocab, 4), "judge") == ("A judge", "judge", None)


def test_a_name_in_apposition_to_the_subject_is_the_subject(vocab: Vocab) -> None:
    # Zhou was quoted last, but the sentence just before makes the moderator, Park, its
    # subject.
    text = 'Kerry Zhou spoke first. The moderator, Robin Park, struggled. "Move on," he said.'
    rows: list[Row] = [
        ("Kerry", "NNP", "compound", 1, "PERSON"),
        ("Zhou", "NNP", "nsubj", 2, "PERSON"),
        ("spoke", "VBD", "ROOT", 2),
        ("first", "RB", "advmod", 2),
        (".", ".", "punct", 2),
        ("The", "DT", "det", 6),
        ("moderator", "NN", "nsubj", 11),
        (",", ",", "punct", 6),
        ("Robin", "NNP", "compound", 9, "PERSON"),
        ("Park", "NNP", "appos", 6, "PERSON"),
        (",", ",", "punct", 6),
        ("struggled", "VBD", "ROOT", 11),
        (".", ".", "punct", 11),
        ('"', "``", "punct", 19),
        ("Move", "VB", "ccomp", 19),
        ("on", "RP", "prt", 14),
        (",", ",", "punct", 19),
        ('"', "''", "punct", 19),
        ("he", "PRP", "nsubj", 19),
        ("said", "VBD", "ROOT", 19),
        (".", ".", "punct", 19),
    ]
    doc = make_doc(vocab, text, rows)
    resolver = resolver_for(doc)
    resolver.note_speaker("Kerry Zhou")
    assert resolve(doc, "he", resolver=resolver) == ("he", "Robin Park", "PERSON")


def test_mention_inside_a_quote_is_less_salient(vocab: Vocab) -> None:
    # Kerry Zhou is a nearer subject, but only inside someone else's quote.
    doc = make_doc(
        vocab,
        'Robin Park\'s aide said "Kerry Zhou lied". He left.',
        [
            ("Robin", "NNP", "compound", 1, "PERSON"),
            ("Park", "NNP", "poss", 3, "PERSON"),
            ("'s", "POS", "case", 1),
            ("aide", "NN", "nsubj", 4),
            ("said", "VBD", "ROOT", 4),
            ('"', "``", "punct", 4),
            ("Kerry", "NNP", "compound", 7, "PERSON"),
            ("Zhou", "NNP", "nsubj", 8, "PERSON"),
            ("lied", "VBD", "ccomp", 4),
            ('"', "''", "punct", 4),
            (".", ".", "punct", 4),
            ("He", "PRP", "nsubj", 12),
            ("left", "VBD", "ROOT", 12),
            (".", ".", "punct", 12),
        ],
    )
    assert resolve(doc, "He") == ("He", "Robin Park", "PERSON")


@pytest.mark.parametrize(("subject", "expected"), [("Zorblax", "Zorblax"), ("Kerry Zhou", "Acme")])
def test_the_company_after_a_one_word_name_taken_for_a_person(
    vocab: Vocab, subject: str, expected: str
) -> None:
    # The model called Zorblax a person; "The company" opening the next sentence says what
    # it is. A person's full name is no company: then the organisation named stays.
    words = subject.split()
    rows: list[Row] = [("Acme", "NNP", "nsubj", 1, "ORG"), ("grew", "VBD", "ROOT", 1)]
    rows += [(".", ".", "punct", 1)]
    verb = 3 + len(words)
    rows += [(w, "NNP", "compound", verb - 1, "PERSON") for w in words[:-1]]
    rows += [(words[-1], "NNP", "nsubj", verb, "PERSON"), ("spoke", "VBD", "ROOT", verb)]
    rows += [(".", ".", "punct", verb), ("The", "DT", "det", verb + 3)]
    rows += [("company", "NN", "nsubj", verb + 4), ("left", "VBD", "ROOT", verb + 4)]
    rows += [(".", ".", "punct", verb + 4)]
    doc = make_doc(vocab, f"Acme grew. {subject} spoke. The company left.", rows)
    assert resolve(doc, "company") == ("The company", expected, "ORG")


@pytest.mark.parametrize(
    ("name", "ent", "label"),
    [("Gazprom", "ORG", "ORG"), ("Russia", "GPE", "COUNTRY")],
)
def test_it_is_an_organisation_or_a_country(vocab: Vocab, name: str, ent: str, label: str) -> None:
    doc = make_doc(
        vocab,
        f"{name} hired Alexander Fomin. It grew.",
        [
            (name, "NNP", "nsubj", 1, ent),
            ("hired", "VBD", "ROOT", 1),
            ("Alexander", "NNP", "compound", 3, "PERSON"),
            ("Fomin", "NNP", "dobj", 1, "PERSON"),
            (".", ".", "punct", 1),
            ("It", "PRP", "nsubj", 6),
            ("grew", "VBD", "ROOT", 6),
            (".", ".", "punct", 6),
        ],
    )
    assert resolve(doc, "It") == ("It", name, label)


def test_they_may_be_an_organisation(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Gazprom raised prices. They blamed demand.",
        [
            ("Gazprom", "NNP", "nsubj", 1, "ORG"),
            ("raised", "VBD", "ROOT", 1),
            ("prices", "NNS", "dobj", 1),
            (".", ".", "punct", 1),
            ("They", "PRP", "nsubj", 5),
            ("blamed", "VBD", "ROOT", 5),
            ("demand", "NN", "dobj", 5),
            (".", ".", "punct", 5),
        ],
    )
    assert resolve(doc, "They") == ("They", "Gazprom", "ORG")


def test_pronoun_without_antecedent_keeps_its_words(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "He left. It rained.",
        [
            ("He", "PRP", "nsubj", 1),
            ("left", "VBD", "ROOT", 1),
            (".", ".", "punct", 1),
            ("It", "PRP", "nsubj", 4),
            ("rained", "VBD", "ROOT", 4),
            (".", ".", "punct", 4),
        ],
    )
    assert resolve(doc, "He") == ("He", "He", None)
    assert resolve(doc, "It") == ("It", "It", None)


def test_the_i_of_an_opinion_piece_is_the_writer_its_headline_names(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Kerry Zhou: Why reform.\n\nI left.",
        [
            ("Kerry", "NNP", "compound", 1, "PERSON"),
            ("Zhou", "NNP", "ROOT", 1, "PERSON"),
            (":", ":", "punct", 1),
            ("Why", "WRB", "advmod", 4),
            ("reform", "NN", "appos", 1),
            (".", ".", "punct", 1),
            ("\n\n", "_SP", "dep", 5),
            ("I", "PRP", "nsubj", 8),
            ("left", "VBD", "ROOT", 8),
            (".", ".", "punct", 8),
        ],
    )
    assert resolve(doc, "I") == ("I", "Kerry Zhou", "PERSON")


def test_the_i_of_an_opinion_piece_is_the_writer_its_closing_line_describes(
    vocab: Vocab,
) -> None:
    doc = make_doc(
        vocab,
        "I left.\n\nRobin Park is a columnist.",
        [
            ("I", "PRP", "nsubj", 1),
            ("left", "VBD", "ROOT", 1),
            (".", ".", "punct", 1),
            ("\n\n", "_SP", "dep", 2),
            ("Robin", "NNP", "compound", 5, "PERSON"),
            ("Park", "NNP", "nsubj", 6, "PERSON"),
            ("is", "VBZ", "ROOT", 6),
            ("a", "DT", "det", 8),
            ("columnist", "NN", "attr", 6),
            (".", ".", "punct", 6),
        ],
    )
    assert resolve(doc, "I") == ("I", "Robin Park", "PERSON")


def test_a_closing_line_about_someone_the_story_named_is_no_signature(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Robin Park spoke. I left.\n\nPark is the front-runner.",
        [
            ("Robin", "NNP", "compound", 1, "PERSON"),
            ("Park", "NNP", "nsubj", 2, "PERSON"),
            ("spoke", "VBD", "ROOT", 2),
            (".", ".", "punct", 2),
            ("I", "PRP", "nsubj", 5),
            ("left", "VBD", "ROOT", 5),
            (".", ".", "punct", 5),
            ("\n\n", "_SP", "dep", 6),
            ("Park", "NNP", "nsubj", 9, "PERSON"),
            ("is", "VBZ", "ROOT", 9),
            ("the", "DT", "det", 11),
            ("front-runner", "NN", "attr", 9),
            (".", ".", "punct", 9),
        ],
    )
    assert resolve(doc, "I") == ("I", "I", None)


def test_first_person_is_not_the_person_named_before(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Alexander Fomin left. I stayed.",
        [
            ("Alexander", "NNP", "compound", 1, "PERSON"),
            ("Fomin", "NNP", "nsubj", 2, "PERSON"),
            ("left", "VBD", "ROOT", 2),
            (".", ".", "punct", 2),
            ("I", "PRP", "nsubj", 5),
            ("stayed", "VBD", "ROOT", 5),
            (".", ".", "punct", 5),
        ],
    )
    assert resolve(doc, "I") == ("I", "I", None)


def test_pronoun_never_looks_forward(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "He left before Alexander Fomin.",
        [
            ("He", "PRP", "nsubj", 1),
            ("left", "VBD", "ROOT", 1),
            ("before", "IN", "prep", 1),
            ("Alexander", "NNP", "compound", 4, "PERSON"),
            ("Fomin", "NNP", "pobj", 2, "PERSON"),
            (".", ".", "punct", 1),
        ],
    )
    assert resolve(doc, "He") == ("He", "He", None)


def test_a_name_after_a_subject_pronoun_in_its_clause_is_not_its_antecedent(
    vocab: Vocab,
) -> None:
    # Binding: in "He praised Park", He cannot be Park, however near and salient Park is.
    tail = [
        ("He", "PRP", "nsubj", 9),
        ("praised", "VBD", "ROOT", 9),
        ("Park", "NNP", "dobj", 9, "PERSON"),
        (".", ".", "punct", 9),
    ]
    doc = spoke_doc(vocab, "He praised Park.", tail)
    assert resolve(doc, "He") == ("He", "Kerry Zhou", "PERSON")


def test_a_name_in_a_relative_clause_after_the_pronoun_is_not_bound(vocab: Vocab) -> None:
    # "He spoke where Park lived": news prose does not keep He from being Park there.
    tail = [
        ("He", "PRP", "nsubj", 9),
        ("spoke", "VBD", "ROOT", 9),
        ("where", "WRB", "advmod", 13),
        ("Robin", "NNP", "compound", 12, "PERSON"),
        ("Park", "NNP", "nsubj", 13, "PERSON"),
        ("lived", "VBD", "advcl", 9),
        (".", ".", "punct", 9),
    ]
    doc = spoke_doc(vocab, "He spoke where Robin Park lived.", tail)
    assert resolve(doc, "He") == ("He", "Robin Park", "PERSON")


def test_a_name_that_modifies_a_noun_is_not_bound(vocab: Vocab) -> None:
    # "He praised Park volunteers": a name used as a modifier names no one the pronoun
    # could not be.
    tail = [
        ("He", "PRP", "nsubj", 9),
        ("praised", "VBD", "ROOT", 9),
        ("Park", "NNP", "compound", 11, "PERSON"),
        ("volunteers", "NNS", "dobj", 9),
        (".", ".", "punct", 9),
    ]
    doc = spoke_doc(vocab, "He praised Park volunteers.", tail)
    assert resolve(doc, "He") == ("He", "Robin Park", "PERSON")


def test_a_pronoun_after_as_for_a_name_is_that_name(vocab: Vocab) -> None:
    # Park is the nearer subject; "As for Kerry Zhou," makes Zhou the sentence's topic.
    tail = [
        ("As", "IN", "prep", 14),
        ("for", "IN", "prep", 8),
        ("Kerry", "NNP", "compound", 11, "PERSON"),
        ("Zhou", "NNP", "pobj", 9, "PERSON"),
        (",", ",", "punct", 14),
        ("he", "PRP", "nsubj", 14),
        ("left", "VBD", "ROOT", 14),
        (".", ".", "punct", 14),
    ]
    doc = spoke_doc(vocab, "As for Kerry Zhou, he left.", tail)
    assert resolve(doc, "he") == ("he", "Kerry Zhou", "PERSON")


def test_a_quoted_name_does_not_bind_the_speaker(vocab: Vocab) -> None:
    # Speakers name themselves: in 'He said "Park won."' He may well be Park.
    tail = [
        ("He", "PRP", "nsubj", 9),
        ("said", "VBD", "ROOT", 9),
        ('"', "``", "punct", 12),
        ("Park", "NNP", "nsubj", 12, "PERSON"),
        ("won", "VBD", "ccomp", 9),
        (".", ".", "punct", 12),
        ('"', "''", "punct", 9),
    ]
    doc = spoke_doc(vocab, 'He said "Park won."', tail)
    assert resolve(doc, "He") == ("He", "Robin Park", "PERSON")


def _carried_doc(vocab: Vocab, first: str) -> Doc:
    filler = ["and"] * 60
    text = "Robin Park spoke " + " ".join(filler) + f". {first} thanked Kerry Zhou. He left."
    rows: list[Row] = [
        ("Robin", "NNP", "compound", 1, "PERSON"),
        ("Park", "NNP", "nsubj", 2, "PERSON"),
    ]
    rows += [("spoke", "VBD", "ROOT", 2)]
    rows += [(word, "CC", "cc", 2) for word in filler]
    rows += [(".", ".", "punct", 2)]
    he = len(rows)
    rows += [(first, "PRP", "nsubj", he + 1), ("thanked", "VBD", "ROOT", he + 1)]
    rows += [("Kerry", "NNP", "compound", he + 3, "PERSON")]
    rows += [("Zhou", "NNP", "dobj", he + 1, "PERSON"), (".", ".", "punct", he + 1)]
    rows += [("He", "PRP", "nsubj", he + 6), ("left", "VBD", "ROOT", he + 6)]
    rows += [(".", ".", "punct", he + 6)]
    return make_doc(vocab, text, rows)


def test_a_resolved_pronoun_carries_its_entity_forward(vocab: Vocab) -> None:
    # Robin Park is named once, long ago; the first "He" is Park, and so the second is too,
    # rather than the nearer object Kerry Zhou.
    doc = _carried_doc(vocab, "He")
    resolver = resolver_for(doc)
    assert resolve(doc, "He", 0, resolver) == ("He", "Robin Park", "PERSON")
    assert resolve(doc, "He", 1, resolver) == ("He", "Robin Park", "PERSON")


def test_a_role_as_a_main_subject_carries_its_person_to_a_later_pronoun(vocab: Vocab) -> None:
    # "The senator" is John Park (the sentence before is about him), and so is "He", though
    # Kerry Zhou is named nearer.
    filler = ["and"] * 40
    text = "John Park arrived " + " ".join(filler) + ". The senator said Kerry Zhou erred. He left."
    rows: list[Row] = [("John", "NNP", "compound", 1, "PERSON")]
    rows += [("Park", "NNP", "nsubj", 2, "PERSON")]
    rows += [("arrived", "VBD", "ROOT", 2)]
    rows += [(word, "CC", "cc", 2) for word in filler]
    rows += [(".", ".", "punct", 2)]
    the = len(rows)
    rows += [("The", "DT", "det", the + 1), ("senator", "NN", "nsubj", the + 2)]
    rows += [("said", "VBD", "ROOT", the + 2), ("Kerry", "NNP", "compound", the + 4, "PERSON")]
    rows += [("Zhou", "NNP", "nsubj", the + 5, "PERSON"), ("erred", "VBD", "ccomp", the + 2)]
    rows += [(".", ".", "punct", the + 2)]
    rows += [("He", "PRP", "nsubj", the + 8), ("left", "VBD", "ROOT", the + 8)]
    rows += [(".", ".", "punct", the + 8)]
    doc = make_doc(vocab, text, rows)
    assert resolve(doc, "He") == ("He", "John Park", "PERSON")


def test_a_main_clause_pronoun_carries_its_entity_without_being_a_speaker(
    vocab: Vocab,
) -> None:
    # Nobody asked who the first "He" is (it is no speaker); the second still goes through it.
    assert resolve(_carried_doc(vocab, "He"), "He", 1) == ("He", "Robin Park", "PERSON")
    # With no pronoun between, the nearer name wins: the chain is what carries Park.
    assert resolve(_carried_doc(vocab, "They"), "He") == ("He", "Kerry Zhou", "PERSON")


# --- gender from usage ---------------------------------------------------------------------


def zhou_doc(vocab: Vocab, last_pronoun: str) -> Doc:
    return make_doc(
        vocab,
        f"Kerry Zhou arrived. She sat. Zhou smiled. {last_pronoun} waved.",
        [
            ("Kerry", "NNP", "compound", 1, "PERSON"),
            ("Zhou", "NNP", "nsubj", 2, "PERSON"),
            ("arrived", "VBD", "ROOT", 2),
            (".", ".", "punct", 2),
            ("She", "PRP", "nsubj", 5),
            ("sat", "VBD", "ROOT", 5),
            (".", ".", "punct", 5),
            ("Zhou", "NNP", "nsubj", 8, "PERSON"),
            ("smiled", "VBD", "ROOT", 8),
            (".", ".", "punct", 8),
            (last_pronoun, "PRP", "nsubj", 11),
            ("waved", "VBD", "ROOT", 11),
            (".", ".", "punct", 11),
        ],
    )


@pytest.mark.parametrize(("last_pronoun", "gender"), [("She", "female"), ("He", None)])
def test_gender_inferred_from_how_the_article_refers_back(
    vocab: Vocab, last_pronoun: str, gender: str | None
) -> None:
    doc = zhou_doc(vocab, last_pronoun)
    resolver = resolver_for(doc)
    [cluster] = resolver.index.clusters
    assert (cluster.name, cluster.gender) == ("Kerry Zhou", gender)


def test_known_gender_is_not_outvoted(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Mr. Kerry Zhou arrived. She sat. She waved.",
        [
            ("Mr.", "NNP", "compound", 2),
            ("Kerry", "NNP", "compound", 2, "PERSON"),
            ("Zhou", "NNP", "nsubj", 3, "PERSON"),
            ("arrived", "VBD", "ROOT", 3),
            (".", ".", "punct", 3),
            ("She", "PRP", "nsubj", 6),
            ("sat", "VBD", "ROOT", 6),
            (".", ".", "punct", 6),
            ("She", "PRP", "nsubj", 9),
            ("waved", "VBD", "ROOT", 9),
            (".", ".", "punct", 9),
        ],
    )
    resolver = resolver_for(doc)
    assert resolver.index.clusters[0].gender == "male"
    assert resolve(doc, "She", resolver=resolver) == ("She", "She", None)


# --- nominal speakers ----------------------------------------------------------------------


def test_the_ministry_is_the_ministry_the_article_named(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "The Foreign Ministry summoned the envoy. The ministry was angry.",
        [
            ("The", "DT", "det", 2),
            ("Foreign", "NNP", "compound", 2, "ORG"),
            ("Ministry", "NNP", "nsubj", 3, "ORG"),
            ("summoned", "VBD", "ROOT", 3),
            ("the", "DT", "det", 5),
            ("envoy", "NN", "dobj", 3),
            (".", ".", "punct", 3),
            ("The", "DT", "det", 8),
            ("ministry", "NN", "nsubj", 9),
            ("was", "VBD", "ROOT", 9),
            ("angry", "JJ", "acomp", 9),
            (".", ".", "punct", 9),
        ],
    )
    assert resolve(doc, "ministry") == ("The ministry", "Foreign Ministry", "ORG")


def test_the_group_is_the_organisation_named_in_apposition_to_it(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "The growers' lobbying group, Agrinet, sued Delmar Foods. Later the group said so.",
        [
            ("The", "DT", "det", 1),
            ("growers", "NNS", "poss", 4),
            ("'", "POS", "case", 1),
            ("lobbying", "NN", "compound", 4),
            ("group", "NN", "nsubj", 8),
            (",", ",", "punct", 4),
            ("Agrinet", "NNP", "appos", 4, "ORG"),
            (",", ",", "punct", 4),
            ("sued", "VBD", "ROOT", 8),
            ("Delmar", "NNP", "compound", 10, "B-ORG"),
            ("Foods", "NNP", "dobj", 8, "ORG"),
            (".", ".", "punct", 8),
            ("Later", "RB", "advmod", 15),
            ("the", "DT", "det", 14),
            ("group", "NN", "nsubj", 15),
            ("said", "VBD", "ROOT", 15),
            ("so", "RB", "advmod", 15),
            (".", ".", "punct", 15),
        ],
    )
    assert resolve(doc, "group", 1) == ("the group", "Agrinet", "ORG")


def test_a_party_group_in_an_institution_is_not_the_institution(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Senate Democrats objected.",
        [
            ("Senate", "NNP", "compound", 1, "ORG"),
            ("Democrats", "NNPS", "nsubj", 2, "NORP"),
            ("objected", "VBD", "ROOT", 2),
            (".", ".", "punct", 2),
        ],
    )
    assert resolve(doc, "Democrats") == ("Senate Democrats", "Senate Democrats", None)


@pytest.mark.parametrize("noun", ["label", "airline", "regulator"])
def test_a_trade_noun_is_the_organisation_last_named(vocab: Vocab, noun: str) -> None:
    doc = make_doc(
        vocab,
        f"Starline Holdings issued refunds. The {noun} said so.",
        [
            ("Starline", "NNP", "compound", 1, "ORG"),
            ("Holdings", "NNP", "nsubj", 2, "ORG"),
            ("issued", "VBD", "ROOT", 2),
            ("refunds", "NNS", "dobj", 2),
            (".", ".", "punct", 2),
            ("The", "DT", "det", 6),
            (noun, "NN", "nsubj", 7),
            ("said", "VBD", "ROOT", 7),
            ("so", "RB", "advmod", 7),
            (".", ".", "punct", 7),
        ],
    )
    assert resolve(doc, noun) == (f"The {noun}", "Starline Holdings", "ORG")


@pytest.mark.parametrize(
    ("modifier", "entity", "expected"),
    [
        ("Green", "NORP", "Green group"),
        ("Harbor Post", "ORG", "Harbor Post"),
    ],
    ids=["a-party-group-names-itself", "an-organisation-in-the-modifier"],
)
def test_an_organisation_noun_with_a_name_before_it(
    vocab: Vocab, modifier: str, entity: str, expected: str
) -> None:
    words = modifier.split()
    text = f"Delmar Foods sued. The {modifier} group said so."
    rows: list[Row] = [
        ("Delmar", "NNP", "compound", 1, "ORG"),
        ("Foods", "NNP", "nsubj", 2, "ORG"),
        ("sued", "VBD", "ROOT", 2),
        (".", ".", "punct", 2),
        ("The", "DT", "det", 5 + len(words)),
    ]
    group = 5 + len(words)
    for n, word in enumerate(words):
        head = group if n == len(words) - 1 else 5 + n + 1
        rows.append((word, "NNP", "compound", head, "B-" + entity if n == 0 else entity))
    rows += [
        ("group", "NN", "nsubj", group + 1),
        ("said", "VBD", "ROOT", group + 1),
        ("so", "RB", "advmod", group + 1),
        (".", ".", "punct", group + 1),
    ]
    doc = make_doc(vocab, text, rows)
    assert resolve(doc, "group") == (f"The {modifier} group", expected, "ORG")


def test_the_spokesman_is_the_person_with_that_title(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Kremlin spokesman Dmitry Peskov spoke. Sergei Lavrov nodded. The spokesman left.",
        [
            ("Kremlin", "NNP", "compound", 3, "ORG"),
            ("spokesman", "NN", "compound", 3),
            ("Dmitry", "NNP", "compound", 3, "PERSON"),
            ("Peskov", "NNP", "nsubj", 4, "PERSON"),
            ("spoke", "VBD", "ROOT", 4),
            (".", ".", "punct", 4),
            ("Sergei", "NNP", "compound", 7, "PERSON"),
            ("Lavrov", "NNP", "nsubj", 8, "PERSON"),
            ("nodded", "VBD", "ROOT", 8),
            (".", ".", "punct", 8),
            ("The", "DT", "det", 11),
            ("spokesman", "NN", "nsubj", 12),
            ("left", "VBD", "ROOT", 12),
            (".", ".", "punct", 12),
        ],
    )
    # Sergei Lavrov is nearer and a subject, but Peskov is the one called the spokesman.
    assert resolve(doc, "spokesman", 1) == ("The spokesman", "Dmitry Peskov", "PERSON")


def test_a_role_word_in_a_clause_before_a_name_is_not_its_title(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Spokesman lauds Kerry deal. The spokesman left.",
        [
            ("Spokesman", "NN", "nsubj", 1),
            ("lauds", "VBZ", "ROOT", 1),
            ("Kerry", "NNP", "compound", 3, "PERSON"),
            ("deal", "NN", "dobj", 1),
            (".", ".", "punct", 1),
            ("The", "DT", "det", 6),
            ("spokesman", "NN", "nsubj", 7),
            ("left", "VBD", "ROOT", 7),
            (".", ".", "punct", 7),
        ],
    )
    # "Spokesman lauds Kerry deal" does not call Kerry the spokesman: the verb comes between,
    # and with nobody named in the role the words stay as they are.
    assert resolve(doc, "spokesman") == ("The spokesman", "spokesman", None)


def test_role_given_in_an_appositive_after_the_name(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Donald Trump, the Republican nominee, spoke. The nominee left.",
        [
            ("Donald", "NNP", "compound", 1, "PERSON"),
            ("Trump", "NNP", "nsubj", 7, "PERSON"),
            (",", ",", "punct", 1),
            ("the", "DT", "det", 5),
            ("Republican", "JJ", "amod", 5, "NORP"),
            ("nominee", "NN", "appos", 1),
            (",", ",", "punct", 1),
            ("spoke", "VBD", "ROOT", 7),
            (".", ".", "punct", 7),
            ("The", "DT", "det", 10),
            ("nominee", "NN", "nsubj", 11),
            ("left", "VBD", "ROOT", 11),
            (".", ".", "punct", 11),
        ],
    )
    assert resolve(doc, "nominee", 1) == ("The nominee", "Donald Trump", "PERSON")
    # The appositive itself names the person it describes.
    assert resolve(doc, "nominee", 0) == ("the Republican nominee", "Donald Trump", "PERSON")


@pytest.mark.parametrize(
    ("role", "holder"), [("vice president", "Kerry Lane"), ("president", "Robin Park")]
)
def test_a_qualified_role_is_only_the_same_qualified_title(
    vocab: Vocab, role: str, holder: str
) -> None:
    # "the vice president" is the vice president named before, not the nearer "President X".
    words = role.split()
    rows: list[Row] = [
        ("Vice", "NNP", "compound", 1),
        ("President", "NNP", "compound", 3),
        ("Kerry", "NNP", "compound", 3, "PERSON"),
        ("Lane", "NNP", "nsubj", 4, "PERSON"),
        ("spoke", "VBD", "ROOT", 4),
        ("with", "IN", "prep", 4),
        ("President", "NNP", "compound", 8),
        ("Robin", "NNP", "compound", 8, "PERSON"),
        ("Park", "NNP", "pobj", 5, "PERSON"),
        (".", ".", "punct", 4),
        ("It", "PRP", "nsubj", 11),
        ("rained", "VBD", "ROOT", 11),
        (".", ".", "punct", 11),
        ("The", "DT", "det", 13 + len(words) - 1),
    ]
    if len(words) == 2:
        rows.append(("vice", "NN", "compound", 15))
    head = len(rows)
    rows += [(words[-1], "NN", "nsubj", head + 1), ("left", "VBD", "ROOT", head + 1)]
    rows += [(".", ".", "punct", head + 1)]
    doc = make_doc(
        vocab,
        f"Vice President Kerry Lane spoke with President Robin Park. It rained. The {role} left.",
        rows,
    )
    assert resolve(doc, "president")[1] == holder


def _senator_doc(vocab: Vocab, modifier: str = "") -> Doc:
    """Kerry Zhou holds the role; Robin Park is the subject just before "the senator"."""
    words = f"The {modifier} senator left." if modifier else "The senator left."
    rows: list[Row] = [
        ("Senator", "NNP", "compound", 2),
        ("Kerry", "NNP", "compound", 2, "PERSON"),
        ("Zhou", "NNP", "nsubj", 3, "PERSON"),
        ("spoke", "VBD", "ROOT", 3),
        (".", ".", "punct", 3),
        ("Robin", "NNP", "compound", 6, "PERSON"),
        ("Park", "NNP", "nsubj", 7, "PERSON"),
        ("arrived", "VBD", "ROOT", 7),
        (".", ".", "punct", 7),
        ("The", "DT", "det", 11 if modifier else 10),
    ]
    if modifier:
        rows.append((modifier, "NNP", "compound", 11, "PERSON"))
    senator = len(rows)
    rows += [("senator", "NN", "nsubj", senator + 1), ("left", "VBD", "ROOT", senator + 1)]
    rows += [(".", ".", "punct", senator + 1)]
    return make_doc(vocab, f"Senator Kerry Zhou spoke. Robin Park arrived. {words}", rows)


def test_a_role_that_follows_a_sentence_about_someone_is_that_person(vocab: Vocab) -> None:
    # News names its subject, then varies it: Park, not the senator named further back.
    assert resolve(_senator_doc(vocab), "senator") == ("The senator", "Robin Park", "PERSON")


def test_a_titled_name_that_the_parse_made_its_sentences_root_is_its_subject(
    vocab: Vocab,
) -> None:
    # "Rep. Robin Park, …, but he left": the parse lost the verb of Park's clause; Park is
    # still its subject, and the subject of the sentence.
    doc = make_doc(
        vocab,
        "Kerry Zhou spoke. Rep. Robin Park, but he left.",
        [
            ("Kerry", "NNP", "compound", 1, "PERSON"),
            ("Zhou", "NNP", "nsubj", 2, "PERSON"),
            ("spoke", "VBD", "ROOT", 2),
            (".", ".", "punct", 2),
            ("Rep.", "NNP", "compound", 6),
            ("Robin", "NNP", "compound", 6, "PERSON"),
            ("Park", "NNP", "ROOT", 6, "PERSON"),
            (",", ",", "punct", 6),
            ("but", "CC", "cc", 6),
            ("he", "PRP", "nsubj", 10),
            ("left", "VBD", "conj", 6),
            (".", ".", "punct", 6),
        ],
    )
    assert resolve(doc, "he") == ("he", "Robin Park", "PERSON")


def test_titles_coordinated_over_one_name_are_that_person(vocab: Vocab) -> None:
    # "said former Ohio Gov. and party Chairman Robin Park": the parse hangs the name as a
    # conjunct of the first title.
    doc = make_doc(
        vocab,
        "Said former Ohio Gov. and party Chairman Robin Park.",
        [
            ("Said", "VBD", "ROOT", 0),
            ("former", "JJ", "amod", 3),
            ("Ohio", "NNP", "compound", 3, "GPE"),
            ("Gov.", "NNP", "nsubj", 0),
            ("and", "CC", "cc", 3),
            ("party", "NN", "compound", 7),
            ("Chairman", "NNP", "compound", 7),
            ("Robin", "NNP", "compound", 8, "PERSON"),
            ("Park", "NNP", "conj", 3, "PERSON"),
            (".", ".", "punct", 0),
        ],
    )
    assert resolve(doc, "Gov.")[1:] == ("Robin Park", "PERSON")


def test_what_someone_said_speaks_for_its_owner(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Robin Park's answer was no.",
        [
            ("Robin", "NNP", "compound", 1, "PERSON"),
            ("Park", "NNP", "poss", 3, "PERSON"),
            ("'s", "POS", "case", 1),
            ("answer", "NN", "nsubj", 4),
            ("was", "VBD", "ROOT", 4),
            ("no", "DT", "attr", 4),
            (".", ".", "punct", 4),
        ],
    )
    assert resolve(doc, "answer") == ("Robin Park's answer", "Robin Park", "PERSON")


def test_the_sentence_before_a_role_is_found_when_a_quote_splits_the_roles_sentence(
    vocab: Vocab,
) -> None:
    # The parser ends a sentence inside "Go! Go!": the sentence about Park is still the one
    # before "Walking in to chants of …, the senator said".
    text = (
        "Senator Kerry Zhou spoke. Robin Park arrived. "
        'Walking in to chants of "Go! Go!," the senator said.'
    )
    rows: list[Row] = [
        ("Senator", "NNP", "compound", 2),
        ("Kerry", "NNP", "compound", 2, "PERSON"),
        ("Zhou", "NNP", "nsubj", 3, "PERSON"),
        ("spoke", "VBD", "ROOT", 3),
        (".", ".", "punct", 3),
        ("Robin", "NNP", "compound", 6, "PERSON"),
        ("Park", "NNP", "nsubj", 7, "PERSON"),
        ("arrived", "VBD", "ROOT", 7),
        (".", ".", "punct", 7),
        ("Walking", "VBG", "ROOT", 9),
        ("in", "RP", "prt", 9),
        ("to", "IN", "prep", 9),
        ("chants", "NNS", "pobj", 11),
        ("of", "IN", "prep", 12),
        ('"', "``", "punct", 15),
        ("Go", "VB", "pobj", 13),
        ("!", ".", "punct", 9),
        ("Go", "VB", "ccomp", 23),
        ("!", ".", "punct", 17),
        (",", ",", "punct", 23),
        ('"', "''", "punct", 23),
        ("the", "DT", "det", 22),
        ("senator", "NN", "nsubj", 23),
        ("said", "VBD", "ROOT", 23),
        (".", ".", "punct", 23),
    ]
    doc = make_doc(vocab, text, rows)
    assert resolve(doc, "senator") == ("the senator", "Robin Park", "PERSON")


@pytest.mark.parametrize("role", ["neurosurgeon", "actress", "historian"])
def test_an_occupation_is_a_role_too(vocab: Vocab, role: str) -> None:
    doc = make_doc(
        vocab,
        f"Robin Park arrived. The {role} left.",
        [
            ("Robin", "NNP", "compound", 1, "PERSON"),
            ("Park", "NNP", "nsubj", 2, "PERSON"),
            ("arrived", "VBD", "ROOT", 2),
            (".", ".", "punct", 2),
            ("The", "DT", "det", 5),
            (role, "NN", "nsubj", 6),
            ("left", "VBD", "ROOT", 6),
            (".", ".", "punct", 6),
        ],
    )
    assert resolve(doc, role) == (f"The {role}", "Robin Park", "PERSON")


def test_a_role_in_a_reporting_clause_hung_off_the_quote_follows_the_sentence_before(
    vocab: Vocab,
) -> None:
    # The parse makes the quote's verb the root and "said" its parataxis.
    text = 'Senator Kerry Zhou spoke. Robin Park arrived. "Go," the senator said.'
    rows: list[Row] = [
        ("Senator", "NNP", "compound", 2),
        ("Kerry", "NNP", "compound", 2, "PERSON"),
        ("Zhou", "NNP", "nsubj", 3, "PERSON"),
        ("spoke", "VBD", "ROOT", 3),
        (".", ".", "punct", 3),
        ("Robin", "NNP", "compound", 6, "PERSON"),
        ("Park", "NNP", "nsubj", 7, "PERSON"),
        ("arrived", "VBD", "ROOT", 7),
        (".", ".", "punct", 7),
        ('"', "``", "punct", 10),
        ("Go", "VB", "ROOT", 10),
        (",", ",", "punct", 10),
        ('"', "''", "punct", 10),
        ("the", "DT", "det", 14),
        ("senator", "NN", "nsubj", 15),
        ("said", "VBD", "parataxis", 10),
        (".", ".", "punct", 10),
    ]
    doc = make_doc(vocab, text, rows)
    assert resolve(doc, "senator") == ("the senator", "Robin Park", "PERSON")


def test_a_role_relative_to_someone_else_is_not_the_subject_before(vocab: Vocab) -> None:
    # "The Park senator" (like "the Cruz adviser") is somebody else's: the role holder stays.
    doc = _senator_doc(vocab, "Park")
    assert resolve(doc, "senator")[1] == "Kerry Zhou"


def test_nominal_with_an_appositive_name(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "The head of the agency, Alexander Fomin, left.",
        [
            ("The", "DT", "det", 1),
            ("head", "NN", "nsubj", 9),
            ("of", "IN", "prep", 1),
            ("the", "DT", "det", 4),
            ("agency", "NN", "pobj", 2),
            (",", ",", "punct", 1),
            ("Alexander", "NNP", "compound", 7, "PERSON"),
            ("Fomin", "NNP", "appos", 1, "PERSON"),
            (",", ",", "punct", 1),
            ("left", "VBD", "ROOT", 9),
            (".", ".", "punct", 9),
        ],
    )
    assert resolve(doc, "head") == ("The head", "Alexander Fomin", "PERSON")


@pytest.mark.parametrize(
    ("text", "rows", "expected"),
    [
        pytest.param(
            "A State Department official left.",
            [
                ("A", "DT", "det", 3),
                ("State", "NNP", "compound", 2, "ORG"),
                ("Department", "NNP", "compound", 3, "ORG"),
                ("official", "NN", "nsubj", 4),
                ("left", "VBD", "ROOT", 4),
                (".", ".", "punct", 4),
            ],
            ("A State Department official", "State Department", "ORG"),
            id="organisation-before",
        ),
        pytest.param(
            "A spokesman for Gazprom left.",
            [
                ("A", "DT", "det", 1),
                ("spokesman", "NN", "nsubj", 4),
                ("for", "IN", "prep", 1),
                ("Gazprom", "NNP", "pobj", 2, "ORG"),
                ("left", "VBD", "ROOT", 4),
                (".", ".", "punct", 4),
            ],
            ("A spokesman", "Gazprom", "ORG"),
            id="organisation-after",
        ),
    ],
)
def test_unnamed_person_speaks_for_the_organisation(
    vocab: Vocab, text: str, rows: list[tuple[object, ...]], expected: tuple[str, str, str]
) -> None:
    doc = make_doc(vocab, text, rows)
    head = "official" if "official" in text else "spokesman"
    assert resolve(doc, head) == expected


@pytest.mark.parametrize(
    ("noun", "label"),
    [("lawyer", None), ("committee", "ORG")],
)
def test_nominal_with_nobody_named_keeps_its_words(
    vocab: Vocab, noun: str, label: str | None
) -> None:
    doc = make_doc(
        vocab,
        f"The {noun} left.",
        [
            ("The", "DT", "det", 1),
            (noun, "NN", "nsubj", 2),
            ("left", "VBD", "ROOT", 2),
            (".", ".", "punct", 2),
        ],
    )
    assert resolve(doc, noun) == (f"The {noun}", noun, label)


@pytest.mark.parametrize(
    ("noun", "expected"),
    [("cooperative", "Lake Power Cooperative"), ("station", "spokesman")],
    ids=["named-with-the-noun", "noun-not-in-any-name"],
)
def test_a_spokesman_for_an_organisation_named_by_a_noun(
    vocab: Vocab, noun: str, expected: str
) -> None:
    doc = make_doc(
        vocab,
        f"Lake Power Cooperative signed. A spokesman for the {noun} said so.",
        [
            ("Lake", "NNP", "compound", 2, "ORG"),
            ("Power", "NNP", "compound", 2, "ORG"),
            ("Cooperative", "NNP", "nsubj", 3, "ORG"),
            ("signed", "VBD", "ROOT", 3),
            (".", ".", "punct", 3),
            ("A", "DT", "det", 6),
            ("spokesman", "NN", "nsubj", 10),
            ("for", "IN", "prep", 6),
            ("the", "DT", "det", 9),
            (noun, "NN", "pobj", 7),
            ("said", "VBD", "ROOT", 10),
            ("so", "RB", "advmod", 10),
            (".", ".", "punct", 10),
        ],
    )
    assert resolve(doc, "spokesman")[1] == expected


def board_doc(vocab: Vocab, between: str, after: list[Row]) -> Doc:
    """``Lake Water Board warned.<between>A spokesperson<after> said so.``"""
    rows: list[Row] = [
        ("Lake", "NNP", "compound", 2, "ORG"),
        ("Water", "NNP", "compound", 2, "ORG"),
        ("Board", "NNP", "nsubj", 3, "ORG"),
        ("warned", "VBD", "ROOT", 3),
        (".", ".", "punct", 3),
    ]
    if "\n" in between:
        rows.append((between, "_SP", "dep", 4))
    spokesperson = len(rows) + 1
    said = spokesperson + 1 + len(after)
    rows += [("A", "DT", "det", spokesperson), ("spokesperson", "NN", "nsubj", said)]
    # Heads in ``after`` count from the word after "spokesperson"; -1 is "spokesperson".
    rows += [
        (*row[:3], spokesperson if row[3] < 0 else spokesperson + 1 + row[3], *row[4:])
        for row in after
    ]
    rows += [("said", "VBD", "ROOT", said), ("so", "RB", "advmod", said), (".", ".", "punct", said)]
    text = "Lake Water Board warned." + between + "A spokesperson"
    text += "".join(" " + str(row[0]) for row in after) + " said so."
    return make_doc(vocab, text, rows)


def test_an_unnamed_spokesperson_speaks_for_the_organisation_before_them(vocab: Vocab) -> None:
    doc = board_doc(vocab, " ", [])
    assert resolve(doc, "spokesperson") == ("A spokesperson", "Lake Water Board", "ORG")


def test_a_spokesperson_in_a_new_paragraph_or_for_someone_else_does_not(vocab: Vocab) -> None:
    assert resolve(board_doc(vocab, "\n\n", []), "spokesperson")[1] == "spokesperson"
    for_zhou: list[Row] = [
        ("for", "IN", "prep", -1),
        ("Kerry", "NNP", "compound", 2, "PERSON"),
        ("Zhou", "NNP", "pobj", 0, "PERSON"),
    ]
    assert resolve(board_doc(vocab, " ", for_zhou), "spokesperson")[1] != "Lake Water Board"


def test_the_lawyer_is_not_the_client(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Kerry Zhou hired a lawyer. The lawyer left.",
        [
            ("Kerry", "NNP", "compound", 1, "PERSON"),
            ("Zhou", "NNP", "nsubj", 2, "PERSON"),
            ("hired", "VBD", "ROOT", 2),
            ("a", "DT", "det", 4),
            ("lawyer", "NN", "dobj", 2),
            (".", ".", "punct", 2),
            ("The", "DT", "det", 7),
            ("lawyer", "NN", "nsubj", 8),
            ("left", "VBD", "ROOT", 8),
            (".", ".", "punct", 8),
        ],
    )
    assert resolve(doc, "lawyer", 1) == ("The lawyer", "lawyer", None)


@pytest.mark.parametrize(
    ("modifier", "possessive", "expected"),
    [
        (["former"], "her", "Maria Lopez"),
        (["former"], "his", "Kerry Zhou"),
        ([], "her", "secretary"),
    ],
    ids=["former-her", "former-his", "no-office"],
)
def test_the_holder_of_an_office_is_the_story_s_person_of_that_gender(
    vocab: Vocab, modifier: list[str], possessive: str, expected: str
) -> None:
    # "The former secretary began her speech": one office, one person, and "her" says which.
    words = " ".join(["The", *modifier, "secretary"])
    text = f"Ms. Maria Lopez spoke. Mr. Kerry Zhou answered. {words} began {possessive} speech."
    rows: list[Row] = [
        ("Ms.", "NNP", "compound", 2),
        ("Maria", "NNP", "compound", 2, "PERSON"),
        ("Lopez", "NNP", "nsubj", 3, "PERSON"),
        ("spoke", "VBD", "ROOT", 3),
        (".", ".", "punct", 3),
        ("Mr.", "NNP", "compound", 7),
        ("Kerry", "NNP", "compound", 7, "PERSON"),
        ("Zhou", "NNP", "nsubj", 8, "PERSON"),
        ("answered", "VBD", "ROOT", 8),
        (".", ".", "punct", 8),
    ]
    secretary = 11 + len(modifier)
    rows += [("The", "DT", "det", secretary)]
    rows += [(word, "JJ", "amod", secretary) for word in modifier]
    rows += [
        ("secretary", "NN", "nsubj", secretary + 1),
        ("began", "VBD", "ROOT", secretary + 1),
        (possessive, "PRP$", "poss", secretary + 3),
        ("speech", "NN", "dobj", secretary + 1),
        (".", ".", "punct", secretary + 1),
    ]
    doc = make_doc(vocab, text, rows)
    mention, name, _ = resolve(doc, "secretary")
    assert (mention, name) == (words, expected)


def test_the_company_is_the_organisation_the_story_keeps_naming(vocab: Vocab) -> None:
    # A nearer organisation named once loses to the one named throughout.
    text = "Acme sued. Acme won. Acme appealed. The Lake Fund joined. The company left."
    rows: list[Row] = []
    for verb in ("sued", "won", "appealed"):
        at = len(rows)
        rows += [("Acme", "NNP", "nsubj", at + 1, "ORG"), (verb, "VBD", "ROOT", at + 1)]
        rows += [(".", ".", "punct", at + 1)]
    at = len(rows)
    rows += [
        ("The", "DT", "det", at + 2),
        ("Lake", "NNP", "compound", at + 2, "ORG"),
        ("Fund", "NNP", "nsubj", at + 3, "ORG"),
        ("joined", "VBD", "ROOT", at + 3),
        (".", ".", "punct", at + 3),
        ("The", "DT", "det", at + 6),
        ("company", "NN", "nsubj", at + 7),
        ("left", "VBD", "ROOT", at + 7),
        (".", ".", "punct", at + 7),
    ]
    doc = make_doc(vocab, text, rows)
    assert resolve(doc, "company") == ("The company", "Acme", "ORG")


def test_the_company_is_the_one_whose_spokesperson_opens_the_sentence(vocab: Vocab) -> None:
    # The subject just before names Acme; the company of this sentence's own subject wins.
    text = "Acme declined. A Lumo spokesperson cited a post in which the company said it."
    rows: list[Row] = [
        ("Acme", "NNP", "nsubj", 1, "ORG"),
        ("declined", "VBD", "ROOT", 1),
        (".", ".", "punct", 1),
        ("A", "DT", "det", 5),
        ("Lumo", "NNP", "compound", 5, "ORG"),
        ("spokesperson", "NN", "nsubj", 6),
        ("cited", "VBD", "ROOT", 6),
        ("a", "DT", "det", 8),
        ("post", "NN", "dobj", 6),
        ("in", "IN", "prep", 13),
        ("which", "WDT", "pobj", 9),
        ("the", "DT", "det", 12),
        ("company", "NN", "nsubj", 13),
        ("said", "VBD", "relcl", 8),
        ("it", "PRP", "dobj", 13),
        (".", ".", "punct", 6),
    ]
    doc = make_doc(vocab, text, rows)
    assert resolve(doc, "company") == ("the company", "Lumo", "ORG")


def dateline_doc(vocab: Vocab, agency: str) -> Doc:
    return make_doc(
        vocab,
        f"OSLO ({agency}) — The union said it would strike.",
        [
            ("OSLO", "NNP", "npadvmod", 7, "GPE"),
            ("(", "-LRB-", "punct", 0),
            (agency, "NNP", "appos", 0, "ORG"),
            (")", "-RRB-", "punct", 0),
            ("—", ":", "punct", 7),
            ("The", "DT", "det", 6),
            ("union", "NN", "nsubj", 7),
            ("said", "VBD", "ROOT", 7),
            ("it", "PRP", "nsubj", 10),
            ("would", "MD", "aux", 10),
            ("strike", "VB", "ccomp", 7),
            (".", ".", "punct", 7),
        ],
    )


def test_the_agency_of_a_dateline_is_nobody_in_the_story(vocab: Vocab) -> None:
    # "(AP)" credits the story; the union is not the Associated Press.
    assert resolve(dateline_doc(vocab, "AP"), "union") == ("The union", "union", "ORG")
    assert resolve(dateline_doc(vocab, "AP"), "it")[1] != "AP"


def test_it_with_no_organisation_named_is_the_organisation_noun_before_it(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "The federation rejected the plan. It said so.",
        [
            ("The", "DT", "det", 1),
            ("federation", "NN", "nsubj", 2),
            ("rejected", "VBD", "ROOT", 2),
            ("the", "DT", "det", 4),
            ("plan", "NN", "dobj", 2),
            (".", ".", "punct", 2),
            ("It", "PRP", "nsubj", 7),
            ("said", "VBD", "ROOT", 7),
            ("so", "RB", "advmod", 7),
            (".", ".", "punct", 7),
        ],
    )
    assert resolve(doc, "It") == ("It", "federation", "ORG")


@pytest.mark.parametrize(
    ("between", "name"), [("", "Kerry's campaign"), ("Lumo Inc agreed. ", "Lumo Inc")]
)
def test_it_is_the_organisation_noun_just_made_a_main_subject(
    vocab: Vocab, between: str, name: str
) -> None:
    # A named organisation further back does not win over "Kerry's campaign" just before,
    # unless an organisation is named in between.
    rows: list[Row] = [
        ("The", "DT", "det", 2),
        ("Court", "NNP", "nsubj", 2, "ORG"),
        ("ruled", "VBD", "ROOT", 2),
        (".", ".", "punct", 2),
        ("Kerry", "NNP", "poss", 6, "PERSON"),
        ("'s", "POS", "case", 4),
        ("campaign", "NN", "nsubj", 7),
        ("backtracked", "VBD", "ROOT", 7),
        (".", ".", "punct", 7),
    ]
    if between:
        rows += [
            ("Lumo", "NNP", "compound", 10, "ORG"),
            ("Inc", "NNP", "nsubj", 11, "ORG"),
            ("agreed", "VBD", "ROOT", 11),
            (".", ".", "punct", 11),
        ]
    it = len(rows)
    rows += [("It", "PRP", "nsubj", it + 1), ("said", "VBD", "ROOT", it + 1)]
    rows += [("so", "RB", "advmod", it + 1), (".", ".", "punct", it + 1)]
    doc = make_doc(
        vocab, f"The Court ruled. Kerry's campaign backtracked. {between}It said so.", rows
    )
    assert resolve(doc, "It")[1:] == (name, "ORG")


def test_the_country_of_a_dateline_is_not_it(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "OSLO, Norway — It said so.",
        [
            ("OSLO", "NNP", "npadvmod", 6, "GPE"),
            (",", ",", "punct", 0),
            ("Norway", "NNP", "appos", 0, "GPE"),
            ("—", ":", "punct", 6),
            ("It", "PRP", "nsubj", 6),
            ("said", "VBD", "ROOT", 6),
            ("so", "RB", "advmod", 6),
            (".", ".", "punct", 6),
        ],
    )
    assert resolve(doc, "It")[1] != "Norway"


def test_a_text_speaks_for_its_owner(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Maria Lopez left. Her campaign website said it.",
        [
            ("Maria", "NNP", "compound", 1, "PERSON"),
            ("Lopez", "NNP", "nsubj", 2, "PERSON"),
            ("left", "VBD", "ROOT", 2),
            (".", ".", "punct", 2),
            ("Her", "PRP$", "poss", 6),
            ("campaign", "NN", "compound", 6),
            ("website", "NN", "nsubj", 7),
            ("said", "VBD", "ROOT", 7),
            ("it", "PRP", "dobj", 7),
            (".", ".", "punct", 7),
        ],
    )
    assert resolve(doc, "website") == ("Her campaign website", "Maria Lopez", "PERSON")


@pytest.mark.parametrize("preposition", ["from", "by"])
def test_a_text_speaks_for_the_author_it_names(vocab: Vocab, preposition: str) -> None:
    doc = make_doc(
        vocab,
        f"A letter {preposition} the Farm Bureau said it.",
        [
            ("A", "DT", "det", 1),
            ("letter", "NN", "nsubj", 6),
            (preposition, "IN", "prep", 1),
            ("the", "DT", "det", 5),
            ("Farm", "NNP", "compound", 5, "ORG"),
            ("Bureau", "NNP", "pobj", 2, "ORG"),
            ("said", "VBD", "ROOT", 6),
            ("it", "PRP", "dobj", 6),
            (".", ".", "punct", 6),
        ],
    )
    assert resolve(doc, "letter") == ("A letter", "Farm Bureau", "ORG")


@pytest.mark.parametrize(("ent", "name"), [("ORG", "Farm Gazette"), ("GPE", "editorial")])
def test_a_text_in_a_publication_speaks_for_it(vocab: Vocab, ent: str, name: str) -> None:
    # "An editorial in the Farm Gazette said …"; one in a place is nobody's.
    doc = make_doc(
        vocab,
        "An editorial in the Farm Gazette said it.",
        [
            ("An", "DT", "det", 1),
            ("editorial", "NN", "nsubj", 6),
            ("in", "IN", "prep", 1),
            ("the", "DT", "det", 5),
            ("Farm", "NNP", "compound", 5, ent),
            ("Gazette", "NNP", "pobj", 2, ent),
            ("said", "VBD", "ROOT", 6),
            ("it", "PRP", "dobj", 6),
            (".", ".", "punct", 6),
        ],
    )
    assert resolve(doc, "editorial")[1] == name


@pytest.mark.parametrize(("verb", "name"), [("issued", "Farm Bureau"), ("obtained", "letter")])
def test_a_text_speaks_for_who_issued_it_not_who_obtained_it(
    vocab: Vocab, verb: str, name: str
) -> None:
    doc = make_doc(
        vocab,
        f"A letter {verb} by the Farm Bureau said it.",
        [
            ("A", "DT", "det", 1),
            ("letter", "NN", "nsubj", 7),
            (verb, "VBN", "acl", 1),
            ("by", "IN", "agent", 2),
            ("the", "DT", "det", 6),
            ("Farm", "NNP", "compound", 6, "ORG"),
            ("Bureau", "NNP", "pobj", 3, "ORG"),
            ("said", "VBD", "ROOT", 7),
            ("it", "PRP", "dobj", 7),
            (".", ".", "punct", 7),
        ],
    )
    assert resolve(doc, "letter")[1] == name


@pytest.mark.parametrize(("verb", "name"), [("released", "Lumo"), ("read", "ad")])
def test_a_text_is_who_puts_it_out_in_the_same_clause(vocab: Vocab, verb: str, name: str) -> None:
    # "Lumo released an ad saying …": the ad is Lumo's; one that Lumo read is not.
    doc = make_doc(
        vocab,
        f"Lumo {verb} an ad saying it.",
        [
            ("Lumo", "NNP", "nsubj", 1, "ORG"),
            (verb, "VBD", "ROOT", 1),
            ("an", "DT", "det", 3),
            ("ad", "NN", "dobj", 1),
            ("saying", "VBG", "acl", 3),
            ("it", "PRP", "dobj", 4),
            (".", ".", "punct", 1),
        ],
    )
    assert resolve(doc, "ad")[1] == name


@pytest.mark.parametrize(("verb", "name"), [("released", "Lumo"), ("read", "ad")])
def test_the_text_is_who_put_it_out_a_few_sentences_before(
    vocab: Vocab, verb: str, name: str
) -> None:
    doc = make_doc(
        vocab,
        f"Lumo {verb} an ad. The ad says it.",
        [
            ("Lumo", "NNP", "nsubj", 1, "ORG"),
            (verb, "VBD", "ROOT", 1),
            ("an", "DT", "det", 3),
            ("ad", "NN", "dobj", 1),
            (".", ".", "punct", 1),
            ("The", "DT", "det", 6),
            ("ad", "NN", "nsubj", 7),
            ("says", "VBZ", "ROOT", 7),
            ("it", "PRP", "dobj", 7),
            (".", ".", "punct", 7),
        ],
    )
    assert resolve(doc, "ad", 1)[1] == name


def test_the_text_is_the_one_an_earlier_sentence_gave_an_author(vocab: Vocab) -> None:
    # "a note from Lumo. … the note says": the earlier mention names who wrote it.
    doc = make_doc(
        vocab,
        "Kerry has a note from Lumo. The note says it.",
        [
            ("Kerry", "NNP", "nsubj", 1, "PERSON"),
            ("has", "VBZ", "ROOT", 1),
            ("a", "DT", "det", 3),
            ("note", "NN", "dobj", 1),
            ("from", "IN", "prep", 3),
            ("Lumo", "NNP", "pobj", 4, "ORG"),
            (".", ".", "punct", 1),
            ("The", "DT", "det", 8),
            ("note", "NN", "nsubj", 9),
            ("says", "VBZ", "ROOT", 9),
            ("it", "PRP", "dobj", 9),
            (".", ".", "punct", 9),
        ],
    )
    assert resolve(doc, "note", 1)[1:] == ("Lumo", "ORG")


def test_the_suit_is_the_lawsuit_its_owner_filed(vocab: Vocab) -> None:
    # "Lumo's lawsuit … the suit says": a shorter word for the same text.
    doc = make_doc(
        vocab,
        "Lumo's lawsuit is long. The suit says it.",
        [
            ("Lumo", "NNP", "poss", 2, "ORG"),
            ("'s", "POS", "case", 0),
            ("lawsuit", "NN", "nsubj", 3),
            ("is", "VBZ", "ROOT", 3),
            ("long", "JJ", "acomp", 3),
            (".", ".", "punct", 3),
            ("The", "DT", "det", 7),
            ("suit", "NN", "nsubj", 8),
            ("says", "VBZ", "ROOT", 8),
            ("it", "PRP", "dobj", 8),
            (".", ".", "punct", 8),
        ],
    )
    assert resolve(doc, "suit")[1:] == ("Lumo", "ORG")


def test_a_text_sent_from_a_named_person_is_theirs(vocab: Vocab) -> None:
    # "An email was sent from the director, Kerry Lane": the passive verb's "from" names the
    # author, and an appositive names the director.
    doc = make_doc(
        vocab,
        "An email was sent from the director, Kerry Lane. The email said it.",
        [
            ("An", "DT", "det", 1),
            ("email", "NN", "nsubjpass", 3),
            ("was", "VBD", "auxpass", 3),
            ("sent", "VBN", "ROOT", 3),
            ("from", "IN", "prep", 3),
            ("the", "DT", "det", 6),
            ("director", "NN", "pobj", 4),
            (",", ",", "punct", 6),
            ("Kerry", "NNP", "compound", 9, "PERSON"),
            ("Lane", "NNP", "appos", 6, "PERSON"),
            (".", ".", "punct", 3),
            ("The", "DT", "det", 12),
            ("email", "NN", "nsubj", 13),
            ("said", "VBD", "ROOT", 13),
            ("it", "PRP", "dobj", 13),
            (".", ".", "punct", 13),
        ],
    )
    assert resolve(doc, "email", 1)[1:] == ("Kerry Lane", "PERSON")


def test_the_text_found_under_a_misparse_still_looks_back(vocab: Vocab) -> None:
    # "the email read" parsed as a noun compound: its article hangs off "read".
    doc = make_doc(
        vocab,
        "Lumo sent an email. It, the email read.",
        [
            ("Lumo", "NNP", "nsubj", 1, "ORG"),
            ("sent", "VBD", "ROOT", 1),
            ("an", "DT", "det", 3),
            ("email", "NN", "dobj", 1),
            (".", ".", "punct", 1),
            ("It", "PRP", "dep", 9),
            (",", ",", "punct", 9),
            ("the", "DT", "det", 9),
            ("email", "NN", "compound", 9),
            ("read", "NN", "ROOT", 9),
            (".", ".", "punct", 9),
        ],
    )
    assert resolve(doc, "email", 1)[1:] == ("Lumo", "ORG")


def test_a_page_of_a_named_paper_is_the_paper(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "It, blared the front page of the Lumo Herald.",
        [
            ("It", "PRP", "dep", 3),
            (",", ",", "punct", 3),
            ("blared", "VBD", "ROOT", 3),
            ("the", "DT", "det", 5),
            ("front", "JJ", "amod", 5),
            ("page", "NN", "nsubj", 3),
            ("of", "IN", "prep", 5),
            ("the", "DT", "det", 9),
            ("Lumo", "NNP", "compound", 9, "ORG"),
            ("Herald", "NNP", "pobj", 6, "ORG"),
            (".", ".", "punct", 3),
        ],
    )
    assert resolve(doc, "page")[1:] == ("Lumo Herald", "ORG")


def test_an_organisation_noun_is_what_a_name_owning_it_made_it_before(vocab: Vocab) -> None:
    # "Lumo's foreign ministry" is no entity to the model; "the ministry" is still that one.
    doc = make_doc(
        vocab,
        "Lumo's foreign ministry spoke. The ministry said it.",
        [
            ("Lumo", "NNP", "poss", 3, "ORG"),
            ("'s", "POS", "case", 0),
            ("foreign", "JJ", "amod", 3),
            ("ministry", "NN", "nsubj", 4),
            ("spoke", "VBD", "ROOT", 4),
            (".", ".", "punct", 4),
            ("The", "DT", "det", 7),
            ("ministry", "NN", "nsubj", 8),
            ("said", "VBD", "ROOT", 8),
            ("it", "PRP", "dobj", 8),
            (".", ".", "punct", 8),
        ],
    )
    assert resolve(doc, "ministry", 1)[1:] == ("Lumo's foreign ministry", "ORG")


def test_the_company_is_the_untagged_name_that_was_the_subject_before(vocab: Vocab) -> None:
    # The model tags no entity on "Zorbly"; "the company" opening the next sentence is it.
    doc = make_doc(
        vocab,
        "Zorbly agreed. The company said it.",
        [
            ("Zorbly", "NNP", "nsubj", 1),
            ("agreed", "VBD", "ROOT", 1),
            (".", ".", "punct", 1),
            ("The", "DT", "det", 4),
            ("company", "NN", "nsubj", 5),
            ("said", "VBD", "ROOT", 5),
            ("it", "PRP", "dobj", 5),
            (".", ".", "punct", 5),
        ],
    )
    assert resolve(doc, "company")[1:] == ("Zorbly", "ORG")


def test_a_clause_after_a_name_is_no_appositive_giving_it_a_role(vocab: Vocab) -> None:
    # "Lumo Group, said the company's chief, …": the role word after the verb is not Lumo's.
    doc = make_doc(
        vocab,
        "Kerry Lane of Lumo Group, said the company's chief, agreed. The company said it.",
        [
            ("Kerry", "NNP", "compound", 1, "PERSON"),
            ("Lane", "NNP", "nsubj", 12, "PERSON"),
            ("of", "IN", "prep", 1),
            ("Lumo", "NNP", "compound", 4, "ORG"),
            ("Group", "NNP", "pobj", 2, "ORG"),
            (",", ",", "punct", 1),
            ("said", "VBD", "parataxis", 12),
            ("the", "DT", "det", 8),
            ("company", "NN", "poss", 10),
            ("'s", "POS", "case", 8),
            ("chief", "NN", "dobj", 6),
            (",", ",", "punct", 12),
            ("agreed", "VBD", "ROOT", 12),
            (".", ".", "punct", 12),
            ("The", "DT", "det", 15),
            ("company", "NN", "nsubj", 16),
            ("said", "VBD", "ROOT", 16),
            ("it", "PRP", "dobj", 16),
            (".", ".", "punct", 16),
        ],
    )
    resolver = resolver_for(doc)
    lumo = resolver.index.mention_at(token(doc, "Lumo"))
    assert lumo is not None
    cluster = resolver.index.clusters[lumo.cluster]
    assert not resolver._has_role(lumo, cluster, doc[token(doc, "company", 1)])


def test_the_statement_is_whose_statement_an_earlier_sentence_opened_with(vocab: Vocab) -> None:
    # "In a statement on Monday, Lumo announced it": the statement is Lumo's, though another
    # organisation is the subject of the sentence just before "The statement said it."
    doc = make_doc(
        vocab,
        "In a statement on Monday, Lumo announced it. Zorbco agreed. The statement said it.",
        [
            ("In", "IN", "prep", 7),
            ("a", "DT", "det", 2),
            ("statement", "NN", "pobj", 0),
            ("on", "IN", "prep", 2),
            ("Monday", "NNP", "pobj", 3, "DATE"),
            (",", ",", "punct", 7),
            ("Lumo", "NNP", "nsubj", 7, "ORG"),
            ("announced", "VBD", "ROOT", 7),
            ("it", "PRP", "dobj", 7),
            (".", ".", "punct", 7),
            ("Zorbco", "NNP", "nsubj", 11, "ORG"),
            ("agreed", "VBD", "ROOT", 11),
            (".", ".", "punct", 11),
            ("The", "DT", "det", 14),
            ("statement", "NN", "nsubj", 15),
            ("said", "VBD", "ROOT", 15),
            ("it", "PRP", "dobj", 15),
            (".", ".", "punct", 15),
        ],
    )
    assert resolve(doc, "statement", 1)[1:] == ("Lumo", "ORG")


def test_a_name_inside_a_quote_is_no_appositive_of_the_role_after_it(vocab: Vocab) -> None:
    # '"… and the Lumo Group," the company said': the role after the closing mark is the
    # quote's source, not an appositive of the name quoted.
    doc = make_doc(
        vocab,
        '"We met the Lumo Group," the company said.',
        [
            ('"', "``", "punct", 2),
            ("We", "PRP", "nsubj", 2),
            ("met", "VBD", "ccomp", 10),
            ("the", "DT", "det", 5),
            ("Lumo", "NNP", "compound", 5, "ORG"),
            ("Group", "NNP", "dobj", 2, "ORG"),
            (",", ",", "punct", 10),
            ('"', "''", "punct", 10),
            ("the", "DT", "det", 9),
            ("company", "NN", "nsubj", 10),
            ("said", "VBD", "ROOT", 10),
            (".", ".", "punct", 10),
        ],
    )
    resolver = resolver_for(doc)
    lumo = resolver.index.mention_at(token(doc, "Lumo"))
    assert lumo is not None
    cluster = resolver.index.clusters[lumo.cluster]
    assert not resolver._has_role(lumo, cluster, doc[token(doc, "company")])


@pytest.mark.parametrize(("lead_in", "speaker"), [("ccomp", "Kerry Lane"), ("advcl", "Robin Park")])
def test_he_is_the_subject_of_a_lead_in_the_parse_joined_to_his_quote(
    vocab: Vocab, lead_in: str, speaker: str
) -> None:
    # "Kerry Lane weighed in, telling Mic, "Yes," he said.": the parse makes one sentence, so
    # no sentence before names the new subject; the clause before the quote does. Not one
    # inside an adverbial clause ("After Kerry Lane weighed in, … he said" may be anyone).
    doc = make_doc(
        vocab,
        'Robin Park spoke. Kerry Lane weighed in, telling Mic, "Yes," he said.',
        [
            ("Robin", "NNP", "compound", 1, "PERSON"),
            ("Park", "NNP", "nsubj", 2, "PERSON"),
            ("spoke", "VBD", "ROOT", 2),
            (".", ".", "punct", 2),
            ("Kerry", "NNP", "compound", 5, "PERSON"),
            ("Lane", "NNP", "nsubj", 6, "PERSON"),
            ("weighed", "VBD", lead_in, 17),
            ("in", "RP", "prt", 6),
            (",", ",", "punct", 6),
            ("telling", "VBG", "advcl", 6),
            ("Mic", "NNP", "dobj", 9),
            (",", ",", "punct", 17),
            ('"', "``", "punct", 17),
            ("Yes", "UH", "intj", 17),
            (",", ",", "punct", 17),
            ('"', "''", "punct", 17),
            ("he", "PRP", "nsubj", 17),
            ("said", "VBD", "ROOT", 17),
            (".", ".", "punct", 17),
        ],
    )
    resolver = resolver_for(doc)
    resolver.note_speaker("Robin Park")
    assert resolve(doc, "he", resolver=resolver)[1] == speaker


def test_a_text_attributed_to_someone_is_theirs(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "It, read the statement, which was attributed to Lane.",
        [
            ("It", "PRP", "dep", 2),
            (",", ",", "punct", 2),
            ("read", "VBD", "ROOT", 2),
            ("the", "DT", "det", 4),
            ("statement", "NN", "nsubj", 2),
            (",", ",", "punct", 4),
            ("which", "WDT", "nsubjpass", 8),
            ("was", "VBD", "auxpass", 8),
            ("attributed", "VBN", "relcl", 4),
            ("to", "IN", "prep", 8),
            ("Lane", "NNP", "pobj", 9, "PERSON"),
            (".", ".", "punct", 2),
        ],
    )
    assert resolve(doc, "statement")[1:] == ("Lane", "PERSON")


@pytest.mark.parametrize(("clause", "speaker"), [("ROOT", "Kerry Lane"), ("advcl", "Robin Park")])
def test_the_person_just_asked_answers(vocab: Vocab, clause: str, speaker: str) -> None:
    # "Park asked Lane whether it was fair. ⏎ "Sure," he said.": Lane answers, though Park is
    # the subject and Lane was quoted last; not when the asking is only a clause of time.
    rows: list[Row] = [
        ("Robin", "NNP", "compound", 1, "PERSON"),
        ("Park", "NNP", "nsubj", 2, "PERSON"),
        ("asked", "VBD", clause, 2),
        ("Kerry", "NNP", "compound", 4, "PERSON"),
        ("Lane", "NNP", "dobj", 2, "PERSON"),
        ("whether", "IN", "mark", 8),
        ("it", "PRP", "nsubj", 8),
        ("was", "VBD", "ccomp", 2),
        ("fair", "JJ", "acomp", 7),
        (".", ".", "punct", 2),
        ("\n\n", "_SP", "dep", 9),
        ('"', "``", "punct", 16),
        ("Sure", "UH", "intj", 16),
        (",", ",", "punct", 16),
        ('"', "''", "punct", 16),
        ("he", "PRP", "nsubj", 16),
        ("said", "VBD", "ROOT", 16),
        (".", ".", "punct", 16),
    ]
    if clause == "advcl":
        # "… when Park asked Lane …" hung off the next verb is no main clause.
        rows[2] = ("asked", "VBD", "advcl", 16)
        rows[1] = ("Park", "NNP", "nsubj", 2, "PERSON")
        rows[9] = (".", ".", "punct", 16)
    doc = make_doc(
        vocab, 'Robin Park asked Kerry Lane whether it was fair.\n\n"Sure," he said.', rows
    )
    resolver = resolver_for(doc)
    resolver.note_speaker("Kerry Lane")
    assert resolve(doc, "he", resolver=resolver)[1] == speaker


@pytest.mark.parametrize(
    ("closing", "author"),
    [
        ("From THE ROAD by Kerry R. Lane. Copyright 2015 by Kerry R. Lane.", "Kerry R. Lane"),
        ("From a report by the agency.", "I"),
    ],
    ids=["book-credit", "no-name-after-by"],
)
def test_the_i_of_a_book_excerpt_is_the_author_its_closing_credit_names(
    vocab: Vocab, closing: str, author: str
) -> None:
    # The credit's own parse does not matter: one flat row per word.
    rows: list[Row] = [("I", "PRP", "nsubj", 1), ("left", "VBD", "ROOT", 1), (".", ".", "punct", 1)]
    rows.append(("\n\n", "_SP", "dep", 2))
    base = len(rows)
    rows += [
        (word, "NN", "ROOT" if n == 0 else "dep", base) for n, word in enumerate(closing.split())
    ]
    doc = make_doc(vocab, "I left.\n\n" + closing, rows)
    assert resolve(doc, "I")[1] == author


def test_the_writer_of_a_text_that_is_a_main_subject_is_the_next_he(vocab: Vocab) -> None:
    # "Lane's article attacked Park. He calls it a deal.": the article speaks for Lane, the
    # subject in all but name, over Park named nearer.
    doc = make_doc(
        vocab,
        "Kerry Lane's article attacked Robin Park. He calls it a deal.",
        [
            ("Kerry", "NNP", "compound", 1, "PERSON"),
            ("Lane", "NNP", "poss", 3, "PERSON"),
            ("'s", "POS", "case", 1),
            ("article", "NN", "nsubj", 4),
            ("attacked", "VBD", "ROOT", 4),
            ("Robin", "NNP", "compound", 6, "PERSON"),
            ("Park", "NNP", "dobj", 4, "PERSON"),
            (".", ".", "punct", 4),
            ("He", "PRP", "nsubj", 9),
            ("calls", "VBZ", "ROOT", 9),
            ("it", "PRP", "nsubj", 13),
            ("a", "DT", "det", 12),
            ("deal", "NN", "oprd", 9),
            (".", ".", "punct", 9),
        ],
    )
    assert resolve(doc, "He")[1] == "Kerry Lane"


def test_the_subject_before_is_the_name_opening_a_sentence_whose_parse_lost_it(
    vocab: Vocab,
) -> None:
    # "Robin Park, a nurse, also said it." with "Park" hung elsewhere by the parse: the name
    # that opens the sentence before a comma is still the subject a later "he" may follow.
    doc = make_doc(
        vocab,
        'Robin Park, a nurse, also said it. "Yes," he said.',
        [
            ("Robin", "NNP", "compound", 1, "PERSON"),
            ("Park", "NNP", "dep", 7, "PERSON"),
            (",", ",", "punct", 1),
            ("a", "DT", "det", 4),
            ("nurse", "NN", "appos", 1),
            (",", ",", "punct", 7),
            ("also", "RB", "advmod", 7),
            ("said", "VBD", "ROOT", 7),
            ("it", "PRP", "dobj", 7),
            (".", ".", "punct", 7),
            ('"', "``", "punct", 16),
            ("Yes", "UH", "intj", 16),
            (",", ",", "punct", 16),
            ('"', "''", "punct", 16),
            ("he", "PRP", "nsubj", 16),
            ("said", "VBD", "ROOT", 16),
            (".", ".", "punct", 16),
        ],
    )
    resolver = resolver_for(doc)
    subject = resolver._subject_token_before(token(doc, "he"))
    assert subject is not None and subject.text == "Park"


def test_a_plan_speaks_for_its_owner(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Kerry Lane's economic plan promises it.",
        [
            ("Kerry", "NNP", "compound", 1, "PERSON"),
            ("Lane", "NNP", "poss", 4, "PERSON"),
            ("'s", "POS", "case", 1),
            ("economic", "JJ", "amod", 4),
            ("plan", "NN", "nsubj", 5),
            ("promises", "VBZ", "ROOT", 5),
            ("it", "PRP", "dobj", 5),
            (".", ".", "punct", 5),
        ],
    )
    assert resolve(doc, "plan")[1:] == ("Kerry Lane", "PERSON")


@pytest.mark.parametrize(
    ("owner", "label", "name"), [("Lane", "PERSON", "Lane campaign"), ("Zorbco", "ORG", "Zorbco")]
)
def test_an_organisation_noun_is_what_a_name_before_it_made_it_before(
    vocab: Vocab, owner: str, label: str, name: str
) -> None:
    # "the Lane campaign … the campaign" is the Lane campaign, not the more salient Lumo Inc;
    # "the Zorbco campaign … the campaign" is Zorbco's.
    doc = make_doc(
        vocab,
        f"Lumo Inc sued the {owner} campaign. The campaign said it.",
        [
            ("Lumo", "NNP", "compound", 1, "ORG"),
            ("Inc", "NNP", "nsubj", 2, "ORG"),
            ("sued", "VBD", "ROOT", 2),
            ("the", "DT", "det", 5),
            (owner, "NNP", "compound", 5, label),
            ("campaign", "NN", "dobj", 2),
            (".", ".", "punct", 2),
            ("The", "DT", "det", 8),
            ("campaign", "NN", "nsubj", 9),
            ("said", "VBD", "ROOT", 9),
            ("it", "PRP", "dobj", 9),
            (".", ".", "punct", 9),
        ],
    )
    assert resolve(doc, "campaign", 1)[1:] == (name, "ORG")


def test_it_after_a_text_that_was_the_subject_is_the_texts_author(vocab: Vocab) -> None:
    # "Kerry Lane sent an email. The email said so. It added more.": "It" goes on for the
    # email, which speaks for Lane, not for the organisation named before.
    rows: list[Row] = [
        ("Zorbco", "NNP", "nsubj", 1, "ORG"),
        ("agreed", "VBD", "ROOT", 1),
        (".", ".", "punct", 1),
        ("Kerry", "NNP", "compound", 4, "PERSON"),
        ("Lane", "NNP", "nsubj", 5, "PERSON"),
        ("sent", "VBD", "ROOT", 5),
        ("an", "DT", "det", 7),
        ("email", "NN", "dobj", 5),
        (".", ".", "punct", 5),
        ("The", "DT", "det", 10),
        ("email", "NN", "nsubj", 11),
        ("said", "VBD", "ROOT", 11),
        ("so", "RB", "advmod", 11),
        (".", ".", "punct", 11),
        ("It", "PRP", "nsubj", 15),
        ("added", "VBD", "ROOT", 15),
        ("more", "JJR", "dobj", 15),
        (".", ".", "punct", 15),
    ]
    doc = make_doc(
        vocab, "Zorbco agreed. Kerry Lane sent an email. The email said so. It added more.", rows
    )
    assert resolve(doc, "It")[1:] == ("Kerry Lane", "PERSON")


@pytest.mark.parametrize(("people", "name"), [("Syrians", "Syria"), ("Swedes", "Swedes")])
def test_a_people_speaks_through_its_country(vocab: Vocab, people: str, name: str) -> None:
    # "the Syrians say" is the Syria the article names; a people whose country it does not
    # name (or whose name starts otherwise) stays itself.
    doc = make_doc(
        vocab,
        f"Syria waited. The {people} say it.",
        [
            ("Syria", "NNP", "nsubj", 1, "GPE"),
            ("waited", "VBD", "ROOT", 1),
            (".", ".", "punct", 1),
            ("The", "DT", "det", 4),
            (people, "NNPS", "nsubj", 5, "NORP"),
            ("say", "VBP", "ROOT", 5),
            ("it", "PRP", "dobj", 5),
            (".", ".", "punct", 5),
        ],
    )
    assert resolve(doc, people)[1] == name


def test_it_in_a_relative_clause_on_an_organisation_is_that_organisation(vocab: Vocab) -> None:
    # "Lumo Inc, which sells what it calls tools, …": "it" is Lumo Inc, not Zorbco.
    doc = make_doc(
        vocab,
        "Zorbco paid Lumo Inc, which sells what it calls tools.",
        [
            ("Zorbco", "NNP", "nsubj", 1, "ORG"),
            ("paid", "VBD", "ROOT", 1),
            ("Lumo", "NNP", "compound", 3, "ORG"),
            ("Inc", "NNP", "dobj", 1, "ORG"),
            (",", ",", "punct", 3),
            ("which", "WDT", "nsubj", 6),
            ("sells", "VBZ", "relcl", 3),
            ("what", "WP", "dobj", 9),
            ("it", "PRP", "nsubj", 9),
            ("calls", "VBZ", "ccomp", 6),
            ("tools", "NNS", "oprd", 9),
            (".", ".", "punct", 1),
        ],
    )
    assert resolve(doc, "it")[1:] == ("Lumo Inc", "ORG")


def test_the_text_is_who_sent_the_thing_it_names_before(vocab: Vocab) -> None:
    # "Lumo sent an email appeal. The email said it.": the email named the appeal sent.
    doc = make_doc(
        vocab,
        "Zorbco agreed. Lumo sent an email appeal. The email said it.",
        [
            ("Zorbco", "NNP", "nsubj", 1, "ORG"),
            ("agreed", "VBD", "ROOT", 1),
            (".", ".", "punct", 1),
            ("Lumo", "NNP", "nsubj", 4, "ORG"),
            ("sent", "VBD", "ROOT", 4),
            ("an", "DT", "det", 7),
            ("email", "NN", "compound", 7),
            ("appeal", "NN", "dobj", 4),
            (".", ".", "punct", 4),
            ("The", "DT", "det", 10),
            ("email", "NN", "nsubj", 11),
            ("said", "VBD", "ROOT", 11),
            ("it", "PRP", "dobj", 11),
            (".", ".", "punct", 11),
        ],
    )
    assert resolve(doc, "email", 1)[1:] == ("Lumo", "ORG")


def test_a_text_speaks_for_the_name_before_it(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "A Pentagon readout said it.",
        [
            ("A", "DT", "det", 2),
            ("Pentagon", "NNP", "compound", 2, "ORG"),
            ("readout", "NN", "nsubj", 3),
            ("said", "VBD", "ROOT", 3),
            ("it", "PRP", "dobj", 3),
            (".", ".", "punct", 3),
        ],
    )
    assert resolve(doc, "readout") == ("A Pentagon readout", "Pentagon", "ORG")


def test_a_title_the_model_took_into_the_name_is_the_role(vocab: Vocab) -> None:
    doc = make_doc(
        vocab,
        "Justice Robin Park spoke. The justice said it.",
        [
            ("Justice", "NNP", "compound", 2, "PERSON"),
            ("Robin", "NNP", "compound", 2, "PERSON"),
            ("Park", "NNP", "nsubj", 3, "PERSON"),
            ("spoke", "VBD", "ROOT", 3),
            (".", ".", "punct", 3),
            ("The", "DT", "det", 6),
            ("justice", "NN", "nsubj", 7),
            ("said", "VBD", "ROOT", 7),
            ("it", "PRP", "dobj", 7),
            (".", ".", "punct", 7),
        ],
    )
    assert resolve(doc, "justice")[1] == "Robin Park"


def test_a_hyphenated_role_is_read_whole(vocab: Vocab) -> None:
    # "front-runner" is a role of the story's main figure; "runner" alone is not.
    doc = make_doc(
        vocab,
        "Robin Park spoke. The front-runner said it.",
        [
            ("Robin", "NNP", "compound", 1, "PERSON"),
            ("Park", "NNP", "nsubj", 2, "PERSON"),
            ("spoke", "VBD", "ROOT", 2),
            (".", ".", "punct", 2),
            ("The", "DT", "det", 7),
            ("front", "NN", "compound", 7),
            ("-", "HYPH", "punct", 7),
            ("runner", "NN", "nsubj", 8),
            ("said", "VBD", "ROOT", 8),
            ("it", "PRP", "dobj", 8),
            (".", ".", "punct", 8),
        ],
    )
    assert resolve(doc, "runner")[1] == "Robin Park"


def test_a_name_that_opens_its_sentence_counts_as_its_subject(vocab: Vocab) -> None:
    # The parser left "Lopez, late again." without a verb: the name is the sentence's root.
    doc = make_doc(
        vocab,
        "Lopez , late again . The crowd saw Smith . He left .",
        [
            ("Lopez", "NNP", "ROOT", 0, "PERSON"),
            (",", ",", "punct", 0),
            ("late", "JJ", "amod", 0),
            ("again", "RB", "advmod", 2),
            (".", ".", "punct", 0),
            ("The", "DT", "det", 6),
            ("crowd", "NN", "nsubj", 7),
            ("saw", "VBD", "ROOT", 7),
            ("Smith", "NNP", "dobj", 7, "PERSON"),
            (".", ".", "punct", 7),
            ("He", "PRP", "nsubj", 11),
            ("left", "VBD", "ROOT", 11),
            (".", ".", "punct", 11),
        ],
    )
    assert resolve(doc, "He") == ("He", "Lopez", "PERSON")
