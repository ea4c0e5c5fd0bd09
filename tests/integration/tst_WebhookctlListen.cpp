// webhookctl listen end to end: the real binary receives the in-process sandbox's Send Test
// Event, matches it to its endpoint by the URL's path, verifies it against the keychain secret
// and keeps it in the state database; after a rotate, a delivery signed with the old secret is
// diagnosed as signed by the previous one. Run through ./test.sh (throwaway HOME and keychain).
#include "ConnectionStore.h"
#include "CtlProcess.h"
#include "DeliveryLog.h"
#include "DeliveryReceiver.h"
#include "HostileHttpServer.h"
#include "LocalState.h"
#include "SandboxServer.h"

#include <QDir>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

class TestWebhookctlListen : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    const QString m_apiKey = QStringLiteral("sk_listen_") + QUuid::createUuid().toString(QUuid::Id128);
    QTemporaryDir m_dir;
    QStringList m_outputs; // everything webhookctl printed, for the leak scan
    QStringList m_secrets; // every signing secret in play

    // A running "webhookctl listen" and what it printed so far.
    struct Listener {
        std::unique_ptr<QProcess> process;
        quint16 port = 0;
        ~Listener() {
            // A failed check leaves it running: it must not outlive the test.
            if (process && process->state() != QProcess::NotRunning) {
                process->kill();
                process->waitForFinished(5000);
            }
        }
        QString out() const { return QString::fromUtf8(process->property("out").toByteArray()); }
    };

    std::unique_ptr<Listener> startListen(const QStringList &arguments) {
        auto listener = std::make_unique<Listener>();
        listener->process = std::make_unique<QProcess>();
        QProcess *process = listener->process.get();
        connect(process, &QProcess::readyReadStandardOutput, process, [process] {
            process->setProperty("out",
                                 QByteArray(process->property("out").toByteArray() + process->readAllStandardOutput()));
        });
        process->start(QStringLiteral(WC_BINARY_DIR "/app/webhookctl"), arguments);
        if (!process->waitForStarted(5000))
            return listener;
        const QRegularExpression first(QStringLiteral("^listening on 127\\.0\\.0\\.1:(\\d+)\\n"));
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                first.match(listener->out()).hasMatch() || process->state() == QProcess::NotRunning, 15000);
        }();
        listener->port = quint16(first.match(listener->out()).captured(1).toUInt());
        return listener;
    }

    CtlRun ctl(const QStringList &arguments, const QByteArray &stdinData = QByteArray()) {
        const CtlRun run = runCtl(arguments, stdinData);
        m_outputs << run.out << run.err;
        return run;
    }

    QString addConnection() {
        const QString name = QStringLiteral("listen-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("WEBHOOK_API_KEY"), m_apiKey);
        const CtlRun run = runCtl({QStringLiteral("connection"), QStringLiteral("add"), name,
                                   QStringLiteral("--provider"), QStringLiteral("layers"), QStringLiteral("--base-url"),
                                   m_sandbox->baseUrl(QStringLiteral("layers")).toString(),
                                   QStringLiteral("--environment"), QStringLiteral("development")},
                                  QByteArray(), environment);
        if (run.exitCode != 0)
            qWarning() << run.err;
        return run.exitCode == 0 ? name : QString();
    }

    QString createEndpoint(const QString &connection, const QString &url) {
        const CtlRun created =
            ctl({QStringLiteral("-c"), connection, QStringLiteral("create"), QStringLiteral("--url"), url,
                 QStringLiteral("--event"), QStringLiteral("job.completed"), QStringLiteral("--description"),
                 QStringLiteral("listen receiver"), QStringLiteral("--json")});
        if (created.exitCode != 0)
            qWarning() << created.err;
        const QString id =
            QJsonDocument::fromJson(created.out.toUtf8()).object().value(QStringLiteral("id")).toString();
        noteSecret(id);
        return id;
    }

    void noteSecret(const QString &id) {
        if (const auto endpoint = m_sandbox->endpoint(QStringLiteral("layers"), id))
            m_secrets << endpoint->secret;
    }

    // The line listen printed for the index-th delivery (counting from 1), once it is there.
    static QString deliveryLine(const Listener &listener, int index) {
        const QStringList lines = listener.out().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return lines.size() > index ? lines.at(index) : QString();
    }

    // A POST straight to the listener, as a sender would make it; its status.
    int post(quint16 port, const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers,
             const QByteArray &body) {
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = network.post(request, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(15000))
            return -1;
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    static QString statePath() {
        return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
               QStringLiteral("/webhook-console/state.sqlite");
    }

    static void stop(Listener &listener) {
        listener.process->terminate(); // SIGTERM: a normal end, exit status 0
        QVERIFY(listener.process->waitForFinished(10000));
        QCOMPARE(listener.process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(listener.process->exitCode(), 0);
    }

private slots:
    void initTestCase() {
        QVERIFY2(QDir::homePath().contains(QStringLiteral("webhook-console-test")),
                 "run through ./test.sh: HOME and the keychain must be throwaways");
        SandboxServer::Options options;
        options.apiKey = m_apiKey;
        m_sandbox = std::make_unique<SandboxServer>(options);
        m_sandbox->setDevelopment(true); // plain http to localhost is a development URL for Layers
        QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
    }

    void sandboxDeliveryVerifiesThenPreviousSecretIsDiagnosed() {
        const QString connection = addConnection();
        QVERIFY(!connection.isEmpty());
        const QString connectionId = ConnectionStore().byName(connection)->id;
        auto listener = startListen({QStringLiteral("-c"), connection, QStringLiteral("listen"),
                                     QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY2(listener->port != 0, qPrintable(listener->out() + listener->process->readAllStandardError()));

        // Created after listen started: found by listing again when its first delivery arrives.
        const QString id =
            createEndpoint(connection, QStringLiteral("http://localhost:%1/hooks/x").arg(listener->port));
        QVERIFY(!id.isEmpty());
        CtlRun run = ctl({QStringLiteral("-c"), connection, QStringLiteral("test"), id});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QTRY_VERIFY_WITH_TIMEOUT(!deliveryLine(*listener, 1).isEmpty(), 15000);
        const QString first = deliveryLine(*listener, 1);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ POST /hooks/x \\d+ bytes ") +
                               QRegularExpression::escape(id) + QStringLiteral(" ok: "))
                .match(first)
                .hasMatch(),
            qPrintable(first));

        {
            LocalState state(statePath());
            const QList<DeliveryLog::Entry> stored = DeliveryLog(state).recent(1);
            QCOMPARE(stored.size(), 1);
            QCOMPARE(stored.first().endpointId, id);
            QCOMPARE(stored.first().connectionId, connectionId);
            QCOMPARE(stored.first().verdict, QStringLiteral("ok"));
            QCOMPARE(stored.first().path, QStringLiteral("/hooks/x"));
            QCOMPARE(QJsonDocument::fromJson(stored.first().body).object().value("type").toString(),
                     QStringLiteral("webhook.test"));
        }

        // Headers signed with the secret of today, then a rotate: the same delivery is now one
        // signed with the previous secret.
        const QByteArray body = "{\"type\":\"job.completed\",\"data\":{\"id\":\"job_7\"}}";
        const QString bodyFile = m_dir.filePath(QStringLiteral("body.json"));
        QFile file(bodyFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(body);
        file.close();
        run = ctl(
            {QStringLiteral("-c"), connection, QStringLiteral("sign"), id, QStringLiteral("--body-file"), bodyFile});
        QCOMPARE(run.exitCode, 0);
        QList<QPair<QByteArray, QByteArray>> signedHeaders;
        for (const QString &line : run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const qsizetype colon = line.indexOf(QStringLiteral(": "));
            signedHeaders.append({line.left(colon).toLatin1(), line.mid(colon + 2).toLatin1()});
        }
        QVERIFY(!signedHeaders.isEmpty());
        QCOMPARE(ctl({QStringLiteral("-c"), connection, QStringLiteral("rotate-secret"), id}).exitCode, 0);
        noteSecret(id);

        QCOMPARE(post(listener->port, QStringLiteral("/hooks/x"), signedHeaders, body), 200);
        QTRY_VERIFY_WITH_TIMEOUT(!deliveryLine(*listener, 2).isEmpty(), 15000);
        const QString second = deliveryLine(*listener, 2);
        QVERIFY2(second.contains(QStringLiteral(" ") + id + QStringLiteral(" previous-secret: ")), qPrintable(second));

        // Too large a body is refused before it is read, and not stored.
        QCOMPARE(post(listener->port, QStringLiteral("/hooks/x"), signedHeaders,
                      QByteArray(DeliveryReceiver::maxBodyBytes + 1, 'x')),
                 413);
        // A path no endpoint has: answered, kept, and said so.
        QCOMPARE(post(listener->port, QStringLiteral("/elsewhere"), {}, "{}"), 200);
        QTRY_VERIFY_WITH_TIMEOUT(!deliveryLine(*listener, 3).isEmpty(), 15000);
        QVERIFY2(deliveryLine(*listener, 3).contains(QStringLiteral(" /elsewhere 2 bytes - no-endpoint: ")),
                 qPrintable(deliveryLine(*listener, 3)));
        // Signed with another endpoint's secret: named as such, like verify does.
        const QString other =
            createEndpoint(connection, QStringLiteral("http://localhost:%1/hooks/y").arg(listener->port));
        QVERIFY(!other.isEmpty());
        run = ctl(
            {QStringLiteral("-c"), connection, QStringLiteral("sign"), other, QStringLiteral("--body-file"), bodyFile});
        QCOMPARE(run.exitCode, 0);
        QList<QPair<QByteArray, QByteArray>> otherHeaders;
        for (const QString &line : run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const qsizetype colon = line.indexOf(QStringLiteral(": "));
            otherHeaders.append({line.left(colon).toLatin1(), line.mid(colon + 2).toLatin1()});
        }
        QCOMPARE(post(listener->port, QStringLiteral("/hooks/x"), otherHeaders, body), 200);
        QTRY_VERIFY_WITH_TIMEOUT(!deliveryLine(*listener, 4).isEmpty(), 15000);
        QVERIFY2(deliveryLine(*listener, 4).contains(QStringLiteral(" ") + id + QStringLiteral(" other-secret: ")),
                 qPrintable(deliveryLine(*listener, 4)));
        QVERIFY2(deliveryLine(*listener, 4).contains(other), qPrintable(deliveryLine(*listener, 4)));

        {
            LocalState state(statePath());
            const QList<DeliveryLog::Entry> stored = DeliveryLog(state).recent(3);
            QCOMPARE(stored.size(), 3);
            QCOMPARE(stored.at(2).verdict, QStringLiteral("previous-secret"));
            QCOMPARE(stored.at(2).body, body);
            QCOMPARE(stored.at(1).verdict, QStringLiteral("no-endpoint"));
            QCOMPARE(stored.at(0).verdict, QStringLiteral("other-secret"));
        }

        stop(*listener);
        m_outputs << listener->out() << QString::fromUtf8(listener->process->readAllStandardError());
        // The database file, and its write-ahead log, as they lie on disk: owner-only, and not
        // one of the secrets the deliveries were judged with (current and previous) in them.
        QByteArray onDisk;
        for (const QString &file : QStringList{statePath(), statePath() + QStringLiteral("-wal")}) {
            QFile stateFile(file);
            if (!stateFile.exists())
                continue;
            QCOMPARE(stateFile.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            QVERIFY(stateFile.open(QIODevice::ReadOnly));
            onDisk += stateFile.readAll();
        }
        QVERIFY(onDisk.contains(body)); // the scan reads what was kept
        QVERIFY(m_secrets.size() >= 3);
        for (const QString &secret : std::as_const(m_secrets)) {
            QVERIFY(!secret.isEmpty());
            for (const QString &output : std::as_const(m_outputs))
                QVERIFY2(!output.contains(secret), "a signing secret was printed");
            QVERIFY2(!onDisk.contains(secret.toUtf8()), "a signing secret is in the state database");
        }
    }

    // --forward relays the delivery (body and headers), answers with the target's answer, and keeps
    // that answer with the delivery: its status, time and body, the first 64 KiB of a longer one.
    void forwardsAndAnswersWithTheTargetsStatus() {
        QHttpServer target;
        QByteArray forwardedBody;
        QByteArray forwardedHeader;
        const QByteArray page = "<html>" + QByteArray(ForwardOutcome::maxBodyBytes, 'p') + "</html>";
        target.route(QStringLiteral("/in"), [&](const QHttpServerRequest &request) {
            forwardedBody = request.body();
            forwardedHeader = request.value("X-Sample");
            if (request.body().contains("page"))
                return QHttpServerResponse(QByteArrayLiteral("text/html"), page, QHttpServerResponder::StatusCode::Ok);
            return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("accepted"),
                                       QHttpServerResponder::StatusCode::Accepted);
        });
        const quint16 targetPort = target.listen(QHostAddress::LocalHost);
        QVERIFY(targetPort != 0);
        const QString connection = addConnection();
        QVERIFY(!connection.isEmpty());
        {
            // Only the newest delivery is kept from now on: the first test's go as this one comes.
            QSettings settings = ConnectionStore::openSettings();
            settings.setValue(QStringLiteral("deliveries/keep"), 1);
        }
        {
            LocalState state(statePath());
            QVERIFY(DeliveryLog(state).count() > 1);
        }
        auto listener =
            startListen({QStringLiteral("-c"), connection, QStringLiteral("listen"), QStringLiteral("--forward"),
                         QStringLiteral("http://127.0.0.1:%1/in").arg(targetPort)});
        QVERIFY(listener->port != 0);
        QCOMPARE(post(listener->port, QStringLiteral("/nowhere"), {{"X-Sample", "kept"}}, "{\"a\":1}"), 202);
        QCOMPARE(forwardedBody, QByteArray("{\"a\":1}"));
        QCOMPARE(forwardedHeader, QByteArray("kept"));
        QTRY_VERIFY_WITH_TIMEOUT(!deliveryLine(*listener, 1).isEmpty(), 15000);
        QVERIFY2(QRegularExpression(QStringLiteral(" \\(forwarded: 202 in \\d+ ms, answered 8 bytes\\)$"))
                     .match(deliveryLine(*listener, 1))
                     .hasMatch(),
                 qPrintable(deliveryLine(*listener, 1)));
        {
            LocalState state(statePath());
            QCOMPARE(DeliveryLog(state).count(), 1);
            const DeliveryLog::Entry kept = DeliveryLog(state).recent(1).first();
            QCOMPARE(kept.forward.status, 202);
            QVERIFY(kept.forward.ms >= 0);
            QCOMPARE(kept.forward.body, QByteArray("accepted"));
            QVERIFY(!kept.forward.bodyTruncated);
        }

        // A page for an answer: the sender gets all of it, the database its first 64 KiB.
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/nowhere").arg(listener->port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.post(request, QByteArrayLiteral("{\"want\":\"page\"}"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(15000));
        reply->deleteLater();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(reply->readAll(), page);
        QTRY_VERIFY_WITH_TIMEOUT(!deliveryLine(*listener, 2).isEmpty(), 15000);
        QVERIFY2(deliveryLine(*listener, 2)
                     .endsWith(QStringLiteral(" ms, answered more than 64 KiB; the first 64 KiB kept)")),
                 qPrintable(deliveryLine(*listener, 2)));
        LocalState state(statePath());
        const DeliveryLog::Entry kept = DeliveryLog(state).recent(1).first();
        QCOMPARE(kept.forward.status, 200);
        QCOMPARE(kept.forward.body, page.left(ForwardOutcome::maxBodyBytes));
        QVERIFY(kept.forward.bodyTruncated);
        stop(*listener);
    }

    // A target whose answer breaks off halfway: the sender gets 502, not the half as if it were the
    // answer, and the line and the database say what the target did.
    void brokenOffAnswerIsA502() {
        HostileHttpServer target;
        QVERIFY(target.listen());
        HostileHttpServer::Answer answer = HostileHttpServer::Answer::of(HostileHttpServer::Answer::Mode::BrokenOff);
        answer.body = QByteArray(1000, 'h');
        target.script({answer});
        const QString connection = addConnection();
        QVERIFY(!connection.isEmpty());
        auto listener = startListen({QStringLiteral("-c"), connection, QStringLiteral("listen"),
                                     QStringLiteral("--forward"), target.baseUrl().toString() + QStringLiteral("/in")});
        QVERIFY(listener->port != 0);
        QCOMPARE(post(listener->port, QStringLiteral("/nowhere"), {}, "{\"a\":1}"), 502);
        QCOMPARE(target.requests().size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!deliveryLine(*listener, 1).isEmpty(), 15000);
        QVERIFY2(
            deliveryLine(*listener, 1)
                .contains(QStringLiteral(" (forward failed: The target answered 200, then its answer broke off: ")),
            qPrintable(deliveryLine(*listener, 1)));
        LocalState state(statePath());
        const DeliveryLog::Entry kept = DeliveryLog(state).recent(1).first();
        QCOMPARE(kept.forward.status, 0);
        QVERIFY(kept.forward.body.isEmpty());
        QVERIFY(kept.forward.error.contains(QStringLiteral("answered 200")));
        stop(*listener);
    }
};

QTEST_GUILESS_MAIN(TestWebhookctlListen)
#include "tst_WebhookctlListen.moc"
