#include "JsonPath.h"

#include <QJsonArray>

namespace JsonPath {

QJsonValue valueAt(const QJsonValue &root, const QString &path) {
    if (path.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    return valueAt(root, path.split(QLatin1Char('.')));
}

QJsonValue valueAt(const QJsonValue &root, const QStringList &segments) {
    if (segments.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue current = root;
    for (const QString &segment : segments) {
        if (current.isObject()) {
            current = current.toObject().value(segment);
        } else if (current.isArray()) {
            bool isIndex = false;
            const int index = segment.toInt(&isIndex);
            const QJsonArray array = current.toArray();
            if (!isIndex || index < 0 || index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            current = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return current;
}

void insert(QJsonObject &object, const QStringList &segments, const QJsonValue &value) {
    if (segments.isEmpty())
        return;
    if (segments.size() == 1)
        return void(object.insert(segments.first(), value));
    QJsonObject inner = object.value(segments.first()).toObject();
    insert(inner, segments.mid(1), value);
    object.insert(segments.first(), inner);
}

} // namespace JsonPath
