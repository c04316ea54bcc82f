"""The phenomenon suite: each short text must yield exactly its expected facts from the rules.

The suite pins the rules' mechanisms; the learned classifier is scored on real articles
(tests/test_dev_corpus.py, eval/README.md), not held to exact facts on one-line texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancegraph.evaluation import key
from stancegraph.loaders.pipeline import Extractor
from stancegraph.model import Article
from stancegraph.phenomena import Case, parse_cases

HERE = Path(__file__).parent / "phenomena"
RULES = Extractor(classifier=None)


CASES = [case for path in sorted(HERE.glob("*.txt")) for case in parse_cases(path)]


def test_the_suite_is_large_enough():
    assert len(CASES) >= 150


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_phenomenon(case: Case):
    extraction = RULES.extract(Article(case.text, published=case.date))
    names = {a.id: a.name for a in extraction.actors}
    found = {(key(names[s.actor]), s.topic, s.polarity): s for s in extraction.stances}
    expected = {(key(e[0]), e[1], e[2]): e for e in case.stances}
    shown = sorted((names[s.actor], s.topic, s.polarity, s.attribution, names.get(s.speaker or "", s.speaker))
                   for s in extraction.stances)
    assert set(found) == set(expected), f"{case.text!r}\nfound: {shown}"
    for triple, wanted in expected.items():
        stance = found[triple]
        if len(wanted) > 3:
            assert stance.attribution == wanted[3], f"attribution of {triple}: {shown}"
        if len(wanted) > 4:
            assert key(names.get(stance.speaker or "", stance.speaker or "")) == key(wanted[4]), f"speaker: {shown}"
    if case.relations or case.expect_no_relation:
        got = {(key(names[r.subject]), r.predicate, key(names[r.object])) for r in extraction.relations}
        assert got == {(key(s), p, key(o)) for s, p, o in case.relations}, sorted(
            (names[r.subject], r.predicate, names[r.object]) for r in extraction.relations)
