"""Extraction speed against bare spaCy on the same texts, same model, same run.

    python bench/extract.py [--repeat N]

Baseline: `nlp.pipe` over every sentence of every article (the full parse the extractor would
need if it parsed everything). The texts are the bundled seed article, the test fixtures and
the phenomenon suite, repeated N times, plus the same number of off-topic articles of similar
length written from templates below (news bulletins that carry no stance).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stancegraph import api  # noqa: E402
from stancegraph.loaders import load_article  # noqa: E402
from stancegraph.loaders.nlp import load_nlp  # noqa: E402
from stancegraph.loaders.pipeline import Extractor  # noqa: E402
from stancegraph.loaders.segment import sentences  # noqa: E402
from stancegraph.model import Article  # noqa: E402

OFF_TOPIC = [
    "The home side scored twice after the break and moved up to third place in the table.",
    "Heavy rain is expected across the north on Tuesday, with temperatures falling sharply overnight.",
    "Shares in the carmaker rose four percent after it reported stronger sales in the spring.",
    "The festival will open on Friday with a concert in the old town square, organisers said.",
    "Commuters faced delays after a signal failure near the central station during the morning rush.",
    "The museum reopened its modern art wing after a two-year renovation funded by private donors.",
]


def corpus(repeat: int) -> list[Article]:
    texts = [load_article(api.seed_article_path(), published="2023-06-07")]
    texts += [load_article(str(p)) for p in sorted((ROOT / "tests/data").glob("*.txt"))]
    phenomena = "\n\n".join(
        block for path in sorted((ROOT / "tests/phenomena").glob("*.txt"))
        for block in path.read_text().split("\n\n") if not block.startswith(("#", "=>")))
    lines = [line for line in phenomena.splitlines() if line and not line.startswith(("=>", "date:", "#"))]
    texts += [Article("\n\n".join(lines[i:i + 12]), published="2023-06-07") for i in range(0, len(lines), 12)]
    rng = random.Random(7)
    off = [Article("\n\n".join(rng.choice(OFF_TOPIC) for _ in range(30))) for _ in range(len(texts))]
    return (texts + off) * repeat


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    articles = corpus(args.repeat)
    extractor = Extractor()
    nlp = load_nlp()
    all_sentences = [s.text for a in articles for s in sentences(a.text)]
    words = sum(len(a.text.split()) for a in articles)
    extractor.extract(articles[0])  # load everything once, outside the clock
    pipeline, baseline = [], []
    for _ in range(args.rounds):
        baseline.append(timed(lambda: list(nlp.pipe(all_sentences))))
        pipeline.append(timed(lambda: [extractor.extract(a) for a in articles]))
    p, b = statistics.median(pipeline), statistics.median(baseline)
    print(f"corpus: {len(articles)} articles, {len(all_sentences)} sentences, {words} words")
    print(f"bare spaCy nlp.pipe over every sentence: {b:.2f} s  ({len(articles) / b:.1f} articles/s, {words / b:,.0f} words/s)")
    print(f"stancegraph extract (whole pipeline):    {p:.2f} s  ({len(articles) / p:.1f} articles/s, {words / p:,.0f} words/s)")
    print(f"speed ratio (spaCy time / pipeline time): {b / p:.2f}x  (median of {args.rounds} rounds)")


if __name__ == "__main__":
    main()
