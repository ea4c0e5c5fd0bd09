#include "DeliveryReceiver.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace {

constexpr int idleTimeoutMs = 30000;            // a sender that stops mid-request is dropped
constexpr int drainTimeoutMs = 5000;            // the most time a refused body is read and dropped
constexpr qint64 drainLimit = 64 * 1024 * 1024; // a larger refused body is cut off at once

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 502:
        return "Bad Gateway";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace

QString DeliveryReceiver::Request::path() const {
    const qsizetype query = target.indexOf(QLatin1Char('?'));
    return query < 0 ? target : target.left(query);
}

DeliveryReceiver::DeliveryReceiver(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this)) {
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            socket->setParent(this);
            auto *idle = new QTimer(socket);
            idle->setSingleShot(true);
            idle->start(idleTimeoutMs);
            connect(idle, &QTimer::timeout, socket, &QTcpSocket::abort);
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        }
    });
}

bool DeliveryReceiver::listen(quint16 port, QString *error) {
    // Loopback only: a receiver for tests and development must not be reachable from the network.
    if (m_server->listen(QHostAddress::LocalHost, port))
        return true;
    // Qt's "The bound address is already in use" does not say what to do about it.
    *error = m_server->serverError() == QAbstractSocket::AddressInUseError
                 ? tr("the port is already in use by another program or listener")
                 : m_server->errorString();
    return false;
}

quint16 DeliveryReceiver::port() const {
    return m_server->serverPort();
}

void DeliveryReceiver::answer(QTcpSocket *socket, int status, const QByteArray &body, const QByteArray &contentType,
                              bool close) {
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        response += "Content-Type: " + contentType + "\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    socket->write(response);
    if (close)
        socket->disconnectFromHost();
}

void DeliveryReceiver::respond(qint64 requestId, int status, const QByteArray &body, const QByteArray &contentType) {
    const QPointer<QTcpSocket> socket = m_waiting.take(requestId);
    if (socket)
        answer(socket, status, body, contentType);
}

void DeliveryReceiver::readFrom(QTcpSocket *socket) {
    if (socket->property("wc_answered").toBool()) {
        // One request per connection; anything after it is read and dropped. A refused body is
        // drained before the connection closes, so the sender reads the answer instead of a reset.
        const qint64 left = socket->property("wc_drain").toLongLong() - socket->readAll().size();
        socket->setProperty("wc_drain", left);
        if (left <= 0 && socket->property("wc_draining").toBool())
            socket->disconnectFromHost();
        return;
    }
    const QByteArray buffered = socket->peek(maxHeaderBytes + 4);
    const qsizetype headerEnd = buffered.indexOf("\r\n\r\n");
    // drain: the body bytes still to come, read and dropped before the connection closes.
    auto refuse = [socket](int status, qint64 drain = 0) {
        socket->setProperty("wc_answered", true);
        const qint64 left = drain - socket->readAll().size();
        if (left <= 0 || drain > drainLimit)
            return answer(socket, status, QByteArray(), QByteArray());
        socket->setProperty("wc_drain", left);
        socket->setProperty("wc_draining", true);
        answer(socket, status, QByteArray(), QByteArray(), false);
        QTimer::singleShot(drainTimeoutMs, socket, &QTcpSocket::disconnectFromHost);
    };
    if (headerEnd < 0) {
        if (buffered.size() > maxHeaderBytes)
            refuse(431);
        return;
    }
    const QList<QByteArray> lines = buffered.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.") ||
        !token.match(QString::fromLatin1(requestLine.at(0))).hasMatch() || !requestLine.at(1).startsWith('/'))
        return refuse(400);

    Request request;
    request.method = QString::fromLatin1(requestLine.at(0));
    request.target = QString::fromLatin1(requestLine.at(1));
    qint64 contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !token.match(QString::fromLatin1(line.left(colon))).hasMatch())
            return refuse(400);
        const QByteArray name = line.left(colon);
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0)
            return refuse(411); // webhook senders state a Content-Length; chunked bodies are not read
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0)
                return refuse(400);
        }
        request.headers.append({name, value});
    }
    if (contentLength > maxBodyBytes)
        return refuse(413, headerEnd + 4 + contentLength);
    if (socket->bytesAvailable() < headerEnd + 4 + contentLength)
        return; // the rest of the body is still on its way
    socket->read(headerEnd + 4);
    request.body = socket->read(contentLength);
    if (request.body.isNull())
        request.body = QByteArray("");
    request.receivedAt = QDateTime::currentDateTimeUtc();
    request.id = m_nextId++;
    socket->setProperty("wc_answered", true);
    m_waiting.insert(request.id, socket);
    emit received(request);
}
