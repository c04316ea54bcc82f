"""The learned candidate classifier at extraction time: onnxruntime, no torch.

Fixed weights and one thread make it deterministic: the same article gives the same
probabilities, byte for byte."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .candidates import Candidate
from .encoding import candidate_rows, encode_sentences, plain_tokenizer
from .model_files import MODEL_DIR, read_metadata


@dataclass(frozen=True)
class Decision:
    candidate: Candidate
    topic: str
    polarity: str
    probability: float  # of that polarity


class StanceClassifier:
    def __init__(self, folder: Path = MODEL_DIR):
        # a tokenizer's thread pool and the ingest's worker processes do not mix (it warns on fork)
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import onnxruntime
        from tokenizers import Tokenizer

        meta = read_metadata(folder)
        self.name = f"{meta['name']}@{meta['version']}"
        self.topics: list[str] = meta["topics"]
        self.labels: list[str] = meta["labels"]
        self.go_on: float = meta["go_on"]
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # one thread: the same sums in the same order every run
        options.inter_op_num_threads = 1
        self.stages = [onnxruntime.InferenceSession(str(folder / name), options, providers=["CPUExecutionProvider"])
                       for name in meta["stages"]]
        self.tokenizer = plain_tokenizer(Tokenizer.from_file(str(folder / "tokenizer.json")))

    def probabilities(self, candidates: list[Candidate]):
        """An array (candidates × topics × labels) of probabilities. The candidates of one sentence
        share the encoder's runs; each sentence is its own run, so a candidate's probabilities
        depend on its sentence and never on the rest of the article."""
        import numpy as np

        result = np.zeros((len(candidates), len(self.topics), len(self.labels)), dtype=np.float32)
        by_sentence: dict[tuple[int, str], list[int]] = {}
        for i, candidate in enumerate(candidates):
            by_sentence.setdefault((candidate.sentence_start, candidate.sentence_text), []).append(i)
        texts = [text for _, text in by_sentence]
        for rows, sentence in zip(by_sentence.values(), encode_sentences(texts, self.tokenizer)):
            result[rows] = self._sentence([candidates[i] for i in rows], sentence)
        return result

    def _sentence(self, candidates: list[Candidate], sentence):
        """Each stage adds a layer; the sentence stops at the first stage that sees no position
        for its candidates on the topics they may take (most sentences stop after one layer)."""
        import numpy as np

        holder, predicate, flags = candidate_rows(candidates, sentence, tuple(self.topics))
        allowed = np.array([[topic in c.topics for topic in self.topics] for c in candidates])
        ids = np.array([sentence.ids], dtype=np.int64)
        shared = {"attention_mask": np.ones_like(ids), "holder_mask": holder, "predicate_mask": predicate, "flags": flags}
        feed = {"input_ids": ids, **shared}
        for stage in self.stages:
            logits, hidden = stage.run(None, feed)
            probabilities = _softmax(logits)
            if (1 - probabilities[..., 0])[allowed].max(initial=0) < self.go_on:
                break
            feed = {"hidden": hidden, **shared}
        return probabilities

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


def _softmax(logits):
    import numpy as np

    logits = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(logits)
    return exp / exp.sum(axis=-1, keepdims=True)
