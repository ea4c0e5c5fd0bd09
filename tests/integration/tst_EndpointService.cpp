// EndpointService end to end: HTTP over loopback to an in-process SandboxServer, secrets into the
// real Secret Service keychain that ./test.sh provides.
#include "ApiClient.h"
#include "EndpointService.h"
#include "InMemorySecretStore.h"
#include "KeychainSecretStore.h"
#include "LocalState.h"
#include "PendingCreateJournal.h"
#include "SandboxServer.h"
#include "SecretIndex.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <tuple>

namespace {

// A keychain that takes writes and never answers: the process "crashes" between the
// provider's response and the keychain write.
class SilentSecretStore final : public SecretStore {
public:
    void write(const QString &, const QString &, QObject *, WriteCallback) override { ++writes; }
    void read(const QString &, QObject *, ReadCallback) override {}
    void remove(const QString &, QObject *, RemoveCallback) override {}
    int writes = 0;
};

// A keychain whose reads wait until the test lets them through: the console's first key read,
// still under way while something else happens.
class HeldSecretStore final : public SecretStore {
public:
    void write(const QString &, const QString &, QObject *, WriteCallback) override {}
    void read(const QString &, QObject *context, ReadCallback done) override {
        m_held.append({QPointer<QObject>(context), std::move(done)});
    }
    void remove(const QString &, QObject *, RemoveCallback) override {}
    int held() const { return int(m_held.size()); }
    void answer(const QString &secret) {
        for (const auto &[context, done] : std::exchange(m_held, {})) {
            if (context)
                done(SecretResult(), secret);
        }
    }

private:
    QList<std::pair<QPointer<QObject>, ReadCallback>> m_held;
};

QByteArray masked(const QString &secret) {
    return secret.isEmpty() ? QByteArray("<empty>")
                            : secret.left(6).toUtf8() + "…(" + QByteArray::number(secret.size()) + ")";
}

} // namespace

class TestEndpointService : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalState> m_state;
    std::unique_ptr<PendingCreateJournal> m_journal;
    std::unique_ptr<EndpointService> m_service;
    QStringList m_secretsSeen; // every secret and API key this test saw, for the leak scan
    const QString m_apiKey = QStringLiteral("sk_test_") + QUuid::createUuid().toString(QUuid::Id128);

    Connection connectionTo(const QString &providerId, const QString &authScheme = QString()) const {
        Connection connection;
        connection.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        connection.name = providerId + QStringLiteral(" test");
        connection.providerId = providerId;
        connection.baseUrl = m_sandbox->baseUrl(providerId).toString();
        connection.environment = Environment::Development;
        connection.authScheme = authScheme;
        return connection;
    }

    std::unique_ptr<EndpointService> makeService(SecretStore *store, PendingCreateJournal *journal) {
        auto service = std::make_unique<EndpointService>(m_network.get(), store, journal, ProviderRegistry());
        ApiClient::Policy policy;
        policy.timeoutMs = 5000;
        policy.backoffBaseMs = 20;
        service->setPolicy(policy);
        return service;
    }

    Connection addConnection(const QString &providerId, const QString &authScheme = QString()) {
        const Connection connection = connectionTo(providerId, authScheme);
        bool stored = false;
        m_service->saveApiKey(connection, m_apiKey, this, [&](const SecretResult &result) {
            QVERIFY2(result.ok(), qPrintable(result.errorText));
            stored = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(stored, 10000); }();
        m_secretsSeen << m_apiKey;
        return connection;
    }

    EndpointDraft draftFor(const QString &providerId) const {
        EndpointDraft draft;
        draft.url = QStringLiteral("https://hooks.example.com/") + providerId;
        const ProviderProfile profile = *ProviderRegistry().profile(providerId);
        for (const EventType &event : profile.catalog()) {
            if (event.subscribable)
                draft.events << event.type;
        }
        draft.label = QStringLiteral("%1 receiver").arg(profile.name());
        return draft;
    }

    EndpointService::SecretOutcome create(EndpointService &service, const Connection &connection,
                                          const EndpointDraft &draft) {
        std::optional<EndpointService::SecretOutcome> outcome;
        service.create(connection, draft, this, [&](const EndpointService::SecretOutcome &o) { outcome = o; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000); }();
        if (outcome && !outcome->unstoredSecret.isEmpty())
            m_secretsSeen << outcome->unstoredSecret;
        return outcome.value_or(EndpointService::SecretOutcome());
    }

    std::pair<SecretResult, QString> readSecret(const Connection &connection, const QString &endpointId) {
        std::optional<std::pair<SecretResult, QString>> read;
        m_service->readSecret(connection, endpointId, this, [&](const SecretResult &result, const QString &secret) {
            read = {result, secret};
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000); }();
        return read.value_or(std::pair<SecretResult, QString>());
    }

    QString sandboxSecret(const QString &providerId, const QString &endpointId) {
        const auto endpoint = m_sandbox->endpoint(providerId, endpointId);
        if (endpoint)
            m_secretsSeen << endpoint->secret;
        return endpoint ? endpoint->secret : QString();
    }

    QList<SandboxRequest> requests(const QByteArray &method, const QString &providerId) const {
        QList<SandboxRequest> matching;
        for (const SandboxRequest &request : m_sandbox->requestLog()) {
            if (request.method == method && request.providerId == providerId)
                matching << request;
        }
        return matching;
    }

    QList<EndpointService::Recovery> recover(EndpointService &service, const Connection &connection) {
        std::optional<QList<EndpointService::Recovery>> reports;
        service.recoverPendingCreates({connection}, this, nullptr, [&](const auto &r) { reports = r; });
        if (!QTest::qWaitFor([&] { return reports.has_value(); }, 20000))
            return {};
        return *reports;
    }

    // A service whose requests time out after a second, so the grace period of a create without an
    // Idempotency-Key (twice the request timeout) is short enough to wait out in a test.
    std::unique_ptr<EndpointService> quickService() {
        auto service = makeService(m_keychain.get(), m_journal.get());
        ApiClient::Policy policy;
        policy.timeoutMs = 1000;
        policy.backoffBaseMs = 20;
        service->setPolicy(policy);
        return service;
    }

    EndpointService::SecretOutcome rotate(EndpointService &service, const Connection &connection, const QString &id) {
        std::optional<EndpointService::SecretOutcome> rotated;
        service.rotateSecret(connection, id, this, [&](const EndpointService::SecretOutcome &o) { rotated = o; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(rotated.has_value(), 10000); }();
        return rotated.value_or(EndpointService::SecretOutcome());
    }

    std::tuple<SecretResult, QString, QDateTime> readPrevious(EndpointService &service, const Connection &connection,
                                                              const QString &id) {
        std::optional<std::tuple<SecretResult, QString, QDateTime>> read;
        service.readPreviousSecret(connection, id, this,
                                   [&](const SecretResult &result, const QString &secret, const QDateTime &at) {
                                       read = std::make_tuple(result, secret, at);
                                   });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000); }();
        return read.value_or(std::make_tuple(SecretResult(), QString(), QDateTime()));
    }

    // After prepare(): with the key still held, nothing is sent on the connection it opened; once
    // the key comes, the list's GET goes on that connection and no second one is opened.
    void listsOnTheOpenedConnection(EndpointService &service, const Connection &connection, HeldSecretStore &keys,
                                    QTcpServer &provider, QTcpSocket *opened) {
        QCOMPARE(keys.held(), 1); // the key is not read yet
        QTest::qWait(200);
        QCOMPARE(opened->bytesAvailable(), 0);

        std::optional<ApiError> listed;
        service.list(connection, this, [&](const ApiError &error, const QList<Endpoint> &) { listed = error; });
        keys.answer(m_apiKey);
        QByteArray request;
        QTRY_VERIFY_WITH_TIMEOUT((request += opened->readAll()).contains("\r\n\r\n"), 5000);
        QVERIFY2(request.startsWith("GET /layers/v1/webhook-endpoints"), request.constData());
        const QByteArray page = R"({"data":[],"nextCursor":null})";
        opened->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(page.size()) + "\r\n\r\n" + page);
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 5000);
        QVERIFY2(!listed->isError(), qPrintable(listed->toString()));
        QVERIFY2(!provider.hasPendingConnections(), "the list opened a second connection");
    }

private slots:
    void initTestCase() {
        m_network = std::make_unique<QNetworkAccessManager>();
        m_keychain = std::make_unique<KeychainSecretStore>(QStringLiteral("webhook-console-test-") +
                                                           QUuid::createUuid().toString(QUuid::WithoutBraces));
    }

    void init() {
        SandboxServer::Options options;
        options.apiKey = m_apiKey;
        m_sandbox = std::make_unique<SandboxServer>(options);
        QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
        m_dir = std::make_unique<QTemporaryDir>();
        m_state = std::make_unique<LocalState>(m_dir->filePath(QStringLiteral("state.sqlite")));
        m_journal = std::make_unique<PendingCreateJournal>(*m_state, QString());
        m_service = makeService(m_keychain.get(), m_journal.get());
    }

    void cleanup() {
        m_service.reset();
        m_journal.reset();
        m_state.reset();
        m_sandbox.reset();
    }

    void everyOperationOnEveryProvider_data() {
        QTest::addColumn<QString>("providerId");
        for (const char *id : {"layers", "encrata", "signa", "polyai"})
            QTest::newRow(id) << QString::fromLatin1(id);
    }

    void everyOperationOnEveryProvider() {
        QFETCH(QString, providerId);
        const Connection connection = addConnection(providerId);
        const ProviderProfile profile = *m_service->profileFor(connection);

        // Create: the secret the provider made is the one in the keychain.
        const auto created = create(*m_service, connection, draftFor(providerId));
        QVERIFY2(created.succeeded(), qPrintable(created.error.toString()));
        QVERIFY2(created.secretStored(), qPrintable(created.keychain.errorText));
        QVERIFY(created.unstoredSecret.isEmpty());
        const QString id = created.endpoint.id;
        QVERIFY(profile.idPattern().match(id).hasMatch());
        QCOMPARE(m_sandbox->endpoints(providerId).size(), 1);
        const auto [stored, secret] = readSecret(connection, id);
        QVERIFY(stored.ok());
        QVERIFY2(secret == sandboxSecret(providerId, id), masked(secret).constData());
        QVERIFY(m_journal->unfinished().isEmpty());

        // The Idempotency-Key goes only to providers that honour one.
        const QList<SandboxRequest> posts = requests("POST", providerId);
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().hasHeader("Idempotency-Key"), profile.sendsIdempotencyKey(QStringLiteral("create")));

        // List and update (only the changed field goes on the wire).
        std::optional<QList<Endpoint>> listed;
        m_service->list(connection, this, [&](const ApiError &error, const QList<Endpoint> &endpoints) {
            QVERIFY2(!error.isError(), qPrintable(error.toString()));
            listed = endpoints;
        });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 10000);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().url, created.endpoint.url);

        EndpointDraft edited = EndpointDraft::fromEndpoint(listed->first());
        edited.label = QStringLiteral("renamed receiver");
        std::optional<EndpointService::UpdateOutcome> updated;
        m_service->update(connection, listed->first(), edited, this,
                          [&](const EndpointService::UpdateOutcome &o) { updated = o; });
        QTRY_VERIFY_WITH_TIMEOUT(updated.has_value(), 10000);
        QVERIFY2(!updated->error.isError(), qPrintable(updated->error.toString()));
        QCOMPARE(updated->endpoint.label, QStringLiteral("renamed receiver"));
        const QJsonObject patchBody =
            QJsonDocument::fromJson(requests(profile.updateMethod().toLatin1(), providerId).last().body).object();
        QCOMPARE(patchBody.keys(), QStringList{profile.wireField(QStringLiteral("label"))});

        // Pause and resume, in the provider's own representation.
        for (const bool active : {false, true}) {
            std::optional<Endpoint> toggled;
            m_service->setActive(connection, id, active, this, [&](const ApiError &error, const Endpoint &endpoint) {
                QVERIFY2(!error.isError(), qPrintable(error.toString()));
                toggled = endpoint;
            });
            QTRY_VERIFY_WITH_TIMEOUT(toggled.has_value(), 10000);
            QCOMPARE(toggled->isActive(), active);
            const QJsonObject body =
                QJsonDocument::fromJson(requests(profile.updateMethod().toLatin1(), providerId).last().body).object();
            QCOMPARE(body.value(profile.statusField()), active ? profile.activateValue() : profile.deactivateValue());
            QCOMPARE(m_sandbox->endpoint(providerId, id)->status == QLatin1String("active"), active);
        }

        // Rotate: the new secret replaces the old one in the keychain, or a clear "not supported".
        std::optional<EndpointService::SecretOutcome> rotated;
        m_service->rotateSecret(connection, id, this, [&](const EndpointService::SecretOutcome &o) { rotated = o; });
        QTRY_VERIFY_WITH_TIMEOUT(rotated.has_value(), 10000);
        if (profile.canRotateSecret()) {
            QVERIFY2(rotated->secretStored(), qPrintable(rotated->error.toString()));
            const auto [result, newSecret] = readSecret(connection, id);
            QVERIFY(newSecret != secret);
            QVERIFY2(newSecret == sandboxSecret(providerId, id), masked(newSecret).constData());
        } else {
            QCOMPARE(rotated->error.kind, ApiError::Kind::Unsupported);
            QVERIFY2(rotated->error.message.contains(QStringLiteral("not supported by ") + profile.name()),
                     qPrintable(rotated->error.message));
        }

        // Test delivery, where there is one.
        std::optional<ApiError> tested;
        m_service->sendTest(connection, id, this, [&](const ApiError &error) { tested = error; });
        QTRY_VERIFY_WITH_TIMEOUT(tested.has_value(), 10000);
        QCOMPARE(tested->kind, profile.canSendTest() ? ApiError::Kind::None : ApiError::Kind::Unsupported);

        // Delete takes the keychain entry with it.
        std::optional<ApiError> removed;
        m_service->remove(connection, id, this, [&](const ApiError &error) { removed = error; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 10000);
        QVERIFY2(!removed->isError(), qPrintable(removed->toString()));
        QVERIFY(m_sandbox->endpoints(providerId).isEmpty());
        QCOMPARE(readSecret(connection, id).first.status, SecretStatus::NotFound);
    }

    // Issue 11: a rotate keeps the secret it replaced as the previous generation, in the real
    // keychain, with the time in the state database; forgetting it, or deleting the endpoint, removes it.
    void rotateKeepsThePreviousGeneration() {
        SecretIndex index(*m_state);
        m_service->setSecretIndex(&index);
        const Connection connection = addConnection(QStringLiteral("layers"));
        const auto created = create(*m_service, connection, draftFor(QStringLiteral("layers")));
        QVERIFY(created.secretStored());
        const QString id = created.endpoint.id;
        const QString first = sandboxSecret(QStringLiteral("layers"), id);
        QCOMPARE(std::get<0>(readPrevious(*m_service, connection, id)).status, SecretStatus::NotFound);

        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        auto rotated = rotate(*m_service, connection, id);
        QVERIFY2(rotated.secretStored(), qPrintable(rotated.error.toString()));
        QVERIFY2(rotated.previousNotKept.isEmpty(), qPrintable(rotated.previousNotKept));
        const QString second = sandboxSecret(QStringLiteral("layers"), id);
        QVERIFY(second != first);
        QCOMPARE(readSecret(connection, id).second, second);
        auto [kept, previous, replacedAt] = readPrevious(*m_service, connection, id);
        QVERIFY2(kept.ok(), qPrintable(kept.errorText));
        QVERIFY2(previous == first, "the previous generation must be the secret the rotate replaced");
        QVERIFY2(replacedAt >= before && replacedAt <= QDateTime::currentDateTimeUtc(),
                 qPrintable(replacedAt.toString(Qt::ISODateWithMs)));
        // The time is in the database, and the database holds no secret.
        QCOMPARE(index.previousReplacedAt(connection.id, id), std::optional<QDateTime>(replacedAt));

        // A second rotate keeps only the generation just before it.
        rotated = rotate(*m_service, connection, id);
        QVERIFY(rotated.secretStored());
        QCOMPARE(std::get<1>(readPrevious(*m_service, connection, id)), second);

        std::optional<SecretResult> forgotten;
        m_service->forgetPreviousSecret(connection, id, this, [&](const SecretResult &r) { forgotten = r; });
        QTRY_VERIFY_WITH_TIMEOUT(forgotten.has_value(), 10000);
        QVERIFY(forgotten->ok());
        QCOMPARE(std::get<0>(readPrevious(*m_service, connection, id)).status, SecretStatus::NotFound);
        QVERIFY(!index.previousReplacedAt(connection.id, id));

        // Kept again, then deleted with the endpoint.
        QVERIFY(rotate(*m_service, connection, id).secretStored());
        QVERIFY(std::get<0>(readPrevious(*m_service, connection, id)).ok());
        QVERIFY(!removeEndpoint(*m_service, connection, id).isError());
        QCOMPARE(std::get<0>(readPrevious(*m_service, connection, id)).status, SecretStatus::NotFound);
        QVERIFY(!index.previousReplacedAt(connection.id, id));
        m_service->setSecretIndex(nullptr);
    }

    // The keychain refuses the previous generation: the rotate still succeeds with the new secret
    // stored, and the outcome says the old one was not kept.
    void refusedPreviousGenerationStillRotates() {
        InMemorySecretStore store;
        auto service = makeService(&store, m_journal.get());
        const Connection connection = connectionTo(QStringLiteral("layers"));
        service->useApiKey(connection, m_apiKey);
        const auto created = create(*service, connection, draftFor(QStringLiteral("layers")));
        QVERIFY(created.secretStored());
        const QString id = created.endpoint.id;
        store.setFailure(SecretStatus::Denied, InMemorySecretStore::Operation::Write);
        store.setFailingKeySuffix(QStringLiteral("/previous"));

        const auto rotated = rotate(*service, connection, id);
        QVERIFY2(rotated.secretStored(), qPrintable(rotated.keychain.errorText));
        QCOMPARE(rotated.previousNotKept, QStringLiteral("The keychain refused access (simulated)."));
        QVERIFY(rotated.unstoredSecret.isEmpty());
        QCOMPARE(store.secret(SecretStore::endpointSecretKey(connection.id, id)),
                 sandboxSecret(QStringLiteral("layers"), id));
        QVERIFY(!store.contains(SecretStore::previousSecretKey(connection.id, id)));
    }

    ApiError removeEndpoint(EndpointService &service, const Connection &connection, const QString &id) {
        std::optional<ApiError> removed;
        service.remove(connection, id, this, [&](const ApiError &error) { removed = error; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 10000); }();
        return removed.value_or(ApiError());
    }

    // A 404 from a base URL that points at the wrong path says nothing about the endpoint: its
    // secret stays. Encrata's error shape ({"error": "..."}) is as generic as a stray server's.
    void notFoundFromAWrongBasePathKeepsTheSecret_data() {
        QTest::addColumn<QString>("providerId");
        QTest::newRow("layers") << QStringLiteral("layers");
        QTest::newRow("encrata") << QStringLiteral("encrata");
    }

    void notFoundFromAWrongBasePathKeepsTheSecret() {
        QFETCH(QString, providerId);
        const Connection connection = addConnection(providerId);
        const auto created = create(*m_service, connection, draftFor(providerId));
        QVERIFY(created.secretStored());

        Connection misdirected = connection;
        misdirected.baseUrl = m_sandbox->baseUrl(providerId).toString() + QStringLiteral("/old-api");
        auto service = makeService(m_keychain.get(), m_journal.get());
        service->useApiKey(misdirected, m_apiKey);
        const ApiError error = removeEndpoint(*service, misdirected, created.endpoint.id);
        QVERIFY(error.isError());
        QCOMPARE(error.httpStatus, 404);
        QCOMPARE(m_sandbox->endpoints(providerId).size(), 1);
        const auto [result, secret] = readSecret(connection, created.endpoint.id);
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(secret, sandboxSecret(providerId, created.endpoint.id));
    }

    // Deleted meanwhile at the provider (another program, the provider's dashboard): the documented
    // not-found, confirmed by a GET and the list, lets the keychain entry go.
    void endpointGoneAtTheProviderLetsTheSecretGo() {
        const Connection connection = addConnection(QStringLiteral("signa"));
        const auto created = create(*m_service, connection, draftFor(QStringLiteral("signa")));
        QVERIFY(created.secretStored());
        auto other = makeService(m_keychain.get(), m_journal.get());
        Connection elsewhere = connection;
        elsewhere.id = QUuid::createUuid().toString(QUuid::WithoutBraces); // deletes no keychain entry of ours
        other->useApiKey(elsewhere, m_apiKey);
        QVERIFY(!removeEndpoint(*other, elsewhere, created.endpoint.id).isError());

        const ApiError error = removeEndpoint(*m_service, connection, created.endpoint.id);
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        QCOMPARE(requests("GET", QStringLiteral("signa")).size(), 2); // the endpoint, then the list
        QCOMPARE(readSecret(connection, created.endpoint.id).first.status, SecretStatus::NotFound);
    }

    // An id a provider lists is not trusted as part of a keychain key: "api-key" would name the
    // connection's API key.
    void unsafeEndpointIdsNeverReachTheKeychain() {
        const Connection connection = addConnection(QStringLiteral("layers"));
        const auto [read, secret] = readSecret(connection, QStringLiteral("api-key"));
        QCOMPARE(read.status, SecretStatus::Failed);
        QVERIFY(secret.isEmpty());
        std::optional<SecretResult> imported;
        m_service->importSecret(connection, QStringLiteral("api-key"), QStringLiteral("whsec_overwrite"), this,
                                [&](const SecretResult &result) { imported = result; });
        QTRY_VERIFY_WITH_TIMEOUT(imported.has_value(), 10000);
        QCOMPARE(imported->status, SecretStatus::Failed);
        // The API key is untouched: the connection still lists.
        std::optional<ApiError> listed;
        m_service->list(connection, this, [&](const ApiError &error, const QList<Endpoint> &) { listed = error; });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 10000);
        QVERIFY2(!listed->isError(), qPrintable(listed->toString()));
    }

    // Every create, import, read and delete puts the keychain's answer on record, so a list can
    // show which endpoints have a secret without asking the keychain.
    void secretIndexFollowsTheKeychain() {
        SecretIndex index(*m_state);
        m_service->setSecretIndex(&index);
        const Connection connection = addConnection(QStringLiteral("signa"));
        const auto created = create(*m_service, connection, draftFor(QStringLiteral("signa")));
        QVERIFY(created.secretStored());
        QCOMPARE(m_service->secretsOnRecord(connection), QSet<QString>{created.endpoint.id});

        // Removed behind our back (another program, a keychain editor): a read puts it right.
        std::optional<SecretResult> removed;
        m_keychain->remove(SecretStore::endpointSecretKey(connection.id, created.endpoint.id), this,
                           [&](const SecretResult &result) { removed = result; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 10000);
        QCOMPARE(readSecret(connection, created.endpoint.id).first.status, SecretStatus::NotFound);
        QVERIFY(m_service->secretsOnRecord(connection).isEmpty());

        std::optional<SecretResult> imported;
        m_service->importSecret(connection, created.endpoint.id, QStringLiteral("whsec_imported0123456789"), this,
                                [&](const SecretResult &result) { imported = result; });
        QTRY_VERIFY_WITH_TIMEOUT(imported.has_value(), 10000);
        QVERIFY(imported->ok());
        QCOMPARE(m_service->secretsOnRecord(connection), QSet<QString>{created.endpoint.id});

        QVERIFY(!removeEndpoint(*m_service, connection, created.endpoint.id).isError());
        QVERIFY(m_service->secretsOnRecord(connection).isEmpty());
        m_service->setSecretIndex(nullptr);
    }

    // The console reads the opening connection's API key while it builds its window: its first list
    // waits for that read instead of making another. A key saved while a read is under way is the
    // one used. (A store that counts its calls; the sandbox refuses any other key.)
    void preparedKeyReadIsSharedAndNeverStale() {
        InMemorySecretStore keys;
        auto service = makeService(&keys, m_journal.get());
        const auto listOn = [&](const Connection &connection) {
            std::optional<ApiError> listed;
            service->list(connection, this, [&](const ApiError &error, const QList<Endpoint> &) { listed = error; });
            [&] { QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 10000); }();
            return listed.value_or(ApiError());
        };

        const Connection connection = connectionTo(QStringLiteral("layers"));
        keys.write(SecretStore::apiKeyKey(connection.id), m_apiKey, this, {});
        int before = keys.callCount();
        service->prepare(connection);
        const ApiError first = listOn(connection);
        QVERIFY2(!first.isError(), qPrintable(first.toString()));
        QCOMPARE(keys.callCount() - before, 1);

        const Connection replaced = connectionTo(QStringLiteral("layers"));
        keys.write(SecretStore::apiKeyKey(replaced.id), QStringLiteral("sk_test_an_old_key"), this, {});
        service->prepare(replaced);                        // reads the old key...
        service->saveApiKey(replaced, m_apiKey, this, {}); // ...which is replaced before the answer is read
        before = keys.callCount();
        const ApiError second = listOn(replaced);
        QVERIFY2(!second.isError(), qPrintable(second.toString()));
        QCOMPARE(keys.callCount() - before, 1); // the list's own read of the new key
    }

    // prepare() also opens the TCP connection to the provider, while the key is still being read;
    // nothing is sent on it until there is a request, which then goes on that same connection.
    void preparingOpensTheProviderConnectionWhileTheKeyIsRead() {
        QTcpServer provider;
        QVERIFY(provider.listen(QHostAddress::LocalHost));
        Connection connection = connectionTo(QStringLiteral("layers"));
        connection.baseUrl = QStringLiteral("http://127.0.0.1:%1/layers").arg(provider.serverPort());
        HeldSecretStore keys;
        auto service = makeService(&keys, m_journal.get());

        service->prepare(connection);
        QTRY_VERIFY_WITH_TIMEOUT(provider.hasPendingConnections(), 5000);
        QTcpSocket *opened = provider.nextPendingConnection();
        listsOnTheOpenedConnection(*service, connection, keys, provider, opened);
    }

    // The same for a provider on https, as every real one is: the TLS handshake is made while the
    // key is read, and the first request goes on that connection instead of making a second.
    // (A throwaway certificate for 127.0.0.1, made by openssl for this test and trusted by this
    // process only.)
    void preparingOpensTheProvidersTlsConnectionWhileTheKeyIsRead() {
        QTemporaryDir dir;
        QProcess openssl;
        openssl.setWorkingDirectory(dir.path());
        openssl.start(QStringLiteral("openssl"),
                      {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
                       "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
        QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0,
                 qPrintable(QStringLiteral("openssl: %1").arg(QString::fromLocal8Bit(openssl.readAllStandardError()))));
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(dir.filePath(QStringLiteral("cert.pem")));
        QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(certificates.size() == 1 && keyFile.open(QIODevice::ReadOnly));
        const QSslKey key(&keyFile, QSsl::Rsa);
        QVERIFY(!key.isNull());

        QSslServer provider;
        QSslConfiguration serverTls = QSslConfiguration::defaultConfiguration();
        serverTls.setLocalCertificate(certificates.first());
        serverTls.setPrivateKey(key);
        serverTls.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificate
        serverTls.setAllowedNextProtocols({QSslConfiguration::NextProtocolHttp1_1});
        provider.setSslConfiguration(serverTls);
        QVERIFY(provider.listen(QHostAddress::LocalHost));
        const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
        const auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(original); });
        QSslConfiguration trusting = original;
        trusting.addCaCertificates(certificates);
        QSslConfiguration::setDefaultConfiguration(trusting);

        Connection connection = connectionTo(QStringLiteral("layers"));
        connection.baseUrl = QStringLiteral("https://127.0.0.1:%1/layers").arg(provider.serverPort());
        HeldSecretStore keys;
        auto service = makeService(&keys, m_journal.get());
        service->prepare(connection);
        QTRY_VERIFY_WITH_TIMEOUT(provider.hasPendingConnections(), 10000); // handshake done
        auto *opened = qobject_cast<QSslSocket *>(provider.nextPendingConnection());
        QVERIFY(opened && opened->isEncrypted());
        listsOnTheOpenedConnection(*service, connection, keys, provider, opened);
    }

    void validationStopsBeforeSending() {
        const Connection connection = addConnection(QStringLiteral("signa"));
        EndpointDraft draft = draftFor(QStringLiteral("signa"));
        draft.events << QStringLiteral("webhook.test");
        const auto outcome = create(*m_service, connection, draft);
        QVERIFY(!outcome.succeeded());
        QCOMPARE(outcome.issues.size(), 1);
        QCOMPARE(outcome.issues.first().field, QStringLiteral("events"));
        QVERIFY(requests("POST", QStringLiteral("signa")).isEmpty());
        QVERIFY(m_journal->unfinished().isEmpty());
    }

    void layersAuthHeaderFollowsTheConnection() {
        const Connection bearer = addConnection(QStringLiteral("layers"), QStringLiteral("bearer"));
        const auto created = create(*m_service, bearer, draftFor(QStringLiteral("layers")));
        QVERIFY(created.succeeded());
        const SandboxRequest post = requests("POST", QStringLiteral("layers")).first();
        QCOMPARE(post.header("Authorization"), "Bearer " + m_apiKey.toUtf8());
        QVERIFY(!post.hasHeader("X-Api-Key"));
        const QByteArray firstKey = post.header("Idempotency-Key");
        QVERIFY(!QUuid::fromString(QString::fromLatin1(firstKey)).isNull());
        const auto second = create(*m_service, bearer, draftFor(QStringLiteral("layers")));
        QVERIFY(second.succeeded());
        QVERIFY(requests("POST", QStringLiteral("layers")).last().header("Idempotency-Key") != firstKey);
    }

    void droppedResponseStillYieldsOneEndpointAndItsSecret() {
        const Connection connection = addConnection(QStringLiteral("layers"));
        m_sandbox->setDropAfterCommit(1);
        const auto outcome = create(*m_service, connection, draftFor(QStringLiteral("layers")));
        QVERIFY2(outcome.secretStored(), qPrintable(outcome.error.toString()));
        QCOMPARE(m_sandbox->endpoints(QStringLiteral("layers")).size(), 1);
        const QList<SandboxRequest> posts = requests("POST", QStringLiteral("layers"));
        QCOMPARE(posts.size(), 2); // the dropped one and its replay, with the same key
        QCOMPARE(posts.at(0).header("Idempotency-Key"), posts.at(1).header("Idempotency-Key"));
        const auto [result, secret] = readSecret(connection, outcome.endpoint.id);
        QVERIFY(secret == sandboxSecret(QStringLiteral("layers"), outcome.endpoint.id));
        QVERIFY(m_journal->unfinished().isEmpty());
    }

    void crashBeforeKeychainWriteIsRecoveredOnRestart() {
        const Connection connection = addConnection(QStringLiteral("signa"));
        {
            SilentSecretStore silent;
            auto crashing = makeService(&silent, m_journal.get());
            crashing->useApiKey(connection, m_apiKey);
            crashing->create(
                connection, draftFor(QStringLiteral("signa")), this,
                [](const EndpointService::SecretOutcome &) { QFAIL("the crashed create must not finish"); });
            QTRY_COMPARE_WITH_TIMEOUT(silent.writes, 1, 10000);
        } // the process dies here: the secret only ever reached memory
        QCOMPARE(m_sandbox->endpoints(QStringLiteral("signa")).size(), 1);

        // Restart: a fresh journal on the database the crashed one left.
        LocalState reopenedState(m_state->filePath());
        PendingCreateJournal reopened(reopenedState, QString());
        QCOMPARE(reopened.unfinished().size(), 1);
        auto restarted = makeService(m_keychain.get(), &reopened);
        std::optional<QList<EndpointService::Recovery>> reports;
        restarted->recoverPendingCreates({connection}, this, nullptr, [&](const auto &r) { reports = r; });
        QTRY_VERIFY_WITH_TIMEOUT(reports.has_value(), 20000);
        QCOMPARE(reports->size(), 1);
        QCOMPARE(reports->first().result, EndpointService::Recovery::Result::SecretStored);
        QCOMPARE(m_sandbox->endpoints(QStringLiteral("signa")).size(), 1); // replayed, not created twice
        const QString id = m_sandbox->endpoints(QStringLiteral("signa")).first().id;
        const auto [result, secret] = readSecret(connection, id);
        QVERIFY(result.ok());
        QVERIFY(secret == sandboxSecret(QStringLiteral("signa"), id));
        QVERIFY(reopened.unfinished().isEmpty());
    }

    void lostResponseWithoutIdempotencyIsReportedNotDuplicated() {
        const Connection connection = addConnection(QStringLiteral("encrata"));
        const auto service = quickService();
        m_sandbox->setDropAfterCommit(1);
        const auto outcome = create(*service, connection, draftFor(QStringLiteral("encrata")));
        QVERIFY(!outcome.succeeded());
        QVERIFY(outcome.mayHaveReachedProvider);
        QCOMPARE(outcome.error.kind, ApiError::Kind::Network);
        QCOMPARE(requests("POST", QStringLiteral("encrata")).size(), 1); // never repeated without a key
        QCOMPARE(m_journal->unfinished().size(), 1);

        // Within the grace period nothing is decided, and nothing is dropped.
        QList<EndpointService::Recovery> reports = recover(*service, connection);
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().result, EndpointService::Recovery::Result::Settling);
        QVERIFY(reports.first().description().contains(draftFor(QStringLiteral("encrata")).url));
        QCOMPARE(m_journal->unfinished().size(), 1);
        QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() > reports.first().settleAt; }, 5000));

        reports = recover(*service, connection);
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().result, EndpointService::Recovery::Result::SecretLost);
        QCOMPARE(reports.first().endpoint.url, draftFor(QStringLiteral("encrata")).url);
        QCOMPARE(m_sandbox->endpoints(QStringLiteral("encrata")).size(), 1);
        QVERIFY(m_journal->unfinished().isEmpty());
    }

    // The provider commits seconds after the request, when the program that sent it gave up (or was
    // killed): a list taken at once does not show it yet, so "never created" would be a lie.
    void lateCommitWithoutIdempotencyIsReportedAfterTheGracePeriod() {
        const Connection connection = addConnection(QStringLiteral("polyai"));
        auto service = makeService(m_keychain.get(), m_journal.get());
        ApiClient::Policy policy;
        policy.timeoutMs = 500;
        service->setPolicy(policy);
        m_sandbox->setCommitDelayMs(1500);
        const auto outcome = create(*service, connection, draftFor(QStringLiteral("polyai")));
        QCOMPARE(outcome.error.kind, ApiError::Kind::Timeout);
        QVERIFY(outcome.mayHaveReachedProvider);

        QList<EndpointService::Recovery> reports = recover(*service, connection);
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().result, EndpointService::Recovery::Result::Settling);
        QVERIFY(m_sandbox->endpoints(QStringLiteral("polyai")).isEmpty()); // not committed yet
        QCOMPARE(m_journal->unfinished().size(), 1);
        QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() > reports.first().settleAt; }, 5000));
        m_sandbox->setCommitDelayMs(0);
        QCOMPARE(m_sandbox->endpoints(QStringLiteral("polyai")).size(), 1); // committed late

        reports = recover(*service, connection);
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().result, EndpointService::Recovery::Result::SecretLost);
        QCOMPARE(reports.first().endpoint.id, m_sandbox->endpoints(QStringLiteral("polyai")).first().id);
        QVERIFY(m_journal->unfinished().isEmpty());
    }

    void reusedKeyWithAnotherBodyIsAConflict() {
        ApiClient client(m_network.get(), connectionTo(QStringLiteral("layers")),
                         *ProviderRegistry().profile(QStringLiteral("layers")), m_apiKey);
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const EndpointDraft draft = draftFor(QStringLiteral("layers"));
        std::optional<ApiError> first, second;
        client.create(client.dialect().createBody(draft), key, this,
                      [&](const ApiError &error, const ProviderDialect::SecretResult &) { first = error; });
        QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), 10000);
        QVERIFY(!first->isError());
        EndpointDraft other = draft;
        other.url = QStringLiteral("https://elsewhere.example.com/hook");
        client.create(client.dialect().createBody(other), key, this,
                      [&](const ApiError &error, const ProviderDialect::SecretResult &) { second = error; });
        QTRY_VERIFY_WITH_TIMEOUT(second.has_value(), 10000);
        QCOMPARE(second->httpStatus, 409);
        QCOMPARE(second->code, QStringLiteral("IDEMPOTENCY_CONFLICT"));
        QCOMPARE(m_sandbox->endpoints(QStringLiteral("layers")).size(), 1);
    }

    void rateLimitWaitsForRetryAfter() {
        const Connection connection = addConnection(QStringLiteral("polyai"));
        m_sandbox->rateLimitNext(1);
        QElapsedTimer timer;
        timer.start();
        std::optional<ApiError> listed;
        m_service->list(connection, this, [&](const ApiError &error, const QList<Endpoint> &) { listed = error; });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 10000);
        QVERIFY2(!listed->isError(), qPrintable(listed->toString()));
        QCOMPARE(requests("GET", QStringLiteral("polyai")).size(), 2);
        QVERIFY2(timer.elapsed() >= 900, "the client must wait for Retry-After: 1");
    }

    void serverErrorsRetryOnlyWhenSafe() {
        const Connection layers = addConnection(QStringLiteral("layers"));
        m_sandbox->failNext(2);
        std::optional<ApiError> listed;
        m_service->list(layers, this, [&](const ApiError &error, const QList<Endpoint> &) { listed = error; });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 10000);
        QVERIFY2(!listed->isError(), qPrintable(listed->toString()));
        QCOMPARE(requests("GET", QStringLiteral("layers")).size(), 3);

        // A POST without an Idempotency-Key is never repeated: a 5xx is reported.
        const Connection polyai = addConnection(QStringLiteral("polyai"));
        const auto service = quickService();
        m_sandbox->failNext(1);
        const auto outcome = create(*service, polyai, draftFor(QStringLiteral("polyai")));
        QCOMPARE(outcome.error.httpStatus, 500);
        QVERIFY(outcome.mayHaveReachedProvider);
        QCOMPARE(requests("POST", QStringLiteral("polyai")).size(), 1);
        // The provider refused before creating anything, and recovery finds that out once the
        // grace period is over.
        QList<EndpointService::Recovery> reports = recover(*service, polyai);
        QCOMPARE(reports.first().result, EndpointService::Recovery::Result::Settling);
        QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() > reports.first().settleAt; }, 5000));
        reports = recover(*service, polyai);
        QCOMPARE(reports.first().result, EndpointService::Recovery::Result::NotCreated);
    }

    void timeoutAndUnreachableHostAreErrors() {
        auto impatient =
            std::make_unique<EndpointService>(m_network.get(), m_keychain.get(), m_journal.get(), ProviderRegistry());
        ApiClient::Policy policy;
        policy.timeoutMs = 300;
        policy.maxAttempts = 2;
        policy.backoffBaseMs = 10;
        impatient->setPolicy(policy);
        Connection connection = connectionTo(QStringLiteral("encrata"));
        impatient->useApiKey(connection, m_apiKey);
        m_sandbox->setLatencyMs(2000);
        std::optional<ApiError> slow;
        impatient->list(connection, this, [&](const ApiError &error, const QList<Endpoint> &) { slow = error; });
        QTRY_VERIFY_WITH_TIMEOUT(slow.has_value(), 10000);
        QCOMPARE(slow->kind, ApiError::Kind::Timeout);

        connection.baseUrl = QStringLiteral("http://127.0.0.1:1/encrata"); // nothing listens on port 1
        impatient->useApiKey(connection, m_apiKey);
        std::optional<ApiError> unreachable;
        impatient->list(connection, this, [&](const ApiError &error, const QList<Endpoint> &) { unreachable = error; });
        QTRY_VERIFY_WITH_TIMEOUT(unreachable.has_value(), 10000);
        QCOMPARE(unreachable->kind, ApiError::Kind::Network);
    }

    void malformedAnswersAreErrorsNotCrashes() {
        const Connection connection = addConnection(QStringLiteral("signa"));
        m_sandbox->setMalformed(true);
        for (int i = 0; i < 4; ++i) { // the sandbox cycles through its kinds of broken body
            std::optional<ApiError> listed;
            m_service->list(connection, this, [&](const ApiError &error, const QList<Endpoint> &) { listed = error; });
            QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 10000);
            QCOMPARE(listed->kind, ApiError::Kind::Malformed);
        }
    }

    // A provider that echoes the refused key in its error text must not put it in our messages.
    void anEchoedApiKeyIsCutOutOfErrors() {
        QTcpServer echo;
        QVERIFY(echo.listen(QHostAddress::LocalHost));
        connect(&echo, &QTcpServer::newConnection, this, [&echo, this] {
            QTcpSocket *socket = echo.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, this] {
                socket->readAll();
                const QByteArray body =
                    "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"invalid API key " + m_apiKey.toUtf8() + "\"}}";
                socket->write("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        });
        Connection connection = connectionTo(QStringLiteral("layers"));
        connection.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(echo.serverPort());
        m_service->useApiKey(connection, m_apiKey);
        std::optional<ApiError> listed;
        m_service->list(connection, this, [&](const ApiError &error, const QList<Endpoint> &) { listed = error; });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 10000);
        QCOMPARE(listed->httpStatus, 401);
        QVERIFY(listed->message.contains(QStringLiteral("[API key]"))); // no message: it would print the key
        QVERIFY(!listed->toString().contains(m_apiKey));
    }

    void insecureBaseUrlsAreRefused() {
        QVERIFY(ApiClient::baseUrlProblem(QStringLiteral("https://api.layers.com")).isEmpty());
        QVERIFY(ApiClient::baseUrlProblem(QStringLiteral("http://127.0.0.1:8080/layers")).isEmpty());
        QVERIFY(ApiClient::baseUrlProblem(QStringLiteral("http://localhost/x")).isEmpty());
        QVERIFY(ApiClient::baseUrlProblem(QStringLiteral("http://[::1]:9/x")).isEmpty());
        QVERIFY(!ApiClient::baseUrlProblem(QStringLiteral("http://api.layers.com")).isEmpty());
        QVERIFY(!ApiClient::baseUrlProblem(QStringLiteral("ftp://api.layers.com")).isEmpty());
        QVERIFY(!ApiClient::baseUrlProblem(QStringLiteral("https://user:pw@api.layers.com")).isEmpty());

        Connection connection = connectionTo(QStringLiteral("layers"));
        connection.baseUrl = QStringLiteral("http://api.layers.com");
        m_service->useApiKey(connection, m_apiKey);
        std::optional<ApiError> listed;
        m_service->list(connection, this, [&](const ApiError &error, const QList<Endpoint> &) { listed = error; });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 5000);
        QCOMPARE(listed->kind, ApiError::Kind::Invalid);
        QCOMPARE(listed->field, QStringLiteral("baseUrl"));
    }

    // Last: nothing this test saw may sit in a file under the test's HOME, outside the keyring's
    // own encrypted store.
    void noSecretReachedADisk() {
        QVERIFY(!m_secretsSeen.isEmpty());
        const QString home = QDir::homePath();
        QVERIFY2(home.contains(QStringLiteral("webhook-console-test")),
                 "run through ./test.sh: HOME must be a throwaway");
        QDirIterator files(home, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
        int scanned = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.size() > 16 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = file.readAll();
            ++scanned;
            for (const QString &secret : std::as_const(m_secretsSeen)) {
                QVERIFY2(!content.contains(secret.toUtf8()),
                         qPrintable(QStringLiteral("a secret was found in %1").arg(file.fileName())));
            }
        }
        QVERIFY(scanned > 0);
    }
};

QTEST_GUILESS_MAIN(TestEndpointService)
#include "tst_EndpointService.moc"
