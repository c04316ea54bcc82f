"""Hostile and oversized input: bounded work per article, one bad record loses only itself,
nothing the tool prints or writes carries control sequences, formulas or half a file."""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree

import pytest

from bench.extract import SIZE_SENTENCES as SENTENCES  # news sentences with quotations, speakers and cues
from bench.extract import one_paragraph

from stancegraph.errors import InputError
from stancegraph.api import opened
from stancegraph.ingest import ingest, usable_workers
from stancegraph.limits import Limits
from stancegraph.loaders import load_articles
from stancegraph.loaders.article_state import ArticleTooSlow
from stancegraph.loaders.pipeline import Extractor
from stancegraph.model import Actor, Article, Evidence, Extraction, Stance
from stancegraph.queries import stance_statements

# C0 and C1 controls but tab, line feed and carriage return
CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")


def cli(*args: str, stdin: bytes | None = None, **popen) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "stancegraph", *args], input=stdin, capture_output=True,
                          timeout=300, **popen)


@pytest.mark.slow
def test_extraction_time_grows_linearly_with_a_single_paragraph():
    extractor = Extractor()
    extractor.extract(Article(SENTENCES[0], published="2023-01-01"))

    def seconds(size: int) -> float:
        article = Article(one_paragraph(size), published="2023-01-01")
        started = time.perf_counter()
        extraction = extractor.extract(article)
        assert extraction.stances  # the work was real
        return time.perf_counter() - started

    small, large = seconds(250_000), seconds(1_000_000)
    # four times the text: linear work takes about 4x (less, once the parse budget is spent);
    # work that grows with the square would take 16x
    assert large / small < 6, (small, large)


def test_an_article_over_its_time_budget_is_skipped_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-huge.txt").write_text("Date: 2023-01-01\n\n" + one_paragraph(300_000))
    for i in range(3):
        (folder / f"b{i}.txt").write_text(f"Date: 2023-01-0{i + 1}\n\n{SENTENCES[0]} (report {i})")
    with opened(f"oxigraph:{tmp_path / 'store'}") as store:
        report = ingest([str(folder)], store, workers=2, limits=Limits(max_seconds=0.5))
        assert report.articles == 3
        assert len(report.failures) == 1 and "a-huge.txt" in report.failures[0]
        assert "time limit" in report.failures[0] and "--max-article-seconds" in report.failures[0]
        assert len(stance_statements(store)) == 3


def test_the_time_budget_is_kept_within_a_fraction_of_a_second():
    extractor = Extractor()
    article = Article(one_paragraph(300_000), published="2023-01-01")
    started = time.perf_counter()
    with pytest.raises(ArticleTooSlow, match="0.3 s"):
        extractor.extract(article, time_limit=0.3)
    assert time.perf_counter() - started < 3  # not the ~10 s the whole article takes


def test_a_surrogate_and_a_deep_record_lose_only_themselves(tmp_path):
    lines = []
    for i in range(40):
        record = {"title": f"Article {i}", "text": f"{SENTENCES[0]} ({i})", "date": "2023-05-01"}
        line = json.dumps(record)
        if i == 5:
            line = line.replace(f'"Article {i}"', '"\\ud800 title"')
        if i == 9:
            line = "[" * 200_000 + "]" * 200_000
        lines.append(line)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n")
    with opened(f"oxigraph:{tmp_path / 'store'}") as store:
        report = ingest([str(corpus)], store)
        assert report.articles == 38
        assert sorted(report.failures) == [
            f"{corpus}:10: JSON nested too deeply to be an article",
            f"{corpus}:6: invalid text in title (lone surrogate \\ud800, not Unicode)",
        ]
        again = ingest([str(corpus)], store, resume=True)
        assert again.resumed == 38 and len(again.failures) == 2


def test_devices_fifos_and_oversized_inputs_are_refused_unread(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    big = tmp_path / "big.txt"
    big.write_text("Date: 2023-01-01\n\n" + one_paragraph(2_000))
    records = tmp_path / "records.jsonl"
    long_record = json.dumps({"text": one_paragraph(5_000)}) + "\n"
    records.write_text(long_record + json.dumps({"text": SENTENCES[0]}) + "\n")
    got = list(load_articles(["/dev/zero", str(fifo), str(big), str(records)], max_bytes=1_000))
    errors = [str(item) for item in got if isinstance(item, InputError)]
    assert errors == [
        "/dev/zero: not a regular file (a device, FIFO or socket); pipe it to stdin as '-' instead",
        f"{fifo}: not a regular file (a device, FIFO or socket); pipe it to stdin as '-' instead",
        f"{big}: {big.stat().st_size / 1000:.3g} KB is over the 1 KB limit for one article (raise it with "
        "--max-article-size)",
        f"{records}:1: {len(long_record) / 1000:.3g} KB is over the 1 KB limit for one article (raise it with "
        "--max-article-size)",
    ]
    assert [a.text for a in got if isinstance(a, Article)] == [SENTENCES[0]]


def test_stdin_is_read_no_further_than_the_limit(tmp_path):
    result = cli("ingest", "-", "--store", f"oxigraph:{tmp_path / 'store'}", "--max-article-size", "10KB",
                 stdin=b"a" * 50_000_000)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines()[0] == (
        "skipped: <stdin>: more than the 10 KB limit for one article (raise it with --max-article-size)")


def test_a_refused_write_loses_only_its_article(tmp_path):
    """A store refusing one article (here a real one: its literal cannot be stored) keeps the
    rest of the batch."""
    good = [Extraction(Article(f"Text {i}.", title=f"Good {i}", published="2023-01-01")) for i in range(3)]
    bad = Extraction(Article("Text bad.", title="Bad \ud800", published="2023-01-01", source="bad.txt"))
    with opened(f"oxigraph:{tmp_path / 'store'}") as store:
        from stancegraph.ingest import IngestReport, _flush

        report = IngestReport()
        _flush([good[0], bad, good[1], good[2]], store, report, None)
        assert report.articles == 3
        assert len(report.failures) == 1 and report.failures[0].startswith("bad.txt: the store refused it")
        assert all(store.has_article(e.article.id) for e in good)


def test_workers_are_capped_by_the_machine():
    workers, note = usable_workers(10_000)
    assert 1 <= workers <= (os.cpu_count() or 1)
    assert note.startswith("--workers 10000 lowered to ")
    assert usable_workers(1) == (1, None)


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    """A store holding text full of terminal control sequences and spreadsheet formulas,
    written through the library (which stores what it is given) so that every output path
    meets them, not only what ingest cleans."""
    folder = tmp_path_factory.mktemp("hostile")
    text = "Poland supports Ukraine's NATO membership \x1b]0;owned\x07 \x1b[2J\x9b31m, said =cmd|' /C calc'!A0."
    article = Article(text, title="=HYPERLINK(\"http://x\")\x1b[5m\x00", url="http://example.org/a",
                      outlet="@SUM(1)\x08", published="2023-05-01")
    stance = Stance("wd:Q36", "ukraine_membership", "support", "self", "wd:Q36",
                    Evidence(text, 0, len(text)), 0.9, date="2023-05-01", rule="test")
    url = f"oxigraph:{folder / 'store'}"
    with opened(url) as store:
        store.write([Extraction(article, actors=(Actor("wd:Q36", "Poland", "State"),), stances=(stance,))])
    return url


@pytest.mark.parametrize("command", [
    ["stances", "--format", "table"], ["stances", "--format", "csv"], ["stances", "--format", "json"],
    ["evidence", "poland", "ukraine_membership", "--format", "table"],
    ["evidence", "poland", "ukraine_membership", "--format", "csv"],
    ["evidence", "poland", "ukraine_membership", "--format", "jsonl"],
    ["export", "--format", "dna-csv"], ["export", "--format", "gexf"],
])
def test_control_characters_never_reach_the_terminal(hostile_store, command):
    result = cli(*command, "--store", hostile_store)
    assert result.returncode == 0, result.stderr
    assert b"owned" in result.stdout or command[0] == "stances"  # the text is there, its controls are not
    assert not CONTROL.search(result.stdout), result.stdout
    assert not CONTROL.search(result.stderr), result.stderr


def test_messages_naming_hostile_files_carry_no_controls(tmp_path):
    name = tmp_path / "evil\x1b]0;owned\x07.txt"
    name.write_bytes(b"")
    result = cli("ingest", str(name), "--store", f"oxigraph:{tmp_path / 'store'}")
    assert b"empty file" in result.stderr
    assert not CONTROL.search(result.stderr)


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(hostile_store, tmp_path):
    evidence = cli("evidence", "poland", "ukraine_membership", "--format", "csv", "--store", hostile_store)
    assert "'=HYPERLINK" in evidence.stdout.decode() and ",'@SUM(1)" in evidence.stdout.decode()
    dna = cli("export", "--format", "dna-csv", "--store", hostile_store).stdout.decode()
    assert "'=HYPERLINK" in dna
    folder = tmp_path / "csv"
    assert cli("export", "--format", "csv", "-o", str(folder), "--store", hostile_store).returncode == 0
    for name in ("nodes.csv", "edges.csv"):
        for line in (folder / name).read_text().splitlines():
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in line.split(","))


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_xml_exports_of_hostile_text_parse(hostile_store, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    result = cli("export", "--format", fmt, "-o", str(out), "--store", hostile_store)
    assert result.returncode == 0, result.stderr
    root = ElementTree.parse(out).getroot()  # raises on any character XML forbids
    assert "owned" in ElementTree.tostring(root, encoding="unicode")


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.parametrize("command", [["export", "--format", "turtle"], ["export", "--format", "gexf"], ["viz"]])
def test_an_export_that_cannot_be_written_whole_leaves_no_file(hostile_store, tmp_path, command):
    """The kernel refuses writes past a file-size limit, as a full disk does: the command
    fails in one line and leaves neither the file nor a temporary one."""
    target = tmp_path / "out" / "graph.out"
    target.parent.mkdir()
    result = cli(*command, "-o", str(target), "--store", hostile_store, preexec_fn=_limit_file_size(2_000))
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1 and "cannot write" in result.stderr.decode()
    assert list(target.parent.iterdir()) == []


def test_a_failed_export_keeps_the_previous_file(hostile_store, tmp_path):
    target = tmp_path / "graph.gexf"
    target.write_text("the previous export")
    result = cli("export", "--format", "gexf", "-o", str(target), "--store", hostile_store,
                 preexec_fn=_limit_file_size(2_000))
    assert result.returncode == 1
    assert target.read_text() == "the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.gexf"]
