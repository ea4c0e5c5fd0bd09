// DeliveryInspector matching a delivery on a path no endpoint has by the secret that verifies it:
// only endpoints the secret index lists, a few keychain reads at a time, and none at all when there
// are too many candidates (the diagnosis says to give the endpoint the path). The endpoints come from
// an in-process sandbox over loopback; the keychain is an in-memory store that counts its reads.
#include "DeliveryInspector.h"
#include "EndpointService.h"
#include "InMemorySecretStore.h"
#include "LocalState.h"
#include "PendingCreateJournal.h"
#include "ProviderRegistry.h"
#include "SandboxServer.h"
#include "SecretIndex.h"
#include "SignatureVerifier.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace {

// Counts reads and how many are waiting for their answer at once.
class CountingSecretStore final : public SecretStore {
public:
    void write(const QString &key, const QString &secret, QObject *context, WriteCallback done) override {
        m_inner.write(key, secret, context, std::move(done));
    }
    void read(const QString &key, QObject *context, ReadCallback done) override {
        ++reads;
        maxInFlight = qMax(maxInFlight, ++inFlight);
        m_inner.read(key, context, [this, done = std::move(done)](const SecretResult &result, const QString &secret) {
            --inFlight;
            done(result, secret);
        });
    }
    void remove(const QString &key, QObject *context, RemoveCallback done) override {
        m_inner.remove(key, context, std::move(done));
    }
    int reads = 0;
    int inFlight = 0;
    int maxInFlight = 0;

private:
    InMemorySecretStore m_inner;
};

} // namespace

class TestDeliveryInspector : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalState> m_state;
    std::unique_ptr<PendingCreateJournal> m_journal;
    std::unique_ptr<SecretIndex> m_index;
    std::unique_ptr<CountingSecretStore> m_store;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EndpointService> m_service;
    Connection m_connection;

    // count endpoints, at https://hooks.example.com/in/<i>, each with its secret in the store.
    QStringList createEndpoints(int count) {
        QStringList ids;
        for (int i = 0; i < count; ++i) {
            EndpointDraft draft;
            draft.url = QStringLiteral("https://hooks.example.com/in/%1").arg(i);
            draft.events = {QStringLiteral("job.completed")};
            std::optional<EndpointService::SecretOutcome> created;
            m_service->create(m_connection, draft, this,
                              [&](const EndpointService::SecretOutcome &outcome) { created = outcome; });
            [&] { QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 10000); }();
            if (!created || !created->secretStored()) {
                qWarning() << (!created                     ? QStringLiteral("no answer")
                               : !created->issues.isEmpty() ? created->issues.first().message
                                                            : created->error.toString() + created->keychain.errorText);
                return {};
            }
            ids << created->endpoint.id;
        }
        return ids;
    }

    DeliveryReceiver::Request signedRequest(const QString &path, const QString &endpointId) const {
        DeliveryReceiver::Request request;
        request.id = 1;
        request.method = QStringLiteral("POST");
        request.target = path;
        request.body = R"({"type":"job.completed","data":{}})";
        request.receivedAt = QDateTime::currentDateTimeUtc();
        const QString secret = m_sandbox->endpoint(QStringLiteral("layers"), endpointId)->secret;
        const SignatureScheme scheme = m_service->profileFor(m_connection)->signatureScheme();
        const auto headers = SignatureVerifier(scheme).signedHeaders(request.body, secret, QStringLiteral("msg_1"),
                                                                     QDateTime::currentSecsSinceEpoch());
        for (const auto &[name, value] : *headers)
            request.headers.append({name.toLatin1(), value.toLatin1()});
        return request;
    }

    DeliveryLog::Entry inspect(DeliveryInspector &inspector, const DeliveryReceiver::Request &request) {
        std::optional<DeliveryLog::Entry> judged;
        inspector.inspect(request, this, [&](const DeliveryLog::Entry &entry) { judged = entry; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(judged.has_value(), 10000); }();
        return judged.value_or(DeliveryLog::Entry());
    }

    // An inspector that has listed the endpoints already, and the reads that cost.
    std::unique_ptr<DeliveryInspector> listedInspector() {
        auto inspector = std::make_unique<DeliveryInspector>(m_service.get());
        inspector->setConnections({m_connection}, {m_connection});
        bool listed = false;
        inspector->refresh([&] { listed = true; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(listed, 10000); }();
        return inspector;
    }

private slots:
    void init() {
        m_sandbox = std::make_unique<SandboxServer>();
        QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
        m_dir = std::make_unique<QTemporaryDir>();
        m_state = std::make_unique<LocalState>(m_dir->filePath(QStringLiteral("state.sqlite")));
        m_journal = std::make_unique<PendingCreateJournal>(*m_state, QString());
        m_index = std::make_unique<SecretIndex>(*m_state);
        m_store = std::make_unique<CountingSecretStore>();
        m_network = std::make_unique<QNetworkAccessManager>();
        m_service =
            std::make_unique<EndpointService>(m_network.get(), m_store.get(), m_journal.get(), ProviderRegistry());
        m_service->setSecretIndex(m_index.get());
        m_connection.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_connection.name = QStringLiteral("Layers test");
        m_connection.providerId = QStringLiteral("layers");
        m_connection.baseUrl = m_sandbox->baseUrl(QStringLiteral("layers")).toString();
        m_connection.environment = Environment::Development;
        m_service->useApiKey(m_connection, m_sandbox->options().apiKey);
    }

    void cleanup() {
        m_service.reset();
        m_network.reset();
        m_store.reset();
        m_index.reset();
        m_journal.reset();
        m_state.reset();
        m_dir.reset();
        m_sandbox.reset();
    }

    void anUnknownPathIsMatchedBySecretWithAFewReadsInFlight() {
        const QStringList ids = createEndpoints(8);
        QCOMPARE(ids.size(), 8);
        const auto inspector = listedInspector();
        const int before = m_store->reads;
        const DeliveryLog::Entry entry = inspect(*inspector, signedRequest(QStringLiteral("/elsewhere"), ids.at(5)));
        QCOMPARE(entry.endpointId, ids.at(5));
        QCOMPARE(entry.verdict, QStringLiteral("ok"));
        QVERIFY2(entry.verdictMessage.contains(QStringLiteral("Matched by its signature")),
                 qPrintable(entry.verdictMessage));
        // Several asked for at once, never more than the window; not every endpoint's read.
        QVERIFY2(m_store->maxInFlight > 1 && m_store->maxInFlight <= DeliveryInspector::secretReadsInFlight,
                 qPrintable(QString::number(m_store->maxInFlight)));
        QVERIFY2(m_store->reads - before < ids.size() + 4, qPrintable(QString::number(m_store->reads - before)));
    }

    void tooManyCandidatesAreNotReadAndTheDiagnosisSaysWhy() {
        const QStringList ids = createEndpoints(DeliveryInspector::maxSecretReads + 1);
        QCOMPARE(ids.size(), DeliveryInspector::maxSecretReads + 1);
        const auto inspector = listedInspector();
        const int before = m_store->reads;
        const DeliveryLog::Entry entry = inspect(*inspector, signedRequest(QStringLiteral("/elsewhere"), ids.at(3)));
        QCOMPARE(m_store->reads - before, 0);
        QVERIFY(entry.endpointId.isEmpty());
        QCOMPARE(entry.verdict, QStringLiteral("no-endpoint"));
        QVERIFY2(entry.verdictMessage.contains(QStringLiteral("Not matched: %1 endpoints have a secret, too many")
                                                   .arg(DeliveryInspector::maxSecretReads + 1)),
                 qPrintable(entry.verdictMessage));
        QVERIFY2(entry.verdictMessage.contains(QStringLiteral("a URL with the path /elsewhere")),
                 qPrintable(entry.verdictMessage));
        // On its own path it is matched as ever.
        const DeliveryLog::Entry onPath = inspect(*inspector, signedRequest(QStringLiteral("/in/3"), ids.at(3)));
        QCOMPARE(onPath.endpointId, ids.at(3));
        QCOMPARE(onPath.verdict, QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestDeliveryInspector)
#include "tst_DeliveryInspector.moc"
