#!/usr/bin/env bash
# Ablation of the networks' settings on real audio, through the project's own CLI.
#
#   benchmarks/ablation/run.sh DATA OUT MODEL SEEDS SETTING...
#   e.g. benchmarks/ablation/run.sh /path/gtzan10 target/ablation cnn "1 2 3" "default=" "w16=--width 16" "e10=--epochs 10"
#
# Each SETTING is NAME=COMPARE-OPTIONS. Every (setting, seed) is one `compare --models MODEL --seed SEED` (5
# song-disjoint folds; the seed fixes the folds and the network's initialisation, so settings are paired by seed)
# written to OUT/NAME/seedSEED/. A run whose summary.json exists is skipped, so an interrupted ablation resumes.
# Runs go seed-major (every setting's seed 1, then seed 2, ...) so that a partial ablation still compares settings.
# Then benchmarks/ablation/table.py OUT MODEL prints the Markdown table (mean, spread, 95 % t-interval).
set -euo pipefail
[ $# -ge 5 ] || { echo "usage: $0 DATA OUT MODEL SEEDS SETTING..." >&2; exit 2; }
data=$1 out=$2 model=$3 seeds=$4
shift 4
cd "$(dirname "$0")/../.."
for seed in $seeds; do
  for setting in "$@"; do
    name=${setting%%=*} options=${setting#*=}
    dir=$out/$name/seed$seed
    if ls "$dir"/*/summary.json >/dev/null 2>&1; then continue; fi
    echo "ablation: $name seed $seed ($options) $(date -u +%T)"
    ./mvnw -q exec:java -Dexec.args="compare --data $data --models $model --seed $seed $options --out $dir" \
      > "$out/$name-seed$seed.log" 2>&1 || { echo "ablation: $name seed $seed failed, see $out/$name-seed$seed.log" >&2; }
  done
done
