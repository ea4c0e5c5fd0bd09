#pragma once

#include "ConnectionStore.h"
#include "CtlProcess.h"
#include "KeychainSecretStore.h"
#include "LocalState.h"
#include "PendingCreateJournal.h"
#include "SandboxServer.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

// Real webhookctl processes, any number at once, against an in-process sandbox, with settings and a
// local state of their own (a temporary XDG folder, which this process reads too) and the real
// keychain: for tests of what crashes (SIGKILL) and concurrent processes do. Header-only, for
// integration tests; construct it once the QCoreApplication exists.
class CtlProcesses final {
public:
    explicit CtlProcesses(const QString &apiKeyPrefix)
        : apiKey(apiKeyPrefix + QUuid::createUuid().toString(QUuid::Id128)) {
        // This process reads the same state database and settings as the webhookctl it starts.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(xdg.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(xdg.filePath(QStringLiteral("data"))));
        QCoreApplication::setApplicationName(QStringLiteral("webhook-console"));
        keychain = std::make_unique<KeychainSecretStore>();
    }

    const QString apiKey;
    QTemporaryDir xdg;
    std::unique_ptr<KeychainSecretStore> keychain;
    std::unique_ptr<SandboxServer> sandbox;
    QStringList errors; // everything webhookctl said on stderr, for "reported as lost"

    // A new, empty sandbox (the one before goes) with the processes' API key; errors forgotten.
    bool startSandbox(QString *error) {
        SandboxServer::Options options;
        options.apiKey = apiKey;
        sandbox = std::make_unique<SandboxServer>(options);
        errors.clear();
        if (!sandbox->listen()) {
            *error = sandbox->errorString();
            return false;
        }
        return true;
    }

    QProcessEnvironment environment() const {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), xdg.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), xdg.filePath(QStringLiteral("data")));
        environment.remove(QStringLiteral("WEBHOOK_API_KEY"));
        return environment;
    }

    std::unique_ptr<QProcess> start(const QStringList &arguments, const QByteArray &stdinData = QByteArray()) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment());
        process->start(QStringLiteral(WC_BINARY_DIR "/app/webhookctl"), arguments);
        if (!process->waitForStarted(5000))
            qWarning() << "webhookctl did not start";
        process->write(stdinData);
        process->closeWriteChannel();
        return process;
    }

    // Waits without blocking the event loop, so the in-process sandbox keeps answering.
    CtlRun finish(QProcess &process, int timeoutMs = 60000) {
        if (process.state() != QProcess::NotRunning &&
            !QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs))
            process.kill();
        process.waitForFinished(1000);
        CtlRun run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
        errors << run.err;
        return run;
    }

    CtlRun ctl(const QStringList &arguments) {
        auto process = start(arguments);
        return finish(*process);
    }

    void killNow(QProcess &process) {
        process.kill(); // SIGKILL: no clean-up of any kind
        process.waitForFinished(5000);
        finish(process);
    }

    // A new connection to the sandbox, its name "<provider>-" and six random characters.
    QString addConnection(const QString &providerId) {
        const QString name = providerId + QStringLiteral("-") + QUuid::createUuid().toString(QUuid::Id128).left(6);
        auto process = start({QStringLiteral("connection"), QStringLiteral("add"), name, QStringLiteral("--provider"),
                              providerId, QStringLiteral("--base-url"), sandbox->baseUrl(providerId).toString()},
                             apiKey.toUtf8() + '\n');
        const CtlRun run = finish(*process);
        if (run.exitCode != 0)
            qWarning() << run.err;
        return run.exitCode == 0 ? name : QString();
    }

    int posts(const QString &providerId) const {
        int count = 0;
        for (const SandboxRequest &request : sandbox->requestLog())
            count += request.method == "POST" && request.providerId == providerId;
        return count;
    }

    static QList<PendingCreateJournal::Entry> journalEntries() {
        LocalState state;
        return PendingCreateJournal(state, QString()).unfinished();
    }

    // The secret the keychain holds for the endpoint under any of these connections; empty if none.
    QString storedSecret(const QStringList &connectionNames, const QString &endpointId) {
        ConnectionStore store;
        QObject context;
        for (const QString &name : connectionNames) {
            const std::optional<Connection> connection = store.byName(name);
            if (!connection)
                continue;
            std::optional<QString> secret;
            keychain->read(SecretStore::endpointSecretKey(connection->id, endpointId), &context,
                           [&](const SecretResult &, const QString &value) { secret = value; });
            (void)QTest::qWaitFor([&] { return secret.has_value(); }, 10000);
            if (secret && !secret->isEmpty())
                return *secret;
        }
        return {};
    }

    // How many lines webhookctl printed saying that the endpoint at url lost its secret.
    int lostReports(const QString &url) const {
        int count = 0;
        for (const QString &text : errors) {
            for (const QString &line : text.split(QLatin1Char('\n')))
                count += line.contains(url) && line.contains(QStringLiteral("secret was lost"));
        }
        return count;
    }
};
