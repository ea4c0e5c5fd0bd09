// webhookctl: the console's operations on the command line, for scripts and CI.
#include "WebhookCtl.h"
#include "CtlInvocation.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    // Shares the console's data folder (the pending-create journal) and settings.
    QCoreApplication::setApplicationName(QStringLiteral("webhook-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEBHOOK_CONSOLE_VERSION));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("webhook-console"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QString error;
    const std::optional<CtlInvocation> invocation = CtlInvocation::parse(app.arguments().mid(1), &error);
    if (!invocation) {
        QTextStream(stderr) << "webhookctl: " << error << "\n\n" << CtlInvocation::usageFor(app.arguments().mid(1));
        return CtlInvocation::usageErrorExitCode(app.arguments().mid(1));
    }
    WebhookCtl ctl;
    QObject::connect(&ctl, &WebhookCtl::finished, &app, [](int exitCode) { QCoreApplication::exit(exitCode); });
    ctl.start(*invocation);
    return app.exec();
}
