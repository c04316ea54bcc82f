"""A Discourse Network Analyzer project: the store's articles and stances as a DNA 3 SQLite
database (`.dna`), which DNA opens for review and correction like a hand-coded project.

DNA keeps documents and statements that are character spans of a document's text, coded with
the variables of its default statement type 'DNA Statement': person, organization, concept
(short texts, stored once as entities) and agreement (a boolean). The tables and their initial
contents follow DNA 3's own SQLite layout (read from its source, `sql/Sql.java`, in the
repository leifeld/dna); the DDL here is written for this project.

Mapping: one document per article (title, full text, author, outlet as source, URL and id in
the notes, the publication day as the date); one statement per stance, its span the evidence
sentence; person = the person who holds it (or, for a state's or an organisation's stance, the
person who stated it); organization = the state or organisation that holds it, or the one a
person spoke for that day; concept = the topic's label; agreement = 1 support, 0 oppose. A
mixed stance becomes two statements, agreeing and disagreeing, unless mixed='skip'."""

from __future__ import annotations

import base64
import errno
import hashlib
import sqlite3
import unicodedata
from contextlib import closing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date as Day
from datetime import datetime, timezone
from pathlib import Path

from ..ontology import load_topics
from ..safety import replaced_on_success

DNA_VERSION = "3.0.11"  # the schema generation written; DNA reads any 3.x project
DNA_DATE = "2023-08-21"
CODER_NAME = "stancegraph"
CODER_PASSWORD = "stancegraph"  # DNA asks for it when the project opens (documented in the README)
SHORT = 190  # DNA's limit for titles, names and short texts (LENGTH < 191)

# Columns DNA repeats: a colour as three 0-255 channels, and a coder's on/off settings and
# permissions (defaults as DNA gives them).
_CODER_FLAGS = (("ColorByCoder", 0), ("PopupDecoration", 0), ("PopupAutoComplete", 1)) + tuple(
    (f"Permission{name}", 1) for name in (
        "AddDocuments", "EditDocuments", "DeleteDocuments", "ImportDocuments", "AddStatements", "EditStatements",
        "DeleteStatements", "EditAttributes", "EditRegex", "EditStatementTypes", "EditCoders", "EditCoderRelations",
        "ViewOthersDocuments", "EditOthersDocuments", "ViewOthersStatements", "EditOthersStatements"))
_COLOUR = ",\n  ".join(f"{c} INTEGER NOT NULL DEFAULT 0 CHECK ({c} BETWEEN 0 AND 255)" for c in ("Red", "Green", "Blue"))
_FLAGS = ",\n  ".join(f"{n} INTEGER NOT NULL CHECK ({n} BETWEEN 0 AND 1) DEFAULT {d}" for n, d in _CODER_FLAGS)

# DNA 3's SQLite tables, as its Sql.createTables() makes them, in this project's words.
SCHEMA = """
CREATE TABLE SETTINGS(Property TEXT PRIMARY KEY, Value TEXT NOT NULL);
CREATE TABLE CODERS(
  ID INTEGER NOT NULL PRIMARY KEY,
  Name TEXT NOT NULL CHECK (LENGTH(Name) < 191),
  {colour},
  Refresh INTEGER NOT NULL CHECK (Refresh BETWEEN 0 AND 9999) DEFAULT 0,
  FontSize INTEGER NOT NULL CHECK (FontSize BETWEEN 1 AND 99) DEFAULT 14,
  Password TEXT NOT NULL CHECK (LENGTH(Password) < 191),
  PopupWidth INTEGER CHECK (PopupWidth BETWEEN 100 AND 9999) DEFAULT 300,
  {flags});
CREATE TABLE DOCUMENTS(
  ID INTEGER NOT NULL PRIMARY KEY,
  Title TEXT NOT NULL CHECK (LENGTH(Title) < 191),
  Text TEXT NOT NULL,
  Coder INTEGER,
  Author TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Author) < 191),
  Source TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Source) < 191),
  Section TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Section) < 191),
  Notes TEXT NOT NULL DEFAULT '',
  Type TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Type) < 191),
  Date INTEGER NOT NULL,
  FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE);
CREATE TABLE STATEMENTTYPES(
  ID INTEGER NOT NULL PRIMARY KEY,
  Label TEXT NOT NULL CHECK (LENGTH(Label) < 191),
  {colour});
CREATE TABLE VARIABLES(
  ID INTEGER NOT NULL PRIMARY KEY,
  Variable TEXT NOT NULL CHECK (LENGTH(Variable) < 191),
  DataType TEXT NOT NULL CHECK (DataType = 'boolean' OR DataType = 'integer' OR DataType = 'long text'
                                OR DataType = 'short text') DEFAULT 'short text',
  StatementTypeId INTEGER,
  FOREIGN KEY(StatementTypeId) REFERENCES STATEMENTTYPES(ID) ON DELETE CASCADE,
  UNIQUE (Variable, StatementTypeId));
CREATE TABLE VARIABLELINKS(
  ID INTEGER NOT NULL PRIMARY KEY,
  SourceVariableId INTEGER,
  TargetVariableId INTEGER,
  CHECK (TargetVariableId != SourceVariableId),
  FOREIGN KEY(SourceVariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE,
  FOREIGN KEY(TargetVariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE);
CREATE TABLE REGEXES(
  Label TEXT PRIMARY KEY CHECK (LENGTH(Label) < 191),
  {colour});
CREATE TABLE CODERRELATIONS(
  ID INTEGER NOT NULL PRIMARY KEY,
  Coder INTEGER CHECK(Coder > 0),
  OtherCoder INTEGER CHECK(OtherCoder > 0),
  viewStatements INTEGER NOT NULL DEFAULT 1 CHECK(viewStatements BETWEEN 0 AND 1),
  editStatements INTEGER NOT NULL DEFAULT 1 CHECK(editStatements BETWEEN 0 AND 1),
  viewDocuments INTEGER NOT NULL DEFAULT 1 CHECK(viewDocuments BETWEEN 0 AND 1),
  editDocuments INTEGER NOT NULL DEFAULT 1 CHECK(editDocuments BETWEEN 0 AND 1),
  CHECK (Coder != OtherCoder),
  FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE,
  FOREIGN KEY(OtherCoder) REFERENCES CODERS(ID) ON DELETE CASCADE);
CREATE TABLE STATEMENTS(
  ID INTEGER NOT NULL PRIMARY KEY,
  StatementTypeId INTEGER,
  DocumentId INTEGER,
  Start INTEGER NOT NULL CHECK(Start >= 0),
  Stop INTEGER NOT NULL CHECK(Stop >= 0),
  Coder INTEGER,
  CHECK (Start < Stop),
  FOREIGN KEY(StatementTypeId) REFERENCES STATEMENTTYPES(ID) ON DELETE CASCADE,
  FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE,
  FOREIGN KEY(DocumentId) REFERENCES DOCUMENTS(ID) ON DELETE CASCADE);
CREATE TABLE DATABOOLEAN(
  ID INTEGER PRIMARY KEY NOT NULL,
  StatementId INTEGER NOT NULL,
  VariableId INTEGER NOT NULL,
  Value INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
  FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE,
  UNIQUE (StatementId, VariableId));
CREATE TABLE DATAINTEGER(
  ID INTEGER PRIMARY KEY NOT NULL,
  StatementId INTEGER NOT NULL,
  VariableId INTEGER NOT NULL,
  Value INTEGER NOT NULL DEFAULT 0,
  FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
  FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE,
  UNIQUE (StatementId, VariableId));
CREATE TABLE ENTITIES(
  ID INTEGER PRIMARY KEY NOT NULL,
  VariableId INTEGER NOT NULL,
  Value TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Value) < 191),
  Red INTEGER CHECK (Red BETWEEN 0 AND 255),
  Green INTEGER CHECK (Green BETWEEN 0 AND 255),
  Blue INTEGER CHECK (Blue BETWEEN 0 AND 255),
  ChildOf INTEGER CHECK(ChildOf > 0),
  UNIQUE (VariableId, Value),
  FOREIGN KEY(ChildOf) REFERENCES ENTITIES(ID) ON DELETE CASCADE,
  FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE);
CREATE TABLE DATASHORTTEXT(
  ID INTEGER PRIMARY KEY NOT NULL,
  StatementId INTEGER NOT NULL,
  VariableId INTEGER NOT NULL,
  Entity INTEGER NOT NULL,
  FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
  FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE,
  FOREIGN KEY(Entity) REFERENCES ENTITIES(ID) ON DELETE CASCADE,
  UNIQUE (StatementId, VariableId));
CREATE TABLE DATALONGTEXT(
  ID INTEGER PRIMARY KEY NOT NULL,
  StatementId INTEGER NOT NULL,
  VariableId INTEGER NOT NULL,
  Value TEXT DEFAULT '',
  FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
  FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE,
  UNIQUE (StatementId, VariableId));
CREATE TABLE ATTRIBUTEVARIABLES(
  ID INTEGER PRIMARY KEY NOT NULL,
  VariableId INTEGER NOT NULL,
  AttributeVariable TEXT NOT NULL CHECK (LENGTH(AttributeVariable) < 191),
  UNIQUE(VariableId, AttributeVariable),
  FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE);
CREATE TABLE ATTRIBUTEVALUES(
  ID INTEGER PRIMARY KEY NOT NULL,
  EntityId INTEGER NOT NULL,
  AttributeVariableId INTEGER NOT NULL,
  AttributeValue TEXT NOT NULL DEFAULT '' CHECK (LENGTH(AttributeValue) < 191),
  UNIQUE (EntityId, AttributeVariableId),
  FOREIGN KEY(EntityId) REFERENCES ENTITIES(ID) ON DELETE CASCADE,
  FOREIGN KEY(AttributeVariableId) REFERENCES ATTRIBUTEVARIABLES(ID) ON DELETE CASCADE);
""".replace("{colour}", _COLOUR).replace("{flags}", _FLAGS)

PERSON, ORGANIZATION, CONCEPT, AGREEMENT = 1, 2, 3, 4  # the variables of statement type 1
VARIABLES = ((PERSON, "person", "short text"), (ORGANIZATION, "organization", "short text"),
             (CONCEPT, "concept", "short text"), (AGREEMENT, "agreement", "boolean"))
ATTRIBUTES = ("Type", "Alias", "Notes")  # each short-text variable's entity attributes


@dataclass(frozen=True)
class DnaStatement:
    """One DNA statement before it is written: a span of its article and its four values."""
    article_id: str
    start: int
    stop: int
    person: str
    organization: str
    concept: str
    agreement: int


def dna_statements(statements: Iterable, organization_of: Callable[[object], str],
                   person_speaking: Callable[[object], str], mixed: str = "split") -> list[DnaStatement]:
    """Stance records as DNA statements (a mixed stance as two, or none with mixed='skip')."""
    labels = {t.id: t.label for t in load_topics()}
    found = []
    for s in statements:
        agreements = {"support": (1,), "oppose": (0,), "mixed": (1, 0) if mixed == "split" else ()}[s.polarity]
        person = s.actor if s.actor_type == "Person" else person_speaking(s)
        organization = organization_of(s) if s.actor_type == "Person" else s.actor
        for agreement in agreements:
            found.append(DnaStatement(s.article_id, s.start, s.end, _short(person), _short(organization),
                                      _short(labels.get(s.topic, s.topic)), agreement))
    return found


def write_dna(path: str | Path, documents: Iterable, statements: list[DnaStatement]) -> tuple[int, int]:
    """Write a new DNA project at `path` (replacing the file, whole or not at all); returns
    (documents, statements)."""
    try:
        with replaced_on_success(path) as temporary, closing(sqlite3.connect(temporary)) as db, db:
            db.executescript(SCHEMA)
            _initial_contents(db)
            ids = _documents(db, documents)
            written = _statements(db, [s for s in statements if s.article_id in ids], ids)
    except sqlite3.Error as err:
        raise OSError(errno.EIO, f"SQLite: {err}") from None
    return len(ids), written


def _initial_contents(db: sqlite3.Connection) -> None:
    db.execute("INSERT INTO CODERS (ID, Name, Red, Green, Blue, Password, PermissionEditStatementTypes, "
               "PermissionEditCoders, PermissionEditOthersDocuments, PermissionEditOthersStatements) "
               "VALUES (1, ?, 255, 255, 0, ?, 1, 1, 1, 1)", (CODER_NAME, password_digest(CODER_PASSWORD)))
    db.executemany("INSERT INTO SETTINGS (Property, Value) VALUES (?, ?)",
                   [("version", DNA_VERSION), ("date", DNA_DATE)])
    db.execute("INSERT INTO STATEMENTTYPES (ID, Label, Red, Green, Blue) VALUES (1, 'DNA Statement', 239, 208, 51)")
    db.executemany("INSERT INTO VARIABLES (ID, Variable, DataType, StatementTypeId) VALUES (?, ?, ?, 1)", VARIABLES)
    db.executemany("INSERT INTO ATTRIBUTEVARIABLES (VariableId, AttributeVariable) VALUES (?, ?)",
                   [(variable, name) for name in ATTRIBUTES for variable in (PERSON, ORGANIZATION, CONCEPT)])


def _documents(db: sqlite3.Connection, documents: Iterable) -> dict[str, int]:
    ids = {}
    for number, doc in enumerate(documents, start=1):
        notes = "\n".join(filter(None, (doc.url, f"stancegraph article {doc.article_id}")))
        db.execute("INSERT INTO DOCUMENTS (ID, Title, Text, Coder, Author, Source, Section, Notes, Type, Date) "
                   "VALUES (?, ?, ?, 1, ?, ?, '', ?, 'news', ?)",
                   (number, _short(doc.title or doc.url or doc.article_id), doc.text, _short(doc.author or ""),
                    _short(doc.outlet or ""), notes, epoch_seconds(doc.published)))
        ids[doc.article_id] = number
    return ids


def _statements(db: sqlite3.Connection, statements: list[DnaStatement], documents: dict[str, int]) -> int:
    entities: dict[tuple[int, str], int] = {}

    def entity(variable: int, value: str) -> int:
        if (variable, value) not in entities:
            entities[(variable, value)] = len(entities) + 1
            db.execute("INSERT INTO ENTITIES (ID, VariableId, Value, Red, Green, Blue) VALUES (?, ?, ?, 0, 0, 0)",
                       (entities[(variable, value)], variable, value))
        return entities[(variable, value)]

    ordered = sorted(statements, key=lambda s: (documents[s.article_id], s.start, s.stop, s.concept, s.person,
                                                s.organization, -s.agreement))
    for number, s in enumerate(ordered, start=1):
        db.execute("INSERT INTO STATEMENTS (ID, StatementTypeId, DocumentId, Start, Stop, Coder) VALUES (?, 1, ?, ?, ?, 1)",
                   (number, documents[s.article_id], s.start, s.stop))
        for variable, value in ((PERSON, s.person), (ORGANIZATION, s.organization), (CONCEPT, s.concept)):
            db.execute("INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?, ?, ?)",
                       (number, variable, entity(variable, value)))
        db.execute("INSERT INTO DATABOOLEAN (StatementId, VariableId, Value) VALUES (?, ?, ?)",
                   (number, AGREEMENT, s.agreement))
    return len(ordered)


def epoch_seconds(day: str | None) -> int:
    """A day as DNA stores a document date: seconds since 1970 at midnight UTC (0 when unknown)."""
    if not day:
        return 0
    parsed = Day.fromisoformat(day[:10])
    return int(datetime(parsed.year, parsed.month, parsed.day, tzinfo=timezone.utc).timestamp())


def password_digest(password: str, iterations: int = 100_000) -> str:
    """The password as DNA checks it (jasypt's StrongPasswordEncryptor: SHA-256 over a 16-byte
    salt and the UTF-8 password, digested again iterations-1 times, salt and digest in
    Base64). The salt is fixed so that the same store exports to the same file."""
    salt = hashlib.sha256(b"stancegraph DNA export").digest()[:16]
    digest = hashlib.sha256(salt + unicodedata.normalize("NFC", password).encode("utf-8")).digest()
    for _ in range(iterations - 1):
        digest = hashlib.sha256(digest).digest()
    return base64.b64encode(salt + digest).decode("ascii")


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[:SHORT - 1] + "…"
