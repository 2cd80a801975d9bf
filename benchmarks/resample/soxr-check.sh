#!/usr/bin/env bash
# How close GenreBench's resampler and TarsosDSP's come to soxr HQ (librosa.load's default resampler,
# res_type='soxr_hq'), on a 30-s 44.1 kHz clip with content up to 21 kHz, and what the difference does to the 58
# features.
#
#   benchmarks/resample/soxr-check.sh [TRACK.wav] [FROM_RATE]
#
# Needs sox (Debian's package: its `rate -h` is libsoxr's HQ recipe) and python3 with numpy. The clip is TRACK
# (default: GTZAN's blues.00000 from ../shared/data) brought to FROM_RATE (default 44100) by soxr's very-high
# quality, plus pink noise and a 100 Hz - 21 kHz sweep so that the band above the new Nyquist frequency is full.
set -euo pipefail
cd "$(dirname "$0")/../.."
track=${1:-../shared/data/gtzan-sample/blues/blues.00000.wav}
from=${2:-44100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sox -R "$track" -r "$from" -e floating-point -b 32 "$work/music.wav" rate -v trim 0 30
sox -R -n -r "$from" -c 1 -e floating-point -b 32 "$work/noise.wav" synth 30 pinknoise vol 0.1
sox -R -n -r "$from" -c 1 -e floating-point -b 32 "$work/sweep.wav" synth 30 sine 100-21000 vol 0.1
sox -R -m "$work/music.wav" "$work/noise.wav" "$work/sweep.wav" -t f32 "$work/in.f32"
sox -R -t f32 -r "$from" -c 1 "$work/in.f32" -t f32 "$work/out.soxr.f32" rate -h 22050
./mvnw -q -Pjmh test-compile exec:exec -Dbench.main=org.genrebench.bench.ResampleCompare \
  -Djmh.args="$work/in.f32 $from 22050 $work/out" 2>&1 | grep -v '^WARNING' || true
mkdir -p "$work/set/x"
for k in soxr genrebench tarsos; do
  sox -t f32 -r 22050 -c 1 "$work/out.$k.f32" -e floating-point -b 32 "$work/set/x/$k.wav"
done
./genrebench extract --data "$work/set" --out "$work/features.csv" >/dev/null 2>&1
python3 benchmarks/resample/compare.py "$work" data/features_30_sec.csv
