#pragma once

#include "AppliedEndpoints.h"
#include "CtlInvocation.h"
#include "EndpointDocument.h"
#include "Plan.h"
#include "PlanExecutor.h"

#include <QObject>
#include <QTextStream>

#include <memory>

class ConnectionStore;
class EndpointService;
class LocalState;

// webhookctl export, plan and apply: reads and checks the document, has PlanBuilder and
// PlanExecutor do the work, and reports on stdout and stderr. Exit status: export 0 done, 1
// provider error, 2 bad input; plan 0 no changes, 2 changes pending, 1 any error (an invalid
// document: nothing is sent); apply 0 applied, 1 any error, 3 applied but a signing secret could
// not be stored (it is printed to stderr once).
class DocumentCommands final : public QObject {
    Q_OBJECT

public:
    enum ExitCode { Done = 0, Failed = 1, ChangesPending = 2, UsageError = 2, SecretNotStored = 3 };

    DocumentCommands(const CtlInvocation &invocation, EndpointService *service, ConnectionStore *connections,
                     LocalState *state, QTextStream &out, QTextStream &err, QObject *parent = nullptr);
    ~DocumentCommands() override;

    void start();

signals:
    void finished(int exitCode);

private:
    void runExport();
    void writeDocument(const EndpointDocument &document);
    // plan and apply: the document read and checked, the unfinished creates of its connections
    // settled, then the plan.
    void runPlan();
    void recoverThenPlan(const EndpointDocument &document);
    void planned(const Plan &plan);
    bool confirmed(const Plan &plan);
    void apply(const Plan &plan);
    void reportItem(const Plan &plan, const PlanExecutor::ItemOutcome &outcome);
    void reportApplied(const Plan &plan, const PlanExecutor::Report &report);

    void printPlan(const Plan &plan);
    void printPlanJson(const Plan &plan);
    void printProblems(const DocumentProblems &problems);
    void useApiKeyFromEnvironment(const QList<Connection> &connections);
    QList<Connection> localConnectionsOf(const EndpointDocument &document) const;
    void fail(int exitCode, const QString &message);
    void finish(int exitCode);

    CtlInvocation m_invocation;
    EndpointService *m_service;
    ConnectionStore *m_connections;
    std::unique_ptr<AppliedEndpoints> m_applied;
    QTextStream &m_out;
    QTextStream &m_err;
    int m_worstExit = Done;
};
