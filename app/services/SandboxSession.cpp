#include "SandboxSession.h"

#include "EndpointService.h"
#include "SandboxServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace {

// Stable ids, so the demo's keychain entries are reused across starts instead of piling up.
QString sandboxConnectionId(const QString &providerId) {
    static const QUuid namespaceId(QStringLiteral("{6f1c1f0e-3b8a-4c56-9a5e-0b7f2d3c9e41}"));
    return QUuid::createUuidV5(namespaceId, QStringLiteral("sandbox/") + providerId).toString(QUuid::WithoutBraces);
}

} // namespace

SandboxSession::SandboxSession(EndpointService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_server(new SandboxServer(SandboxServer::Options(), this)) {}

SandboxSession::~SandboxSession() = default;

bool SandboxSession::start(QString *error) {
    if (!m_server->listen()) {
        *error = m_server->errorString();
        return false;
    }
    m_server->setDevelopment(true);
    m_server->seedDemoData();
    m_connections.clear();
    for (const QString &providerId : m_server->providerIds()) {
        const std::optional<ProviderProfile> profile = m_service->registry().profile(providerId);
        if (!profile)
            continue;
        Connection connection;
        connection.id = sandboxConnectionId(providerId);
        connection.name = tr("%1 sandbox").arg(profile->name());
        connection.providerId = providerId;
        connection.baseUrl = m_server->baseUrl(providerId).toString();
        connection.environment = Environment::Development;
        m_connections << connection;
    }
    return true;
}

void SandboxSession::storeSecrets(QObject *context, std::function<void(const SecretResult &)> done) {
    struct Progress {
        int pending = 0;
        SecretResult firstFailure;
        std::function<void(const SecretResult &)> done;
    };
    auto progress = std::make_shared<Progress>();
    progress->done = std::move(done);
    const auto finished = [progress](const SecretResult &result) {
        if (!result.ok() && progress->firstFailure.ok())
            progress->firstFailure = result;
        if (--progress->pending == 0)
            progress->done(progress->firstFailure);
    };

    const QString apiKey = m_server->options().apiKey;
    for (const Connection &connection : std::as_const(m_connections)) {
        ++progress->pending;
        m_service->saveApiKey(connection, apiKey, context, finished);
        const QList<SandboxEndpoint> endpoints = m_server->endpoints(connection.providerId);
        for (int i = 0; i + 1 < endpoints.size(); ++i) {
            ++progress->pending;
            m_service->importSecret(connection, endpoints.at(i).id, endpoints.at(i).secret, context, finished);
        }
    }
    if (progress->pending == 0)
        progress->done({});
}

bool SandboxSession::owns(const Connection &connection) const {
    for (const Connection &own : m_connections) {
        if (own.id == connection.id)
            return true;
    }
    return false;
}

void SandboxSession::deliverSample(const Connection &connection, const QString &endpointId, const QString &eventType,
                                   QObject *context, std::function<void(const SampleOutcome &)> done) {
    const QPointer<QObject> caller(context);
    auto answered = [caller, done](const SandboxResponse &response) {
        if (!caller)
            return;
        SampleOutcome outcome;
        const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
        if (response.status != 200) {
            // The provider's error shape varies; its message is somewhere in the answer.
            const QString message = QString::fromUtf8(response.body).left(300);
            outcome.problem = message.isEmpty() ? tr("the sandbox answered %1").arg(response.status) : message;
            return done(outcome);
        }
        outcome.delivered = answer.value(QStringLiteral("delivered")).toBool();
        outcome.responseStatus = answer.value(QStringLiteral("responseStatus")).toInt();
        outcome.problem = answer.value(QStringLiteral("error")).toString();
        done(outcome);
    };
    if (!owns(connection)) {
        SampleOutcome outcome;
        outcome.problem = tr("Only the built-in sandbox's connections deliver samples.");
        return QTimer::singleShot(0, context, [done, outcome] { done(outcome); });
    }
    // Later, never from inside this call, as every other service call answers.
    QTimer::singleShot(0, this, [this, connection, endpointId, eventType, answered] {
        m_server->deliverSample(connection.providerId, endpointId, eventType, answered);
    });
}

// Its moc code in this object, not in the library's shared mocs_compilation: a program that does
// not use this class (webhookctl) then links none of it, nor the Qt library it needs.
#include "moc_SandboxSession.cpp"
