#include "ApiClient.h"

#include "ListPageScanner.h"

#include "HttpDate.h"
#include "OneShotUpload.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <memory>
#include <utility>

Q_LOGGING_CATEGORY(lcApi, "webhookconsole.api", QtWarningMsg)

namespace {

bool isLoopbackHost(const QString &host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// Retry-After is either delta-seconds or an HTTP date.
int retryAfterSeconds(const QByteArray &header) {
    bool isNumber = false;
    const int seconds = header.trimmed().toInt(&isNumber);
    if (isNumber)
        return qMax(0, seconds);
    const QDateTime when = HttpDate::parse(header);
    if (when.isValid()) // a date far in the future must not overflow into a short wait
        return int(qBound(qint64(0), QDateTime::currentDateTimeUtc().secsTo(when), qint64(365 * 24 * 3600)));
    return -1;
}

bool isRetryableStatus(int status) {
    return status == 500 || status == 502 || status == 503 || status == 504;
}

} // namespace

struct ApiClient::Request {
    QByteArray method;
    QNetworkRequest networkRequest;
    QByteArray body;
    bool retrySafe = false; // GET, or carries an Idempotency-Key that makes a repeat harmless
    int attempts = 0;
    QPointer<QObject> context;
    Answer answer;
    QByteArray received; // the current attempt's body so far, taken from the reply as it arrives
    // Why we aborted the current attempt; an aborted reply is closed and must not be read.
    enum class Abort { None, Timeout, Deadline, BodyTooLarge, HeadersTooLarge } aborted = Abort::None;
};

ApiClient::ApiClient(QNetworkAccessManager *network, const Connection &connection, const ProviderProfile &profile,
                     const QString &apiKey, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_connection(connection)
    , m_dialect(profile) {
    const ProviderProfile::AuthScheme scheme = profile.authScheme(connection.authScheme);
    m_authHeader = scheme.header.toLatin1();
    m_authValue = (scheme.prefix + apiKey).toUtf8();
    m_apiKey = apiKey;
}

QString ApiClient::baseUrlProblem(const QString &baseUrl) {
    const QUrl url(baseUrl, QUrl::StrictMode);
    if (baseUrl.trimmed().isEmpty())
        return tr("The base URL is empty.");
    if (!url.isValid() || url.host().isEmpty())
        return tr("The base URL \"%1\" is not a valid URL.").arg(baseUrl);
    if (!url.userInfo().isEmpty())
        return tr("The base URL must not contain a user name or password.");
    if (!url.query().isEmpty() || !url.fragment().isEmpty())
        return tr("The base URL must not contain a query or fragment.");
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host()))
        return {};
    if (url.scheme() == QLatin1String("http"))
        return tr("The base URL must use https; plain http is allowed only for localhost, 127.0.0.1 and ::1.");
    return tr("The base URL must start with https://.");
}

QString ApiClient::apiKeyProblem(const QString &apiKey) {
    for (const QChar c : apiKey) {
        if (c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f))
            return tr("The API key contains a line break or another control character; copy it again without "
                      "them.");
    }
    return {};
}

ApiError ApiClient::preflight() const {
    ApiError error;
    const QString problem = baseUrlProblem(m_connection.baseUrl);
    const QString keyProblem = apiKeyProblem(m_apiKey);
    if (!problem.isEmpty()) {
        error.kind = ApiError::Kind::Invalid;
        error.field = QStringLiteral("baseUrl");
        error.message = problem;
    } else if (!keyProblem.isEmpty()) {
        error.kind = ApiError::Kind::Invalid;
        error.field = QStringLiteral("apiKey");
        error.message = keyProblem;
    } else if (!m_network) {
        error.kind = ApiError::Kind::Network;
        error.message = tr("The network is not available.");
    }
    return error;
}

ApiError ApiClient::deadlineReached() const {
    ApiError error;
    error.kind = ApiError::Kind::Timeout;
    error.message =
        tr("The deadline for this operation was reached before %1 finished answering.").arg(m_dialect.profile().name());
    return error;
}

ApiError ApiClient::unsupported(const QString &operation) const {
    ApiError error;
    error.kind = ApiError::Kind::Unsupported;
    error.message = tr("%1 is not supported by %2.").arg(operation, m_dialect.profile().name());
    return error;
}

void ApiClient::send(const QString &method, const QString &path, const QUrlQuery &query,
                     const std::optional<QJsonObject> &body, const QString &idempotencyKey, QObject *context,
                     Answer answer) {
    auto request = std::make_shared<Request>();
    request->method = method.toLatin1();
    request->context = context;
    request->answer = std::move(answer);

    const ApiError problem = preflight();
    if (problem.isError()) {
        // Answer asynchronously like every other outcome, so callers have one code path.
        QTimer::singleShot(0, this, [this, request, problem] { complete(request, problem, 0, {}); });
        ++m_inFlight;
        emit busyChanged(m_inFlight);
        return;
    }

    QUrl url(m_connection.baseUrl);
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::TolerantMode);
    url.setQuery(query);

    QNetworkRequest networkRequest(url);
    networkRequest.setRawHeader(m_authHeader, m_authValue);
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader,
                             QStringLiteral("WebhookConsole/%1").arg(QStringLiteral(WEBHOOK_CONSOLE_VERSION)));
    // A redirect would carry the API key to wherever it points; treat it as an error instead.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (body) {
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request->body = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    }
    if (!idempotencyKey.isEmpty())
        networkRequest.setRawHeader(m_dialect.profile().idempotencyHeader().toLatin1(), idempotencyKey.toLatin1());
    request->networkRequest = networkRequest;
    request->retrySafe = method == QLatin1String("GET") || !idempotencyKey.isEmpty();

    ++m_inFlight;
    emit busyChanged(m_inFlight);
    attempt(request);
}

void ApiClient::attempt(std::shared_ptr<Request> request) {
    if (!m_network) {
        ApiError error;
        error.kind = ApiError::Kind::Network;
        error.message = tr("The network is not available.");
        complete(request, error, 0, {});
        return;
    }
    if (m_policy.deadline.hasExpired())
        return complete(request, deadlineReached(), 0, {});
    ++request->attempts;
    request->aborted = Request::Abort::None;
    request->received.clear();
    QNetworkReply *reply = nullptr;
    if (!request->retrySafe && request->method == "POST" && !request->body.isEmpty()) {
        // Never let the network stack repeat a non-idempotent create on its own (see OneShotUpload).
        QNetworkRequest oneShot = request->networkRequest;
        oneShot.setHeader(QNetworkRequest::ContentLengthHeader, request->body.size());
        oneShot.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *upload = new OneShotUpload(request->body);
        reply = m_network->sendCustomRequest(oneShot, request->method, upload);
        upload->setParent(reply);
    } else {
        reply = m_network->sendCustomRequest(request->networkRequest, request->method, request->body);
    }
    qCDebug(lcApi) << request->method << request->networkRequest.url().path() << "attempt" << request->attempts;

    // The attempt's own timeout, or what is left of the deadline if that comes first.
    const qint64 remainingMs = m_policy.deadline.remainingTime(); // -1: no deadline
    const bool deadlineFirst = remainingMs >= 0 && remainingMs < m_policy.timeoutMs;
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [request, reply, deadlineFirst] {
        request->aborted = deadlineFirst ? Request::Abort::Deadline : Request::Abort::Timeout;
        reply->abort();
    });
    timer->start(deadlineFirst ? int(remainingMs) : m_policy.timeoutMs);
    // Tied to the reply, which the network manager owns and may outlive this client: no `this` here.
    const qint64 maxBytes = m_policy.maxResponseBytes;
    // The body is taken out of the reply as it arrives and counted against the cap, so an endless
    // body is aborted as soon as the cap is passed. No read buffer size is set: on Qt 6.4 it throttles
    // only the hand-over to this thread while Qt's HTTP thread keeps reading the socket, which measured
    // worse (hundreds of MB before the cap was seen). What that thread reads ahead before the abort
    // lands is beyond our reach either way: a few MiB at the pace of a network link, but from 13 MiB
    // to GiBs from a loopback flood, by machine load (Qt queues each chunk for this thread unbounded).
    const auto tooLarge = [request, reply] {
        request->aborted = Request::Abort::BodyTooLarge;
        request->received.clear();
        reply->abort();
    };
    connect(reply, &QNetworkReply::readyRead, reply, [maxBytes, request, reply, tooLarge] {
        if (request->aborted != Request::Abort::None)
            return;
        // read(n) allocates n bytes up front, so never ask for more than is there.
        const qint64 wanted = qMin(reply->bytesAvailable(), maxBytes + 1 - request->received.size());
        request->received += reply->read(wanted);
        if (request->received.size() > maxBytes)
            tooLarge();
    });
    connect(reply, &QNetworkReply::downloadProgress, reply, [maxBytes, request, tooLarge](qint64, qint64 total) {
        if (request->aborted == Request::Abort::None && total > maxBytes) // announced by Content-Length
            tooLarge();
    });
    const qint64 maxHeaderBytes = m_policy.maxHeaderBytes;
    connect(reply, &QNetworkReply::metaDataChanged, reply, [maxHeaderBytes, request, reply] {
        qint64 bytes = 0;
        for (const QNetworkReply::RawHeaderPair &header : reply->rawHeaderPairs())
            bytes += header.first.size() + header.second.size() + 4; // ": " and CRLF
        if (request->aborted == Request::Abort::None && bytes > maxHeaderBytes) {
            request->aborted = Request::Abort::HeadersTooLarge;
            reply->abort();
        }
    });
    // TLS errors are never ignored: the handshake fails and finish() reports it.
    connect(reply, &QNetworkReply::finished, this, [this, request, reply] { finish(request, reply); });
}

void ApiClient::finish(const std::shared_ptr<Request> &request, QNetworkReply *reply) {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    using Abort = Request::Abort;
    // An aborted reply is closed: reading it would only print "QIODevice::read: device not open".
    if (request->aborted == Abort::None && reply->isOpen())
        request->received += reply->readAll();
    const QByteArray body = std::exchange(request->received, QByteArray());
    const bool canRetry = request->retrySafe && request->attempts < m_policy.maxAttempts;
    const int backoffMs = m_policy.backoffBaseMs * (1 << qMin(request->attempts - 1, 6)) +
                          int(QRandomGenerator::global()->bounded(qMax(1, m_policy.backoffBaseMs / 2)));

    ApiError error;
    if (request->aborted == Abort::BodyTooLarge) {
        error.kind = ApiError::Kind::Malformed;
        error.message = tr("%1 sent an answer larger than %2 MiB; it was not read.")
                            .arg(m_dialect.profile().name())
                            .arg(m_policy.maxResponseBytes / (1024 * 1024));
    } else if (request->aborted == Abort::HeadersTooLarge) {
        error.kind = ApiError::Kind::Malformed;
        error.message = tr("%1 sent more than %2 KiB of response headers; the answer was not read.")
                            .arg(m_dialect.profile().name())
                            .arg(m_policy.maxHeaderBytes / 1024);
    } else if (request->aborted == Abort::Deadline) {
        error = deadlineReached();
    } else if (request->aborted == Abort::Timeout) {
        if (canRetry)
            return retryLater(request, backoffMs);
        error.kind = ApiError::Kind::Timeout;
        error.message =
            tr("%1 did not answer within %2 seconds.").arg(m_dialect.profile().name()).arg(m_policy.timeoutMs / 1000.0);
    } else if (status == 429) {
        const int wait = retryAfterSeconds(reply->rawHeader("Retry-After"));
        // A 429 means the request was not processed, so waiting and repeating is safe for any method.
        if (request->attempts < m_policy.maxAttempts && wait <= m_policy.maxRetryAfterSeconds)
            return retryLater(request, wait >= 0 ? wait * 1000 : backoffMs);
        error = m_dialect.parseError(status, body);
        error.retryAfterSeconds = wait;
        if (error.message.isEmpty() || error.code.isEmpty())
            error.message = tr("%1 is rate limiting requests; try again later.").arg(m_dialect.profile().name());
    } else if (status >= 200 && status < 300) {
        qCDebug(lcApi) << request->method << reply->url().path() << status;
        complete(request, {}, status, body);
        return;
    } else if (status >= 300 && status < 400) {
        error.kind = ApiError::Kind::Http;
        error.httpStatus = status;
        error.message = tr("%1 answered with a redirect, which is not followed so the API key stays with this host.")
                            .arg(m_dialect.profile().name());
    } else if (status >= 400) {
        if (isRetryableStatus(status) && canRetry)
            return retryLater(request, backoffMs);
        error = m_dialect.parseError(status, body);
    } else {
        const QNetworkReply::NetworkError networkError = reply->error();
        if (networkError == QNetworkReply::SslHandshakeFailedError) {
            error.kind = ApiError::Kind::Tls;
            error.message = tr("The secure connection to %1 failed: %2").arg(reply->url().host(), reply->errorString());
        } else {
            if (canRetry)
                return retryLater(request, backoffMs);
            error.kind =
                networkError == QNetworkReply::TimeoutError ? ApiError::Kind::Timeout : ApiError::Kind::Network;
            error.message = tr("Could not reach %1: %2").arg(reply->url().host(), reply->errorString());
        }
    }
    scrubApiKey(error);
    qCInfo(lcApi) << request->method << reply->url().path() << "failed:" << error.toString();
    complete(request, error, status, body);
}

// Some APIs echo the key they refused ("invalid API key sk_..."); their text goes to logs, stderr
// and the message bar, so the key is cut out first.
void ApiClient::scrubApiKey(ApiError &error) const {
    if (m_apiKey.size() < 4)
        return; // too short to be told apart from ordinary words
    for (QString *text : {&error.message, &error.code, &error.field})
        text->replace(m_apiKey, QStringLiteral("[API key]"));
}

void ApiClient::retryLater(const std::shared_ptr<Request> &request, int delayMs) {
    // Waiting past the deadline only to give up then would hold the operator for nothing.
    const qint64 remainingMs = m_policy.deadline.remainingTime();
    if (remainingMs >= 0 && delayMs >= remainingMs) {
        ApiError error = deadlineReached();
        error.message = tr("%1 did not answer usefully, and the next try (in %2 seconds) would pass the deadline "
                           "for this operation.")
                            .arg(m_dialect.profile().name())
                            .arg(delayMs / 1000.0);
        return complete(request, error, 0, {});
    }
    qCInfo(lcApi) << request->method << request->networkRequest.url().path() << "retrying in" << delayMs << "ms";
    QTimer::singleShot(delayMs, this, [this, request] { attempt(request); });
}

void ApiClient::complete(const std::shared_ptr<Request> &request, const ApiError &error, int httpStatus,
                         const QByteArray &body) {
    --m_inFlight;
    emit busyChanged(m_inFlight);
    if (request->context)
        request->answer(error, httpStatus, body);
}

void ApiClient::list(QObject *context, ListDone done) {
    auto collected = std::make_shared<QList<Endpoint>>();
    listPages(
        context, [collected](const QList<Endpoint> &page) { *collected += page; },
        [collected, done](const ApiError &error) { done(error, error.isError() ? QList<Endpoint>() : *collected); });
}

// Where a walk through the pages of a list stands.
struct ApiClient::ListWalk {
    QString cursor;
    int pagesRead = 0;
    qsizetype listed = 0;
    bool over = false;         // done was called: a page asked for ahead is then dropped
    QPointer<QObject> context; // pages read after it is gone are dropped, as answers are
    PageDone onPage;
    Done done;

    bool dropped() const { return over || !context; }

    void finish(const ApiError &error) {
        over = true;
        done(error);
    }
};

void ApiClient::listPages(QObject *context, PageDone onPage, Done done) {
    auto walk = std::make_shared<ListWalk>();
    walk->context = context;
    walk->onPage = std::move(onPage);
    walk->done = std::move(done);
    nextPage(walk, context);
}

ApiError ApiClient::listLimitReached(bool pages) const {
    ApiError error;
    error.kind = ApiError::Kind::Malformed;
    error.limitReached = true;
    const QString where = m_policy.limitsFile.isEmpty() ? tr("the settings") : m_policy.limitsFile;
    const QString key = pages ? QStringLiteral("limits/maxListPages") : QStringLiteral("limits/maxListedEndpoints");
    const int limit = pages ? m_policy.maxListPages : m_policy.maxListedEndpoints;
    error.message = tr("Stopped reading the list from %1 at its limit (%2 = %3); to read more, raise it in %4.")
                        .arg(m_dialect.profile().name(), key, QLocale().toString(limit), where);
    return error;
}

// The next page is asked for as soon as this one's envelope names it. A common page is read
// straight from its bytes here (ListPageScanner: less work than parsing its JSON would be); any
// other page's items are read in the page parser's thread while we wait for the next page. Every
// step after an envelope goes through the parser's queue, so pages and the walk's end arrive in order.
void ApiClient::nextPage(const std::shared_ptr<ListWalk> &walk, QObject *context) {
    const QString path = m_dialect.profile().collectionPath();
    send(QStringLiteral("GET"), path, m_dialect.listQuery(walk->cursor), std::nullopt, QString(), context,
         [this, walk, context](const ApiError &error, int, const QByteArray &body) {
             if (walk->over)
                 return;
             if (error.isError())
                 return m_pageParser.then(this, [walk, error] {
                     if (!walk->dropped())
                         walk->finish(error);
                 });
             const ProviderDialect::Raw raw =
                 m_policy.keepListedRaw ? ProviderDialect::Raw::Keep : ProviderDialect::Raw::Drop;
             std::optional<ProviderDialect::ListPage> scanned;
             if (raw == ProviderDialect::Raw::Drop)
                 scanned = ListPageScanner(m_dialect).scan(body);
             std::optional<ProviderDialect::ListEnvelope> envelope;
             if (!scanned) {
                 ApiError parseError;
                 envelope = m_dialect.parseListEnvelope(body, &parseError);
                 if (!envelope)
                     return m_pageParser.then(this, [walk, parseError] {
                         if (!walk->dropped())
                             walk->finish(parseError);
                     });
             }
             const qsizetype items = scanned ? scanned->endpoints.size() : envelope->items.size();
             const QString nextCursor = scanned ? scanned->nextCursor : envelope->nextCursor;
             ++walk->pagesRead;
             const qsizetype room = m_policy.maxListedEndpoints - walk->listed;
             const bool overLimit = items > room;
             const bool atLimit = items == room && !nextCursor.isEmpty();
             const bool loops = !nextCursor.isEmpty() && nextCursor == walk->cursor;
             const bool pagesLeft = walk->pagesRead < m_policy.maxListPages;
             walk->listed += std::min(items, room);
             if (!nextCursor.isEmpty() && !overLimit && !atLimit && !loops && pagesLeft) {
                 walk->cursor = nextCursor;
                 nextPage(walk, context);
             }

             // How the walk ends after this page, if it does.
             std::optional<ApiError> end;
             if (overLimit || atLimit) {
                 end = listLimitReached(false);
             } else if (nextCursor.isEmpty()) {
                 end = ApiError();
             } else if (loops) {
                 end = ApiError();
                 end->kind = ApiError::Kind::Malformed;
                 end->message =
                     tr("%1's list did not end: the same page cursor came back.").arg(m_dialect.profile().name());
             } else if (!pagesLeft) {
                 end = listLimitReached(true);
             }

             PageParser::Parsed handOn = [walk, overLimit, room, end](std::optional<QList<Endpoint>> endpoints,
                                                                      const ApiError &itemError) {
                 if (walk->dropped())
                     return;
                 if (!endpoints)
                     return walk->finish(itemError);
                 // The endpoints up to the limit are handed on; the operator sees them, and why no more.
                 if (overLimit)
                     endpoints->resize(room);
                 if (!endpoints->isEmpty())
                     walk->onPage(*endpoints);
                 if (end)
                     walk->finish(*end);
             };
             if (scanned)
                 m_pageParser.pass(std::move(scanned->endpoints), this, std::move(handOn));
             else
                 m_pageParser.parse(m_dialect, envelope->items, raw, this, std::move(handOn));
         });
}

void ApiClient::get(const QString &endpointId, QObject *context, EndpointDone done) {
    send(QStringLiteral("GET"), m_dialect.profile().itemPath(endpointId), {}, std::nullopt, QString(), context,
         [this, done](const ApiError &error, int, const QByteArray &body) {
             if (error.isError())
                 return done(error, {});
             ApiError parseError;
             const std::optional<Endpoint> endpoint = m_dialect.parseEndpointBody(body, &parseError);
             done(parseError, endpoint.value_or(Endpoint()));
         });
}

void ApiClient::create(const QJsonObject &body, const QString &idempotencyKey, QObject *context, SecretDone done) {
    const QString key = m_dialect.profile().sendsIdempotencyKey(QStringLiteral("create")) ? idempotencyKey : QString();
    send(QStringLiteral("POST"), m_dialect.profile().collectionPath(), {}, body, key, context,
         [this, done](const ApiError &error, int, const QByteArray &responseBody) {
             if (error.isError())
                 return done(error, {});
             ApiError parseError;
             const auto created = m_dialect.parseCreateResponse(responseBody, &parseError);
             done(parseError, created.value_or(ProviderDialect::SecretResult()));
         });
}

void ApiClient::update(const QString &endpointId, const EndpointPatch &patch, QObject *context, EndpointDone done) {
    const QJsonObject body = m_dialect.updateBody(patch);
    if (body.isEmpty()) {
        ApiError nothing;
        nothing.kind = ApiError::Kind::Invalid;
        nothing.message = tr("Nothing to change: the edit matches the endpoint.");
        QTimer::singleShot(0, context ? context : this, [done, nothing] { done(nothing, {}); });
        return;
    }
    const QString key = m_dialect.profile().sendsIdempotencyKey(QStringLiteral("update"))
                            ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                            : QString();
    send(m_dialect.profile().updateMethod(), m_dialect.profile().itemPath(endpointId), {}, body, key, context,
         [this, done](const ApiError &error, int, const QByteArray &responseBody) {
             if (error.isError())
                 return done(error, {});
             ApiError parseError;
             const std::optional<Endpoint> endpoint = m_dialect.parseEndpointBody(responseBody, &parseError);
             done(parseError, endpoint.value_or(Endpoint()));
         });
}

void ApiClient::setActive(const QString &endpointId, bool active, QObject *context, EndpointDone done) {
    EndpointPatch patch;
    patch.status = active ? EndpointStatus::Active : EndpointStatus::Paused;
    update(endpointId, patch, context, std::move(done));
}

void ApiClient::rotateSecret(const QString &endpointId, QObject *context, SecretDone done) {
    if (!m_dialect.profile().canRotateSecret()) {
        const ApiError error = unsupported(tr("Rotating a signing secret"));
        QTimer::singleShot(0, context ? context : this, [done, error] { done(error, {}); });
        return;
    }
    send(QStringLiteral("POST"), m_dialect.profile().rotateSecretPath(endpointId), {}, std::nullopt, QString(), context,
         [this, done](const ApiError &error, int, const QByteArray &body) {
             if (error.isError())
                 return done(error, {});
             ApiError parseError;
             const auto rotated = m_dialect.parseRotateResponse(body, &parseError);
             done(parseError, rotated.value_or(ProviderDialect::SecretResult()));
         });
}

void ApiClient::sendTest(const QString &endpointId, QObject *context, Done done) {
    if (!m_dialect.profile().canSendTest()) {
        const ApiError error = unsupported(tr("Sending a test event"));
        QTimer::singleShot(0, context ? context : this, [done, error] { done(error); });
        return;
    }
    send(QStringLiteral("POST"), m_dialect.profile().testPath(endpointId), {}, std::nullopt, QString(), context,
         [done](const ApiError &error, int, const QByteArray &) { done(error); });
}

void ApiClient::remove(const QString &endpointId, QObject *context, Done done) {
    send(QStringLiteral("DELETE"), m_dialect.profile().itemPath(endpointId), {}, std::nullopt, QString(), context,
         [done](const ApiError &error, int, const QByteArray &) { done(error); });
}
