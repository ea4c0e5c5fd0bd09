#!/usr/bin/env bash
# Benchmarks, not tests (issue 10): `webhookctl list --json` against curl and a bare Qt fetch+parse
# program, and the console against a bare Qt table window, on the same static pages (1k, 10k, 100k
# endpoints), release build, medians of interleaved runs. See README.md, "Benchmarks".
# usage: ./bench.sh [COUNT...]     e.g. ./bench.sh 1000 10000 for a quicker run
#   BENCH_ROUNDS=N         runs per size (default 5, 3 at 100k and more)
#   BENCH_SECRET_LIMIT=S   seconds after launch to wait for the console's Secret column (default 10)
set -euo pipefail
cd "$(dirname "$0")"
source packaging/debian-packages.sh
wc_install_missing "${WC_BUILD_PACKAGES[@]}" "${WC_RUN_PACKAGES[@]}" curl python3

cmake --preset release >/dev/null
cmake --build --preset release --target webhookctl bench_page_server bench_qt_fetch bench_qt_table bench_console \
    >/dev/null
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), Qt $(qtpaths6 --qt-version)"

# The console needs a keychain: as in test.sh (duplicated here, test.sh is not shared), a private
# D-Bus session with gnome-keyring unlocked by a throwaway password, HOME/XDG folders in a
# temporary directory that is removed afterwards, and no display: the offscreen platform, with a
# 1920×1080 screen so the console opens at its usual 1360×800.
bench_home=$(mktemp -d -t webhook-console-bench.XXXXXX)
trap 'rm -rf "$bench_home"' EXIT
mkdir -m 700 -p "$bench_home/runtime"
export HOME="$bench_home" \
    XDG_CONFIG_HOME="$bench_home/config" \
    XDG_DATA_HOME="$bench_home/data" \
    XDG_CACHE_HOME="$bench_home/cache" \
    XDG_STATE_HOME="$bench_home/state" \
    XDG_RUNTIME_DIR="$bench_home/runtime" \
    QT_QPA_PLATFORM="offscreen:configfile=$PWD/bench/offscreen.json"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

dbus-run-session -- bash -c '
    set -euo pipefail
    keyring_password=$(head -c 24 /dev/urandom | base64)
    eval "$(printf "%s" "$keyring_password" | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    exec python3 bench/run.py build-release "$@"
' bench.sh "$@"
