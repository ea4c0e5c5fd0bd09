#include "DocumentValidator.h"

#include "ApiClient.h"
#include "DraftValidator.h"
#include "EndpointFields.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("DocumentValidator", text);
}

const QString statusField = QStringLiteral("status");

// Values given twice among a connection's endpoints: the second names the first's line.
class Uniques {
public:
    Uniques(const QString &fileName, DocumentProblems *problems)
        : m_fileName(fileName)
        , m_problems(problems) {}

    void check(const QString &what, const QString &value, int line) {
        if (value.isEmpty())
            return;
        const QString seenKey = what + QLatin1Char('\n') + value;
        if (m_seen.contains(seenKey))
            m_problems->append(DocumentProblem::error(
                m_fileName, line,
                tr("%1 \"%2\" is given twice (first on line %3)").arg(what, value).arg(m_seen.value(seenKey))));
        else
            m_seen.insert(seenKey, line);
    }

private:
    QString m_fileName;
    DocumentProblems *m_problems;
    QHash<QString, int> m_seen;
};

} // namespace

DocumentValidator::DocumentValidator(ProviderRegistry registry)
    : m_registry(std::move(registry)) {}

bool DocumentValidator::isKey(const QString &key) {
    static const QRegularExpression form(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return form.match(key).hasMatch();
}

DocumentProblems DocumentValidator::validate(const EndpointDocument &document) const {
    DocumentProblems problems;
    const QString &file = document.fileName;
    Uniques names(file, &problems);
    for (const DocumentConnection &connection : document.connections) {
        names.check(tr("connection"), connection.name, connection.lineOf(QStringLiteral("name")));
        const std::optional<ProviderProfile> profile = m_registry.profile(connection.provider);
        if (!profile) {
            problems << DocumentProblem::error(
                file, connection.lineOf(QStringLiteral("provider")),
                tr("unknown provider \"%1\"; known: %2")
                    .arg(connection.provider, m_registry.ids().join(QStringLiteral(", "))));
            continue;
        }
        if (!connection.region.isEmpty()) {
            QStringList regions;
            for (const ProviderProfile::Region &region : profile->regions())
                regions << region.id;
            if (!regions.contains(connection.region))
                problems << DocumentProblem::error(
                    file, connection.lineOf(QStringLiteral("region")),
                    tr("%1 has no region \"%2\"; its regions: %3")
                        .arg(profile->name(), connection.region, regions.join(QStringLiteral(", "))));
        }
        if (!connection.baseUrl.isEmpty()) {
            const QString problem = ApiClient::baseUrlProblem(connection.baseUrl);
            if (!problem.isEmpty())
                problems << DocumentProblem::error(file, connection.lineOf(QStringLiteral("baseUrl")), problem);
        }
        if (!connection.auth.isEmpty()) {
            QStringList schemes;
            for (const ProviderProfile::AuthScheme &scheme : profile->authSchemes())
                schemes << scheme.id;
            if (!schemes.contains(connection.auth))
                problems << DocumentProblem::error(
                    file, connection.lineOf(QStringLiteral("auth")),
                    tr("%1 accepts the auth schemes %2, not \"%3\"")
                        .arg(profile->name(), schemes.join(QStringLiteral(", ")), connection.auth));
        }
        problems << validateEndpoints(file, connection, *profile,
                                      connection.environment.value_or(Environment::Production));
    }
    return problems;
}

DocumentProblems DocumentValidator::validateEndpoints(const QString &file, const DocumentConnection &connection,
                                                      const ProviderProfile &profile, Environment environment) const {
    DocumentProblems problems;
    const DraftValidator validator(profile, environment);
    Uniques uniques(file, &problems);
    for (const DocumentEndpoint &endpoint : connection.endpoints) {
        const auto problem = [&](const QString &field, const QString &message) {
            problems << DocumentProblem::error(file, endpoint.lineOf(field), message);
        };
        if (!endpoint.id.isEmpty() && !profile.idPattern().match(endpoint.id).hasMatch())
            problem(QStringLiteral("id"), tr("\"%1\" is not a %2 endpoint id").arg(endpoint.id, profile.name()));
        if (!endpoint.key.isEmpty() && !isKey(endpoint.key))
            problem(QStringLiteral("key"), tr("key \"%1\" must be 1 to 64 letters, digits, '.', '_' or '-', starting "
                                              "with a letter or digit")
                                               .arg(endpoint.key));
        uniques.check(tr("id"), endpoint.id, endpoint.lineOf(QStringLiteral("id")));
        uniques.check(tr("key"), endpoint.key, endpoint.lineOf(QStringLiteral("key")));
        uniques.check(tr("url"), endpoint.fields.value(QStringLiteral("url")).toString(),
                      endpoint.lineOf(QStringLiteral("url")));

        // Each field goes in the create, or (where the provider takes it only on update) right
        // after it: anything else the provider cannot be given at all.
        QJsonObject createable;
        EndpointPatch followUp;
        bool fieldsKnown = true;
        for (auto it = endpoint.fields.constBegin(); it != endpoint.fields.constEnd(); ++it) {
            const QString &field = it.key();
            if (!profile.hasField(field)) {
                problem(field, tr("%1 has no %2; remove it").arg(profile.name(), field));
                fieldsKnown = false;
            } else if (field == statusField) {
                if (it.value().toString() == QLatin1String("active") || profile.createFields().contains(field))
                    createable.insert(field, it.value());
                else if (!profile.updateFields().contains(field))
                    problem(field, tr("%1 cannot pause an endpoint").arg(profile.name()));
            } else if (profile.createFields().contains(field)) {
                createable.insert(field, it.value());
            } else if (profile.updateFields().contains(field)) {
                const EndpointDraft draft = EndpointFields::draftOf({{field, it.value()}}, QString(), profile);
                if (field == QLatin1String("scope"))
                    followUp.scope = draft.scope;
                else if (field == QLatin1String("metadata"))
                    followUp.metadata = draft.metadata;
                else if (field == QLatin1String("headers"))
                    followUp.headers = draft.headers;
                else if (field == QLatin1String("timeoutMs"))
                    followUp.timeoutMs = draft.timeoutMs;
                else if (field == QLatin1String("label"))
                    followUp.label = draft.label;
            } else {
                problem(field, tr("%1 takes no %2, neither on create nor on update").arg(profile.name(), field));
                fieldsKnown = false;
            }
        }
        if (endpoint.fields.value(QStringLiteral("metadata"))
                .toObject()
                .contains(EndpointFields::reservedMetadataKey()))
            problem(QStringLiteral("metadata"), tr("metadata key \"%1\" is where Webhook Console keeps the endpoint's "
                                                   "key; give the key as key: instead")
                                                    .arg(EndpointFields::reservedMetadataKey()));
        if (!fieldsKnown)
            continue;
        for (const ValidationIssue &issue :
             validator.validate(EndpointFields::draftOf(createable, endpoint.key, profile)))
            problem(issue.field, issue.message);
        for (const ValidationIssue &issue : validator.validate(followUp))
            problem(issue.field, issue.message);
    }
    return problems;
}
