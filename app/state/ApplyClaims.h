#pragma once

#include "ProcessIdentity.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

class LocalState;

// Who is applying an endpoints document to a connection right now (webhookctl apply, the
// console's Apply), kept in the local state database: one apply at a time per connection, so
// that two applies of the same document started together cannot both plan the same create and
// make the endpoint twice. An apply claims its connections before it plans and releases them
// once it is over.
//
// A claim names the process holding it (ProcessIdentity). A claim whose holder is gone (it was
// killed, or crashed) is taken over at once, so a dead apply never blocks the next one; there are
// no lock files to clean up. Each instance is one claimant: two claimants in one process (two
// dialogs of the console) hold each other off like two processes do.
class ApplyClaims final {
    Q_DISABLE_COPY_MOVE(ApplyClaims)

public:
    enum class Result {
        Claimed,       // this claimant holds every connection asked for
        HeldElsewhere, // a live claimant holds one of them (see Holder); none was claimed
        Failed,        // the database could not be read or written; see *error
    };
    struct Holder {
        QString connectionId;
        ProcessIdentity owner;
        QDateTime since; // UTC
        bool inThisProcess = false;
    };

    explicit ApplyClaims(LocalState &state);
    ~ApplyClaims(); // releases what this claimant still holds

    // Claims every connection or none, in one transaction. A claim this claimant holds already is
    // kept (and counts as claimed); one of a dead process is taken over.
    Result claim(const QStringList &connectionIds, Holder *holder = nullptr, QString *error = nullptr);
    // Gives up this claimant's claims; others' are left alone.
    bool release(QString *error = nullptr);
    bool holdsAny() const { return !m_held.isEmpty(); }

private:
    LocalState &m_state;
    ProcessIdentity m_self;
    QString m_token; // this claimant, among the claimants of this process
    QStringList m_held;
};
