#pragma once

#include "CapturedDelivery.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

class LocalState;

// The deliveries a local receiver (webhookctl listen, the console's Deliveries view)
// captured, kept in the local state database: what arrived (time, method, path, headers, the
// body's raw bytes), which endpoint it was matched to, the signature verdict, and what a forward
// target answered (its body's first ForwardOutcome::maxBodyBytes, noted when it was longer).
// Bodies may hold customer data, so they live only in the owner-only database.
// Never a secret: there is no column for one, and the values of credential headers
// (Authorization, Proxy-Authorization, Cookie) are replaced before a row is written.
//
// Bounded: only the newest keep() rows stay; each add drops the oldest in its own transaction, so
// the table never holds more, even with several programs writing.
class DeliveryLog final {
    Q_DISABLE_COPY_MOVE(DeliveryLog)

public:
    static constexpr int defaultKeep = 1000;

    using Entry = CapturedDelivery;

    explicit DeliveryLog(LocalState &state, int keep = defaultKeep);

    int keep() const { return m_keep; }
    // The database file, for a reader in another thread (a LocalState per thread).
    QString databasePath() const;

    // Stores entry and drops all but the newest keep() rows. The new row's id, or nullopt with
    // *error (if given) saying why the database could not be written.
    std::optional<qint64> add(const Entry &entry, QString *error = nullptr);
    // The newest rows first, at most limit of them.
    QList<Entry> recent(int limit = defaultKeep) const;
    int count() const;
    bool clear(QString *error = nullptr);
    // What a later forward of a kept delivery (the console's Replay) got: status, time, error and
    // the answer's body, which replace the last forward's.
    bool recordForward(qint64 id, const ForwardOutcome &forward, QString *error = nullptr);

    // The value stored for a header: the same, or a placeholder for a credential.
    static QByteArray storedValue(const QByteArray &name, const QByteArray &value);

private:
    LocalState &m_state;
    int m_keep;
};
