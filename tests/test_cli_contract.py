"""Every command keeps the README's promise: bad and impossible dates, empty answers in every
format, missing output folders and unknown names each give exit status 1 or 2 and one line on
stderr naming the problem, never a traceback."""

import json

import pytest

from stancegraph.graph import open_store
from stancegraph.loaders import load_article
from stancegraph.loaders.extract import extract

from .conftest import DATA

BAD = "2023/06/07"  # a day-month order is refused, never guessed
IMPOSSIBLE = "2023-02-30"
MISSING = "/nonexistent-folder/sub/out"

DATED = [  # every command with a date option, and the option
    (["stances"], "--as-of"), (["stances"], "--since"), (["stances"], "--until"), (["stances", "--matrix"], "--as-of"),
    (["changes"], "--since"), (["changes"], "--until"), (["coalitions"], "--as-of"), (["coalitions", "--pairs"], "--since"),
    (["relations"], "--at"), (["actor", "Germany"], "--as-of"), (["viz", "-o", "x.html"], "--since"),
    (["analyze", "congruence"], "--until"), (["export", "--format", "gexf"], "--as-of"),
    (["ingest", str(DATA / "poland-2023.txt")], "--published"), (["extract", str(DATA / "poland-2023.txt")], "--published"),
]
EMPTY = [  # a question with no answer in the corpus store
    ["stances", "--since", "2030-01-01"], ["stances", "--matrix", "--since", "2030"], ["evidence", "Lithuania", "troops"],
    ["timeline", "Lithuania", "troops"], ["changes", "--since", "2030"], ["coalitions", "--as-of", "2000"],
    ["coalitions", "--pairs", "--as-of", "2000"], ["relations", "--predicate", "ambassador_to"],
    ["analyze", "conflict", "--since", "2030"], ["stances", "--by", "state", "--until", "2000-12"],
    ["sparql", "SELECT ?s WHERE { ?s a sg:Nothing }"],
]
UNKNOWN = [  # a name that matches nothing, and what the message says
    (["stances", "wheather"], "unknown topic 'wheather'"), (["actor", "Nobody Atall"], "unknown actor 'Nobody Atall'"),
    (["evidence", "Germany", "wheather"], "unknown topic"), (["timeline", "Nobody Atall", "invitation"], "unknown actor"),
    (["relations", "--predicate", "advices"], "unknown predicate 'advices' (did you mean: advises"),
    (["relations", "Nobody Atall"], "unknown actor"), (["coalitions", "wheather"], "unknown topic"),
    (["changes", "wheather"], "unknown topic"), (["analyze", "centrality", "--topic", "wheather"], "unknown topic"),
    (["viz", "--topic", "wheather", "-o", "x.html"], "unknown topic"), (["stances", "--by", "province"], "invalid value for '--by'"),
    (["stances", "--bogus"], "no such option '--bogus'"), (["frobnicate"], "no such command 'frobnicate'"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    url = f"oxigraph:{tmp_path_factory.mktemp('contract') / 'store'}"
    writer = open_store(url)
    writer.write([extract(load_article(str(p))) for p in sorted((DATA / "corpus").glob("*.txt"))])
    writer.close()
    return url


def one_error_line(result) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def with_store(args, store):
    needs_store = args[0] not in ("extract", "topics", "eval")
    return [*args, "--store", store] if needs_store else list(args)


@pytest.mark.parametrize("args, option", DATED, ids=lambda v: " ".join(v) if isinstance(v, list) else v)
@pytest.mark.parametrize("value, reason", [(BAD, "is ambiguous (day or month first?)"),
                                           (IMPOSSIBLE, "is not a calendar date (February 2023 has 28 days)")])
def test_a_bad_date_is_a_usage_error_naming_option_and_value(run, store, tmp_path, monkeypatch, args, option, value, reason):
    monkeypatch.chdir(tmp_path)
    result = run(*with_store(args, store), option, value)
    assert result.exit_code == 2
    line = one_error_line(result)
    assert f"'{option}'" in line and f"'{value}' {reason}" in line
    assert result.stdout == ""


@pytest.mark.parametrize("args", EMPTY, ids=" ".join)
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_an_empty_answer_is_valid_output_in_every_format(run, store, args, fmt):
    result = run(*with_store(args, store), "--format", fmt)
    assert result.exit_code == 0 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1  # the "no … found" message
    if fmt == "json":
        assert json.loads(result.stdout) == []
    elif fmt == "csv":
        assert len(result.stdout.splitlines()) == 1  # the header
    else:
        assert result.stdout.strip() == ""


@pytest.mark.parametrize("args, path", [
    (["export", "-o"], MISSING + ".ttl"), (["export", "--format", "gexf", "-o"], MISSING + ".gexf"),
    (["export", "--format", "dna-csv", "-o"], MISSING + ".csv"), (["export", "--format", "dna", "-o"], MISSING + ".dna"),
    (["viz", "-o"], MISSING + ".html"),
], ids=lambda v: " ".join(v) if isinstance(v, list) else v)
def test_a_missing_output_folder_is_one_line_naming_the_path(run, store, args, path):
    result = run(*args, path, "--store", store)
    assert result.exit_code == 1
    assert one_error_line(result) == f"error: {path}: cannot write (No such file or directory)"


def test_eval_of_a_missing_gold_file_names_it(run):
    result = run("eval", "/nonexistent.gold.json")
    assert result.exit_code == 1
    assert one_error_line(result) == "error: /nonexistent.gold.json: cannot read (No such file or directory)"


@pytest.mark.parametrize("args, message", UNKNOWN, ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_an_unknown_name_is_one_line_with_suggestions(run, store, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run(*with_store(args, store))
    assert result.exit_code == (2 if message.startswith(("invalid", "no such")) else 1)
    assert message in one_error_line(result)


def test_help_has_a_short_alias_everywhere(run):
    from stancegraph.cli import cli

    for name in cli.commands:
        result = run(name, "-h")
        assert result.exit_code == 0 and result.stdout.startswith("Usage: "), name


def test_actor_refuses_csv_with_a_hint(run, store):
    result = run("actor", "Germany", "--format", "csv", "--store", store)
    assert result.exit_code == 1
    assert "use --format json or jsonl" in one_error_line(result)


def test_gexf_without_output_goes_to_stdout(run, store):
    result = run("export", "--format", "gexf", "--store", store)
    assert result.exit_code == 0 and result.stdout.splitlines()[1].startswith("<gexf") and "Germany" in result.stdout


def test_delete_never_creates_a_store(run, tmp_path):
    result = run("delete", "https://example.org/x", "--store", f"oxigraph:{tmp_path / 'new'}")
    assert result.exit_code == 1 and "no store at" in one_error_line(result)
    assert not (tmp_path / "new").exists()


def test_validate_refuses_a_property_graph_store_in_one_line(run, falkordb_url):
    result = run("validate", "--store", falkordb_url)
    assert result.exit_code == 2
    assert "validate checks RDF stores" in one_error_line(result)


def test_conflict_without_opposites_says_so(run, store):
    result = run("analyze", "conflict", "--topic", "security", "--store", store)
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.strip() == "positions found, but no two actors hold opposite ones on a topic"


def test_tables_wrap_free_text_but_never_cut_an_id():
    from stancegraph.output import render

    rows = [{"actor": "Anders Fogh Rasmussen", "topic": "security_guarantees_outside_nato", "polarity": "support",
             "last_date": "2023-06-07", "stale": "stale",
             "evidence": "Estonia and Latvia want security guarantees for Kyiv, outside the NATO framework for now."}]
    text = render(rows, "table", ["actor", "topic", "polarity", "last_date", "stale", "evidence"], "evidence", width=80)
    assert "security_guarantees_outside_nato" in text.splitlines()[2]
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "Rasmussen" in text and "Anders Fogh Rasmussen" not in text.splitlines()[2]  # the name wraps at a space


def test_ingest_on_a_terminal_shows_done_total_rate_and_a_summary(tmp_path):
    """A real pseudo-terminal: the progress bar counts up to the number of articles."""
    import os
    import pty
    import subprocess
    import sys

    import fcntl
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    done = subprocess.run([sys.executable, "-m", "stancegraph", "ingest", str(DATA / "corpus"), "--workers", "1",
                           "--store", f"oxigraph:{tmp_path / 'store'}"], stdin=follower, stdout=follower,
                          stderr=follower, timeout=300)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert done.returncode == 0
    assert "6/6" in screen and "article/s" in screen
    assert "ingested 6 article(s)" in screen


def test_ingest_report_to_a_missing_folder_keeps_the_summary(run, tmp_path):
    result = run("ingest", str(DATA / "poland-2023.txt"), "--store", f"oxigraph:{tmp_path / 'store'}",
                 "--report", MISSING + ".jsonl")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-2].startswith("ingested 1 article(s)")
    assert lines[-1] == f"error: {MISSING}.jsonl: cannot write (No such file or directory)"
