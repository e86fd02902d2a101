from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from diplomacy_events.wordtrie import alternation

WORDS = st.lists(st.text(alphabet="abc .", min_size=1, max_size=6), min_size=1, max_size=12)


def longest_first(words: list[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?:{alts})")


@given(WORDS, st.text(alphabet="abc .x", max_size=8))
def test_matches_the_same_strings_as_the_plain_alternation(words: list[str], probe: str) -> None:
    trie = re.compile(f"(?:{alternation(words)})")
    for w in words:
        assert trie.fullmatch(w.replace(" ", "  "))
    assert bool(trie.fullmatch(probe)) == bool(longest_first(words).fullmatch(probe))


@given(WORDS, st.text(alphabet="abc .x", max_size=30))
def test_finds_what_a_longest_first_alternation_finds(words: list[str], text: str) -> None:
    trie = re.compile(rf"\b(?:{alternation(words)})\b", re.IGNORECASE)
    plain = re.compile(rf"\b{longest_first(words).pattern}\b", re.IGNORECASE)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_phrase_matches_any_run_of_spaces() -> None:
    pattern = re.compile(alternation(["according to", "said"]))
    assert pattern.fullmatch("according \n to")
    assert pattern.fullmatch("said")
    assert not pattern.fullmatch("sai")
