#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// A dotted path into a JSON body, as provider profiles name a place in one ("error.code",
// "event.type"): the one reader for every such path (ProviderDialect's error fields,
// DeliveryFormat's event type), and its writer for the bodies the sandbox sends.
namespace JsonPath {

// The value at path: each segment an object's key, or, where the value on the way is an array,
// a numeric segment its index. Undefined when the path is empty or leads nowhere.
QJsonValue valueAt(const QJsonValue &root, const QString &path);
QJsonValue valueAt(const QJsonValue &root, const QStringList &segments);

// Puts value at segments inside object (keys only), making the objects on the way.
void insert(QJsonObject &object, const QStringList &segments, const QJsonValue &value);

} // namespace JsonPath
