#include "Connection.h"

QString environmentName(Environment environment) {
    return environment == Environment::Development ? QStringLiteral("development") : QStringLiteral("production");
}

std::optional<Environment> environmentFromName(const QString &name) {
    if (name == QLatin1String("production"))
        return Environment::Production;
    if (name == QLatin1String("development"))
        return Environment::Development;
    return std::nullopt;
}
