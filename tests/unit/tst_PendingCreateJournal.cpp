#include "PendingCreateJournal.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

namespace {

// The permission bits as the kernel has them (QFile::permissions() mixes in the current user's view).
int unixMode(const QString &path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

} // namespace

class TestPendingCreateJournal : public QObject {
    Q_OBJECT

private slots:
    void init();
    void twoProgramsShareTheFile();
    void addMarkAndReopen();
    void unfinishedPerConnection();
    void markDoneRemoves();
    void unknownIdFails();
    void fileIsOwnerOnlyAndFolderCreated();
    void writesAreAtomic();
    void corruptFileIsKeptAndReported();
    void damagedEntriesAreReported();
    void newerVersionIsLeftAlone();
    void secretLookingBodyRefused();
    void defaultPathIsInAppData();

private:
    QString journalPath() const { return m_dir->filePath(QStringLiteral("state/journal/pending-creates.json")); }
    static QJsonObject body(const QString &url) {
        return {{QStringLiteral("url"), url},
                {QStringLiteral("enabledEvents"), QJsonArray{QStringLiteral("invoice.paid")}}};
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPendingCreateJournal::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestPendingCreateJournal::addMarkAndReopen() {
    const auto entry = PendingCreateJournal::newEntry(QStringLiteral("conn-1"), QStringLiteral("layers"),
                                                      QStringLiteral("idem-1"), body(QStringLiteral("https://a.test")));
    {
        PendingCreateJournal journal(journalPath());
        QVERIFY(journal.loadError().isEmpty());
        QVERIFY(journal.unfinished().isEmpty());
        QString error;
        QVERIFY2(journal.add(entry, &error), qPrintable(error));
        QVERIFY(!journal.add(entry, &error)); // same id twice
        QVERIFY(journal.markSent(entry.id));
    }
    {
        // A restart: everything comes back from the file.
        PendingCreateJournal journal(journalPath());
        QVERIFY2(journal.loadError().isEmpty(), qPrintable(journal.loadError()));
        const auto entries = journal.unfinished();
        QCOMPARE(entries.size(), 1);
        const auto &loaded = entries.first();
        QCOMPARE(loaded.id, entry.id);
        QCOMPARE(loaded.connectionId, QStringLiteral("conn-1"));
        QCOMPARE(loaded.providerId, QStringLiteral("layers"));
        QCOMPARE(loaded.idempotencyKey, QStringLiteral("idem-1"));
        QCOMPARE(loaded.requestBody, entry.requestBody);
        QCOMPARE(loaded.createdAt, entry.createdAt);
        QCOMPARE(loaded.state, PendingCreateJournal::State::Sent);
        QVERIFY(loaded.endpointId.isEmpty());
        QVERIFY(journal.markEndpointKnown(entry.id, QStringLiteral("ep_42")));
    }
    {
        PendingCreateJournal journal(journalPath());
        QCOMPARE(journal.entry(entry.id)->endpointId, QStringLiteral("ep_42"));
        QVERIFY(journal.markSecretStored(entry.id));
    }
    PendingCreateJournal journal(journalPath());
    QCOMPARE(journal.entry(entry.id)->state, PendingCreateJournal::State::SecretStored);
}

void TestPendingCreateJournal::unfinishedPerConnection() {
    PendingCreateJournal journal(journalPath());
    // A provider without idempotency journals an empty key.
    const auto a = PendingCreateJournal::newEntry(QStringLiteral("conn-a"), QStringLiteral("encrata"), QString(),
                                                  body(QStringLiteral("https://a.test")));
    const auto b = PendingCreateJournal::newEntry(QStringLiteral("conn-b"), QStringLiteral("layers"),
                                                  QStringLiteral("idem-b"), body(QStringLiteral("https://b.test")));
    const auto a2 = PendingCreateJournal::newEntry(QStringLiteral("conn-a"), QStringLiteral("encrata"), QString(),
                                                   body(QStringLiteral("https://a2.test")));
    QVERIFY(journal.add(a) && journal.add(b) && journal.add(a2));
    QCOMPARE(journal.unfinished().size(), 3);
    PendingCreateJournal reopened(journalPath());
    const auto forA = reopened.unfinished(QStringLiteral("conn-a"));
    QCOMPARE(forA.size(), 2);
    QCOMPARE(forA.at(0).id, a.id); // oldest first
    QCOMPARE(forA.at(1).id, a2.id);
    QVERIFY(forA.at(0).idempotencyKey.isEmpty());
    QCOMPARE(reopened.unfinished(QStringLiteral("conn-b")).size(), 1);
    QVERIFY(reopened.unfinished(QStringLiteral("conn-c")).isEmpty());
}

void TestPendingCreateJournal::markDoneRemoves() {
    const auto entry = PendingCreateJournal::newEntry(QStringLiteral("conn-1"), QStringLiteral("layers"),
                                                      QStringLiteral("idem-1"), body(QStringLiteral("https://a.test")));
    {
        PendingCreateJournal journal(journalPath());
        QVERIFY(journal.add(entry));
        QVERIFY(journal.markDone(entry.id));
        QVERIFY(journal.unfinished().isEmpty());
        QVERIFY(!journal.entry(entry.id));
    }
    QVERIFY(PendingCreateJournal(journalPath()).unfinished().isEmpty());
}

void TestPendingCreateJournal::unknownIdFails() {
    PendingCreateJournal journal(journalPath());
    QString error;
    QVERIFY(!journal.markSent(QStringLiteral("nope"), &error));
    QVERIFY(error.contains(QStringLiteral("nope")));
    QVERIFY(!journal.markDone(QStringLiteral("nope")));
    QVERIFY(!journal.markEndpointKnown(QStringLiteral("nope"), QStringLiteral("ep_1")));
    QVERIFY(!QFile::exists(journalPath())); // failures write nothing
}

void TestPendingCreateJournal::fileIsOwnerOnlyAndFolderCreated() {
    // A permissive umask must not make the journal readable by others.
    const mode_t previous = ::umask(0002);
    PendingCreateJournal journal(journalPath());
    const bool added =
        journal.add(PendingCreateJournal::newEntry(QStringLiteral("conn-1"), QStringLiteral("layers"),
                                                   QStringLiteral("k"), body(QStringLiteral("https://a.test"))));
    ::umask(previous);
    QVERIFY(added);
    QVERIFY(QFileInfo(journalPath()).dir().exists());
    QCOMPARE(unixMode(journalPath()), 0600);
    // And it stays so across rewrites, even if someone loosened it.
    QVERIFY(QFile::setPermissions(journalPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY(journal.markSent(journal.unfinished().first().id));
    QCOMPARE(unixMode(journalPath()), 0600);
}

void TestPendingCreateJournal::writesAreAtomic() {
    PendingCreateJournal journal(journalPath());
    const auto first = PendingCreateJournal::newEntry(QStringLiteral("conn-1"), QStringLiteral("layers"),
                                                      QStringLiteral("k1"), body(QStringLiteral("https://a.test")));
    QVERIFY(journal.add(first));
    const QByteArray before = [this] {
        QFile file(journalPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QVERIFY(!before.isEmpty());

    // A write that fails half-way (the file size limit cuts it off, even for root) leaves the old file
    // whole, and memory as it was.
    const QString folder = QFileInfo(journalPath()).absolutePath();
    QString error;
    const auto second = PendingCreateJournal::newEntry(QStringLiteral("conn-1"), QStringLiteral("layers"),
                                                       QStringLiteral("k2"), body(QStringLiteral("https://b.test")));
    struct rlimit previous {};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &previous), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of a core dump
    struct rlimit limited = previous;
    limited.rlim_cur = rlim_t(before.size() + 16);
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    const bool added = journal.add(second, &error);
    ::setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, previousHandler);
    QVERIFY(!added);
    QVERIFY(!error.isEmpty());
    QCOMPARE(journal.unfinished().size(), 1);
    QFile file(journalPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    // No temporary files left next to it.
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("pending-creates.json")});
}

void TestPendingCreateJournal::corruptFileIsKeptAndReported() {
    QVERIFY(QDir().mkpath(QFileInfo(journalPath()).absolutePath()));
    const QByteArray garbage = "{\"version\":1,\"entries\":[{\"id\":\"x\", truncated";
    {
        QFile file(journalPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    PendingCreateJournal journal(journalPath());
    QVERIFY(!journal.loadError().isEmpty());
    QVERIFY(journal.isWritable());
    QVERIFY(journal.unfinished().isEmpty());
    const QStringList backups = QFileInfo(journalPath()).dir().entryList({QStringLiteral("*.corrupt-*")});
    QCOMPARE(backups.size(), 1);
    QVERIFY2(journal.loadError().contains(backups.first()), qPrintable(journal.loadError()));
    QFile backup(QFileInfo(journalPath()).dir().filePath(backups.first()));
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QCOMPARE(backup.readAll(), garbage);
    QCOMPARE(unixMode(backup.fileName()), 0600);

    // The journal goes on working; the copy stays.
    QVERIFY(journal.add(PendingCreateJournal::newEntry(QStringLiteral("conn-1"), QStringLiteral("layers"),
                                                       QStringLiteral("k"), body(QStringLiteral("https://a.test")))));
    QVERIFY(PendingCreateJournal(journalPath()).loadError().isEmpty());
    QVERIFY(backup.exists());
}

void TestPendingCreateJournal::damagedEntriesAreReported() {
    const auto good = PendingCreateJournal::newEntry(QStringLiteral("conn-1"), QStringLiteral("layers"),
                                                     QStringLiteral("k"), body(QStringLiteral("https://a.test")));
    {
        PendingCreateJournal journal(journalPath());
        QVERIFY(journal.add(good));
    }
    QFile file(journalPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonArray entries = root.value(QStringLiteral("entries")).toArray();
    entries.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("broken")}, {QStringLiteral("state"), 7}});
    root.insert(QStringLiteral("entries"), entries);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(root).toJson());
    file.close();

    PendingCreateJournal journal(journalPath());
    QVERIFY(!journal.loadError().isEmpty());
    QCOMPARE(journal.unfinished().size(), 1);
    QCOMPARE(journal.unfinished().first().id, good.id);
    QCOMPARE(QFileInfo(journalPath()).dir().entryList({QStringLiteral("*.corrupt-*")}).size(), 1);
}

void TestPendingCreateJournal::newerVersionIsLeftAlone() {
    QVERIFY(QDir().mkpath(QFileInfo(journalPath()).absolutePath()));
    const QByteArray future = R"({"version": 99, "entries": [], "somethingNew": true})";
    {
        QFile file(journalPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(future);
    }
    PendingCreateJournal journal(journalPath());
    QVERIFY(!journal.loadError().isEmpty());
    QVERIFY(!journal.isWritable());
    QString error;
    QVERIFY(!journal.add(PendingCreateJournal::newEntry(QStringLiteral("conn-1"), QStringLiteral("layers"),
                                                        QStringLiteral("k"), body(QStringLiteral("https://a.test"))),
                         &error));
    QVERIFY(!error.isEmpty());
    QFile file(journalPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), future);
}

void TestPendingCreateJournal::secretLookingBodyRefused() {
    const QString secretValue = QStringLiteral("whsec_do-not-journal-me");
    QJsonObject request = body(QStringLiteral("https://a.test"));
    request.insert(QStringLiteral("metadata"),
                   QJsonObject{{QStringLiteral("nested"),
                                QJsonArray{QJsonObject{{QStringLiteral("signingSecret"), secretValue}}}}});
    QCOMPARE(PendingCreateJournal::secretLookingFields(request),
             QStringList{QStringLiteral("metadata.nested[0].signingSecret")});
    QVERIFY(PendingCreateJournal::secretLookingFields(body(QStringLiteral("https://a.test"))).isEmpty());

    PendingCreateJournal journal(journalPath());
    QString error;
    QVERIFY(!journal.add(PendingCreateJournal::newEntry(QStringLiteral("conn-1"), QStringLiteral("layers"),
                                                        QStringLiteral("k"), request),
                         &error));
    QVERIFY(error.contains(QStringLiteral("signingSecret")));
    QVERIFY2(!error.contains(secretValue), "the refusal message carries the value");
    QVERIFY(!QFile::exists(journalPath()));
}

void TestPendingCreateJournal::defaultPathIsInAppData() {
    QVERIFY(PendingCreateJournal::defaultPath().endsWith(QStringLiteral("/pending-creates.json")));
    QVERIFY(PendingCreateJournal::defaultPath().startsWith(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
}

// The console and webhookctl each hold a journal on the same file; neither may erase the other's entries.
void TestPendingCreateJournal::twoProgramsShareTheFile() {
    PendingCreateJournal console(journalPath());
    PendingCreateJournal ctl(journalPath()); // opened before the console writes anything
    const auto fromConsole =
        PendingCreateJournal::newEntry(QStringLiteral("conn-a"), QStringLiteral("layers"), QStringLiteral("key-a"), {});
    const auto fromCtl =
        PendingCreateJournal::newEntry(QStringLiteral("conn-b"), QStringLiteral("signa"), QStringLiteral("key-b"), {});
    QVERIFY(console.add(fromConsole));
    QVERIFY(ctl.add(fromCtl));
    QVERIFY(console.markSent(fromConsole.id));
    PendingCreateJournal reopened(journalPath());
    QCOMPARE(reopened.unfinished().size(), 2);
    QVERIFY(ctl.markDone(fromConsole.id)); // the console's entry, settled by webhookctl
    console.reload();
    QCOMPARE(console.unfinished().size(), 1);
    QCOMPARE(console.unfinished().first().id, fromCtl.id);
    QVERIFY(!QFile::exists(journalPath() + QStringLiteral(".lock")));
}

QTEST_GUILESS_MAIN(TestPendingCreateJournal)
#include "tst_PendingCreateJournal.moc"
