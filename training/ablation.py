"""Rules alone, the classifier alone and both, at several thresholds, on gold files.

    python training/ablation.py ../shared/corpus/dev/d0[147]*.gold.json --thresholds 0.6 0.7 0.8

Prints one row per setting: stance precision, recall, F1 (and counts), as `stancegraph eval`
scores them. Needs only the runtime dependencies (onnxruntime), not torch."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stancegraph.evaluation import evaluate  # noqa: E402
from stancegraph.learned.classifier import StanceClassifier  # noqa: E402
from stancegraph.learned.model_files import MODEL_DIR  # noqa: E402
from stancegraph.loaders import model_stage  # noqa: E402
from stancegraph.loaders.pipeline import Extractor  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_files", nargs="+")
    parser.add_argument("--thresholds", nargs="+", type=float, default=[0.6, 0.7, 0.8])
    parser.add_argument("--model", type=Path, default=MODEL_DIR)
    parser.add_argument("--floor", type=float, help="keep the classifier's stances from this probability on "
                        "(default: model_stage.MODEL_FLOOR)")
    args = parser.parse_args(argv)
    if args.floor is not None:
        model_stage.MODEL_FLOOR = args.floor
    classifier = StanceClassifier(args.model)
    settings = [("rules", Extractor(classifier=None), [0.0])]
    settings += [("classifier", Extractor(classifier=classifier, rule_stances=False), args.thresholds),
                 ("both", Extractor(classifier=classifier), args.thresholds)]
    print(f"{'setting':<12}{'min-conf':>9}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'pred':>6}{'gold':>6}")
    for name, extractor, thresholds in settings:
        for threshold in thresholds:
            totals, _ = evaluate(args.gold_files, extractor=extractor, min_confidence=threshold)
            s = totals["stances"]
            print(f"{name:<12}{threshold:>9.2f}{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}"
                  f"{s.true_positives:>5}{s.predicted:>6}{s.expected:>6}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
