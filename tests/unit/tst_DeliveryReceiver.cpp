// The loopback receiver behind webhookctl listen, spoken to over raw TCP: a request as sent
// (headers in order, the body's bytes, the target with its query), and the refusals that keep
// it bounded: a body over 1 MiB (413, unread), chunked bodies (411), endless headers (431),
// malformed requests (400).
#include "DeliveryReceiver.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

class TestDeliveryReceiver : public QObject {
    Q_OBJECT

private:
    // Sends bytes on a new connection and returns what came back until the receiver closed it.
    static QByteArray exchange(quint16 port, const QByteArray &bytes) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(5000))
            return {};
        socket.write(bytes);
        QByteArray answer;
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { answer += socket.readAll(); });
        closed.wait(5000);
        return answer + socket.readAll();
    }

private slots:
    void listensOnAFreePort() {
        DeliveryReceiver receiver;
        QString error;
        QVERIFY2(receiver.listen(0, &error), qPrintable(error));
        QVERIFY(receiver.port() != 0);
    }

    void passesTheRequestOnAsSent() {
        DeliveryReceiver receiver;
        QString error;
        QVERIFY(receiver.listen(0, &error));
        QList<DeliveryReceiver::Request> requests;
        connect(&receiver, &DeliveryReceiver::received, this, [&](const DeliveryReceiver::Request &request) {
            requests << request;
            receiver.respond(request.id, 200);
        });
        const QByteArray body("{\"a\": 1}\r\n\x00", 11);
        const QByteArray answer =
            exchange(receiver.port(), "POST /hooks/x?attempt=2 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Twice: a\r\n"
                                      "x-twice: b\r\nContent-Length: 11\r\n\r\n" +
                                          body);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        QCOMPARE(requests.size(), 1);
        const DeliveryReceiver::Request &request = requests.first();
        QCOMPARE(request.method, QStringLiteral("POST"));
        QCOMPARE(request.target, QStringLiteral("/hooks/x?attempt=2"));
        QCOMPARE(request.path(), QStringLiteral("/hooks/x"));
        QCOMPARE(request.body, body);
        QCOMPARE(request.headers.size(), 4);
        QCOMPARE(request.headers.at(1), qMakePair(QByteArray("X-Twice"), QByteArray("a")));
        QCOMPARE(request.headers.at(2), qMakePair(QByteArray("x-twice"), QByteArray("b")));
        QVERIFY(request.receivedAt.isValid());
    }

    void refusesWhatItWillNotRead_data() {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("body over 1 MiB") << QByteArray("POST /h HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n{")
                                         << QByteArray("413");
        QTest::newRow("chunked") << QByteArray(
                                        "POST /h HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n")
                                 << QByteArray("411");
        QTest::newRow("endless headers") << QByteArray("POST /h HTTP/1.1\r\nX: ") + QByteArray(70 * 1024, 'a')
                                         << QByteArray("431");
        QTest::newRow("not HTTP") << QByteArray("hello there\r\n\r\n") << QByteArray("400");
        QTest::newRow("absolute target") << QByteArray("POST http://a/h HTTP/1.1\r\n\r\n") << QByteArray("400");
        QTest::newRow("bad header") << QByteArray("POST /h HTTP/1.1\r\nno colon here\r\n\r\n") << QByteArray("400");
        QTest::newRow("bad length") << QByteArray("POST /h HTTP/1.1\r\nContent-Length: -4\r\n\r\n")
                                    << QByteArray("400");
    }

    void refusesWhatItWillNotRead() {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        DeliveryReceiver receiver;
        QString error;
        QVERIFY(receiver.listen(0, &error));
        QSignalSpy received(&receiver, &DeliveryReceiver::received);
        const QByteArray answer = exchange(receiver.port(), request);
        QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + status + ' ')), answer.left(80).constData());
        QCOMPARE(received.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryReceiver)
#include "tst_DeliveryReceiver.moc"
