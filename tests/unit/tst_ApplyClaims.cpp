// Apply claims in the local state database (schema step 7): one claimant per connection at a time,
// all of a document's connections or none, a dead holder taken over at once, and two claimants of
// one process holding each other off. Also the journal's document id and key, kept with an entry,
// and the migration of a schema 6 database.
#include "ApplyClaims.h"
#include "LocalState.h"
#include "OlderSchema.h"
#include "PendingCreateJournal.h"
#include "ProcessIdentity.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestApplyClaims : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(QStringLiteral("state.sqlite")); }

    // A claim held by another process, as its row would be.
    static void claimAs(LocalState &state, const QString &connectionId, const ProcessIdentity &owner) {
        QSqlQuery query(state.database());
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO apply_claims (connection_id, owner, token, claimed_at) "
                                     "VALUES (?, ?, 'elsewhere', 1000)"));
        query.addBindValue(connectionId);
        query.addBindValue(owner.toString());
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

    static int claimRows(LocalState &state) {
        QSqlQuery query(state.database());
        return query.exec(QStringLiteral("SELECT COUNT(*) FROM apply_claims")) && query.next() ? query.value(0).toInt()
                                                                                               : -1;
    }

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void oneClaimantAtATimeAllOrNone() {
        LocalState state(path());
        QVERIFY2(state.isUsable(), qPrintable(state.problem()));
        ApplyClaims first(state);
        QCOMPARE(first.claim({QStringLiteral("c1"), QStringLiteral("c2")}), ApplyClaims::Result::Claimed);
        QCOMPARE(first.claim({QStringLiteral("c1")}), ApplyClaims::Result::Claimed); // its own: kept

        LocalState other(path()); // another program on the same database
        ApplyClaims second(other);
        ApplyClaims::Holder holder;
        QCOMPARE(second.claim({QStringLiteral("c3"), QStringLiteral("c2")}, &holder),
                 ApplyClaims::Result::HeldElsewhere);
        QCOMPARE(holder.connectionId, QStringLiteral("c2"));
        QCOMPARE(holder.owner, ProcessIdentity::current());
        QVERIFY(holder.inThisProcess); // two claimants of one process hold each other off
        QVERIFY(holder.since.isValid());
        QVERIFY(!second.holdsAny());
        QCOMPARE(claimRows(state), 2); // c3 was not claimed: all or none

        QVERIFY(second.release()); // holds nothing: changes nothing
        QCOMPARE(claimRows(state), 2);
        QVERIFY(first.release());
        QCOMPARE(claimRows(state), 0);
        QCOMPARE(second.claim({QStringLiteral("c3"), QStringLiteral("c2")}), ApplyClaims::Result::Claimed);
    }

    void aLiveHolderBlocksADeadOneDoesNot() {
        LocalState state(path());
        QProcess process;
        process.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(process.waitForStarted());
        const ProcessIdentity owner = ProcessIdentity::of(process.processId());
        QVERIFY(owner.isAlive());
        claimAs(state, QStringLiteral("c"), owner);

        ApplyClaims claims(state);
        ApplyClaims::Holder holder;
        QCOMPARE(claims.claim({QStringLiteral("c")}, &holder), ApplyClaims::Result::HeldElsewhere);
        QCOMPARE(holder.owner.pid, process.processId());
        QVERIFY(!holder.inThisProcess);
        QCOMPARE(holder.since, QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC));

        process.kill(); // killed: no clean-up of its claim
        process.waitForFinished();
        QCOMPARE(claims.claim({QStringLiteral("c")}), ApplyClaims::Result::Claimed);
        // A claim of a process of another boot (another machine sharing the folder) blocks nothing either.
        claimAs(state, QStringLiteral("d"), ProcessIdentity{QStringLiteral("other-boot"), 1, 1});
        QCOMPARE(claims.claim({QStringLiteral("d")}), ApplyClaims::Result::Claimed);
    }

    void aClaimantGoneReleasesItsClaims() {
        LocalState state(path());
        {
            ApplyClaims claims(state);
            QCOMPARE(claims.claim({QStringLiteral("c")}), ApplyClaims::Result::Claimed);
            QCOMPARE(claimRows(state), 1);
        }
        QCOMPARE(claimRows(state), 0);
    }

    void theJournalKeepsTheDocumentReference() {
        LocalState state(path());
        PendingCreateJournal journal(state, QString());
        PendingCreateJournal::Entry entry =
            PendingCreateJournal::newEntry(QStringLiteral("c"), QStringLiteral("layers"), QStringLiteral("k"),
                                           {{QStringLiteral("url"), QStringLiteral("https://example.com/a")}}, 1000);
        entry.documentId = QStringLiteral("old-id");
        entry.documentKey = QStringLiteral("orders");
        QVERIFY(journal.add(entry));
        LocalState other(path());
        const std::optional<PendingCreateJournal::Entry> read = PendingCreateJournal(other, QString()).entry(entry.id);
        QVERIFY(read);
        QCOMPARE(read->documentId, QStringLiteral("old-id"));
        QCOMPARE(read->documentKey, QStringLiteral("orders"));
    }

    // A database of schema 6 gains the claims and the journal's columns, and keeps its entries.
    void schemaSixIsMigrated() {
        QString id;
        {
            LocalState state(path());
            PendingCreateJournal journal(state, QString());
            const PendingCreateJournal::Entry entry = PendingCreateJournal::newEntry(
                QStringLiteral("c"), QStringLiteral("layers"), QStringLiteral("k"), {}, 1000);
            id = entry.id;
            QVERIFY(journal.add(entry));
            QVERIFY(journal.release(id));
            QVERIFY(downgradeSchema(state.database(), 6));
        }
        LocalState state(path());
        QVERIFY2(state.isUsable(), qPrintable(state.problem()));
        const std::optional<PendingCreateJournal::Entry> kept = PendingCreateJournal(state, QString()).entry(id);
        QVERIFY(kept);
        QVERIFY(kept->documentKey.isEmpty());
        QCOMPARE(ApplyClaims(state).claim({QStringLiteral("c")}), ApplyClaims::Result::Claimed);
    }
};

QTEST_GUILESS_MAIN(TestApplyClaims)
#include "tst_ApplyClaims.moc"
