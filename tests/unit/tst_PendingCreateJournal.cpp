// The pending-create journal on the local state database: entries survive a reopen, several
// journals (programs) on one database never lose each other's entries, an entry with a live owner
// is never taken over, and the JSON journal of earlier versions is imported once.
#include "LocalState.h"
#include "PendingCreateJournal.h"
#include "ProcessIdentity.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestPendingCreateJournal : public QObject {
    Q_OBJECT

private slots:
    void init();
    void addMarkAndReopen();
    void unfinishedPerConnection();
    void markDoneRemovesAndUnknownIdFails();
    void twoJournalsKeepEachOthersEntries();
    void liveOwnerIsLeftAlone();
    void entryAtWorkHereIsNotClaimed();
    void reusedPidIsNotTheOwner();
    void orphanedTimeIsKeptFromTheFirstSighting();
    void secretLookingBodyRefusedAndNothingSecretOnDisk();
    void legacyJournalIsImportedOnce();
    void legacyDamagedEntriesAreReported();

private:
    QString statePath() const { return m_dir->filePath(QStringLiteral("data/state.sqlite")); }
    QString legacyPath() const { return m_dir->filePath(QStringLiteral("data/pending-creates.json")); }
    static QJsonObject body(const QString &url) {
        return {{QStringLiteral("url"), url}, {QStringLiteral("enabledEvents"), QJsonArray{QStringLiteral("a.b")}}};
    }
    static PendingCreateJournal::Entry entryFor(const QString &connection, const QString &url = QString()) {
        return PendingCreateJournal::newEntry(connection, QStringLiteral("signa"), QStringLiteral("key-") + connection,
                                              body(url.isEmpty() ? QStringLiteral("https://example.com/hook") : url),
                                              2000);
    }
    // Writes an entry straight into the database as another process would have left it.
    void insertOwnedBy(LocalState &state, const QString &id, const QString &owner) {
        QSqlQuery query(state.database());
        query.prepare(QStringLiteral(
            "INSERT INTO pending_creates (id, connection_id, provider_id, idempotency_key, request_body, created_at, "
            "state, endpoint_id, request_timeout_ms, owner) VALUES (?, 'c', 'signa', 'k', '{}', 0, 'sent', '', 1000, "
            "?)"));
        query.addBindValue(id);
        query.addBindValue(owner);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPendingCreateJournal::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestPendingCreateJournal::addMarkAndReopen() {
    const PendingCreateJournal::Entry added = entryFor(QStringLiteral("conn-1"));
    {
        LocalState state(statePath());
        QVERIFY2(state.isUsable(), qPrintable(state.problem()));
        PendingCreateJournal journal(state, legacyPath());
        QVERIFY(journal.problem().isEmpty());
        QString error;
        QVERIFY2(journal.add(added, &error), qPrintable(error));
        QVERIFY(journal.markSent(added.id));
        QVERIFY(journal.markEndpointKnown(added.id, QStringLiteral("whk_1")));
    }
    LocalState state(statePath());
    PendingCreateJournal journal(state, legacyPath());
    const std::optional<PendingCreateJournal::Entry> read = journal.entry(added.id);
    QVERIFY(read);
    QCOMPARE(read->connectionId, added.connectionId);
    QCOMPARE(read->idempotencyKey, added.idempotencyKey);
    QCOMPARE(read->requestBody, added.requestBody);
    QCOMPARE(read->createdAt, added.createdAt);
    QCOMPARE(read->state, PendingCreateJournal::State::Sent);
    QCOMPARE(read->endpointId, QStringLiteral("whk_1"));
    QCOMPARE(read->requestTimeoutMs, 2000);
    QCOMPARE(read->owner, ProcessIdentity::current());
    QVERIFY(!read->orphanedAt.isValid());
    QVERIFY(journal.markSecretStored(added.id));
    QCOMPARE(journal.entry(added.id)->state, PendingCreateJournal::State::SecretStored);
}

void TestPendingCreateJournal::unfinishedPerConnection() {
    LocalState state(statePath());
    PendingCreateJournal journal(state, QString());
    QVERIFY(journal.add(entryFor(QStringLiteral("a"))));
    QVERIFY(journal.add(entryFor(QStringLiteral("b"))));
    QVERIFY(journal.add(entryFor(QStringLiteral("a"))));
    QCOMPARE(journal.unfinished().size(), 3);
    QCOMPARE(journal.unfinished(QStringLiteral("a")).size(), 2);
    QCOMPARE(journal.unfinished(QStringLiteral("b")).size(), 1);
    QVERIFY(journal.unfinished(QStringLiteral("c")).isEmpty());
}

void TestPendingCreateJournal::markDoneRemovesAndUnknownIdFails() {
    LocalState state(statePath());
    PendingCreateJournal journal(state, QString());
    const PendingCreateJournal::Entry entry = entryFor(QStringLiteral("a"));
    QVERIFY(journal.add(entry));
    QString error;
    QVERIFY(!journal.add(entry, &error));
    QVERIFY2(error.contains(QStringLiteral("already holds")), qPrintable(error));
    QVERIFY(journal.markDone(entry.id));
    QVERIFY(journal.unfinished().isEmpty());
    QVERIFY(!journal.markDone(entry.id, &error));
    QVERIFY2(error.contains(QStringLiteral("no entry")), qPrintable(error));
    QVERIFY(!journal.markSent(QStringLiteral("nope"), &error));
    QCOMPARE(journal.claim(QStringLiteral("nope")), PendingCreateJournal::Claim::Gone);
}

// The old JSON journal lost entries when two programs wrote it from stale copies: here each
// change is one transaction on what is on disk.
void TestPendingCreateJournal::twoJournalsKeepEachOthersEntries() {
    LocalState stateA(statePath());
    LocalState stateB(statePath());
    PendingCreateJournal a(stateA, QString());
    PendingCreateJournal b(stateB, QString());
    const PendingCreateJournal::Entry first = entryFor(QStringLiteral("L1"));
    QVERIFY(a.add(first));
    QCOMPARE(b.unfinished().size(), 1); // B sees A's entry at once
    const PendingCreateJournal::Entry second = entryFor(QStringLiteral("L2"));
    QVERIFY(b.add(second));
    QVERIFY(a.markDone(first.id)); // A's view predates B's entry
    QCOMPARE(b.unfinished().size(), 1);
    QCOMPARE(a.unfinished().size(), 1);
    QCOMPARE(a.unfinished().first().id, second.id);
}

void TestPendingCreateJournal::liveOwnerIsLeftAlone() {
    QProcess owner;
    owner.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(owner.waitForStarted());
    const ProcessIdentity identity = ProcessIdentity::of(owner.processId());
    QVERIFY(!identity.isNull());
    QVERIFY(identity.isAlive());

    LocalState state(statePath());
    PendingCreateJournal journal(state, QString());
    insertOwnedBy(state, QStringLiteral("e1"), identity.toString());
    PendingCreateJournal::Entry seen;
    QCOMPARE(journal.claim(QStringLiteral("e1"), &seen), PendingCreateJournal::Claim::OwnedElsewhere);
    QCOMPARE(seen.owner, identity);
    QVERIFY(!journal.entry(QStringLiteral("e1"))->orphanedAt.isValid()); // untouched

    owner.kill(); // as kill -9 would
    QVERIFY(owner.waitForFinished());
    QVERIFY(!identity.isAlive());
    QCOMPARE(journal.claim(QStringLiteral("e1"), &seen), PendingCreateJournal::Claim::Claimed);
    QCOMPARE(seen.owner, ProcessIdentity::current());
    QVERIFY(seen.orphanedAt.isValid());
    QCOMPARE(journal.entry(QStringLiteral("e1"))->owner, ProcessIdentity::current());
}

void TestPendingCreateJournal::entryAtWorkHereIsNotClaimed() {
    LocalState state(statePath());
    PendingCreateJournal working(state, QString());
    const PendingCreateJournal::Entry entry = entryFor(QStringLiteral("a"));
    QVERIFY(working.add(entry));
    // The program's own create is still waiting for the provider: recovery must not replay it.
    QCOMPARE(working.claim(entry.id), PendingCreateJournal::Claim::OwnedElsewhere);
    QVERIFY(working.release(entry.id));
    QVERIFY(!working.entry(entry.id)->owner.isAlive());
    QVERIFY(working.entry(entry.id)->orphanedAt.isValid());
    QCOMPARE(working.claim(entry.id), PendingCreateJournal::Claim::Claimed);
}

void TestPendingCreateJournal::reusedPidIsNotTheOwner() {
    LocalState state(statePath());
    PendingCreateJournal journal(state, QString());
    ProcessIdentity earlier = ProcessIdentity::current();
    earlier.startTicks += 12345; // an earlier process that had this pid
    QVERIFY(!earlier.isAlive());
    insertOwnedBy(state, QStringLiteral("e1"), earlier.toString());
    ProcessIdentity otherBoot = ProcessIdentity::current();
    otherBoot.bootId = QStringLiteral("00000000-0000-0000-0000-000000000000");
    insertOwnedBy(state, QStringLiteral("e2"), otherBoot.toString());
    insertOwnedBy(state, QStringLiteral("e3"), QStringLiteral("garbage"));
    for (const QString &id : {QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3")})
        QCOMPARE(journal.claim(id), PendingCreateJournal::Claim::Claimed);
}

void TestPendingCreateJournal::orphanedTimeIsKeptFromTheFirstSighting() {
    LocalState state(statePath());
    PendingCreateJournal journal(state, QString());
    const PendingCreateJournal::Entry entry = entryFor(QStringLiteral("a"));
    QVERIFY(journal.add(entry));
    QVERIFY(journal.release(entry.id));
    const QDateTime first = journal.entry(entry.id)->orphanedAt;
    QTest::qWait(20);
    PendingCreateJournal::Entry claimed;
    QCOMPARE(journal.claim(entry.id, &claimed), PendingCreateJournal::Claim::Claimed);
    QCOMPARE(claimed.orphanedAt, first);
    QVERIFY(journal.release(entry.id));
    QCOMPARE(journal.entry(entry.id)->orphanedAt, first);
}

void TestPendingCreateJournal::secretLookingBodyRefusedAndNothingSecretOnDisk() {
    LocalState state(statePath());
    PendingCreateJournal journal(state, QString());
    const QString secretValue = QStringLiteral("whsec_do_not_store_me_7f3a");
    QJsonObject withSecret = body(QStringLiteral("https://example.com/a"));
    withSecret.insert(QStringLiteral("headers"), QJsonObject{{QStringLiteral("X-Api-Key"), secretValue}});
    PendingCreateJournal::Entry entry = entryFor(QStringLiteral("a"));
    entry.requestBody = withSecret;
    QString error;
    QVERIFY(!journal.add(entry, &error));
    QVERIFY2(error.contains(QStringLiteral("headers.X-Api-Key")), qPrintable(error));
    QVERIFY(!error.contains(secretValue));
    QVERIFY(journal.unfinished().isEmpty());
    QVERIFY(journal.add(entryFor(QStringLiteral("a"))));

    // Every file of the database, WAL included, holds no trace of the refused value.
    const QStringList files = QDir(QFileInfo(statePath()).absolutePath()).entryList(QDir::Files);
    QVERIFY(files.contains(QStringLiteral("state.sqlite")));
    for (const QString &name : files) {
        QFile file(QFileInfo(statePath()).absolutePath() + QLatin1Char('/') + name);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(secretValue.toUtf8()), qPrintable(name));
    }
}

void TestPendingCreateJournal::legacyJournalIsImportedOnce() {
    QDir().mkpath(QFileInfo(legacyPath()).absolutePath());
    const QJsonObject legacy{
        {QStringLiteral("version"), 1},
        {QStringLiteral("entries"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("old-1")},
                                {QStringLiteral("connectionId"), QStringLiteral("L1")},
                                {QStringLiteral("providerId"), QStringLiteral("layers")},
                                {QStringLiteral("idempotencyKey"), QStringLiteral("k1")},
                                {QStringLiteral("requestBody"), body(QStringLiteral("https://example.com/old"))},
                                {QStringLiteral("createdAt"), QStringLiteral("2026-01-02T03:04:05.678Z")},
                                {QStringLiteral("state"), QStringLiteral("sent")},
                                {QStringLiteral("endpointId"), QString()}}}}};
    QFile file(legacyPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(legacy).toJson());
    file.close();

    {
        LocalState state(statePath());
        PendingCreateJournal journal(state, legacyPath());
        QVERIFY2(journal.problem().isEmpty(), qPrintable(journal.problem()));
        QCOMPARE(journal.unfinished().size(), 1);
        const PendingCreateJournal::Entry entry = journal.unfinished().first();
        QCOMPARE(entry.id, QStringLiteral("old-1"));
        QCOMPARE(entry.idempotencyKey, QStringLiteral("k1"));
        QCOMPARE(entry.createdAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC));
        QVERIFY(entry.owner.isNull()); // nobody is at work on it: recovery may take it
        QVERIFY(!QFile::exists(legacyPath()));
        QVERIFY(QFile::exists(legacyPath() + QStringLiteral(".imported")));
        QVERIFY(journal.markDone(entry.id));
    }
    LocalState state(statePath());
    PendingCreateJournal again(state, legacyPath());
    QVERIFY(again.unfinished().isEmpty()); // not imported a second time
}

void TestPendingCreateJournal::legacyDamagedEntriesAreReported() {
    QDir().mkpath(QFileInfo(legacyPath()).absolutePath());
    QFile file(legacyPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version":1,"entries":[{"id":"x"},{"nonsense":true}]})");
    file.close();
    LocalState state(statePath());
    PendingCreateJournal journal(state, legacyPath());
    QVERIFY2(journal.problem().contains(QStringLiteral("2 of its entries")), qPrintable(journal.problem()));
    QVERIFY(journal.unfinished().isEmpty());
    QVERIFY(QFile::exists(legacyPath() + QStringLiteral(".imported")));
}

QTEST_GUILESS_MAIN(TestPendingCreateJournal)
#include "tst_PendingCreateJournal.moc"
