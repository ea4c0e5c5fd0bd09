#pragma once

#include "CapturedDelivery.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

// Sends a captured delivery on to a forward target (webhookctl listen --forward, the console's
// forwarding and Replay): the same method, body and headers, less those that describe the hop
// rather than the delivery. No redirects are followed, the target gets 10 s, and its answer is
// bounded like a delivery (DeliveryReceiver::maxBodyBytes), since it may be relayed and shown.
class DeliveryForwarder final : public QObject {
    Q_OBJECT

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    struct Response {
        int status = 0;             // 0: no HTTP answer; error says why
        QByteArray body;            // at most DeliveryReceiver::maxBodyBytes of it
        bool bodyTruncated = false; // the answer was longer than that: body is its beginning
        QByteArray contentType;
        qint64 ms = -1;
        QString error;

        // As a delivery keeps it: the body bounded again, to ForwardOutcome::maxBodyBytes.
        ForwardOutcome outcome() const;
    };
    using Done = std::function<void(const Response &response)>;

    static constexpr int timeoutMs = 10000;

    explicit DeliveryForwarder(QNetworkAccessManager *network, QObject *parent = nullptr);

    // done runs once, later, unless context is gone by then.
    void forward(const QUrl &target, const QString &method, const Headers &headers, const QByteArray &body,
                 QObject *context, Done done);

    // Host, Content-Length, Connection, ...: set by whoever makes the next hop, never copied.
    static bool isHopByHop(const QByteArray &name);

private:
    QNetworkAccessManager *m_network;
};
