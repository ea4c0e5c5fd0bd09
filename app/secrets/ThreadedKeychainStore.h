#pragma once

#include "SecretStore.h"

class KeychainSecretStore;

// A KeychainSecretStore that works in a keychain thread (one for the process, shared by every
// instance); callers use it from theirs, as any SecretStore. The keychain's first answer (loading libsecret, opening an
// encrypted session with the Secret Service) takes tens of milliseconds of steps that each wait for their thread's
// event loop: here they go on while the console builds its window, and no keychain step ever waits for the GUI. Calls
// are still answered one at a time, in call order.
class ThreadedKeychainStore final : public SecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThreadedKeychainStore)

public:
    explicit ThreadedKeychainStore(const QString &service, QObject *parent = nullptr);
    // Calls still queued are answered Failed, as KeychainSecretStore answers them, before this
    // returns (callbacks whose context still exists).
    ~ThreadedKeychainStore() override;

    void write(const QString &key, const QString &secret, QObject *context, WriteCallback done) override;
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void remove(const QString &key, QObject *context, RemoveCallback done) override;

private:
    // Runs call(answer) in the keychain thread; what it passes to answer comes back to this thread and
    // goes to done, unless context is gone by then.
    template <typename Call, typename Done> void relay(QObject *context, Call call, Done done);

    KeychainSecretStore *m_store; // lives in the keychain thread, deleted there
    QObject *m_answers;           // likewise: the context of m_store's callbacks, which outlives it
};
