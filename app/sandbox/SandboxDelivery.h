#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

class QNetworkAccessManager;

// Sends test events. Only loopback targets get real traffic: a signed JSON POST. Any other host
// is simulated, never contacted: hosts ending in ".invalid" fail, all others succeed.
//
// Signature: header Webhook-Signature "t=<unix seconds>,v1=<hex HMAC-SHA256>" where the HMAC key
// is the endpoint's secret (the whole string, "whsec_" included) and the signed text is
// "<unix seconds>.<raw body>"; Webhook-Id and Webhook-Timestamp repeat the event id and time.
class SandboxDelivery final : public QObject {
    Q_OBJECT

public:
    struct Result {
        bool success = false;
        int httpStatus = 0; // 0: no HTTP answer
        bool simulated = false;
        QString error;
    };
    using Callback = std::function<void(const Result &)>;

    explicit SandboxDelivery(QObject *parent = nullptr);

    // Calls done exactly once, possibly before returning (simulated targets).
    void deliver(const QString &url, const QString &secret, const QByteArray &eventId, const QByteArray &body,
                 int timeoutMs, const Callback &done);

    static bool isLoopbackHost(const QString &host);
    static QByteArray signature(const QString &secret, qint64 timestamp, const QByteArray &body);

private:
    QNetworkAccessManager *m_network;
};
