#pragma once

#include <QString>

// The canonical status every provider's representation maps onto (see each profile's "status").
enum class EndpointStatus {
    Unknown,
    Active,
    Paused,
    AutoPaused, // set by the provider after repeated delivery failures (Layers)
    Disabled,
};

QString endpointStatusName(EndpointStatus status);          // "active", "paused", "autoPaused", ...
EndpointStatus endpointStatusFromName(const QString &name); // inverse; Unknown for anything else
QString endpointStatusDisplayText(EndpointStatus status);   // "Active", "Auto-paused", ... (translated)
