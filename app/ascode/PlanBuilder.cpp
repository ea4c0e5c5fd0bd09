#include "PlanBuilder.h"

#include "CurlCommand.h"
#include "DocumentValidator.h"
#include "EndpointFields.h"
#include "EndpointService.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace {

const QString statusField = QStringLiteral("status");

// A word of a shell command, quoted only where the shell would otherwise split or expand it.
QString shellWord(const QString &word) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@%+=,-]+$"));
    return plain.match(word).hasMatch() ? word : CurlCommand::shellQuoted(word.toUtf8());
}

// The command that adds the local connection a document names, ready to paste.
QString connectionAddCommand(const DocumentConnection &connection, const QString &baseUrl) {
    QString command = QStringLiteral("webhookctl connection add %1 --provider %2")
                          .arg(shellWord(connection.name), shellWord(connection.provider));
    if (!baseUrl.isEmpty())
        command += QStringLiteral(" --base-url ") + shellWord(baseUrl);
    if (connection.environment)
        command += QStringLiteral(" --environment ") + environmentName(*connection.environment);
    if (!connection.auth.isEmpty())
        command += QStringLiteral(" --auth ") + shellWord(connection.auth);
    return command;
}

} // namespace

struct PlanBuilder::Run {
    Plan plan;
    bool prune = false;
    QList<QPair<DocumentConnection, Connection>> pending; // still to list
    QList<PlanItem> deletes;                              // go last, after every create and update
};

PlanBuilder::PlanBuilder(EndpointService *service, AppliedEndpoints *applied, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_applied(applied) {}

PlanBuilder::~PlanBuilder() = default;

void PlanBuilder::build(const EndpointDocument &document, const QList<Connection> &localConnections, bool prune) {
    auto run = std::make_shared<Run>();
    run->plan.fileName = document.fileName;
    run->prune = prune;
    for (const DocumentConnection &connection : document.connections)
        run->pending.append({connection, Connection()});
    checkConnections(*run, localConnections);
    // A document that does not fit the local connections is not even listed.
    if (run->plan.hasErrors())
        run->pending.clear();
    listNext(run);
}

DocumentProblems PlanBuilder::unsettledCreates(const EndpointDocument &document,
                                               const QList<Connection> &localConnections,
                                               const QList<EndpointService::Recovery> &reports, bool forApply) {
    using Result = EndpointService::Recovery::Result;
    DocumentProblems problems;
    for (const EndpointService::Recovery &report : reports) {
        if (report.result != Result::Settling && report.result != Result::StillPending &&
            report.result != Result::InFlightElsewhere)
            continue;
        int line = 0;
        for (const DocumentConnection &named : document.connections) {
            for (const Connection &local : localConnections) {
                if (local.name == named.name && local.id == report.connectionId)
                    line = named.lineOf(QStringLiteral("name"));
            }
        }
        problems << (forApply ? DocumentProblem::error(document.fileName, line,
                                                       tr("an interrupted create is not settled yet (%1) and, until "
                                                          "it is, applying could create its endpoint a second time; "
                                                          "nothing is applied: try again later")
                                                           .arg(report.description()))
                              : DocumentProblem::warning(document.fileName, line,
                                                         tr("an interrupted create is not settled yet (%1); this "
                                                            "plan may show its endpoint as a create")
                                                             .arg(report.description())));
    }
    return problems;
}

void PlanBuilder::checkConnections(Run &run, const QList<Connection> &localConnections) {
    const QString &file = run.plan.fileName;
    DocumentProblems &problems = run.plan.problems;
    for (auto &[document, local] : run.pending) {
        const std::optional<ProviderProfile> profile = m_service->registry().profile(document.provider);
        QString baseUrl = document.baseUrl;
        for (const ProviderProfile::Region &region : profile ? profile->regions() : QList<ProviderProfile::Region>()) {
            if (region.id == document.region)
                baseUrl = region.baseUrl;
        }
        const auto found = std::find_if(localConnections.cbegin(), localConnections.cend(),
                                        [&](const Connection &c) { return c.name == document.name; });
        if (found == localConnections.cend()) {
            problems << DocumentProblem::error(
                file, document.lineOf(QStringLiteral("name")),
                tr("there is no local connection named \"%1\"; add it with: %2 (it reads the connection's own API "
                   "key from WEBHOOK_API_KEY or stdin, for the keychain: the document never holds one)")
                    .arg(document.name, connectionAddCommand(document, baseUrl)));
            continue;
        }
        local = *found;
        if (local.providerId != document.provider) {
            problems << DocumentProblem::error(file, document.lineOf(QStringLiteral("provider")),
                                               tr("local connection \"%1\" is a %2 connection, not %3")
                                                   .arg(local.name, local.providerId, document.provider));
            continue;
        }
        if (!baseUrl.isEmpty() && baseUrl != local.baseUrl)
            problems << DocumentProblem::warning(
                file, document.lineOf(document.region.isEmpty() ? QStringLiteral("baseUrl") : QStringLiteral("region")),
                tr("local connection \"%1\" uses %2, not %3; the local connection is used")
                    .arg(local.name, local.baseUrl, baseUrl));
        if (document.environment && *document.environment != local.environment)
            problems << DocumentProblem::warning(
                file, document.lineOf(QStringLiteral("environment")),
                tr("local connection \"%1\" is a %2 connection, not %3; the local "
                   "connection is used")
                    .arg(local.name, environmentName(local.environment), environmentName(*document.environment)));
        const QString localAuth = profile ? profile->authScheme(local.authScheme).id : local.authScheme;
        if (!document.auth.isEmpty() && document.auth != localAuth)
            problems << DocumentProblem::warning(file, document.lineOf(QStringLiteral("auth")),
                                                 tr("local connection \"%1\" authenticates with %2, not %3; the "
                                                    "local connection is used")
                                                     .arg(local.name, localAuth, document.auth));
        // The provider's rules depend on the environment: the local connection's is the one that counts.
        if (profile && local.environment != document.environment.value_or(Environment::Production))
            problems << DocumentValidator(m_service->registry())
                            .validateEndpoints(file, document, *profile, local.environment);
    }
}

void PlanBuilder::listNext(const std::shared_ptr<Run> &run) {
    if (run->pending.isEmpty()) {
        run->plan.items << run->deletes;
        emit finished(run->plan);
        return;
    }
    const auto [document, local] = run->pending.takeFirst();
    m_service->list(
        local, this,
        [this, run, document = document, local = local](const ApiError &error, const QList<Endpoint> &listed) {
            if (error.isError()) {
                run->plan.problems << DocumentProblem::error(
                    run->plan.fileName, document.lineOf(QStringLiteral("name")),
                    tr("the endpoints of \"%1\" could not be listed: %2").arg(local.name, error.toString()));
                run->pending.clear();
                run->deletes.clear();
                return listNext(run);
            }
            planConnection(*run, document, local, listed);
            listNext(run);
        });
}

void PlanBuilder::planConnection(Run &run, const DocumentConnection &document, const Connection &local,
                                 const QList<Endpoint> &listed) {
    const ProviderProfile profile = *m_service->profileFor(local);
    const bool keyInMetadata = EndpointFields::keepsKeyInMetadata(profile);
    QHash<QString, const Endpoint *> byId;
    for (const Endpoint &endpoint : listed)
        byId.insert(endpoint.id, &endpoint);
    const QList<AppliedEndpoints::Record> records =
        m_applied ? m_applied->forConnection(local.id) : QList<AppliedEndpoints::Record>();
    const auto recordOf = [&](const QString &endpointId) -> const AppliedEndpoints::Record * {
        for (const AppliedEndpoints::Record &record : records) {
            if (record.endpointId == endpointId)
                return &record;
        }
        return nullptr;
    };
    const auto remembered = [&](const DocumentEndpoint &endpoint) -> const AppliedEndpoints::Record * {
        for (const AppliedEndpoints::Record &record : records) {
            if ((!endpoint.key.isEmpty() && record.documentKey == endpoint.key) ||
                (!endpoint.id.isEmpty() && (record.documentId == endpoint.id || record.endpointId == endpoint.id)))
                return &record;
        }
        return nullptr;
    };

    for (const AppliedEndpoints::Record &record : records) {
        if (!byId.contains(record.endpointId))
            run.plan.gone.append({local.id, record.endpointId});
    }

    QHash<QString, int> matchedAt; // endpoint id -> the document line that claimed it
    for (const DocumentEndpoint &endpoint : document.endpoints) {
        const Endpoint *match = byId.value(endpoint.id);
        if (!match && !endpoint.key.isEmpty() && keyInMetadata) {
            const auto found = std::find_if(listed.cbegin(), listed.cend(), [&](const Endpoint &e) {
                return EndpointFields::keyOf(e) == endpoint.key;
            });
            match = found == listed.cend() ? nullptr : &*found;
        }
        const AppliedEndpoints::Record *mapped = remembered(endpoint);
        if (!match && mapped)
            match = byId.value(mapped->endpointId);
        if (match && matchedAt.contains(match->id)) {
            run.plan.problems << DocumentProblem::error(
                run.plan.fileName, endpoint.line,
                tr("endpoint %1 is the same endpoint (%2) as the one on line %3")
                    .arg(endpoint.reference(), match->id)
                    .arg(matchedAt.value(match->id)));
            continue;
        }
        if (!match) {
            PlanItem item;
            item.kind = PlanItem::Kind::Create;
            item.connection = local;
            item.document = endpoint;
            if (mapped)
                item.drift << QStringLiteral("deleted");
            run.plan.items << item;
            continue;
        }
        matchedAt.insert(match->id, endpoint.line);
        run.plan.items << planMatched(run, endpoint, local, profile, *match, recordOf(match->id));
    }

    for (const Endpoint &endpoint : listed) {
        if (matchedAt.contains(endpoint.id))
            continue;
        if (!run.prune) {
            ++run.plan.untouched;
            continue;
        }
        PlanItem item;
        item.kind = PlanItem::Kind::Delete;
        item.connection = local;
        item.current = endpoint;
        item.document.line = document.line;
        run.deletes << item;
    }
}

PlanItem PlanBuilder::planMatched(Run &run, const DocumentEndpoint &document, const Connection &local,
                                  const ProviderProfile &profile, const Endpoint &current,
                                  const AppliedEndpoints::Record *record) const {
    PlanItem item;
    item.connection = local;
    item.document = document;
    item.current = current;
    const QJsonObject have = EndpointFields::of(current, profile);

    // A record without a snapshot was made when recovery settled the endpoint's create: what the
    // endpoint looked like then is not known, so nothing counts as drift.
    if (record && !record->snapshot.isEmpty()) {
        const QJsonObject then = record->snapshot;
        const QJsonObject now = EndpointFields::snapshot(have);
        for (const QString &field : EndpointFields::names()) {
            if (!EndpointFields::same(then.value(field), now.value(field)))
                item.drift << field;
        }
    }

    for (const QString &field : EndpointFields::names()) {
        if (!document.fields.contains(field) || EndpointFields::same(document.fields.value(field), have.value(field)))
            continue;
        const PlanItem::Change change{field, have.value(field), document.fields.value(field),
                                      item.drift.contains(field)};
        if (field != statusField && !profile.updateFields().contains(field)) {
            run.plan.problems << DocumentProblem::error(
                run.plan.fileName, document.lineOf(field),
                tr("%1 cannot change the %2 of an existing endpoint (%3: %4 → %5), and Webhook Console never deletes "
                   "and recreates an endpoint to change a field (that would give it a new signing secret): change the "
                   "document back, or delete the endpoint yourself and apply again")
                    .arg(profile.name(), field, current.id, EndpointFields::text(change.before),
                         EndpointFields::text(change.after)));
            continue;
        }
        item.changes << change;
    }
    const QString keptKey = EndpointFields::keyOf(current);
    if (EndpointFields::keepsKeyInMetadata(profile) && !document.key.isEmpty() && keptKey != document.key)
        item.changes << PlanItem::Change{QStringLiteral("key"), keptKey, document.key, false};

    if (document.secret == SecretRequirement::Required && !m_service->secretsOnRecord(local).contains(current.id))
        run.plan.problems << DocumentProblem::error(
            run.plan.fileName, document.lineOf(QStringLiteral("secret")),
            tr("the document requires the signing secret of %1 in the keychain, and it is not there: import it "
               "(webhookctl -c %2 secret import %1) or rotate it (webhookctl -c %2 rotate-secret %1)")
                .arg(current.id, local.name));

    const bool statusOnly = item.changes.size() == 1 && item.changes.first().field == statusField;
    if (item.changes.isEmpty())
        item.kind = PlanItem::Kind::Unchanged;
    else if (statusOnly)
        item.kind = item.changes.first().after.toString() == QLatin1String("active") ? PlanItem::Kind::Resume
                                                                                     : PlanItem::Kind::Pause;
    else
        item.kind = PlanItem::Kind::Update;
    return item;
}
