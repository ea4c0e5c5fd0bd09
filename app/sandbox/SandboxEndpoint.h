#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// One endpoint as the sandbox stores it: canonical names, whatever the provider calls them on the
// wire (SandboxProvider renders it through the profile). Unlike any API response, it keeps the
// signing secret, so tests can verify signatures and the state file survives a restart.
struct SandboxEndpoint {
    QString id;
    QString url;
    std::optional<QString> label;              // nullopt: unset (rendered as null)
    QString status = QStringLiteral("active"); // canonical: active, paused, autoPaused, disabled
    QStringList events;
    std::optional<QString> projectId;
    QString scope;        // empty where the provider has no scopes
    QJsonObject metadata; // string values
    QJsonObject headers;  // string values
    std::optional<int> timeoutMs;
    QString secret;
    int secretVersion = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastSuccessAt;
    QDateTime lastFailureAt;
    int consecutiveFailures = 0;

    // The state-file representation (canonical names, secret included).
    QJsonObject toStateJson() const;
    static SandboxEndpoint fromStateJson(const QJsonObject &json);
};
