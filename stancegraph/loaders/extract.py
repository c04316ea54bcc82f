"""The extraction entry point: a shared Extractor, built on first use."""

from __future__ import annotations

from functools import lru_cache

from ..model import Article, Extraction
from .pipeline import Extractor


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()


def extract(article: Article) -> Extraction:
    """Actors, relations and stances of one article."""
    return default_extractor().extract(article)
