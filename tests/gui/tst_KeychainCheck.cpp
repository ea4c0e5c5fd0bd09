#include "KeychainCheck.h"
#include "ServiceRig.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <memory>

// View → Check Keychain's walk, against the real keychain (a service name of its own per test).
class TestKeychainCheck : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceRig> m_rig;
    SecretStore *m_keychain = nullptr;
    SecretIndex *m_index = nullptr;
    EndpointService *m_service = nullptr;
    Connection m_connection;

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    void writeBehindTheIndex(const QString &endpointId) {
        bool done = false;
        m_keychain->write(SecretStore::endpointSecretKey(m_connection.id, endpointId), QStringLiteral("whsec_c2VjcmV0"),
                          this, [&](const SecretResult &result) {
                              QVERIFY2(result.ok(), qPrintable(result.errorText));
                              done = true;
                          });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }

    KeychainCheck::Summary run(KeychainCheck &check, bool cancelAtFirstAnswer = false) {
        std::optional<KeychainCheck::Summary> summary;
        int finishedCount = 0;
        connect(&check, &KeychainCheck::finished, this, [&](const KeychainCheck::Summary &result) {
            summary = result;
            ++finishedCount;
        });
        if (cancelAtFirstAnswer)
            connect(&check, &KeychainCheck::progressed, &check, &KeychainCheck::cancel);
        check.start();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(summary.has_value(), 30000); }();
        QTest::qWait(50);
        [&] { QCOMPARE(finishedCount, 1); }();
        return summary.value_or(KeychainCheck::Summary());
    }

private slots:
    void init() {
        m_rig = std::make_unique<ServiceRig>(QStringLiteral("webhook-console-check-"));
        m_keychain = &m_rig->keychain;
        m_index = &m_rig->secretIndex;
        m_service = &m_rig->service;
        m_connection.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_connection.name = QStringLiteral("check");
        m_connection.providerId = QStringLiteral("layers");
        m_connection.baseUrl = QStringLiteral("http://127.0.0.1:9/layers");
    }

    void countsWhatItFoundAndCorrectsTheIndex() {
        const QStringList ids{newId(), newId(), newId(), newId(), newId()};
        writeBehindTheIndex(ids[0]); // stored and on record
        writeBehindTheIndex(ids[1]); // stored, not on record
        QVERIFY(m_index->record(m_connection.id, ids[0], true));
        QVERIFY(m_index->record(m_connection.id, ids[2], true)); // on record, not stored
        QSignalSpy noted(m_service, &EndpointService::secretNoted);

        KeychainCheck check(m_service, m_connection, ids, m_index->storedEndpoints(m_connection.id));
        const KeychainCheck::Summary summary = run(check);
        QCOMPARE(summary.checked, 5);
        QCOMPARE(summary.stored, 2);
        QCOMPARE(summary.missing, 3);
        QCOMPARE(summary.corrected, 2);
        QVERIFY(!summary.cancelled);
        QVERIFY(summary.errorText.isEmpty());
        QCOMPARE(m_index->storedEndpoints(m_connection.id), (QSet<QString>{ids[0], ids[1]}));
        QCOMPARE(noted.count(), 5); // the table hears every answer
    }

    void stopsWhenCancelled() {
        QStringList ids;
        for (int i = 0; i < 40; ++i)
            ids << newId();
        KeychainCheck check(m_service, m_connection, ids, {});
        const KeychainCheck::Summary summary = run(check, true);
        QVERIFY(summary.cancelled);
        QVERIFY2(summary.checked < 40, qPrintable(QString::number(summary.checked)));
        QVERIFY(summary.checked >= 1);
    }

    void anEmptyListFinishesAtOnce() {
        KeychainCheck check(m_service, m_connection, {}, {});
        const KeychainCheck::Summary summary = run(check);
        QCOMPARE(summary.checked, 0);
        QVERIFY(!summary.cancelled);
    }
};

QTEST_MAIN(TestKeychainCheck)
#include "tst_KeychainCheck.moc"
