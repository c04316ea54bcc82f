"""How long a large graph takes to render and settle in headless Chromium.

    python bench/viz.py [--actors 2000]

Builds a synthetic stance network (actors × the topic set), writes the page, opens it in
Debian's Chromium through Playwright with networking off, and times until the first frame is
drawn (the layout is computed beforehand, so there is no physics to wait for). Baseline: the
same browser loading an empty page of the same size (the inlined vis-network library alone).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

from stancegraph.ontology import load_topics  # noqa: E402
from stancegraph.viz import render_html  # noqa: E402


def synthetic_graph(actors: int, seed: int = 3) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    topics = [t.id for t in load_topics()]
    for topic in topics:
        graph.add_node(topic, label=topic, kind="topic", type="Topic")
    for i in range(actors):
        ident = f"sg:actor-{i}"
        graph.add_node(ident, label=f"Actor {i}", kind="actor", type=rng.choice(["Person", "State", "Organization"]))
        for topic in rng.sample(topics, rng.randint(1, 3)):
            graph.add_edge(ident, topic, key="stance", kind="stance", polarity=rng.choice(["support", "oppose", "mixed"]),
                           weight=rng.randint(1, 5), evidence=f"Statement {i} on {topic}.", speaker="", date="2024-01-01", source="")
    return graph


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, default=2000)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp())
    started = time.perf_counter()
    page_html, note = render_html(synthetic_graph(args.actors))
    build = time.perf_counter() - started
    (folder / "big.html").write_text(page_html)
    (folder / "empty.html").write_text(render_html(nx.MultiDiGraph())[0])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        timings = {}
        for name in ("empty", "big"):
            context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
            page = context.new_page()
            started = time.perf_counter()
            page.goto((folder / f"{name}.html").as_uri())
            page.wait_for_selector("#sg-status[data-ready='1']", state="attached", timeout=120000)
            timings[name] = time.perf_counter() - started
            if name == "big":
                drawn = page.eval_on_selector("#sg-status", "e => e.dataset.drawn")
            context.close()
        browser.close()
    print(f"graph: {args.actors} actors, {len(load_topics())} topics; page {len(page_html) / 1e6:.1f} MB; {note}")
    print(f"layout and page built in Python: {build:.1f} s")
    print(f"Chromium, empty page (library only): {timings['empty']:.2f} s")
    print(f"Chromium, {args.actors}-actor graph drawn ({drawn} nodes): {timings['big']:.2f} s "
          f"({timings['big'] / timings['empty']:.1f}x the empty page)")


if __name__ == "__main__":
    main()
