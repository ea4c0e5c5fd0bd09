#pragma once

#include <QString>

#include <optional>

enum class Environment { Production, Development };

QString environmentName(Environment environment); // "production" / "development"
std::optional<Environment> environmentFromName(const QString &name);

// One account at one provider. Lives in QSettings; its API key lives only in the keychain
// under "<id>/api-key".
struct Connection {
    QString id;         // stable UUID without braces, part of every keychain key
    QString name;       // what the operator calls it, unique
    QString providerId; // a ProviderProfile id: "layers", "encrata", ...
    QString baseUrl;
    Environment environment = Environment::Production;
    QString authScheme; // a profile auth scheme id; empty = the profile's default

    bool isDevelopment() const { return environment == Environment::Development; }
    friend bool operator==(const Connection &a, const Connection &b) {
        return a.id == b.id && a.name == b.name && a.providerId == b.providerId && a.baseUrl == b.baseUrl &&
               a.environment == b.environment && a.authScheme == b.authScheme;
    }
    friend bool operator!=(const Connection &a, const Connection &b) { return !(a == b); }
};
