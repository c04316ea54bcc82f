"""Extraction files: what extraction found, as data, so that it runs once and feeds several
stores, and a store can be rebuilt without parsing again.

JSON Lines, one record per article: the extraction in the schema's form (article with its
metadata and text, actors, relations, stances), plus `format` (this layout's name and
version), `content_hash` (SHA-256 of the article text, for telling a changed article from the
same one) and `source` (the file or stream it was read from)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError, StanceGraphError
from .model import Extraction

FORMAT = "stancegraph-extraction/1"


def record(extraction: Extraction) -> dict:
    article = extraction.article
    return {"format": FORMAT, **extraction.to_json(),
            "content_hash": "sha256:" + hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
            "source": article.source}


class ExtractionWriter:
    """Records appended to a temporary file beside `path`, renamed onto it when the run ends
    well: an interrupted run leaves the old file or none, never half a file."""

    def __init__(self, path: str):
        self.path = Path(path)
        self.handle = None
        self.temporary: str | None = None

    def __enter__(self) -> ExtractionWriter:
        folder = self.path.parent if str(self.path.parent) else Path(".")
        try:
            fd, self.temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=folder)
        except OSError as err:
            raise StanceGraphError(f"{self.path}: cannot write ({err.strerror})") from None
        self.handle = os.fdopen(fd, "w", encoding="utf-8")
        return self

    def write(self, extraction: Extraction) -> None:
        self.handle.write(json.dumps(record(extraction), ensure_ascii=False) + "\n")

    def __exit__(self, kind, error, trace) -> None:
        try:
            self.handle.close()
            if kind is None:
                os.replace(self.temporary, self.path)
        except OSError as err:
            kind = kind or OSError
            raise StanceGraphError(f"{self.path}: cannot write ({err.strerror})") from None
        finally:
            if kind is not None and self.temporary:
                Path(self.temporary).unlink(missing_ok=True)


def read_extractions(paths: Iterable[str]) -> Iterator[Extraction | InputError]:
    """Every record of the files, in order; a line that is not a record is an InputError naming
    the file and line, and the rest still load."""
    for path in paths:
        try:
            handle = open(path, "rb")
        except OSError as err:
            yield InputError(f"{path}: cannot read ({err.strerror})")
            continue
        with handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield _extraction(line, f"{path}:{number}")


def _extraction(line: bytes, where: str) -> Extraction | InputError:
    try:
        data = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        return InputError(f"{where}: not an extraction record ({type(err).__name__})")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return InputError(f"{where}: not an extraction record (no \"format\": \"{FORMAT}\")")
    try:
        extraction = Extraction.from_json(data)
    except (KeyError, TypeError, ValueError) as err:
        return InputError(f"{where}: malformed extraction record ({type(err).__name__}: {err})")
    return dataclasses.replace(extraction, article=dataclasses.replace(extraction.article, source=where))
