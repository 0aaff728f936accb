"""Resolving speaker mentions to the entity they stand for.

A named speaker maps to its entity cluster. A pronoun goes to the nearest earlier entity that
agrees with it (he/she: a person of compatible gender; it: an organisation or country; they: an
organisation or a person), preferring entities that were the subject of a recent sentence, which
is how news prose carries its topic. A nominal speaker ("the ministry", "the spokesman") goes to
the entity the article names with that role, and keeps its own words when the article names none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from quotex.entities import Cluster, EntityIndex
from quotex.records import Label
from quotex.resources import speaker_nouns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_NEUTER = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "case", "punct"})
# How many mentions back a pronoun may look before it gives up.
_MAX_LOOKBACK = 60


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """A speaker mention (character offsets) and the entity it names."""

    start: int
    end: int
    name: str
    label: Label | None


class Resolver:
    """Resolves speaker tokens of one document."""

    def __init__(self, doc: Doc, index: EntityIndex, quote_of: list[int]) -> None:
        self.doc = doc
        self.index = index
        self.quote_of = quote_of
        self.person_nouns, self.org_nouns = speaker_nouns()

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
        if token.tag_ in ("PRP", "PRP$") or lower in _MALE | _FEMALE | _NEUTER | _PLURAL:
            antecedent = self._antecedent(token)
            name = antecedent.name if antecedent else token.text
            label = antecedent.label if antecedent else None
            return ResolvedMention(token.idx, token.idx + len(token), name, label)
        return self._nominal(token)

    def _antecedent(self, pronoun: Token) -> Cluster | None:
        lower = pronoun.lower_
        if lower in _FIRST_PERSON:
            return None
        if lower in _MALE:
            wanted: tuple[Label, ...] = ("PERSON",)
            gender: str | None = "male"
        elif lower in _FEMALE:
            wanted, gender = ("PERSON",), "female"
        elif lower in _NEUTER:
            wanted, gender = ("ORG", "COUNTRY"), None
        else:
            wanted, gender = ("ORG", "PERSON", "COUNTRY"), None
        best: tuple[int, int] | None = None  # (score, mention index)
        looked = 0
        for n in range(len(self.index.mentions) - 1, -1, -1):
            mention = self.index.mentions[n]
            if mention.start >= pronoun.i:
                continue
            looked += 1
            if looked > _MAX_LOOKBACK:
                break
            cluster = self.index.clusters[mention.cluster]
            if cluster.label not in wanted:
                continue
            if gender and cluster.gender and cluster.gender != gender:
                continue
            score = self._salience(mention.start, mention.end, pronoun.i)
            if best is None or score > best[0]:
                best = (score, n)
        if best is None:
            return None
        return self.index.clusters[self.index.mentions[best[1]].cluster]

    def _salience(self, start: int, end: int, anchor: int) -> int:
        """Higher for mentions that are close, outside quotes, and subjects of their clause."""
        head = self.doc[end - 1]
        score = -(anchor - start)
        if head.dep_ in ("nsubj", "nsubjpass"):
            score += 40
        if self.quote_of[start] >= 0:
            score -= 80
        return score

    def _nominal(self, token: Token) -> ResolvedMention:
        span_start, span_end = self._phrase(token)
        start_char = self.doc[span_start].idx
        end_token = self.doc[span_end - 1]
        end_char = end_token.idx + len(end_token)
        # An appositive that names the speaker: "the head of the agency, Alexander Fomin".
        for child in token.children:
            if child.dep_ == "appos":
                named = self._named_in(child)
                if named is not None:
                    return ResolvedMention(start_char, end_char, named.name, named.label)
        for i in range(span_start, span_end):
            cluster = self.index.cluster_at(i)
            if cluster is not None and cluster.label in ("PERSON", "ORG") and i == token.i:
                return ResolvedMention(start_char, end_char, cluster.name, cluster.label)
        head = token.lower_
        words = [t for t in self.doc[span_start:span_end] if t.lower_ not in ("the", "a", "an")]
        phrase = " ".join(t.text for t in words) or token.text
        if head in self.org_nouns:
            cluster = self._role_holder(token, ("ORG",))
            if cluster is not None:
                return ResolvedMention(start_char, end_char, cluster.name, cluster.label)
            return ResolvedMention(start_char, end_char, phrase, "ORG")
        if head in self.person_nouns:
            cluster = self._role_holder(token, ("PERSON",))
            if cluster is not None:
                return ResolvedMention(start_char, end_char, cluster.name, cluster.label)
        # Entities inside the phrase: "Russia's Foreign Ministry" keeps its own words.
        return ResolvedMention(start_char, end_char, phrase, None)

    def _phrase(self, token: Token) -> tuple[int, int]:
        start = token.i
        for child in token.lefts:
            if child.dep_ in _LEFT_DEPS and self.quote_of[child.i] < 0:
                start = min(start, child.left_edge.i)
        while start < token.i and self.doc[start].is_punct:
            start += 1
        return start, token.i + 1

    def _named_in(self, token: Token) -> Cluster | None:
        for t in token.subtree:
            cluster = self.index.cluster_at(t.i)
            if cluster is not None and cluster.label in ("PERSON", "ORG"):
                return cluster
        return None

    def _role_holder(self, noun: Token, labels: tuple[Label, ...]) -> Cluster | None:
        """The entity the article names with this role: "spokesman Dmitry Peskov", "the Foreign
        Ministry", "Trump, the Republican nominee"; the nearest earlier one wins."""
        lower = noun.lower_
        best: tuple[int, Cluster] | None = None
        for mention in self.index.mentions:
            if mention.start >= noun.i:
                break
            cluster = self.index.clusters[mention.cluster]
            if cluster.label not in labels:
                continue
            if lower in cluster.name.lower().split():
                best = (mention.start, cluster)
                continue
            window = self.doc[max(0, mention.start - 4) : min(len(self.doc), mention.end + 5)]
            if any(t.lower_ == lower for t in window):
                best = (mention.start, cluster)
        return best[1] if best else None
