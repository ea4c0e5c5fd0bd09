#include "DocumentExporter.h"

#include "EndpointFields.h"
#include "EndpointService.h"

struct DocumentExporter::Run {
    EndpointDocument document;
    QList<Connection> pending;
};

DocumentExporter::DocumentExporter(EndpointService *service, AppliedEndpoints *applied, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_applied(applied) {}

DocumentExporter::~DocumentExporter() = default;

void DocumentExporter::exportConnections(const QList<Connection> &connections, const QString &fileName) {
    auto run = std::make_shared<Run>();
    run->document.fileName = fileName;
    run->pending = connections;
    exportNext(run);
}

void DocumentExporter::exportNext(const std::shared_ptr<Run> &run) {
    if (run->pending.isEmpty()) {
        emit finished(run->document, ApiError());
        return;
    }
    const Connection connection = run->pending.takeFirst();
    m_service->list(connection, this, [this, run, connection](const ApiError &error, const QList<Endpoint> &endpoints) {
        if (error.isError()) {
            emit finished(run->document, error);
            return;
        }
        run->document.connections << documentConnection(connection, endpoints);
        exportNext(run);
    });
}

DocumentConnection DocumentExporter::documentConnection(const Connection &connection,
                                                        const QList<Endpoint> &endpoints) const {
    const ProviderProfile profile = *m_service->profileFor(connection);
    DocumentConnection document;
    document.name = connection.name;
    document.provider = connection.providerId;
    document.baseUrl = connection.baseUrl;
    document.environment = connection.environment;
    document.auth = profile.authScheme(connection.authScheme).id;

    QHash<QString, QString> rememberedKeys;
    if (m_applied) {
        for (const AppliedEndpoints::Record &record : m_applied->forConnection(connection.id))
            rememberedKeys.insert(record.endpointId, record.documentKey);
    }
    const QSet<QString> secrets = m_service->secretsOnRecord(connection);
    for (const Endpoint &endpoint : endpoints) {
        DocumentEndpoint item;
        item.id = endpoint.id;
        item.key = EndpointFields::keyOf(endpoint);
        if (item.key.isEmpty())
            item.key = rememberedKeys.value(endpoint.id);
        item.fields = EndpointFields::of(endpoint, profile);
        item.secret = secrets.contains(endpoint.id) ? SecretRequirement::Required : SecretRequirement::None;
        document.endpoints << item;
    }
    return document;
}
