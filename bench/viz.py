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

from stancegraph.ontology import load_topics  # noqa: E402
from stancegraph.viz import PageStatement, page_data, render_html  # noqa: E402


def synthetic_page(actors: int, seed: int = 3) -> tuple[str, str]:
    """A page of `actors` generated actors with 1–3 positions each, over four years."""
    rng = random.Random(seed)
    topics = list(load_topics())
    known, statements = {}, []
    for i in range(actors):
        ident = f"sg:actor-{i}"
        known[ident] = {"name": f"Actor {i}", "type": rng.choice(["Person", "State", "Organization"]),
                        "aliases": [], "roles": []}
        for topic in rng.sample([t.id for t in topics], rng.randint(1, 3)):
            for n in range(rng.randint(1, 3)):
                statements.append(PageStatement(
                    ident, topic, rng.choice(["support", "oppose", "mixed"]), f"{2021 + rng.randint(0, 3)}-0{rng.randint(1, 9)}-01",
                    f"Statement {i}.{n} on {topic}.", None, "self", "Bench Wire", f"Report {i}", None, f"a{i}-{n}"))
    data, note = page_data(statements, [], known, topics, {"since": None, "until": None, "as_of": None, "topic": None})
    return render_html(data, note), note


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, default=2000)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp())
    started = time.perf_counter()
    page_html, note = synthetic_page(args.actors)
    build = time.perf_counter() - started
    (folder / "big.html").write_text(page_html)
    (folder / "empty.html").write_text(synthetic_page(0)[0])
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
