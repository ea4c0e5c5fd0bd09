#include "ProcessIdentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <optional>
#include <sys/types.h>

namespace {

struct ProcStat {
    char state = '?';      // field 3: R, S, D, Z (zombie: dead, not yet reaped), ...
    qint64 startTicks = 0; // field 22: when the process started, in clock ticks after boot
};

// The command name (field 2) may hold spaces and parentheses, so fields are counted after its last ')'.
std::optional<ProcStat> procStat(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = stat.readAll();
    const int commandEnd = line.lastIndexOf(')');
    if (commandEnd < 0)
        return std::nullopt;
    const QList<QByteArray> fields = line.mid(commandEnd + 2).split(' ');
    constexpr int startTimeField = 22 - 3; // fields after the command begin with field 3
    if (fields.size() <= startTimeField || fields.at(0).isEmpty())
        return std::nullopt;
    return ProcStat{fields.at(0).at(0), fields.at(startTimeField).toLongLong()};
}

} // namespace

ProcessIdentity ProcessIdentity::current() {
    return of(QCoreApplication::applicationPid());
}

ProcessIdentity ProcessIdentity::of(qint64 pid) {
    const std::optional<ProcStat> stat = procStat(pid);
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno != EPERM))
        return {};
    return {QString::fromLatin1(QSysInfo::bootUniqueId()), pid, stat ? stat->startTicks : 0};
}

ProcessIdentity ProcessIdentity::fromString(const QString &text) {
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 3)
        return {};
    return {parts.at(0), parts.at(1).toLongLong(), parts.at(2).toLongLong()};
}

QString ProcessIdentity::toString() const {
    return QStringLiteral("%1:%2:%3").arg(bootId).arg(pid).arg(startTicks);
}

bool ProcessIdentity::isAlive() const {
    if (isNull() || bootId != QString::fromLatin1(QSysInfo::bootUniqueId()))
        return false;
    // Signal 0 only asks whether the pid exists; EPERM means it does, under another user.
    if (::kill(pid_t(pid), 0) != 0 && errno != EPERM)
        return false;
    const std::optional<ProcStat> stat = procStat(pid);
    if (!stat)
        return startTicks == 0; // no /proc: the pid exists, which is all that can be known
    // A zombie has died; a different start time is a newer process that reused the pid.
    return stat->state != 'Z' && (startTicks == 0 || stat->startTicks == startTicks);
}
