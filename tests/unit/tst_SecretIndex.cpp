// The secret index: which keychain entries hold a secret, on record in the local state database,
// shared by every program, and added to a database of the previous schema without losing it.
#include "LocalState.h"
#include "OlderSchema.h"
#include "PendingCreateJournal.h"
#include "SecretIndex.h"

#include <QFile>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestSecretIndex : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void recordsPerConnectionAndSharesIt() {
        LocalState state(path());
        SecretIndex index(state);
        QVERIFY(index.record(QStringLiteral("c1"), QStringLiteral("e1"), true));
        QVERIFY(index.record(QStringLiteral("c1"), QStringLiteral("e2"), true));
        QVERIFY(index.record(QStringLiteral("c1"), QStringLiteral("e2"), true)); // again: no error
        QVERIFY(index.record(QStringLiteral("c2"), QStringLiteral("e1"), true));
        QVERIFY(index.record(QStringLiteral("c1"), QStringLiteral("e3"), false)); // never stored: nothing to drop
        QCOMPARE(index.storedEndpoints(QStringLiteral("c1")),
                 (QSet<QString>{QStringLiteral("e1"), QStringLiteral("e2")}));

        LocalState other(path()); // another program
        SecretIndex seen(other);
        QVERIFY(seen.record(QStringLiteral("c1"), QStringLiteral("e1"), false));
        QCOMPARE(index.storedEndpoints(QStringLiteral("c1")), QSet<QString>{QStringLiteral("e2")});
        QCOMPARE(index.storedEndpoints(QStringLiteral("c2")), QSet<QString>{QStringLiteral("e1")});
        QVERIFY(index.storedEndpoints(QStringLiteral("c3")).isEmpty());
    }

    // Newest on record first (verify tries other endpoints' secrets in that order); a read of an
    // entry already there is no new secret and keeps its place.
    void listsEveryConnectionsEntriesNewestFirst() {
        LocalState state(path());
        SecretIndex index(state);
        QVERIFY(index.record(QStringLiteral("c1"), QStringLiteral("e1"), true));
        QTest::qWait(3);
        QVERIFY(index.record(QStringLiteral("c2"), QStringLiteral("e1"), true));
        QTest::qWait(3);
        QVERIFY(index.record(QStringLiteral("c1"), QStringLiteral("e2"), true));
        QTest::qWait(3);
        QVERIFY(index.record(QStringLiteral("c1"), QStringLiteral("e3"), true));
        QVERIFY(index.record(QStringLiteral("c1"), QStringLiteral("e2"), false));
        QTest::qWait(3);
        QVERIFY(index.record(QStringLiteral("c1"), QStringLiteral("e1"), true));
        const QList<SecretIndex::Entry> all = index.allStored();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).connectionId, QStringLiteral("c1"));
        QCOMPARE(all.at(0).endpointId, QStringLiteral("e3"));
        QCOMPARE(all.at(1).connectionId, QStringLiteral("c2"));
        QCOMPARE(all.at(1).endpointId, QStringLiteral("e1"));
        QCOMPARE(all.at(2).connectionId, QStringLiteral("c1"));
        QCOMPARE(all.at(2).endpointId, QStringLiteral("e1"));
    }

    // When the previous generation was replaced: a later rotate's time replaces it, forgetting removes it.
    void previousGenerationTimes() {
        LocalState state(path());
        SecretIndex index(state);
        QVERIFY(!index.previousReplacedAt(QStringLiteral("c1"), QStringLiteral("e1")));
        const QDateTime first(QDate(2026, 1, 15), QTime(10, 0, 0, 250), Qt::UTC);
        QVERIFY(index.recordPrevious(QStringLiteral("c1"), QStringLiteral("e1"), first));
        QCOMPARE(index.previousReplacedAt(QStringLiteral("c1"), QStringLiteral("e1")), std::optional<QDateTime>(first));
        QVERIFY(!index.previousReplacedAt(QStringLiteral("c2"), QStringLiteral("e1")));
        const QDateTime later = first.addDays(3);
        QVERIFY(index.recordPrevious(QStringLiteral("c1"), QStringLiteral("e1"), later));
        QCOMPARE(index.previousReplacedAt(QStringLiteral("c1"), QStringLiteral("e1")), std::optional<QDateTime>(later));
        QVERIFY(index.forgetPrevious(QStringLiteral("c1"), QStringLiteral("e1")));
        QVERIFY(!index.previousReplacedAt(QStringLiteral("c1"), QStringLiteral("e1")));
        QVERIFY(index.forgetPrevious(QStringLiteral("c1"), QStringLiteral("e1"))); // nothing left: no error
    }

    // A database written by the first schema (the journal only) gains the index and keeps its entries.
    void previousSchemaIsMigrated() {
        const PendingCreateJournal::Entry entry = PendingCreateJournal::newEntry(
            QStringLiteral("c"), QStringLiteral("signa"), QStringLiteral("k"),
            QJsonObject{{QStringLiteral("url"), QStringLiteral("https://example.com/a")}}, 1000);
        {
            LocalState state(path());
            PendingCreateJournal journal(state, QString());
            QVERIFY(journal.add(entry));
            QVERIFY(downgradeSchema(state.database(), 1));
        }
        LocalState state(path());
        QVERIFY2(state.isUsable(), qPrintable(state.problem()));
        QSqlQuery query(state.database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), LocalState::schemaVersion);
        query.finish();
        SecretIndex index(state);
        QVERIFY(index.record(QStringLiteral("c"), QStringLiteral("e"), true));
        QVERIFY(index.recordPrevious(QStringLiteral("c"), QStringLiteral("e"), QDateTime::currentDateTimeUtc()));
        QCOMPARE(PendingCreateJournal(state, QString()).unfinished().size(), 1);
    }

    // A database of schema 2 (journal and index) gains the previous generations' table and keeps its index.
    void schemaTwoIsMigrated() {
        {
            LocalState state(path());
            QVERIFY(SecretIndex(state).record(QStringLiteral("c"), QStringLiteral("e"), true));
            QVERIFY(downgradeSchema(state.database(), 2));
        }
        LocalState state(path());
        QVERIFY2(state.isUsable(), qPrintable(state.problem()));
        SecretIndex index(state);
        QCOMPARE(index.storedEndpoints(QStringLiteral("c")), QSet<QString>{QStringLiteral("e")});
        QVERIFY(index.recordPrevious(QStringLiteral("c"), QStringLiteral("e"), QDateTime::currentDateTimeUtc()));
        QVERIFY(index.previousReplacedAt(QStringLiteral("c"), QStringLiteral("e")));
    }

private:
    QString path() const { return m_dir->filePath(QStringLiteral("state.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestSecretIndex)
#include "tst_SecretIndex.moc"
