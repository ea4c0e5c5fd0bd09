// webhook-console: the desktop console.
#include "ClipboardGuard.h"
#include "ConnectionStore.h"
#include "EndpointService.h"
#include "KeychainSecretStore.h"
#include "MainWindow.h"
#include "PendingCreateJournal.h"
#include "SandboxSession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QNetworkAccessManager>

#include <memory>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("webhook-console"));
    QApplication::setApplicationDisplayName(QObject::tr("Webhook Console"));
    QApplication::setApplicationVersion(QStringLiteral(WEBHOOK_CONSOLE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("Manage webhook endpoints across providers; signing secrets go straight into your keychain."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox"),
        QObject::tr("Also run a built-in sandbox with one demo connection per provider (the default when no "
                    "connection is configured)."));
    parser.addOption(sandboxOption);
    parser.process(app);

    QNetworkAccessManager network;
    KeychainSecretStore secrets;
    PendingCreateJournal journal;
    const ProviderRegistry registry(ProviderRegistry::defaultUserDirectory());
    EndpointService service(&network, &secrets, &journal, registry);
    ConnectionStore store;
    ClipboardGuard clipboard;

    QStringList notices;
    for (const ProviderRegistry::Problem &problem : registry.problems())
        notices << QObject::tr("Provider profile %1 was skipped: %2").arg(problem.file, problem.reason);
    if (!journal.loadError().isEmpty())
        notices << journal.loadError();

    SandboxSession sandbox(&service);
    std::unique_ptr<MainWindow> window;
    const auto showWindow = [&](const QList<Connection> &sandboxConnections) {
        window = std::make_unique<MainWindow>(&service, &store, &clipboard, sandboxConnections);
        window->show();
        for (const QString &notice : std::as_const(notices))
            window->showNotice(notice);
        window->recoverPendingCreates();
    };

    if (parser.isSet(sandboxOption) || store.connections().isEmpty()) {
        QString error;
        if (!sandbox.start(&error)) {
            notices << QObject::tr("The built-in sandbox could not start: %1").arg(error);
            showWindow({});
        } else {
            // The sandbox's API keys go through the keychain like any other before the window uses them.
            sandbox.storeSecrets(&app, [&](const SecretResult &result) {
                if (!result.ok())
                    notices << QObject::tr("Your keychain did not accept the sandbox's keys (%1); the demo "
                                           "connections will not work until it does.")
                                   .arg(result.errorText);
                showWindow(sandbox.connections());
            });
        }
    } else {
        showWindow({});
    }
    return app.exec();
}
