#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

class LocalState;

// What the last apply of an endpoints document left at each endpoint, per connection, in the local
// state database: the endpoint's managed fields as they were then (a snapshot, to tell what changed
// at the provider since: drift), and the document id or key it answers to (so a document exported
// from another connection, whose ids mean nothing here, plans nothing once it has been applied).
// It never holds a secret; the snapshot is what the caller makes of the endpoint's fields.
class AppliedEndpoints final {
    Q_DISABLE_COPY_MOVE(AppliedEndpoints)

public:
    struct Record {
        QString connectionId;
        QString endpointId;   // the provider's id
        QString documentId;   // the document's `id:` when it names another one (or its own), else empty
        QString documentKey;  // the document's `key:`, else empty
        QJsonObject snapshot; // empty: not known yet (the create was settled by recovery), so no drift
        QDateTime appliedAt;
    };

    // What a document calls an endpoint: its `id:` (when it names one) and its `key:`.
    struct Reference {
        QString documentId;
        QString documentKey;
        bool isEmpty() const { return documentId.isEmpty() && documentKey.isEmpty(); }
    };

    explicit AppliedEndpoints(LocalState &state);

    // Adds or replaces the endpoint's record. A document id or key answers to one endpoint of a
    // connection: another endpoint's claim on it is dropped. False with *error (if given) when the
    // database could not be written.
    bool record(const Record &record, QString *error = nullptr);
    // Which document id and key an endpoint answers to, as soon as a create of an apply is known to
    // have made it (before its secret is stored, and when recovery settles the create): the
    // endpoint keeps the snapshot it has, or gets an empty one. Claims as record() does.
    bool remember(const QString &connectionId, const QString &endpointId, const Reference &reference,
                  QString *error = nullptr);
    // The endpoint was deleted, or found gone at the provider.
    bool forget(const QString &connectionId, const QString &endpointId, QString *error = nullptr);
    // The connection was removed.
    bool forgetConnection(const QString &connectionId, QString *error = nullptr);
    QList<Record> forConnection(const QString &connectionId) const;
    // The database it is kept in, where an apply's claims (ApplyClaims) are kept too.
    LocalState &state() const { return m_state; }

private:
    LocalState &m_state;
};
