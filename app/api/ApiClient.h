#pragma once

#include "ApiError.h"
#include "Connection.h"
#include "PageParser.h"
#include "ProviderDialect.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

class QNetworkReply;

// Talks to one connection's provider over HTTP, asynchronously, on a shared
// QNetworkAccessManager. It owns the transport rules: the auth header, Idempotency-Key,
// timeouts, an overall deadline, Retry-After, retries only where repeating is safe, size caps on
// answers (headers and body, enforced while reading) and no redirects (so the API key never
// follows one to another host). Results arrive through
// callbacks that are dropped when their context object is gone.
class ApiClient final : public QObject {
    Q_OBJECT

public:
    struct Policy {
        int timeoutMs = 30000;
        int maxAttempts = 4;           // first try included
        int backoffBaseMs = 500;       // doubled on each retry, with jitter
        int maxRetryAfterSeconds = 60; // a longer Retry-After is reported instead of waited for
        qint64 maxResponseBytes = ProviderDialect::maxBodyBytes; // the dialect reads no more either
        qint64 maxHeaderBytes = 64 * 1024;                       // names and values of all response headers together
        // When every request made under this policy must be over: attempts and retry waits count
        // against it (webhookctl --deadline). Forever by default, as in the console.
        QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever);
        // Where a list stops (ListLimits reads them from the settings): a bound on what a possibly
        // hostile provider can make us hold in memory, and on a list whose pages never end.
        int maxListedEndpoints = 100000;
        int maxListPages = 1000;
        QString limitsFile; // where the operator can raise them, named when a list stops at one
        // Whether listed endpoints keep the provider's own object (Endpoint::raw). It is most of an
        // endpoint's memory; the console asks for one endpoint's when the operator opens it.
        bool keepListedRaw = true;
    };

    using Done = std::function<void(const ApiError &error)>;
    using EndpointDone = std::function<void(const ApiError &error, const Endpoint &endpoint)>;
    using SecretDone = std::function<void(const ApiError &error, const ProviderDialect::SecretResult &result)>;
    using ListDone = std::function<void(const ApiError &error, const QList<Endpoint> &endpoints)>;
    using PageDone = std::function<void(const QList<Endpoint> &page)>;

    ApiClient(QNetworkAccessManager *network, const Connection &connection, const ProviderProfile &profile,
              const QString &apiKey, QObject *parent = nullptr);

    // Base URLs must be https; plain http only to a loopback host (the sandbox, local fakes).
    // Returns an empty string when acceptable, else the reason.
    static QString baseUrlProblem(const QString &baseUrl);
    // An API key goes into a header verbatim, so a line break in it could add headers of its own.
    // Returns an empty string when acceptable, else the reason (never the key).
    static QString apiKeyProblem(const QString &apiKey);

    const ProviderDialect &dialect() const { return m_dialect; }
    const Connection &connection() const { return m_connection; }
    void setPolicy(const Policy &policy) { m_policy = policy; }
    Policy policy() const { return m_policy; }
    int requestsInFlight() const { return m_inFlight; }

    void list(QObject *context, ListDone done); // follows every page
    // Follows every page and hands each to onPage as it arrives (for output that streams); done
    // follows once the list ended or failed, possibly after some pages were handed on.
    void listPages(QObject *context, PageDone onPage, Done done);
    void get(const QString &endpointId, QObject *context, EndpointDone done);
    // The body comes from ProviderDialect::createBody (or a journal entry being replayed);
    // the idempotency key is sent only where the provider honours one.
    void create(const QJsonObject &body, const QString &idempotencyKey, QObject *context, SecretDone done);
    void update(const QString &endpointId, const EndpointPatch &patch, QObject *context, EndpointDone done);
    void setActive(const QString &endpointId, bool active, QObject *context, EndpointDone done);
    void rotateSecret(const QString &endpointId, QObject *context, SecretDone done);
    void sendTest(const QString &endpointId, QObject *context, Done done);
    void remove(const QString &endpointId, QObject *context, Done done);

signals:
    // For progress indicators: how many requests are in flight (retries and waits included).
    void busyChanged(int requestsInFlight);

private:
    struct Request;
    using Answer = std::function<void(const ApiError &error, int httpStatus, const QByteArray &body)>;

    void send(const QString &method, const QString &path, const QUrlQuery &query,
              const std::optional<QJsonObject> &body, const QString &idempotencyKey, QObject *context, Answer answer);
    void attempt(std::shared_ptr<Request> request);
    void finish(const std::shared_ptr<Request> &request, QNetworkReply *reply);
    void retryLater(const std::shared_ptr<Request> &request, int delayMs);
    void complete(const std::shared_ptr<Request> &request, const ApiError &error, int httpStatus,
                  const QByteArray &body);
    struct ListWalk;
    void nextPage(const std::shared_ptr<ListWalk> &walk, QObject *context);
    ApiError listLimitReached(bool pages) const; // at maxListPages, else at maxListedEndpoints
    ApiError unsupported(const QString &operation) const;
    void scrubApiKey(ApiError &error) const;
    ApiError preflight() const;
    ApiError deadlineReached() const;

    QPointer<QNetworkAccessManager> m_network;
    Connection m_connection;
    ProviderDialect m_dialect;
    QByteArray m_authHeader;
    QByteArray m_authValue;
    QString m_apiKey; // only to cut it out of error texts that echo it
    Policy m_policy;
    int m_inFlight = 0;
    PageParser m_pageParser; // last: destroyed first, so the page it reads still has its dialect
};
