"""Speaker attribution: which quotation spans are speech, who said them, with which cue.

Rules are functions over a parsed ``Doc``; they hold no state and do no I/O. The punctuation
around a quote decides which rules are tried first (:func:`_layout`):

- a quote that opens its sentence and ends with a comma looks *after* its closing mark for a cue
  verb and its subject (``"…," said Fomin``, ``"…," Fomin told …``) or a verbless signature
  (``"…" — Commissioner X``);
- a quote after a colon or comma looks *before* its opening mark (``Brahimi said: "…"``,
  ``saying: "…"``, ``From X: "…"``), also into the previous paragraph when it ends with a colon;
- a partial quote inside a sentence follows the *parse* up to the cue verb it depends on
  (``said the plan was "a disaster"``), or to a reporting clause that closes the sentence, or, with
  no cue at all, to the subject of its clause;
- ``according to X`` and a second source after the cue (``…, according to an AP account``).

A quote with no speaker of its own keeps the previous one's when it is the second part of a split
quote or a bare quote paragraph after an attributed one. Quoted names and titles are not speech.
A pronoun or nominal speaker is then resolved to the entity it stands for (:mod:`quotex.coref`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from quotex.coref import (
    DASH_CHARS,
    HELD_VERBS,
    Resolver,
    after_dash_aside,
    is_age_noun,
    main_clause,
)
from quotex.entities import DASHES, EntityIndex
from quotex.quotes import SINGLE_MARKS, QuoteSpan, paragraphs
from quotex.records import Label
from quotex.resources import cue_verb_forms, document_nouns, speaker_nouns, speech_nouns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# How far (in tokens) the rules look from a quote mark for a cue or a speaker.
_WINDOW = 30


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

    def __init__(self, doc: Doc, spans: list[QuoteSpan], text: str | None = None) -> None:
        self.doc = doc
        from spacy.attrs import IDX, SENT_START

        # Columns from the Doc's arrays: iterating builds a Token object per word.
        self.token_starts: list[int] = doc.to_array(IDX).tolist()
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
        if len(doc):
            starts = [i for i, flag in enumerate(doc.to_array(SENT_START).tolist()) if flag == 1]
            if not starts or starts[0] != 0:
                starts.insert(0, 0)
            bounds = [*starts, len(doc)]
            for start, end in pairwise(bounds):
                for i in range(start, end):
                    self.sent_start[i] = start
                    self.sent_end[i] = end
        # Doc.text joins every token on each access: read it once.
        self.text = doc.text if text is None else text
        self.para_bounds = list(paragraphs(self.text))
        self.para_starts = [start for start, _ in self.para_bounds]
        #: Quotes that are part of a name or title (`"Ted Cruz" campaign pins`): a clause
        #: window reads on through them.
        self.not_speech: set[int] = set()

    def token_at(self, char: int) -> int:
        """The token that contains character ``char`` (or the one before it)."""
        return max(0, bisect_right(self.token_starts, char) - 1)

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)

    def outside(self, i: int) -> bool:
        return self.quote_of[i] < 0

    def in_clause(self, i: int) -> bool:
        """Outside every quote that is speech."""
        return self.quote_of[i] < 0 or self.quote_of[i] in self.not_speech


def _is_verb(token: Token) -> bool:
    if token.tag_:
        return token.tag_.startswith("VB")
    return token.pos_ in ("VERB", "AUX") or not token.pos_


def is_cue(token: Token) -> bool:
    """A verb form that introduces reported speech, and the idiom "as X put it"."""
    if token.lower_ in ("put", "puts") and _is_verb(token):
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
    return token.lower_ in cue_verb_forms() and _is_verb(token)


#: Forms of "tell", whose object is a listener.
_TELL = frozenset({"tell", "tells", "told", "telling"})
_LISTENER_VERBS = _TELL | frozenset({"ask", "asks", "asked", "urge", "urged"})
# Entity types that are never a source: "said Tuesday", "just 1 percent said".
_NOT_SPEAKERS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "WORK_OF_ART"}
)
# Right after a quote, "one said" and "both said" speak, but "31% said" reports a poll.
_AMOUNTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY"})
_PRONOUN_SPEAKERS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_RELATIVE = frozenset({"who", "that", "which"})
# Determiners that stand for people as the subject of a cue: "another said", "many wrote".
_PRONOMINAL_SUBJECTS = frozenset(
    {"another", "one", "many", "some", "others", "both", "several", "few", "most", "none"}
)
# Agent-noun endings: "the senator", "an analyst", "the historian", "critics", "residents".
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee", "ics", "ess", "man", "woman")
#: Endings of nouns for things among those: "-ment" is no "-ent" and "-ness" no "-ess".
_THING_SUFFIXES = ("ment", "ness", "cess", "address")
#: Common nouns for things that end like agents ("the danger", "a number").
_THINGS_LIKE_AGENTS = frozenset(
    {"danger", "number", "matter", "order", "power", "border", "paper", "water"}
    | {"banner", "sticker", "poster", "error", "factor", "sector", "behavior", "behaviour"}
    | {"honor", "labor", "terror", "center", "centre", "chapter", "quarter", "corner", "anger"}
    | {"incident", "event", "percent", "content", "accident", "spree", "chant"}
)


def plausible_speaker(token: Token, view: _DocView) -> bool:
    """Whether a subject can be a source of speech: a name, a pronoun, or a noun for a person
    or an organisation. Keeps "a database" or "31%" from being reported as speakers."""
    if is_age_noun(token):
        return view.outside(token.i)
    if token.dep_ == "expl" or not view.outside(token.i):
        return False
    if token.lower_ in _PRONOMINAL_SUBJECTS and token.dep_ in ("nsubj", "nsubjpass"):
        # Before the entity check: in "said one of the officials" the model tags "one" a
        # number.
        return is_cue(token.head)
    if token.ent_type_ in _NOT_SPEAKERS and not _misread_name(token):
        return False
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.tag_ in ("NNP", "NNPS"):
        return True
    if (
        token.dep_ == "nsubj"
        and token.text[:1].isupper()
        and not token.is_sent_start
        and token.tag_ in ("VB", "VBP", "JJ", "NN")
        and token.i > 0
        and token.doc[token.i - 1].tag_ in ("''", ",", "``")
    ):
        # "…," Trump shot back: a name right after a quote that the tagger took for a verb.
        return True
    lower = token.lower_
    if token.tag_ == "PRP":
        if lower == "it":
            # "It said" is the ministry; "it gets better", "it means" are nobody.
            return is_cue(token.head)
        return lower in _PRONOUN_SPEAKERS
    if lower in _RELATIVE:
        described = token.head.head
        if lower == "who" and described.lower_ in document_nouns():
            # "a plaintiff in the lawsuit who waited": "who" is a person, not the lawsuit.
            return False
        return token.head.dep_ == "relcl" and plausible_speaker(described, view)
    if not token.tag_.startswith("NN"):
        return False
    if token.text[:1].isupper():
        # A capitalised noun the tagger missed as a name: "Hannity said".
        return True
    if _role_noun(token):
        return True
    if any(c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG") for c in token.children):
        # "Vireo's head of content, Sasha Klein, called …": a noun the article names.
        return True
    if lower in document_nouns():
        return True
    singular = lower[:-1] if lower.endswith("s") else lower
    if (
        lower.endswith(_THING_SUFFIXES)
        or singular.endswith(_THING_SUFFIXES)
        or singular in _THINGS_LIKE_AGENTS
    ):
        # "the movement", "the process", "his business": things, though they end like agents.
        return False
    return singular.endswith(_AGENT_SUFFIXES) or lower.endswith(_AGENT_SUFFIXES)


def _role_noun(token: Token) -> bool:
    """A common noun for a person or an organisation: "executive", "lawyers", "ministry"."""
    if not token.tag_.startswith("NN"):
        return False
    person_nouns, org_nouns = speaker_nouns()
    lower = token.lower_
    singular = lower[:-1] if lower.endswith("s") else lower
    return any(word in person_nouns or word in org_nouns for word in (lower, singular))


def _misread_name(token: Token) -> bool:
    """A one-word "title" that is the subject of a cue: in "…," writes Prager the model tags
    the name WORK_OF_ART."""
    return (
        token.ent_type_ == "WORK_OF_ART"
        and token.tag_ == "NNP"
        and token.dep_ == "nsubj"
        and is_cue(token.head)
        and token.ent_iob_ == "B"
        and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    )


def _nominal(token: Token, view: _DocView) -> bool:
    """A noun outside quotes that is not a date, number or amount."""
    return (
        token.tag_.startswith("NN")
        and view.outside(token.i)
        and token.ent_type_ not in _NOT_SPEAKERS
    )


def _own_subject(verb: Token, view: _DocView) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and view.outside(c.i)]
    if len(subjects) > 1:
        # "Washington (AFP) – Clinton has taken …": a dateline parsed as a second subject; the
        # subject next to the verb is the real one.
        before = [c for c in subjects if c.i < verb.i]
        subjects = before[-1:] or subjects[:1]
    if not subjects and verb.lower_ in _QUOTING_VERBS:
        # "Karimi was quoted by the agency as saying …": who is quoted speaks, not the agency.
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and view.outside(c.i)]
    if subjects:
        subject = subjects[0]
        if subject.tag_ == "IN":
            # "Of Carson, Levine said": the parse made the opening preposition the subject
            # and the name its object.
            subject = next((c for c in subject.children if c.dep_ == "pobj"), subject)
        return _named_in_title(after_dash_aside(subject), verb)
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _named_in_title(subject: Token, verb: Token) -> Token:
    """ "Sirius XM Vice President for news and talk Dave Gorab called": the parse takes the
    title for the subject and the name for its conjunct. A person named right before the verb
    under a subject that is no entity is the subject."""
    if subject.ent_type_ or subject.tag_ not in ("NNP", "NN"):
        return subject
    for child in subject.rights:
        if (
            child.dep_ in ("conj", "appos")
            and child.ent_type_ == "PERSON"
            and child.right_edge.i == verb.i - 1
        ):
            return child
    return subject


# What comes right before an inverted cue: "…," said Fomin / "…" said the statement.
_INVERSION_OPENERS = frozenset({",", '"', "”", "''", "’", "»", "—", "–", "-"})


def _subject(verb: Token, view: _DocView) -> Token | None:
    """The speaker of a cue verb: its subject, or the subject it shares with a verb it hangs off.

    ``Brahimi emphasized …, saying: "…"`` and ``He smiled and added: "…"`` have no subject of
    their own on the cue; the speaker is the subject of a governing verb.
    """
    subject = _own_subject(verb, view)
    if subject is not None:
        if subject.lower_ in _RELATIVE and verb.dep_ == "relcl" and _is_text(verb.head):
            # "Trump released a video that said …": the words of whoever put the text out.
            issuer = _issuer(verb.head, view)
            if issuer is not None:
                return issuer
        # The cue verb itself says its subject speaks: the complaint alleged, the photo quotes.
        return subject if plausible_speaker(subject, view) or _nominal(subject, view) else None
    # one lawmaker called Trump "the orange prince": the parser read the cue as a participle
    # (or a reduced relative clause) of the noun before it. With an object of its own besides
    # the quote, it is the speech.
    if (
        verb.dep_ in ("acl", "relcl")
        and verb.tag_ == "VBN"
        and verb.head.i < verb.i
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and (
            any(c.dep_ in ("dobj", "oprd") and view.outside(c.i) for c in verb.children)
            # "The captain, Jo Doe, posted on Instagram: …": a person cannot be what is
            # posted, so the verb after the appositive's comma is the person's own.
            or (verb.head.ent_type_ == "PERSON" and view.doc[verb.i - 1].text == ",")
        )
        and plausible_speaker(verb.head, view)
    ):
        return verb.head
    if verb.tag_ == "VBN" and verb.dep_ != "relcl":
        # "… has been called "strategic ambiguity" by Jo Doe": the parse may hang the agent
        # off the quoted words instead of the verb.
        agent = _by_agent(verb, view)
        if agent is not None:
            return agent
    # "Trump issued a statement saying …": a participle that tells what a text says is the
    # words of whoever put the text out; with nobody named, of the text itself.
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and _is_text(verb.head):
        return _issuer(verb.head, view) or verb.head
    # "…," said Fomin: inverted order is often parsed with the name as object or attribute.
    # Not after "told" or a participle, whose following name is the listener: telling CNBC.
    # Only right after a quote or a comma: in "and called Trump "a liar"" the name is the
    # object of a cue that shares its subject.
    after = verb.i + 1
    if (
        after < len(view.doc)
        and view.outside(after)
        and verb.tag_ in ("VBD", "VBZ", "VBP", "")
        and verb.lower_ not in _LISTENER_VERBS
        and verb.i > 0
        and (view.doc[verb.i - 1].text in _INVERSION_OPENERS or not view.outside(verb.i - 1))
        and not (verb.dep_ == "conj" and _own_subject(verb.head, view) is not None)
    ):
        token = view.doc[after]
        if (token.tag_ in ("NNP", "NNPS") or token.ent_type_ in ("PERSON", "ORG")) and (
            token.ent_type_ not in _NOT_SPEAKERS
        ):
            return _head_of_name(token)
        if token.lower_ in _PRONOMINAL_SUBJECTS and token.ent_type_ not in _NOT_SPEAKERS:
            # "…," tweeted another.
            return token
        if token.lower_ in ("the", "a", "an") and after + 1 < len(view.doc):
            # "…," read the email / said the statement: documents speak too.
            head = _head_of_name(view.doc[after + 1])
            if head.tag_.startswith("NN") and view.outside(head.i):
                return head
    head = verb
    via = ""
    for _ in range(3):
        # "by saying": from the preposition on to the verb it modifies.
        climbs = head.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl", "ccomp") or (
            via == "pcomp" and head.dep_ == "prep"
        )
        if not climbs or head.head.i == head.i:
            break
        via = head.dep_
        head = head.head
        if via == "prep" and head.lower_ in _QUOTING_VERBS:
            # "The agency quoted Karimi as saying …": the one quoted, not who quotes.
            quoted = next(
                (c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and view.outside(c.i)),
                None,
            )
            if quoted is not None and plausible_speaker(quoted, view):
                return quoted
        if via == "xcomp" and head.lower_ in _CAUSATIVE_VERBS:
            # "The remark prompted Ortiz to call the mayor "…"": the one made to speak.
            made = next((c for c in head.children if c.dep_ == "dobj" and view.outside(c.i)), None)
            if made is not None and plausible_speaker(made, view):
                return made
        if (
            via == "conj"
            and head.i == verb.head.i
            and head.dep_ == "ccomp"
            and head.head.i != head.i
            and head.head.tag_ == verb.tag_
            and is_cue(head.head)
        ):
            # "She said the union had walked out and insisted the door "…"": a cue hung off
            # the reported clause but in the tense of the report is a second report.
            head = head.head
        subject = _own_subject(head, view)
        if subject is None and via in ("xcomp", "conj", "advcl"):
            # "Trump was prompted to say", "Trump was forced out and said", "Trump was asked
            # about it, saying": the passive subject is who says it.
            subject = next(
                (c for c in head.children if c.dep_ == "nsubjpass" and view.outside(c.i)), None
            )
        if subject is not None:
            if plausible_speaker(subject, view):
                return subject
            if _nominal(subject, view) and main_clause(head):
                # "The retired neurosurgeon has provided no details, saying …"
                return subject
            return None
    return None


#: Verbs whose object, or passive subject, is the one who speaks: "quoted Karimi as saying".
_QUOTING_VERBS = frozenset({"quoted", "quotes", "quote", "quoting"})

#: Verbs that make their object do what their "to" clause says: "prompted Ortiz to call".
#: (Not "asked" or "told": "told voters to call him "…"" words an instruction.)
_CAUSATIVE_VERBS = frozenset(
    {"prompt", "prompts", "prompted", "prompting", "lead", "leads", "led", "leading"}
    | {"cause", "causes", "caused", "causing", "provoke", "provokes", "provoked", "provoking"}
    | {"spur", "spurs", "spurred", "spurring", "force", "forces", "forced", "forcing"}
    | {"compel", "compels", "compelled", "compelling", "inspire", "inspires", "inspired"}
    | {"inspiring", "drive", "drives", "drove", "driven", "driving"}
)


def _is_text(token: Token) -> bool:
    return token.lower_ in document_nouns()


def _issuer(text: Token, view: _DocView) -> Token | None:
    """Who put out a text that speaks: the subject of the verb it is the object of ("Trump
    issued a statement", "She retweeted a message")."""
    if text.dep_ != "dobj" or text.head.lower_ in HELD_VERBS:
        return None
    verb = text.head
    issuer = _own_subject(verb, view)
    for _ in range(2):
        if issuer is not None or verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            break
        # "The campaign sent letters and placed ads calling …", "The campaign plans to
        # reprint an editorial that …": the subject the verb shares.
        verb = verb.head
        issuer = _own_subject(verb, view)
    return issuer if issuer is not None and plausible_speaker(issuer, view) else None


def _by_agent(verb: Token, view: _DocView) -> Token | None:
    """The source after "by" in the clause of a passive cue, wherever the parse hung it."""
    for token in view.doc[verb.i + 1 : verb.right_edge.i + 1]:
        if token.lower_ == "by" and token.dep_ in ("prep", "agent") and view.outside(token.i):
            for child in token.children:
                if child.dep_ == "pobj" and view.outside(child.i):
                    name = _head_of_name(child)
                    return name if plausible_speaker(name, view) else None
    return None


def _head_of_name(token: Token) -> Token:
    """Climb from a name's first word to its head ("Alexander" → "Fomin")."""
    while token.dep_ in ("compound", "det", "amod", "nmod") and token.head.i > token.i:
        if _is_verb(token.head):
            # "…," Conway notes: the parser took "Conway notes" for a noun compound.
            break
        token = token.head
    return token


def _ancestors_outside(view: _DocView, q: int) -> list[tuple[Token, Token]]:
    """(ancestor, child on the path) pairs above the quote, nearest first, within its paragraph."""
    first, last = view.token_ranges[q]
    doc = view.doc
    p_start, p_end = view.para_bounds[view.paragraph_of(doc[first].idx)]
    chain: list[tuple[Token, Token]] = []
    seen: set[int] = set()
    for i in range(first, last):
        token = doc[i]
        head = token.head
        if head.i == token.i or view.quote_of[head.i] == view.quote_of[i] >= 0:
            continue
        child = token
        steps = 0
        while steps < 6 and view.outside(head.i) and p_start <= head.idx < p_end:
            if head.i not in seen:
                seen.add(head.i)
                chain.append((head, child))
            if head.head.i == head.i:
                break
            child, head = head, head.head
            steps += 1
    return chain


def _syntactic(view: _DocView, q: int) -> _Found | None:
    """The cue verb that the quote depends on, found through the parse."""
    chain = _ancestors_outside(view, q)
    for head, child in chain:
        if _clause_of_time(child):
            # "After Trump called them "rapists", Ana Ruiz wrote": what is above the clause
            # of time is someone else's.
            break
        # "told them to seek "new initiatives"" is an instruction, not the speech: the
        # reporting verb, if any, is further up. With nobody told, "vowed to "bomb the hell""
        # is the subject's own promise.
        if is_cue(head) and (
            child.dep_ != "xcomp"
            or (head.lower_ in _PROMISE_VERBS and not _has_listener(head, view))
        ):
            speaker = _subject(head, view)
            if (
                speaker is None
                and head.dep_ == "ROOT"
                and head.tag_ in ("VBD", "VBZ")
                and head.i < view.token_ranges[q][0]
            ):
                # The parse lost the subject of the sentence's reporting verb: "At the
                # convention Sen. Jo Doe (D-MA) said …" (the name hung off the date).
                speaker = _person_before(view, view.sent_start[head.i], head.i)
            if speaker is not None:
                return (
                    _outermost_report(view, chain, head, speaker)
                    or _reporter_of_report(view, head, speaker)
                    or _Found(speaker, (head.i, head.i + 1), "syntax")
                )
    # A parenthetical cue anywhere on the chain (Cost estimates, he added, were "…"), and a
    # reporting verb that hangs below the top of the chain ("X told them to seek "Y", the
    # Kremlin said" parsed with "said" under "told").
    for position, (node, _child) in enumerate(chain):
        top = position == len(chain) - 1
        for child in node.children:
            if not (view.outside(child.i) and is_cue(child)):
                continue
            if child.dep_ == "parataxis" or (
                top and child.i > node.i and child.dep_ in ("ccomp", "advcl")
            ):
                speaker = _subject(child, view)
                if speaker is not None:
                    return _Found(speaker, (child.i, child.i + 1), "syntax")
    first, last = view.token_ranges[q]
    before_lo, before_hi, after_lo, after_hi = _clause_bounds(view, q)
    for token in view.doc[first:last]:
        if token.head.i == token.i:
            # The quote's own verb is the root: a cue may hang below it, as in "…," he said
            # parsed with "said" as a parataxis or ccomp of the quote. Only in the quote's own
            # clause: the parser also hangs the next paragraph's verbs there.
            for child in token.children:
                near = before_lo <= child.i < before_hi or after_lo <= child.i < after_hi
                if near and view.outside(child.i) and is_cue(child):
                    speaker = _subject(child, view)
                    if speaker is not None:
                        return _Found(speaker, (child.i, child.i + 1), "syntax")
    return None


def _has_listener(verb: Token, view: _DocView) -> bool:
    """Whether a cue verb has somebody it speaks to, outside the quotes: "told them"."""
    return any(child.dep_ in _LISTENER_DEPS and view.outside(child.i) for child in verb.children)


#: Cue verbs whose "to" clause is the subject's own words (a promise, a threat, a chant),
#: rather than something done: "vowed to "bomb the hell"", but "agreed to "renounce war"".
_PROMISE_VERBS = frozenset(
    {"vow", "vows", "vowed", "vowing", "promise", "promises", "promised", "promising"}
    | {"pledge", "pledges", "pledged", "pledging", "threaten", "threatens", "threatened"}
    | {"threatening", "swear", "swears", "swore", "sworn", "swearing"}
    | {"say", "says", "said", "saying", "chant", "chants", "chanted", "chanting"}
)
#: How the one spoken to hangs below a cue verb.
_LISTENER_DEPS = frozenset({"dobj", "dative", "iobj", "nsubjpass"})


def _beyond_relative_clause(view: _DocView, relative: Token) -> _Found | None:
    """The source of the sentence around a relative clause whose antecedent is a group named by
    a common noun ("candidates who …"), found from the verbs above that noun."""
    clause = relative.head
    if clause.dep_ != "relcl":
        return None
    group = clause.head
    if group.tag_ != "NNS" or group.ent_type_:
        return None
    node = group
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if _is_verb(node):
            speaker = _subject(node, view)
            if speaker is not None and plausible_speaker(speaker, view):
                return _Found(speaker, (node.i, node.i + 1) if is_cue(node) else None, "syntax")
    return None


def _outermost_report(
    view: _DocView, chain: list[tuple[Token, Token]], cue: Token, speaker: Token
) -> _Found | None:
    """He said that he would offer "a prayer": when the speaker is a pronoun repeated from a
    reporting verb higher up, the source is that first mention."""
    if speaker.tag_ != "PRP":
        return None
    found: _Found | None = None
    for head, _child in chain:
        if head.i >= cue.i or not is_cue(head) or _coordinated_below(cue, head):
            continue
        outer = _own_subject(head, view)
        if outer is not None and outer.lower_ == speaker.lower_ and outer.i < speaker.i:
            found = _Found(outer, (head.i, head.i + 1), "syntax")
    return found


def _coordinated_below(token: Token, ancestor: Token) -> bool:
    """Whether the path from ``token`` up to ``ancestor`` is a coordination ("She says …, and
    she tells audiences"): a second report of the subject's own, not a repeat inside the first."""
    node = token
    coordinated = False
    while node.i != ancestor.i and node.head.i != node.i:
        if node.dep_ in ("ccomp", "xcomp"):
            # "He says he respects her and calls her …": inside what the first verb reports.
            return False
        coordinated = coordinated or node.dep_ == "conj"
        node = node.head
    return coordinated


#: Subjects that stand for anybody: "He notes that you can't yell "fire" in a theater".
_ANYBODY = frozenset({"you", "people", "anyone", "anybody", "everyone", "everybody", "one"})


def _reporter_of_report(view: _DocView, cue: Token, speaker: Token) -> _Found | None:
    """Trump said Fox executives were calling "every 15 minutes": a cue inside what a named
    person or organisation reports gives its words to that reporter, unless its own subject
    is a person or a pronoun ("Trump said Cruz called him "a liar"" stays Cruz's). The cue
    may sit deep in the report: Rubio said that by refusing to say "radical Islam", Democrats
    are …"""
    anybody = speaker.lower_ in _ANYBODY
    if (speaker.ent_type_ == "PERSON" or speaker.tag_ == "PRP") and not anybody:
        return None
    unlikely = anybody or not plausible_speaker(speaker, view)
    node = cue
    for _ in range(6):
        if (
            node.head.i == node.i
            or (node.dep_ == "advcl" and not anybody)
            or (node.dep_ == "relcl" and not unlikely)
        ):
            # A subordinate clause ("after a woman told him …") is an event of its own; one
            # about anybody is a supposition in what is reported ("He says if people think it
            # will be fixed by "…", they are wrong").
            return None
        reported = node.dep_ == "ccomp"
        node = node.head
        if reported and is_cue(node) and node.lower_ not in _LISTENER_VERBS:
            outer = _own_subject(node, view)
            if outer is None and unlikely:
                # "She, too, is a pragmatist, cautioning that the turmoil underscores "…"": a
                # participle reports for the subject it shares.
                outer = _subject(node, view)
            if outer is None or outer.i >= cue.i:
                continue
            if outer.ent_type_ in ("PERSON", "ORG") or (
                # "a source said the areas hacked suggested "…"": a thing cannot speak, so
                # any source that reports it is the one speaking.
                unlikely and plausible_speaker(outer, view)
            ):
                return _Found(_head_of_name(outer), (node.i, node.i + 1), "syntax")
    return None


def _speech_noun_owner(view: _DocView, q: int) -> _Found | None:
    """A partial quote under a noun for speech with an owner: his call for "a total ban"."""
    for head, child in _ancestors_outside(view, q):
        if _is_speech_noun(head):
            if child.tag_ in ("JJ", "VBN") and child.i < head.i:
                # She said Trump's "divisive" comments …: an adjective for the speech is whoever
                # describes it, not its owner (but "his "#wordsmatter" pledge" is its name).
                continue
            owner = _owner(head, view)
            return _Found(owner, None, "speech-noun") if owner is not None else None
        if _is_verb(head):
            if head.lower_ in _COPULAS and main_clause(head):
                # Lopez's catchphrase was that rivals "would say anything"; not inside what
                # someone else says ("saying … his world view is "wrong"").
                subject = _own_subject(head, view)
                if subject is not None and _is_speech_noun(subject):
                    owner = _owner(subject, view)
                    return _Found(owner, None, "speech-noun") if owner is not None else None
            if head.dep_ in _CLAUSE_UNDER_NOUN:
                # his claim that "thousands" cheered, his warning that Britain would have to go
                # to "the back of the queue": the clause may be what a noun above reports.
                continue
            return None
    return None


#: Forms of "be" that say what a noun for speech was: "Her slogan is "…"".
_COPULAS = frozenset({"is", "was", "are", "were", "'s"})
#: How a clause hangs below the noun for speech that reports it, directly or through other
#: clauses: "his warning that Britain would have to go".
_CLAUSE_UNDER_NOUN = frozenset({"acl", "ccomp", "xcomp", "advcl", "conj", "pcomp"})


def _is_speech_noun(token: Token) -> bool:
    return token.tag_ in ("NN", "NNS") and token.lower_ in speech_nouns()


def _owner(noun: Token, view: _DocView) -> Token | None:
    """Whose the noun is: "Trump's" or "his" in "Trump's claim", "his call"."""
    for child in noun.children:
        if child.dep_ == "poss" and view.outside(child.i):
            return _head_of_name(child) if child.tag_ != "PRP$" else child
    return None


def _governing_subject(view: _DocView, q: int) -> _Found | None:
    """A partial quote with no cue verb takes the subject of the clause it sits in:
    Cruz chided the media for "the little game"."""
    for head, child in _ancestors_outside(view, q):
        if not _is_verb(head) or _content_clause(head):
            continue
        if (
            head.lower_ in _LINKING_VERBS
            and child.dep_ in _PREDICATE_DEPS
            and view.quote_of[child.i] == q
        ):
            # Obama was a "socialist", the Air Force is "the best in the world": quoted words
            # that describe the subject are someone else's words about it. (Not so a quote
            # further down: voters are keen on telling women to stop "moaning".)
            continue
        subject = _own_subject(head, view)
        if subject is not None and subject.i == child.i:
            # The quote is inside the subject ("Park's "divisive" comments hurt"): a phrase
            # that holds the words does not say them.
            continue
        if subject is not None and plausible_speaker(subject, view):
            return _Found(subject, None, "subject")
    return None


#: Verbs that link a subject to a description of it, in the forms the parse sees (the
#: pipeline runs without the lemmatizer): "the White House seemed "rattled"".
_LINKING_VERBS = _COPULAS | frozenset(
    {"be", "been", "being", "'re", "am"}
    | {"seem", "seems", "seemed", "appear", "appears", "appeared", "become", "becomes", "became"}
    | {"remain", "remains", "remained", "sound", "sounds", "sounded", "look", "looks", "looked"}
)
#: How a description hangs below a linking verb.
_PREDICATE_DEPS = frozenset({"attr", "acomp", "oprd"})


def _content_clause(verb: Token) -> bool:
    """A "that" clause that spells out a noun: "the news that the State Department deemed the
    emails "top secret"" is what the news says, not what the State Department says."""
    return (
        verb.dep_ in ("acl", "ccomp")
        and verb.head.tag_ in ("NN", "NNS")
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    )


# How many sentence ends a paraphrase's reporting verb may lie back from a cue-less quote.
_PARAPHRASE_REACH = 1


def _paragraph_reporter(view: _DocView, q: int) -> _Found | None:
    """The source of the paraphrase that a cue-less quote continues, in its own paragraph:
    "It spreads fast, he said. Only when "the truth is sexier" does it lose." The nearest
    reporting verb before the quote, outside quotes, with a plausible subject, is its source."""
    first, _ = view.token_ranges[q]
    p_first, _ = _paragraph_tokens(view, view.paragraph_of(view.doc[first].idx))
    sentences = 0
    for i in range(first - 1, p_first - 1, -1):
        token = view.doc[i]
        if token.text in _SENTENCE_END and view.outside(i):
            sentences += 1
            if sentences > _PARAPHRASE_REACH:
                break
        if view.outside(i) and is_cue(token):
            subject = _subject(token, view)
            if subject is not None and plausible_speaker(subject, view):
                return _Found(subject, (i, i + 1), "paraphrase")
    return None


def _clause_bounds(view: _DocView, q: int) -> tuple[int, int, int, int]:
    """Token ranges just before the opening mark and just after the closing mark of a quote.

    Both stay inside the quote's paragraph, stop at a neighbouring quote that is speech (a
    quoted name, `"Ted Cruz" campaign pins`, is read through), and run at most
    ``_WINDOW`` tokens, so that a cue is never borrowed from an unrelated passage.
    """
    doc = view.doc
    first = view.token_ranges[q][0]
    open_tok = _before_marks(view, q)
    close_tok = _after_marks(view, q)
    para = view.paragraph_of(doc[first].idx)
    p_start, p_end = view.para_bounds[para]
    before_start = open_tok
    while (
        before_start >= 0
        and view.in_clause(before_start)
        and doc[before_start].idx >= p_start
        and open_tok - before_start < _WINDOW
    ):
        before_start -= 1
    after_end = close_tok
    while (
        after_end < len(doc)
        and view.in_clause(after_end)
        and doc[after_end].idx < p_end
        and after_end - close_tok < _WINDOW
    ):
        after_end += 1
    return before_start + 1, open_tok + 1, close_tok, after_end


_SENTENCE_END = frozenset({".", "!", "?"})
_CLAUSE_END = frozenset({".", "!", "?", ",", ";", ":", "\n"})


def _speaker_in(view: _DocView, lo: int, hi: int) -> Token | None:
    """The first plausible speaker in ``[lo, hi)`` outside quotes, at the head of its name."""
    for i in range(max(lo, 0), min(hi, len(view.doc))):
        token = view.doc[i]
        if token.text in _SENTENCE_END:
            return None
        if not view.outside(i):
            continue
        if token.tag_.startswith(("NN", "PRP")) or token.ent_type_:
            head = _head_of_name(token)
            if (
                head.dep_ == "poss"
                and head.tag_ != "PRP$"
                and head.head.i > head.i
                and _role_noun(head.head)
            ):
                # "…?" asked FreshWay's chief executive, X: the one the name owns speaks.
                head = head.head
            if plausible_speaker(head, view):
                return head
    return None


def _paragraph_tokens(view: _DocView, para: int) -> tuple[int, int]:
    """The token range of paragraph ``para``."""
    p_start, p_end = view.para_bounds[para]
    return view.token_at(p_start), view.token_at(p_end - 1) + 1


def _after(view: _DocView, q: int) -> _Found | None:
    """A cue after the closing mark: "…," Fomin told …, "…," said Fomin, "…" — Commissioner X,
    and "…," Hannity pressed, where any verb right after its subject reports the quote."""
    doc = view.doc
    _, _, lo, hi = _clause_bounds(view, q)
    if lo >= hi:
        return _signature_line(view, q)
    if doc[lo].text in DASHES:
        signed = _first_name_like(view, lo + 1, hi)
        if signed is not None:
            return _Found(signed, None, "dash")
    response = _response_from(view, lo, hi)
    if response is not None:
        return response
    speaker: Token | None
    ends_sentence = doc[view.token_ranges[q][1] - 1].text in _SENTENCE_END
    for i in range(lo, hi):
        token = doc[i]
        if token.text in _SENTENCE_END and i > lo:
            break
        if is_cue(token):
            if (
                ends_sentence
                and token.lower_ not in _LISTENER_VERBS
                and _has_own_object(token, view, _DIRECT_OBJECT)
            ):
                # "…." She noted a rally on Saturday: a new sentence that reports something
                # else, not the quote before it. "…." He said payments froze still reports it.
                break
            if _inside_adverbial_clause(view, q, token):
                # After Lane called them "rapists", Park wrote: Lane's word.
                break
            # "…," a friend said: right after a quote, any subject of the cue is its source.
            own = _own_subject(token, view)
            if own is not None and lo <= own.i < i and own.ent_type_ not in _AMOUNTS:
                speaker = own
            else:
                speaker = _subject(token, view)
            if speaker is None or speaker.i < lo:
                # The parse lost the subject: take the name next to the cue, before it
                # ("…," an intelligence source, who …, told) or after it ("…," mused host X).
                # (Not "…," saying in a post on Twitter: a preposition opens no subject.)
                inverted = i + 1 < len(doc) and doc[i + 1].tag_ != "IN"
                speaker = (
                    _speaker_in(view, lo, i)
                    or (_speaker_in(view, i + 1, min(hi, i + 4)) if inverted else None)
                    or speaker
                )
            if speaker is not None:
                # "…," Walker said, according to an AP account: the source is the account.
                according = _according_in(view, i + 1, hi)
                return according or _Found(speaker, (i, i + 1), "after")
    # No cue verb: the subject-verb pair that directly follows a quote still reports it, in
    # either order: "…," Hannity pressed; "…!" beamed Donald Hartley; "…," begins a message.
    for i in range(lo, min(hi, lo + 8)):
        token = doc[i]
        if token.text in _SENTENCE_END:
            break
        if _is_verb(token) and token.tag_ != "VBG":
            subject = _own_subject(token, view)
            if subject is None and i > lo and _glued_name(doc[i - 1], token):
                # "…," Trump barked: the parse made the name a compound of the verb.
                subject = doc[i - 1]
            inverted = subject is not None and i <= lo + 1 and subject.i > i
            if (
                subject is not None
                and (lo <= subject.i < i or inverted)
                and (plausible_speaker(subject, view) or _nominal(subject, view))
                and not _has_own_object(token, view)
            ):
                return _Found(subject, (i, i + 1), "after-verb")
            if subject is None and token.tag_ in ("VBD", "VBZ") and i <= lo + 1:
                follower = _speaker_in(view, i + 1, min(hi, i + 4))
                if follower is not None and follower.tag_.startswith("NN"):
                    return _Found(follower, (i, i + 1), "after-verb")
            break
    return _noun_tagged_cue(view, lo, hi)


#: Verbs that open the clause naming a quote's source as a noun: "…," was the reply from X.
_RESPONSE_VERBS = frozenset({"was", "is", "came", "comes"})
#: Nouns for a judgement as spoken, beyond the nouns for speech: "was the verdict of X".
_VERDICT_NOUNS = frozenset({"verdict", "reaction", "assessment", "view", "take", "advice"})


def _response_from(view: _DocView, lo: int, hi: int) -> _Found | None:
    """ "…," was the response from the mayor; "…," came the reply of Ohio's governor: a noun
    for speech right after the quote, and its source after "from", "of" or "by"."""
    doc = view.doc
    if doc[lo].lower_ not in _RESPONSE_VERBS:
        return None
    for i in range(lo + 1, min(hi - 2, lo + 5)):
        token = doc[i]
        if token.tag_ not in ("NN", "NNS"):
            continue
        if not (_is_speech_noun(token) or token.lower_ in _VERDICT_NOUNS):
            return None
        if doc[i + 1].lower_ not in ("from", "of", "by"):
            return None
        source = _speaker_in(view, i + 2, hi)
        return _Found(source, (i, i + 1), "response") if source is not None else None
    return None


def _glued_name(token: Token, verb: Token) -> bool:
    return (
        token.dep_ == "compound"
        and token.head.i == verb.i
        and (token.tag_ in ("NNP", "NNPS") or token.ent_type_ == "PERSON")
    )


_OWN_OBJECTS = frozenset({"dobj", "attr", "acomp", "xcomp", "ccomp", "oprd"})
_DIRECT_OBJECT = frozenset({"dobj"})


def _has_own_object(verb: Token, view: _DocView, deps: frozenset[str] = _OWN_OBJECTS) -> bool:
    """Whether a verb after a quote has an object or complement of its own, outside the quote:
    "…" Her critics cited it / Others paid tribute start a sentence; "…," Hannity pressed
    reports the quote."""
    return any(
        child.i > verb.i and view.outside(child.i) and child.dep_ in deps for child in verb.children
    )


def _noun_tagged_cue(view: _DocView, lo: int, hi: int) -> _Found | None:
    """ "…," the document states: the tagger read the cue as a plural noun of a compound. A
    lower-case cue form right after a verbless noun phrase, at the end of its clause, is one."""
    doc = view.doc
    for i in range(lo + 1, min(hi, lo + 8)):
        token = doc[i]
        if token.text in _SENTENCE_END or _is_verb(token) or not view.outside(i):
            return None
        before = doc[i - 1]
        following = doc[i + 1] if i + 1 < len(doc) else None
        if (
            token.tag_ in ("NN", "NNS")
            and token.text.islower()
            and token.lower_ in cue_verb_forms()
            and (
                (
                    before.tag_.startswith("NN")
                    and (_nominal(before, view) or plausible_speaker(before, view))
                )
                # "the editorial read": the speaker noun tagged as an adjective of the cue.
                or (before.tag_ == "JJ" and _is_text(before) and view.outside(i - 1))
            )
            and (following is None or following.text in _CLAUSE_END or following.tag_ == "IN")
        ):
            return _Found(before, (i, i + 1), "after")
    return None


def _trailing_report(view: _DocView, q: int) -> _Found | None:
    """A reporting clause that closes the quote's sentence covers partial quotes inside it:
    They agreed to seek "new initiatives" to end the war, the Kremlin said after the call."""
    doc = view.doc
    _, _, lo, hi = _clause_bounds(view, q)
    following = view.quote_of[hi] if hi < len(doc) else -1
    if following > q and all(
        doc[k].lower_ in ("and", "or") or doc[k].is_punct for k in range(lo, hi)
    ):
        # words like "maybe" and "perhaps", he told reporters: the clause after the last of
        # coordinated partial quotes covers them all.
        return _trailing_report(view, following)
    for i in range(lo, hi):
        token = doc[i]
        if token.text in _SENTENCE_END:
            return None
        if token.text != ",":
            continue
        for j in range(i + 1, min(hi, i + 6)):
            if doc[j].text in _SENTENCE_END or doc[j].text == ",":
                break
            if is_cue(doc[j]):
                if _inside_adverbial_clause(view, q, doc[j]):
                    # After Trump compared migrants to "rapists", Ana Ruiz wrote a post: the
                    # words belong to the clause of time, not to the one who writes after it.
                    return None
                own = _own_subject(doc[j], view)
                if own is not None and i < own.i < j:
                    return _Found(own, (j, j + 1), "trailing")
                if j == i + 1:
                    speaker = _speaker_in(view, j + 1, min(hi, j + 4))
                    if speaker is not None:
                        return _Found(speaker, (j, j + 1), "trailing")
                break
    return None


#: Conjunctions that open a clause of time, whose words are its own subject's (not "because":
#: "Trump says the NFL has gone "soft" because …" reports the reason too).
_ADVERBIAL_MARKS = frozenset({"after", "when", "before", "once"})


def _inside_adverbial_clause(view: _DocView, q: int, verb: Token) -> bool:
    """Whether quote ``q`` sits in an adverbial clause of ``verb`` that has a subject of its
    own and opens with a conjunction of time ("After Trump compared …")."""
    token = view.doc[view.token_ranges[q][0]]
    for _ in range(40):
        if token.i == verb.i or token.head.i == token.i:
            return False
        if token.dep_ == "advcl" and token.head.i == verb.i:
            return _clause_of_time(token)
        token = token.head
    return False


def _clause_of_time(verb: Token) -> bool:
    """An adverbial clause with a subject of its own that opens with a conjunction of time:
    "After Trump compared migrants to …"."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in verb.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _headline_source(view: _DocView, q: int) -> _Found | None:
    """A headline that names its source before a colon: Sanders: Endorsements prove Clinton
    'candidate of the establishment'. The name before the colon speaks every quote after it."""
    doc = view.doc
    first = view.token_ranges[q][0]
    lo, _ = _paragraph_tokens(view, view.paragraph_of(doc[first].idx))
    for i in range(lo + 1, min(first, lo + 5)):
        if doc[i].text == ":":
            names = doc[lo:i]
            if len(names) == 1 and names[0].text.rstrip(".") in _INTERVIEW_LABELS:
                # "Q: Your predecessor called it "broken."": the interview's turns, not names.
                return None
            if not all(
                t.tag_ in ("NNP", "NNPS") or t.ent_type_ == "PERSON" for t in names
            ) and not _named_elsewhere(names):
                return None
            if any(doc[j].text == ":" and view.outside(j) for j in range(i + 1, first)):
                # Clinton: "…" Bush: "…": a later name and colon speaks for itself.
                return None
            return _Found(_head_of_name(doc[lo]), None, "headline")
        if not view.outside(i):
            return None
    return None


#: Labels of an interview's turns: "Q: …", "A: …".
_INTERVIEW_LABELS = frozenset({"Q", "A", "Question", "Answer"})


def _named_elsewhere(words: Span) -> bool:
    """Capitalised words that the article names as a person or organisation elsewhere. In a
    headline the tagger often reads a lone surname as a common noun ("Lewandowski: FBI
    director acted as 'judge and jury'"); the entity the article names later confirms it."""
    if not all(t.is_alpha and t.text[:1].isupper() for t in words):
        return False
    wanted = {t.lower_ for t in words}
    found: set[str] = set()
    for entity in words.doc.ents:
        if entity.label_ in ("PERSON", "ORG") and entity.start >= words.end:
            found.update(t.lower_ for t in entity)
    return wanted <= found


def _introduced(view: _DocView, q: int) -> _Found | None:
    """A quote paragraph right after a sentence about its speaker: "Viguerie is upbeat about
    Cruz's chances."⏎"Not only can Ted Cruz win in November …" The subject of that sentence
    speaks, when it is a person or a pronoun for one."""
    doc = view.doc
    para = view.paragraph_of(doc[view.token_ranges[q][0]].idx)
    if para == 0:
        return None
    lo, hi = _paragraph_tokens(view, para - 1)
    while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].is_punct):
        hi -= 1
    if hi <= lo or not view.outside(hi - 1):
        return None
    start = max(lo, view.sent_start[hi - 1])
    # The sentence's first subject: its topic, even when the parse hangs the main verb low.
    subject = next((t for t in doc[start:hi] if t.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.ent_type_ in ("PERSON", "ORG") or subject.tag_ == "NNP":
        return _Found(subject, None, "introduced")
    if subject.tag_ == "PRP" and subject.lower_ in ("he", "she", "they"):
        return _Found(subject, None, "introduced")
    return None


def _signature_line(view: _DocView, q: int) -> _Found | None:
    """A quote paragraph signed on the next line: "…"⏎- Sanders."""
    para = view.paragraph_of(view.doc[view.token_ranges[q][0]].idx)
    if para + 1 >= len(view.para_bounds):
        return None
    lo, hi = _paragraph_tokens(view, para + 1)
    if hi - lo > 12 or hi <= lo:
        return None
    first = view.doc[lo].text
    if first in DASHES:
        lo += 1
    elif not (first[:1] in DASH_CHARS and first[1:2].isupper()):
        # "-Michelle Marks, Philadelphia.": the tokenizer keeps a dash glued to the name.
        return None
    speaker = _first_name_like(view, lo, hi)
    return _Found(speaker, None, "dash") if speaker is not None else None


def _before(view: _DocView, q: int) -> _Found | None:
    """A cue before the opening mark: Brahimi said: "…", saying: "…", and From X: "…"; also in
    the paragraph before, when it ends with a colon and the quote is a paragraph of its own."""
    doc = view.doc
    lo, hi, _, _ = _clause_bounds(view, q)
    rule = "before"
    if lo >= hi:
        para = view.paragraph_of(doc[view.token_ranges[q][0]].idx)
        if para == 0:
            return None
        p_lo, p_hi = _paragraph_tokens(view, para - 1)
        while p_hi > p_lo and doc[p_hi - 1].is_space:
            p_hi -= 1
        if p_hi <= p_lo or not _ends_with_colon(doc[p_hi - 1]):
            return None
        lo, hi, rule = max(p_lo, view.sent_start[p_hi - 1]), p_hi, "colon-paragraph"
    # Kasich replied:  "…": a double space after the colon is a token of its own.
    while hi - 1 > lo and doc[hi - 1].is_space:
        hi -= 1
    if _ends_with_colon(doc[hi - 1]):
        signed = _dashed_source(view, lo, hi - 1)
        if signed is not None:
            return _Found(signed, None, "colon")
    for i in range(hi - 1, lo - 1, -1):
        token = doc[i]
        if token.text in _SENTENCE_END:
            break
        if is_cue(token) and not _in_subordinate_clause(token):
            speaker = _subject(token, view)
            if speaker is not None and speaker.head.i != token.i:
                # Byrne wrote the agents knew to brace, saying, "…": the subject was borrowed
                # from a verb inside what Byrne reports.
                reported = _reporter_of_report(view, speaker.head, speaker)
                if reported is not None:
                    return _Found(reported.speaker, (i, i + 1), rule)
            if (
                speaker is None
                and token.tag_ in ("VBD", "VBZ")
                and (token.dep_ == "ROOT" or not lo <= token.head.i < hi)
            ):
                # The parse lost the subject of a finite cue: On Dec. 2, Col. Jane Doe, a
                # spokeswoman, said, "…" (the name hung off the date).
                speaker = _person_before(view, lo, i)
            if speaker is not None:
                # She said she was thinking, "…": the first mention, as for the parse.
                outer = _outermost_report(view, _ancestors_outside(view, q), token, speaker)
                if outer is not None:
                    return _Found(outer.speaker, outer.cue, rule)
                return _Found(speaker, (i, i + 1), rule)
    if _ends_with_colon(doc[hi - 1]):
        # He gave the idea a whirl on CNN on Tuesday: "…": the subject of the sentence that the
        # colon ends; without a verb (From Chairwoman Smith: "…"), the name before the colon.
        # Only the colon's own sentence names the source: a name in the sentence before is
        # what that sentence was about.
        start = max(lo, view.sent_start[hi - 2]) if hi - 1 > lo else lo
        speaker = (
            _from_source(view, start, hi - 1)
            or _name_on_topic(view, start, hi - 1)
            or _root_subject(view, lo, hi - 1)
            or _last_name_like(view, start, hi - 1)
            or _speaker_in(view, lo, hi - 1)
        )
        if speaker is not None:
            return _Found(speaker, None, "colon")
    if doc[hi - 1].text in _SENTENCE_END:
        return _announced(view, view.sent_start[hi - 1], hi - 1)
    if doc[hi - 1].text == ",":
        return _verb_before(view, lo, hi - 1)
    return None


#: Characters that the tokenizer may leave glued to a following colon.
_GLUED_BEFORE_COLON = frozenset(").]")


def _ends_with_colon(token: Token) -> bool:
    """A colon, or a colon the tokenizer left on the word before it: "Rep. Jo Doe (R-S.C.):"."""
    text = token.text
    return text == ":" or (len(text) > 1 and text[-1] == ":" and text[-2] in _GLUED_BEFORE_COLON)


def _in_subordinate_clause(verb: Token) -> bool:
    """A verb that heads a "when"/"after"/"as" clause: "When Trump suggested …, Rubio fired
    back: "…"" reports what Trump suggested, not the quote after the main clause."""
    # "As Michael Dell put it, "…"" is the reporting clause itself, and so is a clause after
    # its main verb: "She had a great line when she said, "…"". A verb below such a clause is
    # inside it: "Before Sanders took the stage to acknowledge his victory, his campaign sent
    # …: "…"".
    node = verb
    for _ in range(3):
        if (
            node.dep_ == "advcl"
            and node.head.i > node.i
            and any(
                (child.dep_ == "mark" and child.lower_ != "as")
                or (
                    child.dep_ == "advmod" and child.lower_ in ("when", "whenever", "while", "once")
                )
                for child in node.children
            )
        ):
            return True
        if node.dep_ not in ("advcl", "xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _verb_before(view: _DocView, lo: int, hi: int) -> _Found | None:
    """Sanders shot back, "…": any finite verb right before the comma that opens a quote, with
    a subject next to it, reports the quote, as after-verbs do the other way round."""
    doc = view.doc
    i = hi - 1
    while i > lo and doc[i].dep_ in ("prt", "advmod") and doc[i].head.i < i:
        i -= 1
    verb = doc[i]
    if i < lo or not _is_verb(verb) or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    subject = _own_subject(verb, view)
    if subject is None or not (lo <= subject.i < i) or not plausible_speaker(subject, view):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in verb.children):
        # "He won the vote, "…"" is not a report.
        return None
    return _Found(subject, (i, i + 1), "before-verb")


def _announced(view: _DocView, lo: int, hi: int) -> _Found | None:
    """Cruz tweeted a warning. "Remember in November …": a sentence whose main verb is a cue
    with nothing reported of its own announces the quote that follows it."""
    doc = view.doc
    if lo >= hi or any(not view.outside(i) for i in range(lo, hi)):
        return None
    root = next((t for t in doc[lo:hi] if t.dep_ == "ROOT"), None)
    if root is None or not is_cue(root) or root.tag_ in ("VBG", "VBN", "VB"):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in root.children):
        return None
    speaker = _own_subject(root, view)
    if speaker is None or not plausible_speaker(speaker, view):
        return None
    return _Found(speaker, (root.i, root.i + 1), "announced")


def _layout(view: _DocView, span: QuoteSpan) -> str:
    """Where the attribution of a quote most likely sits, from the punctuation around it."""
    text = view.text
    opening = span.open_mark if span.open_mark is not None else span.start
    before = text[max(0, opening - 3) : opening].rstrip(" \t\u00a0'")
    initial = not before or before[-1] in '.!?:\n\r"”’»'
    if span.close_mark is not None:
        # A nested quote may close right before the outer one: "… as, 'He's the ringleader,'"
        inner = text[span.start : span.end].rstrip("'’‘ ")
        inner_last = inner[-1] if inner else ""
        after = text[span.close_mark + 1 : span.close_mark + 3].lstrip(" '")
        ends_paragraph = not after or after[0] in "\n\r"
        if ends_paragraph and before.endswith((":", ",")) and not initial:
            # …, when a boy shouted, "Run!" ⏎: nothing after the quote can report it.
            return "before"
        if inner_last in ",?!—–" or after.startswith((",", "—", "–")):
            # A quote that opens its sentence is direct speech with the cue after it; one that
            # starts mid-sentence is a partial quote whose comma may belong to the sentence.
            return "after" if initial else "mid-after"
    if before.endswith((":", ",")):
        return "before"
    # A whole sentence in quotes may be attributed by the next one: "…." He said …
    return "initial" if initial else "inline"


def _according_in(
    view: _DocView, lo: int, hi: int, *, to_sentence_end: bool = True
) -> _Found | None:
    """``according to X`` within ``[lo, hi)``, by default only up to the end of the sentence."""
    doc = view.doc
    for i in range(lo, hi - 1):
        if to_sentence_end and doc[i].text in _SENTENCE_END:
            return None
        if doc[i].lower_ == "according" and doc[i + 1].lower_ == "to":
            for child in doc[i + 1].children:
                if child.dep_ == "pobj":
                    return _Found(child, (i, i + 2), "according")
            if i + 2 < hi:
                return _Found(_head_of_name(doc[i + 2]), (i, i + 2), "according")
        if doc[i].lower_ == "in" and view.outside(i):
            owner = _in_words_of(view, i, hi)
            if owner is not None:
                return _Found(owner, (i, i + 1), "according")
    return None


#: Nouns of "in X's words" / "in her view", which source what they stand next to.
_WORDS_OF = frozenset({"words", "view"})


def _in_words_of(view: _DocView, i: int, hi: int) -> Token | None:
    """The named owner in "in Forbes' words, “…”" or "“…,” in Bolton's view", from token ``i``.

    ("in her words" is left to the rules that find the cue the pronoun's sentence has.)
    """
    doc = view.doc
    for p in range(i + 2, min(hi - 1, i + 5)):
        if doc[p].tag_ == "POS" or doc[p].lower_ in ("'s", "’s", "'", "’"):
            owner = doc[p - 1]
            named = owner.ent_type_ in ("PERSON", "ORG") or owner.tag_ in ("NNP", "NNPS")
            return owner if named and doc[p + 1].lower_ in _WORDS_OF else None
    return None


def _according_opens(view: _DocView, found: _Found) -> _Found | None:
    """``According to X,`` opening the sentence of the cue that ``found`` rests on."""
    if found.cue is None:
        return None
    start = view.sent_start[found.cue[0]]
    doc = view.doc
    if doc[start].lower_ == "according" and start + 1 < found.cue[0]:
        return _according_in(view, start, found.cue[0])
    return None


#: Verbs of "As X noted," that source a sentence: ones that report something, unlike the
#: "as" of time ("As Lopez spoke, …").
_AS_REPORTING = frozenset(
    {"said", "says", "noted", "notes", "wrote", "writes", "observed", "observes", "argued"}
    | {"argues", "explained", "explains", "reported", "reports", "remarked", "warned", "warns"}
    | {"told", "tells", "pointed", "points", "suggested", "suggests"}
)


def _sentence_source(view: _DocView, q: int) -> _Found | None:
    """The source that opens a quote's sentence when no cue does: "According to the report,
    the mayor was "furious"", "As one aide put it, the plan is "dead"", "As Lopez noted,
    voters are "tired"". Tried after the cue rules and before the clause's subject."""
    first = view.token_ranges[q][0]
    start = view.sent_start[first]
    doc = view.doc
    opener = doc[start].lower_
    if opener == "according" and start + 2 < first:
        return _according_in(view, start, first)
    if opener != "as" or doc[start].dep_ != "mark":
        return None
    verb = doc[start].head
    if not (start < verb.i < first and _is_verb(verb) and verb.dep_ == "advcl"):
        return None
    put_it = verb.lower_ in ("put", "puts") and any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children
    )
    if not (put_it or verb.lower_ in _AS_REPORTING):
        # "As Lopez spoke, the crowd …" is a time, not a source.
        return None
    subject = _own_subject(verb, view)
    if subject is None or not plausible_speaker(subject, view):
        return None
    return _Found(subject, (verb.i, verb.i + 1), "as-put")


def _according_to(view: _DocView, q: int) -> _Found | None:
    """``…," according to X`` and ``According to X, "…"`` next to the quote."""
    before_start, before_end, after_start, after_end = _clause_bounds(view, q)
    return _according_in(view, after_start, after_end) or _according_in(
        view, before_start, before_end, to_sentence_end=False
    )


def _first_name_like(view: _DocView, lo: int, hi: int) -> Token | None:
    """The name that signs a quote after a dash or on the next line: "— Commissioner Jane Doe".
    A verb or a conjunction first means the sentence goes on instead: "— and waved it"."""
    for i in range(lo, hi):
        token = view.doc[i]
        if _is_verb(token) or token.dep_ == "cc" or token.text in _SENTENCE_END:
            return None
        if token.ent_type_ in ("PERSON", "ORG") or token.tag_ in ("NNP", "NNPS"):
            return _head_of_name(token)
        if token.tag_ == "PRP" and token.lower_ in ("he", "she", "they", "it"):
            return token
    return None


def _person_before(view: _DocView, lo: int, hi: int) -> Token | None:
    """The nearest person named in ``[lo, hi)`` of the same sentence, at the head of its name."""
    for i in range(hi - 1, lo - 1, -1):
        token = view.doc[i]
        if token.text in _SENTENCE_END:
            return None
        if token.ent_type_ == "PERSON" and view.outside(i):
            head = _head_of_name(token)
            if head.dep_ not in ("poss", "pobj"):
                # Not "to Clinton's lack of press conferences" or "after meeting with Obama".
                return head
    return None


def _dashed_source(view: _DocView, lo: int, hi: int) -> Token | None:
    """Pollsters agree - Carl Bialik: "…": a name alone between a dash and the colon."""
    doc = view.doc
    for i in range(hi - 1, max(lo, hi - 5) - 1, -1):
        if doc[i].text == "-" and not doc[i].whitespace_:
            # A hyphen inside a word, as in (R-Ohio), is no dash.
            continue
        if doc[i].text in DASHES:
            words = doc[i + 1 : hi]
            if len(words) and all(t.tag_ in ("NNP", "NNPS") or t.is_punct for t in words):
                return _head_of_name(words[0])
            return None
    return None


def _from_source(view: _DocView, lo: int, hi: int) -> Token | None:
    """ "From the report: “…", "More from Bush's Facebook post: “…"": a verbless "from" phrase
    before a colon names the source, or the owner of the text it names."""
    doc = view.doc
    for i in range(hi - 1, lo - 1, -1):
        token = doc[i]
        if _is_verb(token) or not view.outside(i):
            return None
        if token.lower_ == "from":
            for child in token.children:
                if child.dep_ == "pobj" and child.i < hi:
                    return _owner(child, view) or child
            return None
    return None


#: Prepositions of the "Name on topic:" formula of headlines and subheads.
_ON_TOPIC = frozenset({"on", "about"})


def _name_on_topic(view: _DocView, lo: int, hi: int) -> Token | None:
    """ "Gillibrand on Clinton's Speeches: 'I Think She Will.'": in a verbless "Name on topic"
    before a colon, the name speaks and the topic is what about."""
    doc = view.doc
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[lo:hi]):
        return None
    for i in range(lo + 1, hi - 1):
        if doc[i].lower_ in _ON_TOPIC:
            # Nothing but the name before the preposition: "CNN President On Trump:".
            named = all(
                t.tag_ in _NAME_TAGS or t.ent_type_ in ("PERSON", "ORG") for t in doc[lo:i]
            ) and doc[i - 1].tag_ in ("NNP", "NNPS")
            return doc[i - 1] if named and doc[i + 1].ent_type_ not in ("DATE", "TIME") else None
    return None


#: Tags of the words of a name with its title: "the U.S. Ambassador", "Trump's".
_NAME_TAGS = frozenset({"NNP", "NNPS", "DT", "POS", "HYPH"})


def _last_name_like(view: _DocView, lo: int, hi: int) -> Token | None:
    # Jo Doe (R-Ohio): the party and state in brackets are not the name. The closing bracket
    # may be glued to the colon at ``hi``, so count from the left.
    bracketed = set()
    depth = 0
    for i in range(lo, hi):
        text = view.doc[i].text
        depth += "(" in text
        if depth:
            bracketed.add(i)
        depth = max(0, depth - (")" in text))
    for i in range(hi - 1, lo - 1, -1):
        token = view.doc[i]
        if i in bracketed or token.ent_type_ in _NOT_SPEAKERS:
            continue
        if token.ent_type_ in ("PERSON", "ORG") or token.tag_ in ("NNP", "NNPS"):
            return token
    return None


def _root_subject(view: _DocView, lo: int, hi: int) -> Token | None:
    """The subject of the main verb of ``[lo, hi)``, when it can speak."""
    start = max(lo, view.sent_start[hi - 1]) if hi > lo else lo
    if hi < len(view.doc) and _ends_with_colon(view.doc[hi]):
        # The verb the colon closes, wherever the parse hung it: "A supporter, X, gave it a
        # whirl on CNN:", "a lone voice hailed the vote on Twitter:".
        verb = view.doc[hi].head
        if not start <= verb.i < hi:
            # The colon hung off the quote's own verb: the clause before it has its top verb.
            verb = _clause_top(view, start, hi) or verb
        # "delivered a blunt message to Trump:" with the colon hung off the last noun.
        while (
            not (_is_verb(verb) or verb.lower_ in cue_verb_forms())
            and verb.head.i != verb.i
            and start <= verb.head.i < hi
        ):
            verb = verb.head
        if start <= verb.i < hi and (_is_verb(verb) or verb.lower_ in cue_verb_forms()):
            reporter = _reporting_verb_above(verb, view, view.sent_start[verb.i], hi)
            if reporter is not None:
                return reporter
            subject = _own_subject(verb, view)
            above = verb
            for _ in range(4):
                if subject is not None or above.head.i == above.i:
                    break
                # "his campaign sent a message to supporters saying:", with "saying" hung off
                # "supporters": the subject of the verb the participle's phrase belongs to.
                above = above.head
                if not start <= above.i < hi:
                    break
                if _is_verb(above):
                    subject = _own_subject(above, view)
            if subject is not None and _is_speech_noun(subject):
                # "Clinton's response was:" the owner of the words speaks them.
                subject = _owner(subject, view) or subject
            if (
                subject is not None
                and start <= subject.i < verb.i
                and not subject.text.isupper()
                and (plausible_speaker(subject, view) or _speaking_thing(subject, verb))
            ):
                return subject
    for token in view.doc[start:hi]:
        if token.dep_ == "ROOT" and _is_verb(token):
            subject = _own_subject(token, view)
            if subject is not None and start <= subject.i < hi:
                return subject if plausible_speaker(subject, view) else None
            return None
    return None


def _clause_top(view: _DocView, lo: int, hi: int) -> Token | None:
    """The last verb of ``[lo, hi)`` whose head lies outside that range: the clause's own verb."""
    for i in range(hi - 1, lo - 1, -1):
        token = view.doc[i]
        if _is_verb(token) and view.outside(i) and not lo <= token.head.i < hi:
            return token
    return None


def _speaking_thing(subject: Token, verb: Token) -> bool:
    """A common noun doing something right before a colon speaks what follows: "a lone voice
    hailed the vote on Twitter:", "A note in the filing spells it out:".
    Not after a linking verb ("The message was clear:") nor with a person as the object ("The
    timing doesn't surprise Jo Doe:"): those introduce someone else's words."""
    return (
        subject.tag_ in ("NN", "NNS")
        and verb.lower_ not in _LINKING_VERBS
        and not any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in verb.children)
    )


def _reporting_verb_above(verb: Token, view: _DocView, lo: int, hi: int) -> Token | None:
    """Axelrod said it was a blunder and that she has learned her lesson: "…": a colon after a
    verb that is not speech, inside what a cue above reports, gives the quote to that cue's
    speaker."""
    if is_cue(verb):
        return None
    node = verb
    for _ in range(6):
        if node.head.i == node.i or not lo <= node.head.i < hi:
            return None
        node = node.head
        if is_cue(node) and node.lower_ not in _LISTENER_VERBS:
            speaker = _subject(node, view)
            return speaker if speaker is not None and plausible_speaker(speaker, view) else None
    return None


_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from"}
    | {"as", "is", "vs.", "v.", "de", "la", "le", "du"}
)


def is_name_or_title(view: _DocView, q: int) -> bool:
    """A quoted name or title rather than speech: "Friends of Syria", "Saturday Night Live".

    Short, with no verb, and every content word capitalised.
    """
    words = _title_words(view, q)
    return words is not None and not _has_verb(words)


def _has_verb(words: list[Token]) -> bool:
    # A participle that modifies a noun (the "Armed Services") is part of the name.
    return any(_is_verb(t) and t.dep_ != "amod" for t in words)


def _title_words(view: _DocView, q: int) -> list[Token] | None:
    """The words of a short quote whose content words are all capitalised, else None."""
    first, last = view.token_ranges[q]
    doc = view.doc
    words: list[Token] = []
    # A word-by-word walk that stops at the ninth word: most quotes are long speech.
    for i in range(first, last):
        token = doc[i]
        if token.is_alpha:
            if len(words) == 8:
                return None
            words.append(token)
    if not words:
        return None
    capitalised = all(t.text[:1].isupper() or t.lower_ in _SMALL_WORDS for t in words)
    return words if capitalised and any(t.text[:1].isupper() for t in words) else None


def is_programme_title(view: _DocView, q: int) -> bool:
    """A quoted title where something was said or shown, not what was said: on ABC's "This
    Week", in an interview with "Fox and Friends", a host of "The Apprentice"."""
    words = _title_words(view, q)
    if words is None:
        return False
    first, last = view.token_ranges[q]
    if _after_possessive(view, q) or _after_work_noun(view, q) or _work_noun_after(view, q):
        # NBC's "Meet the Press", CBS's "Face the Nation": a possessive before a capitalised
        # quote makes it a title, verbs and all, however the parse hangs the two; so does a
        # word for a work (the podcast "Here's the Thing", the author of "Going Viral").
        return True
    if _has_verb(words):
        return False
    for token in view.doc[first:last]:
        head = token.head
        if view.outside(head.i):
            if token.dep_ in ("dative", "dobj") and head.lower_ in _TELL:
                # told "Fox and Friends": one tells a programme, not a quotation.
                return True
            if token.dep_ == "pobj":
                # "as "Chris"" is what someone was called; other prepositions place a title.
                return head.lower_ != "as"
            if token.dep_ == "appos":
                return True
            # Springsteen's "The Rising": a possessed title.
            return any(child.dep_ == "poss" and view.outside(child.i) for child in token.children)
    return False


#: Nouns for works with titles: the podcast "Here's the Thing".
_WORK_NOUNS = frozenset(
    {"podcast", "show", "program", "programme", "series", "book", "memoir", "novel", "film"}
    | {"movie", "documentary", "song", "album", "column", "essay", "op-ed", "newsletter"}
    | {"blog", "play", "musical", "poem", "sitcom", "drama", "comedy", "episode"}
)
#: People of a work: the author of "Going Viral", the host of "The Apprentice".
_WORK_ROLES = frozenset(
    {"author", "co-author", "coauthor", "host", "co-host", "star", "creator", "director"}
    | {"producer", "writer", "editor", "publisher"}
)


def _after_work_noun(view: _DocView, q: int) -> bool:
    """Whether quote ``q`` follows a word for a work, or "author of"."""
    doc = view.doc
    i = _before_marks(view, q)
    if i > 0 and doc[i].text == ",":
        i -= 1  # a new program, "The Overthrow Hour"
    if i < 0 or not view.outside(i):
        return False
    if doc[i].lower_ in _WORK_NOUNS and doc[i].tag_ in ("NN", "NNS"):
        return True
    return doc[i].lower_ == "of" and i > 0 and doc[i - 1].lower_ in _WORK_ROLES


def _work_noun_after(view: _DocView, q: int) -> bool:
    """Whether a word for a work stands in apposition after quote ``q``: "Rivers Run Dry," a
    memoir by …"""
    doc = view.doc
    i = _after_marks(view, q)
    if i < len(doc) and doc[i].text == ",":
        i += 1
    for k in range(i, min(len(doc), i + 3)):
        token = doc[k]
        if token.lower_ in _WORK_NOUNS and token.tag_ in ("NN", "NNS"):
            return k > i and doc[i].tag_ in ("DT", "PRP$")
        if not (token.tag_ in ("DT", "PRP$", "JJ") or token.tag_.startswith("NN")):
            return False
    return False


def _before_marks(view: _DocView, q: int) -> int:
    """The token just before quote ``q``'s opening mark (-1 at the start of the document)."""
    i = view.token_ranges[q][0] - 1
    while i >= 0 and view.quote_of[i] == q:
        i -= 1
    return i


def _after_marks(view: _DocView, q: int) -> int:
    """The token just after quote ``q``'s closing mark (``len(doc)`` at its end)."""
    i = view.token_ranges[q][1]
    while i < len(view.doc) and view.quote_of[i] == q:
        i += 1
    return i


def _after_possessive(view: _DocView, q: int) -> bool:
    """Whether the quote's opening mark follows a possessive ending: ABC's "This Week"."""
    i = _before_marks(view, q)
    if i < 0:
        return False
    before = view.doc[i]
    return before.tag_ == "POS" or before.lower_ in ("'s", "’s")


def is_premodifier(view: _DocView, q: int) -> bool:
    """A quoted name used as a modifier of a noun outside it: a "Friends of Syria" meeting.

    Such a quote names something; whatever verb governs the sentence, it is not speech.
    """
    first, last = view.token_ranges[q]
    doc = view.doc
    if last - first > 8 or not doc[first].text[:1].isupper():
        # Lower case, the quoted words are somebody's: the "confidential" level.
        return False
    after = _after_marks(view, q)
    if (
        after < len(doc)
        and doc[after].tag_ in ("NN", "NNS")
        and doc[after].text.islower()
        and _title_words(view, q) is not None
    ):
        # "Broad City" star Arturo Castro: a title right before a common noun, however the
        # parse (which reads "Orange is the New Black" star as a clause) hangs the two.
        return True
    for token in doc[first:last]:
        head = token.head
        if view.outside(head.i) and head.i >= last:
            return token.dep_ in ("compound", "amod", "nmod") and head.tag_.startswith("NN")
    return False


#: Verb forms of a news outlet's report that closes a sentence: "…," the Times reported.
_REPORTED = frozenset({"reported", "reports"})


def _reported_by(view: _DocView, q: int) -> _Found | None:
    """A sentence that ends with an outlet's report is that outlet's: in `Trump said "…," the
    Times reported`, the article quotes the Times, whoever the Times quoted."""
    doc = view.doc
    _, last = view.token_ranges[q]
    end = min(view.sent_end[last - 1], last + _WINDOW)
    for i in range(last, end):
        token = doc[i]
        if token.lower_ not in _REPORTED or not view.outside(i) or _has_own_object(token, view):
            continue
        for child in token.children:
            if (
                child.dep_ == "nsubj"
                and view.outside(child.i)
                and child.ent_type_ != "PERSON"
                and (child.ent_type_ == "ORG" or child.tag_ == "NNP")
            ):
                return _Found(_head_of_name(child), (i, i + 1), "reported")
        # "…," said Day, reports USA Today: the outlet after the verb, as the parse may hang it.
        after = i + 2 if i + 1 < end and doc[i + 1].lower_ == "the" else i + 1
        if i > 0 and doc[i - 1].text == "," and after < end:
            outlet = doc[after]
            if outlet.ent_type_ == "ORG" and view.outside(outlet.i):
                return _Found(_head_of_name(outlet), (i, i + 1), "reported")
    return None


def _find(view: _DocView, q: int, span: QuoteSpan) -> _Found | None:
    reported = _reported_by(view, q)
    if reported is not None:
        return reported
    layout = _layout(view, span)
    order: tuple[Callable[[_DocView, int], _Found | None], ...]
    if layout == "after":
        order = (_after, _syntactic, _before, _according_to)
    elif layout == "mid-after":
        order = (_syntactic, _after, _trailing_report, _according_to)
    elif layout == "initial":
        order = (_syntactic, _after, _before, _according_to)
    elif layout == "before":
        order = (_before, _syntactic, _after, _according_to)
    else:
        # A partial quote inside a sentence: only the parse can tell what it hangs off.
        order = (_syntactic, _trailing_report, _according_to, _speech_noun_owner)
    for rule in order:
        found = rule(view, q)
        if found is not None and found.speaker is not None:
            if found.rule == "after-verb" and layout == "mid-after":
                # As the crowd chanted "lock her up," the candidate smiled: a cue verb right
                # before the quote says more than any verb after it.
                cued = _before(view, q)
                if (
                    cued is not None
                    and cued.speaker is not None
                    and cued.cue is not None
                    and _before_marks(view, q) - cued.cue[1] <= 1
                ):
                    return cued
            if (
                found.rule == "syntax"
                and layout == "mid-after"
                and found.speaker.lower_ in _RELATIVE
            ):
                # Candidates who think "… wrong," she said: the relative clause describes
                # people; the reporting clause after the quote names the speaker.
                trailing = _after(view, q)
                if trailing is not None and trailing.speaker is not None:
                    return trailing
            if found.rule == "syntax" and layout == "inline" and found.speaker.lower_ in _RELATIVE:
                # slamming candidates who think they can "outsource" it: a clause that
                # describes a group of people is the words of the sentence's own source.
                outer = _beyond_relative_clause(view, found.speaker)
                if outer is not None:
                    return outer
            if found.rule == "syntax" and not plausible_speaker(found.speaker, view):
                # The rejection signals "the beginning of the end", said Wilders: a thing as the
                # subject of a cue gives way to a reporting clause that names a source.
                source = _trailing_report(view, q)
                if source is not None and source.speaker is not None:
                    return source
            if found.rule == "syntax":
                # 55 percent said they do not believe "…", according to a Quinnipiac poll, and
                # According to pool reports, Obama said "…": the named source of the whole
                # sentence is the poll, the reports.
                _, _, lo, hi = _clause_bounds(view, q)
                return _according_in(view, lo, hi) or _according_opens(view, found) or found
            return found
    return None


def attribute_quotes(
    doc: Doc, spans: list[QuoteSpan], index: EntityIndex, text: str | None = None
) -> list[Attribution]:
    """Decide which quotation spans are speech and attribute each to a speaker.

    ``text`` is ``doc.text``, for a caller that has it already.
    """
    if not spans or len(doc) == 0:
        return []
    view = _DocView(doc, spans, text)
    resolver = Resolver(doc, index, view.quote_of, view.text)
    results: list[Attribution] = []
    previous: Attribution | None = None
    previous_span: QuoteSpan | None = None
    view.not_speech = {
        q for q in range(len(spans)) if is_premodifier(view, q) or is_programme_title(view, q)
    }
    for q, span in enumerate(spans):
        if q in view.not_speech:
            continue
        found = _headline_source(view, q) or _find(view, q, span) or _sentence_source(view, q)
        if found is None and _layout(view, span) in ("inline", "mid-after"):
            # A partial quote takes its own clause's subject before any earlier speaker.
            found = _governing_subject(view, q)
        attribution: Attribution | None = None
        split = (
            previous is not None
            and previous_span is not None
            and _split_from(view, previous_span, span)
        )
        if found is not None and (
            not split
            or found.rule in ("after", "after-verb", "dash", "response")
            or (
                # A new subject between the parts: "…," Franken said. Silverman responded, "…"
                previous_span is not None
                and previous_span.close_mark is not None
                and found.speaker is not None
                and found.speaker.idx > previous_span.close_mark
            )
        ):
            attribution = _attribution(view, resolver, span, found)
        elif (
            not split
            and previous_span is not None
            and not previous_span.continues
            and previous_span.close_mark is not None
            and _continues(view, previous_span, span)
            and (intro := _introduced(view, q)) is not None
            and intro.speaker is not None
            and view.outside(intro.speaker.i)
            and intro.speaker.idx > previous_span.close_mark
        ):
            # "…," said Lopez. Park disagreed. ⏎ "…": the sentence after the last quote
            # introduces a new speaker.
            attribution = _attribution(view, resolver, span, intro)
        elif (
            previous is not None
            and previous_span is not None
            and (split or _continues(view, previous_span, span))
        ):
            # "A," she said. "B." The second part is hers unless it names its own speaker;
            # so is a bare quote paragraph after an attributed one.
            attribution = _nearer_mention(
                view, resolver, q, _inherit(previous, span, "continuation"), previous_span
            )
        elif found is not None:
            attribution = _attribution(view, resolver, span, found)
        else:
            found = _governing_subject(view, q)
            if found is None and _is_bare_paragraph(view, span):
                found = _introduced(view, q)
            if found is not None:
                attribution = _attribution(view, resolver, span, found)
            elif (
                previous is not None
                and previous_span is not None
                and view.paragraph_of(previous_span.start) == view.paragraph_of(span.start)
            ):
                attribution = _nearer_mention(
                    view, resolver, q, _inherit(previous, span, "same-paragraph"), previous_span
                )
            elif (found := _paragraph_reporter(view, q)) is not None:
                attribution = _attribution(view, resolver, span, found)
        if attribution is None:
            if is_name_or_title(view, q):
                continue
            attribution = Attribution(start=span.start, end=span.end)
        results.append(attribution)
        resolver.note_speaker(attribution.speaker_name)
        previous = attribution if attribution.speaker_name is not None else None
        previous_span = span
    return _echoes(view, results)


#: Punctuation trimmed from the ends of a quoted word when quotes are compared.
_WORD_EDGES = ".,;:!?\"'“”‘’«»()[]…—–-"
#: The fewest words a headline quote needs before its repetition in the body says who said it.
_ECHO_MIN_WORDS = 2


def _quote_words(text: str) -> tuple[str, ...]:
    words = (word.strip(_WORD_EDGES) for word in text.casefold().split())
    return tuple(word for word in words if word)


def _echoes(view: _DocView, results: list[Attribution]) -> list[Attribution]:
    """A headline quote with no speaker that repeats words the body quotes from a speaker is
    theirs: 'hundreds of thousands' in the headline echoes "…," Trump said in the story.

    Only the first paragraph: in the body, a repeated phrase is more often a writer's reference
    back to the words than a new quotation of them.
    """
    text = view.text
    attributed = [
        (_quote_words(text[a.start : a.end]), a) for a in results if a.speaker_name is not None
    ]
    if not attributed:
        return results
    for n, a in enumerate(results):
        if a.speaker_name is not None or view.paragraph_of(a.start) != 0:
            continue
        words = _quote_words(text[a.start : a.end])
        if len(words) < _ECHO_MIN_WORDS:
            continue
        source = next((b for other, b in attributed if _contains(other, words)), None)
        if source is not None:
            results[n] = replace(
                source, start=a.start, end=a.end, cue_start=None, cue_end=None, rule="echo"
            )
    return results


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether ``part`` occurs in ``words`` as a run of consecutive words."""
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


def _inherit(previous: Attribution, span: QuoteSpan, rule: str) -> Attribution:
    """``span`` with the speaker of ``previous`` and no cue of its own."""
    return replace(
        previous, start=span.start, end=span.end, cue_start=None, cue_end=None, rule=rule
    )


def _nearer_mention(
    view: _DocView, resolver: Resolver, q: int, attribution: Attribution, previous: QuoteSpan
) -> Attribution:
    """An inherited speaker of quote ``q`` mentioned again between the two quotes is named by
    that nearer mention: "…," Clinton said. She called for action. ⏎ "…" → "She"."""
    doc = view.doc
    lo = view.token_at(previous.close_mark if previous.close_mark is not None else previous.end)
    opening = view.token_ranges[q][0]
    for i in range(opening - 1, lo, -1):
        token = doc[i]
        if token.dep_ != "nsubj" or not view.outside(i):
            continue
        if token.lower_ not in _PRONOUN_SPEAKERS and resolver.index.mention_at(i) is None:
            continue
        # "he promised that he's staying": the subject of the reporting verb, not its echo.
        clause = token.head
        while clause.dep_ == "ccomp" and (outer := _own_subject(clause.head, view)) is not None:
            if outer.i <= lo or outer.lower_ != token.lower_:
                break
            token, clause = outer, clause.head
        if not main_clause(clause):
            # "…," he said, as he sat down: a subject inside the attribution's own asides.
            continue
        mention = resolver.resolve(token)
        if mention.name != attribution.speaker_name:
            return attribution
        return replace(attribution, speaker_start=mention.start, speaker_end=mention.end)
    return attribution


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


def _split_from(view: _DocView, previous: QuoteSpan, span: QuoteSpan) -> bool:
    """Whether ``span`` is the second part of a quote split around its cue, in one paragraph:
    only a short attribution clause lies between the two parts."""
    if previous.close_mark is None or span.open_mark is None:
        return False
    if view.paragraph_of(previous.start) != view.paragraph_of(span.start):
        return False
    gap = view.text[previous.close_mark + 1 : span.open_mark]
    return len(gap.split()) <= 12


def _is_bare_paragraph(view: _DocView, span: QuoteSpan) -> bool:
    """Whether the quote's paragraph holds nothing but quotes."""
    text = view.text
    p_start, p_end = view.para_bounds[view.paragraph_of(span.start)]
    opening = span.open_mark if span.open_mark is not None else span.start
    closing = span.close_mark + 1 if span.close_mark is not None else span.end
    outside = text[p_start:opening] + text[closing:p_end]
    return not any(ch.isalpha() for ch in outside)


def _single_marked(text: str, span: QuoteSpan) -> bool:
    """Whether ``span`` opens with a single quote mark (two apostrophes make a double one)."""
    mark = span.open_mark
    return (
        mark is not None
        and text[mark] in SINGLE_MARKS
        and not (text[mark] == "'" and text[mark + 1 : mark + 2] == "'")
    )


def _continues(view: _DocView, previous: QuoteSpan, span: QuoteSpan) -> bool:
    """Whether ``span`` carries on the speech of the quote before it.

    True for the later paragraphs of a multi-paragraph quote, and for a paragraph that is nothing
    but a quote, right after the paragraph of an attributed one.
    """
    if previous.continues:
        return True
    text = view.text
    this_para = view.paragraph_of(span.start)
    previous_para = view.paragraph_of(previous.start)
    if this_para - previous_para != 1:
        return False
    if _single_marked(text, span) and not _single_marked(text, previous):
        # A paragraph in 'single' marks after "double" ones is a pull-quote subheading that
        # opens a new section, not more of the same speech. (The other way round is a
        # headline's quote carried on in the body.)
        return False
    p_start, p_end = view.para_bounds[this_para]
    outside = (
        text[p_start : span.open_mark or span.start]
        + text[(span.close_mark + 1 if span.close_mark is not None else span.end) : p_end]
    )
    return sum(ch.isalpha() for ch in outside) == 0
