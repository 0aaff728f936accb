"""Entity normalisation: people, countries and organisations, one canonical name each.

Built on the model's NER, then corrected with rules that the statistical model cannot apply:
a real country gazetteer (cities and regions are kept apart as LOCATION), one label per name
across the document, no entity across a line break, and clusters that join "Putin" to
"Vladimir Putin" so that every mention carries the fullest name the article gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from quotex.records import Label
from quotex.resources import honorifics, load_resource, speaker_nouns

if TYPE_CHECKING:
    from spacy.tokens import Doc

_MODEL_LABELS: dict[str, Label] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
}
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_DETERMINERS = frozenset({"the", "The", "a", "A", "an", "An"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One entity mention, in token offsets, pointing at its cluster."""

    start: int
    end: int
    label: Label
    cluster: int
    #: A name in a dateline or byline, "WASHINGTON (AP) —", "By Jo Doe": a name on the story,
    #: not an actor in it, so never what a later "it", "he" or "the agency" stands for.
    credit: bool = False


@dataclass(slots=True)
class Cluster:
    """All mentions of one entity, with the name that stands for them."""

    name: str
    label: Label
    code: str | None = None
    gender: str | None = None
    mentions: list[int] = field(default_factory=list)


@dataclass(slots=True)
class EntityIndex:
    """The normalised entities of a document."""

    mentions: list[Mention]
    clusters: list[Cluster]
    #: Token index to the index of the mention that covers it.
    by_token: dict[int, int]

    def mention_at(self, token_index: int) -> Mention | None:
        """The mention covering a token, if any."""
        index = self.by_token.get(token_index)
        return None if index is None else self.mentions[index]

    def cluster_at(self, token_index: int) -> Cluster | None:
        """The cluster of the mention covering a token, if any."""
        mention = self.mention_at(token_index)
        return None if mention is None else self.clusters[mention.cluster]


# --- countries -----------------------------------------------------------------------------


@cache
def country_names() -> dict[str, str]:
    """Every spelling of a country name that news text uses, mapped to its alpha-2 code."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[value] = country.alpha_2
    aliases: dict[str, str] = load_resource("country_aliases")["aliases"]
    names.update(aliases)
    return names


@cache
def country_canonical(code: str) -> str:
    """The display name of a country code."""
    import pycountry

    canonical: dict[str, str] = load_resource("country_aliases")["canonical"]
    if code in canonical:
        return canonical[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


@cache
def _country_prefixes() -> dict[str, list[tuple[str, ...]]]:
    """Country names split into words, grouped by first word, longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in country_names():
        words = tuple(name.split())
        by_first.setdefault(words[0], []).append(words)
    for options in by_first.values():
        options.sort(key=len, reverse=True)
    return by_first


def country_code(text: str) -> str | None:
    """The alpha-2 code when ``text`` names a country ("the United States" → "US")."""
    text = text.strip()
    if text.startswith(("the ", "The ")):
        text = text[4:]
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    names = country_names()
    return names.get(text) or names.get(" ".join(text.split()))


# --- people ---------------------------------------------------------------------------------


@cache
def _first_names() -> dict[str, str]:
    try:
        data = load_resource("first_names")
    except FileNotFoundError:
        return {}
    genders = {name: "female" for name in data.get("female", ())}
    genders.update({name: "male" for name in data.get("male", ())})
    return genders


def _name_tokens(words: _Words, start: int, end: int) -> tuple[int, int]:
    """Trim titles, determiners and the possessive off a mention's token range, and a role
    the model took into a name of three words or more ("Striker Aya Tanaka"). A role noun that
    is also a given name stays ("Marine Le Pen"), as does one in a shorter name ("Star Jones")."""
    titles = honorifics()
    while start < end - 1 and (
        words.lower[start].rstrip(".") in titles or words.text[start] in _DETERMINERS
    ):
        start += 1
    role = words.lower[start]
    if end - start >= 3 and role in speaker_nouns()[0] and role not in _first_names():
        start += 1
    while end > start + 1 and words.text[end - 1] in _POSSESSIVE:
        end -= 1
    return start, end


#: Lower-case words that begin a surname ("Bill de Blasio"), written with a capital when they
#: open a sentence ("De Blasio said").
_NAME_PARTICLES = frozenset(
    {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "ter", "le", "la"}
    | {"bin", "ibn"}
)


#: Generational suffixes after a surname: "Joseph R. Biden Jr." is "Mr. Biden".
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _without_suffix(name_words: tuple[str, ...]) -> tuple[str, ...]:
    """Name words without a generational suffix, so that the surname is the last word."""
    if len(name_words) > 2 and name_words[-1].lower() in _NAME_SUFFIXES:
        return name_words[:-1]
    return name_words


def _folded(name_words: tuple[str, ...]) -> tuple[str, ...]:
    """Name words with a leading surname particle in lower case, so that "De Blasio" and
    "de Blasio" compare equal."""
    if name_words and name_words[0].lower() in _NAME_PARTICLES:
        return (name_words[0].lower(), *name_words[1:])
    return name_words


def _surname_tails(words: _Words, raw: list[_Raw]) -> set[tuple[str, ...]]:
    """The particle surnames of the people named in full: ("de", "Blasio") for "Bill de
    Blasio". A mention that is only such a surname is a short name, not a second person."""
    tails: set[tuple[str, ...]] = set()
    for m in raw:
        if m.label != "PERSON":
            continue
        start, end = _name_tokens(words, m.start, m.end)
        for k in range(start + 1, end - 1):
            if words.text[k] in _NAME_PARTICLES:
                tails.add(tuple(words.text[k:end]))
    return tails


def _break_at_lines(words: _Words, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Split a token range wherever the text breaks a line or a spaced dash stands between two
    names ("Deborah Jordan Reynolds - Santilli"), dropping white-space tokens and the dash.

    (A token's own trailing white space is at most one space: a line break is a token.)
    """
    piece_start = start
    for i in range(start, end):
        text = words.text[i]
        spaced_dash = text in DASHES and words.space_after[i] and i > 0 and words.space_after[i - 1]
        if words.is_space[i] or "\n" in text or "\r" in text or spaced_dash:
            if i > piece_start:
                yield piece_start, i
            piece_start = i + 1
    if end > piece_start:
        yield piece_start, end


def _gender_of(words: _Words, start: int, end: int) -> str | None:
    """A gender cue for a person mention: a title before or inside it, else the first name."""
    titles = honorifics()
    for i in (start - 1, start):
        if 0 <= i < len(words.text):
            gender = titles.get(words.lower[i].rstrip("."))
            if gender:
                return gender
    name_start, name_end = _name_tokens(words, start, end)
    if name_start + 1 < name_end and not words.space_after[name_start]:
        # A hyphenated surname that starts like a given name ("Mark-Viverito") says nothing.
        return None
    return _first_names().get(words.lower[name_start])


def _looks_like_person(words: _Words, start: int, end: int) -> bool:
    """A capitalised name the model gave another label ("Mayor Ana Torres" as WORK_OF_ART):
    a person when it opens with a title or a known given name."""
    if end - start > 5 or not all(
        words.text[i][:1].isupper() or words.is_punct[i] for i in range(start, end)
    ):
        return False
    name_start, name_end = _name_tokens(words, start, end)
    if name_end - name_start < 2:
        return False
    return name_start > start or words.lower[name_start] in _first_names()


# --- the normaliser -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Words:
    """Token attributes read once: every access to ``doc[i]`` builds a new Token object, and
    the normaliser looks at each token several times."""

    text: list[str]
    tag: list[str]
    lower: list[str]
    is_punct: list[bool]
    is_space: list[bool]
    space_after: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> _Words:
        from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, ORTH, SPACY, TAG

        # Columns of hashes, looked up in the string store: no Token object is built.
        if len(doc) == 0:
            return cls([], [], [], [], [], [])
        strings = doc.vocab.strings
        orth, tag, lower, punct, space, space_after = doc.to_array(
            [ORTH, TAG, LOWER, IS_PUNCT, IS_SPACE, SPACY]
        ).T.tolist()
        return cls(
            [strings[h] for h in orth],
            [strings[h] for h in tag],
            [strings[h] for h in lower],
            [bool(flag) for flag in punct],
            [bool(flag) for flag in space],
            [bool(flag) for flag in space_after],
        )

    def span(self, start: int, end: int) -> str:
        """The text of tokens ``start`` to ``end``, as ``doc[start:end].text`` gives it."""
        # Built from the words: Doc.text would build a Token object for every word of the doc.
        if end <= start:
            return ""
        text, space_after = self.text, self.space_after
        parts = [text[i] + " " if space_after[i] else text[i] for i in range(start, end - 1)]
        parts.append(text[end - 1])
        return "".join(parts)


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    label: Label
    code: str | None = None
    credit: bool = False


#: Dash tokens: what ends a dateline, splits two names run together ("Reynolds - Santilli"),
#: signs a quote and breaks a noun phrase.
DASHES = frozenset({"—", "–", "--", "-"})
#: Marks a model's entity span may end on that are no part of the name.
_TRAILING_MARKS = frozenset({",", ";", ":"}) | DASHES


def _raw_mentions(doc: Doc, words: _Words) -> list[_Raw]:
    raw: list[_Raw] = []
    for ent in doc.ents:
        label = _MODEL_LABELS.get(ent.label_)
        if label is None:
            # "US" is sometimes tagged NORP; countries win whatever the model says.
            if country_code(words.span(ent.start, ent.end)) is not None:
                label = "LOCATION"
            elif _looks_like_person(words, ent.start, ent.end):
                label = "PERSON"
            else:
                continue
        for start, end in _break_at_lines(words, ent.start, ent.end):
            while start < end - 1 and (words.text[start] in _DETERMINERS or words.is_punct[start]):
                start += 1
            if end - start > 2 and words.text[start].islower() and words.text[start + 1] == "-":
                # "pro-Rubio", "anti-Trump": the prefix makes an adjective of the name.
                start += 2
            if words.is_punct[start]:
                continue
            if not any(word[:1].isupper() for word in words.text[start:end]):
                # "lesbian people", "conducted" after a dash: no capital, no name.
                continue
            while end > start + 1 and (
                words.text[end - 1] in _POSSESSIVE
                or words.tag[end - 1] in ("CC", "IN")
                or words.text[end - 1] in _TRAILING_MARKS
            ):
                # "the Harlan Ridgeback and Summit models": the model's span ran on.
                end -= 1
            text = words.span(start, end)
            code = country_code(text) if label != "PERSON" else None
            raw.append(_Raw(start, end, "COUNTRY" if code else label, code))
    raw.extend(_gazetteer_countries(words, raw))
    raw.extend(_unlabelled_people(words, raw))
    raw.sort(key=lambda m: m.start)
    return raw


def _unlabelled_people(words: _Words, known: list[_Raw]) -> list[_Raw]:
    """Proper-noun runs the model left untagged that open with a known given name: the small
    model misses "Ivanka Trump" in some sentences and finds it in others."""
    covered = {i for m in known for i in range(m.start, m.end)}
    names = _first_names()
    tags, texts = words.tag, words.text
    found: list[_Raw] = []
    i = 0
    while i < len(texts):
        if i in covered or tags[i] != "NNP" or words.lower[i] not in names:
            i += 1
            continue
        end = i + 1
        while (
            end < len(texts)
            and end not in covered
            and tags[end] == "NNP"
            and texts[end][:1].isupper()
        ):
            end += 1
        if 2 <= end - i <= 4:
            found.append(_Raw(i, end, "PERSON"))
        i = end
    return found


def _gazetteer_countries(words: _Words, known: list[_Raw]) -> list[_Raw]:
    """Country names the model missed, found by the gazetteer in capitalised text."""
    covered = {i for m in known for i in range(m.start, m.end)}
    prefixes = _country_prefixes()
    texts = words.text
    found: list[_Raw] = []
    resume = 0
    # Only a capitalised word opens a name here: "the" alone has dozens of options.
    openers = [i for i, word in enumerate(texts) if word in prefixes and word[:1].isupper()]
    for i in openers:
        if i < resume or i in covered:
            continue
        for name in prefixes[texts[i]]:
            end = i + len(name)
            if end <= len(texts) and all(
                texts[i + k] == name[k] and (i + k) not in covered for k in range(len(name))
            ):
                code = country_code(words.span(i, end))
                if code:
                    found.append(_Raw(i, end, "COUNTRY", code))
                resume = end
                break
    return found


def normalize_entities(doc: Doc) -> EntityIndex:
    """Normalise the model's entities of ``doc`` into labelled, clustered mentions."""
    words = _Words.of(doc)
    raw = _raw_mentions(doc, words)
    _vote_labels(words, raw)
    raw = _apply_credit_lines(words, raw)
    raw.extend(_unlabelled_surnames(words, raw))
    raw.sort(key=lambda m: m.start)
    return _cluster(words, raw)


def _vote_labels(words: _Words, raw: list[_Raw]) -> None:
    """One label per name: "Lavrov" is a person when "Sergei Lavrov" is."""
    people_words: set[str] = set()
    votes: dict[str, Counter[Label]] = {}
    texts = [words.span(m.start, m.end) for m in raw]
    for m, text in zip(raw, texts, strict=True):
        if _named_as_organisation(words, m) or (
            m.label in ("PERSON", "LOCATION") and _described_as_organisation(words, m.end)
        ):
            # "the industry's lobbying group, PhRMA,", "Lumora, the social media company,":
            # the model took the name for a place or a person.
            m.label = "ORG"
            votes.setdefault(text, Counter())["ORG"] += _PLACE_VOTES
            continue
        if m.label in ("LOCATION", "ORG") and (
            _described_as_person(words, m.end)
            or _given_name_and_surname(words, m)
            or _named_as_person(words, m.start)
        ):
            # "Nefzi, a chemistry professor,", "Carly Fiorina": the model took the name for a
            # place or an organisation.
            m.label = "PERSON"
            votes.setdefault(text, Counter())["PERSON"] += _PLACE_VOTES
            if m.end - m.start > 1:
                people_words.add(words.text[m.end - 1])
            continue
        if _named_as_place(words, m.start):
            # "the city of Riverton": the article says what the name is, which outweighs a
            # few guesses of the model ("Riverton" a person) but not an article's worth.
            m.label, m.code = "LOCATION", None
            votes.setdefault(text, Counter())["LOCATION"] += _PLACE_VOTES
            continue
        votes.setdefault(text, Counter())[m.label] += 1
        if m.label == "PERSON":
            start, end = _name_tokens(words, m.start, m.end)
            if end - start > 1:
                people_words.add(words.text[end - 1])
    tails = _surname_tails(words, raw)
    for m, text in zip(raw, texts, strict=True):
        if m.label == "COUNTRY":
            continue
        if (
            (m.end - m.start == 1 and text in people_words)
            or _folded(tuple(words.text[m.start : m.end])) in tails
            or _kin_of(words, m, people_words)
        ):
            m.label = "PERSON"
            continue
        ranked = votes[text].most_common()
        best_count = ranked[0][1]
        best = [label for label, count in ranked if count == best_count]
        m.label = "PERSON" if "PERSON" in best else best[0]


def _kin_of(words: _Words, m: _Raw, people_words: set[str]) -> bool:
    """A two-word "organisation" that is a known given name before a surname the article gives
    a person: "Carly Fiorina" beside "Frank Fiorina" (the model took her for a company). Not a
    word the article also writes in lower case, or a word for an organisation."""
    if m.label != "ORG" or m.end - m.start != 2:
        return False
    given, surname = words.text[m.start], words.text[m.end - 1]
    lowered = (given.lower(), surname.lower())
    if (
        surname not in people_words
        or lowered[0] not in _first_names()
        or not given[1:].islower()
        or any(word in speaker_nouns()[1] for word in lowered)
    ):
        return False
    # Rare enough (a known given name before a person's surname) to scan the words here.
    return not any(word in lowered for word in words.text)


#: Lower-case nouns that name a kind of place, or what only a place has, before "of" and its
#: name: "the town of Hope", "the mayor of Riverton", "the streets of Ho Chi Minh City". Not
#: "state", which is as often a condition ("the state of Sanders's campaign"), nor "governor"
#: (of a central bank).
_PLACE_NOUNS = frozenset(
    {"city", "town", "village", "county", "borough", "township", "province", "hamlet"}
    | {"mayor", "outskirts", "suburbs", "streets"}
)
#: What a mention introduced as a place weighs in the vote on its name's label.
_PLACE_VOTES = 3


def _named_as_place(words: _Words, start: int) -> bool:
    return start >= 2 and words.text[start - 1] == "of" and words.text[start - 2] in _PLACE_NOUNS


def _named_as_organisation(words: _Words, m: _Raw) -> bool:
    """A place or person name right after a noun for an organisation, in apposition ("the
    group, PhRMA", a place only) or as its title ("train operator Northline", "the law firm
    Mayer Brown"). Not a name that opens with a given name, nor one that a verb follows after
    "the firm" or "the new firm", where it may be the subject of a relative clause ("the firm
    Lopez founded"): only a compound title ("the law firm Velto said") is sure."""
    start, end = m.start, m.end
    if m.label == "LOCATION" and start >= 2 and words.text[start - 1] == ",":
        return (
            words.tag[start - 2] in ("NN", "NNS") and words.lower[start - 2] in _INSTITUTION_NOUNS
        )
    if (
        m.label not in ("LOCATION", "PERSON")
        or start < 1
        or words.tag[start - 1] != "NN"
        or words.lower[start - 1] not in _INSTITUTION_NOUNS | _TRADE_NOUNS
        or (m.label == "PERSON" and words.lower[start] in _first_names())
    ):
        return False
    following = words.tag[end] if end < len(words.tag) else ""
    if following == "POS":
        return False
    return not following.startswith(("VB", "MD")) or (
        start >= 2 and words.tag[start - 2].startswith("NN")
    )


def _appositive_end(words: _Words, end: int) -> int | None:
    """Where the plain noun phrase of an appositive after a name (token ``end`` on) stops: the
    index of the first token past it ("Lumora, the social media company[,]"), or None when no
    appositive opens there or it runs on too long."""
    if (
        end + 2 >= len(words.text)
        or words.text[end] != ","
        or words.lower[end + 1] not in ("the", "a", "an")
    ):
        return None
    for i in range(end + 2, min(len(words.text), end + _APPOSITIVE_WORDS)):
        if words.is_punct[i] or words.is_space[i] or words.tag[i] not in _NOUN_PHRASE_TAGS:
            return i
    return None


def _described_as_organisation(words: _Words, end: int) -> bool:
    """A name followed by an appositive whose head is a noun for an organisation: "Lumora, the
    social media company," (but not "Ana Ruiz, the company's founder,")."""
    stop = _appositive_end(words, end)
    if stop is None or not (words.is_punct[stop] or words.is_space[stop]):
        # "Craig Minassian, a spokesman for the foundation": the head came before "for".
        return False
    return words.lower[stop - 1] in _INSTITUTION_NOUNS and words.tag[stop - 1] == "NN"


def _given_name_and_surname(words: _Words, m: _Raw) -> bool:
    """Two capitalised words, the first a given name of known gender and the second no word
    for an organisation: "Carly Fiorina", not "Morgan Stanley" (a name for either gender) nor
    "Peter Institute"."""
    if m.end - m.start != 2 or words.tag[m.start] != "NNP" or words.tag[m.start + 1] != "NNP":
        return False
    surname = words.text[m.start + 1]
    return (
        words.lower[m.start] in _first_names()
        and surname[:1].isupper()
        and surname.isalpha()
        and surname.lower() not in speaker_nouns()[1]
        and surname.lower() not in _INSTITUTION_NOUNS
    )


def _named_as_person(words: _Words, start: int) -> bool:
    """A name in apposition right after a noun for a person: "one voter, Guadalupe Ortiz,"."""
    return (
        start >= 2
        and words.text[start - 1] == ","
        and words.tag[start - 2] in ("NN", "NNS")
        and words.lower[start - 2] in speaker_nouns()[0]
    )


def _described_as_person(words: _Words, end: int) -> bool:
    """A name followed by an appositive whose head is a noun for a person: "Nefzi, a chemistry
    professor and a member of the board," "Kerry Lane, a spokesman for the city,"."""
    stop = _appositive_end(words, end)
    # Not "In New Hampshire, a young woman asked": an appositive ends before a verb.
    return (
        stop is not None
        and (words.is_punct[stop] or words.tag[stop] in ("CC", "IN"))
        and words.tag[stop - 1] in ("NN", "NNS")
        and words.lower[stop - 1] in speaker_nouns()[0]
    )


#: Tags of the words of a plain noun phrase: "the official Chinese news agency".
_NOUN_PHRASE_TAGS = frozenset(
    {"JJ", "JJR", "JJS", "NN", "NNP", "NNPS", "NNS", "HYPH", "CD", "VBN", "RB", "RBR"}
)


#: Words an appositive that describes a name may run to: "Lumora, the social media company,".
_APPOSITIVE_WORDS = 8
#: Nouns for an organisation that a name in apposition can stand for: "the parent company,
#: Mondelez". Not texts or events ("In a statement, Florida …", "the campaign, Trump").
_INSTITUTION_NOUNS = frozenset(
    {"agency", "association", "bank", "company", "corporation", "federation", "firm"}
    | {"foundation", "group", "institute", "network", "newspaper", "organisation"}
    | {"organization", "union", "coalition", "alliance", "outlet", "channel", "magazine"}
)

#: Nouns for a kind of business that title its name: "train operator Northline", "the carmaker
#: Velto". Not a trade a person can have ("publisher", "developer", "media giant").
_TRADE_NOUNS = frozenset(
    {"operator", "carmaker", "automaker", "retailer", "airline", "broadcaster", "insurer"}
    | {"lender", "manufacturer", "conglomerate", "startup", "chain", "utility"}
)


#: Words of a city name in capitals in a dateline, at most ("SALT LAKE CITY"): a headline in
#: capitals runs longer.
_DATELINE_PLACE_WORDS = 3
#: Tokens between the city and the dash: ", N.H.", ", Nov. 19", "(AP)".
_DATELINE_REST = 10
#: What may follow a dateline's city.
_AFTER_DATELINE_CITY = frozenset({",", "("}) | DASHES


def _paragraph_starts(words: _Words) -> list[int]:
    """The first token of every paragraph (a line break is a token of its own)."""
    return [0] + [i + 1 for i, text in enumerate(words.text) if "\n" in text]


def _datelines(
    words: _Words, starts: list[int]
) -> Iterable[tuple[int, int, int, tuple[int, int] | None]]:
    """The datelines that open paragraphs: "WASHINGTON (AP) —", "RYE, N.H. -", "LONDON,
    Nov. 19 (Reuters) -". Yields the city's token range, where the dateline ends, and the
    credited agency's token range, if any.

    A dateline is a city in capitals, then only a comma, a region or a date, an agency in
    brackets, and a dash; a headline in capitals runs on in words and is no dateline.
    """
    texts = words.text
    n = len(texts)
    for start in starts:
        end = start
        while end < n and end - start < _DATELINE_PLACE_WORDS and _capitals(texts[end]):
            end += 1
        if end == start or end >= n or texts[end] not in _AFTER_DATELINE_CITY:
            continue
        agency: tuple[int, int] | None = None
        k = end
        while k < n and k - end < _DATELINE_REST and texts[k] not in DASHES:
            text = texts[k]
            if text == "(":
                close = k + 1
                while close < n and close - k <= 4 and texts[close] != ")":
                    close += 1
                if close >= n or texts[close] != ")" or close == k + 1:
                    break
                agency = (k + 1, close)
                k = close + 1
                break
            if not (text == "," or text[:1].isupper() or text.isdigit()):
                break
            k += 1
        if (k < n and texts[k] in DASHES) or agency is not None:
            yield start, end, k, agency


def _capitals(text: str) -> bool:
    return len(text) > 1 and text.isupper() and text[0].isalpha()


#: Lower-case words a byline may hold besides names: "By Jo Doe and Li Wei of The Times".
_BYLINE_WORDS = frozenset({"and", "of", "the", "for", "in"})


def _bylines(words: _Words, starts: list[int]) -> Iterable[tuple[int, int]]:
    """The author names of byline paragraphs, "By Amara Okafor" or "By Jo Doe, The Ledger": a
    paragraph that opens with "By", holds nothing but capitalised words, commas and a few
    small words, and starts with a name of two to four words."""
    texts = words.text
    n = len(texts)
    for start in starts:
        if start >= n or texts[start].lower() != "by":
            continue
        end = start + 1
        while end < n and "\n" not in texts[end]:
            text = texts[end]
            if not (text[:1].isupper() or text in (",", "|") or text.lower() in _BYLINE_WORDS):
                break
            end += 1
        else:
            name_end = start + 1
            while name_end < end and texts[name_end][:1].isupper():
                name_end += 1
            if 2 <= name_end - start - 1 <= 4:
                yield start + 1, name_end


def _apply_credit_lines(words: _Words, raw: list[_Raw]) -> list[_Raw]:
    """A dateline's city is a place, whatever the model took it for ("ROTTERDAM" as a person),
    and its agency is an organisation. The whole dateline is a credit: it places and signs the
    story, so its agency or country ("ROTTERDAM, Netherlands") is not what a later "it"
    stands for. A byline's author is a person, and a credit too: the writer, not someone the
    story's "he" or "she" can mean."""
    starts = _paragraph_starts(words)
    for start, end, stop, agency in _datelines(words, starts):
        raw = [m for m in raw if m.end <= start or m.start >= end]
        code = country_code(words.span(start, end).title())
        raw.append(_Raw(start, end, "COUNTRY" if code else "LOCATION", code))
        for m in raw:
            if start <= m.start and m.end <= stop:
                m.credit = True
                if agency is not None and agency[0] <= m.start and m.end <= agency[1]:
                    m.label = "ORG"
    for start, end in _bylines(words, starts):
        raw = [m for m in raw if m.end <= start or m.start >= end]
        raw.append(_Raw(start, end, "PERSON", credit=True))
    raw.sort(key=lambda m: m.start)
    return raw


_NAME_OR_NOUN_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", ""})


def _unlabelled_surnames(words: _Words, raw: list[_Raw]) -> list[_Raw]:
    """Capitalised tokens the model left untagged that are the surname of a person it found.
    A common-noun tag is no veto: in headlines the tagger reads "Lewandowski:" as a noun."""
    covered = {i for m in raw for i in range(m.start, m.end)}
    surnames: set[str] = set()
    for m in raw:
        if m.label == "PERSON":
            start, end = _name_tokens(words, m.start, m.end)
            if end - start > 1:
                surnames.add(words.text[end - 1])
    extra: list[_Raw] = []
    for i, text in enumerate(words.text):
        if text not in surnames or i in covered:
            continue
        # Nor is a verb tag inside a sentence ("…," Trump shot back), where a capital is no
        # sentence's first word.
        inside = i > 0 and not words.is_space[i - 1] and words.text[i - 1] not in (".", "!", "?")
        if words.tag[i] in _NAME_OR_NOUN_TAGS or (words.tag[i].startswith("VB") and inside):
            extra.append(_Raw(i, i + 1, "PERSON"))
    return extra


def _cluster(words: _Words, raw: list[_Raw]) -> EntityIndex:
    clusters: list[Cluster] = []
    mentions: list[Mention] = []
    by_key: dict[tuple[str, str], int] = {}
    # Full person names first, so that a short mention before its full name still joins it.
    full_names: list[tuple[int, tuple[str, ...], int]] = []  # (token position, words, cluster)
    tails = _surname_tails(words, raw)
    for m in raw:
        if m.label != "PERSON":
            continue
        start, end = _name_tokens(words, m.start, m.end)
        name_words = tuple(words.text[start:end])
        if len(name_words) < 2 or _folded(name_words) in tails:
            continue
        key = ("PERSON", " ".join(name_words))
        if key not in by_key:
            by_key[key] = len(clusters)
            clusters.append(Cluster(name=_span_text(words, start, end), label="PERSON"))
        full_names.append((start, name_words, by_key[key]))
    _merge_person_variants(clusters, full_names, by_key)

    short_refs: Counter[int] = Counter()
    org_full_names = _org_full_names(words, raw)
    for m in raw:
        if m.label == "PERSON":
            index = _person_cluster(words, m, clusters, full_names, by_key, short_refs)
        else:
            name = country_canonical(m.code) if m.code else _span_text(words, m.start, m.end)
            if m.label == "ORG":
                name = org_full_names.get(name, name)
            key = (m.label, name.lower())
            index = by_key.get(key, -1)
            if index < 0:
                index = _acronym_cluster(name, m.label, clusters)
                if index >= 0:
                    m.label = "ORG"
            if index < 0 and m.label == "ORG":
                # "DNC issues apology" ⏎ "The Democratic National Committee released …": the
                # letters came first; the full name names them all.
                index = _spelled_out_cluster(name, clusters)
                if index >= 0:
                    clusters[index].name, clusters[index].label = name, "ORG"
                    by_key[key] = index
            if index < 0:
                index = len(clusters)
                by_key[key] = index
                clusters.append(Cluster(name=name, label=m.label, code=m.code))
        cluster = clusters[index]
        cluster.mentions.append(len(mentions))
        if cluster.label == "PERSON" and cluster.gender is None:
            cluster.gender = _gender_of(words, m.start, m.end)
        mentions.append(Mention(m.start, m.end, m.label, index, m.credit))

    by_token = {i: n for n, m in enumerate(mentions) for i in range(m.start, m.end)}
    return EntityIndex(mentions=mentions, clusters=clusters, by_token=by_token)


def _merge_person_variants(
    clusters: list[Cluster],
    full_names: list[tuple[int, tuple[str, ...], int]],
    by_key: dict[tuple[str, str], int],
) -> None:
    """Point shorter full names at a longer one with the same first and last word."""
    longest: dict[tuple[str, str], int] = {}
    for _, words, index in full_names:
        pair = (words[0], words[-1])
        current = longest.get(pair)
        if current is None or len(clusters[index].name) > len(clusters[current].name):
            longest[pair] = index
    for key, index in list(by_key.items()):
        words = tuple(key[1].split())
        if key[0] == "PERSON" and len(words) >= 2:
            target = longest.get((words[0], words[-1]), index)
            by_key[key] = target
    for n, (position, words, _index) in enumerate(full_names):
        full_names[n] = (position, words, by_key[("PERSON", " ".join(words))])


#: Tokens within which a full name decides whom the next short name means.
_JUST_BEFORE = 40


def _person_cluster(
    doc_words: _Words,
    m: _Raw,
    clusters: list[Cluster],
    full_names: list[tuple[int, tuple[str, ...], int]],
    by_key: dict[tuple[str, str], int],
    short_refs: Counter[int],
) -> int:
    start, end = _name_tokens(doc_words, m.start, m.end)
    words = tuple(doc_words.text[start:end])
    key = ("PERSON", " ".join(words))
    if key in by_key:
        return by_key[key]
    # A surname ("Putin") or a given name ("Hillary") joins the full name that shares it.
    # When several do ("Bill Clinton" and "Hillary Clinton"), a full name given just before
    # wins; otherwise the one the article has already been calling by the short name, since a
    # second person of that name is usually written out in full.
    folded = _folded(words)
    candidates = [
        (position, index)
        for position, full, index in full_names
        if (len(words) == 1 and words[0] in (full[-1], full[0]))
        or (len(words) > 1 and full[-len(words) :] == folded)
    ] or [
        # "Mr. Biden" is "Joseph R. Biden Jr.", unless a name ends in "Biden" itself (the
        # father of a "Jr.").
        (position, index)
        for position, full, index in full_names
        if _without_suffix(full)[-len(words) :] == folded
    ]
    if candidates:
        # Not cached: the nearest full name differs from one mention to the next.
        before = [c for c in candidates if c[0] <= start]
        if not before:
            return min(candidates)[1]
        nearest_position, index = max(before)
        if start - nearest_position > _JUST_BEFORE:
            _, _, index = max((short_refs[i], position, i) for position, i in before)
        short_refs[index] += 1
        return index
    by_key[key] = len(clusters)
    clusters.append(Cluster(name=_span_text(doc_words, start, end), label="PERSON"))
    return by_key[key]


def _span_text(words: _Words, start: int, end: int) -> str:
    """The words of a token range as the text spells them, white space collapsed."""
    return " ".join(words.span(start, end).split())


def _org_full_names(words: _Words, raw: list[_Raw]) -> dict[str, str]:
    """Short organisation names that stand for one longer name in the article: "Exxon" for
    "Exxon Mobil", "Goldman" for "Goldman Sachs", and the end of a name, "the Ledger" for "the
    Millbrook Ledger". A short name that begins or ends several longer ones ("Fox": "Fox
    News", "Fox Business") or is a common word ("House": "House Oversight Committee", "White
    House") stays itself."""
    names = {_span_text(words, m.start, m.end) for m in raw if m.label == "ORG"}
    _, org_nouns = speaker_nouns()
    longer: dict[str, set[str]] = {}
    for name in names:
        name_words = name.split()
        for n in range(1, len(name_words)):
            longer.setdefault(" ".join(name_words[:n]), set()).add(name)
            longer.setdefault(" ".join(name_words[n:]), set()).add(name)
    full: dict[str, str] = {}
    for short, candidates in longer.items():
        if short in names and len(candidates) == 1 and _distinctive(short, org_nouns):
            full[short] = next(iter(candidates))
    return full


def _distinctive(short: str, org_nouns: frozenset[str]) -> bool:
    """Whether a short organisation name can only mean one longer name: capitalised, and none
    of its words one that many names share ("National", "Committee", "House")."""
    return short[:1].isupper() and not any(
        word.lower() in org_nouns or word.lower() in _COMMON_ORG_WORDS for word in short.split()
    )


# Words that many unrelated organisations' names share: never a short name of one of them.
_COMMON_ORG_WORDS = frozenset(
    {
        "the",
        "national",
        "american",
        "united",
        "new",
        "federal",
        "state",
        "democratic",
        "republican",
        "supreme",
        "u.s.",
        "us",
        "world",
        "international",
        "global",
        "first",
        "north",
        "south",
        "east",
        "west",
        "central",
        "general",
        "royal",
        "european",
        "senate",
        "house",
    }
)


def _acronym_cluster(name: str, label: Label, clusters: list[Cluster]) -> int:
    """Join "FBI" to "Federal Bureau of Investigation" when the article gives both (also when
    the model took the letters for a place: "the NRA")."""
    if label not in ("ORG", "LOCATION") or not (name.isupper() and 2 <= len(name) <= 6):
        return -1
    for index, cluster in enumerate(clusters):
        if cluster.label != "ORG":
            continue
        if _initials(cluster.name) == name:
            return index
    return -1


def _spelled_out_cluster(name: str, clusters: list[Cluster]) -> int:
    """The cluster of letters ("DNC", an organisation or a place to the model) that a full
    name spells out ("Democratic National Committee")."""
    initials = _initials(name)
    if len(initials) < 2:
        return -1
    for index, cluster in enumerate(clusters):
        if (
            cluster.label in ("ORG", "LOCATION")
            and cluster.code is None
            and cluster.name == initials
        ):
            return index
    return -1


def _initials(name: str) -> str:
    """The capitals that open the words of a name: "FBI" for "Federal Bureau of Investigation"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())
