#!/usr/bin/env python3
"""Prints soxr-check.sh's table: each resampler's output against soxr HQ's, as signal and as the 58 features."""
import csv
import statistics
import sys

import numpy as np

work, community = sys.argv[1], sys.argv[2]
soxr = np.fromfile(f"{work}/out.soxr.f32", dtype="<f4").astype(float)
bands = [(0, 5000), (5000, 9000), (9000, 10000), (10000, 10500), (10500, 11025)]
features = {r["filename"].split(".")[0]: r for r in csv.DictReader(open(f"{work}/features.csv"))}
gtzan = list(csv.DictReader(open(community)))
columns = [c for c in features["soxr"] if c not in ("filename", "label", "length")]
spread = {c: statistics.pstdev(float(r[c]) for r in gtzan) for c in columns}

print("| resampler | SNR against soxr HQ | " + " | ".join(f"{lo / 1000:g}-{hi / 1000:g} kHz" for lo, hi in bands)
      + " | 58 features: median, largest |Δ| / GTZAN σ |")
print("|---" * (len(bands) + 3) + "|")
for name in ("genrebench", "tarsos"):
    y = np.fromfile(f"{work}/out.{name}.f32", dtype="<f4").astype(float)
    n = min(len(y), len(soxr))
    y, ref = y[:n], soxr[:n]
    snr = 10 * np.log10(np.sum(ref ** 2) / np.sum((y - ref) ** 2))
    power, ref_power = np.abs(np.fft.rfft(y)) ** 2, np.abs(np.fft.rfft(ref)) ** 2
    freq = np.fft.rfftfreq(n, 1 / 22050)
    ratios = []
    for lo, hi in bands:
        band = (freq >= lo) & (freq < hi)
        ratios.append(10 * np.log10(power[band].sum() / ref_power[band].sum()))
    z = {c: abs(float(features[name][c]) - float(features["soxr"][c])) / spread[c] for c in columns}
    worst = max(z, key=z.get)
    print(f"| {name} | {snr:.1f} dB | " + " | ".join(f"{r:+.2f} dB" for r in ratios)
          + f" | {statistics.median(z.values()):.4f}, {z[worst]:.3f} ({worst}) |")
