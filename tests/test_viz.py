"""The interactive graph in a real headless Chromium, and the network exports."""

import csv
import dataclasses
import io
import json
import re
import shutil
from pathlib import Path

import networkx as nx
import pytest

from stancegraph import api
from stancegraph.graph import open_store
from stancegraph.graph.networks import DNA_COLUMNS
from stancegraph.loaders import load_article
from stancegraph.loaders.extract import extract
from stancegraph.model import Actor, Article, Evidence, Extraction, Stance
from stancegraph.queries import analysis

from .test_questions import CORPUS

ARTIFACTS = Path(__file__).parent / "artifacts"
SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)><img src=y onerror=window.__pwned=1>"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _hostile() -> Extraction:
    name = f"Mallory {SCRIPT}"
    text = f"{name} supports an invitation for Ukraine, she said: {IMAGE}"
    actor = Actor("sg:mallory", name, "Person", None, (name,))
    stance = Stance("sg:mallory", "invitation_or_clear_path", "support", "self", "sg:mallory",
                    Evidence(text, 0, len(text)), 0.9, date="2024-01-01", rule="test")
    return Extraction(Article(text, title=IMAGE, published="2024-01-01"), (actor,), (), (stance,))


@pytest.fixture(scope="module")
def graph_store(tmp_path_factory):
    url = f"oxigraph:{tmp_path_factory.mktemp('viz') / 'store'}"
    store = open_store(url)
    store.write([extract(load_article(str(p))) for p in CORPUS] + [_hostile()])
    store.write([extract(load_article(api.seed_article_path(), published="2023-06-07"))])
    store.close()
    return url


@pytest.fixture(scope="module")
def page_file(graph_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("page") / "graph.html"
    api.visualise(graph_store, str(out))
    return out


def test_page_links_nothing_online(page_file):
    html = page_file.read_text()
    assert not re.search(r"""(src|href)\s*=\s*["']?https?://""", html, re.IGNORECASE)
    assert SCRIPT not in html and "<img src=x" not in html  # escaped wherever it occurs


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is needed for the browser tests: apt-get install chromium")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


def _open(browser, page_file):
    context = browser.new_context(viewport={"width": 1200, "height": 800}, offline=True)
    requests = []
    context.route("**/*", lambda route: (requests.append(route.request.url),
                                          route.continue_() if route.request.url.startswith("file:") else route.abort()))
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(page_file.as_uri())
    page.wait_for_selector("#sg-status[data-ready='1']", state="attached", timeout=20000)
    return page, dialogs, requests


@pytest.mark.server
def test_every_node_is_drawn_and_the_canvas_shows_a_graph(browser, page_file):
    page, dialogs, requests = _open(browser, page_file)
    status = page.eval_on_selector("#sg-status", "e => ({...e.dataset})")
    assert int(status["nodes"]) > 15 and status["drawn"] == status["nodes"]
    inked = page.evaluate("""() => {
        const c = document.querySelector('#graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 230 || d[i + 1] < 230 || d[i + 2] < 230)) n++;
        return n; }""")
    assert inked > 2000, "the canvas is (nearly) blank"
    ARTIFACTS.mkdir(exist_ok=True)
    shot = page.screenshot(path=str(ARTIFACTS / "graph.png"))
    assert len(shot) > 20000
    assert all(url.startswith("file:") for url in requests)
    assert dialogs == []


@pytest.mark.server
def test_article_html_stays_text_in_tooltips(browser, page_file):
    page, dialogs, _ = _open(browser, page_file)
    point = page.evaluate("""() => {
        const p = network.canvasToDOM(network.getPositions(['sg:mallory'])['sg:mallory']);
        const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return {x: r.left + p.x, y: r.top + p.y}; }""")
    page.mouse.move(point["x"], point["y"])
    tooltip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert SCRIPT in tooltip.text_content()
    assert tooltip.eval_on_selector_all("script, img", "els => els.length") == 0
    edge = page.evaluate("() => edges.get('sg:mallory|stance|invitation_or_clear_path').title")
    assert IMAGE in edge
    page.wait_for_timeout(300)
    assert dialogs == [] and page.evaluate("() => window.__pwned === undefined")


@pytest.mark.server
def test_filters_change_what_is_shown(browser, page_file):
    page, _, _ = _open(browser, page_file)
    everything = page.evaluate("() => nodeView.length")
    page.select_option("#topic", "troops_in_ukraine")
    only_troops = page.evaluate("() => ({nodes: nodeView.length, topics: edgeView.get().map(e => e.to)})")
    assert 0 < only_troops["nodes"] < everything
    assert set(only_troops["topics"]) <= {"troops_in_ukraine"} | set(page.evaluate(
        "() => edgeView.get().filter(e => e.kind === 'relation').map(e => e.to)"))


# ---- analysis and exports -------------------------------------------------------------------------

def test_analysis_against_hand_computed_values(graph_store):
    from types import SimpleNamespace as P

    rows = [P(actor=a, actor_type="State", topic=t, polarity=p, statements=1) for a, t, p in [
        ("A", "t1", "support"), ("A", "t2", "oppose"), ("A", "t3", "support"),
        ("B", "t1", "support"), ("B", "t2", "oppose"), ("B", "t3", "oppose"),
        ("C", "t1", "oppose"), ("C", "t3", "oppose"), ("D", "t1", "oppose"), ("D", "t3", "oppose")]]
    agree = analysis.congruence(rows)
    assert agree["A"]["B"]["weight"] == 2 and agree["C"]["D"]["weight"] == 2 and agree["B"]["C"]["weight"] == 1
    assert analysis.congruence(rows, "jaccard")["B"]["C"]["weight"] == pytest.approx(1 / 3)
    assert analysis.congruence(rows, "cosine")["B"]["D"]["weight"] == pytest.approx(1 / (3 * 2) ** 0.5)
    clash = analysis.conflict(rows)
    assert clash["A"]["C"]["weight"] == 2 and not clash.has_edge("C", "D")
    assert analysis.coalitions(agree) == [{"A", "B"}, {"C", "D"}] or analysis.coalitions(agree) == [{"C", "D", "B"}, {"A"}] \
        or sorted(map(sorted, analysis.coalitions(agree))) == [["A", "B"], ["C", "D"]]
    assert analysis.centrality(agree)["B"]["weighted_degree"] == 4.0


def test_analysis_doctests():
    import doctest

    assert doctest.testmod(analysis).failed == 0


def test_graphml_and_gexf_round_trip(run, graph_store, tmp_path):
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"graph.{fmt}"
        assert run("export", "--format", fmt, "-o", str(out), "--store", graph_store).exit_code == 0
        graph = reader(out)
        kinds = {d.get("kind") for _, d in graph.nodes(data=True)}
        assert kinds == {"actor", "topic"}
        labels = {d.get("label") for _, d in graph.nodes(data=True)}
        assert {"Germany", "Poland", "Anders Fogh Rasmussen"} <= labels
        assert any(d.get("polarity") == "mixed" for *_, d in graph.edges(data=True))


def test_csv_and_dna_exports(run, graph_store, tmp_path):
    assert run("export", "--format", "csv", "-o", str(tmp_path / "csv"), "--store", graph_store).exit_code == 0
    edges = list(csv.DictReader((tmp_path / "csv" / "edges.csv").open()))
    assert {"source", "target", "kind", "polarity", "weight"} <= set(edges[0])
    result = run("export", "--format", "dna-csv", "--store", graph_store)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0].keys()) == DNA_COLUMNS
    germany = [r for r in rows if r["organization"] == "Germany" and r["concept"] == "invitation_or_clear_path"]
    assert {r["agreement"] for r in germany} == {"0", "1", ""}
    graphml = run("export", "--format", "graphml", "--store", graph_store)  # one file: stdout without -o
    assert graphml.exit_code == 0 and "<graphml" in graphml.stdout and "Germany" in graphml.stdout


def test_analyze_command(run, graph_store):
    result = run("analyze", "congruence", "--normalise", "jaccard", "--store", graph_store, "--format", "json")
    assert result.exit_code == 0 and '"actor_a"' in result.stdout
    assert run("analyze", "communities", "--store", graph_store).exit_code == 0
    assert "weighted_degree" in run("analyze", "centrality", "--store", graph_store).stdout


# ---- the page an analyst keeps open: fitted, readable, evidence on click, time as a control ----

def _synthetic_store(folder: Path, actors: int = 150) -> str:
    """A generated debate: `actors` actors of every type over the seven topics and six years;
    one of them changes position between 2021 and 2024 (for the slider)."""
    import random

    rng = random.Random(11)
    topics = ["ukraine_membership", "invitation_or_clear_path", "membership_only_after_war", "map_required",
              "security_guarantees_outside_nato", "troops_in_ukraine", "partial_membership"]
    types = ["State", "Person", "Organization", "Person"]
    extractions = []
    for i in range(actors):
        kind = types[i % 4]
        actor = Actor(f"sg:actor-{i}", f"{kind} Actor {i:03d}", kind, None, (f"{kind} Actor {i:03d}",))
        stances = []
        for number, topic in enumerate(rng.sample(topics, rng.randint(1, 3))):
            text = f"{actor.name} spoke about {topic} in statement {number}."
            stances.append(Stance(actor.id, topic, rng.choice(["support", "oppose", "mixed"]), "self", actor.id,
                                  Evidence(text, 0, len(text)), 0.9, date=f"{2019 + rng.randint(0, 5)}-0{rng.randint(1, 9)}-15",
                                  rule="test"))
        body = " ".join(s.evidence.text for s in stances)
        stances = [dataclasses.replace(s, evidence=Evidence(s.evidence.text, body.index(s.evidence.text),
                                                            body.index(s.evidence.text) + len(s.evidence.text)))
                   for s in stances]
        extractions.append(Extraction(Article(body, title=f"Report {i}", url=f"https://example.org/{i}",
                                              published=stances[0].date), (actor,), (), tuple(stances)))
    changer = Actor("sg:changer", "Turncoat State", "State", None, ("Turncoat State",))
    for year, polarity in ((2021, "support"), (2024, "oppose")):
        text = f"Turncoat State took a position on membership in {year}."
        stance = Stance(changer.id, "ukraine_membership", polarity, "self", changer.id, Evidence(text, 0, len(text)), 0.9,
                        date=f"{year}-06-01", rule="test")
        extractions.append(Extraction(Article(text, title=f"Turncoat {year}", url=f"https://example.org/t{year}",
                                              published=f"{year}-06-01"), (changer,), (), (stance,)))
    url = f"oxigraph:{folder / 'store'}"
    store = open_store(url)
    store.write(extractions)
    store.close()
    return url


@pytest.fixture(scope="module")
def big_page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big")
    out = folder / "graph.html"
    api.visualise(_synthetic_store(folder), str(out))
    return out


LAYOUT_METRICS = """() => {
  const ids = nodeView.getIds();
  const rect = document.querySelector('#graph').getBoundingClientRect();
  const corners = ids.flatMap((id) => { const b = network.getBoundingBox(id);
    return [network.canvasToDOM({x: b.left, y: b.top}), network.canvasToDOM({x: b.right, y: b.bottom})]; });
  const dom = corners;
  const xs = dom.map((p) => p.x), ys = dom.map((p) => p.y);
  const labelled = ids.filter((id) => (nodes.get(id).label || '').trim());
  const boxes = labelled.map((id) => network.getBoundingBox(id));
  let pairs = 0, overlapping = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    pairs++;
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlapping++;
  }
  return {nodes: ids.length, labelled: labelled.length, pairs, overlapping,
          width: (Math.max(...xs) - Math.min(...xs)) / window.innerWidth,
          height: (Math.max(...ys) - Math.min(...ys)) / window.innerHeight,
          inside: dom.every((p) => p.x >= -2 && p.x <= rect.width + 2 && p.y >= -2 && p.y <= rect.height + 2)};
}"""


@pytest.mark.server
@pytest.mark.parametrize("which", ["corpus", "generated"])
def test_the_graph_fills_the_view_and_no_labels_overlap(browser, page_file, big_page, which):
    page, dialogs, requests = _open(browser, page_file if which == "corpus" else big_page)
    metrics = page.evaluate(LAYOUT_METRICS)
    assert metrics["nodes"] > (15 if which == "corpus" else 150)
    assert max(metrics["width"], metrics["height"]) >= 0.6, metrics
    assert metrics["inside"], metrics
    assert metrics["labelled"] >= min(20, metrics["nodes"]) // 2, metrics  # labels are placed, not all dropped
    assert metrics["overlapping"] < 0.02 * max(1, metrics["pairs"]), metrics
    topics = page.evaluate("() => nodeView.get().filter((n) => n.kind === 'topic').map((n) => n.label)")
    assert topics and not any("_" in t for t in topics)  # worded topics, not ids
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"graph-{which}.png"))
    assert all(url.startswith("file:") for url in requests) and dialogs == []


def _click_edge(page, edge_id: str) -> None:
    point = page.evaluate("""(id) => {
        const e = edges.get(id); const p = network.getPositions([e.from, e.to]);
        const mid = network.canvasToDOM({x: (p[e.from].x * 3 + p[e.to].x) / 4, y: (p[e.from].y * 3 + p[e.to].y) / 4});
        const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return {x: r.left + mid.x, y: r.top + mid.y}; }""", edge_id)
    page.mouse.click(point["x"], point["y"])


@pytest.mark.server
def test_clicking_a_line_shows_its_evidence_as_text(browser, page_file):
    page, dialogs, _ = _open(browser, page_file)
    _click_edge(page, "sg:mallory|stance|invitation_or_clear_path")
    panel = page.locator("#panel")
    panel.locator(".statement").first.wait_for(timeout=5000)
    assert IMAGE in panel.text_content()  # the article's HTML shown as text
    assert panel.locator("img, script").count() == 0 and dialogs == []


@pytest.mark.server
def test_clicking_an_actor_lists_its_statements_newest_first(browser, page_file):
    page, _, _ = _open(browser, page_file)
    page.fill("#search", "Germany")
    page.dispatch_event("#search", "change")
    page.locator("#panel h2").filter(has_text="Germany").wait_for(timeout=5000)
    sections = page.evaluate("""() => {
        const found = []; let current = null;
        for (const e of document.querySelectorAll('#panel > *')) {
            if (e.tagName === 'H3') { current = []; found.push(current); }
            else if (current && e.classList.contains('statement'))
                current.push((e.lastElementChild.previousElementSibling || e.lastElementChild).textContent.match(/\\d{4}-\\d{2}-\\d{2}/)?.[0] || '');
        }
        return found; }""")
    assert sections and any(len(dates) > 1 for dates in sections)
    for dates in sections:  # each topic's statements, newest first
        assert all(a >= b for a, b in zip(dates, dates[1:]) if a and b), sections


@pytest.mark.server
def test_the_slider_shows_a_changed_position_before_and_after(browser, big_page):
    page, _, _ = _open(browser, big_page)
    edge = "sg:changer|stance|ukraine_membership"
    dates = page.evaluate("() => D.dates")
    before = max(i for i, d in enumerate(dates) if d < "2024-06-01")
    after = dates.index("2024-06-01")
    for index, polarity in ((before, "support"), (after, "oppose")):
        page.evaluate("(i) => { const s = document.getElementById('asof'); s.value = String(i); s.dispatchEvent(new Event('input')); }", index)
        assert page.evaluate("(id) => edges.get(id).polarity", edge) == polarity
    if after == before + 1:  # the change is marked against the date just before
        assert page.evaluate("(id) => [edges.get(id).changed, edges.get(id).was]", edge) == [True, "support"]
    label = page.text_content("#window-label")
    assert "Positions as of 2024-06-01" in label


@pytest.mark.server
def test_the_view_exports_as_png_and_svg(browser, page_file):
    page, _, _ = _open(browser, page_file)
    with page.expect_download() as png:
        page.click("#export-png")
    with page.expect_download() as svg:
        page.click("#export-svg")
    assert png.value.suggested_filename == "stancegraph.png" and svg.value.suggested_filename == "stancegraph.svg"
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.parse(svg.value.path()).getroot()
    assert root.tag.endswith("svg") and len(list(root)) > 20
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.server
def test_the_legend_draws_what_the_graph_draws(browser, page_file):
    page, _, _ = _open(browser, page_file)
    legend = page.inner_html("#legend")
    style = page.evaluate("() => STYLE")
    assert style["shapes"]["State"] == "square" and "<rect" in legend  # states are squares in both
    for polarity in ("support", "oppose", "mixed"):
        assert style["polarity"][polarity].lower() in legend.lower()
    assert "stroke-dasharray" in legend
    drawn = page.evaluate("() => edges.get().filter((e) => e.kind === 'stance').map((e) => [e.polarity, JSON.stringify(e.dashes)])")
    assert all(dashes == ("false" if p == "support" else json.dumps(style["dashes"][p]).replace(" ", "")) for p, dashes in drawn)


@pytest.mark.server
def test_the_command_lines_window_sets_the_initial_date(browser, graph_store, tmp_path):
    out = tmp_path / "as-of.html"
    assert "statements" in api.visualise(graph_store, str(out), as_of="2023-12-31", since="2008-01-01")
    page, _, _ = _open(browser, out)
    shown = page.eval_on_selector("#sg-status", "e => e.dataset.asof")
    assert "2008-01-01" <= shown <= "2023-12-31"
    assert "statements since 2008-01-01" in page.text_content("#window-label")
