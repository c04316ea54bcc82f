"""Deterministic synthetic extractions for store and query benchmarks (no parsing involved)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from stancegraph.loaders.actors import actor_index
from stancegraph.model import Actor, Article, Evidence, Extraction, Relation, Stance
from stancegraph.ontology import load_topics

POLARITIES = ("support", "oppose", "mixed")


def synthetic_extractions(count: int, seed: int = 42, stances_per_article: int = 3):
    rng = random.Random(seed)
    index = actor_index()
    states = [e for e in index.entries.values() if e.type == "State"]
    people = [e for e in index.entries.values() if e.type == "Person" and e.roles]
    topics = [t.id for t in load_topics()]
    start = date(2008, 1, 1)
    for number in range(count):
        day = (start + timedelta(days=rng.randrange(6400))).isoformat()
        holders = rng.sample(states, stances_per_article)
        person = rng.choice(people)
        role = person.roles[0]
        sentences = [f"{h.name} takes a position number {number}-{i} on the question." for i, h in enumerate(holders)]
        text = " ".join(sentences) + f" {person.name} holds a role."
        offsets, cursor = [], 0
        for sentence in sentences:
            offsets.append((cursor, cursor + len(sentence)))
            cursor += len(sentence) + 1
        article = Article(text, title=f"Synthetic story {number}", url=f"https://bench.example/{number}",
                          outlet=rng.choice(["Wire A", "Wire B", "Herald"]), published=day)
        stances = tuple(
            Stance(h.id, rng.choice(topics), rng.choice(POLARITIES), "reported", "journalist",
                   Evidence(s, a, b), 0.8, date=day, rule="synthetic")
            for h, s, (a, b) in zip(holders, sentences, offsets))
        relation_text = text[cursor:].strip()
        relation = Relation(person.id, index.predicate(role.role, False) or "leads", role.of,
                            Evidence(relation_text, cursor, cursor + len(relation_text)), 0.9, day, "synthetic")
        actors = tuple(Actor(e.id, e.name, e.type, e.wikidata, (e.name,)) for e in [*holders, person])
        of = index.entry(role.of)
        if of and all(a.id != of.id for a in actors):
            actors += (Actor(of.id, of.name, of.type, of.wikidata, ()),)
        yield Extraction(article, actors, (relation,), stances)
