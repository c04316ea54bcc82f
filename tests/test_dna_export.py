"""The DNA project export read back as DNA would: a SQLite database in DNA 3's layout whose
statements are spans of their documents, and whose congruence network equals ours."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest

from stancegraph import api
from stancegraph.graph.dna import password_digest


# DNA 3's SQLite project, as its source (sql/Sql.java, createTables) lays it out: each table
# and its columns in order. Written here from reading that code, to hold the export to it.
DNA3_TABLES = {
    "SETTINGS": ["Property", "Value"],
    "CODERS": ["ID", "Name", "Red", "Green", "Blue", "Refresh", "FontSize", "Password", "PopupWidth",
               "ColorByCoder", "PopupDecoration", "PopupAutoComplete", "PermissionAddDocuments",
               "PermissionEditDocuments", "PermissionDeleteDocuments", "PermissionImportDocuments",
               "PermissionAddStatements", "PermissionEditStatements", "PermissionDeleteStatements",
               "PermissionEditAttributes", "PermissionEditRegex", "PermissionEditStatementTypes",
               "PermissionEditCoders", "PermissionEditCoderRelations", "PermissionViewOthersDocuments",
               "PermissionEditOthersDocuments", "PermissionViewOthersStatements", "PermissionEditOthersStatements"],
    "DOCUMENTS": ["ID", "Title", "Text", "Coder", "Author", "Source", "Section", "Notes", "Type", "Date"],
    "STATEMENTTYPES": ["ID", "Label", "Red", "Green", "Blue"],
    "VARIABLES": ["ID", "Variable", "DataType", "StatementTypeId"],
    "VARIABLELINKS": ["ID", "SourceVariableId", "TargetVariableId"],
    "REGEXES": ["Label", "Red", "Green", "Blue"],
    "CODERRELATIONS": ["ID", "Coder", "OtherCoder", "viewStatements", "editStatements", "viewDocuments",
                       "editDocuments"],
    "STATEMENTS": ["ID", "StatementTypeId", "DocumentId", "Start", "Stop", "Coder"],
    "DATABOOLEAN": ["ID", "StatementId", "VariableId", "Value"],
    "DATAINTEGER": ["ID", "StatementId", "VariableId", "Value"],
    "ENTITIES": ["ID", "VariableId", "Value", "Red", "Green", "Blue", "ChildOf"],
    "DATASHORTTEXT": ["ID", "StatementId", "VariableId", "Entity"],
    "DATALONGTEXT": ["ID", "StatementId", "VariableId", "Value"],
    "ATTRIBUTEVARIABLES": ["ID", "VariableId", "AttributeVariable"],
    "ATTRIBUTEVALUES": ["ID", "EntityId", "AttributeVariableId", "AttributeValue"],
}
# The default statement type a new DNA project has, with its four variables
DNA_STATEMENT = [(1, "person", "short text"), (2, "organization", "short text"), (3, "concept", "short text"),
                 (4, "agreement", "boolean")]

@pytest.fixture(scope="module")
def store_url(corpus_store_url) -> str:
    return corpus_store_url


@pytest.fixture(scope="module")
def project(store_url, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("out") / "debate.dna"
    documents, statements = api.export_dna(store_url, str(path))
    assert documents >= 3 and statements >= 5
    return path


def rows(path: Path, query: str, *args) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(query, args).fetchall()


def test_the_project_has_dna3s_tables_and_columns(project):
    tables = {name for (name,) in rows(project, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set(DNA3_TABLES)
    for table, columns in DNA3_TABLES.items():
        assert [r[1] for r in rows(project, f"PRAGMA table_info({table})")] == columns, table
    assert rows(project, "SELECT ID, Label FROM STATEMENTTYPES") == [(1, "DNA Statement")]
    assert rows(project, "SELECT ID, Variable, DataType FROM VARIABLES WHERE StatementTypeId = 1 ORDER BY ID") == DNA_STATEMENT
    assert rows(project, "SELECT Value FROM SETTINGS WHERE Property = 'version'")[0][0].startswith("3.")
    assert rows(project, "PRAGMA foreign_key_check") == []
    assert rows(project, "PRAGMA integrity_check") == [("ok",)]


def test_every_statement_is_its_evidence_inside_its_document(project, store_url):
    spans = rows(project, "SELECT d.Text, s.Start, s.Stop FROM STATEMENTS s JOIN DOCUMENTS d ON d.ID = s.DocumentId")
    with api.opened(store_url, read_only=True) as store:
        evidence = {r.evidence for r in api.stance_statements(store)}
    assert spans and all(0 <= start < stop <= len(text) for text, start, stop in spans)
    assert {text[start:stop] for text, start, stop in spans} == evidence


def test_documents_carry_the_articles_metadata(project):
    documents = rows(project, "SELECT Title, Source, Notes, Type, Date, Coder FROM DOCUMENTS ORDER BY Date")
    assert all(coder == 1 and kind == "news" and "stancegraph article sha256:" in notes
               for _, _, notes, kind, _, coder in documents)
    seed = [d for d in documents if d[4] == 1686096000]  # 2023-06-07 00:00 UTC in seconds
    assert seed, documents


def test_statements_are_coded_with_the_four_variables(project):
    coded = rows(project, """
        SELECT s.ID, v.Variable, e.Value FROM STATEMENTS s
        JOIN DATASHORTTEXT t ON t.StatementId = s.ID JOIN VARIABLES v ON v.ID = t.VariableId
        JOIN ENTITIES e ON e.ID = t.Entity""")
    agreement = dict(rows(project, "SELECT StatementId, Value FROM DATABOOLEAN WHERE VariableId = 4"))
    statements = {s for (s,) in rows(project, "SELECT ID FROM STATEMENTS")}
    per_statement = defaultdict(dict)
    for statement, variable, value in coded:
        per_statement[statement][variable] = value
    assert set(per_statement) == statements == set(agreement)
    assert all(set(v) == {"person", "organization", "concept"} for v in per_statement.values())
    assert set(agreement.values()) <= {0, 1}
    rasmussen = [v for v in per_statement.values() if v["person"] == "Anders Fogh Rasmussen"]
    assert rasmussen and all(v["concept"] for v in rasmussen)


def test_a_mixed_stance_is_two_statements_or_none(store_url, tmp_path):
    with api.opened(store_url, read_only=True) as store:
        records = api.stance_statements(store)
    mixed = sum(r.polarity == "mixed" for r in records)
    assert mixed, "the test corpus must hold a mixed stance"
    split, skipped = tmp_path / "split.dna", tmp_path / "skip.dna"
    _, with_split = api.export_dna(store_url, str(split))
    _, with_skip = api.export_dna(store_url, str(skipped), mixed="skip")
    assert with_split == len(records) + mixed and with_skip == len(records) - mixed


def dna_congruence(path: Path) -> nx.Graph:
    """DNA's congruence network over organizations, read from the file alone: each
    organization's position on a concept is what its statements in its latest document say
    (agreement 1, 0, or both: mixed); two organizations are tied by the concepts on which
    their positions are equal."""
    statements = rows(path, """
        SELECT d.Date, d.ID, o.Value, c.Value, b.Value FROM STATEMENTS s
        JOIN DOCUMENTS d ON d.ID = s.DocumentId
        JOIN DATASHORTTEXT ot ON ot.StatementId = s.ID AND ot.VariableId = 2 JOIN ENTITIES o ON o.ID = ot.Entity
        JOIN DATASHORTTEXT ct ON ct.StatementId = s.ID AND ct.VariableId = 3 JOIN ENTITIES c ON c.ID = ct.Entity
        JOIN DATABOOLEAN b ON b.StatementId = s.ID AND b.VariableId = 4""")
    latest: dict[tuple[str, str], tuple] = {}
    agreements: dict[tuple[str, str, tuple], set[int]] = defaultdict(set)
    for date, document, organization, concept, value in statements:
        if not organization:
            continue
        key = (organization, concept)
        latest[key] = max(latest.get(key, (date, document)), (date, document))
        agreements[(organization, concept, (date, document))].add(value)
    positions: dict[str, dict[str, frozenset]] = defaultdict(dict)
    for (organization, concept), when in latest.items():
        positions[organization][concept] = frozenset(agreements[(organization, concept, when)])
    graph = nx.Graph()
    graph.add_nodes_from(positions)
    for a, b in combinations(sorted(positions), 2):
        shared = [c for c in positions[a].keys() & positions[b].keys() if positions[a][c] == positions[b][c]]
        if shared:
            graph.add_edge(a, b, weight=len(shared))
    return graph


def test_the_projects_congruence_network_equals_analyze_congruence(project, store_url):
    ours = api.analyse(store_url, "congruence", by="state")
    theirs = dna_congruence(project)
    assert sorted((min(r["actor_a"], r["actor_b"]), max(r["actor_a"], r["actor_b"]), r["weight"]) for r in ours) == \
        sorted((min(a, b), max(a, b), float(d["weight"])) for a, b, d in theirs.edges(data=True))
    assert theirs.number_of_edges() > 0


def test_the_coders_password_is_a_jasypt_strong_digest():
    digest = password_digest("stancegraph", iterations=3)
    assert len(digest) == 64  # Base64 of a 16-byte salt and a 32-byte SHA-256 digest
    assert digest == password_digest("stancegraph", iterations=3)  # the same store, the same file


def test_the_cli_writes_the_project_and_refuses_stdout(run, store_url, tmp_path):
    target = tmp_path / "p.dna"
    result = run("export", "--format", "dna", "-o", str(target), "--store", store_url)
    assert result.exit_code == 0 and "document(s)" in result.stderr and target.exists()
    assert run("export", "--format", "dna", "--store", store_url).exit_code == 2
