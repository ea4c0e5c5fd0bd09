#pragma once

#include "ApiError.h"
#include "AppliedEndpoints.h"
#include "Plan.h"
#include "SecretStore.h"
#include "ValidationIssue.h"

#include <QObject>

#include <memory>

class EndpointService;

// Carries out a plan, one item at a time, in its order, through EndpointService: a create goes
// through the journal with its secret straight to the keychain (then, where the provider takes a
// field only on update or cannot create an endpoint paused, an update or a pause follows); an
// update sends only the fields that change; pause and resume; delete (the plan has deletes only
// with --prune). It never deletes and recreates an endpoint. It stops at the first error, and
// records in the local state what each item left at the provider, so that the same document
// plans nothing next time, or what is left of it after a failure.
class PlanExecutor final : public QObject {
    Q_OBJECT

public:
    struct ItemOutcome {
        int index = -1;
        bool done = false;
        Endpoint endpoint;                   // as the provider last answered
        ValidationIssues issues;             // refused before anything was sent
        ApiError error;                      // the provider or network failed
        bool mayHaveReachedProvider = false; // a create whose fate is unknown; the journal keeps it
        // A create the provider made but whose secret the keychain did not take: the caller must
        // show it once. The apply goes on.
        SecretResult keychain;
        QString unstoredSecret;
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
