"""Resolving speaker mentions to the entity they stand for.

A named speaker maps to its entity cluster. A pronoun goes to the nearest earlier entity that
agrees with it (he/she: a person of compatible gender; it: an organisation or country; they: an
organisation or a person), preferring entities that were the subject of a recent sentence, which
is how news prose carries its topic. A nominal speaker ("the ministry", "the spokesman") goes to
the entity the article names with that role, and keeps its own words when the article names none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from quotex.entities import DASHES, Cluster, EntityIndex, Mention
from quotex.records import Label
from quotex.resources import (
    cue_verb_forms,
    document_nouns,
    protagonist_nouns,
    speaker_nouns,
    speech_nouns,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from numpy.typing import NDArray
    from spacy.tokens import Doc, Span, Token

_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_NEUTER = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "case", "punct"})
# How many mentions back a pronoun may look before it gives up.
_MAX_LOOKBACK = 60
#: Words that name part of a group given after "of": "one of the officials".
_PART_OF = frozenset({"one", "some", "many", "several", "most", "two", "three", "none"})
# How many tokens back "it" may look for an organisation noun when no name will do.
_NOUN_REACH = 60
#: Paragraphs, headline included, that make an article's lead: a role there ("A federal judge
#: blocked …") may be named only in what follows.
_LEAD_PARAGRAPHS = 3
#: Paragraphs, the role's own included, in which the lead's role must be named.
_AHEAD_PARAGRAPHS = 3
# Salience added to the entity that was quoted last, in tokens of distance.
_SPEAKER_BONUS = 30
# Salience added to a person whose gender is known and is the pronoun's, over one whose
# gender no title or first name gives: "she" is more likely Helena Strand, named just before,
# than Olof Lind, quoted last. Kept below the bonus of the last speaker: on the train
# articles 20 also moved "he" off people introduced under given names the list lacks.
_GENDER_BONUS = 15
# Salience per earlier mention (up to _TOPIC_CAP of them) when "the company" looks for the
# organisation a story is about.
_TOPIC_BONUS = 15
_TOPIC_CAP = 5
# What a subject earns in salience (see ``_salience``), and a main clause's subject more.
_SUBJECT_BONUS = 40
_MAIN_SUBJECT_BONUS = 20
# How close (in tokens) a he/she must follow a person to count as a vote for its gender.
_GENDER_WINDOW = 20
#: Prepositions that name whom an unnamed person works or speaks for: "a spokesman for X".
_EMPLOYER_PREPS = frozenset({"for", "of", "at", "with"})
#: Prepositions that name the author of a text: "a statement from the ministry", "a report by X".
_AUTHOR_PREPS = frozenset({"from", "by"})
#: Tokens back that "the ad" looks for the ad someone put out.
_ISSUE_LOOKBACK = 400
#: Verbs for holding a text up rather than putting it out: "He held up a sign that read …" is
#: the sign's message, not his words.
HELD_VERBS = frozenset(
    {"held", "holds", "hold", "holding", "hoisted", "carried", "carries", "carrying", "waved"}
    | {"waves", "waving", "wore", "wears", "wearing", "saw", "sees", "spotted", "found"}
)
#: Verbs whose subject has a text without having put it out: "Jo Doe read the letter".
_NOT_ISSUING = HELD_VERBS | (
    {"read", "reads", "reading", "see", "seen", "watched", "watch", "watches", "finds"}
    | {"received", "receive", "receives", "obtained", "obtain", "obtains", "reviewed"}
    | {"cited", "cites", "quoted", "quotes", "criticized", "criticizes", "slammed"}
    | {"dismissed", "rejected", "has", "have", "had", "having"}
)
#: Participles whose agent wrote the text: "a statement issued by the ministry" (not "obtained
#: by the Post").
_AUTHORED = frozenset(
    {"issued", "released", "sent", "written", "signed", "posted", "filed", "published"}
    | {"drafted", "authored", "penned", "prepared", "tweeted", "circulated", "distributed"}
)
#: The closing credit of a book excerpt, and the author's name in it: "From STEALING AMERICA
#: by Dinesh D'Souza. Copyright © 2015 …", "Excerpted from The Long Road by Jo Doe."
_EXCERPT_CREDIT = re.compile(
    r"(?:Excerpted |Adapted |Reprinted )?[Ff]rom .{1,200}? by "
    r"((?:[A-Z](?:\.|[\w'’-]+)\s){1,3}[A-Z][\w'’-]*\w)"
)
#: Verbs whose object answers next: "Conroy asked Sanders whether …".
_ASKING = frozenset({"asked", "asks", "pressed", "presses", "questioned", "questions"})
#: Nouns for the people an organisation speaks through.
_SPOKESPEOPLE = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen"}
)
#: Nouns for pictures and recordings, whose subject is the person they show: "Footage of X".
_PICTURES = frozenset(
    {"footage", "video", "videos", "clip", "clips", "photo", "photos", "image", "images"}
    | {"picture", "pictures", "recording", "recordings", "tape", "tapes", "audio"}
)
#: The characters of the dash tokens (``DASHES``), for a dash glued to a word ("-Michelle").
DASH_CHARS = "-–—"
_PHRASE_BREAKS = DASHES | {":", ";"}
_ASIDE_BREAKS = DASHES | {";", "("}


def main_clause(verb: Token) -> bool:
    """Whether ``verb`` heads its sentence, or a clause coordinated with the one that does."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.head.i == verb.i


def _shown_by(noun: Token) -> Token | None:
    """The word after "of" when ``noun`` is a picture or recording: "Footage of Al-Awlaki"."""
    if noun.lower_ not in _PICTURES:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def is_age_noun(token: Token) -> bool:
    """An age that stands for a person: "the 46-year-old", "a 19-year-old"."""
    doc = token.doc
    return (
        token.lower_ in ("old", "olds")
        and token.i >= 2
        and doc[token.i - 1].text == "-"
        and doc[token.i - 2].lower_ in ("year", "years")
    ) or token.lower_.endswith(("-year-old", "-year-olds"))


def _find_end(text: str, sub: str, start: int) -> int:
    """Where ``sub`` next occurs from ``start``, or the end of ``text``."""
    found = text.find(sub, start)
    return len(text) if found < 0 else found


def _is_spaced_dash(token: Token) -> bool:
    return (
        token.text in DASHES
        and bool(token.whitespace_)
        and token.i > 0
        and bool(token.doc[token.i - 1].whitespace_)
    )


def _governed_by(token: Token, head: Token) -> bool:
    """Whether ``head`` is ``token`` or one of its ancestors (Token.is_ancestor, without
    building the ancestor chain's objects twice)."""
    while True:
        if token.i == head.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head


#: Clauses within a pronoun's clause whose names the pronoun does not bind in news prose:
#: ""…," he told Hannity at the event where Trump spoke" is Trump speaking.
_FREE_CLAUSES = frozenset({"relcl", "acl", "advcl"})


def _bound_by(token: Token, head: Token) -> bool:
    """Whether ``head`` governs ``token`` other than through a relative or adverbial clause."""
    while True:
        if token.i == head.i:
            return True
        if token.head.i == token.i or token.dep_ in _FREE_CLAUSES:
            return False
        token = token.head


def _hyphenated(token: Token) -> str:
    """The lower-cased word a noun heads with the words hyphenated to it: "front-runner"."""
    doc = token.doc
    word = token.lower_
    i = token.i
    while (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
    ):
        word = f"{doc[i - 2].lower_}-{word}"
        i -= 2
    return word


def after_dash_aside(subject: Token) -> Token:
    """The subject after a dash aside: in "In the letter - addressed to the attorney, Jane Roe -
    the senator asks", the parser takes the aside's last name for the subject and the real one
    for its appositive."""
    appositive = next(
        (c for c in subject.rights if c.dep_ == "appos" and c.tag_.startswith("NN")), None
    )
    if appositive is None:
        return subject
    doc = subject.doc
    if not any(_is_spaced_dash(t) for t in doc[subject.i + 1 : appositive.left_edge.i]):
        return subject
    # Back to the start of the sentence (Token.sent would walk every sentence of the doc).
    for i in range(subject.left_edge.i - 1, -1, -1):
        if _is_spaced_dash(doc[i]):
            return appositive
        if "\n" in doc[i].text or doc[i].is_sent_start:
            break
    return subject


_FORMER = frozenset({"former", "then", "outgoing", "incoming", "onetime", "ex"})


def _is_office_title(noun: Token) -> bool:
    """A role that names one office, so "the" picks out one person the story is about: "the
    former secretary of State", "the governor of Ohio", "the ex-president"."""
    return any(
        (child.dep_ in ("amod", "advmod", "compound") and child.lower_ in _FORMER)
        or (child.dep_ == "prep" and child.lower_ == "of" and child.i > noun.i)
        for child in noun.children
    )


#: Words that make a role noun another role: "the vice president" is not "the president".
_ROLE_QUALIFIERS = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant", "under"})


def _role_qualifier(noun: Token) -> str | None:
    """The word just before a role noun that makes it another role ("vice president")."""
    if noun.i == 0:
        return None
    before = noun.doc[noun.i - 1]
    return before.lower_ if before.lower_ in _ROLE_QUALIFIERS else None


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """A speaker mention (character offsets) and the entity it names."""

    start: int
    end: int
    name: str
    label: Label | None


class Resolver:
    """Resolves speaker tokens of one document."""

    def __init__(
        self, doc: Doc, index: EntityIndex, quote_of: list[int], text: str | None = None
    ) -> None:
        self.doc = doc
        # Doc.text joins every token on each access: the caller that has it passes it in.
        self.text = doc.text if text is None else text
        self.index = index
        self.quote_of = quote_of
        self.person_nouns, self.org_nouns = speaker_nouns()
        self.last_speaker: str | None = None
        # Resolved pronoun speakers, in resolution order: (token index, cluster index, kind).
        self.pronoun_mentions: list[tuple[int, int, str | None]] = []
        # He and she resolved to a person the article does not name, by token index.
        self._unnamed: dict[int, ResolvedMention | None] = {}
        # The writer of a first-person piece, once looked for.
        self._author_looked = False
        self._author_found: Cluster | None = None
        from spacy.attrs import LOWER

        # Pronouns and roles are found in the LOWER column instead of building every token
        # of the document.
        lowers = doc.to_array(LOWER)
        self._infer_genders(lowers)
        # He, she and roles that are subjects of main clauses, by token index: resolved in
        # document order as later pronouns need them, so that "Juanita Broaddrick recounted
        # it. She has said … On Sunday, she disclosed …" carries her to the next quote's "she
        # said".
        self._chain = self._main_subjects(lowers)
        self._chained = 0

    def resolve(self, token: Token) -> ResolvedMention:
        """The mention around ``token`` and the entity it stands for."""
        mention = self.index.mention_at(token.i)
        if mention is not None:
            cluster = self.index.clusters[mention.cluster]
            span = self.doc[mention.start : mention.end]
            return ResolvedMention(span.start_char, span.end_char, cluster.name, cluster.label)
        lower = token.lower_
        if lower in ("who", "that", "which") and token.head.dep_ == "relcl":
            # "a surrogate who said …": the mention is "who"; the speaker is the noun the
            # clause describes.
            described = self.resolve(token.head.head)
            return ResolvedMention(
                token.idx, token.idx + len(token), described.name, described.label
            )
        if lower in ("i", "me") and (author := self._author()) is not None:
            # An opinion piece: the writer speaks, and the article names them.
            return ResolvedMention(token.idx, token.idx + len(token), author.name, author.label)
        if token.tag_ in ("PRP", "PRP$") or lower in _MALE | _FEMALE | _NEUTER | _PLURAL:
            unnamed = self._unnamed_antecedent(token)
            if unnamed is not None:
                return ResolvedMention(
                    token.idx, token.idx + len(token), unnamed.name, unnamed.label
                )
            if lower in _NEUTER and (head_of := self._relative_head(token)) is not None:
                # "Cambridge Analytica, which specializes in what it calls …": "it" inside a
                # relative clause on an organisation is that organisation.
                return ResolvedMention(
                    token.idx, token.idx + len(token), head_of.name, head_of.label
                )
            if lower in _NEUTER and (text := self._text_subject(token)) is not None:
                # '"…," the email read. It stated that …': the text speaks for its author.
                found = self._nominal(text)
                if found.label is not None:
                    return ResolvedMention(
                        token.idx, token.idx + len(token), found.name, found.label
                    )
            if lower in _NEUTER and (noun := self._organisation_subject(token)) is not None:
                # "Trump's campaign backtracked, putting out a statement. … it said": the
                # organisation a noun just made a main subject, with no name in between.
                found = self._nominal(noun)
                if (
                    found.label == "ORG"
                    and main_clause(noun.head)
                    and not any(
                        noun.i < m.start < token.i
                        and self.index.clusters[m.cluster].label in ("ORG", "COUNTRY")
                        for m in self.index.mentions
                    )
                ):
                    return ResolvedMention(token.idx, token.idx + len(token), found.name, "ORG")
            antecedent = self._antecedent(token)
            if antecedent is None and lower in _NEUTER:
                # "The employers' federation rejected that. In a statement, it said …": with
                # no organisation named, "it" is the organisation a noun just made a subject.
                noun = self._organisation_subject(token)
                if noun is not None:
                    found = self._nominal(noun)
                    return ResolvedMention(token.idx, token.idx + len(token), found.name, "ORG")
            name = antecedent.name if antecedent else token.text
            label = antecedent.label if antecedent else None
            return ResolvedMention(token.idx, token.idx + len(token), name, label)
        if token.ent_type_ == "NORP" and (country := self._country_of_people(token)) is not None:
            # "the Saudis state in the white paper": a people speaks through its country.
            span_start, span_end = self._phrase(token)
            start_char = self.doc[span_start].idx
            end_char = self.doc[span_end - 1].idx + len(self.doc[span_end - 1])
            return ResolvedMention(start_char, end_char, country.name, country.label)
        return self._nominal(token)

    def _country_of_people(self, token: Token) -> Cluster | None:
        """The country the article names whose name a plural people's name begins like:
        "the Saudis" → Saudi Arabia, "the Israelis" → Israel (at least five letters alike)."""
        if token.tag_ not in ("NNPS", "NNS") and not token.text.endswith("s"):
            return None
        people = (token.text[:-1] if token.text.endswith("s") else token.text).lower()
        for cluster in self.index.clusters:
            if cluster.label != "COUNTRY":
                continue
            country = cluster.name.lower()
            shared = next(
                (k for k, (a, b) in enumerate(zip(people, country, strict=False)) if a != b),
                min(len(people), len(country)),
            )
            if shared >= 5 or (shared >= 4 and shared == len(cluster.name)):
                return cluster
        return None

    def _relative_head(self, pronoun: Token) -> Cluster | None:
        """The organisation or country a relative clause describes, when ``pronoun`` sits in
        it and the clause's own subject is the relative pronoun ("which", "that")."""
        node = pronoun
        for _ in range(12):
            if node.head.i == node.i:
                return None
            if node.dep_ == "relcl":
                if not any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that")
                    for c in node.children
                ):
                    return None
                # The described phrase up to the clause: "a company called Cambridge
                # Analytica, which …".
                described = self.doc[node.head.left_edge.i : node.left_edge.i]
                found = [
                    cluster
                    for t in described
                    if (cluster := self.index.cluster_at(t.i)) is not None
                    and cluster.label in ("ORG", "COUNTRY")
                ]
                return found[-1] if found else None
            node = node.head
        return None

    def _author(self) -> Cluster | None:
        """The writer of a first-person piece, where the article names them: a headline that
        opens with the name and a colon ("Ann Coulter: And Then There Was One"), or a closing
        paragraph about them ("Cindy Godwin is a retired marketing executive …")."""
        if not self._author_looked:
            self._author_looked = True
            self._author_found = self._find_author()
        return self._author_found

    def _find_author(self) -> Cluster | None:
        mentions = [m for m in self.index.mentions if not m.credit]
        people = [m for m in mentions if self.index.clusters[m.cluster].label == "PERSON"]
        text = self.text
        if people:
            first = people[0]
            span = self.doc[first.start : first.end]
            line_start = text.rfind("\n", 0, span.start_char) + 1
            if (
                not text[line_start : span.start_char].strip()
                and text.find("\n", 0, span.start_char) in (-1, line_start - 1)
                and text[span.end_char : span.end_char + 1] == ":"
            ):
                return self.index.clusters[first.cluster]
            body = text.rstrip()
            last_paragraph = body.rfind("\n") + 1
            while last_paragraph < len(body) and body[last_paragraph].isspace():
                last_paragraph += 1
            for mention in people:
                head = self.doc[mention.end - 1]
                cluster = self.index.clusters[mention.cluster]
                if (
                    self.doc[mention.start].idx == last_paragraph
                    and head.dep_ == "nsubj"
                    and head.head.lower_ in ("is", "was")
                    and any(child.dep_ == "attr" for child in head.head.children)
                    # A writer's note names someone the article has not: "Clinton is the
                    # front-runner." closing a news story is no signature.
                    and self.index.mentions[cluster.mentions[0]].start == mention.start
                ):
                    return cluster
        return self._credited_author()

    def _credited_author(self) -> Cluster | None:
        """The writer a book excerpt's closing credit names ("From STEALING AMERICA by Dinesh
        D'Souza. Copyright …"), whether or not the model tagged the name."""
        body = self.text.rstrip()
        closing = body[body.rfind("\n") + 1 :].strip()
        found = _EXCERPT_CREDIT.match(closing)
        if found is None:
            return None
        name = found.group(1)
        surname = name.split()[-1]
        for cluster in self.index.clusters:
            if cluster.label == "PERSON" and cluster.name.split()[-1] == surname:
                return cluster
        return Cluster(name=name, label="PERSON")

    def _unnamed_antecedent(self, pronoun: Token) -> ResolvedMention | None:
        """A he or she subject whose previous sentence has an unnamed person as its subject,
        with nobody named since: "One of the residents, a retired machinist, said he had lived
        there. ⏎ "…," he said." The resident speaks, not the last person the article named.
        Follows a chain of such pronouns back ("He … He …")."""
        lower = pronoun.lower_
        if lower not in ("he", "she") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        if pronoun.i in self._unnamed:
            return self._unnamed[pronoun.i]
        self._unnamed[pronoun.i] = None
        subject = self._previous_subject(pronoun)
        found: ResolvedMention | None = None
        gender = "male" if lower == "he" else "female"
        if subject is None or any(
            # A man named since is no rival for "she": "A neighbor said Hooper shouted. "…,"
            # she said."
            m.label == "PERSON"
            and subject.i < m.start < pronoun.i
            and not m.credit
            and self.index.clusters[m.cluster].gender in (None, gender)
            for m in self.index.mentions
        ):
            return None
        if subject.lower_ == lower:
            found = self._unnamed_antecedent(subject)
        elif self._unnamed_person(subject):
            given = self._clause_gender(subject)
            if given is None or given == gender:
                # A noun that names someone after all ("a spokesman for the campaign") is left
                # to the pronoun's own resolution, which weighs gender and salience.
                named = self._nominal(subject)
                found = None if named.label is not None else replace(named, label="PERSON")
        self._unnamed[pronoun.i] = found
        return found

    def _previous_subject(self, pronoun: Token) -> Token | None:
        """The subject of the main clause of the sentence before the pronoun's, if that sentence
        ends the pronoun's paragraph or the one before it."""
        sentence = self.doc[pronoun.i].sent
        start = sentence.start
        while start > 0 and self.doc[start - 1].is_space:
            start -= 1
        if start == 0:
            return None
        previous = self.doc[start - 1].sent
        if self.text.count("\n", previous.end_char, self.doc[pronoun.i].idx) > 2:
            return None
        root = previous.root
        if self.quote_of[root.i] >= 0:
            return None
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass") and self.quote_of[child.i] < 0:
                return child
        return None

    def _unnamed_person(self, noun: Token) -> bool:
        """An indefinite singular noun phrase for a person that no entity names: "one of the
        residents", "a nurse", "another 61-year-old". A definite one ("the author") is someone
        the article has usually named."""
        if noun.ent_type_ == "PERSON" or self.index.mention_at(noun.i) is not None:
            return False
        lower = noun.lower_
        if lower == "one":
            return any(
                child.dep_ == "prep"
                and child.lower_ == "of"
                and any(
                    g.dep_ == "pobj"
                    and (g.lower_ in self.person_nouns or g.lower_[:-1] in self.person_nouns)
                    for g in child.children
                )
                for child in noun.children
            )
        indefinite = any(
            child.dep_ in ("det", "nummod") and child.lower_ in ("a", "an", "another", "one")
            for child in noun.children
        )
        return (
            indefinite and noun.tag_ == "NN" and (lower in self.person_nouns or is_age_noun(noun))
        )

    def _named_in_apposition(self, noun: Token) -> Mention | None:
        """The entity mention in apposition to ``noun``, through a chain of appositives:
        "The moderator, Channel 5 anchor Mike Reyes"."""
        frontier = [noun]
        for _ in range(2):
            frontier = [c for t in frontier for c in t.children if c.dep_ == "appos"]
            for appos in frontier:
                mention = self.index.mention_at(appos.i)
                if mention is not None:
                    return mention
        return None

    def _organisation_subject(self, pronoun: Token) -> Token | None:
        """The nearest organisation noun ("the federation", "the ministry") that is the
        subject of a clause before ``pronoun`` in its paragraph, outside quotes."""
        for i in range(pronoun.i - 1, max(-1, pronoun.i - _NOUN_REACH), -1):
            token = self.doc[i]
            if "\n" in token.text:
                # A line break is a token of its own: the paragraph starts after it.
                return None
            if (
                token.dep_ in ("nsubj", "nsubjpass")
                and token.lower_ in self.org_nouns
                and token.tag_ in ("NN", "NNS")
                and self.quote_of[i] < 0
            ):
                return token
        return None

    def _text_subject(self, pronoun: Token) -> Token | None:
        """The text ("the email", "the memo") that was the subject of the clause just before
        ``pronoun``, with no organisation named in between: "It" then goes on for it."""
        for i in range(pronoun.i - 1, max(-1, pronoun.i - _NOUN_REACH), -1):
            token = self.doc[i]
            if self.quote_of[i] >= 0 or token.is_space or token.is_punct:
                continue
            if (mention := self.index.mention_at(i)) is not None and mention.label in (
                "ORG",
                "COUNTRY",
            ):
                return None
            if token.lower_ in document_nouns() and token.tag_ in ("NN", "NNS"):
                subject = token.dep_ in ("nsubj", "nsubjpass") or (
                    # "the email read" parsed as a compound of "read".
                    token.dep_ == "compound" and token.head.lower_ in cue_verb_forms()
                )
                return token if subject else None
            if token.dep_ in ("nsubj", "nsubjpass") and token.i != pronoun.i:
                return None
        return None

    def _he_and_she(self, lowers: NDArray[Any]) -> list[int]:
        """Token indexes of he and she subjects outside quotes."""
        strings = self.doc.vocab.strings
        pronouns = ((lowers == strings["he"]) | (lowers == strings["she"])).nonzero()[0]
        return [
            position
            for position in pronouns.tolist()
            if self.doc[position].dep_ == "nsubj" and self.quote_of[position] < 0
        ]

    def _main_subjects(self, lowers: NDArray[Any]) -> list[int]:
        """Token indexes of he, she and role nouns ("the senator") that are the subjects of
        main clauses outside quotes, in document order."""
        import numpy as np

        doc = self.doc
        found = [p for p in self._he_and_she(lowers) if main_clause(doc[p].head)]
        strings = doc.vocab.strings
        roles = [strings[noun] for noun in self.person_nouns if noun in strings]
        for position in np.isin(lowers, roles).nonzero()[0].tolist():
            token = doc[position]
            if (
                token.dep_ == "nsubj"
                and self.quote_of[position] < 0
                and self._main_report(token.head)
            ):
                found.append(position)
        return sorted(found)

    def _infer_genders(self, lowers: NDArray[Any]) -> None:
        """Give a gender to people with no title or known first name from how the article
        refers back to them: a "he" or "she" that follows a mention closely, as the subject of
        the next clause, votes for that person. Only clear majorities count."""
        votes: dict[int, list[str]] = {}
        mentions = self.index.mentions
        n = 0
        for position in self._he_and_she(lowers):
            token = self.doc[position]
            lower = token.lower_
            while n < len(mentions) and mentions[n].end <= token.i:
                n += 1
            for back in range(n - 1, max(-1, n - 4), -1):
                mention = mentions[back]
                if token.i - mention.end > _GENDER_WINDOW:
                    break
                cluster = self.index.clusters[mention.cluster]
                if cluster.label == "PERSON":
                    if cluster.gender is None:
                        votes.setdefault(mention.cluster, []).append(
                            "male" if lower == "he" else "female"
                        )
                    break
        for index, genders in votes.items():
            male = genders.count("male")
            female = len(genders) - male
            if max(male, female) >= 2 and min(male, female) * 3 <= max(male, female):
                self.index.clusters[index].gender = "male" if male > female else "female"

    def note_speaker(self, name: str | None) -> None:
        """Remember the last attributed speaker: news prose keeps quoting its current source."""
        self.last_speaker = name

    def _antecedent(self, pronoun: Token) -> Cluster | None:
        lower = pronoun.lower_
        if lower in _FIRST_PERSON:
            return None
        excluded = self._bound_names(pronoun)
        wanted: tuple[Label, ...]
        gender = None
        if lower in ("he", "she"):
            self._resolve_chain(pronoun.i)
        if lower in _MALE or lower in _FEMALE:
            wanted, kind = ("PERSON",), "male" if lower in _MALE else "female"
            gender = kind
        elif lower in _NEUTER:
            wanted, kind = ("ORG", "COUNTRY"), "neuter"
        else:
            wanted, kind = ("ORG", "PERSON", "COUNTRY"), "plural"
        found = self._topic(pronoun, wanted, gender, excluded)
        if found is None:
            found = self._reporter(pronoun, gender, excluded)
        if found is None:
            found = self._salient_index(pronoun.i, wanted, gender, excluded, kind)
        if found is None:
            return None
        # The pronoun now mentions its entity too: the next "he" may find it here.
        self.pronoun_mentions.append((pronoun.i, found, kind))
        return self.index.clusters[found]

    def _resolve_chain(self, before: int) -> None:
        """Resolve the main-clause he and she subjects before token ``before`` that are not
        resolved yet, so that they count as mentions of their entities."""
        # The source quoted last earns no bonus here: it is for the "he" of "he said", and a
        # pronoun that is no speaker follows the prose ("… to bloody Sanders. He has attacked").
        last_speaker, self.last_speaker = self.last_speaker, None
        while self._chained < len(self._chain) and self._chain[self._chained] < before:
            token = self.doc[self._chain[self._chained]]
            self._chained += 1
            if token.lower_ not in ("he", "she"):
                self._chain_role(token)
            elif self._unnamed_antecedent(token) is None:
                self._antecedent(token)
        self.last_speaker = last_speaker

    def _chain_role(self, noun: Token) -> None:
        """A definite role as a main clause's subject ("But the former president showed
        restraint") mentions the person it stands for, as a he or she would."""
        if (
            noun.tag_ != "NN"
            or self.index.mention_at(noun.i) is not None
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        ):
            return
        found = self._nominal(noun)
        if found.label != "PERSON":
            return
        index = next((n for n, c in enumerate(self.index.clusters) if c.name == found.name), None)
        if index is None:
            return
        gender = self.index.clusters[index].gender or self._clause_gender(noun)
        if gender is not None:
            self.pronoun_mentions.append((noun.i, index, gender))

    def _topic(
        self,
        pronoun: Token,
        wanted: tuple[Label, ...],
        gender: str | None,
        excluded: frozenset[int],
    ) -> int | None:
        """The entity a sentence names as its topic just before the pronoun: "As for Trump, he
        said he's not worried"."""
        start = pronoun.sent.start
        while start < pronoun.i and (self.doc[start].is_space or self.doc[start].is_punct):
            start += 1
        if not (
            pronoun.i - start >= 4
            and self.doc[start].lower_ == "as"
            and self.doc[start + 1].lower_ == "for"
            and self.doc[pronoun.i - 1].text == ","
        ):
            return None
        mention = self.index.mention_at(pronoun.i - 2)
        if (
            mention is None
            or mention.start != start + 2
            or not self._compatible(mention.cluster, wanted, gender, excluded)
        ):
            return None
        return mention.cluster

    def _reporter(self, pronoun: Token, gender: str | None, excluded: frozenset[int]) -> int | None:
        """The named subject of the verb whose complement a he or she is the subject of:
        "Trump told reporters he thought …". The person reporting is who "he" is, however
        salient someone else is."""
        if gender is None or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = pronoun.head
        if clause.dep_ != "ccomp" or clause.head.i == clause.i:
            return None
        for child in clause.head.children:
            if child.dep_ == "nsubj" and child.i < pronoun.i and self.quote_of[child.i] < 0:
                mention = self.index.mention_at(child.i)
                if mention is not None and self._compatible(
                    mention.cluster, ("PERSON",), gender, excluded
                ):
                    return mention.cluster
        return None

    def _bound_names(self, pronoun: Token) -> frozenset[int]:
        """Clusters named after a subject pronoun in the clause it governs. "He has declared
        Cruz anointed": such a name is never what the subject stands for (binding principle C),
        however salient it is. A name before the pronoun can be ("After Cruz won, he said"),
        and quoted words do not count: speakers name themselves ("Trump will win," he said)."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head is pronoun:
            return frozenset()
        # The parse sometimes runs a clause across paragraphs; binding never does.
        text = self.text
        paragraph = range(text.rfind("\n", 0, pronoun.idx) + 1, _find_end(text, "\n", pronoun.idx))
        clusters = set()
        head = pronoun.head
        doc = self.doc
        # An index walk over the head's right flank: iterating Token.subtree builds every
        # token of a long clause as a Python object, and this runs for every pronoun.
        for i in range(pronoun.right_edge.i + 1, head.right_edge.i + 1):
            token = doc[i]
            if token.idx >= paragraph.stop:
                break
            if token.text in _ASIDE_BREAKS and (token.whitespace_ or token.text == "("):
                # What follows a dash or semicolon is an aside that the pronoun does not bind:
                # "He called him a hero – the general whom Beck admires".
                if _governed_by(token, head):
                    break
                continue
            if self.quote_of[i] >= 0:
                continue
            mention = self.index.mention_at(i)
            if mention is None or not _bound_by(token, head):
                continue
            name = doc[mention.end - 1]
            if name.dep_ == "compound" and name.head.tag_ in ("NN", "NNS"):
                # A name that modifies a noun refers to no one by itself: "He said the Carson
                # campaign's volunteers were insulted" may well be Carson speaking.
                continue
            clusters.add(mention.cluster)
        return frozenset(clusters)

    def _salient(
        self,
        anchor: int,
        wanted: tuple[Label, ...],
        gender: str | None = None,
        excluded: frozenset[int] = frozenset(),
        kind: str | None = None,
        *,
        topical: bool = False,
    ) -> Cluster | None:
        """The most salient earlier entity with one of the ``wanted`` labels and no clash of
        gender: close, a subject, outside quotes, and ideally the source being quoted. With
        ``topical``, how often the article has named an entity counts too."""
        index = self._salient_index(anchor, wanted, gender, excluded, kind, topical)
        return None if index is None else self.index.clusters[index]

    def _salient_index(
        self,
        anchor: int,
        wanted: tuple[Label, ...],
        gender: str | None,
        excluded: frozenset[int],
        kind: str | None,
        topical: bool = False,
    ) -> int | None:
        best: tuple[int, int] | None = None  # (score, cluster index)
        newcomer = self._newcomer(anchor, wanted, gender, excluded)
        quoted_last = newcomer is None
        if self.doc[anchor].dep_ not in ("nsubj", "nsubjpass"):
            # "When Trump tried to defend his remarks": a possessive keeps to its own clause.
            newcomer = None
        looked = 0
        for n in range(len(self.index.mentions) - 1, -1, -1):
            mention = self.index.mentions[n]
            if mention.start >= anchor or mention.credit:
                continue
            looked += 1
            if looked > _MAX_LOOKBACK:
                break
            if self._compatible(mention.cluster, wanted, gender, excluded):
                score = self._scored(
                    mention.cluster, mention.start, mention.end, anchor, gender, quoted_last
                )
                if mention.cluster == newcomer:
                    # The new subject takes over the bonus of the source quoted last.
                    score += _SPEAKER_BONUS
                if topical:
                    score += _TOPIC_BONUS * min(
                        _TOPIC_CAP, self._named_before(mention.cluster, anchor)
                    )
                    if self._owns_subject_of(mention.end - 1, anchor):
                        # As much as the subject of a main clause earns.
                        score += _SUBJECT_BONUS + _MAIN_SUBJECT_BONUS
                if best is None or score > best[0]:
                    best = (score, mention.cluster)
        # The last pronoun of the same kind resolved before the anchor competes like a mention
        # of its entity: "He … He …" chains through a story that names its subject once.
        last = max(
            (m for m in self.pronoun_mentions if m[0] < anchor and m[2] == kind), default=None
        )
        if last is not None and self._compatible(last[1], wanted, gender, excluded):
            position, index = last[0], last[1]
            score = self._scored(index, position, position + 1, anchor, gender, quoted_last)
            score += _SPEAKER_BONUS if index == newcomer else 0
            if best is None or score > best[0]:
                best = (score, index)
        return None if best is None else best[1]

    def _owns_subject_of(self, name: int, anchor: int) -> bool:
        """Whether the name at token ``name`` modifies the subject of the anchor's own sentence:
        in "A Google spokesperson pointed to a post in which the company said …" the company is
        Google."""
        head = self.doc[name]
        subject = head.head
        return (
            head.dep_ in ("compound", "poss", "nmod")
            and subject.dep_ in ("nsubj", "nsubjpass")
            and self.doc[anchor].sent.start <= subject.i < anchor
        )

    def _newcomer(
        self, anchor: int, wanted: tuple[Label, ...], gender: str | None, excluded: frozenset[int]
    ) -> int | None:
        """The entity that the sentence before the anchor's makes the subject of its main clause,
        when that is someone other than the person quoted last: "Torres dismissed the attack.
        "…," he said." (also across the paragraph break before a quote that opens its
        paragraph)."""
        asked = self._asked_before(anchor)
        if asked is not None and self._compatible(asked.cluster, wanted, gender, excluded):
            # Whoever was just asked answers, though they were also quoted last.
            return asked.cluster
        if self.last_speaker is None:
            return None
        mention = self._lead_in_subject(anchor) or self._subject_before(anchor)
        if mention is None:
            return None
        cluster = self.index.clusters[mention.cluster]
        if (
            cluster.name != self.last_speaker
            and self._compatible(mention.cluster, wanted, gender, excluded)
            and not self._reported_by_last_speaker(self.doc[mention.start].sent)
        ):
            return mention.cluster
        return None

    def _asked_before(self, anchor: int) -> Mention | None:
        """The person the sentence before asks, who answers next: "Conroy asked Sanders whether
        his age was fair game. ⏎ "Sure it is," he said." """
        subject = self._subject_token_before(anchor)
        if subject is None or subject.head.lower_ not in _ASKING:
            return None
        for child in subject.head.children:
            if child.dep_ == "dobj" and self.quote_of[child.i] < 0:
                mention = self.index.mention_at(child.i)
                if mention is not None and mention.label == "PERSON":
                    return mention
        return None

    def _lead_in_subject(self, anchor: int) -> Mention | None:
        """The entity that opens the anchor's own sentence as the subject of a clause the quote
        before the anchor follows, when the parse made one sentence of them: "Joe Biden weighed
        in, telling Mic, "…," he said." Not a subject inside an adverbial clause ("After Trump
        attacked him, "…," he said")."""
        doc = self.doc
        i = anchor - 1
        while i >= 0 and self.quote_of[i] < 0 and (doc[i].is_punct or doc[i].is_space):
            i -= 1
        if i < 0 or self.quote_of[i] < 0:
            return None
        quote = self.quote_of[i]
        while i > 0 and self.quote_of[i - 1] == quote:
            i -= 1
        start = doc[anchor].sent.start
        if any(self.quote_of[k] >= 0 for k in range(start, i)):
            # Words between two quotes ("…" -- that Bloomberg is … -- "…," he says) are the
            # speaker's own aside, not a lead-in.
            return None
        for k in range(start, i):
            token = doc[k]
            if (
                token.dep_ in ("nsubj", "nsubjpass")
                and self.quote_of[k] < 0
                and token.head.dep_ in ("ROOT", "ccomp", "parataxis")
                and (mention := self.index.mention_at(k)) is not None
            ):
                return mention
        return None

    def _reported_by_last_speaker(self, sentence: Span) -> bool:
        """Whether the source quoted last reports the sentence: in "Trump, Sexton said, has
        created a "…" zone." Trump is what Sexton talks about, not a new subject."""
        cues = cue_verb_forms()
        for token in sentence:
            if token.lower_ not in cues or self.quote_of[token.i] >= 0:
                continue
            for child in token.children:
                found = self.index.cluster_at(child.i) if child.dep_ == "nsubj" else None
                if found is not None and found.name == self.last_speaker:
                    return True
        return False

    def _subject_token_before(self, anchor: int) -> Token | None:
        """The main clause's subject in the sentence before the anchor's (before the quote that
        the anchor's clause reports, however many sentences it runs to), in the anchor's
        paragraph, or closing the one before when the anchor's opens with the quote: "Cornyn
        responded on the floor. ⏎ "…," he said."."""
        sentence = self.doc[anchor].sent
        if sentence.start == 0:
            return None
        # The sentence before the quote that the anchor's clause reports, however many
        # sentences the quote runs to.
        before = sentence.start - 1
        while before > 0 and (self.doc[before].is_space or self.quote_of[before] >= 0):
            before -= 1
        opening = before + 1
        while opening < sentence.start and self.doc[opening].is_space:
            opening += 1
        if (
            sentence.start > 0
            and self.quote_of[sentence.start] >= 0
            and self.quote_of[sentence.start - 1] == self.quote_of[sentence.start]
            and self.doc[opening].sent.start == self.doc[before].sent.start
            and self.doc[before].text not in (".", "!", "?")
        ):
            # The parser ended a sentence inside a quote that the anchor's sentence opened
            # earlier ("Walking in to chants of "Marco! Marco!," the senator said"): the
            # sentence before is the one before that.
            before = self.doc[before].sent.start - 1
            while before > 0 and (self.doc[before].is_space or self.quote_of[before] >= 0):
                before -= 1
        following = before + 1
        while following < anchor and self.doc[following].is_space:
            following += 1
        previous = self.doc[before].sent
        if "\n" in self.text[previous.start_char : self.doc[before].idx] or (
            "\n" in self.text[self.doc[before].idx : self.doc[anchor].idx]
            and self.quote_of[following] < 0
            and following != sentence.start
        ):
            return None
        root = previous.root
        subject = next(
            (
                child
                for child in root.children
                if child.dep_ in ("nsubj", "nsubjpass") and self.quote_of[child.i] < 0
            ),
            None,
        )
        if subject is None:
            # The parse lost the subject in a long appositive ("RoseAnn DeMoro, executive
            # director of …, a union that …, also said …"): a name that opens the sentence
            # before a comma is its subject.
            first = previous.start
            while first < previous.end and self.doc[first].is_space:
                first += 1
            mention = self.index.mention_at(first)
            if (
                mention is not None
                and mention.start == first
                and mention.end < previous.end
                and self.doc[mention.end].text == ","
                and self.quote_of[first] < 0
            ):
                subject = self.doc[mention.end - 1]
        return subject

    def _subject_before(self, anchor: int) -> Mention | None:
        """The entity mention that :meth:`_subject_token_before` finds, if it is one."""
        child = self._subject_token_before(anchor)
        if child is None:
            return None
        mention = self.index.mention_at(child.i)
        if mention is None:
            # "The moderator, anchor Mike Reyes, struggled": the name in apposition.
            mention = self._named_in_apposition(child)
        if mention is None and (shown := _shown_by(child)) is not None:
            # "Footage of Al-Awlaki appears.": the person the picture shows.
            found = self.index.mention_at(shown.i)
            mention = found if found is not None and found.label == "PERSON" else None
        return mention

    def _named_before(self, index: int, anchor: int) -> int:
        mentions = self.index.mentions
        return sum(1 for m in self.index.clusters[index].mentions if mentions[m].start < anchor)

    def _compatible(
        self, index: int, wanted: tuple[Label, ...], gender: str | None, excluded: frozenset[int]
    ) -> bool:
        cluster = self.index.clusters[index]
        if cluster.label not in wanted or index in excluded:
            return False
        return not (gender and cluster.gender and cluster.gender != gender)

    def _scored(
        self,
        index: int,
        start: int,
        end: int,
        anchor: int,
        gender: str | None = None,
        quoted_last: bool = True,
    ) -> int:
        score = self._salience(start, end, anchor)
        cluster = self.index.clusters[index]
        if quoted_last and cluster.name == self.last_speaker:
            score += _SPEAKER_BONUS
        if gender is not None and cluster.gender == gender:
            score += _GENDER_BONUS
        return score

    def _salience(self, start: int, end: int, anchor: int) -> int:
        """Higher for mentions that are close, outside quotes, and subjects of their clause."""
        head = self.doc[end - 1]
        score = -(anchor - start)
        # The name in apposition to a subject names the subject: "The moderator, anchor Mike
        # Reyes, struggled".
        described = head
        for _ in range(2):
            if described.dep_ != "appos" or described.head.i >= described.i:
                break
            described = described.head
        shown = _shown_by(head.head.head) if head.dep_ == "pobj" else None
        if described is head and shown is not None and shown.i == head.i:
            # "Footage of Al-Awlaki appears": the person the picture shows is its subject.
            described = head.head.head
        elif (
            described is head
            and head.dep_ in ("poss", "nmod")
            and head.head.lower_ in document_nouns()
        ):
            # "Tuttle's article attacked Christie. He calls …": a text speaks for its writer.
            described = head.head
        main_subject = (
            described is not head
            and described.dep_ in ("nsubj", "nsubjpass")
            and described.head.dep_ == "ROOT"
        )
        # A subject, or a name that opens its sentence (after its title: "Rep. Devin Nunes")
        # when the parse lost the subject.
        opening = start
        while (
            opening > 0
            and self.doc[opening - 1].dep_ == "compound"
            and (self.doc[opening - 1].head.i == head.i)
        ):
            opening -= 1
        # "Conroy asked Sanders whether …": the one asked is who answers next.
        asked = head.dep_ == "dobj" and head.head.lower_ in _ASKING and head.head.dep_ == "ROOT"
        if (
            head.dep_ in ("nsubj", "nsubjpass")
            or main_subject
            or asked
            or (self.doc[opening].is_sent_start and head.dep_ in ("ROOT", "appos"))
        ):
            score += _SUBJECT_BONUS
            clause = head.head
            if clause.dep_ == "conj":
                clause = clause.head
            if (
                main_subject
                or (head.dep_ in ("nsubj", "nsubjpass", "dobj") and clause.dep_ == "ROOT")
                or head.dep_ == "ROOT"
            ):
                # The main clause's subject over one inside what it reports (centering's
                # ranking): in "Madison recalled that Obama was not taken seriously" the story
                # is Madison's.
                score += _MAIN_SUBJECT_BONUS
        if self.quote_of[start] >= 0:
            score -= 80
        return score

    def _nominal(self, token: Token) -> ResolvedMention:
        span_start, span_end = self._phrase(token)
        start_char = self.doc[span_start].idx
        end_token = self.doc[span_end - 1]
        end_char = end_token.idx + len(end_token)

        def named(cluster: Cluster) -> ResolvedMention:
            return ResolvedMention(start_char, end_char, cluster.name, cluster.label)

        # An appositive that names the speaker: "the head of the agency, Alexander Fomin", and
        # the reverse: "Scott Reed, the Chamber's strategist, who said".
        for child in token.children:
            if child.dep_ == "appos" and (found := self._named_in(child)) is not None:
                return named(found)
        if token.tag_ == "NNP":
            # Titles coordinated over one name: "said former Pennsylvania Gov. and Democratic
            # National Committee Chairman Ed Rendell".
            for child in token.children:
                found = self.index.cluster_at(child.i) if child.dep_ == "conj" else None
                # The name must end the phrase: not "Gov. Ann Lee and Jo Doe".
                if found and found.label == "PERSON" and child.i == token.right_edge.i:
                    return named(found)
        head = None
        if token.dep_ == "appos" and after_dash_aside(token.head).i != token.i:
            head = self.index.cluster_at(token.head.i)
        if head is not None and head.label in ("PERSON", "ORG"):
            return named(head)
        cluster = self.index.cluster_at(token.i)
        if cluster is not None and cluster.label in ("PERSON", "ORG"):
            return named(cluster)
        lower = _hyphenated(token)
        if lower in speech_nouns() and lower not in document_nouns():
            # "The senator's answer was that …": what someone said speaks for its owner.
            for owner_token in token.children:
                if owner_token.dep_ == "poss" and self.quote_of[owner_token.i] < 0:
                    owner = self.resolve(owner_token)
                    if owner.label is not None:
                        return ResolvedMention(start_char, end_char, owner.name, owner.label)
        if lower in document_nouns():
            # "her Twitter account posted", "Trump's statement said": the text speaks for its
            # owner; "a statement from the State Department read", "a statement issued by the
            # ministry", for its author.
            for owner in self._named_authors(token):
                return ResolvedMention(start_char, end_char, owner.name, owner.label)
            issuer = self._issuer(token) or self._earlier_issuer(token)
            if issuer is not None:
                return ResolvedMention(start_char, end_char, issuer.name, issuer.label)
        first = span_start
        while first < token.i and self.doc[first].lower_ in ("the", "a", "an"):
            first += 1
        # The article's own spelling, so "46-year-old" keeps its hyphens, without the dash
        # of a signature glued to the name ("-Michelle Marks").
        phrase = self.doc[first:span_end].text
        if first == span_start and phrase[:1] in DASH_CHARS:
            stripped = phrase.lstrip(DASH_CHARS)
            start_char += len(phrase) - len(stripped)
            phrase = stripped
        definite = any(t.lower_ in ("the", "this", "that") for t in self.doc[span_start : token.i])
        singular = lower[:-1] if lower.endswith("s") and not lower.endswith("ss") else lower
        if lower in self.org_nouns:
            holder = self._role_holder(token, ("ORG",))
            # "the Liberal Democrat group" names itself; "the group" is whichever the story is
            # about.
            described = any(
                child.dep_ in ("compound", "amod", "nmod")
                and child.i < token.i
                and (child.tag_ in ("NNP", "NNPS") or child.ent_type_ == "NORP")
                for child in token.children
            )
            if holder is None and described:
                # "the People's Daily newspaper": an organisation named in the modifiers.
                holder = next(
                    (
                        cluster
                        for t in self.doc[span_start : token.i]
                        if (cluster := self.index.cluster_at(t.i)) is not None
                        and cluster.label == "ORG"
                    ),
                    None,
                )
            elif holder is None and definite:
                taken = self._organisation_taken_for_person(token)
                if taken is not None:
                    return ResolvedMention(start_char, end_char, taken, "ORG")
                owned = self._owned_before(token)
                if owned is not None:
                    return ResolvedMention(start_char, end_char, owned, "ORG")
                holder = self._salient(token.i, ("ORG",), topical=True)
            return named(holder) if holder else ResolvedMention(start_char, end_char, phrase, "ORG")
        if lower in self.person_nouns or singular in self.person_nouns or is_age_noun(token):
            follows = self._follows_subject_before(token)
            if definite and lower == singular and follows is not None:
                return named(follows)
            holder = self._role_holder(token, ("PERSON",))
            if holder is None and any(
                child.dep_ == "det" and child.lower_ in ("a", "an") for child in token.children
            ):
                holder = self._role_holder_ahead(token)
            protagonist = (
                lower in protagonist_nouns() or is_age_noun(token) or _is_office_title(token)
            )
            if holder is None and definite and lower == singular and protagonist:
                holder = self._salient(token.i, ("PERSON",), self._clause_gender(token))
            if holder is not None:
                return named(holder)
            # "a State Department official", "a spokesman for Platte River": the person is
            # unnamed, the organisation is not.
            employer = self._employer(token, span_start) or self._spoken_for(token, span_start)
            if employer is not None:
                return named(employer)
        # Entities inside the phrase: "Russia's Foreign Ministry" keeps its own words.
        return ResolvedMention(start_char, end_char, phrase, None)

    def _owned_before(self, noun: Token) -> str | None:
        """What an earlier mention of the same organisation noun called it, when a name owns
        it there: "China's foreign ministry weighed in. … the ministry said" is China's
        foreign ministry, which the model tagged as no organisation; "the Clinton campaign …
        the campaign" the Clinton campaign; "the PPIC poll … the poll" PPIC."""
        for i in range(noun.i - 1, max(-1, noun.i - _ISSUE_LOOKBACK), -1):
            earlier = self.doc[i]
            if earlier.lower_ != noun.lower_ or self.quote_of[i] >= 0:
                continue
            if self.index.cluster_at(i) is not None:
                return None
            for child in earlier.children:
                named = child.dep_ == "poss" or (child.dep_ == "compound" and child.i < earlier.i)
                owner = self.index.cluster_at(child.i) if named else None
                if owner is not None and owner.label == "ORG" and child.dep_ == "compound":
                    # "the PPIC poll … the poll" is PPIC's.
                    return owner.name
                if owner is not None and owner.label in ("COUNTRY", "ORG", "PERSON"):
                    start, end = self._phrase(earlier)
                    while start < earlier.i and self.doc[start].lower_ in ("the", "a", "an"):
                        start += 1
                    return self.doc[start:end].text
            return None
        return None

    def _main_report(self, verb: Token) -> bool:
        """Whether ``verb`` heads its sentence, or is the reporting verb the parse hung off the
        quote around it ("…," the investor said, "…")."""
        return main_clause(verb) or (verb.dep_ == "parataxis" and self.quote_of[verb.head.i] >= 0)

    def _organisation_taken_for_person(self, noun: Token) -> str | None:
        """The one-word name the model took for a person, or did not tag at all, that "the
        company" opening the next sentence calls an organisation: "Twitter said in a statement
        … The company said"."""
        if noun.dep_ not in ("nsubj", "nsubjpass") or not self._main_report(noun.head):
            return None
        subject = self._subject_token_before(noun.i)
        if subject is None:
            return None
        mention = self.index.mention_at(subject.i)
        if mention is None:
            if subject.tag_ not in ("NNP", "NNPS") or subject.ent_type_ not in ("", "ORG"):
                return None
            start = subject.i
            while (
                start > 0
                and self.doc[start - 1].dep_ == "compound"
                and (self.doc[start - 1].tag_ in ("NNP", "NNPS"))
            ):
                start -= 1
            return self.doc[start : subject.i + 1].text
        cluster = self.index.clusters[mention.cluster]
        if cluster.label != "PERSON" or cluster.gender is not None or " " in cluster.name:
            return None
        return cluster.name

    def _follows_subject_before(self, noun: Token) -> Cluster | None:
        """The person a role noun stands for when it is the subject of the main clause just
        after a sentence about that person: "Rubio stopped by his headquarters. … the senator
        said" — news prose names its subject, then varies it. Not a role relative to someone
        else ("the Cruz adviser", "the American ambassador"), nor after a name earlier in the
        same sentence. Not a spokesman either, whom a story introduces by title ("Kremlin
        spokesman Dmitry Peskov"), nor a role the sentence before gave someone ("Zhou hired a
        lawyer. The lawyer left.")."""
        if (
            noun.dep_ not in ("nsubj", "nsubjpass")
            or not self._main_report(noun.head)
            or noun.lower_ in _SPOKESPEOPLE
        ):
            return None
        if any(
            child.i < noun.i and child.ent_type_ in ("PERSON", "ORG", "NORP")
            for child in noun.children
        ):
            return None
        sentence = noun.sent
        if any(
            sentence.start <= m.start < noun.i and self.quote_of[m.start] < 0
            for m in self.index.mentions
            if self.index.clusters[m.cluster].label == "PERSON"
        ):
            return None
        subject = self._subject_before(noun.i)
        if subject is None or not self._compatible(
            subject.cluster, ("PERSON",), self._clause_gender(noun), frozenset()
        ):
            return None
        if any(
            t.lower_ == noun.lower_
            and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children)
            for t in self.doc[subject.start : sentence.start]
        ):
            return None
        return self.index.clusters[subject.cluster]

    def _issuer(self, text: Token) -> ResolvedMention | None:
        """Who put out the text, when the sentence says so: "Black Lives Matter issued a
        statement saying …", "The campaign released an ad that says …"."""
        verb = text.head
        if text.dep_ != "dobj" or verb.lower_ in _NOT_ISSUING:
            return None
        for subject in verb.children:
            if subject.dep_ == "nsubj" and self.quote_of[subject.i] < 0:
                issuer = self.resolve(subject)
                return issuer if issuer.label is not None else None
        return None

    def _earlier_issuer(self, text: Token) -> ResolvedMention | None:
        """Who put out the text that "the ad", "the suit" or "the message" refers back to, as an
        earlier mention of the same text says: the subject of the verb it was the object of
        ("Sanders is releasing a new ad. … The ad says …"), its author ("a note from Jo Doe",
        "Podliska's lawsuit", "an email was sent from the director"), searching back a few
        paragraphs."""
        span_start, _ = self._phrase(text)
        if not any(t.lower_ in ("the", "this", "that") for t in self.doc[span_start : text.i]):
            return None
        for i in range(text.i - 1, max(-1, text.i - _ISSUE_LOOKBACK), -1):
            earlier = self.doc[i]
            # "the suit" is the "lawsuit" named before.
            if not earlier.lower_.endswith(text.lower_) or self.quote_of[i] >= 0:
                continue
            if earlier.lower_ != text.lower_ and earlier.lower_ not in document_nouns():
                continue
            verb: Token | None = earlier.head if earlier.dep_ == "dobj" else None
            named = earlier
            while named.dep_ == "compound" and named.head.i > named.i:
                named = named.head
            if named is not earlier and named.dep_ == "dobj":
                # "sent out an email fundraising appeal": the text names the thing sent.
                verb = named.head
            if earlier.dep_ == "pobj" and earlier.head.lower_ == "in":
                # "In a statement, the mogul announced …. The statement said".
                verb = earlier.head.head if earlier.head.head.tag_.startswith("VB") else None
            if verb is not None and verb.lower_ not in _NOT_ISSUING:
                for subject in verb.children:
                    if subject.dep_ == "nsubj" and self.quote_of[subject.i] < 0:
                        issuer = self.resolve(subject)
                        return issuer if issuer.label is not None else None
            for author in self._named_authors(earlier):
                return author
        return None

    def _named_authors(self, text: Token) -> Iterator[ResolvedMention]:
        """The authors :meth:`_authors` finds, resolved, that the story names."""
        for author in self._authors(text):
            if (
                author.dep_ != "poss"
                and self.index.cluster_at(author.i) is None
                and author.lower_ not in self.org_nouns
                and not any(child.dep_ == "appos" for child in author.children)
            ):
                # "a letter from the chairman of …": a person the text does not name is no one
                # the story can be sure of; "from the director, Jo Doe" names her.
                continue
            owner = self.resolve(author)
            if owner.label is not None:
                yield owner

    def _authors(self, text: Token) -> Iterator[Token]:
        """Who a text noun says wrote it: its possessor, a name before it ("a Pentagon
        readout"), the object of "from" or "by" after it, or the agent of a participle after it
        ("a statement issued by the ministry") or of its own passive verb ("An email was sent
        from the director")."""
        for child in text.children:
            if self.quote_of[child.i] >= 0:
                continue
            if child.dep_ == "poss":
                yield child
            elif (
                child.dep_ == "compound"
                and child.i < text.i
                and (cluster := self.index.cluster_at(child.i)) is not None
                and cluster.label in ("PERSON", "ORG", "COUNTRY")
            ):
                # "a Pentagon readout", "one Clinton ad".
                yield child
            elif child.dep_ == "prep" and child.lower_ in _AUTHOR_PREPS and child.i > text.i:
                yield from (c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ in ("in", "of") and child.i > text.i:
                # "an editorial in The Des Moines Register", "the front page of the Herald":
                # the publication, if named.
                for c in child.children:
                    found = self.index.cluster_at(c.i) if c.dep_ == "pobj" else None
                    if found is not None and found.label == "ORG":
                        yield c
            elif child.dep_ == "acl" and child.lower_ in _AUTHORED and child.i > text.i:
                for agent in child.children:
                    if agent.dep_ == "agent":
                        yield from (c for c in agent.children if c.dep_ == "pobj")
            elif child.dep_ in ("acl", "relcl") and child.lower_ == "attributed":
                # "the statement, which was attributed to Miller", "a memo attributed to X".
                for to in child.children:
                    if to.dep_ == "prep" and to.lower_ == "to":
                        yield from (c for c in to.children if c.dep_ == "pobj")
        verb = text.head
        if text.dep_ == "nsubjpass" and verb.lower_ in _AUTHORED:
            # "An email was sent from the director": the author hangs off the verb.
            for child in verb.children:
                if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "from"):
                    yield from (c for c in child.children if c.dep_ == "pobj")

    def _clause_gender(self, subject: Token) -> str | None:
        """The gender a subject's own clause gives it: "The senator began her speech"."""
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            return None
        for token in subject.head.subtree:
            if token.i <= subject.i or self.quote_of[token.i] >= 0:
                continue
            # Only a possessive or reflexive: "thanked her" is somebody else.
            if token.lower_ == "himself" or (token.lower_ == "his" and token.dep_ == "poss"):
                return "male"
            if token.lower_ == "herself" or (token.lower_ == "her" and token.dep_ == "poss"):
                return "female"
        return None

    def _employer(self, token: Token, span_start: int) -> Cluster | None:
        if token.tag_ in ("NNP", "NNPS"):
            # "Senate Democrats", "House Republicans": members of a party, not the voice of
            # the institution they sit in.
            return None
        for t in self.doc[span_start : token.i]:
            cluster = self.index.cluster_at(t.i)
            if cluster is not None and cluster.label == "ORG":
                return cluster
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in _EMPLOYER_PREPS:
                for grandchild in child.children:
                    if grandchild.dep_ != "pobj":
                        continue
                    cluster = self.index.cluster_at(grandchild.i)
                    if cluster is not None:
                        return cluster if cluster.label != "PERSON" else None
                    return self._named_employer(grandchild)
        return None

    def _spoken_for(self, token: Token, span_start: int) -> Cluster | None:
        """ "The Met Office issued a warning. A spokesperson said …": a spokesperson nobody
        names speaks for the organisation last named before them in their paragraph."""
        if token.lower_ not in _SPOKESPEOPLE or any(
            child.dep_ == "prep" and child.lower_ in _EMPLOYER_PREPS for child in token.rights
        ):
            # "a spokesman for Bernie Sanders" says whom they speak for.
            return None
        end = self.doc[span_start].idx
        for mention in reversed(self.index.mentions):
            if mention.start >= span_start or mention.credit:
                continue
            if "\n" in self.text[self.doc[mention.start].idx : end]:
                return None
            cluster = self.index.clusters[mention.cluster]
            if cluster.label == "ORG" and self.quote_of[mention.start] < 0:
                return cluster
        return None

    def _named_employer(self, noun: Token) -> Cluster | None:
        """ "a spokesman for the cooperative": the organisation the article has named with that
        noun ("Midwest Energy Cooperative", "the utility, Midwest Energy"). Not merely the
        organisation most in view: "a source at the Tampa station" is not the one the story
        is about."""
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children)
        if noun.tag_ not in ("NN", "NNP") or not definite:
            return None
        return self._role_holder(noun, ("ORG",))

    def _phrase(self, token: Token) -> tuple[int, int]:
        start = token.i
        for child in token.lefts:
            if child.dep_ in _LEFT_DEPS and self.quote_of[child.i] < 0:
                start = min(start, child.left_edge.i)
        # A phrase never reaches back across a dash, colon or line break.
        for i in range(token.i - 1, start - 1, -1):
            word = self.doc[i]
            spaced = bool(word.whitespace_) or word.text != "-"
            if (word.text in _PHRASE_BREAKS and spaced) or "\n" in word.text:
                start = i + 1
                break
        while start < token.i and self.doc[start].is_punct:
            start += 1
        before = self.doc[start - 1] if start > 0 else None
        if (
            before is not None
            and before.tag_ == "DT"
            and token.dep_ in ("amod", "compound")
            and before.head.i == token.head.i
        ):
            # "the editorial read" tagged as an adjective: its article hangs off the cue.
            start -= 1
        end = token.i + 1
        if token.lower_ in _PART_OF:
            # "one of the officials": the group belongs to the mention.
            for child in token.rights:
                if child.dep_ == "prep" and child.lower_ == "of":
                    # Up to the group's head noun: not a relative clause that describes it.
                    group = [c.i for c in child.children if c.dep_ == "pobj"]
                    if group and all(self.quote_of[i] < 0 for i in range(end, group[0] + 1)):
                        end = group[0] + 1
                    break
        return start, end

    def _named_in(self, token: Token) -> Cluster | None:
        for t in token.subtree:
            cluster = self.index.cluster_at(t.i)
            if cluster is not None and cluster.label in ("PERSON", "ORG"):
                return cluster
        return None

    def _role_holder(self, noun: Token, labels: tuple[Label, ...]) -> Cluster | None:
        """The entity the article names with this role, nearest before the noun: "spokesman
        Dmitry Peskov", "the Foreign Ministry", "Trump, the Republican nominee,"."""
        best: Cluster | None = None
        for mention in self.index.mentions:
            if mention.start >= noun.i:
                break
            cluster = self.index.clusters[mention.cluster]
            if cluster.label in labels and self._has_role(mention, cluster, noun):
                best = cluster
        return best

    def _role_holder_ahead(self, noun: Token) -> Cluster | None:
        """The person a lead's unnamed role is named as in the next paragraphs: "A federal
        judge blocked the plan, saying …" ⏎ "U.S. District Judge Helen Marsh wrote …"."""
        before = self.text[: noun.idx]
        if sum(1 for line in before.split("\n") if line.strip()) > _LEAD_PARAGRAPHS:
            return None
        end = noun.idx
        for _ in range(_AHEAD_PARAGRAPHS):
            # The end of this paragraph, then of the next one that has words.
            end = _find_end(self.text, "\n", end)
            while end < len(self.text) and self.text[end] == "\n":
                end += 1
        for mention in self.index.mentions:
            if mention.start <= noun.i or mention.credit or self.quote_of[mention.start] >= 0:
                continue
            if self.doc[mention.start].idx >= end:
                break
            cluster = self.index.clusters[mention.cluster]
            if cluster.label == "PERSON" and self._has_role(mention, cluster, noun):
                return cluster
        return None

    def _has_role(self, mention: Mention, cluster: Cluster, noun: Token) -> bool:
        """Whether the article gives ``mention`` the role ``noun`` names: in the name ("Foreign
        Ministry"), as its title ("spokesman Dmitry Peskov"), in an appositive ("Trump, the
        nominee,") or as the appositive of the role ("the lobbying group, PhRMA")."""
        doc = self.doc
        role = noun.lower_
        qualifier = _role_qualifier(noun)

        def names_role(word: str, before: str | None) -> bool:
            # "the vice president" is not "President Obama": a word that makes the noun another
            # role must stand before it there too.
            return word == role and (qualifier is None or before == qualifier)

        def titled(i: int) -> bool:
            return names_role(doc[i].lower_, doc[i - 1].lower_ if i > 0 else None)

        name_words = cluster.name.lower().split()
        if any(names_role(w, name_words[k - 1] if k else None) for k, w in enumerate(name_words)):
            return True
        if any(titled(i) for i in range(mention.start, mention.end)):
            # "Justice Ruth Bader Ginsburg": a title the model took into the name.
            return True
        # "the industry's lobbying group, PhRMA,": the name in apposition to the role. (Not
        # people: "another friend, Mariam Emara" is not every later "a friend".)
        if (
            cluster.label == "ORG"
            and mention.start >= 2
            and doc[mention.start - 1].text == ","
            and titled(mention.start - 2)
        ):
            return True
        for i in range(max(0, mention.start - 4), mention.start):
            # "spokesman Dmitry Peskov", but not "Republican seeks new Clinton inquiry": the
            # role must run into the name.
            if titled(i) and not any(
                w.tag_.startswith("VB") or w.is_punct for w in doc[i + 1 : mention.start]
            ):
                return True
        if mention.end < len(doc) and doc[mention.end].text == ",":
            for i in range(mention.end + 1, min(len(doc), mention.end + 8)):
                if (
                    doc[i].text in (",", ".", ";")
                    or doc[i].tag_.startswith("VB")
                    or self.quote_of[i] != self.quote_of[mention.start]
                ):
                    # "X, said the company's …": an appositive has no verb, and does not run
                    # out of a quote.
                    break
                if titled(i):
                    return True
        return False
