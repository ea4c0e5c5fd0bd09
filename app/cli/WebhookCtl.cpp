#include "WebhookCtl.h"

#include "ConnectionStore.h"
#include "DeliveryJudge.h"
#include "DeliveryListener.h"
#include "DeliveryRetention.h"
#include "DocumentCommands.h"
#include "EndpointJson.h"
#include "KeychainSecretStore.h"
#include "ListLimits.h"
#include "LocalState.h"
#include "PendingCreateJournal.h"
#include "StopSignals.h"
#include "TerminalText.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace {

QString column(const QString &text, int width) {
    return text.leftJustified(width, QLatin1Char(' '), true);
}

// Anything a provider sent goes through this before it is printed.
constexpr auto safe = &CtlOutput::safe;

// sign's message id where the scheme signs one: "msg_" and 24 random letters and digits, the
// shape Standard Webhooks' own examples use.
QString newMessageId() {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id = QStringLiteral("msg_");
    for (int i = 0; i < 24; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    return id;
}

// A JSON string literal (quotes included), as QJsonDocument writes one.
QByteArray jsonString(const QString &text) {
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QString statusText(const Endpoint &endpoint) {
    QString text = endpointStatusName(endpoint.status);
    if (endpoint.status == EndpointStatus::AutoPaused && endpoint.consecutiveFailures)
        text += QStringLiteral("(%1)").arg(*endpoint.consecutiveFailures);
    return text;
}

} // namespace

WebhookCtl::WebhookCtl(QObject *parent)
    : QObject(parent)
    , m_out(stdout)
    , m_err(stderr)
    , m_output(m_out, m_err)
    , m_connections(std::make_unique<ConnectionStore>())
    , m_network(new QNetworkAccessManager(this))
    , m_secrets(new KeychainSecretStore(KeychainSecretStore::defaultService(), this)) {}

WebhookCtl::~WebhookCtl() = default;

void WebhookCtl::start(const CtlInvocation &invocation) {
    m_invocation = invocation;
    QTimer::singleShot(0, this, &WebhookCtl::run);
}

// Opened only for commands that need them: --help and --version touch no database and no profile.
void WebhookCtl::openService() {
    m_state = std::make_unique<LocalState>();
    m_journal = std::make_unique<PendingCreateJournal>(*m_state);
    m_secretIndex = std::make_unique<SecretIndex>(*m_state);
    m_service = new EndpointService(m_network, m_secrets, m_journal.get(),
                                    ProviderRegistry(ProviderRegistry::defaultUserDirectory()), this);
    m_service->setSecretIndex(m_secretIndex.get());
    m_appliedEndpoints = std::make_unique<AppliedEndpoints>(*m_state);
    m_service->setAppliedEndpoints(m_appliedEndpoints.get());
    // One deadline for the whole command: every request, retry and Retry-After wait counts against it.
    ApiClient::Policy policy;
    ListLimits::fromSettings().applyTo(policy);
    policy.keepListedRaw = m_invocation.raw; // list --json --raw is the only output that shows it
    // listen runs until it is stopped: its listings are bounded by the request timeout, not the deadline.
    if (m_invocation.command != CtlInvocation::Command::Listen)
        policy.deadline = QDeadlineTimer(std::chrono::seconds(m_invocation.deadlineSeconds));
    if (m_invocation.requestTimeoutMs > 0)
        policy.timeoutMs = m_invocation.requestTimeoutMs;
    m_service->setPolicy(policy);
}

void WebhookCtl::finish(int exitCode) {
    m_output.flush();
    emit finished(m_output.exitStatus(exitCode));
}

// Messages often quote a provider (error texts, ids, URLs), so all of them are made terminal-safe.
void WebhookCtl::fail(int exitCode, const QString &message) {
    m_output.error(message);
    finish(exitCode);
}

void WebhookCtl::fail(const ApiError &error) {
    const int exitCode = error.kind == ApiError::Kind::Invalid ? UsageError : ProviderError;
    fail(exitCode, error.toString());
}

QString WebhookCtl::optionFor(const QString &field, const ProviderProfile &profile) const {
    static const QHash<QString, QString> options{
        {QStringLiteral("url"), QStringLiteral("--url")},
        {QStringLiteral("events"), QStringLiteral("--event")},
        {QStringLiteral("projectId"), QStringLiteral("--project-id")},
        {QStringLiteral("scope"), QStringLiteral("--scope")},
        {QStringLiteral("metadata"), QStringLiteral("--metadata")},
        {QStringLiteral("headers"), QStringLiteral("--header")},
        {QStringLiteral("timeoutMs"), QStringLiteral("--timeout-ms")},
    };
    if (field == QLatin1String("label"))
        return profile.wireField(field) == QLatin1String("name") ? QStringLiteral("--name")
                                                                 : QStringLiteral("--description");
    return options.value(field, field);
}

void WebhookCtl::reportIssues(const ValidationIssues &issues, const ProviderProfile &profile) {
    for (const ValidationIssue &issue : issues)
        m_err << "webhookctl: " << optionFor(issue.field, profile) << ": " << safe(issue.message) << Qt::endl;
    finish(UsageError);
}

QString WebhookCtl::readStdinLine(const QString &what) {
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return {};
    const QByteArray line = input.readLine(64 * 1024);
    Q_UNUSED(what)
    return QString::fromUtf8(line).trimmed();
}

void WebhookCtl::run() {
    using Command = CtlInvocation::Command;
    if (m_invocation.command == Command::Help) {
        m_out << CtlInvocation::usage();
        return finish(Done);
    }
    if (m_invocation.command == Command::Version) {
        m_out << "webhookctl " << WEBHOOK_CONSOLE_VERSION << Qt::endl;
        return finish(Done);
    }
    openService();
    reportProfileProblems();
    switch (m_invocation.command) {
    case Command::ConnectionAdd:
        return runConnectionAdd();
    case Command::ConnectionList:
        return runConnectionList();
    case Command::ConnectionRemove:
        return runConnectionRemove();
    default:
        break;
    }
    // Once per command: a damaged database set aside, or a data folder that cannot be written.
    if (!m_journal->problem().isEmpty())
        m_err << "webhookctl: " << m_journal->problem() << Qt::endl;
    if (m_invocation.command == Command::Listen)
        return runListen();
    if (m_invocation.command == Command::Export || m_invocation.command == Command::Plan ||
        m_invocation.command == Command::Apply)
        return runDocumentCommand();

    const std::optional<Connection> connection = m_connections->byName(m_invocation.connectionName);
    if (!connection)
        return fail(
            UsageError,
            tr("No connection named \"%1\" (see: webhookctl connection list).").arg(m_invocation.connectionName));
    if (!m_service->profileFor(*connection))
        return fail(UsageError, tr("Connection \"%1\" uses provider \"%2\", which has no profile.")
                                    .arg(connection->name, connection->providerId));
    if (m_invocation.command == Command::Events)
        return runEvents(*connection);
    const QString apiKey = QProcessEnvironment::systemEnvironment().value(QStringLiteral("WEBHOOK_API_KEY"));
    if (!apiKey.isEmpty())
        m_service->useApiKey(*connection, apiKey);

    // Creates that a crash or a lost response left unfinished are settled first, with their
    // original Idempotency-Key, so the command sees the provider as it really is.
    if (m_journal->unfinished(connection->id).isEmpty())
        return runEndpointCommand(*connection);
    m_service->recoverPendingCreates(
        {*connection}, this, [this](const EndpointService::Recovery &report) { m_output.recovery(report); },
        [this, connection](const QList<EndpointService::Recovery> &) { runEndpointCommand(*connection); });
}

// export, plan and apply: endpoints documents, over any number of connections.
void WebhookCtl::runDocumentCommand() {
    auto *command = new DocumentCommands(m_invocation, m_service, m_connections.get(), m_state.get(),
                                         m_appliedEndpoints.get(), m_output, this);
    connect(command, &DocumentCommands::finished, this, [this](int exitCode) { finish(exitCode); });
    command->start();
}

// A profile the operator dropped in the config folder and got wrong must not vanish silently.
void WebhookCtl::reportProfileProblems() {
    for (const ProviderRegistry::Problem &problem : m_service->registry().problems())
        m_err << tr("webhookctl: provider profile %1 was skipped: %2").arg(safe(problem.file), safe(problem.reason))
              << Qt::endl;
}

void WebhookCtl::runConnectionAdd() {
    const CtlInvocation &in = m_invocation;
    const std::optional<ProviderProfile> profile = m_service->registry().profile(in.providerId);
    if (!profile)
        return fail(UsageError, tr("--provider: unknown provider \"%1\"; known: %2.")
                                    .arg(in.providerId, m_service->registry().ids().join(QStringLiteral(", "))));
    if (m_connections->byName(in.connectionName))
        return fail(UsageError, tr("A connection named \"%1\" already exists.").arg(in.connectionName));
    Connection connection;
    connection.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    connection.name = in.connectionName;
    connection.providerId = profile->id();
    connection.baseUrl = in.baseUrl.isEmpty() ? profile->defaultBaseUrl() : in.baseUrl;
    connection.environment = in.environment;
    connection.authScheme = in.authScheme;
    const QString urlProblem = ApiClient::baseUrlProblem(connection.baseUrl);
    if (!urlProblem.isEmpty())
        return fail(UsageError, QStringLiteral("--base-url: ") + urlProblem);
    if (!in.authScheme.isEmpty()) {
        QStringList schemes;
        for (const ProviderProfile::AuthScheme &scheme : profile->authSchemes())
            schemes << scheme.id;
        if (!schemes.contains(in.authScheme))
            return fail(UsageError, tr("--auth: %1 accepts %2, not \"%3\".")
                                        .arg(profile->name(), schemes.join(QStringLiteral(", ")), in.authScheme));
    }

    const QString fromEnvironment = QProcessEnvironment::systemEnvironment().value(QStringLiteral("WEBHOOK_API_KEY"));
    const QString apiKey = fromEnvironment.isEmpty() ? readStdinLine(tr("API key")) : fromEnvironment;
    if (apiKey.isEmpty())
        return fail(UsageError, tr("No API key: set WEBHOOK_API_KEY or give it as one line on stdin."));
    const QString keyProblem = ApiClient::apiKeyProblem(apiKey);
    if (!keyProblem.isEmpty())
        return fail(UsageError, keyProblem + QLatin1Char(' ') + tr("The connection was not added."));

    // The key goes to the keychain first: a connection without its key would be useless, unless
    // every command gets it from WEBHOOK_API_KEY (CI, or a machine with no keychain at all).
    const bool keyFromEnvironment = !fromEnvironment.isEmpty();
    m_service->saveApiKey(connection, apiKey, this, [this, connection, keyFromEnvironment](const SecretResult &stored) {
        const bool keychainless = stored.status == SecretStatus::Unavailable && keyFromEnvironment;
        if (!stored.ok() && !keychainless)
            return fail(ProviderError, tr("The API key could not be stored in the keychain (%1); the connection "
                                          "was not added.")
                                           .arg(stored.errorText));
        QString error;
        if (!m_connections->save(connection, &error))
            return fail(ProviderError, error);
        m_out << tr("Added connection \"%1\" (%2, %3, %4).")
                     .arg(connection.name, connection.providerId, environmentName(connection.environment),
                          connection.baseUrl)
              << Qt::endl;
        if (keychainless)
            m_err << tr("webhookctl: no keychain is available (%1), so the API key was not stored: every command "
                        "for \"%2\" needs it in WEBHOOK_API_KEY.")
                         .arg(safe(stored.errorText), connection.name)
                  << Qt::endl;
        finish(Done);
    });
}

void WebhookCtl::runConnectionList() {
    const QList<Connection> connections = m_connections->connections();
    if (connections.isEmpty()) {
        m_err << tr("No connections yet. Add one with: webhookctl connection add NAME --provider PROVIDER") << Qt::endl;
        return finish(Done);
    }
    m_out << column(tr("NAME"), 20) << ' ' << column(tr("PROVIDER"), 9) << ' ' << column(tr("ENVIRONMENT"), 12) << ' '
          << tr("BASE URL") << '\n';
    for (const Connection &connection : connections)
        m_out << column(connection.name, 20) << ' ' << column(connection.providerId, 9) << ' '
              << column(environmentName(connection.environment), 12) << ' ' << safe(connection.baseUrl) << '\n';
    finish(Done);
}

void WebhookCtl::runConnectionRemove() {
    const std::optional<Connection> connection = m_connections->byName(m_invocation.connectionName);
    if (!connection)
        return fail(UsageError, tr("No connection named \"%1\".").arg(m_invocation.connectionName));
    m_service->forgetConnection(*connection, this, [this, connection](const SecretResult &removed) {
        m_connections->remove(connection->id);
        if (!removed.ok())
            m_err << tr("webhookctl: the connection was removed, but its API key could not be removed from the "
                        "keychain: %1")
                         .arg(removed.errorText)
                  << Qt::endl;
        m_out << tr("Removed connection \"%1\". Signing secrets of its endpoints stay in the keychain under "
                    "\"%2/...\".")
                     .arg(connection->name, connection->id)
              << Qt::endl;
        finish(removed.ok() ? Done : ProviderError);
    });
}

void WebhookCtl::runEvents(const Connection &connection) {
    const ProviderProfile profile = *m_service->profileFor(connection);
    const QString limit = profile.eventsMax() > 0
                              ? tr("%1–%2 event types per endpoint").arg(profile.eventsMin()).arg(profile.eventsMax())
                              : tr("at least %1 event type per endpoint").arg(profile.eventsMin());
    m_out << tr("%1 events (%2)").arg(profile.name(), limit) << '\n';
    QString group;
    for (const EventType &event : profile.catalog()) {
        if (event.group() != group) {
            group = event.group();
            m_out << '\n' << group << ".*\n";
        }
        m_out << "  " << column(event.type, 24) << ' ' << event.description;
        if (!event.subscribable)
            m_out << ' ' << tr("[not subscribable: %1]").arg(event.notSubscribableReason);
        m_out << '\n';
    }
    if (profile.catalogIsOpen())
        m_out << '\n'
              << tr("%1's catalog is open: other types of the form group.name are accepted as custom.")
                     .arg(profile.name())
              << '\n';
    finish(Done);
}

void WebhookCtl::printEndpoint(const Endpoint &endpoint) {
    if (m_invocation.json) {
        m_out << TerminalText::escapedJson(QJsonDocument(endpoint.toJson()).toJson(QJsonDocument::Indented));
        return;
    }
    m_out << safe(endpoint.id) << '\t' << safe(statusText(endpoint)) << '\t' << safe(endpoint.url) << Qt::endl;
}

// Each page is printed as it arrives, so the first rows show at once and a long list is never held
// whole: a JSON array with one endpoint per line, or the table.
void WebhookCtl::runList(const Connection &connection) {
    auto printed = std::make_shared<qsizetype>(0);
    if (m_invocation.json)
        m_out << "[";
    else
        m_out << column(tr("ID"), 38) << ' ' << column(tr("STATUS"), 14) << ' ' << column(tr("FAILURES"), 8) << ' '
              << column(tr("EVENTS"), 30) << ' ' << column(tr("LABEL"), 24) << ' ' << tr("URL") << '\n';
    m_service->listPages(
        connection, this,
        [this, printed](const QList<Endpoint> &page) {
            m_page.resize(0); // keeps its capacity for the next page
            for (const Endpoint &endpoint : page)
                printListed(endpoint, (*printed)++ == 0);
            m_out.flush();
            writeOut(m_page);
        },
        [this, printed](const ApiError &error) {
            if (m_invocation.json)
                m_out << (*printed > 0 ? "\n]\n" : "]\n"); // parseable even when the list broke off
            if (error.isError()) {
                if (*printed > 0)
                    m_err << tr("webhookctl: the list is incomplete: %n endpoint(s) were printed before this error.",
                                nullptr, int(*printed))
                          << Qt::endl;
                return fail(error);
            }
            finish(Done);
        });
}

void WebhookCtl::writeOut(const QByteArray &bytes) {
    if (bytes.isEmpty())
        return;
    m_out.flush();
    if (!m_stdout.isOpen())
        m_stdout.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    m_stdout.write(bytes);
}

void WebhookCtl::printListed(const Endpoint &endpoint, bool first) {
    if (m_invocation.json) {
        m_page += first ? "\n" : ",\n";
        EndpointJson::appendCompact(m_page, endpoint, m_invocation.raw);
        return;
    }
    const QString failures =
        endpoint.consecutiveFailures ? QString::number(*endpoint.consecutiveFailures) : QStringLiteral("-");
    m_out << column(safe(endpoint.id), 38) << ' ' << column(safe(statusText(endpoint)), 14) << ' '
          << column(failures, 8) << ' ' << column(safe(endpoint.events.join(QLatin1Char(','))), 30) << ' '
          << column(safe(endpoint.label), 24) << ' ' << safe(endpoint.url) << '\n';
}

void WebhookCtl::reportSecretOutcome(const EndpointService::SecretOutcome &outcome, const QString &storedText,
                                     const QString &unstoredText) {
    const QString doneText = outcome.keychain.ok() ? storedText : unstoredText;
    if (m_invocation.json && !outcome.endpoint.id.isEmpty())
        printEndpoint(outcome.endpoint);
    else if (!doneText.isEmpty())
        m_out << doneText << Qt::endl;
    if (outcome.keychain.ok())
        return finish(Done);
    // A real secret is printable and passes unchanged; only a hostile one is altered.
    m_err << tr("webhookctl: WARNING: the signing secret could not be stored in the keychain (%1).")
                 .arg(safe(outcome.keychain.errorText))
          << Qt::endl
          << tr("webhookctl: It is shown this once and was not written anywhere. Save it now:") << Qt::endl
          << safe(outcome.unstoredSecret) << Qt::endl;
    finish(SecretNotStored);
}

void WebhookCtl::runEndpointCommand(const Connection &connection) {
    using Command = CtlInvocation::Command;
    const QString id = m_invocation.endpointId;
    const ProviderProfile profile = *m_service->profileFor(connection);
    if (!id.isEmpty() && !profile.idPattern().match(id).hasMatch())
        return fail(UsageError, tr("\"%1\" is not a %2 endpoint id.").arg(id, profile.name()));

    switch (m_invocation.command) {
    case Command::List:
        return runList(connection);
    case Command::Create:
        return runCreate(connection);
    case Command::Update:
        return runUpdate(connection);
    case Command::Pause:
    case Command::Resume: {
        const bool active = m_invocation.command == Command::Resume;
        m_service->setActive(connection, id, active, this, [this](const ApiError &error, const Endpoint &endpoint) {
            if (error.isError())
                return fail(error);
            printEndpoint(endpoint);
            finish(Done);
        });
        return;
    }
    case Command::RotateSecret:
        m_service->rotateSecret(connection, id, this, [this, id](const EndpointService::SecretOutcome &outcome) {
            if (!outcome.succeeded())
                return fail(outcome.error);
            const QString done = tr("Rotated the signing secret of %1.").arg(id);
            // The new secret is what matters; the old one is only kept to recognise late deliveries.
            if (!outcome.previousNotKept.isEmpty())
                m_err << tr("webhookctl: warning: the secret it replaced was not kept as the previous generation "
                            "(%1); deliveries still signed with it will not be recognised.")
                             .arg(safe(outcome.previousNotKept))
                      << Qt::endl;
            reportSecretOutcome(outcome, done, done);
        });
        return;
    case Command::Test:
        m_service->sendTest(connection, id, this, [this, id](const ApiError &error) {
            if (error.isError())
                return fail(error);
            m_out << tr("Sent a test event to %1.").arg(id) << Qt::endl;
            finish(Done);
        });
        return;
    case Command::Delete:
        m_service->remove(connection, id, this, [this, id](const ApiError &error) {
            if (error.isError())
                return fail(error);
            m_out << tr("Deleted %1 and its keychain entry.").arg(id) << Qt::endl;
            finish(Done);
        });
        return;
    case Command::SecretShow:
        return runSecretShow(connection);
    case Command::SecretImport:
        return runSecretImport(connection);
    case Command::SecretForgetPrevious:
        return runSecretForgetPrevious(connection);
    case Command::Sign:
        return runSign(connection);
    case Command::Verify:
        return runVerify(connection);
    default:
        m_err << CtlInvocation::usage();
        return finish(UsageError);
    }
}

void WebhookCtl::runCreate(const Connection &connection) {
    const ProviderProfile profile = *m_service->profileFor(connection);
    m_service->create(connection, m_invocation.draft, this,
                      [this, profile](const EndpointService::SecretOutcome &outcome) {
                          if (!outcome.issues.isEmpty())
                              return reportIssues(outcome.issues, profile);
                          if (outcome.error.isError() && !outcome.unstoredSecret.isEmpty()) {
                              m_err << "webhookctl: " << safe(outcome.error.toString()) << Qt::endl;
                              return reportSecretOutcome(outcome, QString(), QString());
                          }
                          if (outcome.error.isError()) {
                              if (outcome.mayHaveReachedProvider)
                                  m_err << tr("webhookctl: the create may have reached %1; it is kept in the journal "
                                              "and settled on the next command for this connection.")
                                               .arg(profile.name())
                                        << Qt::endl;
                              return fail(outcome.error);
                          }
                          const QString id = safe(outcome.endpoint.id);
                          const QString url = safe(outcome.endpoint.url);
                          reportSecretOutcome(
                              outcome, tr("Created %1 (%2). Its signing secret is in the keychain.").arg(id, url),
                              tr("Created %1 (%2). Its signing secret could NOT be stored: see stderr.").arg(id, url));
                      });
}

void WebhookCtl::runUpdate(const Connection &connection) {
    const ProviderProfile profile = *m_service->profileFor(connection);
    const QString id = m_invocation.endpointId;
    // Start from the endpoint as the provider has it, and change only what the options name.
    m_service->get(connection, id, this, [this, connection, profile](const ApiError &error, const Endpoint &fetched) {
        if (error.isError())
            return fail(error);
        const Endpoint *current = &fetched;
        const CtlInvocation &in = m_invocation;
        EndpointDraft edited = EndpointDraft::fromEndpoint(*current);
        const auto given = [&](const char *field) { return in.optionsGiven.contains(QLatin1String(field)); };
        if (given("url"))
            edited.url = in.draft.url;
        if (given("events"))
            edited.events = in.draft.events;
        if (given("label"))
            edited.label = in.draft.label;
        if (given("projectId"))
            edited.projectId = in.draft.projectId;
        if (given("scope"))
            edited.scope = in.draft.scope;
        if (given("timeoutMs"))
            edited.timeoutMs = in.draft.timeoutMs;
        // KEY=VALUE sets a key, KEY= removes it; keys not named stay as they are.
        const auto merge = [](StringMap &into, const StringMap &changes) {
            for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
                if (it.value().isEmpty())
                    into.remove(it.key());
                else
                    into.insert(it.key(), it.value());
            }
        };
        if (given("metadata"))
            merge(edited.metadata, in.draft.metadata);
        if (given("headers"))
            merge(edited.headers, in.draft.headers);

        m_service->update(connection, *current, edited, this,
                          [this, profile](const EndpointService::UpdateOutcome &outcome) {
                              if (!outcome.issues.isEmpty())
                                  return reportIssues(outcome.issues, profile);
                              if (outcome.error.isError())
                                  return fail(outcome.error);
                              if (outcome.nothingChanged) {
                                  m_err << tr("webhookctl: nothing to change; nothing was sent.") << Qt::endl;
                                  if (m_invocation.json)
                                      printEndpoint(outcome.endpoint);
                                  return finish(Done);
                              }
                              printEndpoint(outcome.endpoint);
                              finish(Done);
                          });
    });
}

void WebhookCtl::runSecretShow(const Connection &connection) {
    const QString id = m_invocation.endpointId;
    m_service->readSecret(
        connection, id, this, [this, connection, id](const SecretResult &result, const QString &secret) {
            if (result.status == SecretStatus::NotFound)
                return fail(ProviderError,
                            tr("No signing secret is stored for %1 on connection \"%2\".").arg(id, connection.name));
            if (!result.ok())
                return fail(ProviderError, tr("The keychain could not be read: %1").arg(result.errorText));
            m_out << safe(secret) << Qt::endl; // a provider issued it: unchanged unless it is hostile
            finish(Done);
        });
}

void WebhookCtl::runSecretImport(const Connection &connection) {
    const QString id = m_invocation.endpointId;
    const QString secret = readStdinLine(tr("signing secret"));
    if (secret.isEmpty())
        return fail(UsageError, tr("No secret on stdin: pipe the signing secret in as one line."));
    // As the console's Import does: a secret that does not fit the provider's form is more often a
    // pasted API key or a truncated copy than a secret. --any-form is for secrets made elsewhere.
    const ProviderProfile profile = *m_service->profileFor(connection);
    const QString formProblem = profile.secretFormat().problem(secret);
    if (!formProblem.isEmpty() && !m_invocation.anyForm)
        return fail(UsageError, tr("The secret does not fit the %1 form (%2): %3 Nothing was stored; give --any-form "
                                   "to store it anyway.")
                                    .arg(profile.name(), profile.secretFormat().description(), formProblem));
    m_service->importSecret(connection, id, secret, this, [this, id](const SecretResult &result) {
        if (!result.ok())
            return fail(ProviderError, tr("The secret could not be stored in the keychain: %1").arg(result.errorText));
        m_out << tr("Stored the signing secret of %1 in the keychain.").arg(id) << Qt::endl;
        finish(Done);
    });
}

void WebhookCtl::runSecretForgetPrevious(const Connection &connection) {
    const QString id = m_invocation.endpointId;
    m_service->forgetPreviousSecret(connection, id, this, [this, id](const SecretResult &result) {
        if (!result.ok())
            return fail(ProviderError,
                        tr("The previous signing secret of %1 could not be removed from the keychain: %2")
                            .arg(id, result.errorText));
        m_out << tr("The previous signing secret of %1 is no longer kept.").arg(id) << Qt::endl;
        finish(Done);
    });
}

bool WebhookCtl::readBody(QByteArray *body, QString *problem) {
    constexpr qint64 limit = 16 * 1024 * 1024;
    const bool fromFile = !m_invocation.bodyFile.isEmpty();
    QFile input;
    if (fromFile) {
        input.setFileName(m_invocation.bodyFile);
        if (!input.open(QIODevice::ReadOnly)) {
            *problem = tr("--body-file: cannot read %1: %2").arg(m_invocation.bodyFile, input.errorString());
            return false;
        }
    } else if (isatty(STDIN_FILENO) || !input.open(stdin, QIODevice::ReadOnly)) {
        *problem = tr("No body: give --body-file F, or pipe the body's bytes in on stdin.");
        return false;
    }
    // Bytes as they are: no text mode, no decoding, so a signature is checked over what was sent.
    body->clear();
    while (body->size() <= limit) {
        const QByteArray chunk = input.read(64 * 1024);
        if (chunk.isEmpty())
            break;
        body->append(chunk);
    }
    if (body->size() > limit) {
        *problem = tr("The body is larger than 16 MiB.");
        return false;
    }
    if (!fromFile && body->isEmpty()) {
        *problem = tr("No body: stdin was empty. Give --body-file F (an empty file for an empty body), or pipe the "
                      "body's bytes in on stdin.");
        return false;
    }
    return true;
}

std::optional<SignatureScheme> WebhookCtl::signatureSchemeFor(const ProviderProfile &profile) const {
    const SignatureScheme stated = profile.signatureScheme();
    if (!m_invocation.scheme)
        return stated.isStated() ? std::optional<SignatureScheme>(stated) : std::nullopt;
    // The profile's own section when it names the same scheme (its header names, key, tolerance).
    if (stated.isStated() && stated.kind() == *m_invocation.scheme)
        return stated;
    return SignatureScheme::standard(*m_invocation.scheme).overridingProfile();
}

void WebhookCtl::runSign(const Connection &connection) {
    const QString id = m_invocation.endpointId;
    const ProviderProfile profile = *m_service->profileFor(connection);
    const std::optional<SignatureScheme> scheme = signatureSchemeFor(profile);
    if (!scheme)
        return fail(
            UsageError,
            tr("The %1 profile states no signature scheme, so there is nothing to sign with.").arg(profile.name()));
    const QString kind = SignatureScheme::kindName(scheme->kind());
    const bool signsId = scheme->signedContent().contains(QLatin1String("{id}"));
    if (!m_invocation.messageId.isEmpty() && !signsId)
        return fail(UsageError, tr("--id: the %1 scheme of %2 signs no message id.").arg(kind, profile.name()));
    if (m_invocation.timestamp && !scheme->hasTimestamp())
        return fail(UsageError, tr("--timestamp: the %1 scheme of %2 signs no timestamp.").arg(kind, profile.name()));
    QByteArray body;
    QString problem;
    if (!readBody(&body, &problem))
        return fail(UsageError, problem);
    const QString messageId = !signsId                           ? QString()
                              : m_invocation.messageId.isEmpty() ? newMessageId()
                                                                 : m_invocation.messageId;
    const qint64 timestamp = m_invocation.timestamp.value_or(QDateTime::currentSecsSinceEpoch());

    m_service->readSecret(
        connection, id, this,
        [this, connection, id, scheme = *scheme, body, messageId, timestamp](const SecretResult &result,
                                                                             const QString &secret) {
            if (result.status == SecretStatus::NotFound)
                return fail(ProviderError,
                            tr("No signing secret is stored for %1 on connection \"%2\".").arg(id, connection.name));
            if (!result.ok())
                return fail(ProviderError, tr("The keychain could not be read: %1").arg(result.errorText));
            const auto headers = SignatureVerifier(scheme).signedHeaders(body, secret, messageId, timestamp);
            if (!headers)
                return fail(ProviderError, tr("The signing secret of %1 does not make a key as the profile says "
                                              "(base64 after \"%2\"); give the secret in that form, or correct "
                                              "the profile's signature section.")
                                               .arg(id, scheme.keyPrefix()));
            for (const auto &[name, value] : *headers)
                m_out << safe(name) << ": " << safe(value) << '\n';
            finish(Done);
        });
}

void WebhookCtl::runVerify(const Connection &connection) {
    const QString id = m_invocation.endpointId;
    const ProviderProfile profile = *m_service->profileFor(connection);
    const std::optional<SignatureScheme> scheme = signatureSchemeFor(profile);
    if (!scheme)
        return fail(UsageError, tr("The %1 profile states no signature scheme: give --scheme.").arg(profile.name()));
    QByteArray body;
    QString problem;
    if (!readBody(&body, &problem))
        return fail(UsageError, problem);
    const QDateTime receivedAt =
        m_invocation.receivedAt.isValid() ? m_invocation.receivedAt : QDateTime::currentDateTimeUtc();
    const Delivery delivery(m_invocation.deliveryHeaders, body, receivedAt);

    auto *judge = new DeliveryJudge(m_service, this);
    judge->setKnownConnections(m_connections->connections());
    judge->judge(
        connection, id, *scheme, delivery, this, [this, connection, id](const DeliveryJudge::Judgement &judgement) {
            if (!judgement.verdict)
                return fail(ProviderError, tr("The keychain could not be read: %1").arg(judgement.keychainProblem));
            if (!judgement.currentSecretFound)
                m_err << tr("webhookctl: no signing secret is stored for %1 on connection \"%2\"; only the "
                            "other secrets in the keychain are tried.")
                             .arg(safe(id), safe(connection.name))
                      << Qt::endl;
            reportVerdict(*judgement.verdict);
        });
}

void WebhookCtl::reportVerdict(const SignatureVerdict &verdict) {
    if (m_invocation.json) {
        QByteArray json = QByteArrayLiteral("{\"valid\":") + (verdict.isValid() ? "true" : "false") +
                          ",\"diagnosis\":" + jsonString(verdict.keyword()) +
                          ",\"message\":" + jsonString(verdict.message()) + "}\n";
        writeOut(TerminalText::escapedJson(json));
    } else {
        m_out << (verdict.isValid() ? tr("valid: %1") : tr("invalid: %1")).arg(verdict.keyword()) << '\n'
              << safe(verdict.message()) << Qt::endl;
    }
    finish(verdict.isValid() ? Done : SignatureInvalid);
}

void WebhookCtl::runListen() {
    QList<Connection> targets = m_connections->connections();
    if (!m_invocation.connectionName.isEmpty()) {
        const std::optional<Connection> connection = m_connections->byName(m_invocation.connectionName);
        if (!connection)
            return fail(
                UsageError,
                tr("No connection named \"%1\" (see: webhookctl connection list).").arg(m_invocation.connectionName));
        targets = {*connection};
        const QString apiKey = QProcessEnvironment::systemEnvironment().value(QStringLiteral("WEBHOOK_API_KEY"));
        if (!apiKey.isEmpty())
            m_service->useApiKey(*connection, apiKey);
    }
    m_deliveryLog = std::make_unique<DeliveryLog>(*m_state, DeliveryRetention::fromSettings().keep);
    m_listener = new DeliveryListener(m_service, m_network, m_deliveryLog.get(), this);
    m_listener->setConnections(targets, m_connections->connections());
    m_listener->setForwardUrl(QUrl(m_invocation.forwardUrl));
    connect(m_listener, &DeliveryListener::listingFailed, this, [this](const QString &name, const QString &problem) {
        m_err << tr("webhookctl: the endpoints of connection \"%1\" could not be listed: %2")
                     .arg(safe(name), safe(problem))
              << Qt::endl;
    });
    connect(m_listener, &DeliveryListener::startFailed, this, [this](const QString &problem) {
        fail(ProviderError, tr("Cannot listen on 127.0.0.1:%1: %2").arg(m_invocation.listenPort).arg(problem));
    });
    connect(m_listener, &DeliveryListener::started, this,
            [this](quint16 port) { m_out << tr("listening on 127.0.0.1:%1").arg(port) << Qt::endl; });
    connect(m_listener, &DeliveryListener::storeFailed, this, [this](const QString &problem) {
        m_err << tr("webhookctl: the delivery could not be stored: %1").arg(safe(problem)) << Qt::endl;
    });
    connect(m_listener, &DeliveryListener::captured, this, &WebhookCtl::printDelivery);
    // Stopped by a signal through the normal path: output flushed, exit status 0.
    auto *stop = new StopSignals(this);
    connect(stop, &StopSignals::stopRequested, this, [this] { finish(Done); });
    m_listener->start(m_invocation.listenPort);
}

void WebhookCtl::printDelivery(const DeliveryLog::Entry &entry) {
    QString line =
        QStringLiteral("%1 %2 %3 %4 %5 %6: %7")
            .arg(entry.receivedAt.toUTC().toString(Qt::ISODate), entry.method, entry.path,
                 tr("%1 bytes").arg(entry.size()), entry.endpointId.isEmpty() ? QStringLiteral("-") : entry.endpointId,
                 entry.verdict, entry.verdictMessage);
    const ForwardOutcome &forward = entry.forward;
    if (forward.wasForwarded() && forward.status == 0)
        line += QLatin1Char(' ') + tr("(forward failed: %1)").arg(forward.error);
    else if (forward.wasForwarded())
        // The answer's body is kept with the delivery; its size says whether there is one.
        line += QLatin1Char(' ') +
                (forward.bodyTruncated
                     ? tr("(forwarded: %1 in %2 ms, answered more than %3 KiB; the first %3 KiB kept)")
                           .arg(forward.status)
                           .arg(forward.ms)
                           .arg(ForwardOutcome::maxBodyBytes / 1024)
                     : tr("(forwarded: %1 in %2 ms, answered %n bytes)", nullptr, int(forward.body.size()))
                           .arg(forward.status)
                           .arg(forward.ms));
    // The path and headers come from whoever sent the request: made terminal-safe.
    m_out << safe(line) << Qt::endl;
}
