#pragma once

#include "ProviderRegistry.h"

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

// The real webhookctl binary, run without blocking the event loop so that an in-process sandbox
// keeps answering. Header-only, for integration tests.
struct CtlRun {
    int exitCode = -1; // -1: it did not start, crashed or was killed
    QString out;
    QString err;
};

inline CtlRun runCtl(const QStringList &arguments, const QByteArray &stdinData = QByteArray(),
                     const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment()) {
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(WC_BINARY_DIR "/app/webhookctl"), arguments);
    if (!process.waitForStarted(5000))
        return {};
    process.write(stdinData);
    process.closeWriteChannel();
    if (!finished.wait(30000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// `webhookctl -c CONNECTION create` for https://hooks.example.com/PROVIDER, subscribed to every
// event of the provider's catalog that can be subscribed to, with label as its label (description or name).
inline QStringList createArguments(const QString &connection, const QString &providerId, const QString &label) {
    QStringList arguments{QStringLiteral("-c"), connection, QStringLiteral("create"), QStringLiteral("--url"),
                          QStringLiteral("https://hooks.example.com/") + providerId};
    const ProviderProfile profile = *ProviderRegistry().profile(providerId);
    for (const EventType &event : profile.catalog()) {
        if (event.subscribable)
            arguments << QStringLiteral("--event") << event.type;
    }
    arguments << (profile.wireField(QStringLiteral("label")) == QLatin1String("name") ? QStringLiteral("--name")
                                                                                      : QStringLiteral("--description"))
              << label;
    return arguments;
}
