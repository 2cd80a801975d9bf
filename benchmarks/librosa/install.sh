#!/usr/bin/env bash
# librosa for benchmarks/librosa/features.py, into DIR, for Debian's /usr/bin/python3: numpy, scipy, numba and the
# rest from Debian's packages, librosa 0.11.0 (the release the pip index here serves) and its three small
# dependencies from the pip index. Then: PYTHON=/usr/bin/python3 PYTHONPATH=DIR benchmarks/speed-goals.sh OUT features
#
#   benchmarks/librosa/install.sh DIR      (as root, for apt-get)
set -euo pipefail
dir=${1:?usage: $0 DIR}
apt-get install -y -q python3-numpy python3-scipy python3-sklearn python3-joblib python3-decorator python3-numba \
  python3-soundfile python3-audioread python3-pooch python3-packaging > /dev/null
"${PIP:-pip}" install -q --no-deps --target "$dir" librosa==0.11.0 lazy_loader soxr msgpack
PYTHONPATH=$dir /usr/bin/python3 -c 'import librosa; print("librosa", librosa.__version__, "in '"$dir"'")'
