#!/usr/bin/env python3
"""PyTorch twins of GenreBench's DL4J benchmark networks, for the DL4J/PyTorch speed ratio.

Times one training step (forward, backward, Adam update) on a random batch, exactly like
benchmarks/java/org/genrebench/bench/DeepBench.java does for DL4J:

  toy: conv3x3x16 -> ReLU -> maxpool2 -> conv3x3x32 -> ReLU -> global avg pool -> dense 10 (softmax loss)
  cnn: MelCnn(width 8): avgpool2 stem (128x130 -> 64x65) -> 4 x [conv3x3 (no bias) -> batch norm -> ReLU
       -> maxpool2] with 8, 16, 32, 32 channels -> global avg pool -> dropout 0.3 -> dense 10
       (--width 16 gives the same design at twice the channels)
  vgg: VggLike(width 8): the same stem and head, 4 x [2 x (conv3x3 -> batch norm -> ReLU) -> maxpool2]

Usage (Debian: apt-get install python3-torch):
  /usr/bin/python3 benchmarks/pytorch/cnn_twin.py [--threads 2] [--batch 64] [--steps 10] [--net toy cnn vgg]
"""
import argparse
import statistics
import time

import torch
from torch import nn


def toy():
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 10))


def cnn(width=8, convs_per_block=1):
    # DL4J "same" average pooling of 128x130 by 2 needs no padding: 64x65
    layers, cin = [nn.AvgPool2d(2)], 1
    for cout in (width, 2 * width, 4 * width, 4 * width):
        for _ in range(convs_per_block):
            layers += [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU()]
            cin = cout
        # ceil_mode matches DL4J's "same" pooling (65 frames -> 33 -> 17 -> 9 -> 5)
        layers += [nn.MaxPool2d(2, ceil_mode=True)]
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(cin, 10)]
    return nn.Sequential(*layers)


def time_steps(model, batch, steps, warmup):
    torch.manual_seed(42)
    x = torch.randn(batch, 1, 128, 130)
    y = torch.randint(0, 10, (batch,))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    times = []
    for i in range(warmup + steps):
        t0 = time.perf_counter()
        opt.zero_grad()
        loss_fn(model(x), y).backward()
        opt.step()
        if i >= warmup:
            times.append(time.perf_counter() - t0)
    model.eval()
    with torch.no_grad():
        for _ in range(warmup):
            model(x)
        t0 = time.perf_counter()
        for _ in range(steps):
            model(x)
        infer = (time.perf_counter() - t0) / steps
    return statistics.median(times), infer


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--net", nargs="+", default=["toy", "cnn"], choices=["toy", "cnn", "vgg"])
    p.add_argument("--width", type=int, default=8, help="MelCnn base width (GenreBench default: 8)")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, batch {a.batch}x1x128x130, "
          f"mkldnn {torch.backends.mkldnn.is_available()}")
    for name in a.net:
        model = {"toy": toy, "cnn": lambda: cnn(a.width), "vgg": lambda: cnn(a.width, 2)}[name]()
        train, infer = time_steps(model, a.batch, a.steps, a.warmup)
        print(f"{name}: train {train:.3f} s/step ({a.batch / train:.0f} samples/s), "
              f"inference {infer:.3f} s/batch ({a.batch / infer:.0f} samples/s)")


if __name__ == "__main__":
    main()
