#pragma once

#include <QString>

// One entry of a provider's event catalog.
struct EventType {
    QString type;        // "job.completed"
    QString description; // shown as a tooltip
    bool subscribable = true;
    QString notSubscribableReason; // why not, when !subscribable
    bool custom = false;           // typed by the operator, not from the built-in catalog

    // "job" for "job.completed": the picker groups by this prefix.
    QString group() const { return type.section(QLatin1Char('.'), 0, 0); }
};
