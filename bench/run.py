#!/usr/bin/env python3
"""Measures `webhookctl list --json` against its floors (curl, a bare Qt fetch+parse program) on the
same static Layers pages, 100 endpoints a page, in whole processes: medians of interleaved runs,
wall time and peak RSS. Called by ./bench.sh after it built the release preset."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

build = sys.argv[1]
sizes = [int(n) for n in (sys.argv[2:] or ["1000", "10000", "100000"])]
page_size = 100


def run(argv, env=None):
    """Runs a command to completion; returns (seconds, peak RSS in MiB, stdout)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = bytearray()
    while True:  # drain stdout as it comes, so a large output cannot block the child
        chunk = process.stdout.read(1 << 16)
        if not chunk:
            break
        out += chunk
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{argv[0]} failed ({status}): {err.decode(errors='replace')[:500]}")
    return seconds, usage.ru_maxrss / 1024, bytes(out)


home = tempfile.mkdtemp(prefix="webhook-bench-")
env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data",
           WEBHOOK_API_KEY="bench-key")
env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no keychain: the key comes from WEBHOOK_API_KEY
ctl = f"{build}/app/webhookctl"

print(f"{'endpoints':>9}  {'curl':>8}  {'bare Qt':>8}  {'webhookctl':>10}  {'÷ bare Qt':>9}  {'÷ curl':>7}  "
      f"{'RSS webhookctl':>14}  {'RSS bare Qt':>11}")
for count in sizes:
    server = subprocess.Popen([f"{build}/bench/bench_page_server", str(count), str(page_size)],
                              stdout=subprocess.PIPE, text=True)
    port = int(server.stdout.readline())
    base = f"http://127.0.0.1:{port}/layers"
    collection = f"{base}/v1/webhook-endpoints"
    pages = (count + page_size - 1) // page_size
    urls = [collection] + [f"{collection}?cursor={k}" for k in range(1, pages)]
    name = f"bench{count}"
    subprocess.run([ctl, "connection", "add", name, "--provider", "layers", "--base-url", base,
                    "--environment", "development"], env=env, check=True, capture_output=True)

    commands = {
        "curl": ["curl", "-s", "--fail"] + urls,
        "bare Qt": [f"{build}/bench/bench_qt_fetch", collection],
        "webhookctl": [ctl, "-c", name, "list", "--json"],
    }
    rounds = 3 if count >= 100000 else 7
    times = {key: [] for key in commands}
    rss = {key: [] for key in commands}
    for round_ in range(rounds):
        order = list(commands)
        order = order[round_ % 3:] + order[:round_ % 3]  # interleaved, each first in turn
        for key in order:
            seconds, peak, out = run(commands[key], env)
            times[key].append(seconds)
            rss[key].append(peak)
            if key == "webhookctl" and round_ == 0:
                listed = out.count(b'"id":')
                if listed != count:
                    sys.exit(f"webhookctl listed {listed} of {count} endpoints")
    server.terminate()
    median = {key: statistics.median(values) * 1000 for key, values in times.items()}
    print(f"{count:>9}  {median['curl']:>6.0f}ms  {median['bare Qt']:>6.0f}ms  {median['webhookctl']:>8.0f}ms  "
          f"{median['webhookctl'] / median['bare Qt']:>8.2f}×  {median['webhookctl'] / median['curl']:>6.1f}×  "
          f"{statistics.median(rss['webhookctl']):>11.0f} MiB  {statistics.median(rss['bare Qt']):>7.0f} MiB")
