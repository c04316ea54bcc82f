"""The stance network as one HTML page: vis-network inlined (pyvis's bundled build), positions
computed beforehand so that the page is still from its first frame, text only in tooltips.

pyvis's own template is not used: it links Bootstrap from a CDN and pastes node data into a
<script> block unescaped, where an actor name holding '</script>' would end the script."""

from __future__ import annotations

import html
import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import networkx as nx

COLORS = {
    "Person": "#4e79a7", "State": "#59a14f", "Organization": "#f28e2b", "Group": "#b07aa1", "Topic": "#bab0ac",
    "Actor": "#76b7b2", "support": "#2e7d32", "oppose": "#c62828", "mixed": "#f9a825",
}
SHAPES = {"Person": "dot", "State": "square", "Organization": "diamond", "Group": "triangle", "Topic": "box", "Actor": "dot"}
MAX_NODES = 2500


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' survive as such."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def render_html(graph: nx.MultiDiGraph, title: str = "stancegraph", max_nodes: int = MAX_NODES) -> tuple[str, str]:
    """The page and a note on what it shows (and whether it had to leave nodes out)."""
    graph, note = _sample(graph, max_nodes)
    positions = _layout(graph)
    data = {"nodes": [_node(n, d, positions[n]) for n, d in graph.nodes(data=True)],
            "edges": [_edge(a, b, k, d) for a, b, k, d in graph.edges(keys=True, data=True)]}
    topics = sorted((n, d.get("label", n)) for n, d in graph.nodes(data=True) if d.get("kind") == "topic")
    options = "".join(f'<option value="{html.escape(n)}">{html.escape(n)}</option>' for n, _ in topics)
    js, css = _assets()
    template = files("stancegraph.viz").joinpath("template.html").read_text(encoding="utf-8")
    page = template.format(
        title=html.escape(title), note=html.escape(note), topic_options=options, data_json=script_json(data),
        vis_js=js.replace("</script", "<\\/script"), vis_css=css.replace("</style", "<\\/style"),
        **{f"color_{k.lower()}": v for k, v in COLORS.items()},
    )
    return page, note


def _sample(graph: nx.MultiDiGraph, max_nodes: int) -> tuple[nx.MultiDiGraph, str]:
    actors = [n for n, d in graph.nodes(data=True) if d.get("kind") == "actor"]
    stances = sum(1 for *_, d in graph.edges(data=True) if d.get("kind") == "stance")
    if len(graph) <= max_nodes:
        return graph, f"{len(actors)} actors, {len(graph) - len(actors)} topics, {stances} positions"
    ranked = sorted(actors, key=lambda n: (-graph.degree(n, weight="weight"), n))
    keep = set(ranked[: max_nodes - (len(graph) - len(actors))]) | {n for n in graph if n not in set(actors)}
    sampled = graph.subgraph(keep).copy()
    return sampled, (f"showing the {len(keep & set(actors))} actors with the most statements of {len(actors)} "
                     f"(limit {max_nodes} nodes); narrow with --topic, --since and --until")


SPRING_LIMIT = 400  # above this, networkx's spring layout wants scipy and seconds


def _layout(graph: nx.MultiDiGraph) -> dict:
    if len(graph) == 0:
        return {}
    simple = nx.Graph(graph.to_undirected())
    raw = nx.spring_layout(simple, seed=7, iterations=60) if len(simple) <= SPRING_LIMIT else _anchored(graph)
    scale = 160 * max(4.0, len(simple) ** 0.5)
    return {n: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for n, (x, y) in raw.items()}


def _anchored(graph: nx.MultiDiGraph) -> dict:
    """A linear-time layout for large graphs: topics on a circle, each actor near the mean of
    the topics it takes positions on, spread by a seeded jitter so that nodes do not overlap."""
    import math
    import random

    rng = random.Random(7)
    topics = sorted(n for n, d in graph.nodes(data=True) if d.get("kind") == "topic")
    place = {t: (math.cos(2 * math.pi * i / max(1, len(topics))), math.sin(2 * math.pi * i / max(1, len(topics))))
             for i, t in enumerate(topics)}
    for node in sorted(graph):
        if node in place:
            continue
        anchors = [place[t] for t in graph.successors(node) if t in place]
        x = sum(a[0] for a in anchors) / len(anchors) if anchors else 0.0
        y = sum(a[1] for a in anchors) / len(anchors) if anchors else 0.0
        radius, angle = 0.35 * math.sqrt(rng.random()), 2 * math.pi * rng.random()
        place[node] = (0.6 * x + radius * math.cos(angle), 0.6 * y + radius * math.sin(angle))
    return place


def _node(node: str, data: dict, position: tuple[float, float]) -> dict:
    kind = data.get("type", "Actor")
    label = str(data.get("label", node))
    tooltip = f"{label}\n{kind}" + (f"\n{node}" if data.get("kind") == "actor" else "")
    if data.get("kind") == "topic":
        label = node  # the id is short; the worded question is in the tooltip
    return {"id": node, "label": label if len(label) <= 40 else label[:37] + "…", "title": tooltip,
            "kind": data.get("kind"), "shape": SHAPES.get(kind, "dot"), "color": COLORS.get(kind, COLORS["Actor"]),
            "x": position[0], "y": position[1], "size": 14 if data.get("kind") == "actor" else 18}


def _edge(source: str, target: str, key: str, data: dict) -> dict:
    if data.get("kind") == "relation":
        tooltip = f"{data.get('predicate')}\n{data.get('evidence', '')}\n{data.get('date', '')}"
        return {"id": f"{source}|{key}|{target}", "from": source, "to": target, "kind": "relation", "dashes": True,
                "color": "#888888", "width": 1, "title": tooltip.strip(), "label": data.get("predicate")}
    polarity = data.get("polarity", "mixed")
    weight = int(data.get("weight", 1))
    tooltip = "\n".join(filter(None, (
        f"{polarity} ({weight} statement{'s' if weight != 1 else ''})", f"“{data.get('evidence', '')}”",
        f"speaker: {data.get('speaker')}" if data.get("speaker") else "", data.get("reference", ""))))
    return {"id": f"{source}|stance|{target}", "from": source, "to": target, "kind": "stance", "polarity": polarity,
            "color": COLORS.get(polarity, COLORS["mixed"]), "width": min(1 + weight, 8), "title": tooltip}
