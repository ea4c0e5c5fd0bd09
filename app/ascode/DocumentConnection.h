#pragma once

#include "Connection.h"
#include "DocumentEndpoint.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// One connection as an endpoints document names it, and its endpoints. It is matched by name to a
// local connection, whose API key stays in the keychain: a document never holds one.
struct DocumentConnection {
    QString name;
    QString provider;
    QString baseUrl; // or region; both empty: the profile's default
    QString region;
    std::optional<Environment> environment;
    QString auth; // an auth scheme id of the profile ("x-api-key", "bearer"); empty: the default
    QList<DocumentEndpoint> endpoints;

    int line = 0;
    QHash<QString, int> lines;

    int lineOf(const QString &documentKey) const { return lines.value(documentKey, line); }
};
