"""`stancegraph eval`: per-file rows and misses and extras grouped by cause."""

from __future__ import annotations

import json
from pathlib import Path

from stancegraph import api
from stancegraph.error_analysis import EXTRA_CAUSES, MISS_CAUSES, classify_errors
from stancegraph.learned.dataset import GoldStance
from stancegraph.model import Evidence, Stance

GOLD = Path(__file__).parent / "data" / "gold"


def test_by_error_groups_every_miss_and_extra(run):
    files = [str(p) for p in sorted(GOLD.glob("*.gold.json"))]
    rows = json.loads(run("eval", *files, "--by-error", "--format", "json").stdout)
    totals, results = api.evaluate(files)
    stance = totals["stances"]
    assert sum(r["count"] for r in rows if r["kind"] == "miss") == stance.expected - stance.true_positives
    assert sum(r["count"] for r in rows if r["kind"] == "extra") == stance.predicted - stance.true_positives
    assert all(r["cause"] in (MISS_CAUSES if r["kind"] == "miss" else EXTRA_CAUSES) for r in rows)


def test_per_file_rows(run):
    files = [str(p) for p in sorted(GOLD.glob("0[12]*.gold.json"))]
    rows = json.loads(run("eval", *files, "--per-file", "--format", "json").stdout)
    assert {r["article"] for r in rows} == {"01-washington-summit.txt", "02-bucharest-2008.txt", "(all)"}
    assert {r["facts"] for r in rows} == {"actors", "relations", "stances"}


def _stance(actor, topic, polarity, start, end, text="x"):
    return Stance(actor, topic, polarity, "self", actor, Evidence(text, start, end), 0.8)


def test_causes_follow_the_gold_on_the_same_evidence():
    gold = [GoldStance("de", "invitation", "oppose", 0, 50), GoldStance("pl", "invitation", "support", 60, 90),
            GoldStance("hu", "membership", "oppose", 100, 140), GoldStance("fr", "troops", "oppose", 200, 240)]
    predicted = [_stance("de", "invitation", "mixed", 0, 50),  # wrong polarity
                 _stance("pl", "membership", "support", 60, 90),  # wrong topic
                 _stance("sk", "membership", "oppose", 100, 140),  # wrong actor link
                 _stance("it", "guarantees", "support", 300, 340)]  # spurious
    errors = classify_errors(gold, ["e"] * 4, predicted, lambda a: a, [])
    misses = {e.fact[0]: e.cause for e in errors if e.kind == "miss"}
    extras = {e.fact[0]: e.cause for e in errors if e.kind == "extra"}
    assert misses == {"de": "wrong polarity", "pl": "wrong topic", "hu": "wrong actor link", "fr": "no cue"}
    assert extras == {"de": "wrong polarity", "pl": "wrong topic", "sk": "wrong actor link", "it": "spurious"}
