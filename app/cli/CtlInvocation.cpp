#include "CtlInvocation.h"

#include "TerminalText.h"
#include "Timestamp.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("CtlInvocation", text);
}

using Command = CtlInvocation::Command;

// export, plan and apply work on endpoints documents, over several connections at once.
bool isDocumentCommand(Command command) {
    return command == Command::Export || command == Command::Plan || command == Command::Apply;
}

// Options that take a value, and the commands that accept each option.
const QSet<QString> &valueOptions() {
    static const QSet<QString> options{QStringLiteral("--connection"), QStringLiteral("--provider"),
                                       QStringLiteral("--base-url"),   QStringLiteral("--environment"),
                                       QStringLiteral("--auth"),       QStringLiteral("--url"),
                                       QStringLiteral("--event"),      QStringLiteral("--description"),
                                       QStringLiteral("--name"),       QStringLiteral("--project-id"),
                                       QStringLiteral("--scope"),      QStringLiteral("--metadata"),
                                       QStringLiteral("--header"),     QStringLiteral("--timeout-ms"),
                                       QStringLiteral("--deadline"),   QStringLiteral("--request-timeout"),
                                       QStringLiteral("--body-file"),  QStringLiteral("--timestamp"),
                                       QStringLiteral("--id"),         QStringLiteral("--received-at"),
                                       QStringLiteral("--scheme"),     QStringLiteral("--port"),
                                       QStringLiteral("--forward"),    QStringLiteral("--file"),
                                       QStringLiteral("--output"),     QStringLiteral("--var"),
                                       QStringLiteral("--vars-file")};
    return options;
}

const QSet<QString> &endpointOptions() {
    static const QSet<QString> options{QStringLiteral("--url"),         QStringLiteral("--event"),
                                       QStringLiteral("--description"), QStringLiteral("--name"),
                                       QStringLiteral("--project-id"),  QStringLiteral("--scope"),
                                       QStringLiteral("--metadata"),    QStringLiteral("--header"),
                                       QStringLiteral("--timeout-ms"),  QStringLiteral("--json")};
    return options;
}

QSet<QString> optionsOf(Command command) {
    switch (command) {
    case Command::ConnectionAdd:
        return {QStringLiteral("--provider"), QStringLiteral("--base-url"), QStringLiteral("--environment"),
                QStringLiteral("--auth")};
    case Command::List:
        return {QStringLiteral("--json"), QStringLiteral("--raw")};
    case Command::Create:
    case Command::Update:
        return endpointOptions();
    case Command::SecretImport:
        return {QStringLiteral("--any-form")};
    case Command::Sign:
        return {QStringLiteral("--body-file"), QStringLiteral("--timestamp"), QStringLiteral("--id")};
    case Command::Verify:
        return {QStringLiteral("--header"), QStringLiteral("--body-file"), QStringLiteral("--received-at"),
                QStringLiteral("--scheme"), QStringLiteral("--json")};
    case Command::Listen:
        return {QStringLiteral("--port"), QStringLiteral("--forward")};
    case Command::Export:
        return {QStringLiteral("--output")};
    case Command::Plan:
        return {QStringLiteral("--file"), QStringLiteral("--var"), QStringLiteral("--vars-file"),
                QStringLiteral("--prune"), QStringLiteral("--json")};
    case Command::Apply:
        return {QStringLiteral("--file"),  QStringLiteral("--var"), QStringLiteral("--vars-file"),
                QStringLiteral("--prune"), QStringLiteral("--yes"), QStringLiteral("--json")};
    default:
        return {};
    }
}

bool parseKeyValue(const QString &option, const QString &text, StringMap *into, QString *error) {
    const int equals = text.indexOf(QLatin1Char('='));
    if (equals <= 0) {
        *error = tr("%1 expects KEY=VALUE, got \"%2\".").arg(option, text);
        return false;
    }
    into->insert(text.left(equals), text.mid(equals + 1));
    return true;
}

// verify --header 'Name: value': an HTTP field name, then the value (trimmed; no line breaks).
bool parseHeader(const QString &text, QList<QPair<QByteArray, QByteArray>> *into, QString *error) {
    static const QRegularExpression name(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    const int colon = text.indexOf(QLatin1Char(':'));
    const QString key = colon > 0 ? text.left(colon) : QString();
    const QString value = colon > 0 ? text.mid(colon + 1).trimmed() : QString();
    if (!name.match(key).hasMatch() || value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n')) ||
        value.contains(QChar(0))) {
        *error = tr("--header expects 'Name: value', not \"%1\".").arg(TerminalText::escaped(text));
        return false;
    }
    into->append({key.toLatin1(), value.toUtf8()});
    return true;
}

// RFC 3339 ("2021-02-25T15:02:10Z", "2021-02-25t16:02:10.5+01:00"): a zone is required, since the
// time is compared with a Unix timestamp. Fractions finer than milliseconds are cut.
QDateTime parseRfc3339(const QString &text) {
    static const QRegularExpression form(QStringLiteral("^([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt]([0-9]{2}:[0-9]{2}:[0-9]{2})"
                                                        "(?:\\.([0-9]+))?([Zz]|[+-][0-9]{2}:[0-9]{2})$"));
    const QRegularExpressionMatch match = form.match(text);
    if (!match.hasMatch())
        return {};
    const QString normalised = match.captured(1) + QLatin1Char('T') + match.captured(2) + QLatin1Char('.') +
                               match.captured(3).left(3).leftJustified(3, QLatin1Char('0')) +
                               match.captured(4).toUpper();
    const std::optional<qint64> msecs = Timestamp::parseCommon(normalised);
    return msecs ? QDateTime::fromMSecsSinceEpoch(*msecs, Qt::UTC) : QDateTime();
}

} // namespace

QString CtlInvocation::usage() {
    return tr("Usage:\n"
              "  webhookctl connection add NAME --provider layers|encrata|signa|polyai [--base-url URL]\n"
              "             [--environment production|development] [--auth x-api-key|bearer]\n"
              "             (the API key is read from WEBHOOK_API_KEY, else one line on stdin)\n"
              "  webhookctl connection list\n"
              "  webhookctl connection remove NAME\n"
              "  webhookctl -c NAME list [--json [--raw]]   (--raw: with each provider's own object)\n"
              "  webhookctl -c NAME create --url URL --event TYPE [--event TYPE]... [--description TEXT]\n"
              "             [--name TEXT] [--project-id UUID] [--scope own|all_children] [--metadata K=V]...\n"
              "             [--header K=V]... [--timeout-ms N] [--json]\n"
              "  webhookctl -c NAME update ID [--url URL] [--event TYPE]... [--description TEXT] [--name TEXT]\n"
              "             [--scope S] [--metadata K=V]... (K= unsets a key) [--header K=V]... [--timeout-ms N]\n"
              "             [--json]\n"
              "  webhookctl -c NAME pause ID | resume ID | rotate-secret ID | test ID | delete ID\n"
              "  webhookctl -c NAME events\n"
              "  webhookctl -c NAME secret show ID      (prints the stored signing secret)\n"
              "  webhookctl -c NAME secret import ID [--any-form]\n"
              "             (reads a signing secret from stdin into the keychain; one that does not fit\n"
              "             the provider's form is refused, unless --any-form is given: for secrets made\n"
              "             elsewhere and test vectors)\n"
              "  webhookctl -c NAME secret forget-previous ID\n"
              "             (a rotate keeps the secret it replaced, to recognise deliveries still signed\n"
              "             with it; this removes it from the keychain)\n"
              "  webhookctl -c NAME sign ID [--body-file F] [--timestamp UNIX-SECONDS] [--id MESSAGE-ID]\n"
              "             (prints the headers a delivery of the body, signed with the endpoint's secret\n"
              "             as its profile's signature scheme says, would carry; never the secret. The\n"
              "             body is the file's bytes, else stdin's; the timestamp defaults to now, and a\n"
              "             message id, where the scheme signs one, to msg_ and random letters)\n"
              "  webhookctl -c NAME verify ID --header 'Name: value'... [--body-file F]\n"
              "             [--received-at RFC3339] [--scheme standard-webhooks|stripe|github|shopify|slack]\n"
              "             [--json]\n"
              "             (checks a delivery's signature, on the body's raw bytes (the file, else stdin),\n"
              "             against the endpoint's secret and its previous one, then the newest 64 other\n"
              "             endpoints' secrets in the keychain, and says why it fails: ok, no-signature,\n"
              "             stale-timestamp, other-secret, previous-secret, body-reencoded,\n"
              "             key-interpretation, encoding, other-scheme or mismatch. The scheme defaults to\n"
              "             the profile's, --received-at (the time the timestamp tolerance is measured\n"
              "             from) to now. --json prints {\"valid\", \"diagnosis\", \"message\"})\n"
              "  webhookctl [-c NAME] listen [--port N] [--forward URL]\n"
              "             (receives deliveries on 127.0.0.1 only, until SIGINT or SIGTERM; the first line\n"
              "             says \"listening on 127.0.0.1:PORT\" (--port 0, the default: a free port), then one\n"
              "             line per delivery: time, method, path, size, the endpoint whose URL path it came\n"
              "             to (of every connection, or of -c NAME), and the verdict against its secret and\n"
              "             its previous one. Each is answered 200, or with --forward relayed to URL and\n"
              "             answered with the target's answer, the first 64 KiB of whose body are kept\n"
              "             too; bodies over 1 MiB are refused (413). Deliveries are kept in the local\n"
              "             state database, the newest [deliveries] keep= (1000))\n"
              "  webhookctl export [-c NAME]... [-o FILE]\n"
              "             (writes the endpoints document (YAML) of the connections named, else of all of\n"
              "             them: each endpoint's id, key, fields, status, and whether its secret is in the\n"
              "             keychain; never a secret or an API key)\n"
              "  webhookctl plan -f FILE [--var NAME=VALUE]... [--vars-file F] [--prune] [--json]\n"
              "             (what applying the document (YAML or JSON; ${NAME} in a value is a variable, $${\n"
              "             a literal ${) would do, per endpoint: + create, ~ update (each field before ->\n"
              "             after), pause, resume, unchanged, and with --prune - delete the endpoints of\n"
              "             its connections it does not list; drift is what changed at the provider since\n"
              "             the last apply. Connections are matched by name to local ones. Exit status: 0\n"
              "             no changes, 2 changes pending, 1 any error, an invalid document included: then\n"
              "             nothing is sent, and each problem is printed as FILE:LINE: message)\n"
              "  webhookctl apply -f FILE [--var NAME=VALUE]... [--vars-file F] [--prune] [--yes]\n"
              "             [--json]\n"
              "             (prints the plan, asks for y on the terminal unless --yes (without a terminal,\n"
              "             --yes is required), then carries it out: creates through the journal with the\n"
              "             secret to the keychain, updates of only the fields that change; never a\n"
              "             delete and create to change a field. Stops at the first error and says what\n"
              "             was done and what was not. One apply at a time per connection: another waits\n"
              "             up to 10 s for it, then stops, naming its process. Exit status: 0 applied, 1\n"
              "             error, 3 applied but a signing secret could not be stored. --json (with --yes)\n"
              "             prints only a summary on stdout: {\"applied\", \"exitCode\", \"changes\",\n"
              "             \"done\", \"notDone\", \"error\", \"items\": [{\"action\", \"connection\", \"id\",\n"
              "             \"key\", \"line\", \"result\": done|failed|not-done|unchanged, \"error\",\n"
              "             \"secret\": stored|not-stored, ...}], \"problems\"}. Each connection's API key\n"
              "             is its own, from the keychain; WEBHOOK_API_KEY is used only for a document\n"
              "             of one connection)\n"
              "  webhookctl --help | --version\n"
              "\n"
              "Global options:\n"
              "  --deadline SECONDS   the most time the command may take, every request, retry and\n"
              "                       Retry-After wait included (default 120); when it is reached the\n"
              "                       command fails with exit status 1\n"
              "  --request-timeout SECONDS  each request to the provider (default 30). A create that\n"
              "                       was interrupted at a provider without Idempotency-Key is settled\n"
              "                       no sooner than twice this after its program stopped\n"
              "\n"
              "Exit status: 0 done; 1 provider or network error; 2 bad usage or invalid input (nothing sent);\n"
              "3 done at the provider, but the signing secret could not be stored (it is printed to stderr once).\n"
              "verify: 0 valid, 1 invalid (or the keychain could not be read), 2 bad usage.\n");
}

QString CtlInvocation::usageFor(const QStringList &arguments) {
    static const QSet<QString> commands = {
        QStringLiteral("connection"),    QStringLiteral("list"),   QStringLiteral("create"),
        QStringLiteral("update"),        QStringLiteral("pause"),  QStringLiteral("resume"),
        QStringLiteral("rotate-secret"), QStringLiteral("test"),   QStringLiteral("delete"),
        QStringLiteral("events"),        QStringLiteral("secret"), QStringLiteral("sign"),
        QStringLiteral("verify"),        QStringLiteral("listen"), QStringLiteral("export"),
        QStringLiteral("plan"),          QStringLiteral("apply")};
    // The first command word that is not an option's value ("-c test list" names list).
    static const QSet<QString> flags = {
        QStringLiteral("--json"),     QStringLiteral("--raw"),  QStringLiteral("--yes"), QStringLiteral("--prune"),
        QStringLiteral("--any-form"), QStringLiteral("--help"), QStringLiteral("-h"),    QStringLiteral("--version")};
    const QString all = usage();
    QString named;
    for (qsizetype i = 0; i < arguments.size() && named.isEmpty(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument.startsWith(QLatin1Char('-')))
            i += !argument.contains(QLatin1Char('=')) && !flags.contains(argument); // past its value
        else if (commands.contains(argument))
            named = argument;
    }
    if (named.isEmpty())
        return all;
    // usage() is "Usage:", one entry per command form (its first line starts "  webhookctl ", its
    // explanation follows, indented), then after a blank line the global options.
    QStringList entries;
    const QStringList lines = all.section(QStringLiteral("\n\n"), 0, 0).split(QLatin1Char('\n')).mid(1);
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("  webhookctl ")))
            entries << line;
        else if (!entries.isEmpty())
            entries.last() += QLatin1Char('\n') + line;
    }
    static const QRegularExpression separators(QStringLiteral("[ |\\[\\]]"));
    QStringList chosen;
    for (const QString &entry : std::as_const(entries)) {
        if (entry.section(QLatin1Char('\n'), 0, 0).split(separators, Qt::SkipEmptyParts).contains(named))
            chosen << entry;
    }
    if (chosen.isEmpty())
        return all;
    return tr("Usage:\n%1\n(webhookctl --help: every command, the global options and the exit statuses)\n")
        .arg(chosen.join(QLatin1Char('\n')));
}

int CtlInvocation::usageErrorExitCode(const QStringList &arguments) {
    const bool planOrApply = arguments.contains(QLatin1String("plan")) || arguments.contains(QLatin1String("apply"));
    return planOrApply ? 1 : 2;
}

std::optional<CtlInvocation> CtlInvocation::parse(const QStringList &arguments, QString *error) {
    CtlInvocation invocation;
    QStringList words;
    QList<QPair<QString, QString>> options;
    for (int i = 0; i < arguments.size(); ++i) {
        QString argument = arguments.at(i);
        if (argument == QLatin1String("-c"))
            argument = QStringLiteral("--connection");
        if (argument == QLatin1String("-h"))
            argument = QStringLiteral("--help");
        if (argument == QLatin1String("-f"))
            argument = QStringLiteral("--file");
        if (argument == QLatin1String("-o"))
            argument = QStringLiteral("--output");
        if (!argument.startsWith(QLatin1String("--"))) {
            words << argument;
            continue;
        }
        QString value;
        const int equals = argument.indexOf(QLatin1Char('='));
        if (equals > 0) {
            value = argument.mid(equals + 1);
            argument = argument.left(equals);
        } else if (valueOptions().contains(argument)) {
            if (i + 1 >= arguments.size()) {
                *error = tr("%1 needs a value.").arg(argument);
                return std::nullopt;
            }
            value = arguments.at(++i);
        }
        options.append({argument, value});
    }

    for (const auto &[option, value] : options) {
        if (option == QLatin1String("--help"))
            return invocation; // Command::Help
        if (option == QLatin1String("--version")) {
            invocation.command = Command::Version;
            return invocation;
        }
    }

    static const QHash<QString, Command> endpointCommands{
        {QStringLiteral("list"), Command::List},     {QStringLiteral("create"), Command::Create},
        {QStringLiteral("update"), Command::Update}, {QStringLiteral("pause"), Command::Pause},
        {QStringLiteral("resume"), Command::Resume}, {QStringLiteral("rotate-secret"), Command::RotateSecret},
        {QStringLiteral("test"), Command::Test},     {QStringLiteral("delete"), Command::Delete},
        {QStringLiteral("events"), Command::Events}, {QStringLiteral("sign"), Command::Sign},
        {QStringLiteral("verify"), Command::Verify}, {QStringLiteral("listen"), Command::Listen},
        {QStringLiteral("export"), Command::Export}, {QStringLiteral("plan"), Command::Plan},
        {QStringLiteral("apply"), Command::Apply}};

    if (words.isEmpty()) {
        *error = tr("No command given.");
        return std::nullopt;
    }
    const QString verb = words.takeFirst();
    int expectedWords = 0; // positional words after the command
    if (verb == QLatin1String("connection")) {
        const QString sub = words.isEmpty() ? QString() : words.takeFirst();
        if (sub == QLatin1String("add")) {
            invocation.command = Command::ConnectionAdd;
            expectedWords = 1;
        } else if (sub == QLatin1String("list")) {
            invocation.command = Command::ConnectionList;
        } else if (sub == QLatin1String("remove")) {
            invocation.command = Command::ConnectionRemove;
            expectedWords = 1;
        } else {
            *error = tr("\"connection\" takes add, list or remove.");
            return std::nullopt;
        }
    } else if (verb == QLatin1String("secret")) {
        const QString sub = words.isEmpty() ? QString() : words.takeFirst();
        if (sub == QLatin1String("show")) {
            invocation.command = Command::SecretShow;
        } else if (sub == QLatin1String("import")) {
            invocation.command = Command::SecretImport;
        } else if (sub == QLatin1String("forget-previous")) {
            invocation.command = Command::SecretForgetPrevious;
        } else {
            *error = tr("\"secret\" takes show, import or forget-previous.");
            return std::nullopt;
        }
        expectedWords = 1;
    } else if (endpointCommands.contains(verb)) {
        invocation.command = endpointCommands.value(verb);
        const bool takesId = invocation.command != Command::List && invocation.command != Command::Create &&
                             invocation.command != Command::Events && invocation.command != Command::Listen &&
                             !isDocumentCommand(invocation.command);
        expectedWords = takesId ? 1 : 0;
    } else {
        *error = tr("Unknown command \"%1\".").arg(verb);
        return std::nullopt;
    }

    if (words.size() != expectedWords) {
        *error = words.size() < expectedWords ? tr("\"%1\" needs %2.")
                                                    .arg(verb, invocation.command == Command::ConnectionAdd ||
                                                                       invocation.command == Command::ConnectionRemove
                                                                   ? tr("a connection NAME")
                                                                   : tr("an endpoint ID"))
                                              : tr("Unexpected argument \"%1\".").arg(words.value(expectedWords));
        return std::nullopt;
    }
    if (expectedWords == 1) {
        if (invocation.command == Command::ConnectionAdd || invocation.command == Command::ConnectionRemove)
            invocation.connectionName = words.first();
        else
            invocation.endpointId = words.first();
    }

    const bool connectionScoped = invocation.command != Command::ConnectionAdd &&
                                  invocation.command != Command::ConnectionList &&
                                  invocation.command != Command::ConnectionRemove;
    const QSet<QString> allowed = optionsOf(invocation.command);
    for (const auto &[option, value] : options) {
        if (option == QLatin1String("--connection")) {
            if (!connectionScoped) {
                *error = tr("-c/--connection does not go with \"connection\" commands.");
                return std::nullopt;
            }
            if (invocation.command == Command::Plan || invocation.command == Command::Apply) {
                *error = tr("\"%1\" takes its connections from the document, not from -c.").arg(verb);
                return std::nullopt;
            }
            invocation.connectionName = value;
            invocation.connectionNames << value;
            continue;
        }
        if (option == QLatin1String("--request-timeout")) {
            bool ok = false;
            const double seconds = value.toDouble(&ok);
            if (!ok || seconds < 0.1 || seconds > 600) {
                *error = tr("--request-timeout expects seconds between 0.1 and 600, not \"%1\".").arg(value);
                return std::nullopt;
            }
            invocation.requestTimeoutMs = int(seconds * 1000);
            continue;
        }
        if (option == QLatin1String("--deadline")) { // global: bounds any command that talks to a provider
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds <= 0 || seconds > maxDeadlineSeconds) {
                *error = tr("--deadline expects a whole number of seconds from 1 to %1, not \"%2\".")
                             .arg(maxDeadlineSeconds)
                             .arg(value);
                return std::nullopt;
            }
            invocation.deadlineSeconds = seconds;
            continue;
        }
        static const QSet<QString> flags{QStringLiteral("--json"), QStringLiteral("--raw"),
                                         QStringLiteral("--any-form"), QStringLiteral("--prune"),
                                         QStringLiteral("--yes")};
        if (!valueOptions().contains(option) && !flags.contains(option)) {
            *error = tr("Unknown option %1.").arg(option);
            return std::nullopt;
        }
        if (!allowed.contains(option)) {
            *error = tr("%1 is not an option of \"%2\".").arg(option, verb);
            return std::nullopt;
        }
        EndpointDraft &draft = invocation.draft;
        if (option == QLatin1String("--json")) {
            invocation.json = true;
        } else if (option == QLatin1String("--raw")) {
            invocation.raw = true;
        } else if (option == QLatin1String("--any-form")) {
            invocation.anyForm = true;
        } else if (option == QLatin1String("--prune")) {
            invocation.prune = true;
        } else if (option == QLatin1String("--yes")) {
            invocation.yes = true;
        } else if (option == QLatin1String("--file") || option == QLatin1String("--output") ||
                   option == QLatin1String("--vars-file")) {
            if (value.isEmpty()) {
                *error = tr("%1 needs a file name.").arg(option);
                return std::nullopt;
            }
            QString &file = option == QLatin1String("--file")     ? invocation.documentFile
                            : option == QLatin1String("--output") ? invocation.outputFile
                                                                  : invocation.varsFile;
            file = value;
        } else if (option == QLatin1String("--var")) {
            invocation.variables << value;
        } else if (option == QLatin1String("--body-file")) {
            if (value.isEmpty()) {
                *error = tr("--body-file needs a file name.");
                return std::nullopt;
            }
            invocation.bodyFile = value;
        } else if (option == QLatin1String("--timestamp")) {
            static const QRegularExpression unixSeconds(QStringLiteral("^[0-9]{1,12}$"));
            if (!unixSeconds.match(value).hasMatch()) {
                *error = tr("--timestamp expects a Unix time in whole seconds, not \"%1\".")
                             .arg(TerminalText::escaped(value));
                return std::nullopt;
            }
            invocation.timestamp = value.toLongLong();
        } else if (option == QLatin1String("--id")) {
            static const QRegularExpression visible(QStringLiteral("^[!-~]{1,256}$"));
            if (!visible.match(value).hasMatch()) {
                *error = tr("--id expects a message id of visible ASCII characters, not \"%1\".")
                             .arg(TerminalText::escaped(value));
                return std::nullopt;
            }
            invocation.messageId = value;
        } else if (option == QLatin1String("--received-at")) {
            invocation.receivedAt = parseRfc3339(value);
            if (!invocation.receivedAt.isValid()) {
                *error = tr("--received-at expects an RFC 3339 time with its zone, such as 2021-02-25T15:02:10Z, "
                            "not \"%1\".")
                             .arg(TerminalText::escaped(value));
                return std::nullopt;
            }
        } else if (option == QLatin1String("--scheme")) {
            invocation.scheme = SignatureScheme::kindFromName(value);
            if (!invocation.scheme) {
                *error = tr("--scheme expects standard-webhooks, stripe, github, shopify or slack, not \"%1\".")
                             .arg(TerminalText::escaped(value));
                return std::nullopt;
            }
        } else if (option == QLatin1String("--header") && invocation.command == Command::Verify) {
            if (!parseHeader(value, &invocation.deliveryHeaders, error))
                return std::nullopt;
        } else if (option == QLatin1String("--port")) {
            bool ok = false;
            const int port = value.toInt(&ok);
            if (!ok || port < 0 || port > 65535) {
                *error = tr("--port expects a port number from 0 to 65535 (0: a free one), not \"%1\".")
                             .arg(TerminalText::escaped(value));
                return std::nullopt;
            }
            invocation.listenPort = quint16(port);
        } else if (option == QLatin1String("--forward")) {
            const QUrl url(value, QUrl::StrictMode);
            const QString scheme = url.scheme().toLower();
            if (!url.isValid() || url.host().isEmpty() ||
                (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
                *error = tr("--forward expects an http or https URL, not \"%1\".").arg(TerminalText::escaped(value));
                return std::nullopt;
            }
            invocation.forwardUrl = value;
        } else if (option == QLatin1String("--provider")) {
            invocation.providerId = value;
        } else if (option == QLatin1String("--base-url")) {
            invocation.baseUrl = value;
        } else if (option == QLatin1String("--environment")) {
            const std::optional<Environment> environment = environmentFromName(value);
            if (!environment) {
                *error = tr("--environment must be production or development, not \"%1\".").arg(value);
                return std::nullopt;
            }
            invocation.environment = *environment;
        } else if (option == QLatin1String("--auth")) {
            invocation.authScheme = value;
        } else if (option == QLatin1String("--url")) {
            draft.url = value;
            invocation.optionsGiven << QStringLiteral("url");
        } else if (option == QLatin1String("--event")) {
            draft.events << value;
            invocation.optionsGiven << QStringLiteral("events");
        } else if (option == QLatin1String("--description") || option == QLatin1String("--name")) {
            if (invocation.optionsGiven.contains(QStringLiteral("label"))) {
                *error = tr("Give either --description or --name, once.");
                return std::nullopt;
            }
            draft.label = value;
            invocation.optionsGiven << QStringLiteral("label");
        } else if (option == QLatin1String("--project-id")) {
            draft.projectId = value;
            invocation.optionsGiven << QStringLiteral("projectId");
        } else if (option == QLatin1String("--scope")) {
            draft.scope = value;
            invocation.optionsGiven << QStringLiteral("scope");
        } else if (option == QLatin1String("--metadata")) {
            if (!parseKeyValue(option, value, &draft.metadata, error))
                return std::nullopt;
            invocation.optionsGiven << QStringLiteral("metadata");
        } else if (option == QLatin1String("--header")) {
            if (!parseKeyValue(option, value, &draft.headers, error))
                return std::nullopt;
            invocation.optionsGiven << QStringLiteral("headers");
        } else if (option == QLatin1String("--timeout-ms")) {
            bool ok = false;
            const int timeout = value.toInt(&ok);
            if (!ok || timeout <= 0) {
                *error = tr("--timeout-ms expects a positive whole number of milliseconds, not \"%1\".").arg(value);
                return std::nullopt;
            }
            draft.timeoutMs = timeout;
            invocation.optionsGiven << QStringLiteral("timeoutMs");
        }
    }
    invocation.optionsGiven.removeDuplicates();

    // listen matches deliveries against every connection's endpoints unless -c narrows it.
    if (connectionScoped && invocation.connectionName.isEmpty() && invocation.command != Command::Listen &&
        !isDocumentCommand(invocation.command)) {
        *error = tr("\"%1\" needs a connection: -c NAME.").arg(verb);
        return std::nullopt;
    }
    if (invocation.command == Command::ConnectionAdd && invocation.providerId.isEmpty()) {
        *error = tr("--provider is required (layers, encrata, signa or polyai).");
        return std::nullopt;
    }
    if (invocation.command == Command::Create && invocation.draft.url.isEmpty()) {
        *error = tr("--url is required.");
        return std::nullopt;
    }
    if (invocation.command == Command::Create && invocation.draft.events.isEmpty()) {
        *error = tr("At least one --event is required.");
        return std::nullopt;
    }
    if ((invocation.command == Command::Plan || invocation.command == Command::Apply) &&
        invocation.documentFile.isEmpty()) {
        *error = tr("\"%1\" needs the document: -f FILE.").arg(verb);
        return std::nullopt;
    }
    // Its stdout is for the summary alone, so it cannot ask there.
    if (invocation.command == Command::Apply && invocation.json && !invocation.yes) {
        *error = tr("\"apply --json\" needs --yes: it cannot ask before it applies.");
        return std::nullopt;
    }
    if (invocation.command == Command::Update && invocation.optionsGiven.isEmpty()) {
        *error = tr("\"update\" needs at least one option to change (--url, --event, --description, ...).");
        return std::nullopt;
    }
    return invocation;
}
