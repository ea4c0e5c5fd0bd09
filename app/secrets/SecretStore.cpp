#include "SecretStore.h"

#include "SecretsLogging.h"

// Debug lines (every job start and end) only when asked for through QT_LOGGING_RULES.
Q_LOGGING_CATEGORY(lcSecrets, "webhookconsole.secrets", QtInfoMsg)

QString secretStatusName(SecretStatus status) {
    switch (status) {
    case SecretStatus::Ok:
        return QStringLiteral("ok");
    case SecretStatus::NotFound:
        return QStringLiteral("not-found");
    case SecretStatus::Unavailable:
        return QStringLiteral("unavailable");
    case SecretStatus::Denied:
        return QStringLiteral("denied");
    case SecretStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

SecretStore::SecretStore(QObject *parent)
    : QObject(parent) {}

SecretStore::~SecretStore() = default;

QString SecretStore::endpointSecretKey(const QString &connectionId, const QString &endpointId) {
    Q_ASSERT(!connectionId.isEmpty() && !endpointId.isEmpty());
    return connectionId + QLatin1Char('/') + endpointId;
}

QString SecretStore::previousSecretKey(const QString &connectionId, const QString &endpointId) {
    return endpointSecretKey(connectionId, endpointId) + QStringLiteral("/previous");
}

QString SecretStore::apiKeyKey(const QString &connectionId) {
    Q_ASSERT(!connectionId.isEmpty());
    return connectionId + QStringLiteral("/api-key");
}
