#pragma once

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
