"""Where the exported classifier lives and what its metadata says."""

from __future__ import annotations

import json
from pathlib import Path

MODEL_DIR = Path(__file__).parent / "model"
MODEL_NAME = "minilm-stance"
METADATA = "metadata.json"
# A sentence goes on to the next stage when the stage before gives some candidate and topic at
# least this probability of a position.
GO_ON = 0.3


def stage_file(index: int) -> str:
    """The ONNX file of one stage (layer and head) of the early-exit classifier."""
    return f"stage-{index}.onnx"


def write_metadata(folder: Path, topics: tuple[str, ...], training: dict, stages: list[str]) -> None:
    from .dataset import LABELS

    data = {"name": MODEL_NAME, "version": training.get("version", 1), "base": "sentence-transformers/all-MiniLM-L6-v2",
            "topics": list(topics), "labels": list(LABELS), "stages": stages, "go_on": GO_ON, "training": training}
    (folder / METADATA).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def read_metadata(folder: Path) -> dict:
    return json.loads((folder / METADATA).read_text(encoding="utf-8"))
