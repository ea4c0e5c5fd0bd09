#include "DeliveryFormat.h"

#include "JsonPath.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("DeliveryFormat", text);
}

} // namespace

DeliveryFormat::DeliveryFormat()
    : m_eventTypePath{QStringLiteral("type")} {}

std::optional<DeliveryFormat> DeliveryFormat::fromJson(const QJsonObject &json, QString *errorKey, QString *error) {
    DeliveryFormat format;
    if (json.isEmpty())
        return format;
    const auto fail = [&](const QString &key, const QString &why) {
        if (errorKey)
            *errorKey = QStringLiteral("delivery.") + key;
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QJsonValue path = json.value(QStringLiteral("eventType"));
    // Object keys only: an array index in the path would name an event's position, not its type.
    const QStringList segments = path.toString().split(QLatin1Char('.'));
    if (!path.isString() || segments.contains(QString()))
        return fail(QStringLiteral("eventType"),
                    tr("expected a dotted path of object keys, such as type or event.type"));
    format.m_eventTypePath = segments;
    const QJsonValue assumed = json.value(QStringLiteral("assumed"));
    if (!assumed.isUndefined() && !assumed.isBool())
        return fail(QStringLiteral("assumed"), tr("expected true or false"));
    format.m_assumed = assumed.toBool(false);
    const QJsonValue note = json.value(QStringLiteral("note"));
    if (!note.isUndefined() && !note.isString())
        return fail(QStringLiteral("note"), tr("expected a string"));
    return format;
}

QString DeliveryFormat::eventTypeOf(const QByteArray &body) const {
    return JsonPath::valueAt(QJsonDocument::fromJson(body).object(), m_eventTypePath).toString();
}

QJsonObject DeliveryFormat::withEventType(QJsonObject event, const QString &type) const {
    JsonPath::insert(event, m_eventTypePath, type);
    return event;
}
