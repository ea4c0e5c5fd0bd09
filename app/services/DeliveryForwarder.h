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
class QNetworkReply;

// Sends a captured delivery on to a forward target (webhookctl listen --forward, the console's
// forwarding and Replay): the same method, body and headers, less those that describe the hop
// rather than the delivery. No redirects are followed, the target gets 10 s for its whole answer
// (a trickle does not stretch that), and the answer is bounded like a delivery
// (DeliveryReceiver::maxBodyBytes), since it may be relayed and shown: the rest is not read. An
// answer that did not arrive whole (timed out, broken off) is a failure, not a short body.
class DeliveryForwarder final : public QObject {
    Q_OBJECT

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    struct Response {
        int status = 0;             // 0: no whole HTTP answer; error says why
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

    // How long a target has for its whole answer (timeoutMs unless set; tests use less).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // done runs once, later, unless context is gone by then.
    void forward(const QUrl &target, const QString &method, const Headers &headers, const QByteArray &body,
                 QObject *context, Done done);

    // Host, Content-Length, Connection, ...: set by whoever makes the next hop, never copied.
    static bool isHopByHop(const QByteArray &name);

private:
    struct Run;
    static void keep(QNetworkReply *reply, Run &run);
    Response responseTo(QNetworkReply *reply, const Run &run) const;

    QNetworkAccessManager *m_network;
    int m_timeoutMs = timeoutMs;
};
