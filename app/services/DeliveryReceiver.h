#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>

class QTcpServer;
class QTcpSocket;

// A local HTTP receiver for webhook deliveries (webhookctl listen): 127.0.0.1 only, one request
// per connection, a body of at most maxBodyBytes (larger ones are answered 413 without being
// read), the body kept as raw bytes since a signature covers bytes. A plain QTcpServer, not
// QHttpServer: the size bound is checked on the Content-Length before any body is buffered,
// and webhookctl loads no more Qt libraries than it needs.
class DeliveryReceiver final : public QObject {
    Q_OBJECT

public:
    static constexpr qint64 maxBodyBytes = 1024 * 1024;
    static constexpr qint64 maxHeaderBytes = 64 * 1024;

    struct Request {
        qint64 id = 0; // what respond() answers
        QString method;
        QString target; // path and query, as sent
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QDateTime receivedAt;

        // The target without its query.
        QString path() const;
    };

    explicit DeliveryReceiver(QObject *parent = nullptr);

    // Listens on 127.0.0.1:port (0: a free port). False with *error set when it cannot.
    bool listen(quint16 port, QString *error);
    quint16 port() const;

    // Answers the request, once; the connection is closed after the answer.
    void respond(qint64 requestId, int status, const QByteArray &body = QByteArray(),
                 const QByteArray &contentType = QByteArray());

signals:
    void received(const DeliveryReceiver::Request &request);

private:
    void readFrom(QTcpSocket *socket);
    static void answer(QTcpSocket *socket, int status, const QByteArray &body, const QByteArray &contentType,
                       bool close = true);

    QTcpServer *m_server;
    QHash<qint64, QPointer<QTcpSocket>> m_waiting;
    qint64 m_nextId = 1;
};
