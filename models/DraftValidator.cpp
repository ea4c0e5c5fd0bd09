#include "DraftValidator.h"

#include "CanonicalFields.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("DraftValidator", text);
}

bool isLoopbackHost(const QString &host) {
    // QUrl gives the host lower-cased and IPv6 addresses without brackets.
    return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") || host == QLatin1String("::1");
}

bool isUuid(const QString &text) {
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return uuid.match(text).hasMatch();
}

// RFC 9110 token: what a header name may consist of.
bool isHttpToken(const QString &text) {
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$"));
    return token.match(text).hasMatch();
}

bool hasLineBreakOrNul(const QString &text) {
    return text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n')) || text.contains(QChar(0));
}

} // namespace

DraftValidator::DraftValidator(ProviderProfile profile, Environment environment)
    : m_profile(std::move(profile))
    , m_environment(environment) {}

ValidationIssues DraftValidator::validate(const EndpointDraft &draft) const {
    ValidationIssues issues;
    checkUrl(draft.url, issues);
    checkEvents(draft.events, issues);

    if (draft.label.trimmed().isEmpty()) {
        if (m_profile.labelRequired())
            issues << ValidationIssue{
                CanonicalFields::label,
                tr("%1 requires a %2 for every endpoint.").arg(m_profile.name(), fieldNoun(CanonicalFields::label))};
    } else if (accepts(CanonicalFields::label, Operation::Create, issues)) {
        checkLabelLength(draft.label, issues);
    }

    // Every provider creates endpoints active, so asking for that needs no field; asking for an
    // inactive endpoint does.
    if (draft.enabled && !*draft.enabled && !m_profile.createFields().contains(CanonicalFields::status))
        issues << ValidationIssue{
            CanonicalFields::status,
            tr("%1 creates every endpoint active; create it, then pause it.").arg(m_profile.name())};

    if (!draft.projectId.isEmpty() && accepts(CanonicalFields::projectId, Operation::Create, issues))
        checkProjectId(draft.projectId, issues);
    if (!draft.scope.isEmpty() && accepts(CanonicalFields::scope, Operation::Create, issues))
        checkScope(draft.scope, issues);
    if (!draft.metadata.isEmpty() && accepts(CanonicalFields::metadata, Operation::Create, issues))
        checkMetadata(draft.metadata, issues);
    if (!draft.headers.isEmpty() && accepts(CanonicalFields::headers, Operation::Create, issues))
        checkHeaders(draft.headers, issues);
    if (draft.timeoutMs && accepts(CanonicalFields::timeout, Operation::Create, issues))
        checkTimeout(*draft.timeoutMs, issues);
    return issues;
}

ValidationIssues DraftValidator::validate(const EndpointPatch &patch) const {
    ValidationIssues issues;
    if (patch.url && accepts(CanonicalFields::url, Operation::Update, issues))
        checkUrl(*patch.url, issues);
    if (patch.events && accepts(CanonicalFields::events, Operation::Update, issues))
        checkEvents(*patch.events, issues);
    if (patch.label && accepts(CanonicalFields::label, Operation::Update, issues)) {
        if (patch.label->trimmed().isEmpty()) {
            if (m_profile.labelRequired())
                issues << ValidationIssue{CanonicalFields::label,
                                          tr("%1 requires a %2 for every endpoint; it cannot be cleared.")
                                              .arg(m_profile.name(), fieldNoun(CanonicalFields::label))};
        } else {
            checkLabelLength(*patch.label, issues);
        }
    }
    if (patch.status && accepts(CanonicalFields::status, Operation::Update, issues)) {
        if (*patch.status == EndpointStatus::AutoPaused)
            issues << ValidationIssue{
                CanonicalFields::status,
                tr("Only %1 itself auto-pauses an endpoint; choose active or paused.").arg(m_profile.name())};
        else if (*patch.status == EndpointStatus::Unknown)
            issues << ValidationIssue{CanonicalFields::status, tr("Choose whether the endpoint is active or paused.")};
    }
    // Metadata merges per key, so an empty value is allowed here: it unsets that key.
    if (patch.metadata && accepts(CanonicalFields::metadata, Operation::Update, issues))
        checkMetadata(*patch.metadata, issues);
    if (patch.scope && accepts(CanonicalFields::scope, Operation::Update, issues))
        checkScope(*patch.scope, issues);
    if (patch.headers && accepts(CanonicalFields::headers, Operation::Update, issues))
        checkHeaders(*patch.headers, issues);
    if (patch.timeoutMs && accepts(CanonicalFields::timeout, Operation::Update, issues))
        checkTimeout(*patch.timeoutMs, issues);
    return issues;
}

QStringList DraftValidator::customEvents(const QStringList &events) const {
    QStringList custom;
    if (!m_profile.catalogIsOpen())
        return custom;
    for (const QString &event : events) {
        if (!m_profile.catalogEvent(event) && m_profile.customEventPattern().match(event).hasMatch() &&
            !custom.contains(event))
            custom << event;
    }
    return custom;
}

bool DraftValidator::accepts(const QString &field, Operation operation, ValidationIssues &issues) const {
    if (!m_profile.hasField(field)) {
        issues << ValidationIssue{field, tr("%1 has no %2; leave it empty.").arg(m_profile.name(), fieldNoun(field))};
        return false;
    }
    if (operation == Operation::Create && !m_profile.createFields().contains(field)) {
        issues << ValidationIssue{
            field, tr("%1 does not take the %2 when creating an endpoint; create it, then edit the endpoint.")
                       .arg(m_profile.name(), fieldNoun(field))};
        return false;
    }
    if (operation == Operation::Update && !m_profile.updateFields().contains(field)) {
        issues << ValidationIssue{
            field, tr("%1 cannot change the %2 of an existing endpoint.").arg(m_profile.name(), fieldNoun(field))};
        return false;
    }
    return true;
}

void DraftValidator::checkUrl(const QString &text, ValidationIssues &issues) const {
    if (text.trimmed().isEmpty()) {
        issues << ValidationIssue{CanonicalFields::url,
                                  tr("Enter the URL %1 should deliver events to.").arg(m_profile.name())};
        return;
    }
    if (m_profile.urlMaxLength() > 0 && text.size() > m_profile.urlMaxLength()) {
        issues << ValidationIssue{CanonicalFields::url, tr("%1 allows URLs of at most %2 characters; this one has %3.")
                                                            .arg(m_profile.name())
                                                            .arg(m_profile.urlMaxLength())
                                                            .arg(text.size())};
        return;
    }
    if (text != text.trimmed()) {
        issues << ValidationIssue{CanonicalFields::url, tr("Remove the spaces before or after the URL.")};
        return;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative()) {
        issues << ValidationIssue{
            CanonicalFields::url,
            tr("This is not a valid URL; enter a full address such as https://example.com/webhooks.")};
        return;
    }
    const QString scheme = url.scheme();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
        issues << ValidationIssue{CanonicalFields::url, tr("The URL must start with https://.")};
        return;
    }
    if (url.host().isEmpty()) {
        issues << ValidationIssue{CanonicalFields::url, tr("The URL has no host name.")};
        return;
    }
    // Some providers match the text itself against ^https:// (PolyAI), so the scheme as typed matters.
    if (!text.startsWith(scheme + QStringLiteral("://"))) {
        issues << ValidationIssue{CanonicalFields::url,
                                  tr("Write the URL's scheme in lower case (%1://).").arg(scheme)};
        return;
    }
    if (scheme == QLatin1String("https"))
        return;

    const bool development = m_environment == Environment::Development;
    switch (m_profile.plainHttp()) {
    case ProviderProfile::PlainHttp::Never:
        issues << ValidationIssue{CanonicalFields::url,
                                  tr("%1 requires an https URL; plain http is never accepted.").arg(m_profile.name())};
        break;
    case ProviderProfile::PlainHttp::LocalhostInDevelopment:
        if (!development)
            issues << ValidationIssue{CanonicalFields::url,
                                      tr("%1 requires https on a production connection; plain http is "
                                         "accepted only for localhost on a development connection.")
                                          .arg(m_profile.name())};
        else if (!isLoopbackHost(url.host()))
            issues << ValidationIssue{CanonicalFields::url,
                                      tr("%1 accepts plain http only for localhost, 127.0.0.1 or [::1]; "
                                         "use https for %2.")
                                          .arg(m_profile.name(), url.host())};
        break;
    case ProviderProfile::PlainHttp::AnyInDevelopment:
        if (!development)
            issues << ValidationIssue{CanonicalFields::url,
                                      tr("%1 requires https on a production connection; plain http is "
                                         "accepted only on a development connection.")
                                          .arg(m_profile.name())};
        break;
    }
}

void DraftValidator::checkEvents(const QStringList &events, ValidationIssues &issues) const {
    const int count = int(events.size());
    if (count < m_profile.eventsMin()) {
        issues << ValidationIssue{CanonicalFields::events, m_profile.eventsMin() == 1
                                                               ? tr("Select at least one event type.")
                                                               : tr("%1 requires at least %2 event types; %3 selected.")
                                                                     .arg(m_profile.name())
                                                                     .arg(m_profile.eventsMin())
                                                                     .arg(count)};
    }
    if (m_profile.eventsMax() > 0 && count > m_profile.eventsMax()) {
        issues << ValidationIssue{CanonicalFields::events, tr("%1 allows at most %2 event types; %3 are selected.")
                                                               .arg(m_profile.name())
                                                               .arg(m_profile.eventsMax())
                                                               .arg(count)};
    }

    const QString example = m_profile.catalog().isEmpty() ? QString() : m_profile.catalog().first().type;
    QSet<QString> seen;
    QSet<QString> duplicates;
    for (const QString &event : events) {
        if (seen.contains(event)) {
            if (!duplicates.contains(event))
                issues << ValidationIssue{CanonicalFields::events, tr("%1 is selected more than once.").arg(event)};
            duplicates.insert(event);
            continue;
        }
        seen.insert(event);
        if (event.trimmed().isEmpty()) {
            issues << ValidationIssue{CanonicalFields::events, tr("An event type is empty.")};
            continue;
        }
        if (const std::optional<EventType> known = m_profile.catalogEvent(event)) {
            if (!known->subscribable)
                issues << ValidationIssue{CanonicalFields::events,
                                          known->notSubscribableReason.isEmpty()
                                              ? tr("%1 cannot be subscribed to at %2.").arg(event, m_profile.name())
                                              : known->notSubscribableReason};
            continue;
        }
        if (!m_profile.catalogIsOpen())
            issues << ValidationIssue{CanonicalFields::events,
                                      tr("%1 is not one of %2's event types.").arg(event, m_profile.name())};
        else if (!m_profile.customEventPattern().match(event).hasMatch())
            issues << ValidationIssue{
                CanonicalFields::events,
                tr("%1 is not in %2's catalog and is not written like an event type (such as %3).")
                    .arg(event, m_profile.name(), example)};
    }
}

void DraftValidator::checkLabelLength(const QString &label, ValidationIssues &issues) const {
    if (m_profile.labelMaxLength() > 0 && label.size() > m_profile.labelMaxLength())
        issues << ValidationIssue{CanonicalFields::label,
                                  tr("%1 allows a %2 of at most %3 characters; this one has %4.")
                                      .arg(m_profile.name(), fieldNoun(CanonicalFields::label))
                                      .arg(m_profile.labelMaxLength())
                                      .arg(label.size())};
}

void DraftValidator::checkProjectId(const QString &projectId, ValidationIssues &issues) const {
    if (!isUuid(projectId))
        issues << ValidationIssue{CanonicalFields::projectId,
                                  tr("The project ID must be a UUID, such as 123e4567-e89b-12d3-a456-426614174000.")};
}

void DraftValidator::checkScope(const QString &scope, ValidationIssues &issues) const {
    if (!m_profile.scopes().isEmpty() && !m_profile.scopes().contains(scope))
        issues << ValidationIssue{CanonicalFields::scope,
                                  tr("%1 is not a %2 scope; choose one of: %3.")
                                      .arg(scope, m_profile.name(), m_profile.scopes().join(QStringLiteral(", ")))};
}

void DraftValidator::checkMetadata(const StringMap &metadata, ValidationIssues &issues) const {
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it) {
        if (it.key().trimmed().isEmpty())
            issues << ValidationIssue{CanonicalFields::metadata,
                                      tr("A metadata key is empty; give every value a key.")};
    }
}

void DraftValidator::checkHeaders(const StringMap &headers, ValidationIssues &issues) const {
    QSet<QString> seen;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        const QString &name = it.key();
        if (name.isEmpty()) {
            issues << ValidationIssue{CanonicalFields::headers,
                                      tr("A header name is empty; give every header a name.")};
            continue;
        }
        if (!isHttpToken(name))
            issues << ValidationIssue{CanonicalFields::headers,
                                      tr("\"%1\" is not a valid HTTP header name; use letters, digits "
                                         "and dashes, without spaces or colons.")
                                          .arg(name)};
        else if (seen.contains(name.toLower()))
            issues << ValidationIssue{CanonicalFields::headers,
                                      tr("Header %1 is given more than once (header names ignore case).").arg(name)};
        seen.insert(name.toLower());
        // A line break in a value would let it inject further headers into every delivery.
        if (hasLineBreakOrNul(it.value()))
            issues << ValidationIssue{CanonicalFields::headers,
                                      tr("The value of header %1 must not contain line breaks.").arg(name)};
    }
}

void DraftValidator::checkTimeout(int timeoutMs, ValidationIssues &issues) const {
    const std::optional<int> min = m_profile.timeoutMsMin();
    const std::optional<int> max = m_profile.timeoutMsMax();
    if ((min && timeoutMs < *min) || (max && timeoutMs > *max)) {
        QString message;
        if (min && max)
            message = tr("%1 accepts a delivery timeout from %2 to %3 ms; %4 ms is outside that range.")
                          .arg(m_profile.name())
                          .arg(*min)
                          .arg(*max)
                          .arg(timeoutMs);
        else if (min)
            message = tr("%1 accepts a delivery timeout of at least %2 ms; %3 ms is too short.")
                          .arg(m_profile.name())
                          .arg(*min)
                          .arg(timeoutMs);
        else
            message = tr("%1 accepts a delivery timeout of at most %2 ms; %3 ms is too long.")
                          .arg(m_profile.name())
                          .arg(*max)
                          .arg(timeoutMs);
        issues << ValidationIssue{CanonicalFields::timeout, message};
    } else if (timeoutMs <= 0) {
        issues << ValidationIssue{CanonicalFields::timeout,
                                  tr("The delivery timeout must be a positive number of milliseconds.")};
    }
}

QString DraftValidator::fieldNoun(const QString &field) const {
    if (field == CanonicalFields::label) {
        // The provider's own word reads best: "PolyAI requires a name", "Signa allows a description".
        const QString wire = m_profile.wireField(CanonicalFields::label);
        return wire.isEmpty() ? tr("label") : wire;
    }
    if (field == CanonicalFields::url)
        return tr("URL");
    if (field == CanonicalFields::events)
        return tr("event types");
    if (field == CanonicalFields::status)
        return tr("status");
    if (field == CanonicalFields::projectId)
        return tr("project ID");
    if (field == CanonicalFields::scope)
        return tr("delivery scope");
    if (field == CanonicalFields::metadata)
        return tr("metadata");
    if (field == CanonicalFields::headers)
        return tr("custom headers");
    if (field == CanonicalFields::timeout)
        return tr("delivery timeout");
    return field;
}
