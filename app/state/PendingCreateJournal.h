#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QLockFile>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// Creates in flight, kept on disk so that a create whose response was lost (crash, network error)
// can be replayed after a restart with its original Idempotency-Key: the provider then answers
// with the same endpoint, and its signing secret, instead of making a second one.
//
// The journal never holds a secret. A request body that carries a field named like one ("secret",
// "password", "token", "apiKey", "authorization", at any depth) is refused by add(), because a
// provider that takes a caller-chosen secret would otherwise put it on disk in plain text.
//
// Every change rewrites the whole file atomically (QSaveFile), mode 0600. A file that cannot be
// parsed is copied aside to "<file>.corrupt-<UTC time>" and reported by loadError(); if even the
// copy fails, the journal turns read-only rather than overwrite the only record. Processes share
// the file through a lock file ("<file>.lock"); each change starts from what is on disk. Not
// thread-safe: use it from one thread.
class PendingCreateJournal final {
    Q_DISABLE_COPY_MOVE(PendingCreateJournal)

public:
    enum class State {
        Pending,      // written before the request is sent; it may or may not have left
        Sent,         // the request left; no response yet (or it was lost)
        SecretStored, // the signing secret is in the keychain; only clean-up remains
    };

    struct Entry {
        QString id; // QUuid without braces
        QString connectionId;
        QString providerId;
        QString idempotencyKey;  // empty for providers without idempotency: replay is then unsafe
        QJsonObject requestBody; // exactly what was (or will be) sent; never a secret
        QDateTime createdAt;     // UTC
        State state = State::Pending;
        QString endpointId; // set once the provider's response named the endpoint
    };

    explicit PendingCreateJournal(const QString &filePath = defaultPath());

    // "<AppDataLocation>/pending-creates.json".
    static QString defaultPath();
    // An entry with a fresh id and createdAt = now, in state Pending.
    static Entry newEntry(const QString &connectionId, const QString &providerId, const QString &idempotencyKey,
                          const QJsonObject &requestBody);
    // Names of requestBody fields that look secret (dotted paths); empty if add() would accept it.
    static QStringList secretLookingFields(const QJsonObject &requestBody);

    QString filePath() const { return m_filePath; }
    // Empty if the file loaded or did not exist yet; otherwise what went wrong, and where the
    // unreadable file was copied.
    QString loadError() const { return m_loadError; }
    // False when the file could not be read nor copied aside: changes would overwrite it.
    bool isWritable() const { return m_writable; }

    // Each returns false and says why in *error (if given) when nothing changed on disk.
    bool add(const Entry &entry, QString *error = nullptr);
    bool markSent(const QString &id, QString *error = nullptr);
    bool markEndpointKnown(const QString &id, const QString &endpointId, QString *error = nullptr);
    bool markSecretStored(const QString &id, QString *error = nullptr);
    // Removes the entry: the endpoint exists and its secret is safe (or the create was abandoned).
    bool markDone(const QString &id, QString *error = nullptr);

    // Reads the file again: another program (console or webhookctl) may have changed it.
    void reload();

    std::optional<Entry> entry(const QString &id) const;
    // Oldest first.
    QList<Entry> unfinished() const { return m_entries; }
    QList<Entry> unfinished(const QString &connectionId) const;

private:
    void load();
    bool save(const QList<Entry> &entries, QString *error) const;
    bool change(const QString &id, QString *error, const std::function<void(Entry &)> &apply);
    QString lockPath() const;
    bool lockAndReload(QLockFile &lock, QString *error);

    QString m_filePath;
    QList<Entry> m_entries;
    QString m_loadError;
    bool m_writable = true;
};
