#include "DeliveryForwarder.h"

#include "DeliveryReceiver.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

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

// What one forward has read so far, and why it ended early if it did.
struct DeliveryForwarder::Run {
    QElapsedTimer timer;
    QByteArray body;
    bool truncated = false; // longer than the bound: aborted once the bound was read
    bool timedOut = false;  // aborted at the timeout
};

void DeliveryForwarder::forward(const QUrl &target, const QString &method, const Headers &headers,
                                const QByteArray &body, QObject *context, Done done) {
    QNetworkRequest forward(target);
    for (const auto &[name, value] : headers) {
        if (!isHopByHop(name))
            forward.setRawHeader(name, value);
    }
    forward.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    auto run = std::make_shared<Run>();
    run->timer.start();
    QNetworkReply *reply = m_network->sendCustomRequest(forward, method.toLatin1(), body);
    // Qt's network thread stops reading once this much waits unread, so a busy window thread
    // does not let an endless answer pile up in memory before keep() cuts it off.
    reply->setReadBufferSize(64 * 1024);
    // Read as it comes, so that an answer too long to keep still has its beginning kept.
    connect(reply, &QNetworkReply::readyRead, reply, [reply, run] { keep(reply, *run); });
    // For the whole answer: a transfer timeout would restart with every byte of a trickle.
    QTimer::singleShot(m_timeoutMs, reply, [reply, run] {
        if (reply->isFinished())
            return;
        run->timedOut = true;
        reply->abort();
    });
    const QPointer<QObject> caller(context);
    connect(reply, &QNetworkReply::finished, this, [this, reply, run, caller, done] {
        reply->deleteLater();
        keep(reply, *run);
        const Response response = responseTo(reply, *run);
        if (caller)
            done(response);
    });
}

void DeliveryForwarder::keep(QNetworkReply *reply, Run &run) {
    if (!reply->isOpen() || run.truncated)
        return; // aborted: nothing more to read
    run.body += reply->read(DeliveryReceiver::maxBodyBytes - run.body.size());
    if (run.body.size() == DeliveryReceiver::maxBodyBytes && reply->bytesAvailable() > 0) {
        run.truncated = true;
        reply->abort();
    }
}

DeliveryForwarder::Response DeliveryForwarder::responseTo(QNetworkReply *reply, const Run &run) const {
    Response response;
    response.ms = run.timer.elapsed();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // An HTTP error status (the 200s and 400s of NetworkError) is an answer; the rest of
    // NetworkError says the answer did not arrive whole.
    const QNetworkReply::NetworkError error = reply->error();
    const bool answered =
        error == QNetworkReply::NoError ||
        (error >= QNetworkReply::ContentAccessDenied && error <= QNetworkReply::UnknownContentError) ||
        (error >= QNetworkReply::InternalServerError && error <= QNetworkReply::UnknownServerError);
    if (run.timedOut) {
        const QString seconds = QString::number(m_timeoutMs / 1000.0);
        response.error = status > 0
                             ? tr("The target answered %1 but did not finish within %2 s.").arg(status).arg(seconds)
                             : tr("The target did not answer within %1 s.").arg(seconds);
    } else if (!run.truncated && (!answered || status == 0)) {
        response.error =
            status > 0
                ? tr("The target answered %1, then its answer broke off: %2").arg(status).arg(reply->errorString())
                : reply->errorString();
    } else {
        response.status = status;
        response.body = run.body;
        response.bodyTruncated = run.truncated;
        response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    }
    return response;
}

ForwardOutcome DeliveryForwarder::Response::outcome() const {
    ForwardOutcome outcome;
    outcome.status = status;
    outcome.ms = ms;
    outcome.error = error;
    outcome.setBody(body, bodyTruncated);
    return outcome;
}
