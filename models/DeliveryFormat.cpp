#include "DeliveryFormat.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("DeliveryFormat", text);
}

// Sets value at path[depth..] inside object, making the objects on the way.
void insertAt(QJsonObject &object, const QStringList &path, qsizetype depth, const QJsonValue &value) {
    const QString &key = path.at(depth);
    if (depth == path.size() - 1)
        return void(object.insert(key, value));
    QJsonObject inner = object.value(key).toObject();
    insertAt(inner, path, depth + 1, value);
    object.insert(key, inner);
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
    QJsonValue value = QJsonDocument::fromJson(body).object();
    for (const QString &key : m_eventTypePath)
        value = value.toObject().value(key);
    return value.toString();
}

QJsonObject DeliveryFormat::withEventType(QJsonObject event, const QString &type) const {
    insertAt(event, m_eventTypePath, 0, type);
    return event;
}
