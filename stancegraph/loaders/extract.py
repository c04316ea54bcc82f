"""The extraction entry point: a shared Extractor, built on first use."""

from __future__ import annotations

import os
from functools import lru_cache

from ..model import Article, Extraction
from .pipeline import Extractor


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """The rules; with the learned classifier beside them when $STANCEGRAPH_CLASSIFIER is 'on'
    (the CLI's --classifier sets it). The classifier is opt-in: on the kept third of the
    development articles the combination raised stance F1 but fell below the precision bar
    (eval/README.md)."""
    return Extractor(classifier=load_classifier())


def classifier_enabled() -> bool:
    return os.environ.get("STANCEGRAPH_CLASSIFIER", "").lower() in ("on", "1", "yes")


def enable_classifier() -> None:
    """Turn the classifier on for this process and the ingest workers it starts."""
    os.environ["STANCEGRAPH_CLASSIFIER"] = "on"
    default_extractor.cache_clear()


def load_classifier(enabled: bool | None = None):
    """The bundled stance classifier, or None: when it is not enabled (`enabled`, else
    $STANCEGRAPH_CLASSIFIER), or when the package carries no model."""
    from ..learned.model_files import METADATA, MODEL_DIR

    if not (classifier_enabled() if enabled is None else enabled):
        return None
    if not (MODEL_DIR / METADATA).exists():
        return None
    from ..learned.classifier import StanceClassifier

    return StanceClassifier(MODEL_DIR)


def extract(article: Article) -> Extraction:
    """Actors, relations and stances of one article."""
    return default_extractor().extract(article)
