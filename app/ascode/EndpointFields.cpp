#include "EndpointFields.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

const QString urlField = QStringLiteral("url");
const QString eventsField = QStringLiteral("events");
const QString labelField = QStringLiteral("label");
const QString statusField = QStringLiteral("status");
const QString projectIdField = QStringLiteral("projectId");
const QString scopeField = QStringLiteral("scope");
const QString metadataField = QStringLiteral("metadata");
const QString headersField = QStringLiteral("headers");
const QString timeoutField = QStringLiteral("timeoutMs");

QJsonObject objectOf(const StringMap &map) {
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

StringMap mapOf(const QJsonValue &value) {
    StringMap map;
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

QStringList listOf(const QJsonValue &value) {
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

} // namespace

const QStringList &EndpointFields::names() {
    static const QStringList fields{urlField,   eventsField,   labelField,   statusField, projectIdField,
                                    scopeField, metadataField, headersField, timeoutField};
    return fields;
}

QString EndpointFields::reservedMetadataKey() {
    return QStringLiteral("webhook-console-key");
}

bool EndpointFields::keepsKeyInMetadata(const ProviderProfile &profile) {
    return profile.createFields().contains(metadataField) && profile.updateFields().contains(metadataField);
}

QJsonObject EndpointFields::of(const Endpoint &endpoint, const ProviderProfile &profile) {
    QJsonObject fields;
    const auto put = [&](const QString &field, const QJsonValue &value) {
        if (profile.hasField(field) && !isEmpty(value))
            fields.insert(field, value);
    };
    put(urlField, endpoint.url);
    put(eventsField, QJsonArray::fromStringList(endpoint.events));
    put(labelField, endpoint.label);
    if (endpoint.status != EndpointStatus::Unknown)
        fields.insert(statusField, endpoint.isActive() ? QStringLiteral("active") : QStringLiteral("paused"));
    put(projectIdField, endpoint.projectId);
    put(scopeField, endpoint.scope);
    StringMap metadata = endpoint.metadata;
    metadata.remove(reservedMetadataKey());
    put(metadataField, objectOf(metadata));
    put(headersField, objectOf(endpoint.headers));
    if (endpoint.timeoutMs)
        put(timeoutField, *endpoint.timeoutMs);
    return fields;
}

QString EndpointFields::keyOf(const Endpoint &endpoint) {
    return endpoint.metadata.value(reservedMetadataKey());
}

EndpointDraft EndpointFields::draftOf(const QJsonObject &fields, const QString &key, const ProviderProfile &profile) {
    Endpoint blank;
    EndpointDraft draft = editedOf(blank, fields, key, profile);
    if (fields.contains(statusField))
        draft.enabled = fields.value(statusField).toString() == QLatin1String("active");
    else
        draft.enabled.reset();
    return draft;
}

EndpointDraft EndpointFields::editedOf(const Endpoint &current, const QJsonObject &fields, const QString &key,
                                       const ProviderProfile &profile) {
    EndpointDraft draft = EndpointDraft::fromEndpoint(current);
    if (fields.contains(urlField))
        draft.url = fields.value(urlField).toString();
    if (fields.contains(eventsField))
        draft.events = listOf(fields.value(eventsField));
    if (fields.contains(labelField))
        draft.label = fields.value(labelField).toString();
    if (fields.contains(projectIdField))
        draft.projectId = fields.value(projectIdField).toString();
    if (fields.contains(scopeField))
        draft.scope = fields.value(scopeField).toString();
    if (fields.contains(headersField))
        draft.headers = mapOf(fields.value(headersField));
    if (fields.contains(timeoutField))
        draft.timeoutMs = fields.value(timeoutField).toInt();
    const QString kept = current.metadata.value(reservedMetadataKey());
    if (fields.contains(metadataField))
        draft.metadata = mapOf(fields.value(metadataField));
    if (keepsKeyInMetadata(profile)) {
        // A document without a key leaves the one an earlier apply kept there.
        const QString wanted = key.isEmpty() ? kept : key;
        if (!wanted.isEmpty())
            draft.metadata.insert(reservedMetadataKey(), wanted);
    }
    return draft;
}

bool EndpointFields::isEmpty(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return true;
    case QJsonValue::String:
        return value.toString().isEmpty();
    case QJsonValue::Array:
        return value.toArray().isEmpty();
    case QJsonValue::Object:
        return value.toObject().isEmpty();
    default:
        return false;
    }
}

bool EndpointFields::same(const QJsonValue &a, const QJsonValue &b) {
    if (isEmpty(a) || isEmpty(b))
        return isEmpty(a) && isEmpty(b);
    return a == b;
}

QString EndpointFields::text(const QJsonValue &value) {
    if (isEmpty(value))
        return QCoreApplication::translate("EndpointFields", "(none)");
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QJsonObject EndpointFields::snapshot(const QJsonObject &fields) {
    QJsonObject kept = fields;
    if (fields.contains(headersField)) {
        QJsonObject digests;
        const QJsonObject headers = fields.value(headersField).toObject();
        for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
            digests.insert(
                it.key(),
                QString::fromLatin1(
                    QCryptographicHash::hash(it.value().toString().toUtf8(), QCryptographicHash::Sha256).toHex()));
        kept.insert(headersField, digests);
    }
    return kept;
}
