#include "SandboxEndpoint.h"

#include <QJsonArray>

namespace {

QJsonValue timestamp(const QDateTime &time) {
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QDateTime parseTimestamp(const QJsonValue &value) {
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODateWithMs) : QDateTime();
}

} // namespace

QJsonObject SandboxEndpoint::toStateJson() const {
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("url"), url},
                     {QStringLiteral("label"), label ? QJsonValue(*label) : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("status"), status},
                     {QStringLiteral("events"), QJsonArray::fromStringList(events)},
                     {QStringLiteral("projectId"), projectId ? QJsonValue(*projectId) : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("scope"), scope},
                     {QStringLiteral("metadata"), metadata},
                     {QStringLiteral("headers"), headers},
                     {QStringLiteral("timeoutMs"), timeoutMs ? QJsonValue(*timeoutMs) : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("secret"), secret},
                     {QStringLiteral("secretVersion"), secretVersion},
                     {QStringLiteral("createdAt"), timestamp(createdAt)},
                     {QStringLiteral("updatedAt"), timestamp(updatedAt)},
                     {QStringLiteral("lastSuccessAt"), timestamp(lastSuccessAt)},
                     {QStringLiteral("lastFailureAt"), timestamp(lastFailureAt)},
                     {QStringLiteral("consecutiveFailures"), consecutiveFailures}};
    return json;
}

SandboxEndpoint SandboxEndpoint::fromStateJson(const QJsonObject &json) {
    SandboxEndpoint endpoint;
    endpoint.id = json.value(QStringLiteral("id")).toString();
    endpoint.url = json.value(QStringLiteral("url")).toString();
    if (json.value(QStringLiteral("label")).isString())
        endpoint.label = json.value(QStringLiteral("label")).toString();
    endpoint.status = json.value(QStringLiteral("status")).toString(QStringLiteral("active"));
    for (const QJsonValue &event : json.value(QStringLiteral("events")).toArray())
        endpoint.events << event.toString();
    if (json.value(QStringLiteral("projectId")).isString())
        endpoint.projectId = json.value(QStringLiteral("projectId")).toString();
    endpoint.scope = json.value(QStringLiteral("scope")).toString();
    endpoint.metadata = json.value(QStringLiteral("metadata")).toObject();
    endpoint.headers = json.value(QStringLiteral("headers")).toObject();
    if (json.value(QStringLiteral("timeoutMs")).isDouble())
        endpoint.timeoutMs = json.value(QStringLiteral("timeoutMs")).toInt();
    endpoint.secret = json.value(QStringLiteral("secret")).toString();
    endpoint.secretVersion = json.value(QStringLiteral("secretVersion")).toInt(1);
    endpoint.createdAt = parseTimestamp(json.value(QStringLiteral("createdAt")));
    endpoint.updatedAt = parseTimestamp(json.value(QStringLiteral("updatedAt")));
    endpoint.lastSuccessAt = parseTimestamp(json.value(QStringLiteral("lastSuccessAt")));
    endpoint.lastFailureAt = parseTimestamp(json.value(QStringLiteral("lastFailureAt")));
    endpoint.consecutiveFailures = json.value(QStringLiteral("consecutiveFailures")).toInt();
    return endpoint;
}
