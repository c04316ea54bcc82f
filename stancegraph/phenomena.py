"""The phenomenon suite's case format: short texts, each with the facts expected of it.

A case is a block of lines separated by a blank line: an optional `date:` line, the text, and
`=> Holder | topic | polarity [| attribution [| speaker]]`, `=> rel: S | predicate | O`, `=> rel: none` or
`=> none` lines (tests/phenomena/README.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATE = "2023-06-07"


@dataclass
class Case:
    name: str
    text: str
    date: str
    stances: list[tuple[str, ...]] = field(default_factory=list)
    relations: list[tuple[str, str, str]] = field(default_factory=list)
    expect_none: bool = False
    expect_no_relation: bool = False  # '=> rel: none'


def parse_cases(path: Path) -> list[Case]:
    cases = []
    blocks = [b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    for number, block in enumerate(blocks, start=1):
        lines = [line for line in block.splitlines() if not line.startswith("#")]
        if not lines:
            continue
        case = Case(f"{path.stem}:{number}", "", DEFAULT_DATE)
        body = []
        for line in lines:
            if line.startswith("date:"):
                case.date = line.split(":", 1)[1].strip()
            elif line.strip() == "=> rel: none":
                case.expect_no_relation = True
            elif line.startswith("=> rel:"):
                s, p, o = (part.strip() for part in line[len("=> rel:"):].split("|"))
                case.relations.append((s, p, o))
            elif line.strip() == "=> none":
                case.expect_none = True
            elif line.startswith("=>"):
                case.stances.append(tuple(part.strip() for part in line[2:].split("|")))
            else:
                body.append(line)
        case.text = "\n\n".join(body)
        cases.append(case)
    return cases


