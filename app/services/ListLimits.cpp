#include "ListLimits.h"

#include "ConnectionStore.h"

#include <QLoggingCategory>
#include <QSettings>

namespace {

Q_LOGGING_CATEGORY(lcLimits, "webhookconsole.limits", QtWarningMsg)

int positiveSetting(const QSettings &settings, const QString &key, int fallback) {
    const QVariant value = settings.value(key);
    if (!value.isValid())
        return fallback;
    bool ok = false;
    const int number = value.toString().trimmed().toInt(&ok);
    if (ok && number > 0)
        return number;
    qCWarning(lcLimits).noquote() << QStringLiteral("%1 in %2 is not a positive whole number; using %3.")
                                         .arg(key, settings.fileName())
                                         .arg(fallback);
    return fallback;
}

} // namespace

ListLimits ListLimits::fromSettings() {
    const QSettings settings = ConnectionStore::openSettings();
    ListLimits limits;
    limits.maxListedEndpoints =
        positiveSetting(settings, QStringLiteral("limits/maxListedEndpoints"), limits.maxListedEndpoints);
    limits.maxListPages = positiveSetting(settings, QStringLiteral("limits/maxListPages"), limits.maxListPages);
    return limits;
}

QString ListLimits::settingsFile() {
    return ConnectionStore::settingsPath();
}

void ListLimits::applyTo(ApiClient::Policy &policy) const {
    policy.maxListedEndpoints = maxListedEndpoints;
    policy.maxListPages = maxListPages;
    policy.limitsFile = settingsFile();
}
