#!/usr/bin/env bash
# Regenerates the committed reports under results/ from scratch with the current code, each by the command its
# report.md names, into OUT (default: a fresh temporary folder), then prints how each table differs from the
# committed one. Copy OUT's folders over results/ to update them. Needs ../shared/data for the audio runs.
#
#   benchmarks/reproduce/run.sh [OUT] [GROUP...]
#
# GROUPs: synthetic, features, audio (default: all three). The real-audio network runs (results/gtzan-real-*) are
# not included: they take about an hour each on 2 cores; their DATA.md gives their commands.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-$(mktemp -d)}
shift || true
groups=("${@:-synthetic features audio}")
groups=(${groups[@]})
gb=./genrebench
shared=../shared/data
mkdir -p "$out"

run() { # run OUT_SUBDIR ARGS...: one compare into $out/OUT_SUBDIR
  local sub=$1; shift
  echo "== compare $* (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  "$gb" compare "$@" --out "$out/$sub" | grep -E "song acc|Reports|skipped" || true
}

for g in "${groups[@]}"; do
  case $g in
    synthetic)
      run . # the embedded default: results/synthetic and results/gtzan-features-30s
      run . --quick ;;
    features)
      csv=data/features_30_sec.csv
      run . --features-csv $csv --repeats 5
      run . --features-csv $csv --tune --models knn,rf,svm,logreg,mlp,vote
      run . --features-csv $csv --split fault-filtered
      run . --features-csv $csv --repeats 5 --protocol chunk-shuffle --threads 1 ;;
    audio)
      ten=(--data $shared/gtzan-sample --data $shared/gtzan-excerpts)
      three=(--data $shared/gtzan-3genre)
      classical=knn,rf,svm,logreg,mlp
      run audio-10genre "${ten[@]}" --models $classical --repeats 5
      run audio-10genre "${ten[@]}" --models $classical --repeats 5 --protocol chunk-shuffle
      run audio-10genre-cnn "${ten[@]}" --models $classical,cnn --protocol chunk-shuffle
      run audio-3genre "${three[@]}" --models $classical --repeats 5
      run audio-3genre "${three[@]}" --models $classical --repeats 5 --protocol chunk-shuffle
      run audio-3genre "${three[@]}" --models $classical --repeats 5 --protocol song-holdout:3
      r=$out ten_name=gtzan-sample+gtzan-excerpts three_name=gtzan-3genre # folder names compare gives these --data
      # The song-disjoint cnn column is the committed network run of the same songs (not rerun, see above).
      "$gb" report $r/gtzan-features-30s-r5 $r/gtzan-features-30s-chunk-shuffle-r5 $r/audio-3genre/$three_name-r5 \
        $r/audio-3genre/$three_name-song-holdout3-r5 $r/audio-3genre/$three_name-chunk-shuffle-r5 \
        $r/audio-10genre/$ten_name-r5 $r/audio-10genre/$ten_name-chunk-shuffle-r5 \
        results/gtzan-real-10genre $r/audio-10genre-cnn/$ten_name-chunk-shuffle \
        --out $out/protocols 2>/dev/null || echo "protocols report needs the features group too" ;;
    *) echo "error: unknown group '$g' (synthetic, features, audio)" >&2; exit 2 ;;
  esac
done

# Score tables (the Summary section of each report, without its time columns) against the committed ones.
scores() { sed -n '/^## Summary/,/^## /p' "$1" | cut -d'|' -f1-8; }
find "$out" -name report.md | sort | while read -r f; do
  rel=${f#"$out"/}
  committed=results/$rel
  if [[ -f $committed ]]; then
    if diff -q <(scores "$committed") <(scores "$f") >/dev/null; then
      echo "same scores: $rel"
    else
      echo "scores differ: $rel"
    fi
  else
    echo "new: $rel"
  fi
done
echo "reports in $out"
