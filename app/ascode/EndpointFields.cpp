#include "EndpointFields.h"

#include "CanonicalFields.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

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
    static const QStringList fields{CanonicalFields::url,      CanonicalFields::events,    CanonicalFields::label,
                                    CanonicalFields::status,   CanonicalFields::projectId, CanonicalFields::scope,
                                    CanonicalFields::metadata, CanonicalFields::headers,   CanonicalFields::timeout};
    return fields;
}

QString EndpointFields::reservedMetadataKey() {
    return QStringLiteral("webhook-console-key");
}

bool EndpointFields::keepsKeyInMetadata(const ProviderProfile &profile) {
    return profile.createFields().contains(CanonicalFields::metadata) &&
           profile.updateFields().contains(CanonicalFields::metadata);
}

QJsonObject EndpointFields::of(const Endpoint &endpoint, const ProviderProfile &profile) {
    QJsonObject fields;
    const auto put = [&](const QString &field, const QJsonValue &value) {
        if (profile.hasField(field) && !isEmpty(value))
            fields.insert(field, value);
    };
    put(CanonicalFields::url, endpoint.url);
    put(CanonicalFields::events, QJsonArray::fromStringList(endpoint.events));
    put(CanonicalFields::label, endpoint.label);
    if (endpoint.status != EndpointStatus::Unknown)
        fields.insert(CanonicalFields::status,
                      endpoint.isActive() ? QStringLiteral("active") : QStringLiteral("paused"));
    put(CanonicalFields::projectId, endpoint.projectId);
    put(CanonicalFields::scope, endpoint.scope);
    StringMap metadata = endpoint.metadata;
    metadata.remove(reservedMetadataKey());
    put(CanonicalFields::metadata, objectOf(metadata));
    put(CanonicalFields::headers, objectOf(endpoint.headers));
    if (endpoint.timeoutMs)
        put(CanonicalFields::timeout, *endpoint.timeoutMs);
    return fields;
}

QString EndpointFields::keyOf(const Endpoint &endpoint) {
    return endpoint.metadata.value(reservedMetadataKey());
}

EndpointDraft EndpointFields::draftOf(const QJsonObject &fields, const QString &key, const ProviderProfile &profile) {
    Endpoint blank;
    EndpointDraft draft = editedOf(blank, fields, key, profile);
    if (fields.contains(CanonicalFields::status))
        draft.enabled = fields.value(CanonicalFields::status).toString() == QLatin1String("active");
    else
        draft.enabled.reset();
    return draft;
}

EndpointDraft EndpointFields::editedOf(const Endpoint &current, const QJsonObject &fields, const QString &key,
                                       const ProviderProfile &profile) {
    EndpointDraft draft = EndpointDraft::fromEndpoint(current);
    if (fields.contains(CanonicalFields::url))
        draft.url = fields.value(CanonicalFields::url).toString();
    if (fields.contains(CanonicalFields::events))
        draft.events = listOf(fields.value(CanonicalFields::events));
    if (fields.contains(CanonicalFields::label))
        draft.label = fields.value(CanonicalFields::label).toString();
    if (fields.contains(CanonicalFields::projectId))
        draft.projectId = fields.value(CanonicalFields::projectId).toString();
    if (fields.contains(CanonicalFields::scope))
        draft.scope = fields.value(CanonicalFields::scope).toString();
    if (fields.contains(CanonicalFields::headers))
        draft.headers = mapOf(fields.value(CanonicalFields::headers));
    if (fields.contains(CanonicalFields::timeout))
        draft.timeoutMs = fields.value(CanonicalFields::timeout).toInt();
    const QString kept = current.metadata.value(reservedMetadataKey());
    if (fields.contains(CanonicalFields::metadata))
        draft.metadata = mapOf(fields.value(CanonicalFields::metadata));
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
    if (fields.contains(CanonicalFields::headers)) {
        QJsonObject digests;
        const QJsonObject headers = fields.value(CanonicalFields::headers).toObject();
        for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
            digests.insert(
                it.key(),
                QString::fromLatin1(
                    QCryptographicHash::hash(it.value().toString().toUtf8(), QCryptographicHash::Sha256).toHex()));
        kept.insert(CanonicalFields::headers, digests);
    }
    return kept;
}
