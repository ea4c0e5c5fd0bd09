#include "ThreadedKeychainStore.h"

#include <QRandomGenerator>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <memory>
#include <optional>

// The console's keychain, working in a thread of its own, against the real Secret Service that
// ./test.sh starts. What callers must see is what KeychainSecretStore promises: answers in call
// order, in the caller's thread, never inside the call, dropped for a context that is gone.
class TestThreadedKeychainStore final : public QObject {
    Q_OBJECT

    // A service of this test's own, so nothing here touches another test's entries.
    const QString m_service =
        QStringLiteral("webhook-console-test-threaded-") + QUuid::createUuid().toString(QUuid::Id128);

    static QString randomSecret() {
        QByteArray bytes(24, Qt::Uninitialized);
        QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
        return QStringLiteral("whsec_") + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding));
    }

private slots:
    void answersInOrderInTheCallersThread() {
        ThreadedKeychainStore store(m_service);
        QObject context;
        const QString key = SecretStore::endpointSecretKey(QStringLiteral("threaded"), QStringLiteral("ep_1"));
        const QString secret = randomSecret();
        QStringList order;
        QList<QThread *> threads;
        QString readBack;
        bool returned = false;
        store.write(key, secret, &context, [&](const SecretResult &result) {
            QVERIFY2(result.ok(), qPrintable(result.errorText));
            QVERIFY(returned);
            order << QStringLiteral("write");
            threads << QThread::currentThread();
        });
        store.read(key, &context, [&](const SecretResult &result, const QString &value) {
            QVERIFY2(result.ok(), qPrintable(result.errorText));
            order << QStringLiteral("read");
            threads << QThread::currentThread();
            readBack = value;
        });
        store.remove(key, &context, [&](const SecretResult &result) {
            QVERIFY2(result.ok(), qPrintable(result.errorText));
            order << QStringLiteral("remove");
            threads << QThread::currentThread();
        });
        std::optional<SecretResult> afterRemove;
        store.read(key, &context, [&](const SecretResult &result, const QString &) {
            order << QStringLiteral("read");
            afterRemove = result;
        });
        returned = true;
        QVERIFY(order.isEmpty()); // nothing answered inside a call
        QTRY_VERIFY_WITH_TIMEOUT(afterRemove.has_value(), 20000);
        QCOMPARE(order, QStringList({"write", "read", "remove", "read"}));
        QCOMPARE(readBack, secret);
        QCOMPARE(afterRemove->status, SecretStatus::NotFound);
        for (QThread *thread : std::as_const(threads))
            QCOMPARE(thread, QThread::currentThread());
    }

    void contextGoneDropsItsAnswer() {
        ThreadedKeychainStore store(m_service);
        auto gone = std::make_unique<QObject>();
        QObject stays;
        bool goneCalled = false;
        bool staysCalled = false;
        const QString key = SecretStore::endpointSecretKey(QStringLiteral("threaded"), QStringLiteral("ep_2"));
        store.read(key, gone.get(), [&](const SecretResult &, const QString &) { goneCalled = true; });
        store.read(key, &stays, [&](const SecretResult &result, const QString &) {
            QCOMPARE(result.status, SecretStatus::NotFound);
            staysCalled = true;
        });
        gone.reset();
        QTRY_VERIFY_WITH_TIMEOUT(staysCalled, 20000);
        QVERIFY(!goneCalled);
    }

    // Closing the console with calls queued: each is answered (done or Failed) before the store
    // is gone, and the thread ends; nothing hangs or crashes.
    void destroyedWithCallsQueued() {
        QObject context;
        int answered = 0;
        const int calls = 20;
        {
            ThreadedKeychainStore store(m_service);
            for (int i = 0; i < calls; ++i) {
                const QString key =
                    SecretStore::endpointSecretKey(QStringLiteral("threaded"), QStringLiteral("ep_q%1").arg(i));
                store.read(key, &context, [&](const SecretResult &result, const QString &secret) {
                    QVERIFY(result.status == SecretStatus::NotFound || result.status == SecretStatus::Failed);
                    QVERIFY(secret.isEmpty());
                    ++answered;
                });
            }
        }
        QCOMPARE(answered, calls);
    }
};

QTEST_GUILESS_MAIN(TestThreadedKeychainStore)
#include "tst_ThreadedKeychainStore.moc"
