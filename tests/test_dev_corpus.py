"""The extractor on the real development articles of ../shared/corpus/dev (third-party texts,
read from there and never copied here): stance, relation and actor F1 per file, and floors on
the totals so that a change that loses what real journalism gave us fails.

The floors are the scores measured when they were set (eval/README.md), less a margin for
rounding; they are not targets. Where ../shared is absent (a checkout outside this workplace)
the test is skipped and says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancegraph.evaluation import evaluate

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
GOLD = sorted(DEV.glob("d*.gold.json"))

# measured with the default extractor and default --min-confidence (eval/README.md)
FLOORS = {"stances": 0.50, "relations": 0.82, "actors": 0.92}  # measured 0.55, 0.85, 0.94

pytestmark = pytest.mark.skipif(not GOLD, reason=f"{DEV}: the development corpus is not on this machine")


@pytest.fixture(scope="module")
def scored():
    return evaluate([str(p) for p in GOLD])


REPORT: list[str] = []  # printed at the end of the test run (conftest.pytest_terminal_summary)


def test_every_development_file_is_scored_with_verbatim_evidence(scored):
    totals, results = scored
    assert len(results) == len(GOLD) == 24
    assert all(r.offsets_ok for r in results)
    REPORT.clear()
    for r in [*results, None]:
        scores = totals if r is None else r.scores
        s, rel, act = scores["stances"], scores["relations"], scores["actors"]
        REPORT.append(f"{'all 24' if r is None else r.article[:44]:<44}  stances P {s.precision:.2f} R {s.recall:.2f} "
                      f"F1 {s.f1:.2f}   relations F1 {rel.f1:.2f}   actors F1 {act.f1:.2f}")


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_totals_keep_their_floor(scored, kind):
    totals, _ = scored
    assert totals[kind].f1 >= FLOORS[kind], f"{kind}: F1 {totals[kind].f1:.3f} below its floor {FLOORS[kind]}"
