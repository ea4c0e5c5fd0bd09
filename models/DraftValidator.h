#pragma once

#include "Connection.h"
#include "EndpointDraft.h"
#include "EndpointPatch.h"
#include "ProviderProfile.h"
#include "ValidationIssue.h"

// Checks a draft (or an edit) against one provider's documented rules before anything is sent.
// Every rule comes from the profile; the environment decides whether plain http is allowed.
class DraftValidator final {
public:
    DraftValidator(ProviderProfile profile, Environment environment);

    ValidationIssues validate(const EndpointDraft &draft) const;
    ValidationIssues validate(const EndpointPatch &patch) const;

    // Event types in the draft that are not in the built-in catalog but accepted because the
    // catalog is open (Layers); the UI and CLI flag them as custom.
    QStringList customEvents(const QStringList &events) const;

private:
    ProviderProfile m_profile;
    Environment m_environment;
};
