#include "BenchData.h"

#include <QJsonArray>
#include <QUuid>

namespace BenchData {

QString endpointId(int index) {
    return QUuid::createUuidV5(QUuid(), QString::number(index)).toString(QUuid::WithoutBraces);
}

QString endpointUrl(int index) {
    return QStringLiteral("https://hooks%1.example.com/layers/webhooks").arg(index);
}

QString endpointDescription(int index) {
    return QStringLiteral("receiver %1").arg(index);
}

QStringList endpointEvents(int) {
    return {QStringLiteral("job.completed"), QStringLiteral("job.failed")};
}

QJsonObject endpoint(int index) {
    return QJsonObject{
        {QStringLiteral("id"), endpointId(index)},
        {QStringLiteral("organizationId"), QStringLiteral("2481fa5c-a404-44ed-a561-565392499abc")},
        {QStringLiteral("projectId"), QJsonValue::Null},
        {QStringLiteral("url"), endpointUrl(index)},
        {QStringLiteral("description"), endpointDescription(index)},
        {QStringLiteral("status"), index % 7 == 0 ? QStringLiteral("paused") : QStringLiteral("active")},
        {QStringLiteral("events"), QJsonArray::fromStringList(endpointEvents(index))},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("createdAt"), QStringLiteral("2026-04-20T18:28:00.000Z")},
        {QStringLiteral("updatedAt"), QStringLiteral("2026-04-20T18:28:00.000Z")},
        {QStringLiteral("lastSuccessAt"), QJsonValue::Null},
        {QStringLiteral("lastFailureAt"), QJsonValue::Null},
        {QStringLiteral("consecutiveFailureCount"), 0},
    };
}

} // namespace BenchData
