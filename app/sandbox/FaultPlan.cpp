#include "FaultPlan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Every value keeps its key but gets a type a client does not expect: strings become numbers,
// numbers and booleans become strings, arrays become a string. Objects are recursed into.
QJsonValue withWrongTypes(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::String:
        return 12345;
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QJsonValue::Array:
        return QStringLiteral("[not a list]");
    case QJsonValue::Object: {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = withWrongTypes(it.value());
        return object;
    }
    default:
        return 0;
    }
}

} // namespace

FaultPlan::FaultPlan(const SandboxOptions &options)
    : m_random(options.seed ^ 0x5eedfa17u) {
    setDropAfterCommit(options.dropAfterCommit);
    setLatencyMs(options.latencyMs);
    setCommitDelayMs(options.commitDelayMs);
    setFailRate(options.failRate);
    setRateLimit(options.rateLimit);
    setMalformed(options.malformed);
}

void FaultPlan::setRateLimit(int requestsPerSecond) {
    m_rateLimit = qMax(0, requestsPerSecond);
    m_window.invalidate();
    m_windowCount = 0;
}

void FaultPlan::malformedNext(int answers, MalformedBody body) {
    m_malformedNext = qMax(0, answers);
    m_malformedKind = body;
}

FaultPlan::Early FaultPlan::beforeHandling() {
    if (m_rateLimitNext > 0) {
        --m_rateLimitNext;
        return Early::RateLimited;
    }
    if (m_rateLimit > 0) {
        // Fixed windows: the first request starts a one-second window; within it, the first
        // `rateLimit` requests pass and the rest get 429 until the window ends.
        if (!m_window.isValid() || m_window.hasExpired(1000)) {
            m_window.start();
            m_windowCount = 0;
        }
        if (++m_windowCount > m_rateLimit)
            return Early::RateLimited;
    }
    if (m_failNext > 0) {
        --m_failNext;
        return Early::Failed;
    }
    // Drawn only when a rate is set, so turning failRate on does not shift the other draws.
    if (m_failRate > 0.0 && m_random.generateDouble() < m_failRate)
        return Early::Failed;
    return Early::None;
}

bool FaultPlan::takeDropAfterCommit() {
    if (m_dropAfterCommit <= 0)
        return false;
    --m_dropAfterCommit;
    return true;
}

void FaultPlan::applyMalformed(SandboxResponse &response) {
    if (!response.isSuccess())
        return;
    MalformedBody kind = MalformedBody::Cycle;
    if (m_malformedNext > 0) {
        --m_malformedNext;
        kind = m_malformedKind;
    } else if (!m_malformed) {
        return;
    }
    if (kind == MalformedBody::Cycle) {
        static const MalformedBody order[] = {MalformedBody::Truncated, MalformedBody::WrongTypes, MalformedBody::Html};
        kind = order[m_malformedCount % 3];
    }
    ++m_malformedCount;
    response.body = malformedBody(kind, response.body);
    // A 204 cannot carry the body we want to confuse the client with.
    if (response.status == 204)
        response.status = 200;
    response.setHeader(QByteArrayLiteral("Content-Type"), kind == MalformedBody::Html
                                                              ? QByteArrayLiteral("text/html; charset=utf-8")
                                                              : QByteArrayLiteral("application/json"));
}

QByteArray FaultPlan::malformedBody(MalformedBody kind, const QByteArray &documented) {
    switch (kind) {
    case MalformedBody::Truncated: {
        const QByteArray source = documented.isEmpty() ? QByteArrayLiteral("{\"id\":\"truncated\"}") : documented;
        return source.left(qMax<qsizetype>(1, source.size() / 2));
    }
    case MalformedBody::WrongTypes: {
        const QJsonDocument document = QJsonDocument::fromJson(documented);
        if (document.isObject())
            return QJsonDocument(withWrongTypes(document.object()).toObject()).toJson(QJsonDocument::Compact);
        // A list (or nothing) where an object or array was expected.
        return QByteArrayLiteral("{\"data\":\"[not a list]\",\"count\":\"many\"}");
    }
    case MalformedBody::Html:
    case MalformedBody::Cycle:
        break;
    }
    return QByteArrayLiteral("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                             "<body><h1>Bad Gateway</h1><p>upstream sent an invalid response</p></body></html>");
}
