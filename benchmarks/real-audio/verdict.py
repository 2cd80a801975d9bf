#!/usr/bin/env python3
"""The README's real-audio verdict table from committed reports: one column per results folder, one row per model.

    benchmarks/real-audio/verdict.py results/gtzan-real-10genre results/gtzan-real-3genre results/gtzan-real-3genre-fault-filtered

A cross-validated report gives the song accuracy's mean ± std over folds and a 95 % Student-t interval of that mean
(folds overlap in training songs, so the interval is optimistic); a single split (fault-filtered) gives the accuracy
on its test songs with a 95 % Wilson interval over those songs.
"""
import json
import os
import sys

from scipy import stats


def cell(model):
    folds = model["accuracy_per_fold"]
    if len(folds) > 1:
        n = len(folds)
        mean, sd = sum(folds) / n, stats.tstd(folds)
        half = stats.t.ppf(0.975, n - 1) * sd / n ** 0.5
        return f"{mean:.3f} ± {sd:.3f} ({mean - half:.2f}–{mean + half:.2f})"
    songs = sum(sum(row) for row in model["confusion_matrix"])
    correct = sum(model["confusion_matrix"][i][i] for i in range(len(model["confusion_matrix"])))
    ci = stats.binomtest(correct, songs).proportion_ci(0.95, method="wilson")
    return f"{correct / songs:.3f} ({ci.low:.2f}–{ci.high:.2f}, {correct}/{songs} songs)"


def main():
    reports = []
    for folder in sys.argv[1:]:
        with open(os.path.join(folder, "summary.json")) as f:
            reports.append((os.path.basename(folder.rstrip("/")), json.load(f)))
    names = [m["name"] for m in reports[0][1]["models"]]
    print("| model | " + " | ".join(name for name, _ in reports) + " |")
    print("|---|" + "---|" * len(reports))
    for name in names:
        cells = []
        for _, summary in reports:
            model = next((m for m in summary["models"] if m["name"] == name), None)
            cells.append(cell(model) if model else "—")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
