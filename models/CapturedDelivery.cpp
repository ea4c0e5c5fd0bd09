#include "CapturedDelivery.h"

#include <QJsonDocument>
#include <QJsonObject>

QString CapturedDelivery::eventType() const {
    const QJsonDocument document = QJsonDocument::fromJson(body);
    return document.isObject() ? document.object().value(QLatin1String("type")).toString() : QString();
}
