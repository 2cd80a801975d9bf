#!/usr/bin/env python3
"""Markdown table of an ablation written by run.sh: per setting, song accuracy over seeds (each seed the mean of its
5 folds), its spread and a 95 % Student-t interval of the mean, and the difference to the first setting paired by seed
and fold: the seeds share their folds across settings, so the seeds are repeats of one k-fold CV and the interval is
the corrected repeated k-fold t interval (Nadeau & Bengio; Bouckaert & Frank) over the k x seeds paired fold
differences, as the harness's own reports use; for a network also the epochs each fold trained (from the reports).

    benchmarks/ablation/table.py OUT MODEL [SETTING ...]   (settings in table order; default: every folder of OUT)
"""
import glob
import json
import os
import re
import sys

from scipy import stats


def runs(out, setting, model):
    """seed -> (song accuracy, fit seconds, accuracy per fold) of model in the finished runs of one setting; a seed's
    folder may hold several runs (of different models)."""
    found = {}
    for path, seed in reports(out, setting, "summary.json"):
        with open(path) as f:
            summary = json.load(f)
        m = next((m for m in summary["models"] if m["name"] == model), None)
        if m is None:
            continue  # a run of other models under the same seed
        if seed in found:
            sys.exit(f"table.py: two runs of {model} for seed {seed} of {setting}")
        found[seed] = (m["accuracy_mean"], m["fit_seconds"], m["accuracy_per_fold"])
    return found


def reports(out, setting, name):
    """(path, seed) of every file called name in the runs of one setting: OUT/SETTING/seedK/[any folders/]name."""
    base = os.path.join(out, setting)
    for path in sorted(glob.glob(os.path.join(base, "seed*", "**", name), recursive=True)):
        yield path, int(os.path.relpath(path, base).split(os.sep)[0][len("seed"):])


def epochs_run(out, setting, model):
    """Epochs each fold's network trained for (early stopping may end it before the budget), from the runs' reports:
    their lines '- fold K: architecture=MODEL, ..., epochsRun=N, ...'. Empty for models that are not networks."""
    pattern = re.compile(r"- fold \d+: architecture=" + re.escape(model) + r",.*\bepochsRun=(\d+)")
    found = []
    for path, _ in reports(out, setting, "report.md"):
        with open(path) as f:
            found += [int(m.group(1)) for m in map(pattern.search, f) if m]
    return found


def interval(values):
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, float("nan"), (float("nan"), float("nan"))
    sd = stats.tstd(values)
    half = stats.t.ppf(0.975, n - 1) * sd / n ** 0.5
    return mean, sd, (mean - half, mean + half)


def corrected_paired(r, base, seeds):
    """Mean paired fold difference over seeds and its corrected repeated k-fold 95 % interval and p-value."""
    diffs = [a - b for k in seeds for a, b in zip(r[k][2], base[k][2])]
    folds = len(r[seeds[0]][2])
    n = len(diffs)
    mean = sum(diffs) / n
    var = stats.tvar(diffs) if n > 1 else float("nan")
    se = ((1 / n + 1 / (folds - 1)) * var) ** 0.5  # test/train share of a k-fold split: 1/(k-1)
    if se == 0:
        return mean, (mean, mean), 1.0 if mean == 0 else 0.0
    half = stats.t.ppf(0.975, n - 1) * se
    p = 2 * stats.t.sf(abs(mean) / se, n - 1)
    return mean, (mean - half, mean + half), p


def clipped(interval):
    """An accuracy's interval, within [0, 1]."""
    return max(0.0, interval[0]), min(1.0, interval[1])


def main():
    out, model = sys.argv[1], sys.argv[2]
    settings = sys.argv[3:] or sorted(d for d in os.listdir(out) if os.path.isdir(os.path.join(out, d)))
    table = {s: runs(out, s, model) for s in settings}
    base = table[settings[0]]
    print(f"| setting | seeds | song accuracy, mean | std over seeds | 95 % interval of the mean | Δ vs {settings[0]}, paired by seed and fold (95 % interval, p) | fit, 5 folds (mean) | epochs run per fold |")
    print("|---|---|---|---|---|---|---|---|")
    for s in settings:
        r = table[s]
        if not r:
            print(f"| {s} | 0 | not run | | | | | |")
            continue
        accs = [r[k][0] for k in sorted(r)]
        mean, sd, ci_raw = interval(accs)
        lo, hi = clipped(ci_raw)
        common = sorted(set(r) & set(base))
        if s == settings[0] or not common:
            delta = "—"
        else:
            d_mean, (d_lo, d_hi), p = corrected_paired(r, base, common)
            delta = f"{d_mean:+.3f} ({d_lo:+.3f} to {d_hi:+.3f}, p = {p:.2f}; seeds {','.join(map(str, common))})"
        fit = sum(r[k][1] for k in r) / len(r)
        ci = "—" if len(accs) < 2 else f"{lo:.3f} – {hi:.3f}"
        sd_text = "—" if len(accs) < 2 else f"{sd:.3f}"
        ran = epochs_run(out, s, model)
        ran_text = f"{sum(ran) / len(ran):.1f} ({min(ran)}–{max(ran)})" if ran else "—"
        print(f"| {s} | {','.join(map(str, sorted(r)))} | {mean:.3f} | {sd_text} | {ci} | {delta} | {fit:.0f} s | {ran_text} |")


if __name__ == "__main__":
    main()
