"""Counts precision and recall on the project's gold corpus and on the real-article gold set.

    .venv/bin/python benchmarks/bench_counts.py [--data ../shared/data] [--details] [--only gold]

Prints one line per gold set (counts with value and head both right, spans overlapping), and
with --details the missed and false counts. The pipeline is built once for both sets; --only
runs one set (corpus or gold).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsfacts.evaluate import evaluate_folder
from newsfacts.extractor import Extractor

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data",
                        help="the shared data folder holding the real articles of benchmarks/gold")
    parser.add_argument("--details", action="store_true", help="list missed and false counts")
    parser.add_argument("--only", choices=("corpus", "gold"), help="run one gold set only")
    args = parser.parse_args()
    extractor = Extractor()
    sets = [("corpus", ROOT / "corpus"), ("benchmarks/gold", ROOT / "benchmarks" / "gold")]
    if args.only:
        sets = [s for s in sets if s[0].endswith(args.only)]
    for name, folder in sets:
        score = evaluate_folder(folder, data_dir=args.data, extractor=extractor).scores["counts"]
        print(f"{name:16} counts gold {score.tp + score.fn:4}  found {score.tp + score.fp:4}  right {score.tp:4}"
              f"  P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}")
        if args.details:
            for line in score.misses:
                print(f"    miss  {line}")
            for line in score.false_hits:
                print(f"    false {line}")


if __name__ == "__main__":
    main()
