"""Run inside a private network namespace (`unshare -n`): FalkorDB with its Bolt port, the
neo4j-driver store against it, and the embedded store; prints the comparison as JSON.

FalkorDB's Bolt port binds every interface and fails on messages over ~4 KB, so the store
runs with one article per batch (STANCEGRAPH_BOLT_SMALL_BATCHES=1) on the short corpus. It
also fails on any parameter string holding a straight apostrophe (it appears to paste
parameters into query text), so the probe's texts and topic file use typographic ones; the
Bolt protocol itself carries parameters apart from the query, as real Neo4j servers use them."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _typographic(article):
    import dataclasses

    return dataclasses.replace(article, text=article.text.replace("'", "’"))


def main() -> None:
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    os.environ["STANCEGRAPH_BOLT_SMALL_BATCHES"] = "1"
    from tests.conftest import start_falkordb
    from tests.test_questions import CORPUS, answers

    from stancegraph.graph import open_store
    from stancegraph.loaders import load_article
    from stancegraph.loaders.extract import extract

    topics = json.loads((ROOT / "stancegraph/ontology/topics.json").read_text().replace("'", "’"))
    topic_file = Path(tempfile.mkdtemp()) / "topics.json"
    topic_file.write_text(json.dumps(topics))
    os.environ["STANCEGRAPH_TOPICS"] = str(topic_file)
    bolt_port = 17687
    process, _ = start_falkordb(Path(tempfile.mkdtemp()), ("BOLT_PORT", str(bolt_port)))
    try:
        extractions = [extract(_typographic(load_article(str(p)))) for p in CORPUS]
        bolt, memory = open_store(f"bolt://127.0.0.1:{bolt_port}"), open_store("memory:")
        for store in (bolt, memory):
            store.write(extractions)
        count = "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n), count(r)"
        before = bolt.query(count).rows
        bolt.write(extractions[:2])
        same = answers(bolt) == answers(memory)
        print(json.dumps({"same_answers": same, "reingest_unchanged": bolt.query(count).rows == before,
                          "deleted": bolt.delete_article(extractions[0].article.id)}))
        bolt.close()
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main()
