#pragma once

#include "AppliedEndpoints.h"
#include "EndpointService.h"
#include "Plan.h"

#include <QObject>

#include <memory>

// Carries out a plan, one item at a time, in its order, through EndpointService: a create goes
// through the journal with its secret straight to the keychain (then, where the provider takes a
// field only on update or cannot create an endpoint paused, an update or a pause follows); an
// update sends only the fields that change; pause and resume; delete (the plan has deletes only
// with --prune). It never deletes and recreates an endpoint. It stops at the first error, and
// records in the local state what each item left at the provider, so that the same document
// plans nothing next time, or what is left of it after a failure. Mappings of endpoints the plan
// found gone at the provider are forgotten first.
class PlanExecutor final : public QObject {
    Q_OBJECT

public:
    struct ItemOutcome {
        int index = -1;
        bool done = false;
        // What the provider and the keychain said, as EndpointService says it of a create: the
        // endpoint as the provider last answered, issues (refused before anything was sent), the
        // error; for a create, whether its fate is unknown (mayHaveReachedProvider: the journal
        // keeps it) and its secret's: when the keychain did not take it, unstoredSecret holds it,
        // and the caller must show it once. The apply goes on.
        EndpointService::SecretOutcome result;
        QString recordProblem; // the local state could not be written
    };
    struct Report {
        QList<int> applied;      // items that changed something at the provider
        int failed = -1;         // the item that stopped the apply
        QList<int> notAttempted; // changes after it
        bool secretUnstored = false;
        bool succeeded() const { return failed < 0; }
    };

    PlanExecutor(EndpointService *service, AppliedEndpoints *applied, QObject *parent = nullptr);
    ~PlanExecutor() override;

    // The plan must have no error. itemStarted/itemFinished for each change, then finished().
    void execute(const Plan &plan);

signals:
    void itemStarted(int index);
    void itemFinished(const PlanExecutor::ItemOutcome &outcome);
    void finished(const PlanExecutor::Report &report);

private:
    struct Run;
    void next(const std::shared_ptr<Run> &run);
    void create(const std::shared_ptr<Run> &run, const PlanItem &item);
    // Fields the create could not carry, then the status, on an endpoint that exists.
    void converge(const std::shared_ptr<Run> &run, const PlanItem &item, const Endpoint &current, ItemOutcome outcome);
    void setStatus(const std::shared_ptr<Run> &run, const PlanItem &item, const Endpoint &current, ItemOutcome outcome);
    void remove(const std::shared_ptr<Run> &run, const PlanItem &item);
    void itemDone(const std::shared_ptr<Run> &run, const PlanItem &item, ItemOutcome outcome);
    QString record(const PlanItem &item, const Endpoint &endpoint);

    EndpointService *m_service;
    AppliedEndpoints *m_applied;
};
