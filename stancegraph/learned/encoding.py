"""The classifier's input, the same in training and at extraction so that the exported model
reads what it was trained on.

A sentence is encoded once ([CLS] sentence [SEP]); each candidate in it is two masks over the
sentence's tokens (the actor's mentions, the predicate the parse attaches them to) and a few
flags saying how the rules bind the actor. Sharing the encoder pass between the candidates of
a sentence is what makes the classifier cheap enough to run beside the rules."""

from __future__ import annotations

from dataclasses import dataclass

from .candidates import Candidate

MAX_TOKENS = 128
BINDING_FLAGS = ("speaker", "subject", "quoted", "earlier", "named", "predicate")


@dataclass(frozen=True)
class EncodedSentence:
    ids: list[int]
    offsets: list[tuple[int, int]]  # characters of each token in the sentence; (-1, -1) for [CLS]/[SEP]


def plain_tokenizer(tokenizer):
    """The packaged tokenizer pads and truncates every text to 128 tokens: both are switched off,
    since padding inside a segment feeds the model [PAD] tokens it attends to."""
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def encode_sentences(texts: list[str], tokenizer) -> list[EncodedSentence]:
    return [_encoded(encoding) for encoding in tokenizer.encode_batch(texts)] if texts else []


def _encoded(encoding) -> EncodedSentence:
    ids = list(encoding.ids)
    offsets = [(-1, -1) if special else span for span, special in zip(encoding.offsets, encoding.special_tokens_mask)]
    if len(ids) > MAX_TOKENS:
        ids = ids[:MAX_TOKENS - 1] + ids[-1:]
        offsets = offsets[:MAX_TOKENS - 1] + offsets[-1:]
    return EncodedSentence(ids, offsets)


def span_masks(sentence: EncodedSentence, candidates_spans):
    """Float32 (candidates × tokens): 1 on every token overlapping one of a candidate's spans."""
    import numpy as np

    offsets = np.array(sentence.offsets, dtype=np.int64)
    masks = np.zeros((len(candidates_spans), len(offsets)), dtype=np.float32)
    for row, spans in enumerate(candidates_spans):
        for start, end in spans:
            masks[row, (offsets[:, 0] < end) & (start < offsets[:, 1])] = 1.0
    return masks


def flags(candidate: Candidate, topics: tuple[str, ...]) -> list[float]:
    binding = (candidate.speaker, candidate.subject, candidate.quoted, candidate.earlier, bool(candidate.spans),
               bool(candidate.predicates))
    return [float(on) for on in binding] + [float(topic in candidate.cued) for topic in topics]


def flag_count(topics: tuple[str, ...]) -> int:
    return len(BINDING_FLAGS) + len(topics)


def candidate_rows(candidates: list[Candidate], sentence: EncodedSentence, topics: tuple[str, ...]):
    """Float32 arrays (holder mask, predicate mask, flags) for candidates of one sentence."""
    import numpy as np

    holder = span_masks(sentence, [c.spans for c in candidates])
    predicate = span_masks(sentence, [c.predicates for c in candidates])
    binding = np.array([flags(c, topics) for c in candidates], dtype=np.float32)
    return holder, predicate, binding


def training_arrays(candidates: list[Candidate], tokenizer, topics: tuple[str, ...]):
    """One row per candidate, each with its own sentence, padded to the longest: (ids, attention
    mask, holder mask, predicate mask, flags). The model pools the same way for a batch of one
    sentence shared by many candidates."""
    import numpy as np

    encoded = encode_sentences([c.sentence_text for c in candidates], tokenizer)
    width = max(len(e.ids) for e in encoded)
    ids = np.zeros((len(encoded), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    holder = np.zeros((len(encoded), width), dtype=np.float32)
    predicate = np.zeros_like(holder)
    binding = np.zeros((len(encoded), flag_count(topics)), dtype=np.float32)
    for row, (candidate, sentence) in enumerate(zip(candidates, encoded)):
        size = len(sentence.ids)
        ids[row, :size] = sentence.ids
        mask[row, :size] = 1
        h, p, f = candidate_rows([candidate], sentence, topics)
        holder[row, :size], predicate[row, :size], binding[row] = h[0], p[0], f[0]
    return ids, mask, holder, predicate, binding
