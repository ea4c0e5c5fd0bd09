#pragma once

#include "Endpoint.h"

#include <optional>

// What the operator asks for when creating an endpoint (form or command line).
// Fields the connection's provider lacks are ignored by ProviderDialect and flagged by DraftValidator.
struct EndpointDraft {
    QString url;
    QStringList events;
    QString label;
    QString projectId;
    QString scope;
    StringMap metadata;
    StringMap headers;
    std::optional<int> timeoutMs;
    std::optional<bool> enabled;

    // The draft that would recreate `endpoint` unchanged: an edit form starts from this.
    static EndpointDraft fromEndpoint(const Endpoint &endpoint);
};
