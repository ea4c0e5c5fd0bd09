#pragma once

#include "ApiClient.h"

#include <QString>

// How much of a provider's list the console and webhookctl read before they stop: a bound on what
// a (possibly hostile) provider can make them hold, and a setting for operators with more endpoints.
// Kept in the same file as the connections, group [limits]:
//   maxListedEndpoints=100000   maxListPages=1000
struct ListLimits {
    int maxListedEndpoints = ApiClient::Policy().maxListedEndpoints;
    int maxListPages = ApiClient::Policy().maxListPages;

    // Reads the settings; a missing key means the default, an invalid one the default with a warning.
    static ListLimits fromSettings();
    // Where they are read from, for messages that tell the operator how to raise a limit.
    static QString settingsFile();

    void applyTo(ApiClient::Policy &policy) const;
};
