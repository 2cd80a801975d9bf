#!/usr/bin/env bash
# The speed goals of results/benchmarks.md ("Speed goals"), measured one after another in one run on this machine,
# each side by side with its anchor:
#   features  the 58 features of a 30-s GTZAN track, one thread (FeatureBench: fullVector and its stages, with the
#             benchmark thread's CPU time per call), then librosa on the same track (benchmarks/librosa/features.py,
#             when `python3 -c 'import librosa'` works; PYTHON=... picks the interpreter)
#   step      the default cnn's training step against its PyTorch twin (benchmarks/ratio.sh ROUNDS STEPS 8), batch 64,
#             then vgg's at the training batch of 32 (NET=vgg BATCH=32)
#   mp3       mp3 decode + resampling against the features of the same clip (DecodeBench, ffmpeg-made clips when
#             ffmpeg is on the PATH)
#   spark     extract on Spark local[1] against in-process --threads 1 (benchmarks/spark-scaling.sh, extract only;
#             needs ./mvnw -Pspark package -DskipTests first)
#
#   benchmarks/speed-goals.sh OUT [parts...]      parts: features step mp3 spark (default: all)
#   ROUNDS=2 STEPS=60 CLIPS=60 SPARK_ROUNDS=1 override the sizes.
#
# Writes OUT/<part>.log and OUT/machine.txt (CPU model, SIMD flags, cores, load before each part). Run it on an
# otherwise idle machine; the parts never overlap.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 OUT [features|step|mp3|spark ...]" >&2; exit 2; }
out=$(realpath -m "$1"); shift
parts=${*:-features step mp3 spark}
cd "$(dirname "$0")/.."
mkdir -p "$out"
{
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "simd: $(grep -m1 '^flags' /proc/cpuinfo | grep -o 'avx512f\|avx2' | sort -u | tr '\n' ' ')"
  echo "cores: $(nproc)"
  echo "java: $(./mvnw -v 2>/dev/null | sed -n 's/^Java version: //p' | head -1)"
  echo "date: $(date -u +%FT%TZ)"
} > "$out/machine.txt"
./mvnw -q -Pjmh test-compile
load() { echo "load before $1: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"; }
for part in $parts; do
  load "$part"
  echo "speed-goals: $part $(date -u +%T)"
  case $part in
    features) ./mvnw -q -Pjmh exec:exec -Djmh.args='FeatureBench -f 1 -wi 3 -i 5 -w 2 -r 2' > "$out/features.log" 2>&1
              track=../shared/data/gtzan-sample/blues/blues.00000.wav # FeatureBench's track
              if "${PYTHON:-python3}" -c 'import librosa' 2>/dev/null; then
                load librosa
                "${PYTHON:-python3}" benchmarks/librosa/features.py "$track" --runs "${LIBROSA_RUNS:-5}" \
                  --vector "$out/librosa-vector.json" --table data/features_30_sec.csv > "$out/librosa.log" 2>&1
                java=$(grep -E '^(Iteration +[0-9]+: )?cpu fullVector ' "$out/features.log" | awk '{s += $(NF-1); n++} END {if (n) printf "%.2f", s / n}')
                python=$(sed -n 's/.*mean cpu \([0-9.]*\) s.*/\1/p' "$out/librosa.log")
                echo "librosa / GenreBench CPU per track: $python s / $java ms = $(awk -v p="$python" -v j="$java" 'BEGIN {printf "%.1f", 1000 * p / j}')x" >> "$out/librosa.log"
              else
                echo "librosa is not importable by ${PYTHON:-python3}: the anchor is not measured" > "$out/librosa.log"
              fi ;;
    step) { benchmarks/ratio.sh "${ROUNDS:-2}" "${STEPS:-60}" 8
            NET=vgg BATCH=32 benchmarks/ratio.sh "${ROUNDS:-2}" "${STEPS:-60}" 8; } > "$out/step.log" 2>&1 ;;
    mp3) ./mvnw -q -Pjmh exec:exec -Djmh.args='DecodeBench -f 1 -wi 2 -i 5' > "$out/mp3.log" 2>&1 ;;
    spark) CLIPS=${CLIPS:-60} ROUNDS=${SPARK_ROUNDS:-1} PARTS=extract benchmarks/spark-scaling.sh > "$out/spark.log" 2>&1 ;;
    *) echo "unknown part: $part" >&2; exit 2 ;;
  esac
done
load end
cat "$out/machine.txt"
grep -h '^cpu \|^Benchmark\|^FeatureBench\|^DecodeBench' "$out/features.log" "$out/mp3.log" 2>/dev/null || true
grep -h '^librosa' "$out/librosa.log" 2>/dev/null || true
cat "$out/step.log" 2>/dev/null || true
grep -A12 '^## extract' "$out/spark.log" 2>/dev/null || true
