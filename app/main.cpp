// webhook-console: the desktop console.
#include "ApplicationIcon.h"
#include "AppliedEndpoints.h"
#include "ClipboardGuard.h"
#include "ConnectionStore.h"
#include "DeliveryLog.h"
#include "DeliveryRetention.h"
#include "EndpointService.h"
#include "KeychainSecretStore.h"
#include "ListLimits.h"
#include "LocalState.h"
#include "MainWindow.h"
#include "PendingCreateJournal.h"
#include "SandboxSession.h"
#include "ThreadedKeychainStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTranslator>

namespace {

void describeApplication() {
    QCoreApplication::setApplicationName(QStringLiteral("webhook-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEBHOOK_CONSOLE_VERSION));
}

// One parser for both passes: the display-less one that answers --help and --version, and the real one.
struct CommandLine {
    QCommandLineParser parser;
    QCommandLineOption sandbox{QStringLiteral("sandbox"),
                               QObject::tr("Also run a built-in sandbox with one demo connection per provider (the "
                                           "default when no connection is configured).")};
    CommandLine() {
        parser.setApplicationDescription(
            QObject::tr("Manage webhook endpoints across providers; signing secrets go straight into your keychain."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(sandbox);
    }
};

bool asksForInformationOnly(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--help" || argument == "-h" || argument == "--help-all" || argument == "--version" ||
            argument == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[]) {
    // --help and --version answer without a display (over ssh, in a package check): QApplication
    // would abort first when no display is reachable.
    if (asksForInformationOnly(argc, argv)) {
        QCoreApplication core(argc, argv);
        describeApplication();
        CommandLine commandLine;
        commandLine.parser.process(core); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QObject::tr("Webhook Console"));
    // The desktop entry's id, so Wayland compositors and taskbars match the window to its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.webhook_console.WebhookConsole"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("webhook-console"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    CommandLine commandLine;
    commandLine.parser.process(app);
    const bool sandboxRequested = commandLine.parser.isSet(commandLine.sandbox);

    QNetworkAccessManager network;
    ThreadedKeychainStore secrets(KeychainSecretStore::defaultService());
    LocalState state;
    PendingCreateJournal journal(state);
    const ProviderRegistry registry(ProviderRegistry::defaultUserDirectory());
    SecretIndex secretIndex(state);
    DeliveryLog deliveryLog(state, DeliveryRetention::fromSettings().keep);
    AppliedEndpoints applied(state);
    EndpointService service(&network, &secrets, &journal, registry);
    service.setSecretIndex(&secretIndex);
    service.setAppliedEndpoints(&applied);
    ApiClient::Policy policy;
    ListLimits::fromSettings().applyTo(policy);
    policy.keepListedRaw = false; // the details pane asks for an endpoint's when it shows it
    service.setPolicy(policy);
    ConnectionStore store;
    ClipboardGuard clipboard;

    QStringList notices;
    for (const ProviderRegistry::Problem &problem : registry.problems())
        notices << QObject::tr("Provider profile %1 was skipped: %2").arg(problem.file, problem.reason);
    if (!journal.problem().isEmpty())
        notices << journal.problem();

    SandboxSession sandbox(&service);
    QList<Connection> sandboxConnections;
    if (sandboxRequested || store.connections().isEmpty()) {
        QString error;
        if (sandbox.start(&error))
            sandboxConnections = sandbox.connections();
        else
            notices << QObject::tr("The built-in sandbox could not start: %1").arg(error);
    }

    // The sandbox's API keys go through the keychain like any other. They are queued before the
    // window exists, so they land before its first reads (the keychain answers in call order),
    // and the window does not wait for them: a new keyring may first ask for a password.
    QPointer<MainWindow> shownWindow;
    if (!sandboxConnections.isEmpty()) {
        sandbox.storeSecrets(&app, [&shownWindow](const SecretResult &result) {
            if (!result.ok() && shownWindow)
                shownWindow->showNotice(QObject::tr("Your keychain did not accept the sandbox's keys (%1); the "
                                                    "demo connections will not work until it does.")
                                            .arg(result.errorText));
        });
    }
    // The keychain reads the API key while the window is built (it works in a thread of its own).
    if (const std::optional<Connection> opening = MainWindow::openingConnection(store, sandboxConnections))
        service.prepare(*opening);
    ApplicationIcon::install();
    MainWindow window(&service, &store, &clipboard, sandboxConnections, &deliveryLog,
                      sandboxConnections.isEmpty() ? nullptr : &sandbox);
    window.setAppliedEndpoints(&applied);
    shownWindow = &window;
    window.show();
    for (const QString &notice : std::as_const(notices))
        window.showNotice(notice);
    window.recoverPendingCreates();
    return app.exec();
}
