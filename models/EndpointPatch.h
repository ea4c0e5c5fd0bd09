#pragma once

#include "EndpointDraft.h"

#include <optional>

// Only what changed in an edit, so an update sends the minimal body.
// A label that is set but null (QString()) means "clear it".
// Metadata follows merge semantics: a key with an empty value unsets that key.
struct EndpointPatch {
    std::optional<QString> url;
    std::optional<QStringList> events;
    std::optional<QString> label;
    std::optional<EndpointStatus> status;
    std::optional<StringMap> metadata;
    std::optional<QString> scope;
    std::optional<StringMap> headers;
    std::optional<int> timeoutMs;

    bool isEmpty() const;
    QStringList changedFields() const; // canonical field names, e.g. {"url", "events"}

    // The patch that turns `current` into what `edited` describes.
    static EndpointPatch between(const Endpoint &current, const EndpointDraft &edited);
};
