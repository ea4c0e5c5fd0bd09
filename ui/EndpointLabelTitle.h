#pragma once

#include "ProviderProfile.h"

#include <QCoreApplication>
#include <QString>

// What the form, the table and the details pane call an endpoint's label: the provider's own word
// for the field (its profile maps "label" to "description" or "name"), so the console and the
// provider's documentation speak alike, and one endpoint's label has one name everywhere.
class EndpointLabelTitle final {
    Q_DECLARE_TR_FUNCTIONS(EndpointLabelTitle)

public:
    static QString of(const ProviderProfile &profile);           // "Description", "Name"
    static QString withMnemonic(const ProviderProfile &profile); // "&Description", "&Name"
};
