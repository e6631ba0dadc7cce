"""The actor-term phrase patterns are cached: the same matches as tokenizing, a new file when the terms change."""

from __future__ import annotations

import pytest
import spacy

from eventwire.actors.mentions import TermMatcher, term_patterns
from eventwire.knowledge.actors import ActorKB, parse_entries

KB_TEXT = """
- {id: state/ken, kind: state, code: KEN, name: Kenya, sector: GOV, terms: [Kenya, Republic of Kenya],
   adjectives: [Kenyan], metonyms: [Nairobi]}
- {id: igo/un, kind: igo, code: UN, name: United Nations, sector: IGO, terms: [United Nations, UN, U.N.]}
"""


@pytest.fixture()
def blank():
    return spacy.blank("en")


def _kb(extra: str = "") -> ActorKB:
    return ActorKB(parse_entries(KB_TEXT + extra, "test.yaml"))


def _found(matcher: TermMatcher, nlp, text: str) -> list[tuple[str, list[str]]]:
    doc = nlp(text)
    return [(doc[m.start:m.end].text, sorted(t.entry_id + ":" + t.field for t in m.terms))
            for m in matcher.matches(doc)]


SENTENCE = "The Republic of Kenya and the UN spoke; Kenyans in Nairobi and un officials listened."
EXPECTED = [("Republic of Kenya", ["state/ken:terms"]), ("UN", ["igo/un:terms"]),
            ("Kenyans", ["state/ken:adjectives"]), ("Nairobi", ["state/ken:metonyms"])]


def test_cached_patterns_match_as_tokenized_ones(blank, tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    assert _found(TermMatcher(_kb(), blank, cache=False), blank, SENTENCE) == EXPECTED
    assert list(tmp_path.iterdir()) == []  # cache=False writes nothing
    assert _found(TermMatcher(_kb(), blank), blank, SENTENCE) == EXPECTED  # builds and writes the cache
    files = list(tmp_path.glob("term-patterns-*.json"))
    assert len(files) == 1

    def no_tokenizer(*_args, **_kw):
        raise AssertionError("the cache should have been read")

    monkeypatch.setattr(blank, "tokenizer", type("T", (), {"pipe": no_tokenizer})())
    assert _found(TermMatcher(_kb(), blank), spacy.blank("en"), SENTENCE) == EXPECTED


def test_other_terms_give_another_cache_file(blank, tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    TermMatcher(_kb(), blank)
    more = "- {id: state/bra, kind: state, code: BRA, name: Brazil, sector: GOV, terms: [Brazil]}\n"
    matcher = TermMatcher(_kb(more), blank)
    assert len(list(tmp_path.glob("term-patterns-*.json"))) == 2
    assert _found(matcher, blank, "Brazil and Kenya.") == [("Brazil", ["state/bra:terms"]),
                                                          ("Kenya", ["state/ken:terms"])]


def test_a_damaged_cache_file_is_rebuilt(blank, tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    texts = [(False, "republic of kenya"), (True, "UN")]
    first = term_patterns(blank, texts)
    (path,) = tmp_path.glob("term-patterns-*.json")
    path.write_text("[[1, 2]]", encoding="utf-8")  # one pattern for two terms
    assert term_patterns(blank, texts) == first
    assert first[1] == (blank.vocab.strings["UN"],)
    assert len(first[0]) == 3
