#pragma once

#include "Connection.h"
#include "EndpointDraft.h"
#include "EndpointPatch.h"
#include "ProviderProfile.h"
#include "ValidationIssue.h"

// Checks a draft (or an edit) against one provider's documented rules before anything is sent.
// Every rule comes from the profile; the environment decides whether plain http is allowed.
// Issues name the canonical field (as ValidationIssue lists, plus "status") and say in one
// sentence what is wrong and, where it helps, what to do.
class DraftValidator final {
public:
    DraftValidator(ProviderProfile profile, Environment environment);

    ValidationIssues validate(const EndpointDraft &draft) const;
    ValidationIssues validate(const EndpointPatch &patch) const;

    // Event types in the draft that are not in the built-in catalog but accepted because the
    // catalog is open (Layers); the UI and CLI flag them as custom.
    QStringList customEvents(const QStringList &events) const;

private:
    enum class Operation { Create, Update };

    // False (with an issue) when the provider lacks the field or the operation cannot send it.
    bool accepts(const QString &field, Operation operation, ValidationIssues &issues) const;
    void checkUrl(const QString &url, ValidationIssues &issues) const;
    void checkEvents(const QStringList &events, ValidationIssues &issues) const;
    void checkLabelLength(const QString &label, ValidationIssues &issues) const;
    void checkProjectId(const QString &projectId, ValidationIssues &issues) const;
    void checkScope(const QString &scope, ValidationIssues &issues) const;
    void checkMetadata(const StringMap &metadata, ValidationIssues &issues) const;
    void checkHeaders(const StringMap &headers, ValidationIssues &issues) const;
    void checkTimeout(int timeoutMs, ValidationIssues &issues) const;
    QString fieldNoun(const QString &field) const;

    ProviderProfile m_profile;
    Environment m_environment;
};
