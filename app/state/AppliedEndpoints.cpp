#include "AppliedEndpoints.h"

#include "LocalState.h"
#include "StateLogging.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

AppliedEndpoints::AppliedEndpoints(LocalState &state)
    : m_state(state) {}

namespace {

// A document id or key answers to one endpoint of a connection: other endpoints' claims on these go.
bool dropOtherClaims(QSqlQuery &query, const AppliedEndpoints::Record &record, const LocalState &state, QString *why) {
    for (const auto &[column, value] : {std::pair{QStringLiteral("document_id"), record.documentId},
                                        std::pair{QStringLiteral("document_key"), record.documentKey}}) {
        if (value.isEmpty())
            continue;
        query.prepare(QStringLiteral("UPDATE applied_endpoints SET %1 = '' WHERE connection_id = ? AND "
                                     "%1 = ? AND endpoint_id != ?")
                          .arg(column));
        query.addBindValue(record.connectionId);
        query.addBindValue(value);
        query.addBindValue(record.endpointId);
        if (!query.exec()) {
            *why = state.describe(query.lastError());
            return false;
        }
    }
    return true;
}

// The driver binds a null QString as NULL; the columns are NOT NULL, empty when unknown.
QString text(const QString &value) {
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

bool AppliedEndpoints::record(const Record &record, QString *error) {
    return m_state.write(
        [&](QSqlDatabase &db, QString *why) {
            QSqlQuery query(db);
            if (!dropOtherClaims(query, record, m_state, why))
                return false;
            query.prepare(QStringLiteral("INSERT OR REPLACE INTO applied_endpoints (connection_id, endpoint_id, "
                                         "document_id, document_key, snapshot, applied_at) VALUES (?, ?, ?, ?, ?, ?)"));
            query.addBindValue(record.connectionId);
            query.addBindValue(record.endpointId);
            query.addBindValue(text(record.documentId));
            query.addBindValue(text(record.documentKey));
            query.addBindValue(QString::fromUtf8(QJsonDocument(record.snapshot).toJson(QJsonDocument::Compact)));
            const QDateTime at = record.appliedAt.isValid() ? record.appliedAt : QDateTime::currentDateTimeUtc();
            query.addBindValue(at.toMSecsSinceEpoch());
            if (query.exec())
                return true;
            *why = m_state.describe(query.lastError());
            return false;
        },
        error);
}

bool AppliedEndpoints::remember(const QString &connectionId, const QString &endpointId, const Reference &reference,
                                QString *error) {
    Record record;
    record.connectionId = connectionId;
    record.endpointId = endpointId;
    record.documentId = reference.documentId;
    record.documentKey = reference.documentKey;
    return m_state.write(
        [&](QSqlDatabase &db, QString *why) {
            QSqlQuery query(db);
            if (!dropOtherClaims(query, record, m_state, why))
                return false;
            query.prepare(QStringLiteral("INSERT INTO applied_endpoints (connection_id, endpoint_id, document_id, "
                                         "document_key, snapshot, applied_at) VALUES (?, ?, ?, ?, '{}', ?) ON "
                                         "CONFLICT (connection_id, endpoint_id) DO UPDATE SET document_id = "
                                         "excluded.document_id, document_key = excluded.document_key"));
            query.addBindValue(connectionId);
            query.addBindValue(endpointId);
            query.addBindValue(text(record.documentId));
            query.addBindValue(text(record.documentKey));
            query.addBindValue(QDateTime::currentMSecsSinceEpoch());
            if (query.exec())
                return true;
            *why = m_state.describe(query.lastError());
            return false;
        },
        error);
}

bool AppliedEndpoints::forget(const QString &connectionId, const QString &endpointId, QString *error) {
    return m_state.execute(QStringLiteral("DELETE FROM applied_endpoints WHERE connection_id = ? AND endpoint_id = ?"),
                           {connectionId, endpointId}, error);
}

bool AppliedEndpoints::forgetConnection(const QString &connectionId, QString *error) {
    return m_state.execute(QStringLiteral("DELETE FROM applied_endpoints WHERE connection_id = ?"), {connectionId},
                           error);
}

QList<AppliedEndpoints::Record> AppliedEndpoints::forConnection(const QString &connectionId) const {
    QList<Record> records;
    QSqlQuery query(m_state.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT endpoint_id, document_id, document_key, snapshot, applied_at FROM "
                                 "applied_endpoints WHERE connection_id = ? ORDER BY endpoint_id"));
    query.addBindValue(connectionId);
    if (!query.exec()) {
        qCWarning(lcState).noquote() << m_state.describe(query.lastError());
        return records;
    }
    while (query.next()) {
        Record record;
        record.connectionId = connectionId;
        record.endpointId = query.value(0).toString();
        record.documentId = query.value(1).toString();
        record.documentKey = query.value(2).toString();
        record.snapshot = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
        record.appliedAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
        records << record;
    }
    return records;
}
