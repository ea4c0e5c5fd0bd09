// Secret custody across processes: real webhookctl processes create and recover at once on shared
// and separate connections against an in-process sandbox, and are killed with SIGKILL at chosen and
// at random points. Whatever happens, every endpoint that exists at the provider has its secret in
// the (real) keychain or was reported as "secret lost"; an entry whose owner still runs is never
// replayed beside it or settled by another process.
#include "ConnectionStore.h"
#include "KeychainSecretStore.h"
#include "LocalState.h"
#include "PendingCreateJournal.h"
#include "ProviderRegistry.h"
#include "SandboxServer.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace {

struct Run {
    int exitCode = -1; // -1: killed or crashed
    QString out;
    QString err;
};

} // namespace

class TestCustodyProcesses : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_xdg;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    const QString m_apiKey = QStringLiteral("sk_custody_") + QUuid::createUuid().toString(QUuid::Id128);
    QStringList m_errors; // everything webhookctl said on stderr, for "reported as lost"

    QProcessEnvironment environment() const {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_xdg->filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_xdg->filePath(QStringLiteral("data")));
        environment.remove(QStringLiteral("WEBHOOK_API_KEY"));
        return environment;
    }

    std::unique_ptr<QProcess> start(const QStringList &arguments) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment());
        process->start(QStringLiteral(WC_BINARY_DIR "/app/webhookctl"), arguments);
        process->closeWriteChannel();
        if (!process->waitForStarted(5000))
            qWarning() << "webhookctl did not start";
        return process;
    }

    // Waits without blocking the event loop, so the in-process sandbox keeps answering.
    Run finish(QProcess &process, int timeoutMs = 30000) {
        if (process.state() != QProcess::NotRunning &&
            !QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs))
            process.kill();
        process.waitForFinished(1000);
        Run run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
        m_errors << run.err;
        return run;
    }

    Run ctl(const QStringList &arguments) {
        auto process = start(arguments);
        return finish(*process);
    }

    void killNow(QProcess &process) {
        process.kill(); // SIGKILL: no clean-up of any kind
        process.waitForFinished(5000);
        finish(process);
    }

    QString addConnection(const QString &providerId) {
        const QString name = providerId + QStringLiteral("-") + QUuid::createUuid().toString(QUuid::Id128).left(6);
        QProcess process;
        QProcessEnvironment withKey = environment();
        withKey.insert(QStringLiteral("WEBHOOK_API_KEY"), m_apiKey);
        process.setProcessEnvironment(withKey);
        process.start(QStringLiteral(WC_BINARY_DIR "/app/webhookctl"),
                      {QStringLiteral("connection"), QStringLiteral("add"), name, QStringLiteral("--provider"),
                       providerId, QStringLiteral("--base-url"), m_sandbox->baseUrl(providerId).toString()});
        process.closeWriteChannel();
        const Run run = finish(process);
        if (run.exitCode != 0)
            qWarning() << run.err;
        return run.exitCode == 0 ? name : QString();
    }

    QStringList createArguments(const QString &connection, const QString &providerId, const QString &url) const {
        QStringList arguments{QStringLiteral("-c"),    connection, QStringLiteral("create"),
                              QStringLiteral("--url"), url,        QStringLiteral("--request-timeout"),
                              QStringLiteral("2")};
        const ProviderProfile profile = *ProviderRegistry().profile(providerId);
        for (const EventType &event : profile.catalog()) {
            if (event.subscribable) {
                arguments << QStringLiteral("--event") << event.type;
                break;
            }
        }
        if (profile.wireField(QStringLiteral("label")) == QLatin1String("name"))
            arguments << QStringLiteral("--name") << QStringLiteral("custody");
        return arguments;
    }

    QStringList listArguments(const QString &connection) const {
        return {QStringLiteral("-c"), connection, QStringLiteral("list"), QStringLiteral("--request-timeout"),
                QStringLiteral("2")};
    }

    int posts(const QString &providerId) const {
        int count = 0;
        for (const SandboxRequest &request : m_sandbox->requestLog())
            count += request.method == "POST" && request.providerId == providerId;
        return count;
    }

    QList<PendingCreateJournal::Entry> journalEntries() const {
        LocalState state;
        return PendingCreateJournal(state, QString()).unfinished();
    }

    // The secret the keychain holds for the endpoint under any of these connections; empty if none.
    QString storedSecret(const QStringList &connectionNames, const QString &endpointId) {
        ConnectionStore store;
        for (const QString &name : connectionNames) {
            const std::optional<Connection> connection = store.byName(name);
            if (!connection)
                continue;
            std::optional<QString> secret;
            m_keychain->read(SecretStore::endpointSecretKey(connection->id, endpointId), this,
                             [&](const SecretResult &, const QString &value) { secret = value; });
            (void)QTest::qWaitFor([&] { return secret.has_value(); }, 10000);
            if (secret && !secret->isEmpty())
                return *secret;
        }
        return {};
    }

    int lostReports(const QString &url) const {
        int count = 0;
        for (const QString &text : m_errors) {
            for (const QString &line : text.split(QLatin1Char('\n')))
                count += line.contains(url) && line.contains(QStringLiteral("secret was lost"));
        }
        return count;
    }

private slots:
    void initTestCase() {
        m_xdg = std::make_unique<QTemporaryDir>();
        QVERIFY(m_xdg->isValid());
        // This process reads the same state database and settings as the webhookctl it starts.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_xdg->filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_xdg->filePath(QStringLiteral("data"))));
        QCoreApplication::setApplicationName(QStringLiteral("webhook-console"));
        m_keychain = std::make_unique<KeychainSecretStore>();
    }

    void init() {
        SandboxServer::Options options;
        options.apiKey = m_apiKey;
        m_sandbox = std::make_unique<SandboxServer>(options);
        QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
        m_errors.clear();
    }

    // Process A dies mid-create on L1; a list on L1 replays it while process B creates on L2 and
    // dies before storing its secret. B's entry must survive L1's recovery, so that L2's next
    // command recovers B's secret (the JSON journal lost it here).
    void recoveryOnOneConnectionKeepsAnotherProcessesEntry() {
        const QString l1 = addConnection(QStringLiteral("layers"));
        const QString l2 = addConnection(QStringLiteral("signa"));
        QVERIFY(!l1.isEmpty() && !l2.isEmpty());
        m_sandbox->setLatencyMs(1500); // answers come late: time to kill before they arrive

        auto a = start(createArguments(l1, QStringLiteral("layers"), QStringLiteral("https://hooks.example.com/a")));
        QTRY_COMPARE_WITH_TIMEOUT(posts(QStringLiteral("layers")), 1, 10000);
        killNow(*a);
        QCOMPARE(journalEntries().size(), 1);

        auto recovering = start(listArguments(l1) << QStringLiteral("--request-timeout") << QStringLiteral("10"));
        QTRY_COMPARE_WITH_TIMEOUT(posts(QStringLiteral("layers")), 2, 10000); // the replay is in flight
        auto b = start(createArguments(l2, QStringLiteral("signa"), QStringLiteral("https://hooks.example.com/b")));
        QTRY_COMPARE_WITH_TIMEOUT(posts(QStringLiteral("signa")), 1, 10000);
        killNow(*b);

        const Run recovered = finish(*recovering);
        QCOMPARE(recovered.exitCode, 0);
        QVERIFY2(recovered.err.contains(QStringLiteral("Recovered")), qPrintable(recovered.err));
        const QList<PendingCreateJournal::Entry> left = journalEntries();
        QCOMPARE(left.size(), 1); // B's, untouched by L1's recovery
        QCOMPARE(left.first().connectionId, ConnectionStore().byName(l2)->id);

        m_sandbox->setLatencyMs(0);
        const Run second = ctl(listArguments(l2));
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.err.contains(QStringLiteral("Recovered")), qPrintable(second.err));
        QVERIFY(journalEntries().isEmpty());
        for (const QString &provider : {QStringLiteral("layers"), QStringLiteral("signa")}) {
            QCOMPARE(m_sandbox->endpoints(provider).size(), 1); // replayed, never created twice
            const SandboxEndpoint endpoint = m_sandbox->endpoints(provider).first();
            QCOMPARE(storedSecret({l1, l2}, endpoint.id), endpoint.secret);
        }
    }

    // A create still waiting for its provider belongs to its process: another webhookctl neither
    // calls it "never created" (no Idempotency-Key) nor replays it beside it (with one).
    void createInFlightIsLeftToItsOwner_data() {
        QTest::addColumn<QString>("providerId");
        QTest::newRow("encrata: no Idempotency-Key") << QStringLiteral("encrata");
        QTest::newRow("layers: Idempotency-Key") << QStringLiteral("layers");
    }

    void createInFlightIsLeftToItsOwner() {
        QFETCH(QString, providerId);
        const QString connection = addConnection(providerId);
        m_sandbox->setCommitDelayMs(2500); // the provider takes its time to commit
        const QString url = QStringLiteral("https://hooks.example.com/in-flight");
        auto owner = start(createArguments(connection, providerId, url)
                           << QStringLiteral("--request-timeout") << QStringLiteral("20"));
        QTRY_COMPARE_WITH_TIMEOUT(posts(providerId), 1, 10000);
        const qint64 ownerPid = owner->processId();

        const Run other = ctl(listArguments(connection));
        QCOMPARE(other.exitCode, 0);
        QVERIFY2(other.err.contains(QStringLiteral("still in progress in another")), qPrintable(other.err));
        QVERIFY2(other.err.contains(QString::number(ownerPid)), qPrintable(other.err));
        QVERIFY(!other.err.contains(QStringLiteral("never reached")));
        QCOMPARE(posts(providerId), 1); // no replay beside the owner
        const QList<PendingCreateJournal::Entry> entries = journalEntries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().owner.pid, ownerPid);
        QVERIFY(!entries.first().orphanedAt.isValid());

        const Run created = finish(*owner);
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY(journalEntries().isEmpty());
        QCOMPARE(m_sandbox->endpoints(providerId).size(), 1);
        const SandboxEndpoint endpoint = m_sandbox->endpoints(providerId).first();
        QCOMPARE(storedSecret({connection}, endpoint.id), endpoint.secret);
        m_sandbox->setCommitDelayMs(0);
    }

    // Killed while a provider without Idempotency-Key was still committing: the next commands wait
    // out the grace period instead of saying "never created", then report the lost secret once.
    void killedCreateWithoutIdempotencyIsSettledAfterTheGracePeriod() {
        const QString connection = addConnection(QStringLiteral("polyai"));
        m_sandbox->setCommitDelayMs(1500);
        const QString url = QStringLiteral("https://hooks.example.com/late");
        auto owner = start(createArguments(connection, QStringLiteral("polyai"), url));
        QTRY_COMPARE_WITH_TIMEOUT(posts(QStringLiteral("polyai")), 1, 10000);
        killNow(*owner);

        const Run early = ctl(listArguments(connection));
        QCOMPARE(early.exitCode, 0);
        QVERIFY2(early.err.contains(QStringLiteral("may still be committed")), qPrintable(early.err));
        QVERIFY(!early.err.contains(QStringLiteral("never reached")));
        QCOMPARE(journalEntries().size(), 1);

        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->endpoints(QStringLiteral("polyai")).size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(journalEntries().isEmpty() || (ctl(listArguments(connection)), false), 20000);
        QCOMPARE(lostReports(url), 1);
        const Run after = ctl(listArguments(connection));
        QVERIFY(!after.err.contains(QStringLiteral("secret was lost"))); // reported once, not again
        m_sandbox->setCommitDelayMs(0);
    }

    // Two and four processes at once, creating and recovering on two connections of one provider
    // and on a provider without Idempotency-Key, killed at random points, round after round.
    void randomKillsLoseNoSecret() {
        const QStringList layers{addConnection(QStringLiteral("layers")), addConnection(QStringLiteral("layers"))};
        const QStringList encrata{addConnection(QStringLiteral("encrata"))};
        const QStringList all = layers + encrata;
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo() << "seed" << seed;
        QRandomGenerator random(seed);
        const int rounds = 20;
        int started = 0;
        int killed = 0;
        QStringList urls;
        for (int round = 0; round < rounds; ++round) {
            m_sandbox->setLatencyMs(int(random.bounded(300)));
            const int processes = round % 2 == 0 ? 2 : 4;
            std::vector<std::unique_ptr<QProcess>> running;
            for (int i = 0; i < processes; ++i) {
                const QString connection = all.at(int(random.bounded(all.size())));
                const QString providerId =
                    layers.contains(connection) ? QStringLiteral("layers") : QStringLiteral("encrata");
                if (random.bounded(10) < 7) {
                    const QString url = QStringLiteral("https://hooks.example.com/r%1p%2").arg(round).arg(i);
                    urls << url;
                    running.push_back(start(createArguments(connection, providerId, url)));
                } else {
                    running.push_back(start(listArguments(connection)));
                }
                ++started;
            }
            QTest::qWait(int(random.bounded(50, 600)));
            for (auto &process : running) {
                if (process->state() != QProcess::NotRunning && random.bounded(2) == 0) {
                    killNow(*process);
                    ++killed;
                }
            }
            for (auto &process : running)
                finish(*process);
        }

        // Settle what the kills left: commands on every connection until the journal is empty
        // (creates without Idempotency-Key wait out twice the 2 s request timeout).
        m_sandbox->setLatencyMs(0);
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const QString &connection : all)
                    ctl(listArguments(connection));
                return journalEntries().isEmpty();
            },
            60000));

        // No secret and no API key in any file the programs keep (the database with its WAL,
        // the settings), however they were interrupted.
        QStringList secrets{m_apiKey};
        for (const QString &providerId : {QStringLiteral("layers"), QStringLiteral("encrata")}) {
            for (const SandboxEndpoint &endpoint : m_sandbox->endpoints(providerId))
                secrets << endpoint.secret;
        }
        QDirIterator files(m_xdg->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int scanned = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            ++scanned;
            for (const QString &secret : std::as_const(secrets))
                QVERIFY2(!content.contains(secret.toUtf8()), qPrintable(file.fileName()));
        }
        QVERIFY(scanned >= 2); // at least the database and the settings

        int stored = 0;
        int lost = 0;
        int duplicateReports = 0;
        for (const QString &providerId : {QStringLiteral("layers"), QStringLiteral("encrata")}) {
            for (const SandboxEndpoint &endpoint : m_sandbox->endpoints(providerId)) {
                const QString secret =
                    storedSecret(providerId == QLatin1String("layers") ? layers : encrata, endpoint.id);
                if (!secret.isEmpty()) {
                    QCOMPARE(secret, endpoint.secret);
                    ++stored;
                    continue;
                }
                const int reports = lostReports(endpoint.url);
                QVERIFY2(reports >= 1, qPrintable(QStringLiteral("%1 (%2) has no secret and was never reported lost")
                                                      .arg(endpoint.id, endpoint.url)));
                ++lost;
                duplicateReports += reports - 1;
            }
        }
        qInfo().noquote() << QStringLiteral("%1 rounds, %2 processes started, %3 killed, %4 creates: %5 endpoints "
                                            "exist, %6 with their secret stored, %7 reported lost (%8 reported twice)")
                                 .arg(rounds)
                                 .arg(started)
                                 .arg(killed)
                                 .arg(urls.size())
                                 .arg(stored + lost)
                                 .arg(stored)
                                 .arg(lost)
                                 .arg(duplicateReports);
        QVERIFY(stored + lost > 0);
    }
};

QTEST_GUILESS_MAIN(TestCustodyProcesses)
#include "tst_CustodyProcesses.moc"
