"""The command line: output, exit codes and one-line errors."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from stancegraph.cli import cli
from stancegraph.graph import open_store

from .conftest import DATA

ROOT = Path(__file__).parents[1]
SCHEMA = json.loads((ROOT / "stancegraph/ontology/extraction.schema.json").read_text())


def test_demo_prints_the_stance_table(tmp_path):
    """The README's first command ends with this table, built from the bundled seed article."""
    env = {**os.environ, "STANCEGRAPH_STORE": f"oxigraph:{tmp_path / 'demo'}"}
    done = subprocess.run([sys.executable, "-m", "stancegraph", "demo"], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["actor", "topic", "polarity", "n", "last_date", "stale"]
    assert re.search(r"Germany\s+invitation_or_clear_path\s+mixed", done.stdout)
    assert re.search(r"Anders Fogh\s+map_required\s+oppose\s+1/1\s+2023-06-07\s*\nRasmussen", done.stdout)
    assert "Germany remains wary of going too far" in " ".join(done.stdout.split())
    assert all(len(line) <= 80 for line in lines)


def test_extract_json_validates_against_the_schema(run, seed_path):
    result = run("extract", seed_path, "--published", "2023-06-07", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    text = data["article"]["text"]
    for fact in data["stances"] + data["relations"]:
        ev = fact["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_extract_is_byte_for_byte_repeatable(run, seed_path):
    first = run("extract", seed_path, "--published", "2023-06-07").stdout
    assert first == run("extract", seed_path, "--published", "2023-06-07").stdout


def test_ingest_then_stances_in_every_format(run, disk_url):
    assert run("ingest", str(DATA / "poland-2023.txt"), str(DATA / "germany-2024.txt"), "--store", disk_url).exit_code == 0
    table = run("stances", "invitation", "--store", disk_url)
    assert re.search(r"Germany\s+invitation_or_clear_path\s+support", table.stdout)
    rows = json.loads(run("stances", "--store", disk_url, "--format", "json").stdout)
    assert {(r["actor"], r["topic"], r["polarity"]) for r in rows} >= {
        ("Poland", "invitation_or_clear_path", "support"), ("Hungary", "ukraine_membership", "oppose")}
    lines = run("stances", "--store", disk_url, "--format", "jsonl").stdout.splitlines()
    assert len(lines) == len(rows)
    csv_out = run("stances", "--store", disk_url, "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("actor_id,actor,") and len(csv_out) == len(rows) + 1


def test_no_answer_is_exit_zero_with_a_message(run, disk_url):
    run("ingest", str(DATA / "poland-2023.txt"), "--store", disk_url)
    result = run("stances", "troops", "--store", disk_url)
    assert result.exit_code == 0 and result.stdout == "" and "no statements found" in result.stderr


def test_actor_profile(run, disk_url, seed_path):
    run("ingest", seed_path, "--published", "2023-06-07", "--store", disk_url)
    result = run("actor", "Zelenskiy", "--store", disk_url)
    assert result.exit_code == 0
    assert "Volodymyr Zelensky" in result.stdout and "president_of" in result.stdout and "advises" in result.stdout


def test_unknown_topic_suggests(run, disk_url):
    result = run("stances", "invitaton", "--store", disk_url)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: unknown topic 'invitaton' (did you mean: invitation_or_clear_path")
    assert len(result.stderr.strip().splitlines()) == 1


def test_sparql_on_embedded_and_http_stores_agree(run, disk_url, oxigraph_server, seed_path):
    query = "SELECT ?name WHERE { GRAPH ?g { ?s sg:holder ?a } ?a sg:name ?name } ORDER BY ?name"
    answers = []
    for url in (disk_url, oxigraph_server):
        assert run("ingest", seed_path, "--published", "2023-06-07", "--store", url).exit_code == 0
        result = run("sparql", query, "--store", url, "--format", "json")
        assert result.exit_code == 0
        answers.append(json.loads(result.stdout))
    assert answers[0] == answers[1] and {"name": "Germany"} in answers[0]


def test_sparql_parameters(run, disk_url, seed_path):
    run("ingest", seed_path, "--published", "2023-06-07", "--store", disk_url)
    query = "SELECT ?id WHERE { ?a sg:name ?name ; sg:id ?id }"
    result = run("sparql", query, "--param", "name=Germany", "--store", disk_url, "--format", "csv")
    assert result.stdout.splitlines() == ["id", "wd:Q183"]


def test_malformed_sparql_is_one_line_and_changes_nothing(run, disk_url, seed_path):
    run("ingest", seed_path, "--published", "2023-06-07", "--store", disk_url)
    before = run("export", "--format", "nquads", "--store", disk_url).stdout
    result = run("sparql", "SELEC ?x WHERE {", "--store", disk_url)
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "malformed SPARQL query" in result.stderr
    assert run("export", "--format", "nquads", "--store", disk_url).stdout == before


def test_validate_passes_on_the_demo_graph(run, disk_url):
    assert run("demo", "--store", disk_url).exit_code == 0
    result = run("validate", "--store", disk_url)
    assert result.exit_code == 0 and "conforms" in result.stderr


def test_validate_names_the_failing_node_and_shape(run, disk_url):
    run("demo", "--store", disk_url)
    store = open_store(disk_url)
    store.transport.update(
        "INSERT DATA { GRAPH <https://w3id.org/stancegraph/graph/broken> { "
        "<https://w3id.org/stancegraph/statement/broken> a <https://w3id.org/stancegraph/ns#StanceStatement> ; "
        "<https://w3id.org/stancegraph/ns#polarity> <https://w3id.org/stancegraph/ns#support> } }")
    store.close()
    result = run("validate", "--store", disk_url)
    assert result.exit_code == 1
    assert "https://w3id.org/stancegraph/statement/broken" in result.stdout
    assert "StanceStatementShape" in result.stdout and "holder" in result.stdout


def test_validate_on_a_missing_store_is_status_two(run, tmp_path):
    result = run("validate", "--store", f"oxigraph:{tmp_path / 'none'}")
    assert result.exit_code == 2 and result.stderr.startswith("error: ")


@pytest.mark.parametrize("fmt, marker", [("turtle", b"@prefix sg:"), ("nquads", b"<https://w3id.org/stancegraph/graph/shared> ."),
                                         ("trig", b"<https://w3id.org/stancegraph/graph/shared> {"), ("jsonld", b"\"@id\"")])
def test_export_formats(run, disk_url, fmt, marker, tmp_path):
    run("demo", "--store", disk_url)
    out = tmp_path / f"graph.{fmt}"
    assert run("export", "--format", fmt, "-o", str(out), "--store", disk_url).exit_code == 0
    assert marker in out.read_bytes()


def test_jsonld_export_parses_back(run, disk_url, tmp_path):
    import rdflib

    run("demo", "--store", disk_url)
    out = tmp_path / "graph.jsonld"
    run("export", "--format", "jsonld", "-o", str(out), "--store", disk_url)
    dataset = rdflib.Dataset()
    dataset.parse(out, format="json-ld")
    assert len(dataset) > 100


# ---- bad input through the CLI: one line naming the file, exit 1, nothing lost ---------------

def _bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "binary": tmp_path / "photo.txt", "empty": tmp_path / "empty.txt",
        "latin1": tmp_path / "latin1.txt", "truncated": tmp_path / "cut.html",
    }
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 50)
    files["empty"].write_bytes(b"")
    files["latin1"].write_bytes("Poland supports an invitation, a minister said in Kraków.".encode("latin-1"))
    files["truncated"].write_bytes(b"<html><head><title>t</title></head><body><p")
    return files


@pytest.mark.parametrize("kind", ["binary", "empty", "latin1", "truncated"])
def test_each_bad_file_alone(run, disk_url, tmp_path, kind):
    path = _bad_files(tmp_path)[kind]
    result = run("ingest", str(path), "--store", disk_url)
    assert result.exit_code == 1
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 1 and str(path) in skipped[0]


def test_missing_path_and_empty_folder(run, disk_url, tmp_path):
    (tmp_path / "empty").mkdir()
    for source in (str(tmp_path / "missing.txt"), str(tmp_path / "empty")):
        result = run("ingest", source, "--store", disk_url)
        assert result.exit_code == 1 and source in result.stderr


def test_a_batch_ingests_the_good_and_lists_the_bad(run, disk_url, tmp_path):
    bad = _bad_files(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text((DATA / "poland-2023.txt").read_text())
    result = run("ingest", str(tmp_path), "--store", disk_url)
    assert result.exit_code == 0
    for path in bad.values():
        assert str(path) in result.stderr
    assert "ingested 1 article(s)" in result.stderr
    assert "Poland" in run("stances", "--store", disk_url).stdout
    assert run("ingest", str(tmp_path), "--strict", "--store", disk_url).exit_code == 1


def test_locked_store_through_the_cli(run, disk_url):
    holder = open_store(disk_url)
    try:
        result = run("ingest", str(DATA / "poland-2023.txt"), "--store", disk_url)
    finally:
        holder.close()
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"error: {disk_url}: another process is writing to this store; wait for it to "
                                     "finish (questions such as stancegraph stances can read it meanwhile)")


def test_every_command_is_in_the_readme_with_help_and_an_example():
    readme = (ROOT / "README.md").read_text()
    for name, command in cli.commands.items():
        assert f"stancegraph {name}" in readme, f"README lacks stancegraph {name}"
        assert "Example: stancegraph" in (command.help or ""), f"{name} --help has no example"
