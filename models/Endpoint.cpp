#include "Endpoint.h"

bool operator==(const Endpoint &a, const Endpoint &b) {
    return a.id == b.id && a.url == b.url && a.label == b.label && a.status == b.status && a.events == b.events &&
           a.projectId == b.projectId && a.scope == b.scope && a.metadata == b.metadata && a.headers == b.headers &&
           a.timeoutMs == b.timeoutMs && a.secretVersion == b.secretVersion && a.createdAt == b.createdAt &&
           a.updatedAt == b.updatedAt && a.lastSuccessAt == b.lastSuccessAt && a.lastFailureAt == b.lastFailureAt &&
           a.consecutiveFailures == b.consecutiveFailures && a.raw == b.raw;
}
