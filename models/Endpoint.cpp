#include "Endpoint.h"

#include "Timestamp.h"

#include <QJsonArray>

namespace {

QJsonObject mapToJson(const StringMap &map) {
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

void insertTime(QJsonObject &object, const QString &key, const QDateTime &time) {
    if (time.isValid())
        object.insert(key, Endpoint::timeText(time));
}

} // namespace

QString Endpoint::timeText(const QDateTime &time) {
    QByteArray text;
    if (Timestamp::appendIsoUtc(text, time.toMSecsSinceEpoch()))
        return QString::fromLatin1(text);
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject Endpoint::toJson() const {
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("url"), url},
                     {QStringLiteral("label"), label},
                     {QStringLiteral("status"), endpointStatusName(status)},
                     {QStringLiteral("events"), QJsonArray::fromStringList(events)}};
    if (!projectId.isEmpty())
        json.insert(QStringLiteral("projectId"), projectId);
    if (!scope.isEmpty())
        json.insert(QStringLiteral("scope"), scope);
    if (!metadata.isEmpty())
        json.insert(QStringLiteral("metadata"), mapToJson(metadata));
    if (!headers.isEmpty())
        json.insert(QStringLiteral("headers"), mapToJson(headers));
    if (timeoutMs)
        json.insert(QStringLiteral("timeoutMs"), *timeoutMs);
    if (secretVersion)
        json.insert(QStringLiteral("secretVersion"), *secretVersion);
    insertTime(json, QStringLiteral("createdAt"), createdAt);
    insertTime(json, QStringLiteral("updatedAt"), updatedAt);
    insertTime(json, QStringLiteral("lastSuccessAt"), lastSuccessAt);
    insertTime(json, QStringLiteral("lastFailureAt"), lastFailureAt);
    if (consecutiveFailures)
        json.insert(QStringLiteral("consecutiveFailures"), *consecutiveFailures);
    json.insert(QStringLiteral("provider"), raw);
    return json;
}

bool operator==(const Endpoint &a, const Endpoint &b) {
    return a.id == b.id && a.url == b.url && a.label == b.label && a.status == b.status && a.events == b.events &&
           a.projectId == b.projectId && a.scope == b.scope && a.metadata == b.metadata && a.headers == b.headers &&
           a.timeoutMs == b.timeoutMs && a.secretVersion == b.secretVersion && a.createdAt == b.createdAt &&
           a.updatedAt == b.updatedAt && a.lastSuccessAt == b.lastSuccessAt && a.lastFailureAt == b.lastFailureAt &&
           a.consecutiveFailures == b.consecutiveFailures && a.raw == b.raw;
}
