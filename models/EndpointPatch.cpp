#include "EndpointPatch.h"

bool EndpointPatch::isEmpty() const {
    return changedFields().isEmpty();
}

QStringList EndpointPatch::changedFields() const {
    QStringList fields;
    if (url)
        fields << QStringLiteral("url");
    if (events)
        fields << QStringLiteral("events");
    if (label)
        fields << QStringLiteral("label");
    if (status)
        fields << QStringLiteral("status");
    if (metadata)
        fields << QStringLiteral("metadata");
    if (scope)
        fields << QStringLiteral("scope");
    if (headers)
        fields << QStringLiteral("headers");
    if (timeoutMs)
        fields << QStringLiteral("timeoutMs");
    return fields;
}

EndpointPatch EndpointPatch::between(const Endpoint &current, const EndpointDraft &edited) {
    EndpointPatch patch;
    if (edited.url != current.url)
        patch.url = edited.url;
    if (edited.events != current.events)
        patch.events = edited.events;
    if (edited.label != current.label)
        patch.label = edited.label.isEmpty() ? QString() : edited.label;
    if (edited.scope != current.scope && !edited.scope.isEmpty())
        patch.scope = edited.scope;
    if (edited.metadata != current.metadata) {
        StringMap changes;
        for (auto it = edited.metadata.cbegin(); it != edited.metadata.cend(); ++it) {
            if (current.metadata.value(it.key()) != it.value() || !current.metadata.contains(it.key()))
                changes.insert(it.key(), it.value());
        }
        for (auto it = current.metadata.cbegin(); it != current.metadata.cend(); ++it) {
            if (!edited.metadata.contains(it.key()))
                changes.insert(it.key(), QString()); // empty value unsets the key
        }
        patch.metadata = changes;
    }
    if (edited.headers != current.headers)
        patch.headers = edited.headers;
    if (edited.timeoutMs && edited.timeoutMs != current.timeoutMs)
        patch.timeoutMs = edited.timeoutMs;
    return patch;
}
