#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

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
    int forwardStatus = 0;  // the forward target's HTTP status; 0: not forwarded, or no answer
    qint64 forwardMs = -1;  // how long the forward took; -1: not forwarded
    QString forwardError;   // why a forward got no answer

    qint64 size() const { return body.size(); }
};
