#!/usr/bin/env bash
# Wall times of extract (in-process threads vs Spark local[1]/local[2]) and of the tuned classical grid (local
# harness vs Spark local[2]), all through the shaded jar (src/spark/run-local.sh: same JVM, flags, class path).
# Prints Markdown rows. Needs `./mvnw -Pspark package` first.
# Usage: benchmarks/spark-scaling.sh [AUDIO_DIR] [MODELS]   (defaults: ../shared/data/gtzan-excerpts, knn,logreg)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data/gtzan-excerpts}"
models="${2:-knn,logreg}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
run=src/spark/run-local.sh
clips=$(find "$data" -type f \( -name '*.wav' -o -name '*.au' \) | wc -l)
one="$work/one/$(basename "$(find "$data" -type f -name '*.wav' | sort | head -1 | xargs dirname)")"
mkdir -p "$one" && cp "$(find "$data" -type f -name '*.wav' | sort | head -1)" "$one/"

timed() { # label, command...
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" > "$work/last.log" 2>&1 || { echo "failed: $*" >&2; tail -20 "$work/last.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  printf '| %s | %.1f |\n' "$label" "$(echo "$t1 - $t0" | bc)"
}

echo "extract, $clips clips of $data ($(nproc) cores)"
echo "| run | wall s |"
echo "| --- | ---: |"
timed "in-process, --threads 1" $run extract --data "$data" --out "$work/t1.csv" --threads 1
timed "in-process, --threads 2" $run extract --data "$data" --out "$work/t2.csv" --threads 2
timed "spark local[1], 1 clip (start-up + one clip)" $run extract --engine spark --master 'local[1]' --data "$work/one" --out "$work/s0"
timed "spark local[1]" $run extract --engine spark --master 'local[1]' --data "$data" --out "$work/s1"
timed "spark local[2]" $run extract --engine spark --master 'local[2]' --data "$data" --out "$work/s2"
timed "spark local[2], re-run (all reused)" $run extract --engine spark --master 'local[2]' --data "$data" --out "$work/s2"
cmp -s "$work/t1.csv" "$work/s2/features.csv" && echo "(spark local[2] table identical to the in-process one)" \
  || echo "(tables differ in the last digit: first-run JIT rounding, docs/cluster.md)"

echo
echo "compare --features-csv data/features_30_sec.csv --models $models --tune"
echo "| run | wall s |"
echo "| --- | ---: |"
timed "local harness, --threads 2" $run compare --features-csv data/features_30_sec.csv --models "$models" --tune --threads 2 --out "$work/g1"
timed "spark local[2]" $run compare --engine spark --master 'local[2]' --features-csv data/features_30_sec.csv --models "$models" --tune --out "$work/g2"
