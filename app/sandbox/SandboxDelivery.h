#pragma once

#include "SignatureScheme.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

class QNetworkAccessManager;

// Sends test events. Only loopback targets get real traffic: a signed JSON POST. Any other host
// is simulated, never contacted: hosts ending in ".invalid" fail, all others succeed.
//
// Signature: the headers the provider's profile states (its "signature" section), made by
// SignatureVerifier::signedHeaders with the endpoint's secret, so a delivery verifies exactly as
// one from the provider would (webhookctl verify, listen). A profile that states no scheme, or a
// secret that makes no key under it, gives an unsigned delivery.
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
    void deliver(const QString &url, const SignatureScheme &scheme, const QString &secret, const QString &eventId,
                 const QByteArray &body, int timeoutMs, const Callback &done);

    static bool isLoopbackHost(const QString &host);

private:
    QNetworkAccessManager *m_network;
};
