#pragma once

#include <QString>

// A running process on this machine, named so that it cannot be confused with a later process that
// reuses its pid: the boot it runs in, its pid and its start time. Rows of the local state that a
// process is working on carry its identity; another process can then tell "still at work" (leave
// it alone) from "died mid-way" (take it over), even after a kill -9.
struct ProcessIdentity {
    QString bootId;
    qint64 pid = 0;
    qint64 startTicks = 0; // since boot, in clock ticks (Linux /proc/PID/stat field 22); 0 if unknown

    static ProcessIdentity current();
    // The process running now under pid on this machine; null if there is none.
    static ProcessIdentity of(qint64 pid);
    // "boot:pid:start", as stored; an unreadable text gives a null identity.
    static ProcessIdentity fromString(const QString &text);
    QString toString() const;

    bool isNull() const { return pid <= 0; }
    // True while this very process runs. A process of another boot (or another machine sharing the
    // data folder) is taken for gone: the state database is per machine.
    bool isAlive() const;

    bool operator==(const ProcessIdentity &other) const {
        return bootId == other.bootId && pid == other.pid && startTicks == other.startTicks;
    }
    bool operator!=(const ProcessIdentity &other) const { return !(*this == other); }
};
