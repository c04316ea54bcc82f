"""The classifier's input: token ids of (holder, marked sentence, sentence before), the same in
training and at extraction so that the exported model reads what it was trained on."""

from __future__ import annotations

from dataclasses import dataclass

from .candidates import Candidate

MAX_TOKENS = 128


@dataclass(frozen=True)
class Encoded:
    ids: list[int]
    type_ids: list[int]


def encode(candidate: Candidate, tokenizer, max_tokens: int = MAX_TOKENS) -> Encoded:
    """[CLS] holder [SEP] sentence with the holder bracketed [SEP] sentence before [SEP]; the
    sentence before is cut first, then the sentence's end."""
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    holder, sentence, context = (tokenizer.encode(part, add_special_tokens=False).ids for part in
                                 (candidate.holder_text(), candidate.marked_text(), candidate.context))
    holder = holder[:24]
    room = max_tokens - len(holder) - 4
    sentence = sentence[:room]
    context = context[:max(0, room - len(sentence))]
    ids = [cls, *holder, sep, *sentence, sep]
    type_ids = [0] * (len(holder) + 2) + [1] * (len(sentence) + 1)
    if context:
        ids += [*context, sep]
        type_ids += [1] * (len(context) + 1)
    return Encoded(ids, type_ids)


def batch_arrays(encoded: list[Encoded]):
    """Padded int64 arrays (ids, attention mask, type ids) for a batch."""
    import numpy as np

    width = max(len(e.ids) for e in encoded)
    ids = np.zeros((len(encoded), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    types = np.zeros_like(ids)
    for row, e in enumerate(encoded):
        ids[row, :len(e.ids)] = e.ids
        mask[row, :len(e.ids)] = 1
        types[row, :len(e.type_ids)] = e.type_ids
    return ids, mask, types
