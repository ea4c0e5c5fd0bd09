#include "ConnectionStore.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUuid>

#include <algorithm>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ConnectionStore", text);
}

const QString group = QStringLiteral("connections");

} // namespace

// One explicit file, independent of which program (console, webhookctl) opens it.
QSettings ConnectionStore::openSettings() {
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("webhook-console"),
                     QStringLiteral("connections"));
}

ConnectionStore::ConnectionStore() = default;

QString ConnectionStore::settingsPath() {
    return openSettings().fileName();
}

QList<Connection> ConnectionStore::connections() const {
    QSettings settings = openSettings();
    settings.beginGroup(group);
    QList<Connection> result;
    for (const QString &id : settings.childGroups()) {
        settings.beginGroup(id);
        Connection connection;
        connection.id = id;
        connection.name = settings.value(QStringLiteral("name")).toString();
        connection.providerId = settings.value(QStringLiteral("provider")).toString();
        connection.baseUrl = settings.value(QStringLiteral("baseUrl")).toString();
        connection.environment = environmentFromName(settings.value(QStringLiteral("environment")).toString())
                                     .value_or(Environment::Production);
        connection.authScheme = settings.value(QStringLiteral("authScheme")).toString();
        settings.endGroup();
        if (!connection.name.isEmpty() && !connection.providerId.isEmpty())
            result << connection;
    }
    std::sort(result.begin(), result.end(),
              [](const Connection &a, const Connection &b) { return QString::localeAwareCompare(a.name, b.name) < 0; });
    return result;
}

std::optional<Connection> ConnectionStore::byName(const QString &name) const {
    for (const Connection &connection : connections()) {
        if (connection.name == name)
            return connection;
    }
    return std::nullopt;
}

std::optional<Connection> ConnectionStore::byId(const QString &id) const {
    for (const Connection &connection : connections()) {
        if (connection.id == id)
            return connection;
    }
    return std::nullopt;
}

bool ConnectionStore::save(const Connection &connection, QString *error) {
    if (connection.name.trimmed().isEmpty()) {
        *error = tr("A connection needs a name.");
        return false;
    }
    if (QUuid::fromString(connection.id).isNull()) {
        *error = tr("A connection needs an id.");
        return false;
    }
    const std::optional<Connection> sameName = byName(connection.name);
    if (sameName && sameName->id != connection.id) {
        *error = tr("A connection named \"%1\" already exists.").arg(connection.name);
        return false;
    }
    QSettings settings = openSettings();
    settings.beginGroup(group);
    settings.beginGroup(connection.id);
    settings.setValue(QStringLiteral("name"), connection.name);
    settings.setValue(QStringLiteral("provider"), connection.providerId);
    settings.setValue(QStringLiteral("baseUrl"), connection.baseUrl);
    settings.setValue(QStringLiteral("environment"), environmentName(connection.environment));
    settings.setValue(QStringLiteral("authScheme"), connection.authScheme);
    settings.endGroup();
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        *error = tr("Could not write %1.").arg(settings.fileName());
        return false;
    }
    return true;
}

bool ConnectionStore::remove(const QString &id) {
    QSettings settings = openSettings();
    settings.beginGroup(group);
    if (!settings.childGroups().contains(id))
        return false;
    settings.remove(id);
    settings.endGroup();
    settings.sync();
    return true;
}
