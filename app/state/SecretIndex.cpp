#include "SecretIndex.h"

#include "LocalState.h"
#include "StateLogging.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

SecretIndex::SecretIndex(LocalState &state)
    : m_state(state) {}

bool SecretIndex::record(const QString &connectionId, const QString &endpointId, bool stored, QString *error) {
    return m_state.write(
        [&](QSqlDatabase &db, QString *why) {
            QSqlQuery query(db);
            if (stored) {
                // An entry already on record keeps its first time: a replay or a read is no new secret.
                query.prepare(QStringLiteral("INSERT INTO secret_index (connection_id, endpoint_id, stored_at) "
                                             "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
                query.addBindValue(connectionId);
                query.addBindValue(endpointId);
                query.addBindValue(QDateTime::currentMSecsSinceEpoch());
            } else {
                query.prepare(QStringLiteral("DELETE FROM secret_index WHERE connection_id = ? AND endpoint_id = ?"));
                query.addBindValue(connectionId);
                query.addBindValue(endpointId);
            }
            if (query.exec())
                return true;
            *why = m_state.describe(query.lastError());
            return false;
        },
        error);
}

// One row of all the ids, joined by SQLite: fetching 10,000 rows through QSqlQuery one by one took
// twice as long, on the console's GUI thread. Endpoint ids never hold a line break (they are checked
// against their profile's idPattern before they are recorded).
QSet<QString> SecretIndex::storedEndpoints(const QString &connectionId) const {
    QSet<QString> endpoints;
    QSqlQuery query(m_state.database());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT group_concat(endpoint_id, char(10)) FROM secret_index WHERE connection_id = ?"));
    query.addBindValue(connectionId);
    if (!query.exec()) {
        qCWarning(lcState).noquote() << m_state.describe(query.lastError());
        return endpoints;
    }
    if (!query.next() || query.isNull(0))
        return endpoints;
    const QString ids = query.value(0).toString();
    const QList<QStringView> split = QStringView(ids).split(u'\n');
    endpoints.reserve(split.size());
    for (const QStringView id : split)
        endpoints.insert(id.toString());
    return endpoints;
}

QList<SecretIndex::Entry> SecretIndex::allStored() const {
    QList<Entry> entries;
    QSqlQuery query(m_state.database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT connection_id, endpoint_id FROM secret_index ORDER BY stored_at DESC, "
                                   "connection_id, endpoint_id"))) {
        qCWarning(lcState).noquote() << m_state.describe(query.lastError());
        return entries;
    }
    while (query.next())
        entries.append({query.value(0).toString(), query.value(1).toString()});
    return entries;
}

bool SecretIndex::recordPrevious(const QString &connectionId, const QString &endpointId, const QDateTime &replacedAt,
                                 QString *error) {
    // A newer rotate replaces the generation kept before it, and so its time.
    return m_state.execute(QStringLiteral("INSERT OR REPLACE INTO previous_secrets (connection_id, endpoint_id, "
                                          "replaced_at) VALUES (?, ?, ?)"),
                           {connectionId, endpointId, replacedAt.toMSecsSinceEpoch()}, error);
}

bool SecretIndex::forgetPrevious(const QString &connectionId, const QString &endpointId, QString *error) {
    return m_state.execute(QStringLiteral("DELETE FROM previous_secrets WHERE connection_id = ? AND endpoint_id = ?"),
                           {connectionId, endpointId}, error);
}

std::optional<QDateTime> SecretIndex::previousReplacedAt(const QString &connectionId, const QString &endpointId) const {
    QSqlQuery query(m_state.database());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT replaced_at FROM previous_secrets WHERE connection_id = ? AND endpoint_id = ?"));
    query.addBindValue(connectionId);
    query.addBindValue(endpointId);
    if (!query.exec()) {
        qCWarning(lcState).noquote() << m_state.describe(query.lastError());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
}
