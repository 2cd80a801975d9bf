#!/usr/bin/env bash
# Wall time and peak memory of `compare` at GTZAN's size: 1000 synthetic 30-s tracks (10 genres x 100), on this
# machine's cores, each model family in its own process so that each has its own peak resident memory.
#
#   benchmarks/gtzan-scale/run.sh WORK
#   FAMILIES="cnn vgg" benchmarks/gtzan-scale/run.sh WORK     some of: classical cnn crnn vgg pretrained study
#                                                            (default: classical cnn crnn vgg pretrained)
#
# The classical models and the pre-trained msd-musicnn (embedding every song once, then a probe per fold) run the full
# 5-fold CV. Each network runs one 80/20 split (--split song-holdout:20: 800 training and 200 test songs, the size of
# one fold of the 5-fold CV), so that the three fit in an afternoon; five folds cost five times its fit. `study` is the
# whole default study in one process, as a researcher runs it: compare's default models (the five classical ones,
# cnn, vgg, crnn, msd-musicnn) over the full 5-fold CV, the wall time of everything from reading the set. Logs with
# `/usr/bin/time -v` go to WORK/*.log, reports to WORK/out/<family>/.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 WORK" >&2; exit 2; }
work=$1
cd "$(dirname "$0")/../.."
mkdir -p "$work"
[ -d "$work/set" ] || /usr/bin/time -v ./genrebench synth --out "$work/set" --genres 10 --per-genre 100 --seconds 30 --seed 1 \
  > "$work/synth.log" 2>&1
families=${FAMILIES:-classical cnn crnn vgg pretrained}
for family in $families; do
  root=$work/root
  case $family in
    classical) args=(--models knn,rf,svm,logreg,mlp) ;;
    pretrained) args=(--models msd-musicnn) ;;
    study) args=() root=$work/root-study; rm -rf "$root" ;; # nothing cached: features and embeddings are computed
    *) args=(--models "$family" --split song-holdout:20) ;;
  esac
  echo "gtzan-scale: $family $(date -u +%T)"
  /usr/bin/time -v ./genrebench compare --data "$work/set" ${args[@]+"${args[@]}"} --data-root "$root" --out "$work/out/$family" \
    > "$work/$family.log" 2>&1
done
for family in $families; do
  printf '%s: %s, peak %s\n' "$family" \
    "$(grep 'Elapsed (wall clock)' "$work/$family.log" | sed 's/.*: //')" \
    "$(awk '/Maximum resident set size/ {printf "%.2f GB", $NF / 1048576}' "$work/$family.log")"
done
