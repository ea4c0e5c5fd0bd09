#include "DeliveryLog.h"

#include "LocalState.h"
#include "StateLogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace {

// Headers as a JSON array of [name, value] pairs: order and repeated names are kept, and Latin-1
// makes every byte one character, so any header value survives the round trip.
QByteArray headersJson(const QList<QPair<QByteArray, QByteArray>> &headers) {
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonArray{QString::fromLatin1(name), QString::fromLatin1(DeliveryLog::storedValue(name, value))});
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<QPair<QByteArray, QByteArray>> headersFromJson(const QByteArray &json) {
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QJsonValue &pair : QJsonDocument::fromJson(json).array()) {
        const QJsonArray parts = pair.toArray();
        headers.append({parts.at(0).toString().toLatin1(), parts.at(1).toString().toLatin1()});
    }
    return headers;
}

// A null QString binds as SQL NULL; the columns hold '' for "none".
QString notNull(const QString &text) {
    return text.isNull() ? QStringLiteral("") : text;
}

// forward_status, forward_ms, forward_error, forward_body, forward_body_truncated, in that order;
// the body bounded here, whoever made the outcome.
void bindForward(QSqlQuery &query, const ForwardOutcome &forward) {
    ForwardOutcome kept = forward;
    kept.setBody(forward.body, forward.bodyTruncated);
    query.addBindValue(kept.status);
    query.addBindValue(kept.ms);
    query.addBindValue(notNull(kept.error));
    query.addBindValue(kept.body.isNull() ? QByteArray("") : kept.body);
    query.addBindValue(kept.bodyTruncated ? 1 : 0);
}

} // namespace

DeliveryLog::DeliveryLog(LocalState &state, int keep)
    : m_state(state)
    , m_keep(std::max(1, keep)) {}

QString DeliveryLog::databasePath() const {
    return m_state.filePath();
}

QByteArray DeliveryLog::storedValue(const QByteArray &name, const QByteArray &value) {
    // A sender's credentials (a receiver's basic-auth password, a session cookie) are not the
    // delivery's content and must not outlive the request.
    for (const char *credential : {"authorization", "proxy-authorization", "cookie"}) {
        if (name.compare(credential, Qt::CaseInsensitive) == 0)
            return QByteArrayLiteral("[not stored]");
    }
    return value;
}

std::optional<qint64> DeliveryLog::add(const Entry &entry, QString *error) {
    qint64 id = 0;
    const bool written = m_state.write(
        [&](QSqlDatabase &db, QString *why) {
            QSqlQuery insert(db);
            insert.prepare(
                QStringLiteral("INSERT INTO deliveries (received_at, method, path, headers, body, size, connection_id, "
                               "endpoint_id, verdict, verdict_message, forward_status, forward_ms, forward_error, "
                               "forward_body, forward_body_truncated) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            insert.addBindValue(entry.receivedAt.toMSecsSinceEpoch());
            insert.addBindValue(notNull(entry.method));
            insert.addBindValue(notNull(entry.path));
            insert.addBindValue(QString::fromUtf8(headersJson(entry.headers)));
            insert.addBindValue(entry.body.isNull() ? QByteArray("") : entry.body);
            insert.addBindValue(entry.size());
            insert.addBindValue(notNull(entry.connectionId));
            insert.addBindValue(notNull(entry.endpointId));
            insert.addBindValue(notNull(entry.verdict));
            insert.addBindValue(notNull(entry.verdictMessage));
            bindForward(insert, entry.forward);
            if (!insert.exec()) {
                *why = m_state.describe(insert.lastError());
                return false;
            }
            id = insert.lastInsertId().toLongLong();
            // The oldest go in the same transaction: the table never holds more than keep rows.
            QSqlQuery trim(db);
            trim.prepare(QStringLiteral("DELETE FROM deliveries WHERE id <= "
                                        "(SELECT id FROM deliveries ORDER BY id DESC LIMIT 1 OFFSET ?)"));
            trim.addBindValue(m_keep);
            if (!trim.exec()) {
                *why = m_state.describe(trim.lastError());
                return false;
            }
            return true;
        },
        error);
    if (!written)
        return std::nullopt;
    return id;
}

QList<DeliveryLog::Entry> DeliveryLog::recent(int limit) const {
    QList<Entry> entries;
    QSqlQuery query(m_state.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, received_at, method, path, headers, body, connection_id, endpoint_id, "
                                 "verdict, verdict_message, forward_status, forward_ms, forward_error, forward_body, "
                                 "forward_body_truncated FROM deliveries ORDER BY id DESC LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec()) {
        qCWarning(lcState).noquote() << m_state.describe(query.lastError());
        return entries;
    }
    while (query.next()) {
        Entry entry;
        entry.id = query.value(0).toLongLong();
        entry.receivedAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
        entry.method = query.value(2).toString();
        entry.path = query.value(3).toString();
        entry.headers = headersFromJson(query.value(4).toString().toUtf8());
        entry.body = query.value(5).toByteArray();
        entry.connectionId = query.value(6).toString();
        entry.endpointId = query.value(7).toString();
        entry.verdict = query.value(8).toString();
        entry.verdictMessage = query.value(9).toString();
        entry.forward.status = query.value(10).toInt();
        entry.forward.ms = query.value(11).toLongLong();
        entry.forward.error = query.value(12).toString();
        entry.forward.body = query.value(13).toByteArray();
        entry.forward.bodyTruncated = query.value(14).toBool();
        entries.append(entry);
    }
    return entries;
}

int DeliveryLog::count() const {
    QSqlQuery query(m_state.database());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM deliveries")) || !query.next()) {
        qCWarning(lcState).noquote() << m_state.describe(query.lastError());
        return 0;
    }
    return query.value(0).toInt();
}

bool DeliveryLog::clear(QString *error) {
    return m_state.write(
        [&](QSqlDatabase &db, QString *why) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("DELETE FROM deliveries")))
                return true;
            *why = m_state.describe(query.lastError());
            return false;
        },
        error);
}

bool DeliveryLog::recordForward(qint64 id, const ForwardOutcome &forward, QString *error) {
    return m_state.write(
        [&](QSqlDatabase &db, QString *why) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("UPDATE deliveries SET forward_status = ?, forward_ms = ?, forward_error = ?, "
                                         "forward_body = ?, forward_body_truncated = ? WHERE id = ?"));
            bindForward(query, forward);
            query.addBindValue(id);
            if (query.exec())
                return true;
            *why = m_state.describe(query.lastError());
            return false;
        },
        error);
}
