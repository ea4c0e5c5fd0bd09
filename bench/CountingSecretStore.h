#pragma once

#include "SecretStore.h"

#include <QPointer>

// A SecretStore that counts the calls made to the store it wraps (the real keychain), so the
// console bench can tell how many keychain calls a load costs. Reads are counted apart: a
// connection's API key ("<connection>/api-key") and endpoint signing secrets.
class CountingSecretStore final : public SecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CountingSecretStore)

public:
    struct Counts {
        int apiKeyReads = 0;
        int secretReads = 0;
        int writes = 0;
        int removes = 0;
    };

    explicit CountingSecretStore(SecretStore *inner, QObject *parent = nullptr);

    Counts counts() const { return m_counts; }

    void write(const QString &key, const QString &secret, QObject *context, WriteCallback done) override;
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void remove(const QString &key, QObject *context, RemoveCallback done) override;

private:
    QPointer<SecretStore> m_inner;
    Counts m_counts;
};
