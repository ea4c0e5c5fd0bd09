#include "WireNames.h"

WireNames WireNames::of(const ProviderProfile &profile) {
    WireNames names;
    const auto wire = [&profile](const char *canonical) { return profile.wireField(QLatin1String(canonical)); };
    names.id = wire("id");
    names.url = wire("url");
    names.events = wire("events");
    names.label = wire("label");
    names.status = wire("status");
    names.projectId = wire("projectId");
    names.scope = wire("scope");
    names.metadata = wire("metadata");
    names.headers = wire("headers");
    names.timeoutMs = wire("timeoutMs");
    names.secretVersion = wire("secretVersion");
    names.createdAt = wire("createdAt");
    names.updatedAt = wire("updatedAt");
    names.lastSuccessAt = wire("lastSuccessAt");
    names.lastFailureAt = wire("lastFailureAt");
    names.consecutiveFailures = wire("consecutiveFailures");
    for (const QString &secretKey : {profile.createResponse().secretKey, profile.rotateResponse().secretKey}) {
        if (!secretKey.isEmpty() && profile.canonicalField(secretKey).isEmpty() &&
            !names.secretKeys.contains(secretKey))
            names.secretKeys << secretKey;
    }
    return names;
}
