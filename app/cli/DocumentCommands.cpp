#include "DocumentCommands.h"

#include "ConnectionStore.h"
#include "DocumentExporter.h"
#include "DocumentReader.h"
#include "DocumentValidator.h"
#include "DocumentWriter.h"
#include "EndpointFields.h"
#include "EndpointService.h"
#include "LocalState.h"
#include "PlanBuilder.h"
#include "TerminalText.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSaveFile>

#include <unistd.h>

namespace {

// Anything a provider or a document holds goes through this before it is printed.
QString safe(const QString &text) {
    return TerminalText::escaped(text);
}

QString kindName(PlanItem::Kind kind) {
    switch (kind) {
    case PlanItem::Kind::Create:
        return QStringLiteral("create");
    case PlanItem::Kind::Update:
        return QStringLiteral("update");
    case PlanItem::Kind::Pause:
        return QStringLiteral("pause");
    case PlanItem::Kind::Resume:
        return QStringLiteral("resume");
    case PlanItem::Kind::Delete:
        return QStringLiteral("delete");
    case PlanItem::Kind::Unchanged:
        break;
    }
    return QStringLiteral("unchanged");
}

QChar marker(PlanItem::Kind kind) {
    switch (kind) {
    case PlanItem::Kind::Create:
        return QLatin1Char('+');
    case PlanItem::Kind::Delete:
        return QLatin1Char('-');
    case PlanItem::Kind::Unchanged:
        return QLatin1Char('=');
    default:
        return QLatin1Char('~');
    }
}

// "whk_1 (key "orders")", "key "orders"", or the endpoint's URL.
QString itemName(const PlanItem &item) {
    const QString reference = item.document.key.isEmpty() ? QString() : item.document.reference();
    if (item.current.id.isEmpty())
        return item.document.reference();
    return reference.isEmpty() ? item.current.id
                               : item.current.id + QStringLiteral(" (") + reference + QLatin1Char(')');
}

} // namespace

DocumentCommands::DocumentCommands(const CtlInvocation &invocation, EndpointService *service,
                                   ConnectionStore *connections, LocalState *state, QTextStream &out, QTextStream &err,
                                   QObject *parent)
    : QObject(parent)
    , m_invocation(invocation)
    , m_service(service)
    , m_connections(connections)
    , m_applied(std::make_unique<AppliedEndpoints>(*state))
    , m_out(out)
    , m_err(err) {}

DocumentCommands::~DocumentCommands() = default;

void DocumentCommands::start() {
    if (m_invocation.command == CtlInvocation::Command::Export)
        return runExport();
    runPlan();
}

void DocumentCommands::finish(int exitCode) {
    m_out.flush();
    m_err.flush();
    emit finished(qMax(exitCode, m_worstExit));
}

void DocumentCommands::fail(int exitCode, const QString &message) {
    m_err << "webhookctl: " << safe(message) << Qt::endl;
    finish(exitCode);
}

void DocumentCommands::printProblems(const DocumentProblems &problems) {
    for (const DocumentProblem &problem : problems)
        m_err << safe(problem.toString()) << Qt::endl;
}

void DocumentCommands::useApiKeyFromEnvironment(const QList<Connection> &connections) {
    const QString apiKey = QProcessEnvironment::systemEnvironment().value(QStringLiteral("WEBHOOK_API_KEY"));
    if (apiKey.isEmpty())
        return;
    for (const Connection &connection : connections)
        m_service->useApiKey(connection, apiKey);
}

void DocumentCommands::runExport() {
    QList<Connection> connections;
    if (m_invocation.connectionNames.isEmpty())
        connections = m_connections->connections();
    for (const QString &name : m_invocation.connectionNames) {
        const std::optional<Connection> connection = m_connections->byName(name);
        if (!connection)
            return fail(UsageError, tr("No connection named \"%1\" (see: webhookctl connection list).").arg(name));
        if (!m_service->profileFor(*connection))
            return fail(UsageError, tr("Connection \"%1\" uses provider \"%2\", which has no profile.")
                                        .arg(connection->name, connection->providerId));
        if (!connections.contains(*connection))
            connections << *connection;
    }
    useApiKeyFromEnvironment(connections);
    auto *exporter = new DocumentExporter(m_service, m_applied.get(), this);
    connect(exporter, &DocumentExporter::finished, this,
            [this, exporter](const EndpointDocument &document, const ApiError &error) {
                exporter->deleteLater();
                if (error.isError())
                    return fail(Failed, tr("Nothing was exported: %1").arg(error.toString()));
                writeDocument(document);
            });
    exporter->exportConnections(connections, m_invocation.outputFile);
}

void DocumentCommands::writeDocument(const EndpointDocument &document) {
    const QByteArray text = DocumentWriter::write(document);
    if (m_invocation.outputFile.isEmpty()) {
        m_out << TerminalText::escapedJson(text); // YAML, made terminal-safe as JSON output is
        return finish(Done);
    }
    // Whole or not at all: a half-written document must not be applied by mistake.
    QSaveFile file(m_invocation.outputFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return fail(Failed, tr("Cannot write %1: %2").arg(m_invocation.outputFile, file.errorString()));
    int endpoints = 0;
    for (const DocumentConnection &connection : document.connections)
        endpoints += int(connection.endpoints.size());
    m_err << tr("webhookctl: wrote %n endpoint(s) of %1 to %2.", nullptr, endpoints)
                 .arg(tr("%n connection(s)", nullptr, int(document.connections.size())), safe(m_invocation.outputFile))
          << Qt::endl;
    finish(Done);
}

QList<Connection> DocumentCommands::localConnectionsOf(const EndpointDocument &document) const {
    QList<Connection> connections;
    for (const DocumentConnection &connection : document.connections) {
        if (const std::optional<Connection> local = m_connections->byName(connection.name))
            connections << *local;
    }
    return connections;
}

void DocumentCommands::runPlan() {
    DocumentProblems problems;
    DocumentVariables variables;
    for (const QString &assignment : m_invocation.variables) {
        QString error;
        if (!variables.set(assignment, &error))
            return fail(Failed, error);
    }
    if (!m_invocation.varsFile.isEmpty() && !variables.readFile(m_invocation.varsFile, &problems)) {
        printProblems(problems);
        return finish(Failed);
    }
    const std::optional<EndpointDocument> document =
        DocumentReader(variables).readFile(m_invocation.documentFile, &problems);
    if (document)
        problems << DocumentValidator(m_service->registry()).validate(*document);
    if (!document || hasErrors(problems)) {
        printProblems(problems);
        m_err << tr("webhookctl: the document is not valid; nothing was sent.") << Qt::endl;
        return finish(Failed);
    }
    printProblems(problems); // warnings
    useApiKeyFromEnvironment(localConnectionsOf(*document));
    recoverThenPlan(*document);
}

// Creates a crash or a lost response left unfinished are settled first, so the plan sees the
// provider as it really is (as every other endpoint command does).
void DocumentCommands::recoverThenPlan(const EndpointDocument &document) {
    const auto plan = [this, document] {
        auto *builder = new PlanBuilder(m_service, m_applied.get(), this);
        connect(builder, &PlanBuilder::finished, this, [this, builder](const Plan &plan) {
            builder->deleteLater();
            planned(plan);
        });
        builder->build(document, m_connections->connections(), m_invocation.prune);
    };
    const QList<Connection> connections = localConnectionsOf(document);
    if (m_service->unfinishedCreateCount(connections) == 0)
        return plan();
    m_service->recoverPendingCreates(
        connections, this,
        [this](const EndpointService::Recovery &report) {
            m_err << "webhookctl: " << safe(report.description()) << Qt::endl;
            if (report.result == EndpointService::Recovery::Result::SecretUnstored) {
                m_err << tr("webhookctl: WARNING: the signing secret of %1 is shown once; store it now:")
                             .arg(safe(report.endpoint.id.isEmpty() ? report.endpoint.url : report.endpoint.id))
                      << Qt::endl
                      << safe(report.unstoredSecret) << Qt::endl;
                m_worstExit = qMax(m_worstExit, int(SecretNotStored));
            }
        },
        [plan](const QList<EndpointService::Recovery> &) { plan(); });
}

void DocumentCommands::planned(const Plan &plan) {
    const bool isApply = m_invocation.command == CtlInvocation::Command::Apply;
    if (m_invocation.json && !isApply)
        printPlanJson(plan);
    else
        printPlan(plan);
    printProblems(plan.problems);
    if (plan.hasErrors()) {
        m_err << (isApply ? tr("webhookctl: the plan has errors; nothing was applied.")
                          : tr("webhookctl: the plan has errors."))
              << Qt::endl;
        return finish(Failed);
    }
    if (!isApply)
        return finish(plan.changeCount() > 0 ? ChangesPending : Done);
    if (plan.changeCount() > 0 && !confirmed(plan))
        return;
    apply(plan);
}

bool DocumentCommands::confirmed(const Plan &plan) {
    if (m_invocation.yes)
        return true;
    if (!isatty(STDIN_FILENO)) {
        fail(Failed, tr("apply asks before it changes anything, and stdin is not a terminal: run it with --yes to "
                        "apply without asking. Nothing was applied."));
        return false;
    }
    m_out << tr("Apply these %n change(s)? Only \"y\" or \"yes\" goes ahead [y/N]: ", nullptr, plan.changeCount());
    m_out.flush();
    QFile input;
    const QString answer =
        input.open(stdin, QIODevice::ReadOnly) ? QString::fromUtf8(input.readLine(256)).trimmed() : QString();
    if (answer == QLatin1String("y") || answer == QLatin1String("yes"))
        return true;
    fail(Failed, tr("Nothing was applied."));
    return false;
}

void DocumentCommands::apply(const Plan &plan) {
    auto *executor = new PlanExecutor(m_service, m_applied.get(), this);
    connect(executor, &PlanExecutor::itemFinished, this,
            [this, plan](const PlanExecutor::ItemOutcome &outcome) { reportItem(plan, outcome); });
    connect(executor, &PlanExecutor::finished, this, [this, executor, plan](const PlanExecutor::Report &report) {
        executor->deleteLater();
        reportApplied(plan, report);
    });
    executor->execute(plan);
}

void DocumentCommands::reportItem(const Plan &plan, const PlanExecutor::ItemOutcome &outcome) {
    const PlanItem &item = plan.items.at(outcome.index);
    const ProviderProfile profile = *m_service->profileFor(item.connection);
    const PlanItem named = [&] {
        PlanItem copy = item;
        if (copy.current.id.isEmpty())
            copy.current.id = outcome.endpoint.id;
        return copy;
    }();
    const QString name = safe(itemName(named));
    if (outcome.done) {
        const QString text = item.kind == PlanItem::Kind::Create   ? tr("created %1").arg(name)
                             : item.kind == PlanItem::Kind::Delete ? tr("deleted %1 and its keychain entry").arg(name)
                                                                   : tr("%1: %2").arg(kindName(item.kind), name);
        m_out << marker(item.kind) << ' ' << text << Qt::endl;
    }
    if (!outcome.recordProblem.isEmpty())
        m_err << tr("webhookctl: warning: what the apply did to %1 could not be recorded in the local state (%2); "
                    "the next plan may not recognise it.")
                     .arg(name, safe(outcome.recordProblem))
              << Qt::endl;
    if (!outcome.unstoredSecret.isEmpty()) {
        // A real secret is printable and passes unchanged; only a hostile one is altered.
        m_err << tr("webhookctl: WARNING: the signing secret of %1 could not be stored in the keychain (%2).")
                     .arg(name, safe(outcome.keychain.errorText))
              << Qt::endl
              << tr("webhookctl: It is shown this once and was not written anywhere. Save it now:") << Qt::endl
              << safe(outcome.unstoredSecret) << Qt::endl;
        m_worstExit = qMax(m_worstExit, int(SecretNotStored));
    }
    if (outcome.done)
        return;
    for (const ValidationIssue &issue : outcome.issues)
        m_err << safe(
                     DocumentProblem::error(plan.fileName, item.document.lineOf(issue.field), issue.message).toString())
              << Qt::endl;
    if (outcome.error.isError())
        m_err << tr("webhookctl: %1 %2 failed: %3").arg(kindName(item.kind), name, safe(outcome.error.toString()))
              << Qt::endl;
    if (outcome.mayHaveReachedProvider)
        m_err << tr("webhookctl: the create may have reached %1; it is kept in the journal and settled on the next "
                    "plan or apply.")
                     .arg(profile.name())
              << Qt::endl;
}

void DocumentCommands::reportApplied(const Plan &plan, const PlanExecutor::Report &report) {
    if (report.succeeded()) {
        m_out << (report.applied.isEmpty()
                      ? tr("No changes: the endpoints match the document.")
                      : tr("Apply complete: %n change(s) applied.", nullptr, int(report.applied.size())))
              << Qt::endl;
        return finish(report.secretUnstored ? SecretNotStored : Done);
    }
    const auto names = [&](const QList<int> &indexes) {
        QStringList list;
        for (int index : indexes)
            list << kindName(plan.items.at(index).kind) + QLatin1Char(' ') + safe(itemName(plan.items.at(index)));
        return list.isEmpty() ? tr("nothing") : list.join(QStringLiteral(", "));
    };
    QList<int> notDone = report.notAttempted;
    if (!report.applied.contains(report.failed))
        notDone.prepend(report.failed);
    m_err << tr("webhookctl: the apply stopped at its first error (%1).")
                 .arg(kindName(plan.items.at(report.failed).kind) + QLatin1Char(' ') +
                      safe(itemName(plan.items.at(report.failed))))
          << Qt::endl
          << tr("webhookctl: done: %1.").arg(names(report.applied)) << Qt::endl
          << tr("webhookctl: not done: %1.").arg(names(notDone)) << Qt::endl
          << tr("webhookctl: apply the same document again to finish the job.") << Qt::endl;
    finish(Failed);
}

void DocumentCommands::printPlan(const Plan &plan) {
    QString connectionShown;
    int counts[6] = {};
    for (const PlanItem &item : plan.items) {
        ++counts[int(item.kind)];
        if (item.connection.id != connectionShown) {
            connectionShown = item.connection.id;
            m_out << tr("Connection \"%1\" (%2, %3):")
                         .arg(safe(item.connection.name), item.connection.providerId, safe(item.connection.baseUrl))
                  << '\n';
        }
        m_out << "  " << marker(item.kind) << ' ' << kindName(item.kind) << ' ' << safe(itemName(item));
        if (item.kind == PlanItem::Kind::Delete)
            m_out << ' ' << safe(item.current.url) << ' ' << tr("(not in the document)");
        m_out << '\n';
        if (item.kind == PlanItem::Kind::Create) {
            for (const QString &field : EndpointFields::names()) {
                if (item.document.fields.contains(field))
                    m_out << "      " << field << ": " << safe(EndpointFields::text(item.document.fields.value(field)))
                          << '\n';
            }
        }
        for (const PlanItem::Change &change : item.changes) {
            m_out << "      " << change.field << ": " << safe(EndpointFields::text(change.before)) << " → "
                  << safe(EndpointFields::text(change.after));
            if (change.drifted)
                m_out << "   " << tr("(drift: changed at the provider since the last apply)");
            m_out << '\n';
        }
        if (item.drift.contains(QLatin1String("deleted")))
            m_out << "      ! " << tr("drift: deleted at the provider since the last apply") << '\n';
        else if (!item.drift.isEmpty())
            m_out << "      ! "
                  << tr("drift: %1 changed at the provider since the last apply")
                         .arg(item.drift.join(QStringLiteral(", ")))
                  << '\n';
    }
    if (plan.untouched > 0)
        m_out << tr("%n endpoint(s) of these connections are not in the document and are left alone (--prune "
                    "deletes them).",
                    nullptr, plan.untouched)
              << '\n';
    if (plan.changeCount() == 0)
        m_out << tr("No changes: the endpoints match the document.") << '\n';
    else
        m_out << tr("Plan: %1 to create, %2 to update, %3 to pause, %4 to resume, %5 to delete; %6 unchanged.")
                     .arg(counts[int(PlanItem::Kind::Create)])
                     .arg(counts[int(PlanItem::Kind::Update)])
                     .arg(counts[int(PlanItem::Kind::Pause)])
                     .arg(counts[int(PlanItem::Kind::Resume)])
                     .arg(counts[int(PlanItem::Kind::Delete)])
                     .arg(counts[int(PlanItem::Kind::Unchanged)])
              << '\n';
    m_out.flush();
}

void DocumentCommands::printPlanJson(const Plan &plan) {
    QJsonArray items;
    for (const PlanItem &item : plan.items) {
        QJsonArray changes;
        for (const PlanItem::Change &change : item.changes)
            changes.append(QJsonObject{{QStringLiteral("field"), change.field},
                                       {QStringLiteral("before"), change.before},
                                       {QStringLiteral("after"), change.after},
                                       {QStringLiteral("drift"), change.drifted}});
        QJsonObject entry{{QStringLiteral("action"), kindName(item.kind)},
                          {QStringLiteral("connection"), item.connection.name},
                          {QStringLiteral("line"), item.document.line},
                          {QStringLiteral("changes"), changes},
                          {QStringLiteral("drift"), QJsonArray::fromStringList(item.drift)}};
        if (!item.current.id.isEmpty())
            entry.insert(QStringLiteral("id"), item.current.id);
        if (!item.document.key.isEmpty())
            entry.insert(QStringLiteral("key"), item.document.key);
        if (item.kind == PlanItem::Kind::Create)
            entry.insert(QStringLiteral("fields"), item.document.fields);
        items.append(entry);
    }
    QJsonArray problems;
    for (const DocumentProblem &problem : plan.problems)
        problems.append(QJsonObject{
            {QStringLiteral("severity"), problem.isError() ? QStringLiteral("error") : QStringLiteral("warning")},
            {QStringLiteral("file"), problem.fileName},
            {QStringLiteral("line"), problem.line},
            {QStringLiteral("message"), problem.message}});
    const QJsonObject json{{QStringLiteral("changes"), plan.changeCount()},
                           {QStringLiteral("untouched"), plan.untouched},
                           {QStringLiteral("items"), items},
                           {QStringLiteral("problems"), problems}};
    m_out << TerminalText::escapedJson(QJsonDocument(json).toJson(QJsonDocument::Indented));
    m_out.flush();
}
