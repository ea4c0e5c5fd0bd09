// The local state database as the operator's machine meets it: created owner-only, migrated,
// a damaged file set aside once, a newer schema left alone, and a folder or disk that cannot be
// written reported in words that say so (never "locked by another program").
#include "LocalState.h"
#include "PendingCreateJournal.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// The permission bits as the kernel has them.
int unixMode(const QString &path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

int userVersion(LocalState &state) {
    QSqlQuery query(state.database());
    return query.exec(QStringLiteral("PRAGMA user_version")) && query.next() ? query.value(0).toInt() : -1;
}

PendingCreateJournal::Entry someEntry(int bodyBytes = 10) {
    return PendingCreateJournal::newEntry(
        QStringLiteral("c"), QStringLiteral("signa"), QStringLiteral("k"),
        QJsonObject{{QStringLiteral("url"),
                     QString(QStringLiteral("https://example.com/") + QString(bodyBytes, QLatin1Char('x')))}},
        1000);
}

} // namespace

class TestLocalState : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void createdOwnerOnlyInWalModeAtTheCurrentSchema() {
        const QString path = m_dir->filePath(QStringLiteral("new/folder/state.sqlite"));
        LocalState state(path);
        QVERIFY2(state.isUsable(), qPrintable(state.problem()));
        QVERIFY(state.problem().isEmpty());
        QCOMPARE(userVersion(state), LocalState::schemaVersion);
        QSqlQuery query(state.database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        query.finish();
        PendingCreateJournal journal(state, QString());
        QString error;
        QVERIFY2(journal.add(someEntry(), &error), qPrintable(error));
        QCOMPARE(unixMode(path), 0600);
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        QCOMPARE(unixMode(path + QStringLiteral("-wal")), 0600);
        QCOMPARE(unixMode(QFileInfo(path).absolutePath()), 0700);
    }

    void looseModeIsTightenedOnOpen() {
        const QString path = m_dir->filePath(QStringLiteral("state.sqlite"));
        { LocalState first(path); }
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        LocalState state(path);
        QCOMPARE(unixMode(path), 0600);
    }

    void newerSchemaIsLeftUntouched() {
        const QString path = m_dir->filePath(QStringLiteral("state.sqlite"));
        {
            LocalState state(path);
            QSqlQuery query(state.database());
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        LocalState state(path);
        QVERIFY(!state.isUsable());
        QVERIFY2(state.problem().contains(QStringLiteral("newer")), qPrintable(state.problem()));
        PendingCreateJournal journal(state, QString());
        QString error;
        QVERIFY(!journal.add(someEntry(), &error));
        QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
        QCOMPARE(userVersion(state), 99);
    }

    void damagedFileIsSetAsideOnceWithOneWarning() {
        const QString path = m_dir->filePath(QStringLiteral("state.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'Z'));
        file.close();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("was damaged.*set aside")));
        {
            LocalState state(path);
            QVERIFY2(state.isUsable(), qPrintable(state.problem()));
            QVERIFY2(state.problem().contains(QStringLiteral("set aside")), qPrintable(state.problem()));
            PendingCreateJournal journal(state, QString());
            QVERIFY(journal.add(someEntry()));
        }
        const QStringList aside = QDir(m_dir->path()).entryList({QStringLiteral("state.sqlite.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QFile kept(m_dir->filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray(8192, 'Z')); // the damaged file itself, unchanged
        LocalState reopened(path);                       // the new database is fine: no second warning, entry kept
        QVERIFY(reopened.problem().isEmpty());
        QCOMPARE(PendingCreateJournal(reopened, QString()).unfinished().size(), 1);
    }

    void folderBlockedByAFileIsSaidPlainly() {
        QFile blocker(m_dir->filePath(QStringLiteral("data")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        LocalState state(m_dir->filePath(QStringLiteral("data/state.sqlite")));
        QVERIFY(!state.isUsable());
        QVERIFY2(state.problem().contains(QStringLiteral("a file of that name is in the way")),
                 qPrintable(state.problem()));
        PendingCreateJournal journal(state, QString());
        QString error;
        QVERIFY(!journal.add(someEntry(), &error));
        QVERIFY2(error.contains(QStringLiteral("in the way")), qPrintable(error));
        QVERIFY(!error.contains(QStringLiteral("locked")));
    }

    void readOnlyFolderIsSaidPlainly() {
        if (::geteuid() == 0)
            QSKIP("root writes into read-only folders; covered by the blocked-folder and full-disk cases");
        const QString folder = m_dir->filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        LocalState state(folder + QStringLiteral("/state.sqlite"));
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!state.isUsable());
        QVERIFY2(state.problem().contains(QStringLiteral("read-only")), qPrintable(state.problem()));
    }

    // A full disk, as a file size limit makes it (this works for root too): the add fails, says
    // why, and the database keeps what it had.
    void fullDiskIsSaidPlainlyAndNothingIsLost() {
        const QString path = m_dir->filePath(QStringLiteral("state.sqlite"));
        LocalState state(path);
        PendingCreateJournal journal(state, QString());
        QVERIFY(journal.add(someEntry()));

        struct rlimit previous {};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &previous), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of a core dump
        struct rlimit limited = previous;
        limited.rlim_cur = QFileInfo(path + QStringLiteral("-wal")).size() + 4096;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
        QString error;
        const bool added = journal.add(someEntry(200000), &error);
        ::setrlimit(RLIMIT_FSIZE, &previous);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!added);
        QVERIFY2(error.contains(QStringLiteral("disk")), qPrintable(error));
        QVERIFY(!error.contains(QStringLiteral("locked")));
        QCOMPARE(journal.unfinished().size(), 1);
        QVERIFY(journal.add(someEntry())); // and it works again once there is room
    }

    void defaultPathIsInAppData() {
        QCOMPARE(QFileInfo(LocalState::defaultPath()).fileName(), QStringLiteral("state.sqlite"));
        QVERIFY(
            LocalState::defaultPath().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestLocalState)
#include "tst_LocalState.moc"
