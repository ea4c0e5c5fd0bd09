// The real webhook-sandbox binary: started with QProcess, URLs read from its output.

#include "HttpTestClient.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString binary = QStringLiteral(WC_BINARY_DIR "/app/webhook-sandbox");

} // namespace

class TestSandboxProcess : public QObject {
    Q_OBJECT

private:
    // Starts the binary and reads its "<provider>  <url>" lines.
    static QMap<QString, QUrl> startSandbox(QProcess &process, const QStringList &arguments,
                                            const QString &apiKey = QString()) {
        if (!apiKey.isEmpty()) {
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("WEBHOOK_SANDBOX_API_KEY"), apiKey);
            process.setProcessEnvironment(environment);
        }
        process.start(binary, arguments);
        if (!process.waitForStarted(10000))
            return {};
        QMap<QString, QUrl> urls;
        QByteArray output;
        while (urls.size() < 4 && process.state() == QProcess::Running) {
            if (!process.canReadLine() && !process.waitForReadyRead(10000))
                break;
            while (process.canReadLine()) {
                const QString line = QString::fromUtf8(process.readLine()).trimmed();
                const QRegularExpressionMatch match =
                    QRegularExpression(QStringLiteral("^([a-z][a-z0-9-]*)  (http://127\\.0\\.0\\.1:\\d+/\\1)$"))
                        .match(line);
                if (match.hasMatch())
                    urls.insert(match.captured(1), QUrl(match.captured(2)));
            }
        }
        return urls;
    }

    static void stop(QProcess &process) {
        process.terminate(); // SIGTERM: must quit cleanly
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

private slots:
    void initTestCase() { QVERIFY2(QFileInfo::exists(binary), qPrintable(binary)); }

    void printsUrlsAndServesDemoData() {
        QProcess process;
        const auto urls = startSandbox(process,
                                       {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                                        QStringLiteral("9"), QStringLiteral("--demo")},
                                       QStringLiteral("k-123"));
        QCOMPARE(urls.keys(), (QStringList{QStringLiteral("encrata"), QStringLiteral("layers"),
                                           QStringLiteral("polyai"), QStringLiteral("signa")}));
        HttpTestClient layers(urls.value(QStringLiteral("layers")));
        layers.setDefaultHeader("X-Api-Key", "k-123");
        const auto list = layers.get(QStringLiteral("/v1/webhook-endpoints"));
        QCOMPARE(list.status, 200);
        QVERIFY(list.object().value(QStringLiteral("data")).toArray().size() >= 4);
        QVERIFY(list.body.contains("\"auto_paused\""));
        layers.setDefaultHeader("X-Api-Key", "sandbox-key");
        QCOMPARE(layers.get(QStringLiteral("/v1/webhook-endpoints")).status, 401);

        HttpTestClient signa(urls.value(QStringLiteral("signa")));
        signa.setDefaultHeader("Authorization", "Bearer k-123");
        const auto created =
            signa.post(QStringLiteral("/v1/webhooks"),
                       {{"url", "https://a.example.com/h"}, {"enabled_events", QJsonArray{"alert.created"}}});
        QCOMPARE(created.status, 201);
        stop(process);
        // The API key never reaches the log.
        QVERIFY(!process.readAllStandardError().contains("k-123"));
    }

    void faultOptionsReachTheServer() {
        QProcess process;
        const auto urls = startSandbox(process, {QStringLiteral("--fail-rate"), QStringLiteral("1")});
        QVERIFY(urls.contains(QStringLiteral("polyai")));
        HttpTestClient polyai(urls.value(QStringLiteral("polyai")));
        polyai.setDefaultHeader("x-api-key", "sandbox-key");
        const auto failed = polyai.get(QStringLiteral("/v1/webhook-endpoints"));
        QCOMPARE(failed.status, 500);
        QVERIFY(failed.object().value(QStringLiteral("message")).isString());
        stop(process);

        QProcess limited;
        const auto limitedUrls = startSandbox(limited, {QStringLiteral("--rate-limit"), QStringLiteral("1")});
        HttpTestClient encrata(limitedUrls.value(QStringLiteral("encrata")));
        encrata.setDefaultHeader("Authorization", "Bearer sandbox-key");
        QCOMPARE(encrata.get(QStringLiteral("/api/webhooks")).status, 200);
        const auto tooMany = encrata.get(QStringLiteral("/api/webhooks"));
        QCOMPARE(tooMany.status, 429);
        QCOMPARE(tooMany.header("Retry-After"), QByteArray("1"));
        stop(limited);
    }

    void stateFileOption() {
        QTemporaryDir dir;
        const QString state = dir.filePath(QStringLiteral("sandbox.json"));
        QProcess process;
        const auto urls = startSandbox(process, {QStringLiteral("--state"), state, QStringLiteral("--development")});
        HttpTestClient layers(urls.value(QStringLiteral("layers")));
        layers.setDefaultHeader("X-Api-Key", "sandbox-key");
        // --development: plain http to localhost is accepted for Layers.
        QCOMPARE(layers
                     .post(QStringLiteral("/v1/webhook-endpoints"),
                           {{"url", "http://localhost:9/hook"}, {"events", QJsonArray{"job.completed"}}})
                     .status,
                 201);
        stop(process);
        QFile file(state);
        QCOMPARE(file.permissions() & ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                                        QFileDevice::WriteUser),
                 QFileDevice::Permissions());

        QProcess again;
        const auto urlsAgain = startSandbox(again, {QStringLiteral("--state"), state});
        HttpTestClient reloaded(urlsAgain.value(QStringLiteral("layers")));
        reloaded.setDefaultHeader("X-Api-Key", "sandbox-key");
        QCOMPARE(reloaded.get(QStringLiteral("/v1/webhook-endpoints")).object().value("data").toArray().size(), 1);
        stop(again);
    }

    void badOptionsExitWithTwo_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("named");
        QTest::newRow("port") << QStringList{"--port", "70000"} << "--port";
        QTest::newRow("seed") << QStringList{"--seed", "-1"} << "--seed";
        QTest::newRow("fail-rate") << QStringList{"--fail-rate", "1.5"} << "--fail-rate";
        QTest::newRow("latency") << QStringList{"--latency-ms", "soon"} << "--latency-ms";
        QTest::newRow("rate-limit") << QStringList{"--rate-limit", "-3"} << "--rate-limit";
        QTest::newRow("drop") << QStringList{"--drop-after-commit", "x"} << "--drop-after-commit";
        QTest::newRow("unknown") << QStringList{"--frobnicate"} << "frobnicate";
    }
    void badOptionsExitWithTwo() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, named);
        QProcess process;
        process.start(binary, arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        const QString error = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(error.contains(named), qPrintable(error));
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }

    void version() {
        QProcess process;
        process.start(binary, {QStringLiteral("--version")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().contains(WEBHOOK_CONSOLE_VERSION));
    }
};

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "tst_SandboxProcess.moc"
