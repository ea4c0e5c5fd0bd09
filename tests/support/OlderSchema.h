#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

// Turns a local state database back into one an earlier version wrote, to test the migration from
// it: what each schema step after `version` added is undone, newest first. Header-only, for tests.
// A new step in LocalState needs its undoing here.
inline bool downgradeSchema(QSqlDatabase database, int version) {
    static const QList<QStringList> undo{
        {}, // 1: the journal itself
        {QStringLiteral("DROP TABLE secret_index")},
        {QStringLiteral("DROP TABLE previous_secrets")},
        {QStringLiteral("DROP TABLE deliveries")},
        {QStringLiteral("DROP TABLE applied_endpoints")},
        {QStringLiteral("ALTER TABLE deliveries DROP COLUMN forward_body_truncated"),
         QStringLiteral("ALTER TABLE deliveries DROP COLUMN forward_body")},
        {QStringLiteral("DROP TABLE apply_claims"),
         QStringLiteral("ALTER TABLE pending_creates DROP COLUMN document_key"),
         QStringLiteral("ALTER TABLE pending_creates DROP COLUMN document_id")},
    };
    QSqlQuery query(database);
    for (int step = int(undo.size()); step > version; --step) {
        for (const QString &statement : undo.at(step - 1)) {
            if (!query.exec(statement))
                return false;
        }
    }
    return query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
}
