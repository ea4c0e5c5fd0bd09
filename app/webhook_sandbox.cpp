// webhook-sandbox: the four providers' webhook-endpoint APIs on 127.0.0.1, for tests, demos and
// offline work. Prints one "<provider>  <base URL>" line per provider, then serves until
// SIGINT or SIGTERM.

#include "SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

// Only async-signal-safe work here: the event loop reads the pipe and quits.
void onSignal(int signal) {
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

void installQuitOnSignals(QCoreApplication &app) {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

[[noreturn]] void usageError(const QString &message) {
    std::fprintf(stderr, "webhook-sandbox: %s\nTry 'webhook-sandbox --help'.\n", qPrintable(message));
    std::exit(2);
}

int intOption(const QCommandLineParser &parser, const QCommandLineOption &option, const QString &name, int min,
              int max) {
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < min || value > max)
        usageError(QStringLiteral("--%1: expected a whole number from %2 to %3, got '%4'")
                       .arg(name)
                       .arg(min)
                       .arg(max)
                       .arg(parser.value(option)));
    return value;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("webhook-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEBHOOK_CONSOLE_VERSION));
    // Creates, deletes and faults on stderr; QT_LOGGING_RULES still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("webhookconsole.sandbox.info=true"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves the Layers, Encrata, Signa and PolyAI webhook-endpoint APIs on 127.0.0.1 "
                       "for tests, demos and offline work.\nRequests must carry the API key sandbox-key, or the "
                       "one in the WEBHOOK_SANDBOX_API_KEY environment variable."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port to listen on (0: any free port)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed for ids, secrets and faults."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption state(QStringLiteral("state"),
                                   QStringLiteral("Load and save endpoints (and their secrets) in FILE (mode 0600)."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption development(QStringLiteral("development"),
                                         QStringLiteral("Act as a development environment (plain-http endpoint URLs "
                                                        "where a provider allows them)."));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Start with a few demo endpoints per provider."));
    const QCommandLineOption dropAfterCommit(
        QStringLiteral("drop-after-commit"),
        QStringLiteral("Commit the first N creates, then close the connection without answering."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption latency(QStringLiteral("latency-ms"), QStringLiteral("Delay every answer by N ms."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption commitDelay(
        QStringLiteral("commit-delay-ms"),
        QStringLiteral("Process every POST N ms after it arrived, as a slow provider commits late."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption failRate(QStringLiteral("fail-rate"),
                                      QStringLiteral("Answer this fraction (0..1) of requests with 500."),
                                      QStringLiteral("F"), QStringLiteral("0"));
    const QCommandLineOption rateLimit(QStringLiteral("rate-limit"),
                                       QStringLiteral("Allow N requests per one-second window; answer the rest 429 "
                                                      "with Retry-After: 1 (0: no limit)."),
                                       QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption malformed(QStringLiteral("malformed"),
                                       QStringLiteral("Answer successes with bodies that are not the documented JSON "
                                                      "(truncated, wrong types, HTML, in turn)."));
    parser.addOptions(
        {port, seed, state, development, demo, dropAfterCommit, latency, commitDelay, failRate, rateLimit, malformed});

    if (!parser.parse(QCoreApplication::arguments()))
        usageError(parser.errorText());
    if (parser.isSet(help))
        parser.showHelp(0);
    if (parser.isSet(version))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    SandboxServer::Options options;
    options.port = quint16(intOption(parser, port, QStringLiteral("port"), 0, 65535));
    {
        bool ok = false;
        options.seed = parser.value(seed).toUInt(&ok);
        if (!ok)
            usageError(QStringLiteral("--seed: expected a whole number from 0 to 4294967295, got '%1'")
                           .arg(parser.value(seed)));
    }
    options.stateFile = parser.value(state);
    if (parser.isSet(state) && options.stateFile.isEmpty())
        usageError(QStringLiteral("--state: expected a file name"));
    // API keys never travel as arguments (other users can read them in the process list).
    options.apiKey = qEnvironmentVariable("WEBHOOK_SANDBOX_API_KEY", QStringLiteral("sandbox-key"));
    if (options.apiKey.isEmpty())
        usageError(QStringLiteral("WEBHOOK_SANDBOX_API_KEY: must not be empty"));
    options.development = parser.isSet(development);
    options.dropAfterCommit = intOption(parser, dropAfterCommit, QStringLiteral("drop-after-commit"), 0, 1000000);
    options.latencyMs = intOption(parser, latency, QStringLiteral("latency-ms"), 0, 600000);
    options.commitDelayMs = intOption(parser, commitDelay, QStringLiteral("commit-delay-ms"), 0, 600000);
    {
        bool ok = false;
        options.failRate = parser.value(failRate).toDouble(&ok);
        if (!ok || !(options.failRate >= 0.0 && options.failRate <= 1.0))
            usageError(
                QStringLiteral("--fail-rate: expected a number from 0 to 1, got '%1'").arg(parser.value(failRate)));
    }
    options.rateLimit = intOption(parser, rateLimit, QStringLiteral("rate-limit"), 0, 1000000);
    options.malformed = parser.isSet(malformed);

    SandboxServer server(options);
    if (!server.listen()) {
        std::fprintf(stderr, "webhook-sandbox: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    // With a state file, demo data is added once, not again on every start.
    bool empty = true;
    for (const QString &providerId : server.providerIds())
        empty = empty && server.endpoints(providerId).isEmpty();
    if (parser.isSet(demo) && empty)
        server.seedDemoData();

    for (const QString &providerId : server.providerIds())
        std::printf("%s  %s\n", qPrintable(providerId), qPrintable(server.baseUrl(providerId).toString()));
    std::fflush(stdout);

    installQuitOnSignals(app);
    return QCoreApplication::exec();
}
