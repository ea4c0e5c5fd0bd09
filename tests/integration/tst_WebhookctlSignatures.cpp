// Issue 11's webhookctl commands, the real binary against an in-process sandbox on loopback and
// the real keychain that ./test.sh provides: the previous secret generation a rotate keeps,
// secret import --any-form, sign and verify.
#include "ConnectionStore.h"
#include "CtlProcess.h"
#include "KeychainSecretStore.h"
#include "LocalState.h"
#include "ProviderRegistry.h"
#include "SandboxServer.h"
#include "SecretIndex.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
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
        QStringList arguments{QStringLiteral("-c"), connection, QStringLiteral("create"), QStringLiteral("--url"),
                              QStringLiteral("https://hooks.example.com/") + providerId};
        const ProviderProfile profile = *ProviderRegistry().profile(providerId);
        for (const EventType &event : profile.catalog()) {
            if (event.subscribable)
                arguments << QStringLiteral("--event") << event.type;
        }
        arguments << QStringLiteral("--json");
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
