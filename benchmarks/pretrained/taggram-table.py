#!/usr/bin/env python3
"""Writes data/embeddings/gtzan-msd-musicnn-taggram.csv.gz from the published MSD_musicnn taggrams
(../shared/data/musicnn-taggrams/gtzan-msd-musicnn-taggrams.csv): the same values, with the columns renamed to
GenreBench's embedding-table schema (filename, label, patch, split, msd-musicnn:taggram:TAG ...).

usage: benchmarks/pretrained/taggram-table.py SOURCE.csv data/embeddings/gtzan-msd-musicnn-taggram.csv.gz
"""
import csv
import gzip
import io
import sys

source, target = sys.argv[1], sys.argv[2]
with open(source, newline="") as f, gzip.GzipFile(target, "wb", mtime=0) as raw, \
        io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
    out = csv.writer(text, lineterminator="\n")
    rows = csv.reader(f)
    header = next(rows)
    tags = header[4:]
    assert header[:4] == ["file", "patch", "label", "split"], header[:4]
    out.writerow(["filename", "label", "patch", "split"] + ["msd-musicnn:taggram:" + t.removeprefix("tag_") for t in tags])
    for r in rows:
        out.writerow([r[0], r[2], r[1], r[3]] + r[4:])
