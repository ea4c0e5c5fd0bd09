// The forward to a target (webhookctl listen --forward, the console's forwarding and Replay) against
// a target that misbehaves: an answer too long to keep, one that never ends, one that trickles, one
// broken off halfway, a redirect, no listener at all. Whatever the target does, the forward ends
// within its time with what a delivery may keep, and an answer that did not arrive whole is a
// failure, never a short body passed off as the answer.
#include "DeliveryForwarder.h"
#include "DeliveryReceiver.h"
#include "HostileHttpServer.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <optional>

using Mode = HostileHttpServer::Answer::Mode;

class TestDeliveryForwarder : public QObject {
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    HostileHttpServer m_target;

    struct Forwarded {
        DeliveryForwarder::Response response;
        qint64 elapsedMs = 0;
    };

    // Forwards a small POST to the target with the given forwarder and waits for its one answer.
    std::optional<Forwarded> forward(DeliveryForwarder &forwarder, const QUrl &target,
                                     const DeliveryForwarder::Headers &headers = {},
                                     const QByteArray &method = "POST") {
        std::optional<Forwarded> forwarded;
        int calls = 0;
        QElapsedTimer timer;
        timer.start();
        forwarder.forward(target, QString::fromLatin1(method), headers, QByteArrayLiteral("{\"a\":1}"), this,
                          [&](const DeliveryForwarder::Response &response) {
                              ++calls;
                              forwarded = Forwarded{response, timer.elapsed()};
                          });
        if (!QTest::qWaitFor([&] { return calls > 0; }, 30000))
            return std::nullopt;
        QTest::qWait(50); // done runs once: a second call would come now
        if (calls != 1)
            return std::nullopt;
        return forwarded;
    }
    std::optional<Forwarded> forward(const HostileHttpServer::Answer &answer) {
        m_target.script({answer});
        DeliveryForwarder forwarder(&m_network);
        return forward(forwarder, target());
    }
    QUrl target() const { return m_target.baseUrl().resolved(QUrl(QStringLiteral("/in"))); }

private slots:
    void initTestCase() {
        m_network.setProxy(QNetworkProxy::NoProxy);
        QVERIFY(m_target.listen());
    }

    void relaysTheDeliveryButNotTheHopsOwnHeaders() {
        m_target.clearRequests();
        m_target.script({HostileHttpServer::Answer::json(202, "{\"ok\":true}")});
        DeliveryForwarder forwarder(&m_network);
        const auto forwarded = forward(
            forwarder, target(),
            {{"X-Sample", "kept"}, {"Host", "evil.example"}, {"Connection", "upgrade"}, {"Content-Length", "9"}},
            "PUT");
        QVERIFY(forwarded);
        QCOMPARE(forwarded->response.status, 202);
        QCOMPARE(forwarded->response.body, QByteArray("{\"ok\":true}"));
        QVERIFY(!forwarded->response.bodyTruncated);
        QCOMPARE(forwarded->response.contentType, QByteArray("application/json"));
        QVERIFY(forwarded->response.error.isEmpty());
        QVERIFY(forwarded->response.ms >= 0);
        QCOMPARE(m_target.requests().size(), 1);
        const HostileHttpServer::Seen &seen = m_target.requests().first();
        QCOMPARE(seen.method, QByteArray("PUT"));
        QCOMPARE(seen.target, QByteArray("/in"));
        QCOMPARE(seen.body, QByteArray("{\"a\":1}"));
        QCOMPARE(seen.header("X-Sample"), QByteArray("kept"));
        QCOMPARE(seen.header("Host"), QStringLiteral("127.0.0.1:%1").arg(target().port()).toLatin1());
        QCOMPARE(seen.header("Content-Length"), QByteArray("7"));
        QVERIFY(seen.header("Connection") != "upgrade");
    }

    // An error status is an answer like any other: relayed with its body, not turned into a failure.
    void errorStatusIsAnAnswer() {
        const auto forwarded = forward(HostileHttpServer::Answer::json(500, "{\"error\":\"boom\"}"));
        QVERIFY(forwarded);
        QCOMPARE(forwarded->response.status, 500);
        QCOMPARE(forwarded->response.body, QByteArray("{\"error\":\"boom\"}"));
        QVERIFY(forwarded->response.error.isEmpty());
    }

    void redirectIsPassedBackNotFollowed() {
        m_target.clearRequests();
        const auto forwarded = forward(HostileHttpServer::Answer::json(
            302, "{}", {{"Location", m_target.baseUrl().resolved(QUrl(QStringLiteral("/elsewhere"))).toEncoded()}}));
        QVERIFY(forwarded);
        QCOMPARE(forwarded->response.status, 302);
        QCOMPARE(m_target.requests().size(), 1);
    }

    // The bound itself is kept whole; one byte more and the answer is its beginning, said so.
    void answerAtTheBoundIsKeptWhole() {
        const QByteArray body(DeliveryReceiver::maxBodyBytes, 'b');
        const auto forwarded = forward(HostileHttpServer::Answer::json(200, body));
        QVERIFY(forwarded);
        QCOMPARE(forwarded->response.status, 200);
        QCOMPARE(forwarded->response.body.size(), body.size());
        QVERIFY(!forwarded->response.bodyTruncated);
    }

    void longerAnswerKeepsItsBeginning() {
        QByteArray body(3 * DeliveryReceiver::maxBodyBytes, 'b');
        body[0] = '<';
        const auto forwarded = forward(HostileHttpServer::Answer::json(200, body));
        QVERIFY(forwarded);
        QCOMPARE(forwarded->response.status, 200);
        QVERIFY(forwarded->response.error.isEmpty());
        QCOMPARE(forwarded->response.body, body.left(DeliveryReceiver::maxBodyBytes));
        QVERIFY(forwarded->response.bodyTruncated);
        // As a delivery keeps it: bounded again.
        const ForwardOutcome outcome = forwarded->response.outcome();
        QCOMPARE(outcome.status, 200);
        QCOMPARE(outcome.body, body.left(ForwardOutcome::maxBodyBytes));
        QVERIFY(outcome.bodyTruncated);
    }

    // At loopback speed, 256 MiB offered: the forward stops reading once it has what it keeps.
    void endlessAnswerIsCutOffAtTheBound() {
        HostileHttpServer::Answer answer = HostileHttpServer::Answer::of(Mode::EndlessChunked);
        answer.intervalMs = 0;
        answer.maxBytes = 256 * 1024 * 1024;
        const qint64 streamedBefore = m_target.bytesStreamed();
        const auto forwarded = forward(answer);
        QVERIFY(forwarded);
        QCOMPARE(forwarded->response.status, 200);
        QVERIFY2(forwarded->response.error.isEmpty(), qPrintable(forwarded->response.error));
        QCOMPARE(forwarded->response.body.size(), DeliveryReceiver::maxBodyBytes);
        QVERIFY(forwarded->response.bodyTruncated);
        QTest::qWait(200); // what the target still manages to write after the forward ended
        const qint64 streamed = m_target.bytesStreamed() - streamedBefore;
        qInfo("endless answer: ended after %lld ms, %lld KiB sent by the target", forwarded->elapsedMs,
              streamed / 1024);
        QVERIFY2(streamed < 64 * 1024 * 1024, qPrintable(QString::number(streamed)));
    }

    // A byte every 100 ms keeps the connection busy but never finishes: the timeout is for the whole
    // answer, not for a pause in it, and what came is not passed off as the answer.
    void tricklingAnswerEndsAtTheTimeout() {
        HostileHttpServer::Answer answer = HostileHttpServer::Answer::of(Mode::Trickle);
        answer.intervalMs = 100;
        m_target.script({answer});
        DeliveryForwarder forwarder(&m_network);
        forwarder.setTimeoutMs(1500);
        const auto forwarded = forward(forwarder, target());
        QVERIFY(forwarded);
        QVERIFY2(forwarded->elapsedMs >= 1400 && forwarded->elapsedMs < 5000,
                 qPrintable(QString::number(forwarded->elapsedMs)));
        QCOMPARE(forwarded->response.status, 0);
        QVERIFY2(forwarded->response.error.contains(QStringLiteral("answered 200")) &&
                     forwarded->response.error.contains(QStringLiteral("1.5 s")),
                 qPrintable(forwarded->response.error));
        QVERIFY(forwarded->response.body.isEmpty());
    }

    void endlessHeadersEndAtTheTimeout() {
        m_target.script({HostileHttpServer::Answer::of(Mode::EndlessHeaders)});
        DeliveryForwarder forwarder(&m_network);
        forwarder.setTimeoutMs(1500);
        const auto forwarded = forward(forwarder, target());
        QVERIFY(forwarded);
        QVERIFY2(forwarded->elapsedMs < 5000, qPrintable(QString::number(forwarded->elapsedMs)));
        QCOMPARE(forwarded->response.status, 0);
        QVERIFY2(forwarded->response.error.contains(QStringLiteral("1.5 s")), qPrintable(forwarded->response.error));
    }

    // Half the promised body, then the connection closes: a failure that says what did come, for an
    // error status as for a success.
    void answerBrokenOffIsAFailure_data() {
        QTest::addColumn<int>("status");
        QTest::newRow("200") << 200;
        QTest::newRow("404") << 404;
        QTest::newRow("503") << 503;
    }
    void answerBrokenOffIsAFailure() {
        QFETCH(int, status);
        HostileHttpServer::Answer answer = HostileHttpServer::Answer::of(Mode::BrokenOff, status);
        answer.body = QByteArray(1000, 'h');
        const auto forwarded = forward(answer);
        QVERIFY(forwarded);
        QCOMPARE(forwarded->response.status, 0);
        QVERIFY2(forwarded->response.error.contains(QStringLiteral("answered %1").arg(status)),
                 qPrintable(forwarded->response.error));
        QVERIFY(forwarded->response.body.isEmpty());
    }

    void closedWithoutAnAnswer() {
        const auto forwarded = forward(HostileHttpServer::Answer::of(Mode::Close));
        QVERIFY(forwarded);
        QCOMPARE(forwarded->response.status, 0);
        QVERIFY(!forwarded->response.error.isEmpty());
    }

    void nobodyListening() {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        DeliveryForwarder forwarder(&m_network);
        const auto forwarded = forward(forwarder, QUrl(QStringLiteral("http://127.0.0.1:%1/in").arg(port)));
        QVERIFY(forwarded);
        QCOMPARE(forwarded->response.status, 0);
        QVERIFY2(forwarded->response.error.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(forwarded->response.error));
    }

    // The caller went away meanwhile (a closed window): done is not run.
    void goneCallerIsNotCalled() {
        m_target.script({HostileHttpServer::Answer::json(200, "{}")});
        DeliveryForwarder forwarder(&m_network);
        auto *caller = new QObject;
        bool called = false;
        forwarder.forward(target(), QStringLiteral("POST"), {}, "{}", caller,
                          [&](const DeliveryForwarder::Response &) { called = true; });
        delete caller;
        QTest::qWait(500);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryForwarder)
#include "tst_DeliveryForwarder.moc"
