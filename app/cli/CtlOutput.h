#pragma once

#include "EndpointService.h"

#include <QCoreApplication>
#include <QString>
#include <QTextStream>

// What every webhookctl command prints besides its own output, shared by WebhookCtl and
// DocumentCommands: a "webhookctl: " line on stderr, the report of an interrupted create that
// recovery settled before the command, and the worst exit status such reports raised (3 when a
// recovered secret could not be stored), which the command's own exit status cannot lower.
class CtlOutput final {
    Q_DECLARE_TR_FUNCTIONS(CtlOutput)

public:
    static constexpr int SecretNotStored = 3;

    CtlOutput(QTextStream &out, QTextStream &err);

    QTextStream &out;
    QTextStream &err;

    // Anything a provider or a document holds goes through this before it is printed.
    static QString safe(const QString &text);
    // message (made terminal-safe) on stderr, after "webhookctl: ".
    void error(const QString &message);
    // One recovery report, printed as soon as it is known (before its entry is settled: a kill in
    // between repeats it next time rather than losing it). A secret the keychain refused is shown
    // here once.
    void recovery(const EndpointService::Recovery &report);
    void raise(int exitCode) { m_worstExit = qMax(m_worstExit, exitCode); }
    // The exit status to leave with: the worse of exitCode and what was raised.
    int exitStatus(int exitCode) const { return qMax(exitCode, m_worstExit); }
    void flush();

private:
    int m_worstExit = 0;
};
