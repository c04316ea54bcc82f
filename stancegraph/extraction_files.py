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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from .errors import InputError
from .model import Extraction
from .safety import replaced_on_success

FORMAT = "stancegraph-extraction/1"


def record(extraction: Extraction) -> dict:
    article = extraction.article
    return {"format": FORMAT, **extraction.to_json(),
            "content_hash": "sha256:" + hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
            "source": article.source}


@contextmanager
def writing_extractions(path: str) -> Iterator[Callable[[Extraction], None]]:
    """A function that appends an extraction's record; the file appears whole when the block
    ends well, and not at all when it does not (see safety.replaced_on_success)."""
    with replaced_on_success(path) as temporary, open(temporary, "w", encoding="utf-8") as out:
        yield lambda extraction: out.write(json.dumps(record(extraction), ensure_ascii=False) + "\n")


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
