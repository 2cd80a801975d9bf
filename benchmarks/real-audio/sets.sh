#!/usr/bin/env bash
# Builds the two real-audio sets of results/gtzan-real-* as folders of symbolic links (no audio is copied):
#
#   benchmarks/real-audio/sets.sh SHARED_DATA TARGET
#
#   TARGET/gtzan-10genre/<genre>/  100 songs: gtzan-sample (10 full ~30 s tracks, song 0 of each genre)
#                                  + gtzan-excerpts (90 excerpts of 15-19 s, songs 1-9 of each genre)
#   TARGET/gtzan-3genre/<genre>/   102 songs of classical, jazz, rock: gtzan-3genre (full 30 s tracks, songs 1-33)
#                                  + the three matching gtzan-sample tracks (song 0)
# Each song is in a set once (songs 1-9 of the three genres exist as excerpts and as full tracks; the 3-genre set
# takes the full tracks only). Then, for example:
#   ./mvnw -q exec:java -Dexec.args="compare --data TARGET/gtzan-10genre --out results/gtzan-real-10genre"
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 SHARED_DATA TARGET" >&2; exit 2; }
src=$(cd "$1" && pwd) target=$2
for need in gtzan-sample gtzan-excerpts gtzan-3genre; do
  [ -d "$src/$need" ] || { echo "error: $src/$need not found (see ../shared/data/README.md)" >&2; exit 2; }
done
link_all() { # DEST-DIR FILE...
  mkdir -p "$1"
  local dest=$1
  shift
  for f in "$@"; do ln -sfn "$f" "$dest/"; done
}
rm -rf "$target/gtzan-10genre" "$target/gtzan-3genre"
for dir in "$src"/gtzan-sample/*/; do
  g=$(basename "$dir")
  link_all "$target/gtzan-10genre/$g" "$src"/gtzan-sample/"$g"/*.wav "$src"/gtzan-excerpts/"$g"/*.wav
done
for g in classical jazz rock; do
  link_all "$target/gtzan-3genre/$g" "$src"/gtzan-sample/"$g"/*.wav "$src"/gtzan-3genre/"$g"/*.wav
done
for s in gtzan-10genre gtzan-3genre; do
  echo "$target/$s: $(find "$target/$s" -name '*.wav' | wc -l) songs"
done
