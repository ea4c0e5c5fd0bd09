#pragma once

#include "ApiError.h"
#include "EndpointDraft.h"
#include "EndpointPatch.h"
#include "ProviderProfile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QUrlQuery>

#include <optional>

// Translates between the canonical model and one provider's JSON, as its profile describes.
// The only place that knows field names, envelopes and error shapes; there is one dialect
// class for every provider. Every parse is defensive: wrong types, missing fields and
// huge bodies give an error, never a crash.
class ProviderDialect final {
public:
    struct SecretResult {
        Endpoint endpoint; // may be partial when the provider's rotate response carries no endpoint
        QString secret;
    };
    struct ListPage {
        QList<Endpoint> endpoints;
        QString nextCursor; // empty on the last page
    };

    // What a parse accepts before calling an answer malformed: no real endpoint comes near these.
    static constexpr qsizetype maxBodyBytes = 10 * 1024 * 1024;
    static constexpr qsizetype maxFieldChars = 64 * 1024;
    static constexpr qsizetype maxItems = 10000; // list items, events, metadata or header entries

    explicit ProviderDialect(ProviderProfile profile);
    const ProviderProfile &profile() const { return m_profile; }

    // Requests
    QJsonObject createBody(const EndpointDraft &draft) const;
    QJsonObject updateBody(const EndpointPatch &patch) const; // only the changed fields
    QJsonObject statusBody(bool active) const;                // {"status":"paused"}, {"is_active":false}, ...
    QUrlQuery listQuery(const QString &cursor) const;         // empty cursor: the first page

    // Responses. On failure return nullopt and set *error (kind Malformed) saying what was wrong.
    // Exception: a create answer that holds a secret but no usable endpoint returns the secret
    // *and* sets *error, because the secret exists at the provider and will never be shown again.
    std::optional<Endpoint> parseEndpoint(const QJsonObject &json, ApiError *error) const;
    std::optional<Endpoint> parseEndpointBody(const QByteArray &body, ApiError *error) const; // get / update
    std::optional<SecretResult> parseCreateResponse(const QByteArray &body, ApiError *error) const;
    std::optional<SecretResult> parseRotateResponse(const QByteArray &body, ApiError *error) const;
    std::optional<ListPage> parseListPage(const QByteArray &body, ApiError *error) const;
    ApiError parseError(int httpStatus, const QByteArray &body) const; // kind Http, with code/message/field

private:
    // Strict parses fail on the first bad field; lenient ones skip it (used to keep a secret whose
    // endpoint object is partly malformed). `where` names the endpoint in messages ("list item 3").
    std::optional<Endpoint> parseEndpointObject(const QJsonObject &json, bool strict, const QString &where,
                                                ApiError *error) const;
    std::optional<QJsonValue> parseJson(const QByteArray &body, const QString &what, ApiError *error) const;
    std::optional<SecretResult> parseSecretResponse(const QByteArray &body,
                                                    const ProviderProfile::SecretResponse &shape, bool isCreate,
                                                    ApiError *error) const;
    QJsonValue wireStatus(EndpointStatus status) const;

    ProviderProfile m_profile;
};
