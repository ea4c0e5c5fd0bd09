#pragma once

#include "ApplyClaims.h"
#include "CtlInvocation.h"
#include "CtlOutput.h"
#include "EndpointDocument.h"
#include "Plan.h"
#include "PlanExecutor.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <memory>

class AppliedEndpoints;
class ConnectionStore;
class EndpointService;
class LocalState;

// webhookctl export, plan and apply: reads and checks the document, has PlanBuilder and
// PlanExecutor do the work, and reports on stdout and stderr. Exit status: export 0 done, 1
// provider error, 2 bad input; plan 0 no changes, 2 changes pending, 1 any error (an invalid
// document: nothing is sent); apply 0 applied, 1 any error, 3 applied but a signing secret could
// not be stored (it is printed to stderr once).
//
// apply claims the document's connections (ApplyClaims) before it settles their unfinished
// creates and plans, and holds them until it is over: a second apply of the same connections
// waits for the first (up to claimWaitMs), then plans what the first left, or stops naming it.
class DocumentCommands final : public QObject {
    Q_OBJECT

public:
    enum ExitCode { Done = 0, Failed = 1, ChangesPending = 2, UsageError = 2, SecretNotStored = 3 };
    static constexpr int claimWaitMs = 10000;

    DocumentCommands(const CtlInvocation &invocation, EndpointService *service, ConnectionStore *connections,
                     LocalState *state, AppliedEndpoints *applied, CtlOutput &output, QObject *parent = nullptr);
    ~DocumentCommands() override;

    void start();

signals:
    void finished(int exitCode);

private:
    void runExport();
    void writeDocument(const EndpointDocument &document);
    // plan and apply: the document read and checked, (apply) its connections claimed, their
    // unfinished creates settled, then the plan.
    void runPlan();
    void claimThenPlan(const EndpointDocument &document);
    void recoverThenPlan(const EndpointDocument &document);
    void planned(Plan plan);
    bool confirmed(const Plan &plan);
    void apply(const Plan &plan);
    void reportItem(const Plan &plan, const PlanExecutor::ItemOutcome &outcome);
    void reportApplied(const Plan &plan, const PlanExecutor::Report &report);

    void printPlan(const Plan &plan);
    void printPlanJson(const Plan &plan);
    // apply --json: what was done and what was not (report: none when nothing was attempted).
    void printApplyJson(const Plan &plan, const PlanExecutor::Report *report, const QString &error, int exitCode);
    void printProblems(const DocumentProblems &problems);
    // WEBHOOK_API_KEY is one key: it stands for a connection's own only when there is one connection.
    bool useApiKeyFromEnvironment(const QList<Connection> &connections, const QString &what);
    QList<Connection> localConnectionsOf(const EndpointDocument &document) const;
    bool isApply() const { return m_invocation.command == CtlInvocation::Command::Apply; }
    bool isApplyJson() const { return isApply() && m_invocation.json; }
    // A failure before anything was applied; apply --json says it on stdout too.
    void refuse(const QString &message, const DocumentProblems &problems = {});
    void fail(int exitCode, const QString &message);
    void finish(int exitCode);

    CtlInvocation m_invocation;
    EndpointService *m_service;
    ConnectionStore *m_connections;
    AppliedEndpoints *m_applied;
    std::unique_ptr<ApplyClaims> m_claims;
    CtlOutput &m_output;
    QTextStream &m_out;
    QTextStream &m_err;
    QElapsedTimer m_started;
    QElapsedTimer m_claimWait;   // since another apply was first found holding a connection
    bool m_waitReported = false; // "waiting for process N" / "waiting until the provider ..." said once
    // Problems of creates left unsettled after recovery, per connection id: errors for apply.
    DocumentProblems m_unsettled;
    QHash<int, PlanExecutor::ItemOutcome> m_outcomes; // apply: by plan item
};
