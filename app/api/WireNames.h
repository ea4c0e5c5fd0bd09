#pragma once

#include "ProviderProfile.h"

#include <QString>
#include <QStringList>

// A provider's JSON key for each canonical endpoint field (empty: the provider lacks it), looked
// up once from its profile: a list reads every one of them for thousands of endpoints.
struct WireNames {
    QString id, url, events, label, status, projectId, scope, metadata, headers, timeoutMs, secretVersion, createdAt,
        updatedAt, lastSuccessAt, lastFailureAt, consecutiveFailures;
    QStringList secretKeys; // response keys of a secret that are no endpoint field: never kept in `raw`

    static WireNames of(const ProviderProfile &profile);
};
