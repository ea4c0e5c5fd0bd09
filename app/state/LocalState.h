#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <functional>

class QSqlError;

// The one SQLite database of local state, "<AppDataLocation>/state.sqlite", shared by the console
// and any number of webhookctl processes: what must survive a crash or be seen by the other
// programs (the journal of creates in flight, the secret index, captured deliveries, the last apply
// of an endpoints document and who is applying one now). It never holds a secret or an API key.
//
// WAL mode and a busy timeout let the programs read and write at once; every change runs in one
// IMMEDIATE transaction, so a change is whole or absent and starts from what is on disk. The schema
// carries a version (PRAGMA user_version) and is migrated forward on open; a database written by a
// newer version is left untouched. A file that is not a database is set aside once, with one
// warning. The file is owner-only (0600); SQLite gives its -wal and -shm files the same mode.
//
// One instance per thread: it holds its own named QSqlDatabase connection.
class LocalState final {
    Q_DISABLE_COPY_MOVE(LocalState)

public:
    static constexpr int schemaVersion = 7;

    explicit LocalState(const QString &filePath = defaultPath());
    ~LocalState();

    // "<AppDataLocation>/state.sqlite".
    static QString defaultPath();

    QString filePath() const { return m_filePath; }
    // False when the database could not be opened or is of a newer schema; problem() says why.
    bool isUsable() const { return m_usable; }
    // For the operator: what is wrong with the database, or what was done about it on open (a
    // damaged file set aside). Empty when all is well.
    QString problem() const { return m_problem; }

    QSqlDatabase database() const;

    // Runs work inside one IMMEDIATE transaction and commits if it returns true; rolls back
    // otherwise. On failure returns false and says why in *error (if given), in words an operator
    // can act on ("the disk is full", "the folder is read-only"), never "database is locked".
    bool write(const std::function<bool(QSqlDatabase &database, QString *error)> &work, QString *error = nullptr);

    // write() of one statement with its bound values.
    bool execute(const QString &statement, const QVariantList &values, QString *error = nullptr);

    // The operator-facing sentence for a failed statement on this database.
    QString describe(const QSqlError &error) const;
    // A UNIQUE, NOT NULL or CHECK constraint refused the statement.
    static bool isConstraintViolation(const QSqlError &error);

private:
    bool open();
    bool migrate();
    bool transact(const std::function<bool(QSqlDatabase &database, QString *error)> &work, QString *error);
    bool setAsideDamagedFile(const QString &reason);

    QString m_filePath;
    QString m_connectionName;
    QString m_problem;
    bool m_usable = false;
};
