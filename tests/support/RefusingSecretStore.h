#pragma once

#include "SecretStore.h"

#include <QMetaObject>
#include <QPointer>

// A keychain in front of another (the real one) that refuses to store signing secrets while told
// to, the way a locked keychain or a refused unlock prompt does: writes of endpoint secrets then
// fail with Denied and change nothing; API keys, reads and removes pass through. Header-only, for
// tests; no Q_OBJECT (it adds no signals or slots, and tests/support is not seen by AUTOMOC).
class RefusingSecretStore final : public SecretStore {
public:
    explicit RefusingSecretStore(SecretStore *inner, QObject *parent = nullptr)
        : SecretStore(parent)
        , m_inner(inner) {}

    void setRefusing(bool refusing) { m_refusing = refusing; }
    int refused() const { return m_refused; }

    void write(const QString &key, const QString &secret, QObject *context, WriteCallback done) override {
        if (!m_refusing || key.endsWith(QLatin1String("/api-key")))
            return m_inner->write(key, secret, context, std::move(done));
        ++m_refused;
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done)] {
                done({SecretStatus::Denied, QStringLiteral("The keychain is locked and its unlock was refused "
                                                           "(simulated).")});
            },
            Qt::QueuedConnection);
    }
    void read(const QString &key, QObject *context, ReadCallback done) override {
        m_inner->read(key, context, std::move(done));
    }
    void remove(const QString &key, QObject *context, RemoveCallback done) override {
        m_inner->remove(key, context, std::move(done));
    }

private:
    QPointer<SecretStore> m_inner;
    bool m_refusing = false;
    int m_refused = 0;
};
