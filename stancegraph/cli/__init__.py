"""The command line: a thin layer over the library (stancegraph.api). Each command parses its
options, calls one library function and formats the answer; no query text lives here."""

from __future__ import annotations

from . import data, questions  # noqa: F401 - importing them registers the commands on the group
from .app import cli


def main() -> None:
    cli(prog_name="stancegraph")


__all__ = ["cli", "main"]
