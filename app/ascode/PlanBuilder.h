#pragma once

#include "AppliedEndpoints.h"
#include "EndpointDocument.h"
#include "EndpointService.h"
#include "Plan.h"
#include "ProviderProfile.h"

#include <QList>
#include <QObject>

#include <memory>

// Works out what applying an endpoints document would do (webhookctl plan and apply, and the
// console's Apply from File). Each document connection is matched by name to a local connection
// (a different provider is an error; a different base URL, environment or auth scheme a warning,
// and the local one is used), its endpoints are listed, and each document endpoint is matched to
// one: by provider id, else by key (in the endpoint's metadata where the provider keeps one, else
// in the local state), else by the document id an earlier apply mapped. What matches nothing is
// created; what matches is updated field by field, paused, resumed or left unchanged; with prune,
// the connection's endpoints the document does not list are deleted. Drift (fields changed at the
// provider since the last apply) comes from the snapshots in AppliedEndpoints. Nothing is sent
// but lists.
class PlanBuilder final : public QObject {
    Q_OBJECT

public:
    PlanBuilder(EndpointService *service, AppliedEndpoints *applied, QObject *parent = nullptr);
    ~PlanBuilder() override;

    // The document must have passed DocumentValidator. finished() follows, once.
    void build(const EndpointDocument &document, const QList<Connection> &localConnections, bool prune);

    // The interrupted creates recovery left unsettled on the document's connections (the provider
    // may still be committing one, it could not be reached, or another program is at work on it),
    // each at its connection's line: errors for an apply, since it could make the same endpoint a
    // second time, else warnings.
    static DocumentProblems unsettledCreates(const EndpointDocument &document,
                                             const QList<Connection> &localConnections,
                                             const QList<EndpointService::Recovery> &reports, bool forApply);

signals:
    void finished(const Plan &plan);

private:
    struct Run;
    void checkConnections(Run &run, const QList<Connection> &localConnections);
    void listNext(const std::shared_ptr<Run> &run);
    void planConnection(Run &run, const DocumentConnection &document, const Connection &local,
                        const QList<Endpoint> &listed);
    PlanItem planMatched(Run &run, const DocumentEndpoint &document, const Connection &local,
                         const ProviderProfile &profile, const Endpoint &current,
                         const AppliedEndpoints::Record *record) const;

    EndpointService *m_service;
    AppliedEndpoints *m_applied;
};
