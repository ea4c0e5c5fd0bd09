#pragma once

#include <QString>

#include <ctime>

// Time since this process was launched, for "start → rows shown".
//
// The harness passes the moment it launched the program in BENCH_LAUNCHED_AT_NS (CLOCK_MONOTONIC,
// read just before it starts the process): exact, and it counts exec and the loading of the shared
// libraries, which are part of a start. Run by hand without it, the kernel's start time of the
// process (/proc/self/stat field 22) against CLOCK_BOOTTIME stands in; that one is counted in clock
// ticks (10 ms), too coarse for a window that starts in tens of milliseconds.
class LaunchClock final {
public:
    LaunchClock();

    double elapsedMs() const;
    // "harness" or "proc-stat": which start the times count from.
    QString source() const { return m_source; }

private:
    clockid_t m_clock = CLOCK_MONOTONIC;
    qint64 m_launchedNs = 0;
    QString m_source;
};

// This process's resident memory now (VmRSS in /proc/self/status), in MiB.
double residentMiB();
