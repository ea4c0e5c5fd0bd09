#include "LaunchClock.h"

#include <QFile>
#include <QList>

#include <unistd.h>

namespace {

qint64 nowNs(clockid_t clock) {
    timespec now{};
    clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// Field 22 of /proc/self/stat: when the process started, in clock ticks since boot. The fields
// are counted after the command name, which is in parentheses and may contain spaces.
qint64 processStartNs() {
    QFile file(QStringLiteral("/proc/self/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' '); // from field 3 on
    return fields.value(22 - 3).toLongLong() * (1000000000 / sysconf(_SC_CLK_TCK));
}

} // namespace

LaunchClock::LaunchClock() {
    bool given = false;
    m_launchedNs = qEnvironmentVariable("BENCH_LAUNCHED_AT_NS").toLongLong(&given);
    if (given) {
        m_clock = CLOCK_MONOTONIC; // Python's time.monotonic_ns() on Linux
        m_source = QStringLiteral("harness");
    } else {
        m_clock = CLOCK_BOOTTIME; // the clock /proc/self/stat counts from
        m_launchedNs = processStartNs();
        m_source = QStringLiteral("proc-stat");
    }
}

double LaunchClock::elapsedMs() const {
    return double(nowNs(m_clock) - m_launchedNs) / 1e6;
}

double residentMiB() {
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) // "VmRSS:     12345 kB"
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024;
    }
    return 0;
}
