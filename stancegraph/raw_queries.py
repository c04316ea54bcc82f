"""Raw SPARQL and Cypher from the user: parameters bound and typed safely, a time limit, read-only
unless asked, errors pointing into the user's own query."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .dates import parse_day
from .errors import QueryError, StanceGraphError
from .graph.base import QueryResult, Store
from .ontology.namespace import PREFIXES
from .store_session import opened


QUERY_TIMEOUT = 60.0  # seconds a raw query may run before the answer is given up


def sparql(store_url: str | None, query: str, params: dict[str, Any] | None = None,
           timeout: float | None = QUERY_TIMEOUT) -> QueryResult:
    """A raw SPARQL query; the usual prefixes (sg:, schema:, skos:, prov:, …) are predeclared.
    Past `timeout` seconds (None: no limit) it fails with QueryError."""
    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    with opened(store_url, read_only=True) as store:
        _require_language(store, "sparql")
        try:
            return _within(timeout, lambda: store.query(prologue + query, params))
        except QueryError as err:  # positions in the user's query, not in the one with the prefixes
            raise QueryError(_ERROR_AT.sub(lambda m: _shifted(m, prologue.count("\n")), str(err))) from None


_ERROR_AT = re.compile(r"\b(\d+):(\d+)\b")


def _shifted(match: re.Match, lines: int) -> str:
    line = int(match.group(1)) - lines
    return f"{line}:{match.group(2)}" if line > 0 else match.group(0)


def split_param(text: str) -> tuple[str, str]:
    """A raw query's NAME=VALUE parameter as strings (a leading ? or $ on the name dropped)."""
    name, sep, value = text.partition("=")
    if not sep or not name.lstrip("?$"):
        raise StanceGraphError(f"--param takes NAME=VALUE, not {text!r}")
    return name.lstrip("?$"), value


def query_param(text: str) -> tuple[str, Any]:
    """A raw query's NAME=VALUE parameter, typed as the value reads: YYYY-MM-DD a date, an
    integer or decimal a number, true/false a boolean, <…> an IRI, anything else a string;
    NAME:str=VALUE keeps it a string. Raises StanceGraphError on a malformed parameter."""
    import datetime
    from decimal import Decimal

    name, value = split_param(text)
    name, _, kind = name.partition(":")
    if not name or kind not in ("", "str"):
        raise StanceGraphError(f"--param takes NAME=VALUE or NAME:str=VALUE, not {text!r}")
    if kind == "str":
        return name, value
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return name, datetime.date.fromisoformat(parse_day(value, f"--param {name}"))
    if re.fullmatch(r"-?\d+", value):
        return name, int(value)
    if re.fullmatch(r"-?\d+\.\d+", value):
        return name, Decimal(value)
    if value in ("true", "false"):
        return name, value == "true"
    return name, value


def cypher(store_url: str | None, query: str, params: dict[str, Any] | None = None,
           timeout: float | None = QUERY_TIMEOUT, write: bool = False) -> QueryResult:
    """A raw Cypher query, parameters passed as $name (a parameter the query names but `params`
    lacks is null, so the named .cypher files run as they are); past `timeout` seconds it
    fails. It may not write unless `write` is set: the engine itself refuses (a read
    transaction on Neo4j, GRAPH.RO_QUERY on FalkorDB)."""
    named = {name: None for name in _CYPHER_PARAMETER.findall(_without_cypher_text(query))}
    bound = {**named, **(params or {})}
    with opened(store_url, read_only=not write) as store:
        _require_language(store, "cypher")
        run = store.execute if write else store.query
        return _within(timeout, lambda: run(query, bound))


_CYPHER_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_CYPHER_TEXT = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*")


def _without_cypher_text(query: str) -> str:
    """The query less its string literals, quoted names and comments, where a '$' is text."""
    return _CYPHER_TEXT.sub(" ", query)


def _within(timeout: float | None, run: Callable[[], QueryResult]) -> QueryResult:
    """The query's answer, or QueryError once `timeout` seconds pass. The query runs in a
    daemon thread: an embedded engine cannot be interrupted, so it is left behind (a server
    finishes it on its own) and ends with the process."""
    import threading

    if not timeout:
        return run()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["result"] = run()
        except BaseException as err:  # noqa: BLE001 - handed to the caller's thread
            outcome["error"] = err

    thread = threading.Thread(target=work, daemon=True, name="stancegraph-query")
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise QueryError(f"the query ran longer than {timeout:g} s and was given up (raise --timeout, or 0 for none)")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def _require_language(store: Store, language: str) -> None:
    if store.language != language:
        raise StanceGraphError(f"{store.url}: this store speaks {store.language}; use stancegraph {store.language}")
