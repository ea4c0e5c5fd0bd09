// What the last apply left at each endpoint, in the local state database (schema step 5): per
// connection, one document id or key per endpoint, shared by every program.
#include "AppliedEndpoints.h"
#include "LocalState.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestAppliedEndpoints : public QObject {
    Q_OBJECT

private slots:
    void recordsReplacesAndForgets() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.sqlite"));
        LocalState state(path);
        QVERIFY2(state.isUsable(), qPrintable(state.problem()));
        AppliedEndpoints applied(state);
        const QJsonObject snapshot{{QStringLiteral("url"), QStringLiteral("https://a.example")}};
        QVERIFY(applied.record(
            {QStringLiteral("c1"), QStringLiteral("e1"), QString(), QStringLiteral("orders"), snapshot, {}}));
        QVERIFY(applied.record(
            {QStringLiteral("c1"), QStringLiteral("e2"), QStringLiteral("old-id"), QString(), snapshot, {}}));
        QVERIFY(applied.record(
            {QStringLiteral("c2"), QStringLiteral("e1"), QString(), QStringLiteral("orders"), snapshot, {}}));

        LocalState other(path); // another program sees the same
        const QList<AppliedEndpoints::Record> records = AppliedEndpoints(other).forConnection(QStringLiteral("c1"));
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0).endpointId, QStringLiteral("e1"));
        QCOMPARE(records.at(0).documentKey, QStringLiteral("orders"));
        QCOMPARE(records.at(0).snapshot, snapshot);
        QVERIFY(records.at(0).appliedAt.isValid());
        QCOMPARE(records.at(1).documentId, QStringLiteral("old-id"));

        // A key answers to one endpoint of a connection: the newer claim wins.
        QVERIFY(applied.record(
            {QStringLiteral("c1"), QStringLiteral("e2"), QString(), QStringLiteral("orders"), snapshot, {}}));
        const QList<AppliedEndpoints::Record> moved = applied.forConnection(QStringLiteral("c1"));
        QCOMPARE(moved.at(0).documentKey, QString());
        QCOMPARE(moved.at(1).documentKey, QStringLiteral("orders"));
        QCOMPARE(applied.forConnection(QStringLiteral("c2")).first().documentKey, QStringLiteral("orders"));

        QVERIFY(applied.forget(QStringLiteral("c1"), QStringLiteral("e1")));
        QCOMPARE(applied.forConnection(QStringLiteral("c1")).size(), 1);
    }

    // A database of schema 4 gains the table and keeps what it had.
    void schemaFourIsMigrated() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.sqlite"));
        {
            LocalState state(path);
            QSqlQuery query(state.database());
            QVERIFY(query.exec(QStringLiteral("DROP TABLE applied_endpoints")));
            // Step 6's columns, which came after.
            QVERIFY(query.exec(QStringLiteral("ALTER TABLE deliveries DROP COLUMN forward_body")));
            QVERIFY(query.exec(QStringLiteral("ALTER TABLE deliveries DROP COLUMN forward_body_truncated")));
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 4")));
        }
        LocalState state(path);
        QVERIFY2(state.isUsable(), qPrintable(state.problem()));
        AppliedEndpoints applied(state);
        QVERIFY(applied.record({QStringLiteral("c"), QStringLiteral("e"), QString(), QStringLiteral("k"), {}, {}}));
        QCOMPARE(applied.forConnection(QStringLiteral("c")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAppliedEndpoints)
#include "tst_AppliedEndpoints.moc"
