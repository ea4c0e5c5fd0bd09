#pragma once

#include "ApiError.h"
#include "AppliedEndpoints.h"
#include "Endpoint.h"
#include "EndpointDocument.h"

#include <QList>
#include <QObject>

#include <memory>

class EndpointService;

// Makes the endpoints document of what exists now at some connections (webhookctl export, the
// console's File → Export…): each endpoint with its id, its key where one is known (in its
// metadata, or from the last apply), every managed field it has, its status, and whether its
// secret is in the keychain (from the secret index: no keychain call). Never a secret or API key:
// none is ever read.
class DocumentExporter final : public QObject {
    Q_OBJECT

public:
    DocumentExporter(EndpointService *service, AppliedEndpoints *applied, QObject *parent = nullptr);
    ~DocumentExporter() override;

    // finished() follows, once; on a provider error with the document made so far.
    void exportConnections(const QList<Connection> &connections, const QString &fileName);

signals:
    void finished(const EndpointDocument &document, const ApiError &error);

private:
    struct Run;
    void exportNext(const std::shared_ptr<Run> &run);
    DocumentConnection documentConnection(const Connection &connection, const QList<Endpoint> &endpoints) const;

    EndpointService *m_service;
    AppliedEndpoints *m_applied;
};
