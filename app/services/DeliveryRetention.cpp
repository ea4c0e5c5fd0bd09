#include "DeliveryRetention.h"

#include "ConnectionStore.h"

#include <QLoggingCategory>
#include <QSettings>

namespace {

Q_LOGGING_CATEGORY(lcRetention, "webhookconsole.deliveries", QtWarningMsg)

} // namespace

DeliveryRetention DeliveryRetention::fromSettings() {
    const QSettings settings = ConnectionStore::openSettings();
    DeliveryRetention retention;
    const QString key = QStringLiteral("deliveries/keep");
    const QVariant value = settings.value(key);
    if (!value.isValid())
        return retention;
    bool ok = false;
    const int number = value.toString().trimmed().toInt(&ok);
    if (ok && number > 0) {
        retention.keep = number;
        return retention;
    }
    qCWarning(lcRetention).noquote() << QStringLiteral("%1 in %2 is not a positive whole number; using %3.")
                                            .arg(key, settings.fileName())
                                            .arg(retention.keep);
    return retention;
}
