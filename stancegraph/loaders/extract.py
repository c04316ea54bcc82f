"""The extraction entry point: a shared Extractor, built on first use."""

from __future__ import annotations

import os
from functools import lru_cache

from ..model import Article, Extraction
from .pipeline import Extractor


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """The rules with the learned classifier beside them, where its model is installed."""
    return Extractor(classifier=load_classifier())


def load_classifier():
    """The bundled stance classifier, or None: when $STANCEGRAPH_CLASSIFIER is 'off', or when
    the package carries no model (a checkout before one was trained)."""
    from ..learned.model_files import MODEL_DIR, METADATA

    if os.environ.get("STANCEGRAPH_CLASSIFIER", "").lower() in ("off", "0", "no"):
        return None
    if not (MODEL_DIR / METADATA).exists():
        return None
    from ..learned.classifier import StanceClassifier

    return StanceClassifier(MODEL_DIR)


def extract(article: Article) -> Extraction:
    """Actors, relations and stances of one article."""
    return default_extractor().extract(article)
