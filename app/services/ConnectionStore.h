#pragma once

#include "Connection.h"

#include <QList>
#include <QSettings>
#include <QString>

#include <optional>

// The operator's connections, kept in QSettings (name, provider, base URL, environment, auth
// scheme). API keys are NOT here: they live only in the keychain under "<id>/api-key".
// The console and webhookctl share one settings file, so a connection added in one shows in the other.
class ConnectionStore final {
public:
    ConnectionStore();

    QList<Connection> connections() const; // sorted by name
    std::optional<Connection> byName(const QString &name) const;
    std::optional<Connection> byId(const QString &id) const;

    // Adds or replaces (same id) a connection. The name must be unique and non-empty.
    bool save(const Connection &connection, QString *error);
    bool remove(const QString &id);

    // Where the settings live, for the README and for leak-scanning tests.
    static QString settingsPath();
    // The file itself; it also holds a few settings of both programs (see ListLimits).
    static QSettings openSettings();
};
