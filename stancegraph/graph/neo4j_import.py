"""A store's graph as the CSV files `neo4j-admin database import full` reads: one file per
node label and per relationship type, each with its header (`id:ID(Actor)`, `:START_ID(Actor)`,
typed properties, `:LABEL`, `:TYPE`), in the property-graph model the Cypher store writes
(cypher_mapping). Bulk loaders bypass the summaries: `stancegraph summarise` builds them once
the import is done."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import JOURNALIST, short_hash
from ..safety import write_atomically
from .cypher_mapping import RELATIONSHIP_TYPES

ARRAY_DELIMITER = ";"  # neo4j-admin's default for string[] properties


@dataclass
class ImportFiles:
    """File name -> (header, rows); nodes_*.csv and relationships_*.csv."""
    files: dict[str, tuple[list[str], list[list]]] = field(default_factory=dict)

    def add(self, name: str, header: list[str], rows: Iterable[list]) -> None:
        self.files[name] = (header, list(rows))

    def write(self, folder: str | Path) -> list[Path]:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name, (header, rows) in sorted(self.files.items()):
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
            write_atomically(folder / name, buffer.getvalue())
            written.append(folder / name)
        write_atomically(folder / "import-command.txt", import_command(written) + "\n")
        return written


def import_files(articles, actors, topics, stances, relations, mentions) -> ImportFiles:
    """The CSV files for every article, actor, topic, stance and relation (records as the named
    questions return them) and each article's mentions ((article, actor) -> forms)."""
    files = ImportFiles()
    files.add("nodes_articles.csv", ["id:ID(Article)", "url", "title", "outlet", "author", "published", "text", ":LABEL"],
              ([a.article_id, a.url, a.title, a.outlet, a.author, a.published, a.text, "Article"] for a in articles))
    files.add("nodes_actors.csv", ["id:ID(Actor)", "name", "type", "wikidata", "forms:string[]", ":LABEL"],
              ([a.id, a.name, a.type, a.wikidata or None, _array(a.mentions), f"Actor;{a.type}"] for a in actors))
    files.add("nodes_topics.csv", ["id:ID(Topic)", "label", "definition", ":LABEL"],
              ([t.id, t.label, t.definition, "Topic"] for t in topics))
    files.add("nodes_stances.csv", ["id:ID(Stance)", "article", "polarity", "attribution", "confidence:float",
                                    "hedged:boolean", "condition", "evidence", "start:int", "end:int", "date", "rule",
                                    ":LABEL"],
              ([_stance_id(s), s.article_id, s.polarity, s.attribution, s.confidence, str(s.hedged).lower(),
                s.condition, s.evidence, s.start, s.end, s.date, s.rule, "Stance"] for s in stances))
    files.add("relationships_holds.csv", [":START_ID(Actor)", ":END_ID(Stance)", ":TYPE"],
              ([s.actor_id, _stance_id(s), "HOLDS"] for s in stances))
    files.add("relationships_on.csv", [":START_ID(Stance)", ":END_ID(Topic)", ":TYPE"],
              ([_stance_id(s), s.topic, "ON"] for s in stances))
    files.add("relationships_from.csv", [":START_ID(Stance)", ":END_ID(Article)", ":TYPE"],
              ([_stance_id(s), s.article_id, "FROM"] for s in stances))
    files.add("relationships_said_by.csv", [":START_ID(Stance)", ":END_ID(Actor)", ":TYPE"],
              ([_stance_id(s), s.speaker_id, "SAID_BY"] for s in stances
               if s.speaker_id and s.speaker_id != JOURNALIST))
    files.add("relationships_mentions.csv", [":START_ID(Article)", ":END_ID(Actor)", "forms:string[]", ":TYPE"],
              ([article, actor, _array(forms), "MENTIONS"] for (article, actor), forms in sorted(mentions.items())))
    files.add("relationships_actors.csv", [":START_ID(Actor)", ":END_ID(Actor)", "id", "article", "evidence",
                                           "start:int", "end:int", "confidence:float", "date", ":TYPE"],
              ([r.subject_id, r.object_id, _relation_id(r), r.article_id, r.evidence, r.start, r.end, r.confidence,
                r.date, RELATIONSHIP_TYPES.get(r.predicate, r.predicate.upper())] for r in relations))
    return files


def import_command(files: list[Path], database: str = "neo4j") -> str:
    nodes = " ".join(f"--nodes={p.name}" for p in files if p.name.startswith("nodes_"))
    relationships = " ".join(f"--relationships={p.name}" for p in files if p.name.startswith("relationships_"))
    return (f"# run in this folder with Neo4j stopped, then: stancegraph summarise --store neo4j://…\n"
            f"neo4j-admin database import full {database} --overwrite-destination --multiline-fields=true "
            f"{nodes} {relationships}")


def _stance_id(record) -> str:
    return record.statement.rsplit("/", 1)[-1]


def _relation_id(record) -> str:
    """The id the Cypher store gives a relation statement (Relation.statement_id)."""
    return short_hash(record.article_id, "relation", record.subject_id, record.predicate, record.object_id,
                      record.start, record.end)


def _array(forms: Iterable[str]) -> str:
    return ARRAY_DELIMITER.join(sorted({f.replace(ARRAY_DELIMITER, ",") for f in forms}))
