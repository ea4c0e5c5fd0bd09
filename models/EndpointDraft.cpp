#include "EndpointDraft.h"

EndpointDraft EndpointDraft::fromEndpoint(const Endpoint &endpoint) {
    EndpointDraft draft;
    draft.url = endpoint.url;
    draft.events = endpoint.events;
    draft.label = endpoint.label;
    draft.projectId = endpoint.projectId;
    draft.scope = endpoint.scope;
    draft.metadata = endpoint.metadata;
    draft.headers = endpoint.headers;
    draft.timeoutMs = endpoint.timeoutMs;
    if (endpoint.status != EndpointStatus::Unknown)
        draft.enabled = endpoint.isActive();
    return draft;
}
