"""Every Cypher query the project sends, checked by Neo4j's own parser and linter (the npm
package @neo4j-cypher/language-support, run under Node.js; installed by the README's test
command into tests/cypher-lint), not by regular expressions."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from stancegraph.graph import cypher_mapping, cypher_summaries

LINT = Path(__file__).with_name("cypher-lint")
QUERIES = Path(__file__).parents[1] / "stancegraph" / "queries"
CLAUSES = ("MATCH", "MERGE", "UNWIND", "CREATE", "RETURN", "CALL")


def lint(queries: list[str]) -> list[list[dict]]:
    if not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").is_dir() or not shutil.which("node"):
        pytest.fail("Neo4j's Cypher linter is not installed: run `npm ci` in tests/cypher-lint (the README's "
                    "test command does)")
    done = subprocess.run(["node", "lint.mjs"], cwd=LINT, input=json.dumps(queries), capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def project_queries() -> dict[str, str]:
    """The named .cypher files and the store's own statements (module constants)."""
    found = {path.name: path.read_text(encoding="utf-8") for path in sorted(QUERIES.glob("*.cypher"))}
    for module in (cypher_mapping, cypher_summaries):
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, str) and value.lstrip().upper().startswith(CLAUSES):
                found[f"{module.__name__.rsplit('.', 1)[-1]}.{name}"] = value
    return found


def test_the_linter_finds_real_errors():
    good, bad = lint(["MATCH (n:Actor) RETURN n.id AS id", "MATCH (n:Actor WHERE RETURN n"])
    assert good == [] and bad


def test_every_query_the_project_sends_parses():
    queries = project_queries()
    assert len(queries) >= 20
    errors = dict(zip(queries, lint(list(queries.values()))))
    assert {name: found for name, found in errors.items() if found} == {}
