#pragma once

#include "Connection.h"
#include "SecretStore.h"

#include <QObject>

#include <functional>

class EndpointService;
class SandboxServer;

// "Try it without an account": an in-process webhook-sandbox seeded with demo endpoints, and one
// development connection per provider pointing at it. The connections are not saved to
// settings (the port changes every start), but their API keys and the demo endpoints' secrets
// still go through the keychain, exactly as for a real provider.
class SandboxSession final : public QObject {
    Q_OBJECT

public:
    explicit SandboxSession(EndpointService *service, QObject *parent = nullptr);
    ~SandboxSession() override;

    // Listens on a free loopback port and seeds the demo endpoints.
    bool start(QString *error);
    SandboxServer *server() const { return m_server; }
    QList<Connection> connections() const { return m_connections; }

    // Stores each connection's API key and the demo endpoints' secrets (all but one per provider,
    // so the console also shows what a missing secret looks like). done gets the first failure,
    // or an ok result.
    void storeSecrets(QObject *context, std::function<void(const SecretResult &)> done);

    // Whether the connection is one of this sandbox's.
    bool owns(const Connection &connection) const;
    // What a sample delivery did: sent (or refused, with problem), and the receiver's answer.
    struct SampleOutcome {
        bool delivered = false;
        int responseStatus = 0; // 0: no HTTP answer
        QString problem;        // empty when delivered
    };
    // The sandbox delivers a sample event of eventType, signed with the endpoint's secret as the
    // profile says, to the endpoint's URL (a real POST only when it is a loopback URL). done runs
    // once, later, unless context is gone by then.
    void deliverSample(const Connection &connection, const QString &endpointId, const QString &eventType,
                       QObject *context, std::function<void(const SampleOutcome &)> done);

private:
    EndpointService *m_service;
    SandboxServer *m_server;
    QList<Connection> m_connections;
};
