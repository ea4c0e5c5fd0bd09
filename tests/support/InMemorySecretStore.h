#pragma once

#include "SecretStore.h"

#include <QHash>
#include <QMetaObject>
#include <QStringList>

// A SecretStore for unit tests of upper layers: secrets in a hash, callbacks queued through their
// context like the real store's, and switches to make operations fail the way a keychain does.
//
// No Q_OBJECT: it adds no signals or slots, and a header-only class in tests/support is not seen by
// AUTOMOC.
class InMemorySecretStore final : public SecretStore {
public:
    enum class Operation { Write = 0x1, Read = 0x2, Remove = 0x4 };
    Q_DECLARE_FLAGS(Operations, Operation)

    explicit InMemorySecretStore(QObject *parent = nullptr)
        : SecretStore(parent) {}

    // Makes the chosen operations fail with status (Unavailable, Denied, Failed) until
    // clearFailure(). Failed operations change nothing.
    void setFailure(SecretStatus status,
                    Operations operations = Operations(Operation::Write) | Operation::Read | Operation::Remove) {
        m_failure = status;
        m_failingOperations = operations;
    }
    void clearFailure() {
        m_failure = SecretStatus::Ok;
        m_failingKeySuffix.clear();
    }
    // Limits the failure to keys ending in suffix ("/previous": only the previous generation).
    void setFailingKeySuffix(const QString &suffix) { m_failingKeySuffix = suffix; }

    // Inspection for tests; no SecretStore user can reach these.
    bool contains(const QString &key) const { return m_secrets.contains(key); }
    QString secret(const QString &key) const { return m_secrets.value(key); }
    QStringList keys() const { return m_secrets.keys(); }
    int callCount() const { return m_calls; }

    void write(const QString &key, const QString &secret, QObject *context, WriteCallback done) override {
        ++m_calls;
        SecretResult result = failure(Operation::Write, key);
        if (result.ok() && (key.isEmpty() || secret.isEmpty()))
            result = {SecretStatus::Failed, QStringLiteral("Refused to store an empty key or secret.")};
        if (result.ok())
            m_secrets.insert(key, secret);
        post(context, [done = std::move(done), result] {
            if (done)
                done(result);
        });
    }

    void read(const QString &key, QObject *context, ReadCallback done) override {
        ++m_calls;
        SecretResult result = failure(Operation::Read, key);
        QString secret;
        if (result.ok()) {
            if (m_secrets.contains(key))
                secret = m_secrets.value(key);
            else
                result = {SecretStatus::NotFound, QStringLiteral("No secret is stored under this key.")};
        }
        post(context, [done = std::move(done), result, secret] {
            if (done)
                done(result, secret);
        });
    }

    void remove(const QString &key, QObject *context, RemoveCallback done) override {
        ++m_calls;
        const SecretResult result = failure(Operation::Remove, key);
        if (result.ok())
            m_secrets.remove(key);
        post(context, [done = std::move(done), result] {
            if (done)
                done(result);
        });
    }

private:
    SecretResult failure(Operation operation, const QString &key) const {
        if (m_failure == SecretStatus::Ok || !m_failingOperations.testFlag(operation) ||
            !key.endsWith(m_failingKeySuffix))
            return {};
        switch (m_failure) {
        case SecretStatus::Unavailable:
            return {m_failure, QStringLiteral("No keychain is available (simulated).")};
        case SecretStatus::Denied:
            return {m_failure, QStringLiteral("The keychain refused access (simulated).")};
        default:
            return {m_failure, QStringLiteral("The keychain reported an error (simulated).")};
        }
    }

    template <typename Functor> void post(QObject *context, Functor &&functor) {
        Q_ASSERT(context);
        QMetaObject::invokeMethod(context ? context : this, std::forward<Functor>(functor), Qt::QueuedConnection);
    }

    QHash<QString, QString> m_secrets;
    SecretStatus m_failure = SecretStatus::Ok;
    Operations m_failingOperations;
    QString m_failingKeySuffix;
    int m_calls = 0;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(InMemorySecretStore::Operations)
