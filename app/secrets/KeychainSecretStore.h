#pragma once

#include "SecretStore.h"

#include <QPointer>

#include <deque>

namespace QKeychain {
class Job;
}

// SecretStore over QtKeychain (on Linux: the Secret Service through libsecret, or KWallet). The one
// file in the project that includes QtKeychain. Insecure fallback is always off: with no keychain,
// calls fail (Unavailable) instead of writing secrets to a plain-text settings file.
//
// QtKeychain jobs must not overlap, so calls are queued and run one at a time, in call order.
class KeychainSecretStore final : public SecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    // Tests pass a unique service so they never touch the operator's real entries.
    explicit KeychainSecretStore(const QString &service = defaultService(), QObject *parent = nullptr);
    // Calls still queued (and the one in flight) are answered Failed: nothing is confirmed stored.
    ~KeychainSecretStore() override;

    static QString defaultService() { return QStringLiteral("webhook-console"); }
    QString service() const { return m_service; }

    void write(const QString &key, const QString &secret, QObject *context, WriteCallback done) override;
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void remove(const QString &key, QObject *context, RemoveCallback done) override;

private:
    enum class Operation { Write, Read, Remove };
    struct Request {
        Operation operation = Operation::Read;
        QString key;
        QString secret; // only for Write
        QPointer<QObject> context;
        WriteCallback writeDone; // Write and Remove
        ReadCallback readDone;
    };

    void enqueue(Request request);
    void startNext();
    void finishCurrent(QKeychain::Job *job);
    void classifyOtherError(const SecretResult &result);
    // Pops the request in flight, starts the next one, and answers the popped one.
    void finishFront(const SecretResult &result, const QString &secret = QString());
    // Answers request later from the event loop, through its context.
    static void deliver(Request request, const SecretResult &result, const QString &secret = QString());

    QString m_service;
    std::deque<Request> m_queue;
    bool m_running = false; // m_queue.front() is in flight (its job, or the classification of its error)
};
