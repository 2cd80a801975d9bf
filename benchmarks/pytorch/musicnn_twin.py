#!/usr/bin/env python3
"""PyTorch twin of the pre-trained MSD_musicnn's forward pass, for the DL4J/PyTorch speed ratio.

Same layer shapes as MSD_musicnn (and GenreBench's DL4J rebuild of it, model/pretrained/MusicnnGraph), random
weights: times the forward pass over a batch of 3-s patches (187 frames x 96 mel bands), as
benchmarks/java/org/genrebench/bench/MusicnnTimer.java does for DL4J.

  front end: batch norm of the input;
    timbral:  zero-pad 3 frames each side -> conv 7x38 and 7x67 (204 filters each, ReLU) -> batch norm
              -> max over the remaining frequency positions (59, 30)
    temporal: TensorFlow 'same' padding in time -> conv 128x1, 64x1, 32x1 (51 filters each, ReLU)
              -> batch norm -> max over the 96 bands
    -> 561 channels x 187 frames
  mid end: 3 x [zero-pad 3 -> conv1d k=7 (561 or 64 -> 64, ReLU) -> batch norm], the 2nd and 3rd residual
    -> concatenation with the front end: 753 channels
  back end: max and mean over time (1506) -> batch norm -> dense 200 (ReLU) -> batch norm -> dense 50 -> sigmoid

--pool-first pools each front-end convolution before its ReLU and batch norm, the order the DL4J rebuild runs (there
the filters of negative batch-norm scale are negated, which keeps the function; with these random weights only the
cost is comparable); the default is musicnn's own order.

Usage (Debian: apt-get install python3-torch):
  /usr/bin/python3 benchmarks/pytorch/musicnn_twin.py [--threads 2] [--batch 16] [--steps 10] [--pool-first]
"""
import argparse
import statistics
import time

import torch
from torch import nn
import torch.nn.functional as F


class Branch(nn.Module):
    def __init__(self, kh, kw, filters, pad, pool_first):
        super().__init__()
        self.pad = pad  # (before, after) in time
        self.conv = nn.Conv2d(1, filters, (kh, kw))
        self.bn = nn.BatchNorm2d(filters, eps=1e-3)
        self.pool_first = pool_first

    def forward(self, x):  # x: (B, 1, 187, 96)
        z = self.conv(F.pad(x, (0, 0, self.pad[0], self.pad[1])))
        if self.pool_first:
            return self.bn(F.relu(torch.amax(z, dim=3, keepdim=True)))
        return torch.amax(self.bn(F.relu(z)), dim=3, keepdim=True)  # (B, filters, 187, 1)


class Musicnn(nn.Module):
    def __init__(self, pool_first=False, midend=64, dense=200, tags=50):
        super().__init__()
        self.bn_input = nn.BatchNorm2d(1, eps=1e-3)
        same = lambda k: ((k - 1) // 2, k - 1 - (k - 1) // 2)
        self.branches = nn.ModuleList([Branch(7, 38, 204, (3, 3), pool_first), Branch(7, 67, 204, (3, 3), pool_first)]
                                      + [Branch(k, 1, 51, same(k), pool_first) for k in (128, 64, 32)])
        self.mid = nn.ModuleList([nn.Conv1d(561 if i == 0 else midend, midend, 7, padding=3) for i in range(3)])
        self.mid_bn = nn.ModuleList([nn.BatchNorm1d(midend, eps=1e-3) for _ in range(3)])
        self.bn_flatpool = nn.BatchNorm1d(2 * (561 + 3 * midend), eps=1e-3)
        self.dense = nn.Linear(2 * (561 + 3 * midend), dense)
        self.bn_dense = nn.BatchNorm1d(dense, eps=1e-3)
        self.out = nn.Linear(dense, tags)

    def forward(self, x):  # x: (B, 187, 96) log-mel patches
        x = self.bn_input(x.unsqueeze(1))
        front = torch.cat([b(x) for b in self.branches], dim=1).squeeze(3)  # (B, 561, 187)
        features, h = [front], front
        for i, (conv, bn) in enumerate(zip(self.mid, self.mid_bn)):
            y = bn(F.relu(conv(h)))
            h = y if i == 0 else y + h
            features.append(h)
        m = torch.cat(features, dim=1)  # (B, 753, 187)
        pooled = torch.cat([m.amax(dim=2), m.mean(dim=2)], dim=1)
        penultimate = self.bn_dense(F.relu(self.dense(self.bn_flatpool(pooled))))
        return torch.sigmoid(self.out(penultimate))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--pool-first", action="store_true")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    model = Musicnn(a.pool_first).eval()
    params = sum(t.numel() for t in model.parameters())
    x = 3 * torch.rand(a.batch, 187, 96)
    times = []
    with torch.no_grad():
        for i in range(a.warmup + a.steps):
            t0 = time.perf_counter()
            model(x)
            if i >= a.warmup:
                times.append(time.perf_counter() - t0)
    median = statistics.median(times)
    # Keras counts each batch norm's moving mean and variance as parameters (792,079); PyTorch keeps them as buffers
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, mkldnn {torch.backends.mkldnn.is_available()}, "
          f"{params:,} parameters, pool-first {a.pool_first}")
    print(f"MSD_musicnn batch {a.batch}: forward {median:.4f} s/batch, {median / a.batch:.4f} s/patch "
          f"({a.batch / median:.1f} patches/s)")


if __name__ == "__main__":
    main()
