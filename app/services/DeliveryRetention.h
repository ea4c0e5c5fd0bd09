#pragma once

#include "DeliveryLog.h"

// How many captured deliveries the local state database keeps (DeliveryLog): bodies may be large
// and hold customer data, so the log is bounded. Kept in the same file as the connections:
//   [deliveries]
//   keep=1000
struct DeliveryRetention {
    int keep = DeliveryLog::defaultKeep;

    // Reads the settings; a missing key means the default, an invalid one the default with a warning.
    static DeliveryRetention fromSettings();
};
