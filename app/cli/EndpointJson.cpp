#include "EndpointJson.h"

#include "TerminalText.h"
#include "Timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <charconv>

namespace {

// Qt's compact writer, then the terminal-safety escapes: the reference for everything below.
void appendViaQt(QByteArray &out, const QJsonDocument &document) {
    out += TerminalText::escapedJson(document.toJson(QJsonDocument::Compact));
}

void appendString(QByteArray &out, const QString &text) {
    // Printable ASCII without a quote or backslash is written as is, by Qt and by us alike: copied
    // straight into `out`, the common case for every field of every endpoint.
    const qsizetype start = out.size();
    out.resize(start + text.size() + 2);
    char *at = out.data() + start;
    *at++ = '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u >= 0x7f || u == u'"' || u == u'\\') {
            out.truncate(start);
            QByteArray array;
            appendViaQt(array, QJsonDocument(QJsonArray{text}));
            out += QByteArrayView(array).sliced(1, array.size() - 2); // without the brackets
            return;
        }
        *at++ = char(u);
    }
    *at = '"';
}

// `key` is a literal; the separator, the quoted key and the colon go in with one append.
void appendKey(QByteArray &out, QByteArrayView key, bool &first) {
    const qsizetype start = out.size();
    out.resize(start + key.size() + 4);
    char *at = out.data() + start;
    *at++ = first ? '{' : ',';
    *at++ = '"';
    at = std::copy(key.begin(), key.end(), at);
    *at++ = '"';
    *at = ':';
    first = false;
}

void appendTime(QByteArray &out, QByteArrayView key, const QDateTime &time, bool &first) {
    if (!time.isValid())
        return;
    appendKey(out, key, first);
    out += '"';
    if (!Timestamp::appendIsoUtc(out, time.toMSecsSinceEpoch()))
        out += Endpoint::timeText(time).toLatin1();
    out += '"';
}

void appendInt(QByteArray &out, QByteArrayView key, const std::optional<int> &value, bool &first) {
    if (!value)
        return;
    appendKey(out, key, first);
    char digits[16];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, *value).ptr - digits);
}

void appendMap(QByteArray &out, QByteArrayView key, const StringMap &map, bool &first) {
    if (map.isEmpty())
        return;
    appendKey(out, key, first);
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    appendViaQt(out, QJsonDocument(object));
}

void appendText(QByteArray &out, QByteArrayView key, const QString &text, bool &first) {
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
