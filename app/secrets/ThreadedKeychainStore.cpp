#include "ThreadedKeychainStore.h"

#include "KeychainSecretStore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

namespace {

// One keychain thread for the whole process: libsecret binds its shared connection to the Secret
// Service to the thread that first uses it, and a second thread would wait forever for answers
// that go to the first. It ends with the application.
QThread *sharedThread = nullptr;

void stopSharedThread() {
    sharedThread->quit();
    sharedThread->wait();
    delete sharedThread;
    sharedThread = nullptr;
}

QThread *keychainThread() {
    if (!sharedThread) {
        sharedThread = new QThread;
        sharedThread->setObjectName(QStringLiteral("keychain"));
        sharedThread->start();
        qAddPostRoutine(stopSharedThread);
    }
    return sharedThread;
}

} // namespace

ThreadedKeychainStore::ThreadedKeychainStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_store(new KeychainSecretStore(service))
    , m_answers(new QObject) {
    QThread *thread = keychainThread();
    m_store->moveToThread(thread);
    m_answers->moveToThread(thread);
}

ThreadedKeychainStore::~ThreadedKeychainStore() {
    // In the keychain thread, where its QtKeychain jobs live: the store answers what is still
    // queued (Failed), those answers are passed on to this object, and both objects go.
    const auto close = [store = m_store, answers = m_answers] {
        delete store;
        QCoreApplication::sendPostedEvents(answers);
        delete answers;
    };
    if (m_store->thread()->isRunning())
        QMetaObject::invokeMethod(m_answers, close, Qt::BlockingQueuedConnection);
    else
        close();                              // the application has ended the thread already
    QCoreApplication::sendPostedEvents(this); // the last answers, to callers still there
}

// The answer crosses back in two hops: from the keychain thread to this object (which outlives the
// thread), then, in this thread, to the caller's context, which may have gone meanwhile.
template <typename Call, typename Done> void ThreadedKeychainStore::relay(QObject *context, Call call, Done done) {
    Q_ASSERT(context);
    QPointer<QObject> caller(context);
    QMetaObject::invokeMethod(
        m_store,
        [this, call = std::move(call), caller, done = std::move(done)]() mutable {
            call([this, caller, done = std::move(done)](auto... answer) {
                QMetaObject::invokeMethod(
                    this,
                    [caller, done, answer...] {
                        if (caller)
                            done(answer...);
                    },
                    Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void ThreadedKeychainStore::write(const QString &key, const QString &secret, QObject *context, WriteCallback done) {
    relay(
        context,
        [this, key, secret](auto answer) {
            m_store->write(key, secret, m_answers, [answer](const SecretResult &result) { answer(result); });
        },
        std::move(done));
}

void ThreadedKeychainStore::read(const QString &key, QObject *context, ReadCallback done) {
    relay(
        context,
        [this, key](auto answer) {
            m_store->read(key, m_answers,
                          [answer](const SecretResult &result, const QString &secret) { answer(result, secret); });
        },
        std::move(done));
}

void ThreadedKeychainStore::remove(const QString &key, QObject *context, RemoveCallback done) {
    relay(
        context,
        [this, key](auto answer) {
            m_store->remove(key, m_answers, [answer](const SecretResult &result) { answer(result); });
        },
        std::move(done));
}
