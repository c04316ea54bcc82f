"""Stores, chosen by URL scheme and registered the way a plugin would register."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache

from ..errors import StoreError
from .base import QueryResult, Store

DEFAULT_STORE = "oxigraph:./stancegraph-data"
Opener = Callable[[str, bool], Store]
SCHEMES: dict[str, Opener] = {}


def register_store(scheme: str, opener: Opener) -> None:
    """Make a store kind available under a URL scheme (entry-point group 'stancegraph.stores')."""
    SCHEMES[scheme] = opener


def _open_oxigraph(url: str, read_only: bool) -> Store:
    from .oxigraph_store import open_oxigraph

    return open_oxigraph(url, read_only)


def _open_sparql_http(url: str, read_only: bool) -> Store:
    from .sparql_http import open_sparql_http

    return open_sparql_http(url, read_only)


def _open_falkordb(url: str, read_only: bool) -> Store:
    from .cypher_store import open_falkordb

    return open_falkordb(url, read_only)


def _open_neo4j(url: str, read_only: bool) -> Store:
    from .cypher_store import open_neo4j

    return open_neo4j(url, read_only)


register_store("oxigraph", _open_oxigraph)
register_store("falkordb", _open_falkordb)
for _scheme in ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"):
    register_store(_scheme, _open_neo4j)
register_store("memory", _open_oxigraph)
register_store("sparql+http", _open_sparql_http)
register_store("sparql+https", _open_sparql_http)


@lru_cache(maxsize=1)
def _load_plugins() -> None:
    """Third-party store kinds, looked up only for a scheme the built-ins do not know."""
    from importlib.metadata import entry_points

    for point in entry_points(group="stancegraph.stores"):
        register_store(point.name, point.load())


def store_url(url: str | None = None) -> str:
    return url or os.environ.get("STANCEGRAPH_STORE") or DEFAULT_STORE


def open_store(url: str | None = None, read_only: bool = False) -> Store:
    """Open the store a URL names: oxigraph:PATH, memory:, sparql+http://HOST:PORT/query, …"""
    chosen = store_url(url)
    scheme = chosen.split(":", 1)[0].lower()
    if scheme not in SCHEMES:
        _load_plugins()
    if scheme not in SCHEMES:
        known = ", ".join(f"{s}:" for s in sorted(SCHEMES))
        raise StoreError(f"{chosen}: unknown store kind (known: {known})")
    return SCHEMES[scheme](chosen, read_only)


__all__ = ["DEFAULT_STORE", "QueryResult", "Store", "open_store", "register_store", "store_url"]
