#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

class LocalState;

// The deliveries a local receiver (webhookctl listen, later the console's Deliveries view)
// captured, kept in the local state database: what arrived (time, method, path, headers, the
// body's raw bytes), which endpoint it was matched to, the signature verdict, and what a forward
// target answered. Bodies may hold customer data, so they live only in the owner-only database.
// Never a secret: there is no column for one, and the values of credential headers
// (Authorization, Proxy-Authorization, Cookie) are replaced before a row is written.
//
// Bounded: only the newest keep() rows stay; each add drops the oldest in its own transaction, so
// the table never holds more, even with several programs writing.
class DeliveryLog final {
    Q_DISABLE_COPY_MOVE(DeliveryLog)

public:
    static constexpr int defaultKeep = 1000;

    struct Entry {
        qint64 id = 0; // set by add(); increasing with arrival
        QDateTime receivedAt;
        QString method;
        QString path;
        QList<QPair<QByteArray, QByteArray>> headers; // as received, in order
        QByteArray body;
        QString connectionId; // empty: matched to no endpoint
        QString endpointId;
        QString verdict;        // SignatureVerdict keyword; empty when nothing was checked
        QString verdictMessage; // SignatureVerdict message
        int forwardStatus = 0;  // the forward target's HTTP status; 0: not forwarded, or no answer
        qint64 forwardMs = -1;  // how long the forward took; -1: not forwarded
        QString forwardError;   // why a forward got no answer

        qint64 size() const { return body.size(); }
    };

    explicit DeliveryLog(LocalState &state, int keep = defaultKeep);

    int keep() const { return m_keep; }

    // Stores entry and drops all but the newest keep() rows. The new row's id, or nullopt with
    // *error (if given) saying why the database could not be written.
    std::optional<qint64> add(const Entry &entry, QString *error = nullptr);
    // The newest rows first, at most limit of them.
    QList<Entry> recent(int limit = defaultKeep) const;
    int count() const;
    bool clear(QString *error = nullptr);

    // The value stored for a header: the same, or a placeholder for a credential.
    static QByteArray storedValue(const QByteArray &name, const QByteArray &value);

private:
    LocalState &m_state;
    int m_keep;
};
