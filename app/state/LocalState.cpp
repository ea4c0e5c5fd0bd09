#include "LocalState.h"

#include "StateLogging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

Q_LOGGING_CATEGORY(lcState, "webhookconsole.state", QtWarningMsg)

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr int BusyTimeoutMs = 10000;

// SQLite's primary result codes, as the QSQLITE driver reports them in nativeErrorCode().
enum SqliteCode {
    Constraint = 19,
    Busy = 5,
    Locked = 6,
    ReadOnly = 8,
    IoError = 10,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    NotADb = 26
};

// The driver may report an extended code (2067 is a UNIQUE constraint); its low byte is the primary one.
int sqliteCode(const QSqlError &error) {
    return error.nativeErrorCode().toInt() & 0xff;
}

bool isDamaged(const QSqlError &error) {
    return sqliteCode(error) == NotADb || sqliteCode(error) == Corrupt;
}

// Each step takes the schema from version i to i + 1. Steps are only ever appended.
const QList<QStringList> &migrations() {
    static const QList<QStringList> steps{
        // 1: the pending-create journal (see PendingCreateJournal).
        {QStringLiteral("CREATE TABLE pending_creates ("
                        " id TEXT PRIMARY KEY,"
                        " connection_id TEXT NOT NULL,"
                        " provider_id TEXT NOT NULL,"
                        " idempotency_key TEXT NOT NULL DEFAULT '',"
                        " request_body TEXT NOT NULL,"
                        " created_at INTEGER NOT NULL,"
                        " state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'secret-stored')),"
                        " endpoint_id TEXT NOT NULL DEFAULT '',"
                        " request_timeout_ms INTEGER NOT NULL,"
                        " owner TEXT,"
                        " orphaned_at INTEGER)"),
         QStringLiteral("CREATE INDEX pending_creates_by_connection ON pending_creates (connection_id)")},
        // 2: the secret index (see SecretIndex): which keychain entries hold a secret, never the secret.
        {QStringLiteral("CREATE TABLE secret_index ("
                        " connection_id TEXT NOT NULL,"
                        " endpoint_id TEXT NOT NULL,"
                        " stored_at INTEGER NOT NULL,"
                        " PRIMARY KEY (connection_id, endpoint_id)) WITHOUT ROWID")},
        // 3: when each endpoint's previous secret generation, kept in the keychain after a rotate,
        // was replaced (see SecretIndex); never the secret.
        {QStringLiteral("CREATE TABLE previous_secrets ("
                        " connection_id TEXT NOT NULL,"
                        " endpoint_id TEXT NOT NULL,"
                        " replaced_at INTEGER NOT NULL,"
                        " PRIMARY KEY (connection_id, endpoint_id)) WITHOUT ROWID")},
        // 4: deliveries a local receiver captured (see DeliveryLog); bodies, never a secret.
        {QStringLiteral("CREATE TABLE deliveries ("
                        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        " received_at INTEGER NOT NULL,"
                        " method TEXT NOT NULL,"
                        " path TEXT NOT NULL,"
                        " headers TEXT NOT NULL,"
                        " body BLOB NOT NULL,"
                        " size INTEGER NOT NULL,"
                        " connection_id TEXT NOT NULL DEFAULT '',"
                        " endpoint_id TEXT NOT NULL DEFAULT '',"
                        " verdict TEXT NOT NULL DEFAULT '',"
                        " verdict_message TEXT NOT NULL DEFAULT '',"
                        " forward_status INTEGER NOT NULL DEFAULT 0,"
                        " forward_ms INTEGER NOT NULL DEFAULT -1,"
                        " forward_error TEXT NOT NULL DEFAULT '')")},
        // 5: what the last apply of an endpoints document left at each endpoint, and which document
        // id or key it answers to (see AppliedEndpoints); never a secret.
        {QStringLiteral("CREATE TABLE applied_endpoints ("
                        " connection_id TEXT NOT NULL,"
                        " endpoint_id TEXT NOT NULL,"
                        " document_id TEXT NOT NULL DEFAULT '',"
                        " document_key TEXT NOT NULL DEFAULT '',"
                        " snapshot TEXT NOT NULL,"
                        " applied_at INTEGER NOT NULL,"
                        " PRIMARY KEY (connection_id, endpoint_id)) WITHOUT ROWID")},
        // 6: what a forward target answered to a delivery, beyond its status: the first 64 KiB
        // of the answer's body, and whether it was longer (see DeliveryLog).
        {QStringLiteral("ALTER TABLE deliveries ADD COLUMN forward_body BLOB NOT NULL DEFAULT x''"),
         QStringLiteral("ALTER TABLE deliveries ADD COLUMN forward_body_truncated INTEGER NOT NULL DEFAULT 0")},
        // 7: which document id or key an apply's create in flight answers to, so that whoever
        // settles the create records the mapping too (see PendingCreateJournal); and which process
        // is applying a document to a connection (see ApplyClaims).
        {QStringLiteral("ALTER TABLE pending_creates ADD COLUMN document_id TEXT NOT NULL DEFAULT ''"),
         QStringLiteral("ALTER TABLE pending_creates ADD COLUMN document_key TEXT NOT NULL DEFAULT ''"),
         QStringLiteral("CREATE TABLE apply_claims ("
                        " connection_id TEXT PRIMARY KEY,"
                        " owner TEXT NOT NULL,"
                        " token TEXT NOT NULL,"
                        " claimed_at INTEGER NOT NULL) WITHOUT ROWID")},
    };
    return steps;
}

} // namespace

LocalState::LocalState(const QString &filePath)
    : m_filePath(filePath)
    , m_connectionName(QStringLiteral("webhook-console-state-") + QUuid::createUuid().toString(QUuid::Id128)) {
    m_usable = open() && migrate();
}

LocalState::~LocalState() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString LocalState::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/state.sqlite");
}

QSqlDatabase LocalState::database() const {
    return QSqlDatabase::database(m_connectionName, false);
}

bool LocalState::open() {
    const QFileInfo info(m_filePath);
    const QString folder = info.absolutePath();
    if (!QFileInfo(folder).isDir()) {
        if (QFileInfo::exists(folder) || !QDir().mkpath(folder)) {
            m_problem = QObject::tr("Cannot create the data folder %1 for the local state database: %2")
                            .arg(folder, QFileInfo::exists(folder) ? QObject::tr("a file of that name is in the way")
                                                                   : QObject::tr("the folder above it is read-only"));
            return false;
        }
        QFile::setPermissions(folder, OwnerOnly | QFileDevice::ExeOwner);
    }
    // Created owner-only before SQLite sees it, because SQLite gives its -wal and -shm files the
    // database's mode: the journal's request bodies are nobody else's business.
    if (!info.exists()) {
        QFile file(m_filePath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) && !info.exists()) {
            m_problem = QObject::tr("Cannot create the local state database %1: %2")
                            .arg(m_filePath, QFileInfo(folder).isWritable() ? file.errorString()
                                                                            : QObject::tr("the folder is read-only"));
            return false;
        }
        file.setPermissions(OwnerOnly);
    } else if (QFile::permissions(m_filePath) != OwnerOnly) {
        QFile::setPermissions(m_filePath, OwnerOnly);
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!db.isValid()) {
        m_problem = QObject::tr("Qt's SQLite driver is not installed (Debian package libqt6sql6-sqlite), so local "
                                "state cannot be kept.");
        return false;
    }
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (!db.open()) {
        m_problem = describe(db.lastError());
        return false;
    }
    QSqlQuery query(db);
    // FULL: a journal entry must be on disk before its request leaves, even across a power cut.
    for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
        if (!query.exec(QLatin1String(pragma))) {
            const QSqlError error = query.lastError();
            if (!isDamaged(error)) {
                m_problem = describe(error);
                return false;
            }
            query = QSqlQuery();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return setAsideDamagedFile(error.databaseText()) && open();
        }
    }
    return true;
}

bool LocalState::setAsideDamagedFile(const QString &reason) {
    const QString aside = m_filePath + QStringLiteral(".corrupt-") +
                          QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss.zzz'Z'"));
    const bool moved = QFile::rename(m_filePath, aside);
    for (const char *suffix : {"-wal", "-shm"})
        QFile::remove(m_filePath + QLatin1String(suffix));
    m_problem = moved ? QObject::tr("The local state database %1 was damaged (%2); it was set aside as %3 and a new "
                                    "one was started. Creates interrupted before this may need checking by hand.")
                            .arg(m_filePath, reason, aside)
                      : QObject::tr("The local state database %1 is damaged (%2) and could not be set aside.")
                            .arg(m_filePath, reason);
    qCWarning(lcState).noquote() << m_problem;
    return moved;
}

bool LocalState::migrate() {
    QSqlDatabase db = database();
    QSqlQuery query(db);
    const auto currentVersion = [&query]() -> int {
        return query.exec(QStringLiteral("PRAGMA user_version")) && query.next() ? query.value(0).toInt() : -1;
    };
    int version = currentVersion();
    if (version < 0) {
        m_problem = describe(query.lastError());
        return false;
    }
    if (version > schemaVersion) {
        m_problem = QObject::tr("The local state database %1 was written by a newer Webhook Console (schema %2; this "
                                "one knows up to %3). It is left untouched; update Webhook Console.")
                        .arg(m_filePath)
                        .arg(version)
                        .arg(schemaVersion);
        return false;
    }
    if (version == schemaVersion)
        return true;
    QString error;
    const bool migrated = transact(
        [&](QSqlDatabase &, QString *why) {
            version = currentVersion(); // another program may have migrated while we waited
            for (; version < schemaVersion; ++version) {
                for (const QString &statement : migrations().at(version)) {
                    if (!query.exec(statement)) {
                        *why = describe(query.lastError());
                        return false;
                    }
                }
            }
            if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(schemaVersion))) {
                *why = describe(query.lastError());
                return false;
            }
            return true;
        },
        &error);
    if (!migrated)
        m_problem = error;
    else
        qCInfo(lcState) << "schema migrated to" << schemaVersion << m_filePath;
    return migrated;
}

bool LocalState::write(const std::function<bool(QSqlDatabase &, QString *)> &work, QString *error) {
    if (!m_usable) {
        if (error)
            *error = m_problem;
        return false;
    }
    return transact(work, error);
}

bool LocalState::execute(const QString &statement, const QVariantList &values, QString *error) {
    return write(
        [&](QSqlDatabase &db, QString *why) {
            QSqlQuery query(db);
            query.prepare(statement);
            for (const QVariant &value : values)
                query.addBindValue(value);
            if (query.exec())
                return true;
            *why = describe(query.lastError());
            return false;
        },
        error);
}

bool LocalState::transact(const std::function<bool(QSqlDatabase &, QString *)> &work, QString *error) {
    QString why;
    QSqlDatabase db = database();
    QSqlQuery control(db);
    // IMMEDIATE takes the write lock at once, so what work() reads cannot change under it.
    if (!db.isOpen() || !control.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        why = db.isOpen() ? describe(control.lastError()) : m_problem;
    } else if (!work(db, &why)) {
        control.exec(QStringLiteral("ROLLBACK"));
    } else if (!control.exec(QStringLiteral("COMMIT"))) {
        why = describe(control.lastError());
        control.exec(QStringLiteral("ROLLBACK"));
    } else {
        return true;
    }
    if (error)
        *error = why.isEmpty() ? QObject::tr("The change to the local state database %1 was not made.").arg(m_filePath)
                               : why;
    return false;
}

bool LocalState::isConstraintViolation(const QSqlError &error) {
    return sqliteCode(error) == Constraint;
}

QString LocalState::describe(const QSqlError &error) const {
    const QString folder = QFileInfo(m_filePath).absolutePath();
    switch (sqliteCode(error)) {
    case ReadOnly:
    case CantOpen:
        return QObject::tr("Cannot write the local state database %1: the file or its folder %2 is read-only or "
                           "missing.")
            .arg(m_filePath, folder);
    case Full:
        return QObject::tr("Cannot write the local state database %1: the disk is full.").arg(m_filePath);
    case IoError:
        return QObject::tr("Cannot write the local state database %1: a disk error (the disk may be full, or a file "
                           "size limit reached): %2")
            .arg(m_filePath, error.databaseText());
    case Busy:
    case Locked:
        return QObject::tr("The local state database %1 stayed busy for %2 seconds: another Webhook Console program "
                           "is holding it.")
            .arg(m_filePath)
            .arg(BusyTimeoutMs / 1000);
    case Corrupt:
    case NotADb:
        return QObject::tr("The local state database %1 is damaged: %2").arg(m_filePath, error.databaseText());
    default:
        return QObject::tr("The local state database %1 failed: %2").arg(m_filePath, error.text());
    }
}
