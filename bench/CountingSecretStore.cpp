#include "CountingSecretStore.h"

CountingSecretStore::CountingSecretStore(SecretStore *inner, QObject *parent)
    : SecretStore(parent)
    , m_inner(inner) {}

void CountingSecretStore::write(const QString &key, const QString &secret, QObject *context, WriteCallback done) {
    ++m_counts.writes;
    m_inner->write(key, secret, context, std::move(done));
}

void CountingSecretStore::read(const QString &key, QObject *context, ReadCallback done) {
    ++(key.endsWith(QLatin1String("/api-key")) ? m_counts.apiKeyReads : m_counts.secretReads);
    m_inner->read(key, context, std::move(done));
}

void CountingSecretStore::remove(const QString &key, QObject *context, RemoveCallback done) {
    ++m_counts.removes;
    m_inner->remove(key, context, std::move(done));
}
