#!/usr/bin/env python3
"""The benchmarks of issue 10, on the same static Layers pages (100 endpoints a page, served from
memory on loopback), whole processes, medians of interleaved runs:

1. `webhookctl list --json` against curl and a bare Qt fetch+parse program: wall time, peak RSS.
2. The console (bench_console: the real MainWindow) against a bare Qt table window (bench_qt_table):
   start → rows shown, the Secret column with secrets stored in the keychain, keychain calls,
   filter keystrokes, resident memory. Also against the bare window reading the same API key from
   the keychain first (bench_qt_table --api-key-from-keychain): the least a window does that lists
   with a key it keeps in the keychain.

Called by ./bench.sh after it built the release preset, inside a private D-Bus session with a
throwaway gnome-keyring and a temporary HOME. usage: run.py BUILD_DIR [COUNT...]"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

build = sys.argv[1]
sizes = [int(n) for n in (sys.argv[2:] or ["1000", "10000", "100000"])]
page_size = 100
# The Secret column goal is for 10k endpoints with 10k secrets stored; a quick run stores fewer.
seeded = min(10000, max(sizes))
secret_limit = float(os.environ.get("BENCH_SECRET_LIMIT", "10"))  # seconds after launch
MB = 2**20 / 1e6  # MB per MiB: the goals are in MB, the figures here in MiB


def rounds_for(count):
    return int(os.environ.get("BENCH_ROUNDS", 3 if count >= 100000 else 5))


def run(argv, env=None):
    """Runs a command to completion; returns (seconds, peak RSS in MiB, how many '"id":' it printed, the end
    of its output).

    A child's peak RSS (ru_maxrss) counts this process's own peak when it was started (Linux keeps it
    across fork and exec), so this process keeps none of a large output and resets its peak first."""
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")  # resets this process's peak RSS to its current RSS
    with tempfile.TemporaryFile() as err:  # a file: a chatty stderr cannot block the child
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=err, env=env)
        ids, tail = 0, b""
        while True:  # drain stdout as it comes, so a large output cannot block the child
            chunk = process.stdout.read(1 << 16)
            if not chunk:
                break
            ids += (tail[-4:] + chunk).count(b'"id":')  # an "id": split across two chunks counts once
            tail = (tail + chunk)[-16384:]
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if status != 0:
            err.seek(0)
            sys.exit(f"{argv[0]} failed ({status}): {tail.decode(errors='replace')[-500:]} "
                     f"{err.read().decode(errors='replace')[-500:]}")
    return seconds, usage.ru_maxrss / 1024, ids, tail


def run_json(argv):
    """Runs a bench program that times itself from its launch; returns its JSON line."""
    env = dict(os.environ, BENCH_LAUNCHED_AT_NS=str(time.monotonic_ns()))  # see bench/LaunchClock.h
    *_, tail = run(argv, env)
    return json.loads(tail.strip().splitlines()[-1])


class PageServer:
    """bench_page_server for count endpoints, for the length of a with block."""

    def __init__(self, count):
        self.process = subprocess.Popen([f"{build}/bench/bench_page_server", str(count), str(page_size)],
                                        stdout=subprocess.PIPE, text=True)
        self.base = f"http://127.0.0.1:{int(self.process.stdout.readline())}/layers"
        self.collection = f"{self.base}/v1/webhook-endpoints"
        self.urls = [self.collection] + [f"{self.collection}?cursor={k}"
                                         for k in range(1, (count + page_size - 1) // page_size)]

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.process.terminate()
        self.process.wait()


def interleaved(commands, rounds):
    """Runs each command once a round, each one first in turn; returns {key: [result, ...]}."""
    results = {key: [] for key in commands}
    for round_ in range(rounds):
        order = list(commands)
        shift = round_ % len(order)
        for key in order[shift:] + order[:shift]:
            results[key].append(commands[key]())
    return results


class Goals:
    """The goals of issue 10, each printed with the figure it is judged on."""

    def __init__(self):
        self.lines = []

    def add(self, goal, figure, met):
        verdict = "not measured" if met is None else "met" if met else "NOT MET"
        self.lines.append(f"  {goal:<58} {figure:>36}  {verdict}")

    def print(self):
        print("goals (issue 10):")
        print("\n".join(self.lines))


median = statistics.median


def ms(value):
    if value is None:
        return "—"
    return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"


def webhookctl_table(goals):
    home = tempfile.mkdtemp(prefix="webhook-bench-ctl-")
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data",
               WEBHOOK_API_KEY="bench-key")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no keychain: the key comes from WEBHOOK_API_KEY
    ctl = f"{build}/app/webhookctl"

    print("webhookctl list --json (wall time and peak RSS of whole processes)")
    print(f"{'endpoints':>9}  {'curl':>8}  {'bare Qt':>8}  {'webhookctl':>10}  {'÷ bare Qt':>9}  {'÷ curl':>7}  "
          f"{'RSS webhookctl':>14}  {'RSS bare Qt':>11}")
    figures = {}
    for count in sizes:
        with PageServer(count) as server:
            name = f"bench{count}"
            subprocess.run([ctl, "connection", "add", name, "--provider", "layers", "--base-url", server.base,
                            "--environment", "development"], env=env, check=True, capture_output=True)
            commands = {
                "curl": ["curl", "-s", "--fail"] + server.urls,
                "bare Qt": [f"{build}/bench/bench_qt_fetch", server.collection],
                "webhookctl": [ctl, "-c", name, "list", "--json"],
            }
            results = interleaved({key: (lambda argv=argv: run(argv, env)) for key, argv in commands.items()},
                                  3 if count >= 100000 else 7)
        for _, _, listed, _ in results["webhookctl"]:
            if listed != count:
                sys.exit(f"webhookctl listed {listed} of {count} endpoints")
        time_ms = {key: median(r[0] for r in runs) * 1000 for key, runs in results.items()}
        rss = {key: median(r[1] for r in runs) for key, runs in results.items()}
        figures[count] = (time_ms, rss)
        print(f"{count:>9}  {time_ms['curl']:>6.0f}ms  {time_ms['bare Qt']:>6.0f}ms  {time_ms['webhookctl']:>8.0f}ms  "
              f"{time_ms['webhookctl'] / time_ms['bare Qt']:>8.2f}×  {time_ms['webhookctl'] / time_ms['curl']:>6.1f}×  "
              f"{rss['webhookctl']:>11.0f} MiB  {rss['bare Qt']:>7.0f} MiB")
    print()

    at10k = figures.get(10000)
    ratio = at10k and at10k[0]["webhookctl"] / at10k[0]["bare Qt"]
    goals.add("webhookctl list --json ≤ 1.5× bare Qt fetch+parse at 10k", f"{ratio:.2f}×" if at10k else "—",
              ratio <= 1.5 if at10k else None)
    ratio = at10k and at10k[0]["webhookctl"] / at10k[0]["curl"]
    goals.add("webhookctl list --json ≤ 6× curl at 10k", f"{ratio:.1f}×" if at10k else "—",
              ratio <= 6 if at10k else None)
    at100k = figures.get(100000)
    peak = at100k and at100k[1]["webhookctl"]
    goals.add("webhookctl peak RSS ≤ 250 MB at 100k", f"{peak * MB:.0f} MB" if at100k else "—",
              peak * MB <= 250 if at100k else None)


def console_runs(count):
    """Interleaved runs of the bare table window (without and with the keychain) and the console."""
    with PageServer(count) as server:
        setup = run_json([f"{build}/bench/bench_console", "--setup", server.base])
        commands = {
            "bare": lambda: run_json([f"{build}/bench/bench_qt_table", server.collection]),
            "bare keychain": lambda: run_json([f"{build}/bench/bench_qt_table", server.collection,
                                               "--api-key-from-keychain", setup["keychainService"],
                                               setup["apiKeyKey"]]),
            "console": lambda: run_json([f"{build}/bench/bench_console", str(count), "--secret-limit",
                                         str(secret_limit)]),
        }
        results = interleaved(commands, rounds_for(count))
    for bare in results["bare"] + results["bare keychain"]:
        if bare["rows"] != count:
            sys.exit(f"bench_qt_table showed {bare['rows']} of {count} endpoints")
    return results["bare"], results["bare keychain"], results["console"]


def secret_column(runs):
    """The Secret column's figure: the median time to complete, or how far it got."""
    complete = [r["secretCompleteMs"] for r in runs if r["secretCompleteMs"] is not None]
    if len(complete) == len(runs):
        return median(complete) / 1000, f"{median(complete) / 1000:.2f} s"
    known = median(r["secretKnown"] for r in runs)
    return None, f"incomplete after {secret_limit:.0f} s ({known:.0f} known)"


def seed():
    """Stores the secrets, once per bench run, before any console run (the connection's URL is set per size)."""
    seeding = run_json([f"{build}/bench/bench_console", "--setup", "http://127.0.0.1:9/layers",
                        "--seed", str(seeded)])
    print(f"seeded {seeding['seeded']} secrets into the keychain and the secret index in {seeding['seconds']:.0f} s")


def console_table(goals):
    seed()
    print(f"console start → rows shown, with {seeded} secrets stored in the keychain (medians; filter: "
          f"medians over runs of each run's median and worst keystroke)")
    print(f"{'endpoints':>9}  {'bare window':>11}  {'+ keychain':>10}  {'console':>8}  {'÷ bare':>6}  "
          f"{'÷ +keychain':>11}  {'Secret column':>34}  "
          f"{'keychain calls: API key + secrets':>33}  {'filter median':>13}  {'filter worst':>12}  "
          f"{'RSS bare':>8}  {'RSS console':>11}")
    figures = {}
    for count in sizes:
        bare, bare_keychain, console = console_runs(count)
        keys = [[k["ms"] for k in r["filter"]] for r in console if "filterError" not in r]
        filter_error = next((r["filterError"] for r in console if "filterError" in r), None)
        if filter_error:
            print(f"filter not measured at {count}: {filter_error}")
        f = figures[count] = {
            "bare": median(r["rowsShownMs"] for r in bare),
            "bare keychain": median(r["rowsShownMs"] for r in bare_keychain),
            "key": median(r["keyMs"] for r in bare_keychain),
            "console": median(r["rowsShownMs"] for r in console),
            "secret": secret_column(console),
            "api key reads": median(r["apiKeyReads"] for r in console),
            "secret calls": median(r["secretReads"] + r["keychainWrites"] + r["keychainRemoves"] for r in console),
            "filter median": median(median(k) for k in keys) if keys else None,
            "filter worst": median(max(k) for k in keys) if keys else None,
            "while loading": any(r["filterWhileSecretsLoading"] for r in console),
            "rss bare": median(r["rssMiB"] for r in bare),
            "rss console": median(r["rssMiB"] for r in console),
        }
        calls = f"{f['api key reads']:.0f} + {f['secret calls']:.0f}"
        loading = "*" if f["while loading"] else " "
        print(f"{count:>9}  {ms(f['bare']):>11}  {ms(f['bare keychain']):>10}  {ms(f['console']):>8}  "
              f"{f['console'] / f['bare']:>5.2f}×  {f['console'] / f['bare keychain']:>10.2f}×  "
              f"{f['secret'][1]:>34}  {calls:>33}  {ms(f['filter median']):>12}{loading}  "
              f"{ms(f['filter worst']):>12}  {f['rss bare']:>4.0f} MiB  {f['rss console']:>7.0f} MiB")
    keys = " · ".join(f"{ms(f['key'])} at {count // 1000}k" for count, f in figures.items())
    print(f"+ keychain: the bare window once it has read the API key with QtKeychain, {seeded} secrets stored; "
          f"the key came after {keys}")
    if any(f["while loading"] for f in figures.values()):
        print("* typed while the console was still filling the Secret column from the keychain")
    growth = {}
    if len(sizes) > 1:
        low, high = min(sizes), max(sizes)
        for key in ("rss bare", "rss console"):
            growth[key] = (figures[high][key] - figures[low][key]) / (high - low) * 10000
        print(f"RSS growth per 10k endpoints ({low} → {high}): bare window +{growth['rss bare']:.1f} MiB, "
              f"console +{growth['rss console']:.1f} MiB")
    print()

    for count, limit in ((1000, 1.5), (10000, 1.5), (100000, 2)):
        f = figures.get(count)
        ratio = f and f["console"] / f["bare"]
        goals.add(f"console start → rows shown ≤ {limit}× bare window at {count // 1000}k",
                  f"{ratio:.2f}×" if f else "—", ratio <= limit if f else None)
    f = figures.get(10000)
    complete = f and f["secret"][0]
    goals.add(f"Secret column complete ≤ 0.5 s at 10k, {seeded} secrets stored", f["secret"][1] if f else "—",
              (complete is not None and complete <= 0.5 and seeded >= 10000) if f else None)
    calls = " · ".join(f"{size['secret calls']:.0f} at {count // 1000}k" for count, size in figures.items())
    goals.add("zero keychain calls at load (the API key read aside)", calls,
              all(size["secret calls"] == 0 for size in figures.values()))
    worst = f and f["filter worst"]
    goals.add("filter: worst keystroke ≤ 16 ms at 10k", ms(worst), worst <= 16 if worst is not None else None)
    f = figures.get(100000)
    middle = f and f["filter median"]
    goals.add("filter: median keystroke ≤ 16 ms at 100k", ms(middle), middle <= 16 if middle is not None else None)
    per10k = growth.get("rss console")
    goals.add("console RSS growth ≤ 15 MB per 10k endpoints", f"+{per10k * MB:.1f} MB" if growth else "—",
              per10k * MB <= 15 if growth else None)


goals = Goals()
webhookctl_table(goals)
console_table(goals)
goals.print()
