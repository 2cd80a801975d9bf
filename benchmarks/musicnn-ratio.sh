#!/usr/bin/env bash
# DL4J / PyTorch forward-pass ratio of the pre-trained MSD_musicnn (batches of 3-s patches, 2 threads), measured
# back to back on this machine: GenreBench's MusicnnTimer (median pass, the real model from the models folder)
# against benchmarks/pytorch/musicnn_twin.py (same layer shapes, random weights).
# Needs Debian's PyTorch: apt-get install python3-torch.
#
#   benchmarks/musicnn-ratio.sh [rounds] [steps] [batches...]      defaults: 3 rounds, 10 passes, batch 16
#
# The models folder is ../shared/models/musicnn unless MUSICNN_MODELS says otherwise. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
steps=${2:-10}
shift $(($# < 2 ? $# : 2))
batches=${*:-16}
models=${MUSICNN_MODELS:-../shared/models/musicnn}
command -v /usr/bin/python3 >/dev/null && /usr/bin/python3 -c 'import torch' 2>/dev/null \
  || { echo "benchmarks/musicnn-ratio.sh: needs PyTorch for /usr/bin/python3 (apt-get install python3-torch)" >&2; exit 2; }
./mvnw -q -Pjmh test-compile
. benchmarks/side-by-side.sh

dl4j() {
  ./mvnw -q -Pjmh exec:exec -Dbench.main=org.genrebench.bench.MusicnnTimer \
    -Djmh.args="model=MSD_musicnn batch=$1 steps=$steps threads=2 dir=$models" 2>&1 | grep -o 'forward [0-9.]*' | cut -d' ' -f2
}
torch() {
  /usr/bin/python3 benchmarks/pytorch/musicnn_twin.py --batch "$1" --steps "$steps" --threads 2 | grep -o 'forward [0-9.]*' | cut -d' ' -f2
}

echo "| batch | DL4J s/batch | PyTorch s/batch | ratio (means) |"
echo "|---|---|---|---|"
side_by_side "$rounds" $batches
