#pragma once

#include "DocumentProblem.h"
#include "EndpointDocument.h"
#include "ProviderRegistry.h"

// Checks a whole endpoints document before anything is sent: providers, regions and auth schemes
// the profiles know, fields the provider has, the provider's own rules for each endpoint
// (DraftValidator: events in its catalog, URLs, plain http only where the environment allows it,
// limits), and ids, keys and URLs given twice. Every problem names the offending value's line.
class DocumentValidator final {
public:
    explicit DocumentValidator(ProviderRegistry registry);

    DocumentProblems validate(const EndpointDocument &document) const;
    // One connection's endpoints against its provider's profile in an environment (at plan time,
    // the local connection's).
    DocumentProblems validateEndpoints(const QString &fileName, const DocumentConnection &connection,
                                       const ProviderProfile &profile, Environment environment) const;

    static bool isKey(const QString &key);

private:
    ProviderRegistry m_registry;
};
