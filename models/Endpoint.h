#pragma once

#include "EndpointStatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

using StringMap = QMap<QString, QString>;

// One webhook endpoint as the console sees it, whatever provider it came from.
// ProviderDialect fills it from the provider's JSON; `raw` keeps that JSON so nothing is hidden.
struct Endpoint {
    QString id;
    QString url;
    QString label; // Layers/Encrata/Signa "description", PolyAI "name"
    EndpointStatus status = EndpointStatus::Unknown;
    QStringList events;
    QString projectId;
    QString scope;
    StringMap metadata;
    StringMap headers;
    std::optional<int> timeoutMs;
    std::optional<int> secretVersion;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastSuccessAt;
    QDateTime lastFailureAt;
    std::optional<int> consecutiveFailures; // absent where the provider reports no health
    QJsonObject raw;

    bool isActive() const { return status == EndpointStatus::Active; }
    // The canonical form (webhookctl --json): every field above under its canonical name, absent
    // ones omitted, and the provider's own object under "provider".
    QJsonObject toJson() const;
    // A time as the canonical form writes it: UTC, with milliseconds ("2026-01-15T10:00:00.000Z").
    static QString timeText(const QDateTime &time);
    friend bool operator==(const Endpoint &a, const Endpoint &b);
};
