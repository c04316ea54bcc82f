import io
import sys

import pytest

from stancegraph.errors import InputError
from stancegraph.loaders import load_article, load_articles
from stancegraph.loaders.cleaning import clean_body
from stancegraph.loaders.dating import told_of_year

from .conftest import DATA


def ok(items):
    return [i for i in items if not isinstance(i, InputError)]


def failed(items):
    return [str(i) for i in items if isinstance(i, InputError)]


def test_text_header_block_gives_metadata():
    article = load_article(str(DATA / "poland-2023.txt"))
    assert article.title == "Warsaw presses allies on Ukraine"
    assert article.outlet == "Test Wire"
    assert article.published == "2023-07-01"
    assert article.author == "A. Reporter"
    assert article.text.startswith("Poland wants")


def test_seed_loses_its_related_content_block(seed_article):
    assert "Related Content" not in seed_article.text
    assert "Article image" not in seed_article.text
    assert seed_article.text.rstrip().endswith("The GuardianTramp")


def test_cleaning_keeps_a_furniture_word_early_in_the_text():
    text = "Comments\n\nPoland wants an invitation.\n\nMore text here that is the body of the article."
    assert clean_body(text).startswith("Comments")


def test_a_datelines_dash_is_parted_from_the_first_word():
    # wire copies reprinted without the space ('(Reuters) -U.S. President …') hide the title
    assert clean_body("WASHINGTON (Reuters) -U.S. President Joe Biden said.") == \
        "WASHINGTON (Reuters) - U.S. President Joe Biden said."
    assert clean_body("A range (10-20) -with a dash.") == "A range (10-20) -with a dash."


def test_overrides_replace_metadata():
    article = load_article(str(DATA / "poland-2023.txt"), published="2020-01-02", outlet="Other", title="T", url="https://x.example/a")
    assert (article.published, article.outlet, article.title, article.id) == ("2020-01-02", "Other", "T", "https://x.example/a")


def test_html_article_text_and_metadata():
    article = load_article(str(DATA / "article.html"))
    assert "Lithuania backs Ukraine's bid" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.published == "2023-07-05"


def test_jsonl_good_lines_load_and_bad_lines_are_reported():
    items = list(load_articles([str(DATA / "batch.jsonl")]))
    assert [a.title for a in ok(items)] == ["Riga on guarantees", None]
    assert ok(items)[0].published == "2023-06-01" and ok(items)[1].published == "2023-06-02"
    reasons = failed(items)
    assert len(reasons) == 2
    assert "batch.jsonl:3: invalid JSON" in reasons[0]
    assert "batch.jsonl:4: no article text" in reasons[1]


def test_feed_entries_become_articles():
    articles = ok(load_articles([str(DATA / "feed.rss")]))
    assert [a.url for a in articles] == ["https://feed.example/estonia", "https://feed.example/slovakia"]
    assert articles[0].text == "Estonia wants a clear path to membership for Ukraine."
    assert articles[0].published == "2023-07-10" and articles[0].outlet == "Test Feed"


def test_folders_and_globs(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Poland supports an invitation for Ukraine.")
    (tmp_path / "b.txt").write_text("Hungary opposes Ukraine's membership of NATO.")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    assert len(ok(load_articles([str(tmp_path)]))) == 2
    assert len(ok(load_articles([str(tmp_path / "*.txt")]))) == 1


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Estonia wants an invitation for Ukraine.")))
    assert ok(load_articles(["-"]))[0].text == "Estonia wants an invitation for Ukraine."


@pytest.mark.parametrize("name, content, reason", [
    ("binary.txt", b"\x00\x01\x02PNG\x00" * 20, "binary file"),
    ("empty.txt", b"   \n", "empty file"),
    ("latin1.txt", "Poland supports an invitation, said Pawe\u0142 in Gda\u0144sk and K\u00f6ln.".encode("latin-1", "replace").replace(b"?", b"\xe9"), "not valid utf-8"),
    ("truncated.html", b"<html><head><title>x</title></head><body><div class=", "no article text found in the html"),
])
def test_bad_inputs_name_the_file_and_the_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    reasons = failed(load_articles([str(path)]))
    assert len(reasons) == 1 and reasons[0].startswith(str(path)) and reason in reasons[0].lower()


def test_latin1_file_loads_with_its_encoding(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Poland supports an invitation, said a minister in Kraków.".encode("latin-1"))
    assert "Kraków" in load_article(str(path), encoding="latin-1").text


def test_empty_folder_and_missing_path(tmp_path):
    assert failed(load_articles([str(tmp_path)])) == [f"{tmp_path}: folder holds no article files"]
    assert failed(load_articles([str(tmp_path / "nope.txt")])) == [f"{tmp_path / 'nope.txt'}: no such file or folder"]


def test_json_lines_stream_without_reading_the_whole_file(tmp_path):
    """A corpus of any size goes through in little memory: the first article comes before
    the rest of the file is read."""
    import json
    import tracemalloc

    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": "Poland supports Ukraine's membership of NATO. " * 50}) + "\n"
    path.write_text(line * 20000)  # about 47 MB
    tracemalloc.start()
    first = next(iter(load_articles([str(path)])))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert first.text.startswith("Poland") and peak < 5_000_000


def test_a_json_line_in_another_encoding_is_reported_and_the_rest_load(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "Poland supports Ukraine."}\n{"text": "Caf\xe9 owners back Kyiv."}\n'
                     b'{"text": "Hungary opposes it."}\n')
    items = list(load_articles([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    assert "mixed.jsonl:2: not valid utf-8 (byte 0xe9" in str(items[1])


# ---- dates: one calendar-checked parser, bad dates reported and skipped --------------------------

@pytest.mark.parametrize("header", ["2023-13-01", "2023-02-30", "07/06/2023", "someday"])
def test_a_bad_date_header_skips_that_article_naming_file_and_value(tmp_path, header):
    path = tmp_path / "bad.txt"
    path.write_text(f"Date: {header}\n\nPoland wants an invitation for Ukraine.\n", encoding="utf-8")
    (item,) = load_articles([str(path)])
    assert isinstance(item, InputError)
    assert str(item).startswith(f"{path}: date: '{header}' is ")


def test_a_bad_published_override_fails_every_article_once():
    items = list(load_articles([str(DATA / "poland-2023.txt"), str(DATA / "germany-2024.txt")], published="2023-02-29"))
    assert [str(i) for i in items] == ["published date: '2023-02-29' is not a calendar date (February 2023 has 28 days)"]


def test_a_good_override_replaces_a_bad_header(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("Date: 31/12/2023\n\nPoland wants an invitation for Ukraine.\n", encoding="utf-8")
    assert load_article(str(path), published="2024-01-05").published == "2024-01-05"


def test_a_bad_jsonl_date_skips_only_its_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"text": "Poland wants an invitation.", "date": "2023-06-31"}\n'
                    '{"text": "Norway wants an invitation.", "date": "2023-06-02T08:00:00Z"}\n', encoding="utf-8")
    bad, good = load_articles([str(path)])
    assert str(bad) == f"{path}:1: date: '2023-06-31' is not a calendar date (June 2023 has 30 days) (or give --published)"
    assert good.published == "2023-06-02"


@pytest.mark.parametrize("text, day", [("Mon, 10 Jul 2023 09:00:00 GMT", "2023-07-10"), ("7 June 2023", "2023-06-07"),
                                       ("June 7, 2023", "2023-06-07"), ("2023-06-07T23:30:00+02:00", "2023-06-07")])
def test_metadata_dates_in_unambiguous_spellings_are_read(text, day):
    from stancegraph.dates import article_date

    assert article_date(text) == day


@pytest.mark.parametrize("value, end, day", [("2023", False, "2023-01-01"), ("2023", True, "2023-12-31"),
                                             ("2024-02", True, "2024-02-29"), ("2023-06-07", True, "2023-06-07")])
def test_a_month_or_year_is_a_range_of_days(value, end, day):
    from stancegraph.dates import parse_bound

    assert parse_bound(value, "since", end=end) == day


def test_validate_flags_an_undated_article_and_ingest_warns(run, tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Poland wants an invitation for Ukraine.\n", encoding="utf-8")
    url = f"oxigraph:{tmp_path / 'store'}"
    ingested = run("ingest", str(path), "--store", url)
    assert ingested.exit_code == 0 and "no publication date" in ingested.stderr
    result = run("validate", "--store", url)
    assert result.exit_code == 1 and "no publication date" in result.stdout


def test_a_modifier_letter_apostrophe_reads_as_an_apostrophe(tmp_path):
    from stancegraph.loaders.extract import extract

    path = tmp_path / "a.txt"
    path.write_text("Title: Declaration\nDate: 2023-06-01\n\nRomania signed a declaration backing Ukraine\u02bcs accession to NATO.\n",
                    encoding="utf-8")
    article = load_article(str(path))
    assert "Ukraine\u2019s accession" in article.text and len(article.text) == len(clean_body(article.text))
    assert ("wd:Q218", "ukraine_membership", "support") in {(s.actor, s.topic, s.polarity) for s in extract(article).stances}


@pytest.mark.parametrize("sentence, day", [
    ("In 2008, Paris and Berlin blocked the plan.", "2008-12-31"),
    ("Allies agreed in 2008 that Ukraine would join.", "2008-12-31"),
    ("Germany blocked it at the 2008 summit.", "2008-12-31"),
    ("France, which at the 2008 summit sided with Germany, has changed course.", "2008-12-31"),
    ("Biden backs dropping the plan that the 2008 declaration promised.", None),  # a year that names a document
    ("He would not go beyond the commitments made at the summit in 2008.", None),
])
def test_a_sentence_is_read_at_the_year_it_tells_of_not_a_year_it_names(sentence, day):
    assert told_of_year(sentence, "2023-06-18") == day
