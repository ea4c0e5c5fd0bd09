#include "SandboxServer.h"

#include "ProviderRegistry.h"
#include "SandboxDelivery.h"
#include "SandboxHttpServer.h"
#include "SandboxLogging.h"
#include "SandboxProvider.h"
#include "SandboxState.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

SandboxServer::SandboxServer(const Options &options, QObject *parent)
    : SandboxServer(ProviderRegistry().profiles(), options, parent) {}

SandboxServer::SandboxServer(const QList<ProviderProfile> &profiles, const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_random(options.seed)
    , m_faults(options)
    , m_state(new SandboxState(this))
    // Created before the providers so it is destroyed first: a delivery cut short by destruction
    // still finds its provider alive.
    , m_delivery(new SandboxDelivery(this))
    , m_http(new SandboxHttpServer(
          [this](const QHttpServerRequest &request, QTcpSocket *socket) { handle(request, socket); }, this)) {
    m_state->setFile(options.stateFile);
    connect(m_state, &SandboxState::changed, this, &SandboxServer::stateChanged);
    for (const ProviderProfile &profile : profiles) {
        m_providers.insert(profile.id(),
                           new SandboxProvider(profile, m_state, m_delivery, &m_options, &m_random, this));
        m_providerOrder << profile.id();
    }
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen() {
    if (m_port != 0)
        return true;
    m_errorString.clear();
    if (!m_state->load(&m_errorString))
        return false;
    m_port = m_http->listen(QHostAddress::LocalHost, m_options.port);
    if (m_port == 0) {
        m_errorString = tr("cannot listen on 127.0.0.1:%1").arg(m_options.port);
        return false;
    }
    qCInfo(lcSandbox).nospace() << "listening on 127.0.0.1:" << m_port
                                << (m_options.development ? " (development)" : " (production)");
    return true;
}

QUrl SandboxServer::baseUrl(const QString &providerId) const {
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QLatin1Char('/') + providerId);
    return url;
}

QStringList SandboxServer::providerIds() const {
    return m_providerOrder;
}

QList<SandboxEndpoint> SandboxServer::endpoints(const QString &providerId) const {
    return m_state->endpoints(providerId);
}

std::optional<SandboxEndpoint> SandboxServer::endpoint(const QString &providerId, const QString &endpointId) const {
    return m_state->endpoint(providerId, endpointId);
}

void SandboxServer::deliverSample(const QString &providerId, const QString &endpointId, const QString &eventType,
                                  std::function<void(const SandboxResponse &)> done) {
    SandboxProvider *target = provider(providerId);
    if (!target)
        return done(SandboxResponse::empty(404));
    target->deliverEvent(endpointId, eventType, std::move(done));
}

void SandboxServer::seedDemoData() {
    // Its own generator, so demo data is the same whatever requests came before.
    QRandomGenerator random(m_options.seed ^ 0xde30da7au);
    for (const QString &providerId : m_providerOrder)
        m_providers.value(providerId)->seedDemoData(random);
}

void SandboxServer::handle(const QHttpServerRequest &httpRequest, QTcpSocket *socket) {
    SandboxRequest request;
    switch (httpRequest.method()) {
    case QHttpServerRequest::Method::Get:
        request.method = QByteArrayLiteral("GET");
        break;
    case QHttpServerRequest::Method::Put:
        request.method = QByteArrayLiteral("PUT");
        break;
    case QHttpServerRequest::Method::Delete:
        request.method = QByteArrayLiteral("DELETE");
        break;
    case QHttpServerRequest::Method::Post:
        request.method = QByteArrayLiteral("POST");
        break;
    case QHttpServerRequest::Method::Head:
        request.method = QByteArrayLiteral("HEAD");
        break;
    case QHttpServerRequest::Method::Options:
        request.method = QByteArrayLiteral("OPTIONS");
        break;
    case QHttpServerRequest::Method::Patch:
        request.method = QByteArrayLiteral("PATCH");
        break;
    default:
        request.method = QByteArrayLiteral("UNKNOWN");
        break;
    }
    request.path = httpRequest.url().path();
    request.query = httpRequest.query();
    request.headers = httpRequest.headers();
    request.body = httpRequest.body();
    request.receivedAt = QDateTime::currentDateTimeUtc();
    const QString prefix = request.path.section(QLatin1Char('/'), 1, 1);
    SandboxProvider *target = provider(prefix);
    if (target) {
        request.providerId = prefix;
        request.localPath = request.path.mid(prefix.size() + 1);
    }
    m_requestLog.append(request);
    emit requestReceived(request);
    qCDebug(lcSandbox) << request.method << request.path; // no headers: they carry API keys

    // The responder refers to the request object, which lives as long as its connection; the
    // socket guard says whether that is still so when a delayed answer is due.
    auto responder = std::make_shared<QHttpServerResponder>(SandboxHttpServer::responder(httpRequest, socket));
    const QPointer<QTcpSocket> guard(socket);
    const auto write = [responder, guard](const SandboxResponse &response) {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return;
        if (response.dropConnection) {
            // Deferred: aborting inside the server's own read handler would pull the socket out from
            // under it. The socket is the context, so nothing runs if it is already gone.
            QTimer::singleShot(0, guard.data(), [socket = guard.data()] { socket->abort(); });
            return;
        }
        responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
        for (const auto &header : response.headers)
            responder->writeHeader(header.first, header.second);
        if (response.status != 204)
            responder->writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
        responder->writeBody(response.body);
    };
    const auto answer = [this, write](SandboxResponse response) {
        if (!response.dropConnection)
            m_faults.applyMalformed(response);
        const int latency = m_faults.latencyMs();
        if (latency > 0)
            QTimer::singleShot(latency, this, [write, response] { write(response); });
        else
            write(response);
    };

    if (!target) {
        SandboxResponse response = SandboxResponse::json(
            404, QJsonObject{{QStringLiteral("error"), tr("No provider at /%1; try one of: %2")
                                                           .arg(prefix, m_providerOrder.join(QStringLiteral(", ")))}});
        write(response);
        return;
    }

    switch (m_faults.beforeHandling()) {
    case FaultPlan::Early::RateLimited: {
        qCInfo(lcSandbox) << "fault: 429 for" << request.method << request.path;
        SandboxResponse response = target->error(429, QStringLiteral("RATE_LIMITED"), tr("Too many requests."));
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
        answer(response);
        return;
    }
    case FaultPlan::Early::Failed:
        qCInfo(lcSandbox) << "fault: 500 for" << request.method << request.path;
        answer(target->error(500, QStringLiteral("INTERNAL"), tr("Internal server error (injected by the sandbox).")));
        return;
    case FaultPlan::Early::None:
        break;
    }

    const auto handle = [this, target, request, answer] {
        target->handle(request, [this, answer](const SandboxResponse &response) {
            if (response.createdResource && m_faults.takeDropAfterCommit()) {
                qCInfo(lcSandbox) << "fault: create committed, connection dropped without an answer";
                SandboxResponse dropped;
                dropped.dropConnection = true;
                answer(dropped);
                return;
            }
            answer(response);
        });
    };
    // A slow provider commits a create some time after it arrived, whether or not the client is
    // still there to hear the answer.
    if (request.method == "POST" && m_faults.commitDelayMs() > 0)
        QTimer::singleShot(m_faults.commitDelayMs(), this, handle);
    else
        handle();
}
