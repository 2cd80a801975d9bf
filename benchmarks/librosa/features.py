#!/usr/bin/env python3
"""The 58 features of the community GTZAN table (features_30_sec.csv) computed the way its authors did, with
librosa's defaults (22 050 Hz, STFT 2048/512): the Python anchor of GenreBench's FeatureBench.fullVector.

    benchmarks/librosa/features.py TRACK.wav [--runs N] [--warmups W] [--vector OUT.json] [--table FEATURES.csv]

One thread: the thread counts of BLAS, OpenMP and numba are pinned to 1 before numpy loads, as FeatureBench runs one
thread. Prints one line per timed run ('librosa run K: wall S s, cpu S s') and a summary line
('librosa features: mean wall ... s, mean cpu ... s, runs N, librosa X.Y.Z, numpy ..., numba ...'). --vector writes
the values with their column names; --table prints their relative errors against the track's row of a community
table (data/features_30_sec.csv), which shows the anchor computes what the table holds. benchmarks/librosa/install.sh
installs librosa where pip cannot reach PyPI.
"""
import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402

import librosa  # noqa: E402
import numba  # noqa: E402
import numpy as np  # noqa: E402


def features(y, sr):
    """The table's 57 computed columns in its order (the 58th, length, is the sample count): mean and variance of
    each frame feature, and the tempo."""
    out = {}

    def stats(name, frames):
        out[name + "_mean"] = float(np.mean(frames))
        out[name + "_var"] = float(np.var(frames))

    stats("chroma_stft", librosa.feature.chroma_stft(y=y, sr=sr))
    stats("rms", librosa.feature.rms(y=y))
    stats("spectral_centroid", librosa.feature.spectral_centroid(y=y, sr=sr))
    stats("spectral_bandwidth", librosa.feature.spectral_bandwidth(y=y, sr=sr))
    stats("rolloff", librosa.feature.spectral_rolloff(y=y, sr=sr))
    stats("zero_crossing_rate", librosa.feature.zero_crossing_rate(y))
    harmonic, percussive = librosa.effects.hpss(y)
    stats("harmony", harmonic)
    stats("perceptr", percussive)
    tempo, _ = librosa.beat.beat_track(y=y, sr=sr)
    out["tempo"] = float(np.atleast_1d(tempo)[0])
    mfcc = librosa.feature.mfcc(y=y, sr=sr)
    for k in range(mfcc.shape[0]):
        stats("mfcc%d" % (k + 1), mfcc[k])
    return out


def table_errors(vector, table, track):
    """Relative errors of vector against the row of table whose file name is track's, ignoring its extension (the
    table names GTZAN's files .wav or .au)."""
    stem = os.path.splitext(os.path.basename(track))[0]
    with open(table, newline="") as f:
        row = next((r for r in csv.DictReader(f) if os.path.splitext(r["filename"])[0] == stem), None)
    if row is None:
        raise SystemExit("no row for %s in %s" % (stem, table))
    return {k: abs(v - float(row[k])) / max(abs(float(row[k])), 1e-12) for k, v in vector.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("track")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmups", type=int, default=1, help="untimed runs first (numba compiles on the first)")
    parser.add_argument("--vector", help="write the values as JSON")
    parser.add_argument("--table", help="a community feature table to compare the values with")
    args = parser.parse_args()
    y, sr = librosa.load(args.track, sr=22050)
    for _ in range(args.warmups):
        features(y, sr)
    walls, cpus = [], []
    for run in range(1, args.runs + 1):
        w0, c0 = time.perf_counter(), time.process_time()
        vector = features(y, sr)
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
        print("librosa run %d: wall %.3f s, cpu %.3f s" % (run, walls[-1], cpus[-1]), flush=True)
    print("librosa features: mean wall %.3f s (min %.3f, max %.3f), mean cpu %.3f s, runs %d, librosa %s, numpy %s, numba %s"
          % (np.mean(walls), min(walls), max(walls), np.mean(cpus), len(walls), librosa.__version__, np.__version__,
             numba.__version__))
    if args.table:
        errors = table_errors(vector, args.table, args.track)
        worst = max(errors, key=errors.get)
        print("librosa against %s: median relative error %.2g over %d columns, %d within 1e-3, largest %.2g (%s)"
              % (args.table, float(np.median(list(errors.values()))), len(errors),
                 sum(e <= 1e-3 for e in errors.values()), errors[worst], worst))
    if args.vector:
        with open(args.vector, "w") as f:
            json.dump({"track": args.track, "features": vector}, f, indent=1)


if __name__ == "__main__":
    main()
