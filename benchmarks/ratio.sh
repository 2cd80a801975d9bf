#!/usr/bin/env bash
# DL4J / PyTorch training-step ratio of MelCnn (same architecture, batch 64 x 1 x 128 x 130, 2 threads), measured
# back to back on this machine: GenreBench's StepTimer (median step) against benchmarks/pytorch/cnn_twin.py.
# Needs Debian's PyTorch: apt-get install python3-torch.
#
#   benchmarks/ratio.sh [rounds] [steps] [widths...]      defaults: 3 rounds, 100 steps, widths 8 16 32
#   NET=vgg BATCH=32 benchmarks/ratio.sh ...              the VGG-like net (twin in cnn_twin.py), the training batch
#
# Prints a Markdown table; PyTorch's own step time moves by ~20 % between runs here, hence the rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
steps=${2:-100}
shift $(($# < 2 ? $# : 2))
widths=${*:-8 16 32}
net=${NET:-cnn}
batch=${BATCH:-64}
command -v /usr/bin/python3 >/dev/null && /usr/bin/python3 -c 'import torch' 2>/dev/null \
  || { echo "benchmarks/ratio.sh: needs PyTorch for /usr/bin/python3 (apt-get install python3-torch)" >&2; exit 2; }
./mvnw -q -Pjmh test-compile
. benchmarks/side-by-side.sh

dl4j() {
  ./mvnw -q -Pjmh exec:exec -Dbench.main=org.genrebench.bench.StepTimer -Djmh.args="net=$net width=$1 batch=$batch steps=$steps" 2>&1 \
    | grep -o 'train [0-9.]*' | cut -d' ' -f2
}
torch() {
  /usr/bin/python3 benchmarks/pytorch/cnn_twin.py --net "$net" --width "$1" --batch "$batch" --steps "$steps" | grep -o 'train [0-9.]*' | cut -d' ' -f2
}

echo "| $net width (batch $batch) | DL4J s/step | PyTorch s/step | ratio (means) |"
echo "|---|---|---|---|"
side_by_side "$rounds" $widths
