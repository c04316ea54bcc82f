"""The command line: a thin layer over the library (stancegraph.api). Each command parses its
options, calls one library function and formats the answer; no query text lives here."""

from __future__ import annotations

import sys

from ..safety import PrintableStream
from . import batch, data, questions  # noqa: F401 - importing them registers the commands on the group
from .app import cli


def main() -> None:
    sys.stdout, sys.stderr = PrintableStream(sys.stdout), PrintableStream(sys.stderr)
    cli(prog_name="stancegraph")


__all__ = ["cli", "main"]
