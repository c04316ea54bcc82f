"""What a store holds: its articles, the surface forms each used for an actor, and counts."""

from __future__ import annotations

from ..graph.base import Store
from .named import run_question, text_or_none
from .records import ArticleRecord


def articles(store: Store, article_id: str | None = None) -> list[ArticleRecord]:
    """Every stored article (or one) with its full text, oldest first."""
    rows = run_question(store, "articles", {"article": article_id}).records()
    return [ArticleRecord(r["articleId"], r["text"], r.get("title"), r.get("url"), r.get("outlet"), r.get("author"),
                          text_or_none(r.get("published"))) for r in rows]


def mentions(store: Store) -> dict[tuple[str, str], tuple[str, ...]]:
    """(article id, actor id) -> the surface forms that article used for that actor."""
    found: dict[tuple[str, str], list[str]] = {}
    for row in run_question(store, "mentions", {}).records():
        forms = found.setdefault((row["articleId"], row["actorId"]), [])
        if row.get("form"):
            forms.append(row["form"])
    return {key: tuple(forms) for key, forms in found.items()}


def store_counts(store: Store) -> dict[str, int]:
    rows = run_question(store, "counts", {}).records()
    return {k: int(v) for k, v in rows[0].items()} if rows else {"articles": 0, "stances": 0, "relations": 0}
