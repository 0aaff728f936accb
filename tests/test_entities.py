"""Tests for quotex.entities: labels, countries, one canonical name per entity."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import ner_doc
from quotex.entities import EntityIndex, country_canonical, country_code, normalize_entities

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def mentions(doc: Doc, index: EntityIndex | None = None) -> list[tuple[str, str, str, str | None]]:
    """(mention text, label, canonical name, country code) of every mention, in order."""
    index = index or normalize_entities(doc)
    rows = []
    for m in index.mentions:
        cluster = index.clusters[m.cluster]
        rows.append((doc[m.start : m.end].text, cluster.label, cluster.name, cluster.code))
    return rows


def cluster_of(doc: Doc, index: EntityIndex, word: str, occurrence: int = 0) -> int:
    """The cluster number of the ``occurrence``-th token spelled ``word``."""
    tokens = [t.i for t in doc if t.text == word]
    mention = index.mention_at(tokens[occurrence])
    assert mention is not None, f"{word!r} #{occurrence} is not a mention"
    return mention.cluster


# --- countries -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("U.S.", "US"),
        ("US", "US"),
        ("USA", "US"),
        ("United States", "US"),
        ("the United States", "US"),
        ("The United States", "US"),
        ("United States of America", "US"),
        ("Britain", "GB"),
        ("U.K.", "GB"),
        ("United Kingdom", "GB"),
        ("Russia", "RU"),
        ("Russia's", "RU"),
        ("Russia’s", "RU"),
        ("France", "FR"),
        ("Germany", "DE"),
        ("South Korea", "KR"),
        ("the Netherlands", "NL"),
        (" Syria ", "SY"),
        ("Moscow", None),
        ("Berlin", None),
        ("Paris", None),
        ("Texas", None),
        ("Europe", None),
        ("Kremlin", None),
    ],
)
def test_country_code(text: str, code: str | None) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("code", "name"),
    [("US", "United States"), ("GB", "United Kingdom"), ("RU", "Russia"), ("FR", "France")],
)
def test_country_canonical(code: str, name: str) -> None:
    assert country_canonical(code) == name


def test_unknown_country_code_is_its_own_name() -> None:
    assert country_canonical("ZZ") == "ZZ"


def test_cities_are_locations_and_countries_carry_codes() -> None:
    text = "Moscow and Berlin blamed the United States, while Britain and the U.S. kept quiet."
    doc = ner_doc(
        text,
        [
            ("Moscow", "GPE"),
            ("Berlin", "GPE"),
            ("the United States", "GPE"),
            ("Britain", "GPE"),
            ("U.S.", "GPE"),
        ],
    )
    assert mentions(doc) == [
        ("Moscow", "LOCATION", "Moscow", None),
        ("Berlin", "LOCATION", "Berlin", None),
        ("United States", "COUNTRY", "United States", "US"),
        ("Britain", "COUNTRY", "United Kingdom", "GB"),
        ("U.S.", "COUNTRY", "United States", "US"),
    ]


def test_spellings_of_one_country_share_a_cluster() -> None:
    doc = ner_doc(
        "The U.S. and the United States are one.", [("U.S.", "GPE"), ("United States", "GPE")]
    )
    index = normalize_entities(doc)
    assert len(index.mentions) == 2
    assert index.mentions[0].cluster == index.mentions[1].cluster


def test_country_tagged_as_nationality_is_still_a_country() -> None:
    doc = ner_doc(
        "US officials and American voters disagree.", [("US", "NORP"), ("American", "NORP")]
    )
    assert mentions(doc) == [("US", "COUNTRY", "United States", "US")]


def test_gazetteer_finds_a_country_the_model_missed() -> None:
    doc = ner_doc("Talks with France resumed over roast turkey in Turkey.")
    assert mentions(doc) == [
        ("France", "COUNTRY", "France", "FR"),
        ("Turkey", "COUNTRY", "Turkey", "TR"),
    ]


def test_gazetteer_prefers_the_longest_country_name() -> None:
    doc = ner_doc("Aid reached South Korea and Korea.")
    assert mentions(doc) == [
        ("South Korea", "COUNTRY", "South Korea", "KR"),
        ("Korea", "COUNTRY", "South Korea", "KR"),
    ]


def test_possessive_country_keeps_its_code() -> None:
    doc = ner_doc("Russia's envoy left.", [("Russia's", "GPE")])
    assert mentions(doc) == [("Russia", "COUNTRY", "Russia", "RU")]


# --- organisations -------------------------------------------------------------------------


def test_leading_determiner_and_possessive_are_trimmed() -> None:
    doc = ner_doc(
        "The Foreign Ministry said Gazprom's board met.",
        [("The Foreign Ministry", "ORG"), ("Gazprom's", "ORG")],
    )
    assert mentions(doc) == [
        ("Foreign Ministry", "ORG", "Foreign Ministry", None),
        ("Gazprom", "ORG", "Gazprom", None),
    ]


@pytest.mark.parametrize("model_label", ["ORG", "GPE"])
def test_acronym_joins_the_spelled_out_name(model_label: str) -> None:
    text = "The Federal Bureau of Investigation opened a case. The FBI declined to comment."
    doc = ner_doc(text, [("Federal Bureau of Investigation", "ORG"), ("FBI", model_label)])
    index = normalize_entities(doc)
    assert mentions(doc, index) == [
        ("Federal Bureau of Investigation", "ORG", "Federal Bureau of Investigation", None),
        ("FBI", "ORG", "Federal Bureau of Investigation", None),
    ]
    assert index.mentions[0].cluster == index.mentions[1].cluster


@pytest.mark.parametrize("model_label", ["ORG", "GPE"])
def test_acronym_before_the_spelled_out_name_joins_it(model_label: str) -> None:
    # A headline gives the letters first; the full name then names every mention.
    text = "FBI opens a case.\nThe Federal Bureau of Investigation said so. The FBI declined."
    ents = [("FBI", model_label), ("Federal Bureau of Investigation", "ORG"), ("FBI", model_label)]
    doc = ner_doc(text, ents)
    index = normalize_entities(doc)
    assert {row[2] for row in mentions(doc, index)} == {"Federal Bureau of Investigation"}
    assert len({m.cluster for m in index.mentions}) == 1


def test_acronym_without_its_long_form_stands_alone() -> None:
    doc = ner_doc("The FBI declined to comment.", [("FBI", "ORG")])
    assert mentions(doc) == [("FBI", "ORG", "FBI", None)]


def test_acronym_does_not_join_a_name_with_other_initials() -> None:
    text = "The Central Intelligence Agency and the FBI met."
    doc = ner_doc(text, [("Central Intelligence Agency", "ORG"), ("FBI", "ORG")])
    index = normalize_entities(doc)
    assert index.mentions[0].cluster != index.mentions[1].cluster


def test_short_organisation_name_joins_the_one_longer_name_it_ends() -> None:
    text = "The Millbrook Ledger opened in May. The Ledger now has four reporters."
    doc = ner_doc(text, [("Millbrook Ledger", "ORG"), ("Ledger", "ORG")])
    assert [row[2] for row in mentions(doc)] == ["Millbrook Ledger", "Millbrook Ledger"]


def test_short_organisation_name_joins_the_one_longer_name_it_begins() -> None:
    # The short name may come first, as in a headline.
    text = "Acme sues. Acme Freight Lines filed the case on Monday."
    doc = ner_doc(text, [("Acme", "ORG"), ("Acme Freight Lines", "ORG")])
    index = normalize_entities(doc)
    assert mentions(doc, index) == [
        ("Acme", "ORG", "Acme Freight Lines", None),
        ("Acme Freight Lines", "ORG", "Acme Freight Lines", None),
    ]


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        (
            "Acme sues. Acme Freight and Acme Bank agree.",
            [("Acme", "ORG"), ("Acme Freight", "ORG"), ("Acme Bank", "ORG")],
        ),
        (
            "The House voted. The House Ethics Committee met.",
            [("House", "ORG"), ("House Ethics Committee", "ORG")],
        ),
        (
            "The Ledger sold. The Millbrook Ledger and the Dover Ledger merged.",
            [("Ledger", "ORG"), ("Millbrook Ledger", "ORG"), ("Dover Ledger", "ORG")],
        ),
        (
            "The House voted. The White House objected.",
            [("House", "ORG"), ("White House", "ORG")],
        ),
    ],
    ids=["two-longer-names", "common-word", "ends-two-names", "common-word-at-the-end"],
)
def test_ambiguous_short_organisation_name_stays_itself(
    text: str, entities: list[tuple[str, str]]
) -> None:
    doc = ner_doc(text, entities)
    index = normalize_entities(doc)
    assert index.clusters[index.mentions[0].cluster].name == entities[0][0]


def test_same_organisation_name_is_one_cluster_whatever_the_case() -> None:
    doc = ner_doc("NATO met. Nato agreed.", [("NATO", "ORG"), ("Nato", "ORG")])
    index = normalize_entities(doc)
    assert index.mentions[0].cluster == index.mentions[1].cluster


# --- people --------------------------------------------------------------------------------


def test_surname_joins_the_full_name() -> None:
    text = "Vladimir Putin met the envoy. Putin said little."
    doc = ner_doc(text, [("Vladimir Putin", "PERSON"), ("Putin", "PERSON")])
    index = normalize_entities(doc)
    assert mentions(doc, index) == [
        ("Vladimir Putin", "PERSON", "Vladimir Putin", None),
        ("Putin", "PERSON", "Vladimir Putin", None),
    ]
    assert cluster_of(doc, index, "Putin", 0) == cluster_of(doc, index, "Putin", 1)


def test_surname_before_the_full_name_still_joins_it() -> None:
    text = "Putin arrived late. Vladimir Putin then spoke."
    doc = ner_doc(text, [("Putin", "PERSON"), ("Vladimir Putin", "PERSON")])
    assert [name for _, _, name, _ in mentions(doc)] == ["Vladimir Putin", "Vladimir Putin"]


def test_surname_joins_the_full_name_with_a_generational_suffix() -> None:
    doc = ner_doc(
        "Kerry R. Lane Jr. spoke. Mr. Lane left.",
        [("Kerry R. Lane Jr.", "PERSON"), ("Lane", "PERSON")],
    )
    assert [name for _, _, name, _ in mentions(doc)] == ["Kerry R. Lane Jr.", "Kerry R. Lane Jr."]


def test_surname_of_a_father_and_son_stays_with_the_father() -> None:
    # "Trump" is Donald Trump, not his son "Donald Trump Jr." named just before.
    doc = ner_doc(
        "Kerry Lane spoke. Robin Lane Jr. agreed. Lane left.",
        [("Kerry Lane", "PERSON"), ("Robin Lane Jr.", "PERSON"), ("Lane", "PERSON")],
    )
    assert [name for _, _, name, _ in mentions(doc)][-1] == "Kerry Lane"


def test_given_name_joins_the_full_name() -> None:
    doc = ner_doc(
        "Hillary Clinton spoke. Hillary smiled.",
        [("Hillary Clinton", "PERSON"), ("Hillary", "PERSON")],
    )
    assert [name for _, _, name, _ in mentions(doc)] == ["Hillary Clinton", "Hillary Clinton"]


def test_shared_surname_joins_the_nearest_full_name_before_it() -> None:
    text = "Bill Clinton spoke first. Hillary Clinton spoke next. Clinton thanked them."
    doc = ner_doc(
        text, [("Bill Clinton", "PERSON"), ("Hillary Clinton", "PERSON"), ("Clinton", "PERSON")]
    )
    assert [name for _, _, name, _ in mentions(doc)] == [
        "Bill Clinton",
        "Hillary Clinton",
        "Hillary Clinton",
    ]


def test_shared_surname_before_any_full_name_joins_the_first_one() -> None:
    text = "Clinton waved. Bill Clinton spoke first. Hillary Clinton spoke next."
    doc = ner_doc(
        text, [("Clinton", "PERSON"), ("Bill Clinton", "PERSON"), ("Hillary Clinton", "PERSON")]
    )
    assert [name for _, _, name, _ in mentions(doc)] == [
        "Bill Clinton",
        "Bill Clinton",
        "Hillary Clinton",
    ]


def test_each_bare_surname_joins_its_own_nearest_full_name() -> None:
    text = "Bill Clinton spoke. Clinton waved. Hillary Clinton spoke. Clinton thanked them."
    doc = ner_doc(
        text,
        [
            ("Bill Clinton", "PERSON"),
            ("Clinton", "PERSON"),
            ("Hillary Clinton", "PERSON"),
            ("Clinton", "PERSON"),
        ],
    )
    assert [name for _, _, name, _ in mentions(doc)] == [
        "Bill Clinton",
        "Bill Clinton",
        "Hillary Clinton",
        "Hillary Clinton",
    ]


def test_title_is_not_part_of_the_name() -> None:
    text = "President Vladimir Putin spoke."
    doc = ner_doc(text, [("President Vladimir Putin", "PERSON")])
    assert mentions(doc) == [("President Vladimir Putin", "PERSON", "Vladimir Putin", None)]


def test_longer_variant_of_a_name_wins() -> None:
    text = "George W. Bush spoke. George Bush left. Bush waved."
    doc = ner_doc(
        text, [("George W. Bush", "PERSON"), ("George Bush", "PERSON"), ("Bush", "PERSON")]
    )
    index = normalize_entities(doc)
    assert [name for _, _, name, _ in mentions(doc, index)] == ["George W. Bush"] * 3
    assert len({m.cluster for m in index.mentions}) == 1


def test_surname_label_follows_the_full_name() -> None:
    # The model tagged the bare surname as an organisation; the full name says it is a person.
    text = "Sergei Lavrov met reporters. Lavrov spoke for an hour."
    doc = ner_doc(text, [("Sergei Lavrov", "PERSON"), ("Lavrov", "ORG")])
    assert mentions(doc) == [
        ("Sergei Lavrov", "PERSON", "Sergei Lavrov", None),
        ("Lavrov", "PERSON", "Sergei Lavrov", None),
    ]


def test_untagged_surname_of_a_known_person_becomes_a_mention() -> None:
    text = "Sergei Lavrov met reporters. Lavrov spoke for an hour."
    doc = ner_doc(text, [("Sergei Lavrov", "PERSON")], tags={"Lavrov": "NNP"})
    index = normalize_entities(doc)
    assert mentions(doc, index) == [
        ("Sergei Lavrov", "PERSON", "Sergei Lavrov", None),
        ("Lavrov", "PERSON", "Sergei Lavrov", None),
    ]


@pytest.mark.parametrize(
    ("second", "found"), [('"Go," Lavrov shot back.', True), ("Lavrov the plan.", False)]
)
def test_a_known_surname_tagged_as_a_verb_inside_a_sentence_is_a_mention(
    second: str, found: bool
) -> None:
    # The tagger read "Lavrov shot back" as a verb; at a sentence's start it may be one.
    doc = ner_doc(f"Sergei Lavrov met reporters. {second}", [("Sergei Lavrov", "PERSON")])
    lavrov = [t for t in doc if t.text == "Lavrov"][1]
    lavrov.tag_ = "VB"
    assert (("Lavrov", "PERSON", "Sergei Lavrov", None) in mentions(doc)) is found


def test_one_label_per_name_by_majority() -> None:
    text = "Amazon hired. Amazon grew. Amazon shrank."
    doc = ner_doc(text, [("Amazon", "ORG"), ("Amazon", "LOC"), ("Amazon", "ORG")])
    assert [label for _, label, _, _ in mentions(doc)] == ["ORG", "ORG", "ORG"]


def test_person_wins_a_tied_vote() -> None:
    doc = ner_doc(
        "Jordan Peele spoke. Peele left. Peele returned.",
        [("Jordan Peele", "PERSON"), ("Peele", "ORG"), ("Peele", "PERSON")],
    )
    assert [label for _, label, _, _ in mentions(doc)] == ["PERSON", "PERSON", "PERSON"]


@pytest.mark.parametrize(
    ("text", "person", "gender"),
    [
        ("Ms. Kerry Zhou spoke.", "Kerry Zhou", "female"),
        ("Mr. Kerry Zhou spoke.", "Kerry Zhou", "male"),
        ("Maria Lopez spoke.", "Maria Lopez", "female"),
        ("Sergei Lavrov spoke.", "Sergei Lavrov", "male"),
        ("Kerry Zhou spoke.", "Kerry Zhou", None),
        ("Senator Kerry Zhou spoke.", "Kerry Zhou", None),
        ("Congressman Kerry Zhou spoke.", "Kerry Zhou", "male"),
        # News writes "spokesman" and "chairman" for women too: "Trump spokesman Hope Hicks".
        ("Spokesman Kerry Zhou spoke.", "Kerry Zhou", None),
        ("Chairman Kerry Zhou spoke.", "Kerry Zhou", None),
    ],
)
def test_gender_cue_from_title_or_first_name(text: str, person: str, gender: str | None) -> None:
    doc = ner_doc(text, [(person, "PERSON")])
    [cluster] = normalize_entities(doc).clusters
    assert (cluster.name, cluster.gender) == (person, gender)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Striker Aya Tanaka", "Aya Tanaka"),
        ("Founder Nadia Price", "Nadia Price"),
        ("Marine Le Pen", "Marine Le Pen"),  # a given name that is also a role
        ("Star Jones", "Star Jones"),  # too short to hold a role and a full name
        ("Cllr Nadia Price", "Nadia Price"),  # British titles
        ("MP Nadia Price", "Nadia Price"),
    ],
)
def test_a_role_the_model_took_into_a_name_is_not_the_name(name: str, canonical: str) -> None:
    doc = ner_doc(f"{name} spoke on Sunday.", [(name, "PERSON")])
    assert mentions(doc) == [(name, "PERSON", canonical, None)]


def test_a_particle_surname_that_opens_a_sentence_joins_the_full_name() -> None:
    doc = ner_doc(
        "Mayor Anna de Groot opened the port. De Groot spoke first, and de Groot left early.",
        [("Anna de Groot", "PERSON"), ("De Groot", "PERSON"), ("Groot", "PERSON")],
    )
    index = normalize_entities(doc)
    assert [row[2] for row in mentions(doc, index)] == ["Anna de Groot"] * 3
    assert len(index.clusters) == 1


def test_a_particle_surname_the_model_took_for_an_organisation_is_the_person() -> None:
    doc = ner_doc(
        "Pieter van Dam was elected. Van Dam thanked voters.",
        [("Pieter van Dam", "PERSON"), ("Van Dam", "ORG")],
    )
    assert mentions(doc)[1] == ("Van Dam", "PERSON", "Pieter van Dam", None)


def test_a_given_name_spelled_like_a_particle_stays_a_full_name() -> None:
    doc = ner_doc(
        "Van Okafor sang. Pieter van Dam listened.",
        [("Van Okafor", "PERSON"), ("Pieter van Dam", "PERSON")],
    )
    assert [row[2] for row in mentions(doc)] == ["Van Okafor", "Pieter van Dam"]


def test_a_name_the_article_calls_a_town_is_a_place_in_every_mention() -> None:
    doc = ner_doc(
        "The town of Alder Creek voted. Alder Creek will build a school. "
        "The city of Jordan is in Minnesota.",
        [("Alder Creek", "PERSON"), ("Alder Creek", "PERSON"), ("Jordan", "GPE")],
    )
    assert [row[1:] for row in mentions(doc)] == [
        ("LOCATION", "Alder Creek", None),
        ("LOCATION", "Alder Creek", None),
        ("LOCATION", "Jordan", None),
    ]


@pytest.mark.parametrize("noun", ["mayor", "streets", "outskirts"])
def test_a_name_with_a_mayor_or_streets_is_a_place(noun: str) -> None:
    doc = ner_doc(f"The {noun} of Alder Creek were busy.", [("Alder Creek", "PERSON")])
    assert mentions(doc)[0][1] == "LOCATION"


def test_a_name_the_article_calls_a_town_once_keeps_the_label_of_its_many_mentions() -> None:
    doc = ner_doc(
        "Pell Media grew. Pell Media hired. Pell Media sold. Pell Media won. "
        "In the town of Pell Media, ",
        [("Pell Media", "ORG")] * 5,
    )
    assert {row[1] for row in mentions(doc)} == {"ORG"}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The industry's lobbying group, Medrona, paid.", "ORG"),
        ("In a statement, Medrona said so.", "LOCATION"),
    ],
    ids=["after-an-organisation-noun", "after-a-text"],
)
def test_a_place_in_apposition_to_an_organisation_noun_is_the_organisation(
    text: str, label: str
) -> None:
    doc = ner_doc(
        text, [("Medrona", "GPE")], tags={"group": "NN", "statement": "NN", "industry": "NN"}
    )
    assert mentions(doc)[0][1] == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Velto, the social media company, paused. Velto's shares fell.", "ORG"),
        ("Velto, the company's founder, paused. Velto's shares fell.", "PERSON"),
        ("Velto, a spokesman for the company, paused. Velto's shares fell.", "PERSON"),
    ],
    ids=["described-as-a-company", "the-company-s-founder", "a-spokesman-for-the-company"],
)
def test_a_name_described_as_a_company_is_an_organisation(text: str, label: str) -> None:
    tags = {"social": "JJ", "media": "NNS", "company": "NN", "founder": "NN", "spokesman": "NN"}
    tags |= {"for": "IN", "'s": "POS"}
    doc = ner_doc(text, [("Velto", "PERSON"), ("Velto", "PERSON")], tags=tags)
    assert {row[1] for row in mentions(doc)} == {label}


@pytest.mark.parametrize(
    ("name", "label"),
    [("Carly Velto", "PERSON"), ("Morgan Velto", "ORG"), ("Carly Institute", "ORG")],
    ids=["given-name-and-surname", "name-for-either-gender", "organisation-word"],
)
def test_a_given_name_and_surname_tagged_organisation_is_a_person(name: str, label: str) -> None:
    # The model tags some people ORG ("Former HP CEO Carly Fiorina"); a given name of known
    # gender before one more capitalised word says it is a person. The surname alone follows.
    tags = {word: "NNP" for word in (*name.split(), "Velto")}
    doc = ner_doc(f"{name} spoke. Velto left.", [(name, "ORG"), ("Velto", "ORG")], tags=tags)
    assert mentions(doc)[0][1] == label
    if label == "PERSON":
        assert mentions(doc)[1][1:3] == ("PERSON", name)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Velto, a chemistry professor and a member, spoke. Velto left.", "PERSON"),
        ("Velto, a spokesman for the city, spoke. Velto left.", "PERSON"),
        # A new clause, no appositive: the place stays a place.
        ("In Velto, a young woman asked. Velto left.", "LOCATION"),
        # The name in apposition after a noun for a person.
        ("One voter, Velto, spoke. Velto left.", "PERSON"),
        ("His wife, Velto, spoke. Velto left.", "PERSON"),
    ],
    ids=[
        "professor-and-member",
        "spokesman-for",
        "clause-after-a-place",
        "a-voter-comma-name",
        "his-wife-comma-name",
    ],
)
def test_a_place_name_described_as_a_person_is_a_person(text: str, label: str) -> None:
    # The model takes an unfamiliar surname for a place; the article says who it is.
    tags = {"chemistry": "NN", "professor": "NN", "and": "CC", "member": "NN", "young": "JJ"}
    tags |= {"woman": "NN", "asked": "VBD", "spokesman": "NN", "for": "IN", "city": "NN"}
    tags |= {"voter": "NN", "wife": "NN"}
    doc = ner_doc(text, [("Velto", "GPE"), ("Velto", "GPE")], tags=tags)
    assert {row[1] for row in mentions(doc)} == {label}


@pytest.mark.parametrize(
    ("text", "model_label", "label"),
    [
        ("The train operator Velto paused. Velto's trains stood still.", "GPE", "ORG"),
        ("The law firm Velto paused. Velto's partners left.", "PERSON", "ORG"),
        # Perhaps the subject of a relative clause: the firm is not the name.
        ("The firm Velto founded paused. Velto's partners left.", "PERSON", "PERSON"),
        ("The new firm Velto founded paused. Velto's partners left.", "PERSON", "PERSON"),
        ("The firm Velto's father founded paused. Velto left.", "PERSON", "PERSON"),
        # A given name: "the group Maria Lopez" is the person the group is about.
        ("The firm Maria Velto paused. Maria Velto left.", "PERSON", "PERSON"),
    ],
    ids=[
        "operator-place",
        "firm-person",
        "relative-clause",
        "adjective-relative-clause",
        "possessive",
        "given-name",
    ],
)
def test_a_name_titled_by_an_organisation_noun_is_the_organisation(
    text: str, model_label: str, label: str
) -> None:
    tags = {"train": "NN", "operator": "NN", "law": "NN", "firm": "NN", "founded": "VBD"}
    tags |= {"paused": "VBD", "'s": "POS", "left": "VBD", "new": "JJ", "The": "DT"}
    name = "Maria Velto" if "Maria" in text else "Velto"
    doc = ner_doc(text, [(name, model_label), (name, model_label)], tags=tags)
    assert {row[1] for row in mentions(doc)} == {label}


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("It recalls the Orvo Ridge and Summit models.", "Orvo Ridge and", "Orvo Ridge"),
        ("Wide coverage from Dana Whitlow: the plan is dead.", "Dana Whitlow:", "Dana Whitlow"),
        ("A vote for Dana Whitlow - and that is all.", "Dana Whitlow -", "Dana Whitlow"),
        ("Dana Whitlow of Oakland spoke.", "Dana Whitlow of", "Dana Whitlow"),
    ],
)
def test_a_conjunction_or_mark_the_model_ran_on_to_is_left_out(
    text: str, span: str, name: str
) -> None:
    doc = ner_doc(text, [(span, "PERSON")], tags={"and": "CC", "of": "IN"})
    assert [row[0] for row in mentions(doc)] == [name]


def test_a_spaced_dash_between_two_names_splits_the_model_s_span() -> None:
    doc = ner_doc(
        "In her room, Dana Whitlow - Okafor's partner - spoke. Okafor left. Ben Okafor won.",
        [("Dana Whitlow - Okafor", "PERSON"), ("Okafor", "PERSON"), ("Ben Okafor", "PERSON")],
    )
    assert [row[:3] for row in mentions(doc)] == [
        ("Dana Whitlow", "PERSON", "Dana Whitlow"),
        ("Okafor", "PERSON", "Ben Okafor"),
        ("Okafor", "PERSON", "Ben Okafor"),
        ("Ben Okafor", "PERSON", "Ben Okafor"),
    ]


@pytest.mark.parametrize("label", ["PERSON", "ORG", "GPE"])
def test_words_without_a_capital_are_no_name(label: str) -> None:
    doc = ner_doc(
        "The gay and lesbian voters met Dana Whitlow.",
        [("lesbian voters", label), ("Dana Whitlow", "PERSON")],
    )
    assert [row[0] for row in mentions(doc)] == ["Dana Whitlow"]


@pytest.mark.parametrize("prefix", ["pro", "anti"])
def test_a_prefix_that_makes_an_adjective_of_a_name_is_not_part_of_it(prefix: str) -> None:
    doc = ner_doc(
        f"Dana Whitlow runs a {prefix}-Velto group.",
        [("Dana Whitlow", "PERSON"), (f"{prefix}-Velto", "PERSON")],
    )
    assert [row[0] for row in mentions(doc)] == ["Dana Whitlow", "Velto"]


def test_a_hyphenated_surname_that_starts_like_a_given_name_has_no_gender() -> None:
    from quotex.coref import Resolver

    doc = ner_doc("Mark-Okafor spoke.", [("Mark-Okafor", "PERSON")])
    index = normalize_entities(doc)
    Resolver(doc, index, [-1] * len(doc))
    assert index.clusters[0].gender is None


@pytest.mark.parametrize(("given", "label"), [("Carly", "PERSON"), ("Stop", "ORG")])
def test_a_given_name_before_a_person_s_surname_is_a_person(given: str, label: str) -> None:
    # The model took "Carly Velto" for a company; the article names Frank Velto as a person.
    doc = ner_doc(
        f"Frank Velto met {given} Velto today.",
        [("Frank Velto", "PERSON"), (f"{given} Velto", "ORG")],
    )
    assert mentions(doc)[1][1] == label


def test_an_article_the_model_took_into_a_name_is_left_out() -> None:
    doc = ner_doc(
        "Voters at a Dana Whitlow rally cheered. Whitlow spoke for an hour.",
        [("a Dana Whitlow", "PERSON"), ("Whitlow", "PERSON")],
    )
    assert [row[:3] for row in mentions(doc)] == [
        ("Dana Whitlow", "PERSON", "Dana Whitlow"),
        ("Whitlow", "PERSON", "Dana Whitlow"),
    ]


# --- datelines -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ents", "city"),
    [
        ("OSLO (AP) — The fund sold its shares.", [("OSLO", "PERSON"), ("AP", "ORG")], "OSLO"),
        ("TROMSO, Norway - Fishermen sailed out.", [("TROMSO", "ORG")], "TROMSO"),
        ("SALT LAKE CITY, Utah, March 3 (UPI) — Rain fell.", [], "SALT LAKE CITY"),
        ("Rain fell.\nBERGEN -- Boats stayed in port.", [("BERGEN", "ORG")], "BERGEN"),
    ],
)
def test_a_datelines_city_is_a_place(text: str, ents: list[tuple[str, str]], city: str) -> None:
    rows = mentions(ner_doc(text, ents))
    assert (city, "LOCATION", city, None) in rows
    assert all(row[1] != "PERSON" for row in rows)


def test_a_dateline_and_its_agency_are_a_credit() -> None:
    doc = ner_doc("OSLO (AP) — The AP fund grew.", [("AP", "ORG"), ("AP", "ORG")])
    index = normalize_entities(doc)
    assert [(m.label, m.credit) for m in index.mentions] == [
        ("LOCATION", True),
        ("ORG", True),
        ("ORG", False),
    ]


@pytest.mark.parametrize(
    "byline", ["By Amara Okafor", "By Amara Okafor, The Millbrook Ledger", "BY Amara Okafor"]
)
def test_a_bylines_author_is_a_person_and_a_credit(byline: str) -> None:
    doc = ner_doc(f"Harbour reopens\n{byline}\nThe port reopened.", [("Amara Okafor", "GPE")])
    index = normalize_entities(doc)
    assert mentions(doc, index)[0][:2] == ("Amara Okafor", "PERSON")
    assert index.mentions[0].credit


@pytest.mark.parametrize(
    "text", ["By Tuesday Maria Lopez had left the port.", "By Tuesday, Maria Lopez had left."]
)
def test_a_sentence_that_opens_with_by_is_no_byline(text: str) -> None:
    index = normalize_entities(ner_doc(text, [("Maria Lopez", "PERSON")]))
    assert [m.credit for m in index.mentions] == [False]


@pytest.mark.parametrize(
    "text",
    [
        "BIG PORT STRIKE ENDS - workers return.",  # a headline in capitals
        "NATO allies met. The OSLO talks - a first - ended.",  # not where a paragraph opens
        "OSLO is cold.",
    ],
)
def test_capitals_that_are_no_dateline_stay_as_they_are(text: str) -> None:
    assert mentions(ner_doc(text)) == []


# --- line breaks and offsets ---------------------------------------------------------------


def test_no_entity_across_a_line_break() -> None:
    text = "Alexander Fomin\nGeneva talks resumed."
    doc = ner_doc(text, [("Alexander Fomin\nGeneva", "PERSON")])
    index = normalize_entities(doc)
    spans = [doc[m.start : m.end] for m in index.mentions]
    assert [s.text for s in spans] == ["Alexander Fomin", "Geneva"]
    assert all("\n" not in text[s.start_char : s.end_char] for s in spans)


def test_no_entity_across_a_blank_line() -> None:
    text = "Read more from Reuters\n\nMoscow said nothing."
    doc = ner_doc(text, [("Reuters\n\nMoscow", "ORG")])
    assert [m[0] for m in mentions(doc)] == ["Reuters", "Moscow"]


def test_mention_lookup_by_token() -> None:
    doc = ner_doc("Then Vladimir Putin left.", [("Vladimir Putin", "PERSON")])
    index = normalize_entities(doc)
    assert index.mention_at(0) is None
    assert index.mention_at(1) is index.mention_at(2)
    cluster = index.cluster_at(2)
    assert cluster is not None and cluster.name == "Vladimir Putin"
    assert index.cluster_at(3) is None


def test_no_entities_no_mentions() -> None:
    index = normalize_entities(ner_doc("nothing to see here."))
    assert index.mentions == [] and index.clusters == [] and index.by_token == {}


# --- with the statistical model ------------------------------------------------------------


@pytest.mark.model
def test_model_entities_countries_and_cities(nlp: Language) -> None:
    text = "Officials in Moscow and Berlin said the United States and Britain would send envoys."
    doc = nlp(text)
    by_text = {e: (label, code) for e, label, _, code in mentions(doc, doc._.quotex_entities)}
    assert by_text["Moscow"] == ("LOCATION", None)
    assert by_text["Berlin"] == ("LOCATION", None)
    assert by_text["United States"] == ("COUNTRY", "US")
    assert by_text["Britain"] == ("COUNTRY", "GB")


@pytest.mark.model
def test_model_surname_joins_full_name(nlp: Language) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov met his counterpart on Monday. Lavrov said little."
    )
    doc = nlp(text)
    people = [
        (t, name) for t, label, name, _ in mentions(doc, doc._.quotex_entities) if label == "PERSON"
    ]
    assert people == [("Sergei Lavrov", "Sergei Lavrov"), ("Lavrov", "Sergei Lavrov")]


@pytest.mark.model
def test_model_entity_spans_are_recorded(nlp: Language) -> None:
    doc = nlp("Vladimir Putin spoke in Moscow.\nPutin left.")
    labels = [(s.text, s.label_) for s in doc.spans["quotex_entities"]]
    assert labels == [("Vladimir Putin", "PERSON"), ("Moscow", "LOCATION"), ("Putin", "PERSON")]


def test_a_later_short_name_keeps_to_the_person_the_article_calls_by_it() -> None:
    # The second Murphy is written out in full; the bare surname far from her stays with the
    # senator the article has been calling "Murphy".
    filler = " The vote was held in the afternoon after a long debate on the floor." * 4
    text = (
        "Chris Murphy spoke. Murphy waved. Anne Murphy lost a daughter." + filler + " Murphy spoke."
    )
    doc = ner_doc(
        text,
        [
            ("Chris Murphy", "PERSON"),
            ("Murphy", "PERSON"),
            ("Anne Murphy", "PERSON"),
            ("Murphy", "PERSON"),
        ],
    )
    assert [name for _, _, name, _ in mentions(doc)] == [
        "Chris Murphy",
        "Chris Murphy",
        "Anne Murphy",
        "Chris Murphy",
    ]
