#!/usr/bin/env bash
# Benchmarks, not tests: `webhookctl list --json` against curl and a bare Qt fetch+parse program on the
# same static pages (1k, 10k, 100k endpoints), release build, medians of interleaved runs.
# usage: ./bench.sh [COUNT...]
set -euo pipefail
cd "$(dirname "$0")"
source packaging/debian-packages.sh
wc_install_missing "${WC_BUILD_PACKAGES[@]}" "${WC_RUN_PACKAGES[@]}" curl python3

cmake --preset release >/dev/null
cmake --build --preset release --target webhookctl bench_page_server bench_qt_fetch >/dev/null
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
exec python3 bench/run.py build-release "$@"
