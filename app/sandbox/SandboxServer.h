#pragma once

#include "FaultPlan.h"
#include "ProviderProfile.h"
#include "SandboxEndpoint.h"
#include "SandboxOptions.h"
#include "SandboxRequest.h"
#include "SandboxResponse.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QHttpServerRequest;
class QTcpSocket;
class SandboxDelivery;
class SandboxHttpServer;
class SandboxProvider;
class SandboxState;

// A local server speaking every profile's webhook-endpoint API over loopback, for tests, demos
// and offline work. Each provider lives under its own prefix: http://127.0.0.1:PORT/<providerId>
// followed by the profile's own paths. Listens on 127.0.0.1 only.
//
// Behaviour comes from the profiles (see SandboxProvider for the rules); faults from FaultPlan.
// The sandbox is a production environment unless Options::development is set.
class SandboxServer final : public QObject {
    Q_OBJECT

public:
    using Options = SandboxOptions;
    using MalformedBody = FaultPlan::MalformedBody;

    // All built-in profiles (ProviderRegistry().profiles()).
    explicit SandboxServer(const Options &options = Options(), QObject *parent = nullptr);
    SandboxServer(const QList<ProviderProfile> &profiles, const Options &options, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Loads the state file (if set and present), then listens on 127.0.0.1:options.port.
    // False with errorString() when the file is unusable or the port is taken.
    bool listen();
    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QUrl baseUrl(const QString &providerId) const; // http://127.0.0.1:PORT/<providerId>
    QStringList providerIds() const;
    QString errorString() const { return m_errorString; }
    Options options() const { return m_options; }

    // Runtime switches (faults take effect from the next request).
    void setDevelopment(bool development) { m_options.development = development; }
    void setAutoPauseAfter(int failures) { m_options.autoPauseAfter = failures; }
    void setPageSize(int items) { m_options.pageSize = qMax(1, items); }
    void setEndpointLimit(int endpoints) { m_options.endpointLimit = qMax(0, endpoints); }
    void setKnownProjectIds(const QStringList &ids) { m_options.knownProjectIds = ids; }
    void setDropAfterCommit(int creates) { m_faults.setDropAfterCommit(creates); }
    void setLatencyMs(int ms) { m_faults.setLatencyMs(ms); }
    void setCommitDelayMs(int ms) { m_faults.setCommitDelayMs(ms); }
    void setFailRate(double rate) { m_faults.setFailRate(rate); }
    void failNext(int requests) { m_faults.failNext(requests); }
    void setRateLimit(int requestsPerSecond) { m_faults.setRateLimit(requestsPerSecond); }
    void rateLimitNext(int requests) { m_faults.rateLimitNext(requests); }
    void setMalformed(bool on) { m_faults.setMalformed(on); }
    void malformedNext(int answers, MalformedBody body = MalformedBody::Cycle) {
        m_faults.malformedNext(answers, body);
    }

    // Delivers a sample of eventType to an endpoint, as POST {test}?event=TYPE does, for a program
    // running this sandbox in-process (also where the provider's API has no test operation). done
    // gets the test operation's answer ("delivered", "responseStatus", "error"), or an error.
    void deliverSample(const QString &providerId, const QString &endpointId, const QString &eventType,
                       std::function<void(const SandboxResponse &)> done);

    // Test hooks.
    QList<SandboxRequest> requestLog() const { return m_requestLog; }
    void clearRequestLog() { m_requestLog.clear(); }
    QList<SandboxEndpoint> endpoints(const QString &providerId) const;
    std::optional<SandboxEndpoint> endpoint(const QString &providerId, const QString &endpointId) const;
    // Adds, per provider, an active, a paused and a failing endpoint, plus an auto-paused one where
    // the provider has that status; ids, secrets and times are deterministic from the seed.
    void seedDemoData();

signals:
    void requestReceived(const SandboxRequest &request);
    void stateChanged(const QString &providerId);

private:
    void handle(const QHttpServerRequest &request, QTcpSocket *socket);
    SandboxProvider *provider(const QString &providerId) const { return m_providers.value(providerId); }

    Options m_options;
    QString m_errorString;
    quint16 m_port = 0;
    QRandomGenerator m_random;
    FaultPlan m_faults;
    QList<SandboxRequest> m_requestLog;
    SandboxState *m_state;
    SandboxDelivery *m_delivery;
    SandboxHttpServer *m_http;
    QHash<QString, SandboxProvider *> m_providers;
    QStringList m_providerOrder;
};
