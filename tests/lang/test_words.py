"""The English word lists in `lang/en/*.yaml`, and knowledge that stands once (IGO codes, country aliases)."""

from __future__ import annotations

import pytest

from eventwire import dates
from eventwire.knowledge.actors import igo_codes, parse_entries, shipped_files
from eventwire.knowledge.gazetteer import Gazetteer, Place, country_aliases
from eventwire.lang.en import words
from eventwire.lang.en.clauses import REFUSAL_VERBS
from eventwire.lang.en.words import table
from eventwire.stages.modality import ModalityLexicon


def test_a_list_is_a_frozen_set_of_words():
    assert words("refusal_verbs") == frozenset({"refuse", "decline", "reject"})
    assert REFUSAL_VERBS is words("refusal_verbs")


def test_an_unknown_list_is_named_in_the_error():
    with pytest.raises(KeyError, match=r"\[E095\] lang/en/words.yaml has no list 'colours'"):
        words("colours")


def test_time_words_are_tables_and_lists():
    assert table("numbers")["twelve"] == 12
    assert table("hours")["midnight"] == 23.9
    assert table("period_steps") == {"last": -1, "the past": -1, "next": 1, "the coming": 1}
    assert words("day_parts", "time") == frozenset({"morning", "afternoon", "evening", "night"})


def test_a_table_is_not_a_list_and_an_unknown_file_is_named():
    with pytest.raises(KeyError, match=r"\[E095\] lang/en/time.yaml: 'numbers' is a table, not a word list"):
        words("numbers", "time")
    with pytest.raises(KeyError, match=r"\[E095\] lang/en has no word file 'colours'.yaml"):
        words("red", "colours")


def test_date_auxiliaries_are_the_modals_of_the_modality_lexicon():
    lex = ModalityLexicon.load()
    assert dates.FUTURE_AUX == lex.future_modals | lex.hypothetical_modals
    assert {"will", "would", "could"} <= dates.FUTURE_AUX


def test_igo_codes_are_the_organisations_of_igos_yaml():
    shipped = [e for name, text in shipped_files() if name.endswith("igos.yaml") for e in parse_entries(text, name)]
    assert igo_codes() == frozenset(e.code for e in shipped if e.kind == "igo")
    assert {"UN", "NATO", "ARAB_LEAGUE"} <= igo_codes()


def test_gazetteer_aliases_take_their_codes_from_countries_yaml():
    aliases = country_aliases()
    assert set(aliases) == words("gazetteer_country_names")
    assert (aliases["holland"], aliases["u.k."], aliases["donbas"]) == ("NLD", "GBR", "UKR")
    gaz = Gazetteer([], [{"iso": "NL", "iso3": "NLD", "name": "Netherlands"}])
    assert gaz.lookup("Holland") == Place("Holland", "NLD", None, None, "country")
    assert Gazetteer([], [], aliases={}).lookup("Holland") is None


def test_the_language_pack_hands_out_the_english_word_lists():
    from eventwire.pipeline.packs import LanguagePack

    pack = LanguagePack("en", None, None, None)  # type: ignore[arg-type]  # only the word lists are read
    assert pack.words("pair_marks") == frozenset({"two", "both"})
    assert pack.words is words
