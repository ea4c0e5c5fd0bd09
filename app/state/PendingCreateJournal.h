#pragma once

#include "ProcessIdentity.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

class LocalState;

// Creates in flight, kept in the local state database so that a create whose response was lost
// (crash, network error) is settled later: replayed with its original Idempotency-Key (the provider
// then answers with the same endpoint and its secret), or, for a provider without one, looked for
// in the provider's list once it cannot still be committing it.
//
// Each entry names the process working on it. While that process lives, nobody else touches the
// entry; once it is gone (killed, crashed, or it gave up and released the entry), the first
// process to claim it records when it found it orphaned. The console and any number of
// webhookctl processes share the journal: every change is one transaction on the database.
//
// The journal never holds a secret. A request body with a field named like one ("secret",
// "password", "token", "apiKey", "authorization", at any depth) is refused by add(), because a
// provider that takes a caller-chosen secret would otherwise put it on disk in plain text.
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
        QString endpointId;       // set once the provider's response named the endpoint
        int requestTimeoutMs = 0; // the owner's request timeout: how long the provider may take
        ProcessIdentity owner;    // the process at work on it; null once released
        QDateTime orphanedAt;     // when it was first found without a live owner; null before
        // A create an apply of an endpoints document makes: the document's id and key for the
        // endpoint, so that whoever settles the entry records which endpoint they answer to
        // (AppliedEndpoints). Both empty for any other create.
        QString documentId;
        QString documentKey;
    };

    enum class Claim {
        Claimed,        // this process now owns it (its owner was gone, or it had none)
        OwnedElsewhere, // a live process is still at work on it: leave it alone
        Gone,           // settled meanwhile by someone else
        Failed,         // the database could not be read or written; see *error
    };

    // Imports the JSON journal of earlier versions (legacyPath) once, renaming it "<file>.imported".
    explicit PendingCreateJournal(LocalState &state, const QString &legacyPath = defaultLegacyPath());

    // "<AppDataLocation>/pending-creates.json", where versions before the database kept the journal.
    static QString defaultLegacyPath();
    // An entry with a fresh id and createdAt = now, in state Pending.
    static Entry newEntry(const QString &connectionId, const QString &providerId, const QString &idempotencyKey,
                          const QJsonObject &requestBody, int requestTimeoutMs);
    // Names of requestBody fields that look secret (dotted paths); empty if add() would accept it.
    static QStringList secretLookingFields(const QJsonObject &requestBody);

    // For the operator: the database cannot be used, or something was done on opening it (a damaged
    // file set aside, an old journal imported or not). Empty when all is well.
    QString problem() const { return m_problem; }

    // Each returns false and says why in *error (if given) when nothing changed.
    // add() records this process as the owner.
    bool add(const Entry &entry, QString *error = nullptr);
    bool markSent(const QString &id, QString *error = nullptr);
    bool markEndpointKnown(const QString &id, const QString &endpointId, QString *error = nullptr);
    bool markSecretStored(const QString &id, QString *error = nullptr);
    // Removes the entry: the endpoint exists and its secret is safe (or the create was settled).
    bool markDone(const QString &id, QString *error = nullptr);

    // Takes an entry over for recovery if no live process owns it (see Claim); an entry this
    // journal added and is still at work on counts as owned. *claimed receives the entry as it now
    // stands.
    Claim claim(const QString &id, Entry *claimed = nullptr, QString *error = nullptr);
    // This process stops working on the entry (its request is over, the outcome unknown): it becomes
    // orphaned now, for whoever recovers next.
    bool release(const QString &id, QString *error = nullptr);

    std::optional<Entry> entry(const QString &id) const;
    // Oldest first.
    QList<Entry> unfinished() const;
    QList<Entry> unfinished(const QString &connectionId) const;

private:
    QList<Entry> select(const QString &where, const QVariantList &values) const;
    bool change(const QString &statement, const QVariantList &values, const QString &id, QString *error);
    void importLegacyFile(const QString &path);

    LocalState &m_state;
    ProcessIdentity m_self;
    QSet<QString> m_atWork; // entries this journal added and has neither settled nor released
    QString m_problem;
};
