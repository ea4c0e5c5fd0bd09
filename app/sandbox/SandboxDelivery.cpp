#include "SandboxDelivery.h"

#include "SandboxLogging.h"
#include "SignatureVerifier.h"

#include <QDateTime>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

SandboxDelivery::SandboxDelivery(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this)) {
    // A proxy from the environment would turn a loopback delivery into traffic to another host.
    m_network->setProxy(QNetworkProxy::NoProxy);
}

bool SandboxDelivery::isLoopbackHost(const QString &host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

void SandboxDelivery::deliver(const QString &url, const SignatureScheme &scheme, const QString &secret,
                              const QString &eventId, const QByteArray &body, int timeoutMs, const Callback &done) {
    QUrl target(url);
    if (!isLoopbackHost(target.host())) {
        Result result;
        result.simulated = true;
        if (target.host().endsWith(QLatin1String(".invalid"), Qt::CaseInsensitive)) {
            result.error = tr("could not resolve %1 (simulated)").arg(target.host());
        } else {
            result.success = true;
            result.httpStatus = 200;
        }
        done(result);
        return;
    }
    // "localhost" could resolve to ::1 or, with an odd hosts file, elsewhere; pin it to 127.0.0.1.
    if (target.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        target.setHost(QStringLiteral("127.0.0.1"));

    const qint64 timestamp = QDateTime::currentSecsSinceEpoch();
    QNetworkRequest request(target);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (scheme.isStated()) {
        // The event id is the message id where the scheme signs one, as providers do.
        const auto headers = SignatureVerifier(scheme).signedHeaders(body, secret, eventId, timestamp);
        if (headers) {
            for (const auto &[name, value] : *headers)
                request.setRawHeader(name.toLatin1(), value.toLatin1());
        } else {
            qCWarning(lcSandbox) << "test delivery sent unsigned: the endpoint's secret makes no key under the"
                                 << SignatureScheme::kindName(scheme.kind()) << "scheme";
        }
    }
    request.setRawHeader(QByteArrayLiteral("User-Agent"), QByteArrayLiteral("webhook-sandbox"));
    // A redirect could point anywhere; a real dispatcher would not follow it either.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(timeoutMs > 0 ? timeoutMs : 5000);

    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [reply, done] {
        reply->deleteLater();
        Result result;
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.success = result.httpStatus >= 200 && result.httpStatus < 300;
        if (!result.success)
            result.error =
                result.httpStatus > 0 ? tr("the endpoint answered %1").arg(result.httpStatus) : reply->errorString();
        qCDebug(lcSandbox) << "test delivery to" << reply->url().toString(QUrl::RemoveUserInfo) << "->"
                           << result.httpStatus;
        done(result);
    });
}
