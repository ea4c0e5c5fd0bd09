#include "DocumentEndpoint.h"

#include <QCoreApplication>

QString DocumentEndpoint::reference() const {
    if (!key.isEmpty())
        return QCoreApplication::translate("DocumentEndpoint", "key \"%1\"").arg(key);
    if (!id.isEmpty())
        return QCoreApplication::translate("DocumentEndpoint", "id \"%1\"").arg(id);
    return fields.value(QStringLiteral("url")).toString();
}
