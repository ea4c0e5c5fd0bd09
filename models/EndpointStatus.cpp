#include "EndpointStatus.h"

#include <QCoreApplication>

QString endpointStatusName(EndpointStatus status) {
    switch (status) {
    case EndpointStatus::Active:
        return QStringLiteral("active");
    case EndpointStatus::Paused:
        return QStringLiteral("paused");
    case EndpointStatus::AutoPaused:
        return QStringLiteral("autoPaused");
    case EndpointStatus::Disabled:
        return QStringLiteral("disabled");
    case EndpointStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

EndpointStatus endpointStatusFromName(const QString &name) {
    for (auto status :
         {EndpointStatus::Active, EndpointStatus::Paused, EndpointStatus::AutoPaused, EndpointStatus::Disabled}) {
        if (endpointStatusName(status) == name)
            return status;
    }
    return EndpointStatus::Unknown;
}

QString endpointStatusDisplayText(EndpointStatus status) {
    switch (status) {
    case EndpointStatus::Active:
        return QCoreApplication::translate("EndpointStatus", "Active");
    case EndpointStatus::Paused:
        return QCoreApplication::translate("EndpointStatus", "Paused");
    case EndpointStatus::AutoPaused:
        return QCoreApplication::translate("EndpointStatus", "Auto-paused");
    case EndpointStatus::Disabled:
        return QCoreApplication::translate("EndpointStatus", "Disabled");
    case EndpointStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("EndpointStatus", "Unknown");
}
