import json
from pathlib import Path

import jsonschema

from stancegraph.model import Article, Extraction, actor_id, slugify

SCHEMA = json.loads((Path(__file__).parents[1] / "stancegraph/ontology/extraction.schema.json").read_text())


def test_actor_ids_prefer_wikidata_and_are_stable():
    assert actor_id("Ukraine", "Q212") == "wd:Q212"
    assert actor_id("Péter Szijjártó") == "sg:peter-szijjarto"
    assert slugify("  ") .startswith("x")


def test_article_id_is_url_or_body_hash():
    assert Article("Body", url="https://example.org/a").id == "https://example.org/a"
    assert Article("Body").id == Article("Body", title="other").id
    assert Article("Body").id != Article("Body!").id


def test_extraction_json_validates_and_round_trips(seed_extraction):
    data = seed_extraction.to_json()
    jsonschema.validate(data, SCHEMA)
    again = Extraction.from_json(json.loads(json.dumps(data)))
    assert again.to_json() == data


def test_statement_ids_are_deterministic(seed_extraction):
    article_id = seed_extraction.article.id
    ids = [s.statement_id(article_id) for s in seed_extraction.stances]
    assert len(set(ids)) == len(ids)
    assert ids == [s.statement_id(article_id) for s in seed_extraction.stances]
