// Secret custody across processes: real webhookctl processes create and recover at once on shared
// and separate connections against an in-process sandbox, and are killed with SIGKILL at chosen and
// at random points. Whatever happens, every endpoint that exists at the provider has its secret in
// the (real) keychain or was reported as "secret lost"; an entry whose owner still runs is never
// replayed beside it or settled by another process.
#include "CtlProcesses.h"
#include "ProviderRegistry.h"

#include <QDirIterator>
#include <QRandomGenerator>

#include <memory>

class TestCustodyProcesses : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<CtlProcesses> m_ctl;

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

private slots:
    void initTestCase() {
        m_ctl = std::make_unique<CtlProcesses>(QStringLiteral("sk_custody_"));
        QVERIFY(m_ctl->xdg.isValid());
    }

    void init() {
        QString error;
        QVERIFY2(m_ctl->startSandbox(&error), qPrintable(error));
    }

    // Process A dies mid-create on L1; a list on L1 replays it while process B creates on L2 and
    // dies before storing its secret. B's entry must survive L1's recovery, so that L2's next
    // command recovers B's secret (the JSON journal lost it here).
    void recoveryOnOneConnectionKeepsAnotherProcessesEntry() {
        const QString l1 = m_ctl->addConnection(QStringLiteral("layers"));
        const QString l2 = m_ctl->addConnection(QStringLiteral("signa"));
        QVERIFY(!l1.isEmpty() && !l2.isEmpty());
        m_ctl->sandbox->setLatencyMs(1500); // answers come late: time to kill before they arrive

        auto a =
            m_ctl->start(createArguments(l1, QStringLiteral("layers"), QStringLiteral("https://hooks.example.com/a")));
        QTRY_COMPARE_WITH_TIMEOUT(m_ctl->posts(QStringLiteral("layers")), 1, 10000);
        m_ctl->killNow(*a);
        QCOMPARE(CtlProcesses::journalEntries().size(), 1);

        auto recovering =
            m_ctl->start(listArguments(l1) << QStringLiteral("--request-timeout") << QStringLiteral("10"));
        QTRY_COMPARE_WITH_TIMEOUT(m_ctl->posts(QStringLiteral("layers")), 2, 10000); // the replay is in flight
        auto b =
            m_ctl->start(createArguments(l2, QStringLiteral("signa"), QStringLiteral("https://hooks.example.com/b")));
        QTRY_COMPARE_WITH_TIMEOUT(m_ctl->posts(QStringLiteral("signa")), 1, 10000);
        m_ctl->killNow(*b);

        const CtlRun recovered = m_ctl->finish(*recovering);
        QCOMPARE(recovered.exitCode, 0);
        QVERIFY2(recovered.err.contains(QStringLiteral("Recovered")), qPrintable(recovered.err));
        const QList<PendingCreateJournal::Entry> left = CtlProcesses::journalEntries();
        QCOMPARE(left.size(), 1); // B's, untouched by L1's recovery
        QCOMPARE(left.first().connectionId, ConnectionStore().byName(l2)->id);

        m_ctl->sandbox->setLatencyMs(0);
        const CtlRun second = m_ctl->ctl(listArguments(l2));
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.err.contains(QStringLiteral("Recovered")), qPrintable(second.err));
        QVERIFY(CtlProcesses::journalEntries().isEmpty());
        for (const QString &provider : {QStringLiteral("layers"), QStringLiteral("signa")}) {
            QCOMPARE(m_ctl->sandbox->endpoints(provider).size(), 1); // replayed, never created twice
            const SandboxEndpoint endpoint = m_ctl->sandbox->endpoints(provider).first();
            QCOMPARE(m_ctl->storedSecret({l1, l2}, endpoint.id), endpoint.secret);
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
        const QString connection = m_ctl->addConnection(providerId);
        m_ctl->sandbox->setCommitDelayMs(2500); // the provider takes its time to commit
        const QString url = QStringLiteral("https://hooks.example.com/in-flight");
        auto owner = m_ctl->start(createArguments(connection, providerId, url)
                                  << QStringLiteral("--request-timeout") << QStringLiteral("20"));
        QTRY_COMPARE_WITH_TIMEOUT(m_ctl->posts(providerId), 1, 10000);
        const qint64 ownerPid = owner->processId();

        const CtlRun other = m_ctl->ctl(listArguments(connection));
        QCOMPARE(other.exitCode, 0);
        QVERIFY2(other.err.contains(QStringLiteral("still in progress in another")), qPrintable(other.err));
        QVERIFY2(other.err.contains(QString::number(ownerPid)), qPrintable(other.err));
        QVERIFY(!other.err.contains(QStringLiteral("never reached")));
        QCOMPARE(m_ctl->posts(providerId), 1); // no replay beside the owner
        const QList<PendingCreateJournal::Entry> entries = CtlProcesses::journalEntries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().owner.pid, ownerPid);
        QVERIFY(!entries.first().orphanedAt.isValid());

        const CtlRun created = m_ctl->finish(*owner);
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY(CtlProcesses::journalEntries().isEmpty());
        QCOMPARE(m_ctl->sandbox->endpoints(providerId).size(), 1);
        const SandboxEndpoint endpoint = m_ctl->sandbox->endpoints(providerId).first();
        QCOMPARE(m_ctl->storedSecret({connection}, endpoint.id), endpoint.secret);
        m_ctl->sandbox->setCommitDelayMs(0);
    }

    // Killed while a provider without Idempotency-Key was still committing: the next commands wait
    // out the grace period instead of saying "never created", then report the lost secret once.
    void killedCreateWithoutIdempotencyIsSettledAfterTheGracePeriod() {
        const QString connection = m_ctl->addConnection(QStringLiteral("polyai"));
        m_ctl->sandbox->setCommitDelayMs(1500);
        const QString url = QStringLiteral("https://hooks.example.com/late");
        auto owner = m_ctl->start(createArguments(connection, QStringLiteral("polyai"), url));
        QTRY_COMPARE_WITH_TIMEOUT(m_ctl->posts(QStringLiteral("polyai")), 1, 10000);
        m_ctl->killNow(*owner);

        const CtlRun early = m_ctl->ctl(listArguments(connection));
        QCOMPARE(early.exitCode, 0);
        QVERIFY2(early.err.contains(QStringLiteral("may still be committed")), qPrintable(early.err));
        QVERIFY(!early.err.contains(QStringLiteral("never reached")));
        QCOMPARE(CtlProcesses::journalEntries().size(), 1);

        QTRY_COMPARE_WITH_TIMEOUT(m_ctl->sandbox->endpoints(QStringLiteral("polyai")).size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            CtlProcesses::journalEntries().isEmpty() || (m_ctl->ctl(listArguments(connection)), false), 20000);
        QCOMPARE(m_ctl->lostReports(url), 1);
        const CtlRun after = m_ctl->ctl(listArguments(connection));
        QVERIFY(!after.err.contains(QStringLiteral("secret was lost"))); // reported once, not again
        m_ctl->sandbox->setCommitDelayMs(0);
    }

    // Two and four processes at once, creating and recovering on two connections of one provider
    // and on a provider without Idempotency-Key, killed at random points, round after round.
    void randomKillsLoseNoSecret() {
        const QStringList layers{m_ctl->addConnection(QStringLiteral("layers")),
                                 m_ctl->addConnection(QStringLiteral("layers"))};
        const QStringList encrata{m_ctl->addConnection(QStringLiteral("encrata"))};
        const QStringList all = layers + encrata;
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo() << "seed" << seed;
        QRandomGenerator random(seed);
        const int rounds = 20;
        int started = 0;
        int killed = 0;
        QStringList urls;
        for (int round = 0; round < rounds; ++round) {
            m_ctl->sandbox->setLatencyMs(int(random.bounded(300)));
            const int processes = round % 2 == 0 ? 2 : 4;
            std::vector<std::unique_ptr<QProcess>> running;
            for (int i = 0; i < processes; ++i) {
                const QString connection = all.at(int(random.bounded(all.size())));
                const QString providerId =
                    layers.contains(connection) ? QStringLiteral("layers") : QStringLiteral("encrata");
                if (random.bounded(10) < 7) {
                    const QString url = QStringLiteral("https://hooks.example.com/r%1p%2").arg(round).arg(i);
                    urls << url;
                    running.push_back(m_ctl->start(createArguments(connection, providerId, url)));
                } else {
                    running.push_back(m_ctl->start(listArguments(connection)));
                }
                ++started;
            }
            QTest::qWait(int(random.bounded(50, 600)));
            for (auto &process : running) {
                if (process->state() != QProcess::NotRunning && random.bounded(2) == 0) {
                    m_ctl->killNow(*process);
                    ++killed;
                }
            }
            for (auto &process : running)
                m_ctl->finish(*process);
        }

        // Settle what the kills left: commands on every connection until the journal is empty
        // (creates without Idempotency-Key wait out twice the 2 s request timeout).
        m_ctl->sandbox->setLatencyMs(0);
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const QString &connection : all)
                    m_ctl->ctl(listArguments(connection));
                return CtlProcesses::journalEntries().isEmpty();
            },
            60000));

        // No secret and no API key in any file the programs keep (the database with its WAL,
        // the settings), however they were interrupted.
        QStringList secrets{m_ctl->apiKey};
        for (const QString &providerId : {QStringLiteral("layers"), QStringLiteral("encrata")}) {
            for (const SandboxEndpoint &endpoint : m_ctl->sandbox->endpoints(providerId))
                secrets << endpoint.secret;
        }
        QDirIterator files(m_ctl->xdg.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
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
            for (const SandboxEndpoint &endpoint : m_ctl->sandbox->endpoints(providerId)) {
                const QString secret =
                    m_ctl->storedSecret(providerId == QLatin1String("layers") ? layers : encrata, endpoint.id);
                if (!secret.isEmpty()) {
                    QCOMPARE(secret, endpoint.secret);
                    ++stored;
                    continue;
                }
                const int reports = m_ctl->lostReports(endpoint.url);
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
