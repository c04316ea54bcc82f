"""stancegraph: who holds which position on which policy question, and the sentence that says so."""

from .loaders import load_article, load_articles
from .loaders.extract import extract
from .model import Actor, Article, Evidence, Extraction, Relation, Stance

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Evidence", "Extraction", "Relation", "Stance", "extract",
    "load_article", "load_articles",
]
