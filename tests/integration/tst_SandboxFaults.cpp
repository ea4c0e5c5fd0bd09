// Every fault the sandbox can inject, over real HTTP on loopback.

#include "HttpTestClient.h"
#include "SandboxServer.h"

#include <QElapsedTimer>
#include <QTest>

#include <memory>

namespace {

const QString collection = QStringLiteral("/v1/webhook-endpoints");

QJsonObject layersBody(const QString &url = QStringLiteral("https://hooks.example.com/in")) {
    return QJsonObject{{QStringLiteral("url"), url},
                       {QStringLiteral("events"), QJsonArray{QStringLiteral("job.completed")}}};
}

} // namespace

class TestSandboxFaults : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<HttpTestClient> m_http;

    void start(const SandboxServer::Options &options = SandboxServer::Options()) {
        m_server = std::make_unique<SandboxServer>(options);
        QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
        m_http = std::make_unique<HttpTestClient>(m_server->baseUrl(QStringLiteral("layers")));
        m_http->setDefaultHeader("X-Api-Key", "sandbox-key");
    }

private slots:
    void cleanup() {
        m_http.reset();
        m_server.reset();
    }

    // Qt 6.4's QNetworkAccessManager re-sends a request once, by itself, when the connection closes
    // before any byte of an answer: so one dropped create reaches the sandbox twice. With an
    // Idempotency-Key the second arrival is a replay and the client gets the secret after all.
    void dropAfterCommitWithIdempotencyKeyIsRecoveredByTheReplay() {
        SandboxServer::Options options;
        options.dropAfterCommit = 1;
        start(options);
        const HttpTestClient::Headers key{{"Idempotency-Key", "d7e1b8a4-0000-4000-8000-00000000d0d0"}};
        const auto reply = m_http->post(collection, layersBody(), key);
        const auto stored = m_server->endpoints(QStringLiteral("layers"));
        QCOMPARE(stored.size(), 1); // committed once, although the request arrived twice
        QCOMPARE(m_server->requestLog().size(), 2);
        QCOMPARE(m_server->requestLog().at(1).header("Idempotency-Key"), key.first().second);
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(reply.at(QStringLiteral("endpoint.id")).toString(), stored.first().id);
        QCOMPARE(reply.object().value(QStringLiteral("signingSecret")).toString(), stored.first().secret);
    }

    // Without a key every arrival is a new create: the client sees the connection closed, and the
    // sandbox holds one endpoint per arrival (secrets the client never saw).
    void dropAfterCommitWithoutKeyLosesTheAnswer() {
        SandboxServer::Options options;
        options.dropAfterCommit = 2;
        start(options);
        const auto lost = m_http->post(collection, layersBody());
        QCOMPARE(lost.status, 0);
        QCOMPARE(lost.error, QNetworkReply::RemoteHostClosedError);
        QVERIFY(!lost.timedOut);
        QCOMPARE(m_server->endpoints(QStringLiteral("layers")).size(), m_server->requestLog().size());
        QVERIFY(m_server->endpoints(QStringLiteral("layers")).size() >= 1);

        // The budget is spent; only creates count (a list in between does not use it up).
        m_server->clearRequestLog();
        QCOMPARE(m_http->post(collection, layersBody()).status, 201);
        m_server->setDropAfterCommit(2);
        QCOMPARE(m_http->get(collection).status, 200);
        QCOMPARE(m_http->post(collection, layersBody()).status, 0);
        // Rejected creates commit nothing and so are answered normally.
        m_server->setDropAfterCommit(1);
        QCOMPARE(m_http->post(collection, QJsonObject{{"url", "nope"}}).status, 422);
    }

    void latencyDelaysAnswersWithoutBlocking() {
        start();
        m_server->setLatencyMs(300);
        QElapsedTimer timer;
        timer.start();
        const auto reply = m_http->get(collection);
        QCOMPARE(reply.status, 200);
        QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));
        m_server->setLatencyMs(0);
        timer.restart();
        QCOMPARE(m_http->get(collection).status, 200);
        QVERIFY(timer.elapsed() < 290);
    }

    void latencyAnswerToAClientThatLeft() {
        start();
        m_server->setLatencyMs(200);
        m_http->setTimeoutMs(50); // gives up and aborts before the answer is due
        QVERIFY(m_http->get(collection).timedOut);
        QTest::qWait(300); // the delayed write finds the socket gone and does nothing
        m_http->setTimeoutMs(5000);
        QCOMPARE(m_http->get(collection).status, 200);
    }

    void failNextAnswers500InTheErrorShape() {
        start();
        m_server->failNext(2);
        for (int i = 0; i < 2; ++i) {
            const auto failed = m_http->post(collection, layersBody());
            QCOMPARE(failed.status, 500);
            QVERIFY(failed.isJson);
            QVERIFY(!failed.at(QStringLiteral("error.message")).toString().isEmpty());
            QVERIFY(!failed.at(QStringLiteral("error.code")).toString().isEmpty());
        }
        QVERIFY(m_server->endpoints(QStringLiteral("layers")).isEmpty()); // nothing committed
        QCOMPARE(m_http->post(collection, layersBody()).status, 201);
    }

    void failRateIsSeeded() {
        SandboxServer::Options options;
        options.seed = 7;
        options.failRate = 0.5;
        QList<int> first;
        QList<int> second;
        for (QList<int> *statuses : {&first, &second}) {
            start(options);
            for (int i = 0; i < 16; ++i)
                *statuses << m_http->get(collection).status;
        }
        QCOMPARE(first, second);
        QVERIFY(first.contains(500));
        QVERIFY(first.contains(200));

        m_server->setFailRate(1.0);
        QCOMPARE(m_http->get(collection).status, 500);
        m_server->setFailRate(0.0);
        QCOMPARE(m_http->get(collection).status, 200);
    }

    void rateLimitNextAnswers429WithRetryAfter() {
        start();
        m_server->rateLimitNext(1);
        const auto limited = m_http->get(collection);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("Retry-After"), QByteArray("1"));
        QVERIFY(!limited.at(QStringLiteral("error.message")).toString().isEmpty());
        QCOMPARE(m_http->get(collection).status, 200);
    }

    void rateLimitBudgetPerSecond() {
        SandboxServer::Options options;
        options.rateLimit = 2;
        start(options);
        // Three requests well inside one second: the third is over the budget.
        QCOMPARE(m_http->get(collection).status, 200);
        QCOMPARE(m_http->get(collection).status, 200);
        const auto limited = m_http->get(collection);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("Retry-After"), QByteArray("1"));
        QTest::qWait(1100); // the next window
        QCOMPARE(m_http->get(collection).status, 200);
    }

    void malformedBodies() {
        start();
        m_server->malformedNext(1, SandboxServer::MalformedBody::Truncated);
        const auto truncated = m_http->post(collection, layersBody());
        QCOMPARE(truncated.status, 201);
        QVERIFY(!truncated.isJson);
        QVERIFY(truncated.body.startsWith('{'));
        QCOMPARE(m_server->endpoints(QStringLiteral("layers")).size(), 1); // the create still happened

        m_server->malformedNext(1, SandboxServer::MalformedBody::WrongTypes);
        const auto wrongTypes = m_http->get(collection);
        QCOMPARE(wrongTypes.status, 200);
        QVERIFY(wrongTypes.isJson);
        QVERIFY(!wrongTypes.object().value(QStringLiteral("data")).isArray());

        m_server->malformedNext(1, SandboxServer::MalformedBody::Html);
        const auto html = m_http->get(collection);
        QCOMPARE(html.status, 200);
        QVERIFY(html.header("Content-Type").startsWith("text/html"));
        QVERIFY(html.body.contains("<html"));

        // Errors are left alone, and the counter is not spent on them.
        m_server->malformedNext(1, SandboxServer::MalformedBody::Html);
        m_http->setDefaultHeader("X-Api-Key", "wrong");
        const auto unauthorized = m_http->get(collection);
        QCOMPARE(unauthorized.status, 401);
        QVERIFY(unauthorized.isJson);
        m_http->setDefaultHeader("X-Api-Key", "sandbox-key");
        QVERIFY(!m_http->get(collection).isJson);
        QVERIFY(m_http->get(collection).isJson);
    }

    void malformedOptionCyclesThroughKinds() {
        SandboxServer::Options options;
        options.malformed = true;
        start(options);
        const auto first = m_http->get(collection);
        const auto second = m_http->get(collection);
        const auto third = m_http->get(collection);
        QVERIFY(!first.isJson);                                             // truncated
        QVERIFY(second.isJson && !second.object().value("data").isArray()); // wrong types
        QVERIFY(third.header("Content-Type").startsWith("text/html"));
        const auto deleted = m_http->del(collection + QStringLiteral("/8e0e5b8e-2f5e-4c43-9a4e-5d0c8a1b2c3d"));
        QCOMPARE(deleted.status, 404); // not a success, so not malformed
        QVERIFY(deleted.isJson);
        m_server->setMalformed(false);
        QVERIFY(m_http->get(collection).isJson);
    }
};

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_SandboxFaults.moc"
