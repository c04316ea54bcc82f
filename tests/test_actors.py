"""Who counts as an actor: outlets that report and words the tagger mistakes for names do not
(the real development gold never lists them)."""

import pytest

from stancegraph.loaders.extract import extract
from stancegraph.model import Article


@pytest.mark.parametrize("text, not_an_actor", [
    ("The plan bans foreign troops from Ukraine, according to The Wall Street Journal.", "The Wall Street Journal"),
    ("Hungary opposes an invitation for Ukraine, Radio Liberty reported.", "Radio Liberty"),
    ("Lithuania backs Ukraine's Euro-Atlantic integration and its NATO membership.", "Euro-Atlantic"),
])
def test_outlets_and_tagger_noise_are_not_actors(text, not_an_actor):
    result = extract(Article(text, published="2025-11-20"))
    names = {a.name for a in result.actors}
    assert not_an_actor not in names
    assert names  # the states the sentence names are still found


def test_an_organisation_the_tagger_finds_is_still_an_actor():
    result = extract(Article("The Bucharest Nine called for an invitation for Ukraine.", published="2024-06-11"))
    assert "Bucharest Nine" in {a.name for a in result.actors}
