#pragma once

#include "SandboxEndpoint.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <optional>

// Every provider's endpoints and remembered idempotent responses, and the state file that keeps
// them across restarts. The file holds signing secrets, so it is written owner-only (0600).
class SandboxState final : public QObject {
    Q_OBJECT

public:
    // The first answer to a request that carried an Idempotency-Key: a replay of the same key
    // and body gets exactly this back (secret included); another body with the key gets 409.
    struct IdempotencyRecord {
        QByteArray method;
        QString path;
        QByteArray requestBody; // compact JSON with sorted keys, so formatting does not matter
        int status = 0;
        QByteArray responseBody;
        QDateTime createdAt;
    };

    explicit SandboxState(QObject *parent = nullptr);

    QList<SandboxEndpoint> endpoints(const QString &providerId) const { return m_endpoints.value(providerId); }
    std::optional<SandboxEndpoint> endpoint(const QString &providerId, const QString &id) const;
    void insert(const QString &providerId, const SandboxEndpoint &endpoint);
    void replace(const QString &providerId, const SandboxEndpoint &endpoint);
    bool remove(const QString &providerId, const QString &id);

    // The record for key, unless it is older than the provider's replay window.
    std::optional<IdempotencyRecord> idempotencyRecord(const QString &providerId, const QString &key,
                                                       qint64 windowSeconds) const;
    void rememberIdempotent(const QString &providerId, const QString &key, const IdempotencyRecord &record);

    // Saves (when a file is set) and emits changed(); call once per API operation that changed state.
    void commit(const QString &providerId);

    void setFile(const QString &path) { m_file = path; }
    QString file() const { return m_file; }
    // Reads the file if it exists. False (with *error) when it exists but cannot be used, so a
    // typo never silently replaces someone's saved sandbox with an empty one.
    bool load(QString *error);
    bool save(QString *error) const;

signals:
    void changed(const QString &providerId);

private:
    QString m_file;
    QMap<QString, QList<SandboxEndpoint>> m_endpoints;
    QMap<QString, QHash<QString, IdempotencyRecord>> m_idempotency;
};
