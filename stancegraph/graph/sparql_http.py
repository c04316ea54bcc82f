"""Any SPARQL 1.1 Protocol + Update server: sparql+http://HOST:PORT/PATH[?update=/PATH].

The query endpoint is the URL's path; the update endpoint is the 'update' parameter, else the
path with a final '/query' turned into '/update' (Oxigraph, Fuseki), else the same path."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode

from ..errors import QueryError, StoreError
from .sparql_store import SparqlStore, to_python

CONNECT_TIMEOUT = 5.0
QUERY_TIMEOUT = 120.0


class HttpTransport:
    def __init__(self, url: str, query_endpoint: str, update_endpoint: str):
        self.url = url
        self.query_endpoint = query_endpoint
        self.update_endpoint = update_endpoint

    def _post(self, endpoint: str, body: str, content_type: str, accept: str, timeout: float) -> bytes:
        request = urllib.request.Request(
            endpoint, data=body.encode("utf-8"), method="POST",
            headers={"Content-Type": content_type + "; charset=utf-8", "Accept": accept},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.read()
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace").strip().splitlines()
            message = detail[0] if detail else err.reason
            if 400 <= err.code < 500 and err.code not in (401, 403, 404):
                raise QueryError(f"{self.url}: query refused ({err.code}): {message}") from None
            raise StoreError(f"{self.url}: server answered {err.code} ({message})") from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise StoreError(f"{self.url}: cannot reach the SPARQL server ({reason})") from None

    def _results(self, query: str, timeout: float = QUERY_TIMEOUT) -> dict:
        raw = self._post(self.query_endpoint, query, "application/sparql-query",
                         "application/sparql-results+json", timeout)
        try:
            return json.loads(raw)
        except ValueError:
            raise QueryError(f"{self.url}: only SELECT and ASK queries are supported over HTTP") from None

    def select(self, query: str, raw: bool = False) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
        data = self._results(query)
        if "boolean" in data:
            return ("ask",), [(bool(data["boolean"]),)]
        columns = tuple(data["head"].get("vars", []))
        convert = (lambda t: t) if raw else to_python
        rows = [tuple(convert(_term(b.get(c))) for c in columns) for b in data["results"]["bindings"]]
        return columns, rows

    def ask(self, query: str) -> bool:
        return bool(self._results(query).get("boolean"))

    def update(self, update: str) -> None:
        self._post(self.update_endpoint, update, "application/sparql-update", "*/*", QUERY_TIMEOUT)

    def probe(self) -> None:
        self._results("ASK { ?s ?p ?o }", timeout=CONNECT_TIMEOUT)

    def close(self) -> None:
        pass


def _term(binding: dict | None):
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return NamedNode(value)
    if kind == "bnode":
        return BlankNode(value)
    if "xml:lang" in binding:
        return Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return Literal(value, datatype=NamedNode(binding["datatype"]))
    return Literal(value)


def endpoints(url: str) -> tuple[str, str]:
    parsed = urllib.parse.urlsplit(url.replace("sparql+", "", 1))
    params = urllib.parse.parse_qs(parsed.query)
    path = parsed.path or "/query"
    base = f"{parsed.scheme}://{parsed.netloc}"
    if "update" in params:
        update = params["update"][0]
    elif path.endswith("/query"):
        update = path[: -len("/query")] + "/update"
    else:
        update = path
    return base + path, base + update


def open_sparql_http(url: str, read_only: bool = False) -> SparqlStore:
    query, update = endpoints(url)
    transport = HttpTransport(url, query, update)
    transport.probe()
    return SparqlStore(url, transport, read_only, shared=True)
