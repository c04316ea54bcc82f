"""The learned candidate classifier at extraction time: onnxruntime, no torch.

Fixed weights and one thread make it deterministic: the same article gives the same
probabilities, byte for byte."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .candidates import Candidate
from .encoding import batch_arrays, encode
from .model_files import MODEL_DIR, read_metadata

# One candidate per run: the int8 model quantises its activations per run, so in a padded batch a
# candidate's probabilities moved with its batch-mates (by up to 0.17 on the development
# articles), and single runs were also faster on one thread (2.4 s against 3.7 s for 130).
BATCH = 1


@dataclass(frozen=True)
class Decision:
    candidate: Candidate
    topic: str
    polarity: str
    probability: float  # of that polarity


class StanceClassifier:
    def __init__(self, folder: Path = MODEL_DIR):
        import onnxruntime
        from tokenizers import Tokenizer

        meta = read_metadata(folder)
        self.name = f"{meta['name']}@{meta['version']}"
        self.topics: list[str] = meta["topics"]
        self.labels: list[str] = meta["labels"]
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # one thread: the same sums in the same order every run
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(folder / "stance-classifier.onnx"), options,
                                                    providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))

    def probabilities(self, candidates: list[Candidate]):
        """An array (candidates × topics × labels) of probabilities."""
        import numpy as np

        out = []
        order = sorted(range(len(candidates)), key=lambda i: len(candidates[i].sentence_text))
        encoded = [encode(candidates[i], self.tokenizer) for i in order]
        for at in range(0, len(encoded), BATCH):
            ids, mask, types = batch_arrays(encoded[at:at + BATCH])
            (logits,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
            logits = logits - logits.max(axis=-1, keepdims=True)
            exp = np.exp(logits)
            out.append(exp / exp.sum(axis=-1, keepdims=True))
        if not out:
            return np.zeros((0, len(self.topics), len(self.labels)))
        probs = np.concatenate(out)
        result = np.empty_like(probs)
        result[order] = probs
        return result

    def decide(self, candidates: list[Candidate], floor: float = 0.5) -> list[Decision]:
        """The most probable polarity per candidate and topic where it beats 'none' and the floor,
        on the topics the candidate may take."""
        probs = self.probabilities(candidates)
        decisions = []
        for candidate, row in zip(candidates, probs):
            for t, topic in enumerate(self.topics):
                if topic not in candidate.topics:
                    continue
                best = max(range(1, len(self.labels)), key=lambda k: row[t][k])
                if row[t][best] >= floor and row[t][best] > row[t][0]:
                    decisions.append(Decision(candidate, topic, self.labels[best], round(float(row[t][best]), 2)))
        return decisions
