#pragma once

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

class LocalState;

// Which keychain entries "<connection>/<endpoint>" hold a signing secret, kept in the local state
// database so that a list can show which endpoints have one without a keychain call per endpoint.
// It never holds a secret, only the fact that one is stored and since when.
//
// The keychain stays the truth. Every store, rotate, import and delete records its outcome here,
// and so does every read (an operator copying or showing a secret): an entry added or removed
// behind the program's back (another machine, seahorse) is corrected the next time the operator
// acts on that endpoint.
//
// It also records when an endpoint's previous secret generation (kept in the keychain after a
// rotate, so that deliveries still signed with it can be recognised) was replaced.
class SecretIndex final {
    Q_DISABLE_COPY_MOVE(SecretIndex)

public:
    explicit SecretIndex(LocalState &state);

    // Returns false and says why in *error (if given) when the database could not be written.
    bool record(const QString &connectionId, const QString &endpointId, bool stored, QString *error = nullptr);
    // The endpoints of a connection whose secret is on record as stored.
    QSet<QString> storedEndpoints(const QString &connectionId) const;

    struct Entry {
        QString connectionId;
        QString endpointId;
    };
    // Every entry on record as stored, of every connection, newest on record first (verify looks
    // for another endpoint's secret among them, the likeliest first).
    QList<Entry> allStored() const;

    // The previous generation: replacedAt when it was kept, nothing once it is forgotten.
    bool recordPrevious(const QString &connectionId, const QString &endpointId, const QDateTime &replacedAt,
                        QString *error = nullptr);
    bool forgetPrevious(const QString &connectionId, const QString &endpointId, QString *error = nullptr);
    // When the previous generation was replaced; nullopt when none is on record.
    std::optional<QDateTime> previousReplacedAt(const QString &connectionId, const QString &endpointId) const;

private:
    LocalState &m_state;
};
