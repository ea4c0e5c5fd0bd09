#include "EndpointJson.h"

#include "TerminalText.h"
#include "Timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Qt's compact writer, then the terminal-safety escapes: the reference for everything below.
void appendViaQt(QByteArray &out, const QJsonDocument &document) {
    out += TerminalText::escapedJson(document.toJson(QJsonDocument::Compact));
}

void appendString(QByteArray &out, const QString &text) {
    // Printable ASCII without a quote or backslash is written as is, by Qt and by us alike.
    const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return u >= 0x20 && u < 0x7f && u != u'"' && u != u'\\';
    });
    if (plain) {
        out += '"';
        out += text.toLatin1();
        out += '"';
        return;
    }
    QByteArray array;
    appendViaQt(array, QJsonDocument(QJsonArray{text}));
    out += QByteArrayView(array).sliced(1, array.size() - 2); // without the brackets
}

void appendKey(QByteArray &out, const char *key, bool &first) {
    out += first ? "{\"" : ",\"";
    first = false;
    out += key;
    out += "\":";
}

void appendTime(QByteArray &out, const char *key, const QDateTime &time, bool &first) {
    if (!time.isValid())
        return;
    appendKey(out, key, first);
    out += '"';
    if (!Timestamp::appendIsoUtc(out, time.toMSecsSinceEpoch()))
        out += Endpoint::timeText(time).toLatin1();
    out += '"';
}

void appendInt(QByteArray &out, const char *key, const std::optional<int> &value, bool &first) {
    if (!value)
        return;
    appendKey(out, key, first);
    out += QByteArray::number(*value);
}

void appendMap(QByteArray &out, const char *key, const StringMap &map, bool &first) {
    if (map.isEmpty())
        return;
    appendKey(out, key, first);
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    appendViaQt(out, QJsonDocument(object));
}

void appendText(QByteArray &out, const char *key, const QString &text, bool &first) {
    appendKey(out, key, first);
    appendString(out, text);
}

} // namespace

// The keys in the order QJsonObject keeps them (sorted), as Endpoint::toJson() would have them.
void EndpointJson::appendCompact(QByteArray &out, const Endpoint &endpoint, bool withProvider) {
    bool first = true;
    appendInt(out, "consecutiveFailures", endpoint.consecutiveFailures, first);
    appendTime(out, "createdAt", endpoint.createdAt, first);
    appendKey(out, "events", first);
    out += '[';
    for (qsizetype i = 0; i < endpoint.events.size(); ++i) {
        if (i > 0)
            out += ',';
        appendString(out, endpoint.events.at(i));
    }
    out += ']';
    appendMap(out, "headers", endpoint.headers, first);
    appendText(out, "id", endpoint.id, first);
    appendText(out, "label", endpoint.label, first);
    appendTime(out, "lastFailureAt", endpoint.lastFailureAt, first);
    appendTime(out, "lastSuccessAt", endpoint.lastSuccessAt, first);
    appendMap(out, "metadata", endpoint.metadata, first);
    if (!endpoint.projectId.isEmpty())
        appendText(out, "projectId", endpoint.projectId, first);
    if (withProvider) {
        appendKey(out, "provider", first);
        appendViaQt(out, QJsonDocument(endpoint.raw));
    }
    if (!endpoint.scope.isEmpty())
        appendText(out, "scope", endpoint.scope, first);
    appendInt(out, "secretVersion", endpoint.secretVersion, first);
    appendText(out, "status", endpointStatusName(endpoint.status), first);
    appendInt(out, "timeoutMs", endpoint.timeoutMs, first);
    appendTime(out, "updatedAt", endpoint.updatedAt, first);
    appendText(out, "url", endpoint.url, first);
    out += '}';
}
