"""The extraction entry point: a shared Extractor, built on first use."""

from __future__ import annotations

import os
from functools import lru_cache

from ..model import Article, Extraction
from .pipeline import Extractor


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """The rules with the learned classifier beside them, unless $STANCEGRAPH_CLASSIFIER is
    'off' (the CLI's --no-classifier sets it). On the project's first runs on unseen real
    articles the combination raised stance F1 in six of seven batches at about the rules'
    precision (eval/README.md, round 10)."""
    return Extractor(classifier=load_classifier())


def classifier_enabled() -> bool:
    return os.environ.get("STANCEGRAPH_CLASSIFIER", "on").lower() not in ("off", "0", "no", "false")


def enable_classifier(enabled: bool = True) -> None:
    """Turn the classifier on (or off) for this process and the ingest workers it starts."""
    os.environ["STANCEGRAPH_CLASSIFIER"] = "on" if enabled else "off"
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
