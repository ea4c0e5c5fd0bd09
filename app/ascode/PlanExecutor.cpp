#include "PlanExecutor.h"

#include "EndpointFields.h"
#include "EndpointService.h"

#include <QTimer>

namespace {

const QString statusField = QStringLiteral("status");

} // namespace

struct PlanExecutor::Run {
    Plan plan;
    int index = -1;
    Report report;
};

PlanExecutor::PlanExecutor(EndpointService *service, AppliedEndpoints *applied, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_applied(applied) {}

PlanExecutor::~PlanExecutor() = default;

void PlanExecutor::execute(const Plan &plan) {
    auto run = std::make_shared<Run>();
    run->plan = plan;
    for (const auto &[connectionId, endpointId] : plan.gone) {
        if (m_applied)
            m_applied->forget(connectionId, endpointId);
    }
    QTimer::singleShot(0, this, [this, run] { next(run); });
}

void PlanExecutor::next(const std::shared_ptr<Run> &run) {
    ++run->index;
    if (run->index >= run->plan.items.size()) {
        emit finished(run->report);
        return;
    }
    const PlanItem &item = run->plan.items.at(run->index);
    if (item.kind == PlanItem::Kind::Unchanged) {
        // Nothing to send, but its mapping and snapshot are renewed: drift is measured from now.
        record(item, item.current);
        return next(run);
    }
    emit itemStarted(run->index);
    ItemOutcome outcome;
    outcome.index = run->index;
    switch (item.kind) {
    case PlanItem::Kind::Create:
        return create(run, item);
    case PlanItem::Kind::Update:
        return converge(run, item, item.current, outcome);
    case PlanItem::Kind::Pause:
    case PlanItem::Kind::Resume:
        return setStatus(run, item, item.current, outcome);
    case PlanItem::Kind::Delete:
        return remove(run, item);
    case PlanItem::Kind::Unchanged:
        break;
    }
}

void PlanExecutor::create(const std::shared_ptr<Run> &run, const PlanItem &item) {
    const ProviderProfile profile = *m_service->profileFor(item.connection);
    QJsonObject createable;
    const QJsonObject &fields = item.document.fields;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (profile.createFields().contains(it.key()) ||
            (it.key() == statusField && it.value().toString() == QLatin1String("active")))
            createable.insert(it.key(), it.value());
    }
    const EndpointDraft draft = EndpointFields::draftOf(createable, item.document.key, profile);
    m_service->create(item.connection, draft, this,
                      [this, run, item](const EndpointService::SecretOutcome &created) {
                          ItemOutcome outcome;
                          outcome.index = run->index;
                          outcome.result = created;
                          if (!created.succeeded())
                              return itemDone(run, item, outcome);
                          run->report.secretUnstored = run->report.secretUnstored || !created.keychain.ok();
                          // Recorded at once: whatever follows, the next plan knows this endpoint.
                          outcome.recordProblem = record(item, created.endpoint);
                          converge(run, item, created.endpoint, outcome);
                      },
                      {item.document.id, item.document.key});
}

void PlanExecutor::converge(const std::shared_ptr<Run> &run, const PlanItem &item, const Endpoint &current,
                            ItemOutcome outcome) {
    const ProviderProfile profile = *m_service->profileFor(item.connection);
    QJsonObject fields = item.document.fields;
    fields.remove(statusField);
    const EndpointDraft edited = EndpointFields::editedOf(current, fields, item.document.key, profile);
    m_service->update(item.connection, current, edited, this,
                      [this, run, item, outcome](const EndpointService::UpdateOutcome &updated) mutable {
                          outcome.result.issues = updated.issues;
                          outcome.result.error = updated.error;
                          if (!updated.issues.isEmpty() || updated.error.isError())
                              return itemDone(run, item, outcome);
                          outcome.result.endpoint = updated.endpoint;
                          setStatus(run, item, updated.endpoint, outcome);
                      });
}

void PlanExecutor::setStatus(const std::shared_ptr<Run> &run, const PlanItem &item, const Endpoint &current,
                             ItemOutcome outcome) {
    const QJsonValue wanted = item.document.fields.value(statusField);
    const bool active = wanted.toString() == QLatin1String("active");
    if (wanted.isUndefined() || active == current.isActive()) {
        outcome.done = true;
        outcome.result.endpoint = current;
        return itemDone(run, item, outcome);
    }
    m_service->setActive(item.connection, current.id, active, this,
                         [this, run, item, outcome](const ApiError &error, const Endpoint &endpoint) mutable {
                             outcome.result.error = error;
                             if (!error.isError()) {
                                 outcome.done = true;
                                 outcome.result.endpoint = endpoint;
                             }
                             itemDone(run, item, outcome);
                         });
}

void PlanExecutor::remove(const std::shared_ptr<Run> &run, const PlanItem &item) {
    // EndpointService forgets the endpoint's mapping with its keychain entries.
    m_service->remove(item.connection, item.current.id, this, [this, run, item](const ApiError &error) {
        ItemOutcome outcome;
        outcome.index = run->index;
        outcome.result.error = error;
        outcome.result.endpoint = item.current;
        outcome.done = !error.isError();
        itemDone(run, item, outcome);
    });
}

void PlanExecutor::itemDone(const std::shared_ptr<Run> &run, const PlanItem &item, ItemOutcome outcome) {
    if (outcome.done && item.kind != PlanItem::Kind::Delete) {
        const QString problem = record(item, outcome.result.endpoint);
        if (!problem.isEmpty())
            outcome.recordProblem = problem;
    }
    emit itemFinished(outcome);
    // A create that reached the provider counts as applied even when what follows it failed.
    if (outcome.done || (item.kind == PlanItem::Kind::Create && !outcome.result.endpoint.id.isEmpty()))
        run->report.applied << run->index;
    if (!outcome.done) {
        run->report.failed = run->index;
        for (int i = run->index + 1; i < run->plan.items.size(); ++i) {
            if (run->plan.items.at(i).isChange())
                run->report.notAttempted << i;
        }
        emit finished(run->report);
        return;
    }
    next(run);
}

QString PlanExecutor::record(const PlanItem &item, const Endpoint &endpoint) {
    if (!m_applied || endpoint.id.isEmpty())
        return {};
    const ProviderProfile profile = *m_service->profileFor(item.connection);
    AppliedEndpoints::Record record;
    record.connectionId = item.connection.id;
    record.endpointId = endpoint.id;
    record.documentId = item.document.id;
    record.documentKey = item.document.key;
    record.snapshot = EndpointFields::snapshot(EndpointFields::of(endpoint, profile));
    QString problem;
    m_applied->record(record, &problem);
    return problem;
}
