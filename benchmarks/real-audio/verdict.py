#!/usr/bin/env python3
"""The README's real-audio verdict table from committed reports: one column per results folder, one row per model.

    benchmarks/real-audio/verdict.py results/gtzan-real-10genre results/gtzan-real-3genre results/gtzan-real-3genre-fault-filtered

A cross-validated report gives the song accuracy's mean ± std over folds and a 95 % Student-t interval of that mean
(folds overlap in training songs, so the interval is optimistic); a single split (fault-filtered) gives the accuracy
on its test songs with a 95 % Wilson interval over those songs, and below the table an exact McNemar test of the
best classical against the best deep model on the same test songs (song predictions: window or chunk probabilities
averaged per song, as the harness scores them).
"""
import csv
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
        return f"{mean:.3f} ± {sd:.3f} ({max(0.0, mean - half):.2f}–{min(1.0, mean + half):.2f})"
    songs = sum(sum(row) for row in model["confusion_matrix"])
    correct = sum(model["confusion_matrix"][i][i] for i in range(len(model["confusion_matrix"])))
    ci = stats.binomtest(correct, songs).proportion_ci(0.95, method="wilson")
    return f"{correct / songs:.3f} ({ci.low:.2f}–{ci.high:.2f}, {correct}/{songs} songs)"


def song_correct(folder, model):
    """song -> whether the song-level prediction (mean probability over its rows) is right, from predictions/."""
    sums, labels = {}, {}
    with open(os.path.join(folder, "predictions", model, "fold-0.csv")) as f:
        for row in csv.DictReader(f):
            probs = {k[2:]: float(v) for k, v in row.items() if k.startswith("p_")}
            acc = sums.setdefault(row["song"], dict.fromkeys(probs, 0.0))
            for k, v in probs.items():
                acc[k] += v
            labels[row["song"]] = row["label"]
    return {song: max(p, key=p.get) == labels[song] for song, p in sums.items()}


def mcnemar(folder, summary):
    """One line per classical model: the best deep model against it on the same songs."""
    deep = [m for m in summary["models"] if m["family"] == "deep"]
    classical = [m for m in summary["models"] if m["family"] == "classical"]
    if not deep or not classical:
        return []
    a = max(deep, key=lambda m: m["accuracy_mean"])["name"]
    ra = song_correct(folder, a)
    lines = []
    for m in classical:
        rb = song_correct(folder, m["name"])
        only_a = sum(ra[s] and not rb[s] for s in ra)
        only_b = sum(rb[s] and not ra[s] for s in ra)
        p = stats.binomtest(only_a, only_a + only_b).pvalue if only_a + only_b else 1.0
        lines.append(f"- {a} vs {m['name']} on the same {len(ra)} songs: {only_a} right only by {a}, "
                     f"{only_b} only by {m['name']}; exact McNemar p = {p:.2g}")
    return lines


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
    for folder, (_, summary) in zip(sys.argv[1:], reports):
        if len(summary["models"][0]["accuracy_per_fold"]) == 1:
            lines = mcnemar(folder, summary)
            if lines:
                print()
                print(f"{os.path.basename(folder.rstrip('/'))}, best deep model against each classical model:")
                print("\n".join(lines))


if __name__ == "__main__":
    main()
