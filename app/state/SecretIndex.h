#pragma once

#include <QSet>
#include <QString>

class LocalState;

// Which keychain entries "<connection>/<endpoint>" hold a signing secret, kept in the local state
// database so that a list can show which endpoints have one without a keychain call per endpoint.
// It never holds a secret, only the fact that one is stored and since when.
//
// The keychain stays the truth. Every store, rotate, import and delete records its outcome here,
// and so does every read (an operator copying or showing a secret): an entry added or removed
// behind the program's back (another machine, seahorse) is corrected the next time the operator
// acts on that endpoint.
class SecretIndex final {
    Q_DISABLE_COPY_MOVE(SecretIndex)

public:
    explicit SecretIndex(LocalState &state);

    // Returns false and says why in *error (if given) when the database could not be written.
    bool record(const QString &connectionId, const QString &endpointId, bool stored, QString *error = nullptr);
    // The endpoints of a connection whose secret is on record as stored.
    QSet<QString> storedEndpoints(const QString &connectionId) const;

private:
    LocalState &m_state;
};
