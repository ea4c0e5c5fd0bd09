#include "DocumentCommands.h"

#include "AppliedEndpoints.h"
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
#include <QLocale>
#include <QProcessEnvironment>
#include <QSaveFile>
#include <QTimer>

#include <unistd.h>

namespace {

// Anything a provider or a document holds goes through this before it is printed.
constexpr auto safe = &CtlOutput::safe;

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

// One plan item as plan --json and apply --json print it.
QJsonObject itemJson(const PlanItem &item) {
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
    return entry;
}

QJsonArray problemsJson(const DocumentProblems &problems) {
    QJsonArray array;
    for (const DocumentProblem &problem : problems)
        array.append(QJsonObject{
            {QStringLiteral("severity"), problem.isError() ? QStringLiteral("error") : QStringLiteral("warning")},
            {QStringLiteral("file"), problem.fileName},
            {QStringLiteral("line"), problem.line},
            {QStringLiteral("message"), problem.message}});
    return array;
}

} // namespace

DocumentCommands::DocumentCommands(const CtlInvocation &invocation, EndpointService *service,
                                   ConnectionStore *connections, LocalState *state, AppliedEndpoints *applied,
                                   CtlOutput &output, QObject *parent)
    : QObject(parent)
    , m_invocation(invocation)
    , m_service(service)
    , m_connections(connections)
    , m_applied(applied)
    , m_claims(invocation.command == CtlInvocation::Command::Apply ? std::make_unique<ApplyClaims>(*state) : nullptr)
    , m_output(output)
    , m_out(output.out)
    , m_err(output.err) {}

DocumentCommands::~DocumentCommands() = default;

void DocumentCommands::start() {
    m_started.start();
    if (m_invocation.command == CtlInvocation::Command::Export)
        return runExport();
    runPlan();
}

void DocumentCommands::finish(int exitCode) {
    QString error;
    if (m_claims && m_claims->holdsAny() && !m_claims->release(&error))
        m_output.error(error); // the claim's holder ends with this process, so it blocks nobody for long
    m_output.flush();
    emit finished(m_output.exitStatus(exitCode));
}

void DocumentCommands::fail(int exitCode, const QString &message) {
    m_output.error(message);
    finish(exitCode);
}

void DocumentCommands::refuse(const QString &message, const DocumentProblems &problems) {
    m_output.error(message);
    if (isApplyJson()) {
        Plan plan;
        plan.problems = problems;
        printApplyJson(plan, nullptr, message, m_output.exitStatus(Failed));
    }
    finish(Failed);
}

void DocumentCommands::printProblems(const DocumentProblems &problems) {
    for (const DocumentProblem &problem : problems)
        m_err << safe(problem.toString()) << Qt::endl;
}

bool DocumentCommands::useApiKeyFromEnvironment(const QList<Connection> &connections, const QString &what) {
    const QString apiKey = QProcessEnvironment::systemEnvironment().value(QStringLiteral("WEBHOOK_API_KEY"));
    if (apiKey.isEmpty() || connections.isEmpty())
        return true;
    if (connections.size() == 1) {
        m_service->useApiKey(connections.first(), apiKey);
        return true;
    }
    QStringList names;
    for (const Connection &connection : connections)
        names << QLatin1Char('"') + connection.name + QLatin1Char('"');
    const QString message =
        tr("WEBHOOK_API_KEY holds one API key, and %1 %2 connections (%3), each with its own key. Unset "
           "WEBHOOK_API_KEY to use each connection's key from the keychain, or work on one connection at a time. "
           "Nothing was sent.")
            .arg(what)
            .arg(connections.size())
            .arg(names.join(QStringLiteral(", ")));
    if (m_invocation.command == CtlInvocation::Command::Export)
        fail(UsageError, message);
    else
        refuse(message);
    return false;
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
    if (!useApiKeyFromEnvironment(connections, tr("the export reads")))
        return;
    auto *exporter = new DocumentExporter(m_service, m_applied, this);
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
        const std::optional<Connection> local = m_connections->byName(connection.name);
        if (local && !connections.contains(*local))
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
            return refuse(error);
    }
    if (!m_invocation.varsFile.isEmpty() && !variables.readFile(m_invocation.varsFile, &problems)) {
        printProblems(problems);
        return refuse(tr("the variables file %1 could not be read; nothing was sent.").arg(m_invocation.varsFile),
                      problems);
    }
    const std::optional<EndpointDocument> document =
        DocumentReader(variables).readFile(m_invocation.documentFile, &problems);
    if (document)
        problems << DocumentValidator(m_service->registry()).validate(*document);
    if (!document || hasErrors(problems)) {
        printProblems(problems);
        return refuse(tr("the document is not valid; nothing was sent."), problems);
    }
    printProblems(problems); // warnings
    if (!useApiKeyFromEnvironment(localConnectionsOf(*document), tr("the document names")))
        return;
    if (isApply())
        return claimThenPlan(*document);
    recoverThenPlan(*document);
}

// An apply holds its connections from before it plans until it is over: two applies of the same
// document started together would otherwise both plan the same create and make it twice. The
// second waits for the first, briefly, and then plans what the first left.
void DocumentCommands::claimThenPlan(const EndpointDocument &document) {
    QStringList connectionIds;
    for (const Connection &connection : localConnectionsOf(document))
        connectionIds << connection.id;
    ApplyClaims::Holder holder;
    QString error;
    switch (m_claims->claim(connectionIds, &holder, &error)) {
    case ApplyClaims::Result::Claimed:
        return recoverThenPlan(document);
    case ApplyClaims::Result::Failed:
        return refuse(tr("The connections could not be claimed for this apply (%1); nothing was applied.").arg(error));
    case ApplyClaims::Result::HeldElsewhere:
        break;
    }
    QString name = holder.connectionId;
    for (const Connection &connection : localConnectionsOf(document)) {
        if (connection.id == holder.connectionId)
            name = connection.name;
    }
    const int waitMs = qMin(claimWaitMs, m_invocation.deadlineSeconds * 500);
    if (!m_claimWait.isValid()) {
        m_claimWait.start();
        m_err << tr("webhookctl: process %1 is applying to connection \"%2\"; waiting for it to finish…")
                     .arg(holder.owner.pid)
                     .arg(safe(name))
              << Qt::endl;
    }
    if (m_claimWait.elapsed() < waitMs) {
        QTimer::singleShot(200, this, [this, document] { claimThenPlan(document); });
        return;
    }
    refuse(tr("Another apply (process %1, since %2) is still applying to connection \"%3\"; nothing was applied. Run "
              "apply again once it has finished.")
               .arg(holder.owner.pid)
               .arg(QLocale().toString(holder.since.toLocalTime().time(), QLocale::LongFormat), name));
}

// Creates a crash or a lost response left unfinished are settled first, so the plan sees the
// provider as it really is: an earlier apply's create is then recorded under its document key and
// not planned again. A create whose provider may still be committing it (no Idempotency-Key) is
// waited for, within the command's deadline; one that stays unsettled stops an apply, since its
// endpoint could be created a second time.
void DocumentCommands::recoverThenPlan(const EndpointDocument &document) {
    const auto plan = [this, document] {
        auto *builder = new PlanBuilder(m_service, m_applied, this);
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
        connections, this, [this](const EndpointService::Recovery &report) { m_output.recovery(report); },
        [this, document, connections, plan](const QList<EndpointService::Recovery> &reports) {
            QDateTime settleAt;
            for (const EndpointService::Recovery &report : reports) {
                if (report.result == EndpointService::Recovery::Result::Settling &&
                    (!settleAt.isValid() || report.settleAt > settleAt))
                    settleAt = report.settleAt;
            }
            const qint64 waitMs = settleAt.isValid() ? QDateTime::currentDateTimeUtc().msecsTo(settleAt) + 250 : -1;
            if (waitMs >= 0 && m_started.elapsed() + waitMs <= m_invocation.deadlineSeconds * qint64(500)) {
                if (!m_waitReported)
                    m_err << tr("webhookctl: waiting until then before planning.") << Qt::endl;
                m_waitReported = true;
                QTimer::singleShot(waitMs, this, [this, document] { recoverThenPlan(document); });
                return;
            }
            m_unsettled = PlanBuilder::unsettledCreates(document, connections, reports, isApply());
            plan();
        });
}

void DocumentCommands::planned(Plan plan) {
    plan.problems << m_unsettled;
    if (m_invocation.json && !isApply())
        printPlanJson(plan);
    else if (!m_invocation.json)
        printPlan(plan);
    printProblems(plan.problems);
    if (plan.hasErrors()) {
        if (!isApply())
            return fail(Failed, tr("the plan has errors."));
        const QString message = tr("the plan has errors; nothing was applied.");
        m_output.error(message);
        if (isApplyJson())
            printApplyJson(plan, nullptr, message, m_output.exitStatus(Failed));
        return finish(Failed);
    }
    if (!isApply())
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
    auto *executor = new PlanExecutor(m_service, m_applied, this);
    connect(executor, &PlanExecutor::itemFinished, this,
            [this, plan](const PlanExecutor::ItemOutcome &outcome) { reportItem(plan, outcome); });
    connect(executor, &PlanExecutor::finished, this, [this, executor, plan](const PlanExecutor::Report &report) {
        executor->deleteLater();
        reportApplied(plan, report);
    });
    executor->execute(plan);
}

void DocumentCommands::reportItem(const Plan &plan, const PlanExecutor::ItemOutcome &outcome) {
    m_outcomes.insert(outcome.index, outcome);
    const PlanItem &item = plan.items.at(outcome.index);
    const EndpointService::SecretOutcome &result = outcome.result;
    const ProviderProfile profile = *m_service->profileFor(item.connection);
    const PlanItem named = [&] {
        PlanItem copy = item;
        if (copy.current.id.isEmpty())
            copy.current.id = result.endpoint.id;
        return copy;
    }();
    const QString name = safe(itemName(named));
    if (outcome.done && !m_invocation.json) {
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
    if (!result.unstoredSecret.isEmpty()) {
        // A real secret is printable and passes unchanged; only a hostile one is altered.
        m_err << tr("webhookctl: WARNING: the signing secret of %1 could not be stored in the keychain (%2).")
                     .arg(name, safe(result.keychain.errorText))
              << Qt::endl
              << tr("webhookctl: It is shown this once and was not written anywhere. Save it now:") << Qt::endl
              << safe(result.unstoredSecret) << Qt::endl;
        m_output.raise(SecretNotStored);
    }
    if (outcome.done)
        return;
    for (const ValidationIssue &issue : result.issues)
        m_err << safe(
                     DocumentProblem::error(plan.fileName, item.document.lineOf(issue.field), issue.message).toString())
              << Qt::endl;
    if (result.error.isError())
        m_err << tr("webhookctl: %1 %2 failed: %3").arg(kindName(item.kind), name, safe(result.error.toString()))
              << Qt::endl;
    if (result.mayHaveReachedProvider)
        m_err << tr("webhookctl: the create may have reached %1; it is kept in the journal and settled on the next "
                    "plan or apply.")
                     .arg(profile.name())
              << Qt::endl;
}

void DocumentCommands::reportApplied(const Plan &plan, const PlanExecutor::Report &report) {
    if (report.succeeded()) {
        // With nothing applied, the plan has said so already.
        if (!m_invocation.json && !report.applied.isEmpty())
            m_out << tr("Apply complete: %n change(s) applied.", nullptr, int(report.applied.size())) << Qt::endl;
        const int exitCode = report.secretUnstored ? SecretNotStored : Done;
        if (m_invocation.json)
            printApplyJson(plan, &report, QString(), m_output.exitStatus(exitCode));
        return finish(exitCode);
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
    const QString stopped = tr("the apply stopped at its first error (%1).")
                                .arg(kindName(plan.items.at(report.failed).kind) + QLatin1Char(' ') +
                                     safe(itemName(plan.items.at(report.failed))));
    m_output.error(stopped);
    m_err << tr("webhookctl: done: %1.").arg(names(report.applied)) << Qt::endl
          << tr("webhookctl: not done: %1.").arg(names(notDone)) << Qt::endl
          << tr("webhookctl: apply the same document again to finish the job.") << Qt::endl;
    if (m_invocation.json)
        printApplyJson(plan, &report, stopped, m_output.exitStatus(Failed));
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
    for (const PlanItem &item : plan.items)
        items.append(itemJson(item));
    const QJsonObject json{{QStringLiteral("changes"), plan.changeCount()},
                           {QStringLiteral("untouched"), plan.untouched},
                           {QStringLiteral("items"), items},
                           {QStringLiteral("problems"), problemsJson(plan.problems)}};
    m_out << TerminalText::escapedJson(QJsonDocument(json).toJson(QJsonDocument::Indented));
    m_out.flush();
}

// Each item of the plan with what became of it: done, failed (the one that stopped the apply),
// not-done (not attempted), unchanged. A create that reached the provider carries its new id and
// whether its secret is in the keychain; never the secret.
void DocumentCommands::printApplyJson(const Plan &plan, const PlanExecutor::Report *report, const QString &error,
                                      int exitCode) {
    QJsonArray items;
    int done = 0;
    int notDone = 0;
    for (int index = 0; index < plan.items.size(); ++index) {
        const PlanItem &item = plan.items.at(index);
        QJsonObject entry = itemJson(item);
        const bool applied = report && report->applied.contains(index);
        QString result = QStringLiteral("not-done");
        if (!item.isChange())
            result = QStringLiteral("unchanged");
        else if (report && report->failed == index)
            result = QStringLiteral("failed");
        else if (applied)
            result = QStringLiteral("done");
        done += applied;
        notDone += item.isChange() && !applied;
        entry.insert(QStringLiteral("result"), result);
        const auto outcome = m_outcomes.constFind(index);
        if (outcome != m_outcomes.cend()) {
            const EndpointService::SecretOutcome &said = outcome->result;
            if (!said.endpoint.id.isEmpty())
                entry.insert(QStringLiteral("id"), said.endpoint.id);
            if (item.kind == PlanItem::Kind::Create && (!said.endpoint.id.isEmpty() || !said.unstoredSecret.isEmpty()))
                entry.insert(QStringLiteral("secret"), said.keychain.ok() && said.unstoredSecret.isEmpty()
                                                           ? QStringLiteral("stored")
                                                           : QStringLiteral("not-stored"));
            if (!outcome->done) {
                QStringList why;
                for (const ValidationIssue &issue : said.issues)
                    why << issue.message;
                if (said.error.isError())
                    why << said.error.toString();
                entry.insert(QStringLiteral("error"), why.join(QStringLiteral("; ")));
                entry.insert(QStringLiteral("mayHaveReachedProvider"), said.mayHaveReachedProvider);
            }
        }
        items.append(entry);
    }
    QJsonObject json{{QStringLiteral("applied"), report && report->succeeded()},
                     {QStringLiteral("exitCode"), exitCode},
                     {QStringLiteral("changes"), plan.changeCount()},
                     {QStringLiteral("done"), done},
                     {QStringLiteral("notDone"), notDone},
                     {QStringLiteral("items"), items},
                     {QStringLiteral("problems"), problemsJson(plan.problems)}};
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    m_out << TerminalText::escapedJson(QJsonDocument(json).toJson(QJsonDocument::Indented));
    m_out.flush();
}
