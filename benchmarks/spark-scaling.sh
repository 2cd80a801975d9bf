#!/usr/bin/env bash
# Spark against the in-process paths, side by side in one run, all through the shaded jar (src/spark/run-local.sh:
# the same JVM, flags and class path for every configuration):
#   1. extract on a synthetic set (CLIPS tracks of CLIP_SECONDS s, `synth --seed 42`): in-process --threads 1 and 2 against
#      --engine spark --master local[1] and local[2], ROUNDS rounds, the configurations alternated (each round starts
#      one configuration later); plus 10-clip runs of in-process --threads 1 and Spark local[1] for the fixed costs.
#      Checks that every Spark features.csv is byte-identical to the in-process one.
#   2. compare --features-csv data/features_30_sec.csv --tune --models MODELS: the local harness (all cores) and
#      --engine spark --master local[cores], one run each; checks that predictions, chosen hyperparameters and scores are
#      identical.
# Prints Markdown tables: wall and CPU (user + sys) seconds per run, the 1-minute load average before each run, and
# the derived rates and ratios.
#
# Needs, from a clean checkout: `./mvnw -Pspark package -DskipTests` (target-spark/genrebench-spark.jar), python3,
# /usr/bin/time. Every configuration uses the cores it is given, so run it on an otherwise idle machine, or read only
# the ratios.
#
# Usage: [CLIPS=200] [CLIP_SECONDS=30] [ROUNDS=3] [MODELS=knn,rf,svm,logreg,mlp,vote] [PARTS="extract grid"] \
#        [GRID_OUT=DIR] benchmarks/spark-scaling.sh
# GRID_OUT: where the local harness's grid run writes (default: a temporary folder; `results` writes
# results/gtzan-features-30s-tuned as `compare --tune` does). The Spark grid run always writes to a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
clips=${CLIPS:-200}
seconds=${CLIP_SECONDS:-30}
rounds=${ROUNDS:-3}
models=${MODELS:-knn,rf,svm,logreg,mlp,vote}
parts=${PARTS:-extract grid}
run=src/spark/run-local.sh
[ -f target-spark/genrebench-spark.jar ] || { echo "error: build first: ./mvnw -Pspark package -DskipTests" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
times="$work/times.tsv" # label, wall s, cpu s, load before

timed() { # label, command...
  local label=$1; shift
  local load t0 t1
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" > "$work/last.log" 2>&1 \
    || { echo "failed: $*" >&2; tail -20 "$work/last.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  printf '%s\t%s\t%s\t%s\n' "$label" "$(echo "$t1 - $t0" | bc)" "$(awk '{print $1 + $2}' "$work/cpu")" "$load" >> "$times"
}

table() { # prints the rows of $times whose label starts with $1
  echo "| run | wall s | CPU s | load before |"
  echo "| --- | ---: | ---: | ---: |"
  awk -F'\t' -v p="$1" 'index($1, p) == 1 { l = substr($1, length(p) + 1); sub(/\|/, ", round ", l); printf "| %s | %.1f | %.1f | %s |\n", l, $2, $3, $4 }' "$times"
}

echo "machine: $(nproc) cores; $(uptime)"

if [[ " $parts " == *" extract "* ]]; then
  $run synth --out "$work/audio" --genres 10 --per-genre $((clips / 10)) --seconds "$seconds" --seed 42 > /dev/null 2>&1
  # the 10-clip set: the first track of each genre (copies: the dataset loader does not follow links)
  for g in $(find "$work/audio" -name '*.wav' -exec dirname {} \; | sort -u); do
    mkdir -p "$work/ten/$(basename "$g")"
    f=$(find "$g" -name '*.wav' | sort | head -1)
    cp "$f" "$work/ten/$(basename "$g")/"
  done
  n=$(find "$work/audio" -name '*.wav' | wc -l)
  configs=(in1 in2 sp1 sp2 in1-10 sp1-10)
  extract_run() { # config, round
    case $1 in
      in1) timed "x:in-process --threads 1|$2" $run extract --data "$work/audio" --out "$work/in1-$2.csv" --threads 1 ;;
      in2) timed "x:in-process --threads 2|$2" $run extract --data "$work/audio" --out "$work/in2-$2.csv" --threads 2 ;;
      sp1) timed "x:spark local[1]|$2" $run extract --engine spark --master 'local[1]' --data "$work/audio" --out "$work/sp1-$2" ;;
      sp2) timed "x:spark local[2]|$2" $run extract --engine spark --master 'local[2]' --data "$work/audio" --out "$work/sp2-$2" ;;
      in1-10) timed "x:10 clips, in-process --threads 1|$2" $run extract --data "$work/ten" --out "$work/in1-10-$2.csv" --threads 1 ;;
      sp1-10) timed "x:10 clips, spark local[1]|$2" $run extract --engine spark --master 'local[1]' --data "$work/ten" --out "$work/sp1-10-$2" ;;
    esac
  }
  for ((r = 0; r < rounds; r++)); do
    for ((i = 0; i < ${#configs[@]}; i++)); do extract_run "${configs[$(((i + r) % ${#configs[@]}))]}" "$r"; done
  done
  # re-run of a finished Spark folder: every file's rows are reused (hashing + table writing only)
  timed "x:spark local[2], re-run of round 0's folder (every file reused)" $run extract --engine spark --master 'local[2]' --data "$work/audio" --out "$work/sp2-0"

  echo
  echo "## extract, $n synthetic clips of $seconds s (synth --seed 42), $rounds rounds"
  table "x:"
  same=yes
  for ((r = 0; r < rounds; r++)); do
    for f in "$work/in2-$r.csv" "$work/sp1-$r/features.csv" "$work/sp2-$r/features.csv"; do
      cmp -s "$work/in1-0.csv" "$f" || { same=no; echo "differs from in-process --threads 1, round 0: $f"; }
    done
    cmp -s "$work/in1-10-0.csv" "$work/sp1-10-$r/features.csv" || { same=no; echo "10-clip tables differ (round $r)"; }
  done
  echo
  echo "tables byte-identical (every in-process and Spark features.csv of the run against in-process --threads 1): $same"
  python3 - "$times" "$n" <<'EOF'
import sys, statistics as st
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.startswith('x:')]
n = int(sys.argv[2])
med = {}
for label, wall, cpu, _ in rows:
    name = label[2:].split('|')[0]
    med.setdefault(name, ([], []))
    med[name][0].append(float(wall)); med[name][1].append(float(cpu))
w = {k: st.median(v[0]) for k, v in med.items()}
c = {k: st.median(v[1]) for k, v in med.items()}
i1, i2, s1, s2 = w['in-process --threads 1'], w['in-process --threads 2'], w['spark local[1]'], w['spark local[2]']
t1, ts = w['10 clips, in-process --threads 1'], w['10 clips, spark local[1]']
print()
print('| medians over the rounds | wall s | clips/s | CPU s | CPU ms per clip |')
print('| --- | ---: | ---: | ---: | ---: |')
for k in ['in-process --threads 1', 'in-process --threads 2', 'spark local[1]', 'spark local[2]']:
    print(f'| {k} | {w[k]:.1f} | {n / w[k]:.2f} | {c[k]:.1f} | {1000 * c[k] / n:.0f} |')
print()
print(f'- 2 threads / 1 thread, by clips/s: in-process {i1 / i2:.2f}x, spark {s1 / s2:.2f}x')
print(f'- spark / in-process, by clips/s: 1 thread {i1 / s1:.2f}, 2 threads {i2 / s2:.2f}')
per_clip = ((s1 - ts) - (i1 - t1)) / (n - 10)
print(f'- spark local[1] minus in-process --threads 1, per clip, start-up included: {1000 * (s1 - i1) / n:.0f} ms')
print(f'- spark local[1] per-clip overhead, start-up excluded (slopes between the 10-clip and {n}-clip runs): {1000 * per_clip:.0f} ms')
print(f'- fixed cost, 10 clips: in-process {t1:.1f} s, spark local[1] {ts:.1f} s; spark start-up over in-process: {ts - t1 - 10 * per_clip:.1f} s')
print(f'- in-process per clip, start-up excluded (slope): {1000 * (i1 - t1) / (n - 10):.0f} ms wall, 1 thread')
ci1, cs1 = c['in-process --threads 1'], c['spark local[1]']
ct1, cts = c['10 clips, in-process --threads 1'], c['10 clips, spark local[1]']
cslope_i, cslope_s = (ci1 - ct1) / (n - 10), (cs1 - cts) / (n - 10)
print(f'- CPU per clip, start-up excluded (slopes): in-process {1000 * cslope_i:.0f} ms, spark local[1] {1000 * cslope_s:.0f} ms'
      f' ({1000 * (cslope_s - cslope_i):+.0f} ms); CPU of the 10-clip runs: in-process {ct1:.1f} s, spark {cts:.1f} s')
EOF
fi

if [[ " $parts " == *" grid "* ]]; then
  gout=${GRID_OUT:-$work/g1}
  out_args=(--out "$gout")
  [ "$gout" = results ] && out_args=() # compare's default, so that the report names the plain command
  # both on every core: the local harness's default --threads, and local[cores]
  timed "g:local harness (all $(nproc) cores)" $run compare --features-csv data/features_30_sec.csv --tune --models "$models" "${out_args[@]}"
  timed "g:spark local[$(nproc)]" $run compare --engine spark --master "local[$(nproc)]" --features-csv data/features_30_sec.csv --tune --models "$models" --out "$work/g2"
  echo
  echo "## compare --features-csv data/features_30_sec.csv --tune --models $models"
  table "g:"
  a="$gout/gtzan-features-30s-tuned" b="$work/g2/gtzan-features-30s-tuned"
  same=yes
  diff -rq --exclude='*.meta' "$a/predictions" "$b/predictions" > /dev/null || same=no
  for m in "$a"/predictions/*/*.meta; do
    cmp -s <(grep '^hp\.' "$m") <(grep '^hp\.' "$b/predictions/${m#"$a/predictions/"}") || same=no
  done
  cmp -s <(sed 's/,[^,]*$//' "$a/summary.csv") <(sed 's/,[^,]*$//' "$b/summary.csv") || same=no # all but fit_seconds
  echo
  echo "predictions, chosen hyperparameters and fold scores identical: $same"
  grep '^| [a-z]* | classical' "$a/report.md" | cut -d'|' -f2,4 | sed 's/^/  local:/'
  grep '^| [a-z]* | classical' "$b/report.md" | cut -d'|' -f2,4 | sed 's/^/  spark:/'
  awk -F'\t' '$1 ~ /^g:/ {w[++i] = $2} END {printf "\nspark / local harness, wall: %.2f\n", w[2] / w[1]}' "$times"
fi
echo
echo "after: $(uptime)"
