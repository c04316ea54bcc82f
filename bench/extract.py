"""Extraction speed against bare spaCy on the same texts, same model, same run.

    python bench/extract.py [--repeat N]

    python bench/extract.py --dev [--repeat N]

    python bench/extract.py --sizes [--max-size 10000000]

Baseline: `nlp.pipe` over every sentence of every article (the full parse the extractor would
need if it parsed everything). The texts are the bundled seed article, the test fixtures and
the phenomenon suite, repeated N times, plus the same number of off-topic articles of similar
length written from templates below (news bulletins that carry no stance). With --dev they are
the real development articles of ../shared/corpus/dev instead (topical news, where nearly every
sentence carries a cue; the kept third is timed, never scored). Both runs time the rules alone
and the rules with the learned classifier, and print what the classifier adds.

--sizes times one single-paragraph article of 10 KB, 30 KB, … up to 10 MB (news sentences with
quotations, speakers and cues) and fits the growth exponent k of time ∝ size^k: 1 is linear.
Past 200,000 characters the parser's budget stops parsing, so the exponent is fitted below
that size and reported separately above it.
"""

from __future__ import annotations

import argparse
import math
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
from stancegraph.loaders.extract import load_classifier  # noqa: E402
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


def dev_corpus(repeat: int) -> list[Article]:
    folder = ROOT.parent / "shared" / "corpus" / "dev"
    texts = [load_article(str(p)) for p in sorted(folder.glob("d*.txt"))]
    if not texts:
        raise SystemExit(f"{folder}: no development articles")
    return texts * repeat


SIZE_SENTENCES = [
    "Poland supports Ukraine's membership in NATO, the foreign minister said.",
    "\"We will keep talking to our partners about the summit,\" Olaf Scholz told reporters.",
    "The ministers met in Brussels on Tuesday to discuss air defence and ammunition.",
    "\"Nothing has been decided yet,\" he said, adding that talks would go on.",
    "Hungary opposes an invitation for Ukraine, Viktor Orban said on Friday.",
    "Heavy rain is expected across the north, with temperatures falling overnight.",
]


def one_paragraph(size: int, seed: int = 3) -> str:
    """News-like sentences run together into one paragraph of about `size` characters."""
    rng, parts, length = random.Random(seed), [], 0
    while length < size:
        parts.append(rng.choice(SIZE_SENTENCES))
        length += len(parts[-1]) + 1
    return " ".join(parts)


def growth_exponent(sizes: list[int], seconds: list[float]) -> float:
    """The least-squares slope of log(time) on log(size)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def sizes_main(max_size: int) -> None:
    rules = Extractor(classifier=None)
    rules.extract(Article("Poland supports Ukraine's NATO membership.", published="2023-01-01"))
    sizes = [s for s in (10_000, 30_000, 100_000, 200_000, 1_000_000, 3_000_000, 10_000_000) if s <= max_size]
    seconds = []
    for size in sizes:
        article = Article(one_paragraph(size), published="2023-01-01")
        seconds.append(timed(lambda: rules.extract(article)))
        print(f"{size / 1000:>8,.0f} KB  {seconds[-1]:8.2f} s  {size / seconds[-1] / 1000:7.1f} KB/s", flush=True)
    parsed = [(s, t) for s, t in zip(sizes, seconds) if s <= 200_000]
    beyond = [(s, t) for s, t in zip(sizes, seconds) if s >= 200_000]
    if len(parsed) >= 2:
        print(f"growth exponent up to 200 KB (every candidate sentence parsed): {growth_exponent(*zip(*parsed)):.2f}")
    if len(beyond) >= 2:
        print(f"growth exponent from 200 KB (parse budget spent): {growth_exponent(*zip(*beyond)):.2f}")


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dev", action="store_true", help="time the real development articles")
    parser.add_argument("--sizes", action="store_true", help="time one article of growing size; fit the exponent")
    parser.add_argument("--max-size", type=int, default=10_000_000, help="the largest article for --sizes (characters)")
    args = parser.parse_args()
    if args.sizes:
        sizes_main(args.max_size)
        return
    articles = dev_corpus(args.repeat) if args.dev else corpus(args.repeat)
    rules = Extractor(classifier=None)
    both = Extractor(classifier=load_classifier(enabled=True))
    nlp = load_nlp()
    all_sentences = [s.text for a in articles for s in sentences(a.text)]
    words = sum(len(a.text.split()) for a in articles)
    rules.extract(articles[0])  # load everything once, outside the clock
    if both.classifier:
        both.extract(articles[0])
    baseline, alone, combined = [], [], []
    for _ in range(args.rounds):
        baseline.append(timed(lambda: list(nlp.pipe(all_sentences))))
        alone.append(timed(lambda: [rules.extract(a) for a in articles]))
        if both.classifier:
            combined.append(timed(lambda: [both.extract(a) for a in articles]))
    b, r = statistics.median(baseline), statistics.median(alone)
    print(f"corpus: {len(articles)} articles, {len(all_sentences)} sentences, {words} words")
    print(f"bare spaCy nlp.pipe over every sentence: {b:.2f} s  ({len(articles) / b:.1f} articles/s, {words / b:,.0f} words/s)")
    print(f"stancegraph extract, rules alone:        {r:.2f} s  ({len(articles) / r:.1f} articles/s, {words / r:,.0f} words/s)")
    print(f"speed ratio (spaCy time / rules time):   {b / r:.2f}x  (median of {args.rounds} rounds)")
    if combined:
        c = statistics.median(combined)
        print(f"stancegraph extract, rules + classifier: {c:.2f} s  ({len(articles) / c:.1f} articles/s, {words / c:,.0f} words/s)")
        print(f"speed ratio (spaCy time / rules + classifier time): {b / c:.2f}x; the classifier adds {100 * (c - r) / r:.0f}%")
        # a shared machine only ever adds time: the fastest round of each is the least disturbed
        fastest_rules, fastest_both = min(alone), min(combined)
        print(f"fastest rounds: rules {fastest_rules:.2f} s, rules + classifier {fastest_both:.2f} s; "
              f"the classifier adds {100 * (fastest_both - fastest_rules) / fastest_rules:.0f}%")


if __name__ == "__main__":
    main()
