"""The graph page: one self-contained HTML file with vis-network inlined (pyvis's bundled
build), the data of viz/data.py, and the page's own script (template.html) that folds the
statements into positions as of the slider's date, lays labels out without overlaps, and
shows the evidence behind whatever is clicked.

pyvis's own template is not used: it links Bootstrap from a CDN and pastes node data into a
<script> block unescaped, where an actor name holding '</script>' would end the script. Here
all data goes through script_json, and the page writes article text with textContent only."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

# Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), and a line
# style per polarity so that colour is never the only cue.
STYLE = {
    "polarity": {"support": "#0072B2", "oppose": "#D55E00", "mixed": "#E69F00", "relation": "#888888"},
    "dashes": {"support": False, "oppose": [10, 6], "mixed": [2, 5], "relation": [1, 6]},
    "relation": "#888888",
    "types": {"State": "#009E73", "Organization": "#CC79A7", "Person": "#56B4E9", "Group": "#F0E442",
              "Actor": "#BBBBBB"},
    "shapes": {"State": "square", "Organization": "diamond", "Person": "dot", "Group": "triangle", "Actor": "dot"},
    "topic": "#E8E8E4",
}


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


def render_html(data: dict, note: str, title: str = "stancegraph") -> str:
    js, css = _assets()
    template = files("stancegraph.viz").joinpath("template.html").read_text(encoding="utf-8")
    values = {
        "TITLE": html.escape(title), "NOTE": html.escape(note), "DATA": script_json(data), "STYLE": script_json(STYLE),
        "VIS_CSS": css.replace("</style", "<\\/style"), "VIS_JS": js.replace("</script", "<\\/script"),
    }
    # one pass: text put in (an article's, the library's) is never searched for tokens again
    return re.sub(r"@@([A-Z_]+)@@", lambda m: values[m.group(1)], template)
