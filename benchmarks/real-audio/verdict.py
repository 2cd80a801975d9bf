#!/usr/bin/env python3
"""The README's real-audio verdict table from committed reports: one column per results folder, one row per model.

    benchmarks/real-audio/verdict.py results/gtzan-real-10genre results/gtzan-real-3genre results/gtzan-real-3genre-fault-filtered

A cross-validated report gives the song accuracy's mean ± std over folds and a 95 % Student-t interval of that mean
(folds overlap in training songs, so the interval is optimistic). A single split (fault-filtered) gives the accuracy
on its test songs with a 95 % Wilson interval over those songs; run with --repeats R (model seeds seed … seed+R−1 on
the same split) it gives the mean over the seeds, their range, and the Wilson interval at the mean. Below the table,
an exact McNemar test of the best deep model against each classical model on the same test songs, per seed (song
predictions: window or chunk probabilities averaged per song, as the harness scores them).
"""
import csv
import json
import os
import sys
from decimal import ROUND_HALF_UP, Decimal

from scipy import stats


def fmt(x, digits):
    """x to `digits` decimals, halves rounded up as the Java reports round them (0.8125 -> 0.813, not 0.812)."""
    return str(Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def single_split(summary):
    """Whether the report is one train/test split (possibly repeated over seeds) rather than k-fold CV."""
    m = summary["models"][0]
    return len(m["accuracy_per_fold"]) == len(m.get("accuracy_per_repeat", [0]))


def cell(model, summary):
    folds = model["accuracy_per_fold"]
    songs = sum(sum(row) for row in model["confusion_matrix"])  # summed over seeds when repeated
    correct = sum(model["confusion_matrix"][i][i] for i in range(len(model["confusion_matrix"])))
    if not single_split(summary):
        n = len(folds)
        mean, sd = sum(folds) / n, stats.tstd(folds)
        half = stats.t.ppf(0.975, n - 1) * sd / n ** 0.5
        return f"{fmt(mean, 3)} ± {fmt(sd, 3)} ({fmt(max(0.0, mean - half), 2)}–{fmt(min(1.0, mean + half), 2)})"
    seeds = len(folds)
    per_seed = songs // seeds
    ci = stats.binomtest(round(correct / seeds), per_seed).proportion_ci(0.95, method="wilson")
    if seeds == 1:
        return f"{fmt(correct / songs, 3)} ({fmt(ci.low, 2)}–{fmt(ci.high, 2)}, {correct}/{songs} songs)"
    return (f"{fmt(correct / songs, 3)} (seeds {fmt(min(folds), 2)}–{fmt(max(folds), 2)}; "
            f"Wilson {fmt(ci.low, 2)}–{fmt(ci.high, 2)} at {per_seed} songs)")


def song_correct(folder, model, fold=0):
    """song -> whether the song-level prediction (mean probability over its rows) is right, from predictions/."""
    sums, labels = {}, {}
    with open(os.path.join(folder, "predictions", model, f"fold-{fold}.csv")) as f:
        for row in csv.DictReader(f):
            probs = {k[2:]: float(v) for k, v in row.items() if k.startswith("p_")}
            acc = sums.setdefault(row["song"], dict.fromkeys(probs, 0.0))
            for k, v in probs.items():
                acc[k] += v
            labels[row["song"]] = row["label"]
    return {song: max(p, key=p.get) == labels[song] for song, p in sums.items()}


def mcnemar(folder, summary):
    """One line per classical model: the best deep model (by mean) against it on the same songs, seed by seed."""
    deep = [m for m in summary["models"] if m["family"] == "deep"]
    classical = [m for m in summary["models"] if m["family"] == "classical"]
    if not deep or not classical:
        return []
    a = max(deep, key=lambda m: m["accuracy_mean"])["name"]
    seeds = len(deep[0]["accuracy_per_fold"])
    lines = []
    for m in classical:
        parts, songs = [], 0
        for fold in range(seeds):
            ra, rb = song_correct(folder, a, fold), song_correct(folder, m["name"], fold)
            only_a = sum(ra[s] and not rb[s] for s in ra)
            only_b = sum(rb[s] and not ra[s] for s in ra)
            p = stats.binomtest(only_a, only_a + only_b).pvalue if only_a + only_b else 1.0
            parts.append((only_a, only_b, p))
            songs = len(ra)
        if seeds == 1:
            only_a, only_b, p = parts[0]
            lines.append(f"- {a} vs {m['name']} on the same {songs} songs: {only_a} right only by {a}, "
                         f"{only_b} only by {m['name']}; exact McNemar p = {p:.2g}")
        else:
            below = sum(p < 0.05 for _, _, p in parts)
            detail = ", ".join(f"{x}/{y} p={p:.2g}" for x, y, p in parts)
            lines.append(f"- {a} vs {m['name']} on the same {songs} songs, per seed (right only by {a} / only by "
                         f"{m['name']}, exact McNemar p): {detail}; p < 0.05 in {below} of {seeds} seeds")
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
            cells.append(cell(model, summary) if model else "—")
        print(f"| {name} | " + " | ".join(cells) + " |")
    for folder, (_, summary) in zip(sys.argv[1:], reports):
        if single_split(summary):
            lines = mcnemar(folder, summary)
            if lines:
                print()
                print(f"{os.path.basename(folder.rstrip('/'))}, best deep model against each classical model:")
                print("\n".join(lines))


if __name__ == "__main__":
    main()
