"""stancegraph: who holds which position on which policy question, and the sentence that says so."""

from .loaders import load_article, load_articles
from .model import Actor, Article, Evidence, Extraction, Relation, Stance

__version__ = "0.1.0"



def __getattr__(name: str):
    if name == "extract":  # the pipeline loads on first use, so that questions start fast
        from .loaders.extract import extract

        return extract
    raise AttributeError(f"module 'stancegraph' has no attribute {name!r}")


__all__ = [
    "Actor", "Article", "Evidence", "Extraction", "Relation", "Stance", "extract",
    "load_article", "load_articles",
]
