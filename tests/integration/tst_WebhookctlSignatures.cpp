// Issue 11's webhookctl commands, the real binary against an in-process sandbox on loopback and
// the real keychain that ./test.sh provides: the previous secret generation a rotate keeps,
// secret import --any-form, sign and verify.
#include "ConnectionStore.h"
#include "CtlProcess.h"
#include "DeliveryJudge.h"
#include "KeychainSecretStore.h"
#include "LocalState.h"
#include "ProviderRegistry.h"
#include "SandboxServer.h"
#include "SecretIndex.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

class TestWebhookctlSignatures : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<KeychainSecretStore> m_keychain; // webhookctl's own service, to look at its entries
    const QString m_apiKey = QStringLiteral("sk_sig_") + QUuid::createUuid().toString(QUuid::Id128);
    QStringList m_outputs; // everything webhookctl printed, for the leak scan
    QStringList m_secrets; // every signing secret in play
    QTemporaryDir m_dir;   // body files
    int m_bodies = 0;
    const QByteArray m_body = "{\"type\":\"job.completed\",\"data\":{\"id\":\"job_1\",\"note\":\"caf\xc3\xa9\"}}";

    CtlRun ctl(const QStringList &arguments, const QByteArray &stdinData = QByteArray()) {
        const CtlRun run = runCtl(arguments, stdinData);
        m_outputs << run.out << run.err;
        return run;
    }

    QString addConnection(const QString &providerId) {
        const QString name = providerId + QStringLiteral("-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("WEBHOOK_API_KEY"), m_apiKey);
        const CtlRun run =
            runCtl({QStringLiteral("connection"), QStringLiteral("add"), name, QStringLiteral("--provider"), providerId,
                    QStringLiteral("--base-url"), m_sandbox->baseUrl(providerId).toString()},
                   QByteArray(), environment);
        if (run.exitCode != 0)
            qWarning() << run.err;
        return run.exitCode == 0 ? name : QString();
    }

    QString connectionId(const QString &name) const {
        const std::optional<Connection> connection = ConnectionStore().byName(name);
        return connection ? connection->id : QString();
    }

    // Creates an endpoint through webhookctl; its id, and its secret noted for the leak scan.
    QString createEndpoint(const QString &connection, const QString &providerId) {
        const QStringList arguments = createArguments(connection, providerId, QStringLiteral("signature receiver"))
                                      << QStringLiteral("--json");
        const CtlRun created = ctl(arguments);
        if (created.exitCode != 0)
            qWarning() << created.err;
        const QString id =
            QJsonDocument::fromJson(created.out.toUtf8()).object().value(QStringLiteral("id")).toString();
        m_secrets << sandboxSecret(providerId, id);
        return id;
    }

    QString sandboxSecret(const QString &providerId, const QString &id) {
        const auto endpoint = m_sandbox->endpoint(providerId, id);
        if (endpoint)
            m_secrets << endpoint->secret;
        return endpoint ? endpoint->secret : QString();
    }

    // What the real keychain holds under key (status, secret), read as webhookctl's service.
    std::pair<SecretStatus, QString> keychainEntry(const QString &key) {
        std::optional<std::pair<SecretStatus, QString>> entry;
        m_keychain->read(key, this, [&](const SecretResult &result, const QString &secret) {
            entry = {result.status, secret};
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(entry.has_value(), 10000); }();
        return entry.value_or(std::pair<SecretStatus, QString>(SecretStatus::Failed, QString()));
    }

    // webhookctl's state database: its application name is webhook-console, this test's is not.
    static QString statePath() {
        return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
               QStringLiteral("/webhook-console/state.sqlite");
    }

    std::optional<QDateTime> previousReplacedAt(const QString &connectionId, const QString &endpointId) const {
        LocalState state(statePath());
        return SecretIndex(state).previousReplacedAt(connectionId, endpointId);
    }

    QString writeBody(const QByteArray &bytes) {
        const QString path = m_dir.filePath(QStringLiteral("body-%1.json").arg(++m_bodies));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(bytes);
        return path;
    }

    // sign's output, one "Name: value" a line, as --header arguments for verify.
    static QStringList headerArguments(const QString &signOutput) {
        QStringList arguments;
        for (const QString &line : signOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            arguments << QStringLiteral("--header") << line;
        return arguments;
    }

    static QString headerValue(const QString &signOutput, const QString &name) {
        for (const QString &line : signOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (line.startsWith(name + QStringLiteral(": ")))
                return line.mid(name.size() + 2);
        }
        return {};
    }

    CtlRun sign(const QString &connection, const QString &id, const QString &bodyFile, const QStringList &extra = {}) {
        return ctl(QStringList{QStringLiteral("-c"), connection, QStringLiteral("sign"), id,
                               QStringLiteral("--body-file"), bodyFile} +
                   extra);
    }

    CtlRun verify(const QString &connection, const QString &id, const QStringList &arguments,
                  const QByteArray &stdinData = QByteArray()) {
        return ctl(QStringList{QStringLiteral("-c"), connection, QStringLiteral("verify"), id} + arguments, stdinData);
    }

    // Stores a made-up Layers secret for id as webhookctl would (its keychain entry, then the index).
    bool storeOtherSecret(const QString &connectionId, const QString &id) {
        QByteArray key(24, Qt::Uninitialized);
        for (char &byte : key)
            byte = char(QRandomGenerator::global()->bounded(256));
        const QString secret = QStringLiteral("whsec_") + QString::fromLatin1(key.toBase64());
        m_secrets << secret;
        std::optional<SecretResult> written;
        m_keychain->write(SecretStore::endpointSecretKey(connectionId, id), secret, this,
                          [&](const SecretResult &result) { written = result; });
        if (!QTest::qWaitFor([&] { return written.has_value(); }, 10000) || !written->ok())
            return false;
        LocalState state(statePath());
        return SecretIndex(state).record(connectionId, id, true);
    }

    static QString verdictLines(const QString &keyword, const QString &message, bool valid = false) {
        return (valid ? QStringLiteral("valid: ") : QStringLiteral("invalid: ")) + keyword + QLatin1Char('\n') +
               message + QLatin1Char('\n');
    }

private slots:
    void initTestCase() {
        QVERIFY2(QDir::homePath().contains(QStringLiteral("webhook-console-test")),
                 "run through ./test.sh: HOME and the keychain must be throwaways");
        SandboxServer::Options options;
        options.apiKey = m_apiKey;
        m_sandbox = std::make_unique<SandboxServer>(options);
        QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
        m_keychain = std::make_unique<KeychainSecretStore>(KeychainSecretStore::defaultService());
    }

    // A rotate keeps the secret it replaced in the keychain, with the time in the database, until
    // "secret forget-previous" or the endpoint's delete removes it.
    void rotateKeepsThePreviousGenerationUntilForgotten() {
        const QString connection = addConnection(QStringLiteral("layers"));
        QVERIFY(!connection.isEmpty());
        const QString id = createEndpoint(connection, QStringLiteral("layers"));
        QVERIFY(!id.isEmpty());
        const QString previousKey = connectionId(connection) + QLatin1Char('/') + id + QStringLiteral("/previous");
        const QString first = sandboxSecret(QStringLiteral("layers"), id);
        QCOMPARE(keychainEntry(previousKey).first, SecretStatus::NotFound);

        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        CtlRun run = ctl({QStringLiteral("-c"), connection, QStringLiteral("rotate-secret"), id});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("Rotated the signing secret of %1.").arg(id));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        const QString second = sandboxSecret(QStringLiteral("layers"), id);
        QVERIFY(second != first);
        auto [status, kept] = keychainEntry(previousKey);
        QCOMPARE(status, SecretStatus::Ok);
        QVERIFY2(kept == first, "the previous generation must be the secret the rotate replaced");
        const std::optional<QDateTime> replacedAt = previousReplacedAt(connectionId(connection), id);
        QVERIFY(replacedAt);
        QVERIFY2(*replacedAt >= before && *replacedAt <= QDateTime::currentDateTimeUtc(),
                 qPrintable(replacedAt->toString(Qt::ISODateWithMs)));

        run = ctl({QStringLiteral("-c"), connection, QStringLiteral("secret"), QStringLiteral("forget-previous"), id});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("The previous signing secret of %1 is no longer kept.").arg(id));
        QCOMPARE(keychainEntry(previousKey).first, SecretStatus::NotFound);
        QVERIFY(!previousReplacedAt(connectionId(connection), id));
        // The current secret stays.
        QCOMPARE(keychainEntry(connectionId(connection) + QLatin1Char('/') + id).second, second);

        // Kept again by the next rotate, and deleted with the endpoint.
        QCOMPARE(ctl({QStringLiteral("-c"), connection, QStringLiteral("rotate-secret"), id}).exitCode, 0);
        sandboxSecret(QStringLiteral("layers"), id);
        QCOMPARE(keychainEntry(previousKey).second, second);
        QCOMPARE(ctl({QStringLiteral("-c"), connection, QStringLiteral("delete"), id}).exitCode, 0);
        QCOMPARE(keychainEntry(previousKey).first, SecretStatus::NotFound);
        QVERIFY(!previousReplacedAt(connectionId(connection), id));

        // forget-previous checks the id like every endpoint command.
        run = ctl({QStringLiteral("-c"), connection, QStringLiteral("secret"), QStringLiteral("forget-previous"),
                   QStringLiteral("api-key")});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.trimmed(), QStringLiteral("webhookctl: \"api-key\" is not a Layers endpoint id."));
    }

    // sign prints the headers the profile's scheme puts on a delivery, and verify accepts them
    // over the same bytes, on every provider's profile (Standard Webhooks with either key reading,
    // Stripe's layout).
    void signThenVerifyOnEveryProfile_data() {
        QTest::addColumn<QString>("providerId");
        for (const char *id : {"layers", "encrata", "signa", "polyai"})
            QTest::newRow(id) << QString::fromLatin1(id);
    }

    void signThenVerifyOnEveryProfile() {
        QFETCH(QString, providerId);
        const SignatureScheme scheme = ProviderRegistry().profile(providerId)->signatureScheme();
        const QString connection = addConnection(providerId);
        const QString id = createEndpoint(connection, providerId);
        QVERIFY(!id.isEmpty());
        const QString body = writeBody(m_body);

        const CtlRun signed_ = sign(connection, id, body);
        QCOMPARE(signed_.exitCode, 0);
        QVERIFY2(signed_.err.isEmpty(), qPrintable(signed_.err));
        QStringList names;
        for (const QString &line : signed_.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            names << line.section(QStringLiteral(": "), 0, 0);
        QCOMPARE(names, scheme.headerNames());
        if (!scheme.idHeader().isEmpty())
            QVERIFY2(QRegularExpression(QStringLiteral("^msg_[A-Za-z0-9]{24}$"))
                         .match(headerValue(signed_.out, scheme.idHeader()))
                         .hasMatch(),
                     qPrintable(signed_.out));

        CtlRun run = verify(connection, id, headerArguments(signed_.out) << QStringLiteral("--body-file") << body);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, verdictLines(QStringLiteral("ok"),
                                       QStringLiteral("Valid: signed with this endpoint's "
                                                      "current secret."),
                                       true));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        // The same bytes on stdin, and --json.
        run = verify(connection, id, headerArguments(signed_.out) << QStringLiteral("--json"), m_body);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("{\"valid\":true,\"diagnosis\":\"ok\",\"message\":\"Valid: signed with this "
                                         "endpoint's current secret.\"}\n"));
    }

    // A delivery signed with another connection's endpoint secret (the staging one, say) is named.
    void anotherEndpointsSecretIsNamed() {
        const QString production = addConnection(QStringLiteral("layers"));
        const QString staging = addConnection(QStringLiteral("layers"));
        const QString mine = createEndpoint(production, QStringLiteral("layers"));
        const QString theirs = createEndpoint(staging, QStringLiteral("layers"));
        QVERIFY(!mine.isEmpty() && !theirs.isEmpty());
        const QString body = writeBody(m_body);
        const CtlRun signed_ = sign(staging, theirs, body);
        QCOMPARE(signed_.exitCode, 0);

        const QString message = QStringLiteral("Signed with the secret of endpoint %1 on connection \"%2\", not this "
                                               "endpoint's: a secret from another endpoint or environment is in use.")
                                    .arg(theirs, staging);
        CtlRun run = verify(production, mine, headerArguments(signed_.out) << QStringLiteral("--body-file") << body);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, verdictLines(QStringLiteral("other-secret"), message));
        run = verify(production, mine,
                     headerArguments(signed_.out) << QStringLiteral("--body-file") << body << QStringLiteral("--json"));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object(),
                 (QJsonObject{{QStringLiteral("valid"), false},
                              {QStringLiteral("diagnosis"), QStringLiteral("other-secret")},
                              {QStringLiteral("message"), message}}));
    }

    // After a rotate, a delivery still signed with the old secret is "previous-secret", with the
    // time it was replaced; once forgotten, nothing in the keychain matches it.
    void oldSecretAfterRotateIsPreviousSecret() {
        const QString connection = addConnection(QStringLiteral("layers"));
        const QString id = createEndpoint(connection, QStringLiteral("layers"));
        const QString body = writeBody(m_body);
        const CtlRun signed_ = sign(connection, id, body);
        QCOMPARE(signed_.exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("-c"), connection, QStringLiteral("rotate-secret"), id}).exitCode, 0);
        sandboxSecret(QStringLiteral("layers"), id);
        const std::optional<QDateTime> replacedAt = previousReplacedAt(connectionId(connection), id);
        QVERIFY(replacedAt);

        const QStringList arguments = headerArguments(signed_.out) << QStringLiteral("--body-file") << body;
        CtlRun run = verify(connection, id, arguments);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, verdictLines(QStringLiteral("previous-secret"),
                                       QStringLiteral("Signed with this endpoint's previous secret, replaced at %1: "
                                                      "the signer still has the secret from before the rotation.")
                                           .arg(replacedAt->toString(Qt::ISODate))));

        QCOMPARE(
            ctl({QStringLiteral("-c"), connection, QStringLiteral("secret"), QStringLiteral("forget-previous"), id})
                .exitCode,
            0);
        run = verify(connection, id, arguments + QStringList{QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("diagnosis")).toString(),
                 QStringLiteral("mismatch"));
    }

    // --received-at is what the tolerance (300 s in the profile) is measured from.
    void staleTimestampAgainstReceivedAt() {
        const QString connection = addConnection(QStringLiteral("encrata"));
        const QString id = createEndpoint(connection, QStringLiteral("encrata"));
        const QString body = writeBody(m_body);
        const CtlRun signed_ =
            sign(connection, id, body, {QStringLiteral("--timestamp"), QStringLiteral("1614265330")});
        QCOMPARE(signed_.exitCode, 0);
        QCOMPARE(headerValue(signed_.out, QStringLiteral("webhook-timestamp")), QStringLiteral("1614265330"));
        const QStringList arguments = headerArguments(signed_.out) << QStringLiteral("--body-file") << body;

        CtlRun run = verify(connection, id, arguments + QStringList{"--received-at", "2021-02-25T15:12:10Z"});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, verdictLines(QStringLiteral("stale-timestamp"),
                                       QStringLiteral("Signed with this endpoint's current secret, but its timestamp "
                                                      "is 600 s (about 10 min) older than the time received "
                                                      "(tolerance 300 s): the clocks differ by that much, or the "
                                                      "delivery was replayed.")));
        run = verify(connection, id, arguments + QStringList{"--received-at", "2021-02-25T16:07:10+01:00"});
        QCOMPARE(run.exitCode, 0); // 300 s: at the edge, still valid
        // With no --received-at the time is now, years after the timestamp.
        run = verify(connection, id, arguments + QStringList{"--json"});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("diagnosis")).toString(),
                 QStringLiteral("stale-timestamp"));
    }

    // The body is read as bytes: one newline more than was signed is a re-encoding, not valid.
    void trailingNewlineIsBodyReencoded() {
        const QString connection = addConnection(QStringLiteral("signa"));
        const QString id = createEndpoint(connection, QStringLiteral("signa"));
        const CtlRun signed_ = sign(connection, id, writeBody(m_body));
        QCOMPARE(signed_.exitCode, 0);
        const CtlRun run = verify(connection, id, headerArguments(signed_.out), m_body + '\n');
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, verdictLines(QStringLiteral("body-reencoded"),
                                       QStringLiteral("Valid for the body with its trailing newline removed: the body "
                                                      "was re-encoded before verification; verify the raw bytes.")));
    }

    // Bad usage exits 2 with the reason on stderr, prints nothing on stdout and nothing from the keychain.
    void badUsageExitsTwo_data() {
        QTest::addColumn<QString>("providerId");
        QTest::addColumn<QStringList>("arguments"); // after "-c NAME"; ID stands for the endpoint's id
        QTest::addColumn<QByteArray>("stdinData");
        QTest::addColumn<QString>("message"); // the first line of stderr
        const QStringList signature{QStringLiteral("--header"), QStringLiteral("webhook-signature: v1,AAAA")};
        QTest::newRow("verify without a body")
            << QStringLiteral("layers") << (QStringList{QStringLiteral("verify"), QStringLiteral("ID")} + signature)
            << QByteArray()
            << QStringLiteral("webhookctl: No body: stdin was empty. Give --body-file F (an empty file for an empty "
                              "body), or pipe the body's bytes in on stdin.");
        QTest::newRow("body file missing")
            << QStringLiteral("layers")
            << QStringList{QStringLiteral("verify"), QStringLiteral("ID"), QStringLiteral("--body-file"),
                           QStringLiteral("/nonexistent/body.json")}
            << QByteArray()
            << QStringLiteral("webhookctl: --body-file: cannot read /nonexistent/body.json: No such file or directory");
        QTest::newRow("malformed header")
            << QStringLiteral("layers")
            << QStringList{QStringLiteral("verify"), QStringLiteral("ID"), QStringLiteral("--header"),
                           QStringLiteral("webhook-signature v1,AAAA")}
            << QByteArray("{}")
            << QStringLiteral("webhookctl: --header expects 'Name: value', not "
                              "\"webhook-signature v1,AAAA\".");
        QTest::newRow("unknown scheme")
            << QStringLiteral("layers")
            << (QStringList{QStringLiteral("verify"), QStringLiteral("ID"), QStringLiteral("--scheme"),
                            QStringLiteral("svix")} +
                signature)
            << QByteArray("{}")
            << QStringLiteral("webhookctl: --scheme expects standard-webhooks, stripe, github, shopify or slack, not "
                              "\"svix\".");
        QTest::newRow("bad RFC 3339")
            << QStringLiteral("layers")
            << (QStringList{QStringLiteral("verify"), QStringLiteral("ID"), QStringLiteral("--received-at"),
                            QStringLiteral("25/02/2021 15:02")} +
                signature)
            << QByteArray("{}")
            << QStringLiteral("webhookctl: --received-at expects an RFC 3339 time with its zone, such as "
                              "2021-02-25T15:02:10Z, not \"25/02/2021 15:02\".");
        QTest::newRow("sign a message id Stripe's layout does not sign")
            << QStringLiteral("signa")
            << QStringList{QStringLiteral("sign"), QStringLiteral("ID"), QStringLiteral("--id"),
                           QStringLiteral("msg_1")}
            << QByteArray("{}") << QStringLiteral("webhookctl: --id: the stripe scheme of Signa signs no message id.");
        QTest::newRow("sign without a body")
            << QStringLiteral("encrata") << QStringList{QStringLiteral("sign"), QStringLiteral("ID")} << QByteArray()
            << QStringLiteral("webhookctl: No body: stdin was empty. Give --body-file F (an empty file for an empty "
                              "body), or pipe the body's bytes in on stdin.");
    }

    void badUsageExitsTwo() {
        QFETCH(QString, providerId);
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, stdinData);
        QFETCH(QString, message);
        const QString connection = addConnection(providerId);
        const QString id = createEndpoint(connection, providerId);
        const QString secret = sandboxSecret(providerId, id);
        QVERIFY(!secret.isEmpty());
        arguments.replace(arguments.indexOf(QStringLiteral("ID")), id);
        const CtlRun run = ctl(QStringList{QStringLiteral("-c"), connection} + arguments, stdinData);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.section(QLatin1Char('\n'), 0, 0), message);
        QCOMPARE(run.out, QString());
        QVERIFY(!run.err.contains(secret));
    }

    // An official Standard Webhooks vector (standard-webhooks/standard-webhooks, libraries/go/
    // webhook_test.go): its secret does not fit Encrata's form (64 hex digits), so only --any-form
    // imports it; then verify accepts the vector's delivery, and sign reproduces its signature.
    void officialVectorImportedWithAnyForm() {
        const QString vectorSecret = QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        m_secrets << vectorSecret;
        const QString connection = addConnection(QStringLiteral("encrata"));
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces); // made elsewhere
        const QStringList import{QStringLiteral("-c"), connection, QStringLiteral("secret"), QStringLiteral("import"),
                                 id};
        CtlRun run = ctl(import, vectorSecret.toUtf8() + '\n');
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.trimmed(), QStringLiteral("webhookctl: The secret does not fit the Encrata form (\"whsec_\" "
                                                   "then 64 characters from 0-9a-f): It has 32 characters after "
                                                   "\"whsec_\", not 64. Nothing was stored; give --any-form to store "
                                                   "it anyway."));
        QCOMPARE(keychainEntry(connectionId(connection) + QLatin1Char('/') + id).first, SecretStatus::NotFound);
        run = ctl(import + QStringList{QStringLiteral("--any-form")}, vectorSecret.toUtf8() + '\n');
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("Stored the signing secret of %1 in the keychain.").arg(id));

        const QByteArray body = R"({"test": 2432232314})";
        const QStringList headers{QStringLiteral("--header"),
                                  QStringLiteral("webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek"),
                                  QStringLiteral("--header"),
                                  QStringLiteral("webhook-timestamp: 1614265330"),
                                  QStringLiteral("--header"),
                                  QStringLiteral("webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")};
        run = verify(connection, id,
                     headers + QStringList{QStringLiteral("--received-at"), QStringLiteral("2021-02-25T15:02:10Z")},
                     body);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, verdictLines(QStringLiteral("ok"),
                                       QStringLiteral("Valid: signed with this endpoint's current secret."), true));

        run = sign(connection, id, writeBody(body),
                   {QStringLiteral("--timestamp"), QStringLiteral("1614265330"), QStringLiteral("--id"),
                    QStringLiteral("msg_p5jXN8AQM9LWM0D4loKWxJek")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek\n"
                                         "webhook-timestamp: 1614265330\n"
                                         "webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=\n"));
    }

    // --scheme replaces the profile's: GitHub's documented vector (github/docs, content/webhooks/
    // using-webhooks/validating-webhook-deliveries.md) on an Encrata endpoint is "other-scheme"
    // under the profile's Standard Webhooks, and valid under --scheme github.
    void schemeOptionReplacesTheProfiles() {
        const QString vectorSecret = QStringLiteral("It's a Secret to Everybody");
        m_secrets << vectorSecret;
        const QString connection = addConnection(QStringLiteral("encrata"));
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        CtlRun run = ctl({QStringLiteral("-c"), connection, QStringLiteral("secret"), QStringLiteral("import"), id,
                          QStringLiteral("--any-form")},
                         vectorSecret.toUtf8() + '\n');
        QCOMPARE(run.exitCode, 0);
        const QStringList delivery{
            QStringLiteral("--header"),
            QStringLiteral("X-Hub-Signature-256: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7"
                           "586c22c46f4379c8b043e17"),
            QStringLiteral("--body-file"), writeBody("Hello, World!")};
        run = verify(connection, id, delivery);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, verdictLines(QStringLiteral("other-scheme"),
                                       QStringLiteral("Valid under the github scheme (header X-Hub-Signature-256), "
                                                      "not standard-webhooks as the profile says: correct the "
                                                      "profile's signature section.")));
        run = verify(connection, id, delivery + QStringList{QStringLiteral("--scheme"), QStringLiteral("github")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, verdictLines(QStringLiteral("ok"),
                                       QStringLiteral("Valid: signed with this endpoint's current secret."), true));
        run = verify(connection, id,
                     delivery +
                         QStringList{QStringLiteral("--scheme"), QStringLiteral("github"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("{\"valid\":true,\"diagnosis\":\"ok\",\"message\":\"Valid: signed with "
                                         "this endpoint's current secret.\"}\n"));
        // Under a scheme the delivery does not follow: said of the scheme asked for, not of the profile.
        run = verify(connection, id, delivery + QStringList{QStringLiteral("--scheme"), QStringLiteral("slack")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, verdictLines(QStringLiteral("other-scheme"),
                                       QStringLiteral("Valid under the github scheme (header X-Hub-Signature-256), "
                                                      "not slack, the scheme checked: the signer follows another "
                                                      "scheme.")));
    }

    // More other endpoints' secrets on record than a judgement reads (after the other tests,
    // which see only a few): the newest DeliveryJudge::maxOtherSecrets are tried, newest first, so a mix-up
    // with a secret just stored is still named; one beyond the bound is not, and the verdict says
    // how many were left untried.
    void otherSecretsAreTriedNewestFirstUpToTheBound() {
        const QString connection = addConnection(QStringLiteral("layers"));
        const QString mine = createEndpoint(connection, QStringLiteral("layers"));
        QVERIFY(!mine.isEmpty());
        const QString id = connectionId(connection);
        QStringList others;
        for (int i = 0; i < DeliveryJudge::maxOtherSecrets + 6; ++i) {
            others << QUuid::createUuid().toString(QUuid::WithoutBraces);
            QVERIFY(storeOtherSecret(id, others.last()));
            QTest::qWait(2); // each its own time on record
        }
        // What the judgement will skip: every other entry of a configured connection past the newest 64.
        QSet<QString> configured;
        for (const Connection &known : ConnectionStore().connections())
            configured.insert(known.id);
        LocalState state(statePath());
        qsizetype onRecord = 0;
        for (const SecretIndex::Entry &entry : SecretIndex(state).allStored())
            onRecord += configured.contains(entry.connectionId) && entry.endpointId != mine ? 1 : 0;
        const qsizetype notTried = onRecord - DeliveryJudge::maxOtherSecrets;
        QVERIFY(notTried >= 6);

        const QString body = writeBody(m_body);
        const CtlRun newest = sign(connection, others.last(), body);
        QCOMPARE(newest.exitCode, 0);
        QElapsedTimer timer;
        timer.start();
        CtlRun run = verify(connection, mine, headerArguments(newest.out) << QStringLiteral("--body-file") << body);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out,
                 verdictLines(QStringLiteral("other-secret"),
                              QStringLiteral("Signed with the secret of endpoint %1 on connection \"%2\", not this "
                                             "endpoint's: a secret from another endpoint or environment is in use.")
                                  .arg(others.last(), connection)));

        const CtlRun oldest = sign(connection, others.first(), body);
        QCOMPARE(oldest.exitCode, 0);
        timer.restart();
        run = verify(connection, mine, headerArguments(oldest.out) << QStringLiteral("--body-file") << body);
        qInfo("a mismatch with %lld other secrets on record: %lld ms", qlonglong(onRecord), timer.elapsed());
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out,
                 verdictLines(QStringLiteral("mismatch"),
                              QStringLiteral("No match: no secret of this endpoint, nor any of the other endpoints' "
                                             "secrets newest on record in the keychain (%1 more on record were not "
                                             "tried), and no re-encoding of the body, key reading, encoding or other "
                                             "scheme makes the signature valid; the body was changed on the way, or "
                                             "it was signed with a secret not tried.")
                                  .arg(notTried)));
    }

    void noSecretInOutputs() {
        QVERIFY(!m_secrets.isEmpty());
        const QStringList needles = m_secrets + QStringList{m_apiKey};
        for (const QString &output : std::as_const(m_outputs)) {
            for (const QString &needle : needles) {
                if (!needle.isEmpty())
                    QVERIFY2(!output.contains(needle), "webhookctl printed a secret or API key");
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestWebhookctlSignatures)
#include "tst_WebhookctlSignatures.moc"
