#pragma once

#include "Connection.h"
#include "DeliveryLog.h"
#include "DeliveryReceiver.h"
#include "SecretStore.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class DeliveryJudge;
class EndpointService;

// Works out what a received request is: which endpoint it belongs to, among the endpoints of a
// set of connections (the one whose URL has the request's path, else the one whose keychain
// secret verifies its signature), and the signature verdict for that endpoint (DeliveryJudge).
// The result is a DeliveryLog::Entry, ready to be kept; nothing here answers the sender.
//
// The endpoints are listed once up front; a path no listed endpoint has makes it list again (at
// most once a second, so unmatched requests cannot keep a provider busy, and never skipped, so
// an endpoint created since is not misjudged).
class DeliveryInspector final : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(const DeliveryLog::Entry &entry)>;

    // A path no endpoint has is matched by the secret that verifies it, but among at most this many
    // endpoints with a secret: more would be a burst of keychain reads per stray request.
    static constexpr int maxSecretReads = 16;
    // The store runs one keychain job at a time, but with a few asked for at once the next starts as
    // soon as one ends instead of after its answer's round trip through this thread.
    static constexpr int secretReadsInFlight = 4;

    explicit DeliveryInspector(EndpointService *service, QObject *parent = nullptr);
    ~DeliveryInspector() override;

    // targets: whose endpoints requests are matched to; known: whose secrets may be tried as
    // another endpoint's (every configured connection).
    void setConnections(const QList<Connection> &targets, const QList<Connection> &known);
    // Lists the targets' endpoints again, then done (also when a listing failed: see listingFailed).
    void refresh(std::function<void()> done);
    // done runs once, later, unless context is gone by then.
    void inspect(const DeliveryReceiver::Request &request, QObject *context, Done done);

signals:
    // One connection that cannot be listed leaves its deliveries unmatched, not the others'.
    void listingFailed(const QString &connectionName, const QString &problem);

private:
    // An endpoint deliveries are matched to, by its URL's path.
    struct Target {
        Connection connection;
        QString endpointId;
        QString path;
    };
    void listNext(const std::shared_ptr<QList<Connection>> &pending, const std::shared_ptr<QList<Target>> &found,
                  std::function<void()> done);
    std::optional<Target> targetFor(const QString &path) const;
    void inspectListed(const DeliveryReceiver::Request &request, Done done);
    struct SecretMatch;
    // No endpoint has the path: the first (in listing order) whose current secret verifies the
    // signature, among the listed endpoints the secret index says have one, if not too many.
    void matchBySecret(const DeliveryReceiver::Request &request, DeliveryLog::Entry entry, Done done);
    void readMoreSecrets(const std::shared_ptr<SecretMatch> &match);
    void secretRead(const std::shared_ptr<SecretMatch> &match, const Target &target, const SecretResult &result,
                    const QString &secret);
    void judge(const DeliveryReceiver::Request &request, const Target &target, DeliveryLog::Entry entry, Done done);

    EndpointService *m_service;
    DeliveryJudge *m_judge;
    QList<Connection> m_targetConnections;
    QList<Target> m_targets;
    QDateTime m_listedAt;
    bool m_refreshing = false;
    QList<std::function<void()>> m_afterRefresh; // requests waiting for the listing under way
};
