#include "DeliveryForwarder.h"

#include "DeliveryReceiver.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

#include <memory>

DeliveryForwarder::DeliveryForwarder(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network) {}

bool DeliveryForwarder::isHopByHop(const QByteArray &name) {
    static const QList<QByteArray> hopByHop{
        "host", "content-length", "connection", "keep-alive",       "transfer-encoding",
        "te",   "upgrade",        "expect",     "proxy-connection", "proxy-authorization"};
    return hopByHop.contains(name.toLower());
}

void DeliveryForwarder::forward(const QUrl &target, const QString &method, const Headers &headers,
                                const QByteArray &body, QObject *context, Done done) {
    QNetworkRequest forward(target);
    for (const auto &[name, value] : headers) {
        if (!isHopByHop(name))
            forward.setRawHeader(name, value);
    }
    forward.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    forward.setTransferTimeout(timeoutMs);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply *reply = m_network->sendCustomRequest(forward, method.toLatin1(), body);
    // Read as it comes, so that an answer too long to keep still has its beginning kept.
    auto answer = std::make_shared<Response>();
    connect(reply, &QNetworkReply::readyRead, reply, [reply, answer] {
        answer->body += reply->read(DeliveryReceiver::maxBodyBytes - answer->body.size());
        if (answer->body.size() == DeliveryReceiver::maxBodyBytes && reply->bytesAvailable() > 0) {
            answer->bodyTruncated = true;
            reply->abort();
        }
    });
    const QPointer<QObject> caller(context);
    connect(reply, &QNetworkReply::finished, this, [reply, timer, caller, done, answer] {
        reply->deleteLater();
        Response response;
        response.ms = timer->elapsed();
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (response.status == 0) {
            response.error = reply->errorString();
        } else {
            response.body = answer->body + reply->read(DeliveryReceiver::maxBodyBytes - answer->body.size());
            response.bodyTruncated = answer->bodyTruncated || reply->bytesAvailable() > 0;
            response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        }
        if (caller)
            done(response);
    });
}

ForwardOutcome DeliveryForwarder::Response::outcome() const {
    ForwardOutcome outcome;
    outcome.status = status;
    outcome.ms = ms;
    outcome.error = error;
    outcome.setBody(body, bodyTruncated);
    return outcome;
}
