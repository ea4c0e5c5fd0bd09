#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

// What a forward target answered to a delivery (webhookctl listen --forward, the console's
// forwarding and Replay), as it is kept and shown: the status, the time it took, and the answer's
// body, of which only the first maxBodyBytes are kept (a target may answer with a whole page).
struct ForwardOutcome {
    static constexpr qsizetype maxBodyBytes = 64 * 1024;

    int status = 0;             // the target's HTTP status; 0: not forwarded, or no answer
    qint64 ms = -1;             // how long the forward took; -1: not forwarded
    QString error;              // why a forward got no answer
    QByteArray body;            // the answer's body, its first maxBodyBytes
    bool bodyTruncated = false; // the answer was longer than body

    bool wasForwarded() const { return ms >= 0; }
    // Keeps the first maxBodyBytes of answer; cut: answer is already only the start of a longer one.
    void setBody(const QByteArray &answer, bool cut = false) {
        body = answer.left(maxBodyBytes);
        bodyTruncated = cut || answer.size() > maxBodyBytes;
    }
};

// One delivery a local receiver captured, as it is kept (DeliveryLog) and shown (the console's
// Deliveries view): what arrived, which endpoint it was matched to, the signature verdict, and
// what a forward target answered. Never a secret; credential headers' values are replaced
// before it is kept.
struct CapturedDelivery {
    qint64 id = 0; // set once kept; increasing with arrival
    QDateTime receivedAt;
    QString method;
    QString path;                                 // path and query, as sent
    QList<QPair<QByteArray, QByteArray>> headers; // as received, in order
    QByteArray body;
    QString connectionId; // empty: matched to no endpoint
    QString endpointId;
    QString verdict;        // SignatureVerdict keyword (or no-endpoint, no-scheme, keychain-error); empty: unchecked
    QString verdictMessage; // the one-line diagnosis
    ForwardOutcome forward; // the last forward of it, live or replayed

    qint64 size() const { return body.size(); }
};
