#pragma once

#include "ApiError.h"
#include "EndpointDraft.h"
#include "EndpointPatch.h"
#include "ProviderProfile.h"
#include "WireNames.h"

#include <QByteArray>
#include <QJsonArray>
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
    // A list page read as far as its envelope: its items not yet read, and where the next page is.
    struct ListEnvelope {
        QJsonArray items;
        QString nextCursor; // empty on the last page
    };
    // Whether parsed endpoints keep the provider's own object (Endpoint::raw), which is most of their memory.
    enum class Raw { Keep, Drop };

    // What a parse accepts before calling an answer malformed: no real endpoint comes near these.
    static constexpr qsizetype maxBodyBytes = 10 * 1024 * 1024;
    static constexpr qsizetype maxFieldChars = 64 * 1024;
    static constexpr qsizetype maxItems = 10000; // list items, events, metadata or header entries

    explicit ProviderDialect(ProviderProfile profile);
    const ProviderProfile &profile() const { return m_profile; }
    const WireNames &wireNames() const { return m_wire; }
    // The canonical status for the provider's own ("true" and "false" for a boolean status).
    EndpointStatus statusFromWire(const QString &state) const;

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
    std::optional<ListPage> parseListPage(const QByteArray &body, ApiError *error, Raw raw = Raw::Keep) const;
    // parseListPage in two steps, so the next page can be asked for before this one's endpoints are read.
    std::optional<ListEnvelope> parseListEnvelope(const QByteArray &body, ApiError *error) const;
    std::optional<QList<Endpoint>> parseListItems(const QJsonArray &items, Raw raw, ApiError *error) const;
    ApiError parseError(int httpStatus, const QByteArray &body) const; // kind Http, with code/message/field

private:
    // Strict parses fail on the first bad field; lenient ones skip it (used to keep a secret whose
    // endpoint object is partly malformed). `listItem` (from 0; -1 when not in a list) names the
    // endpoint in messages ("list item 3").
    std::optional<Endpoint> parseEndpointObject(const QJsonObject &json, bool strict, qsizetype listItem, Raw raw,
                                                ApiError *error) const;
    std::optional<QJsonValue> parseJson(const QByteArray &body, const QString &what, ApiError *error) const;
    std::optional<SecretResult> parseSecretResponse(const QByteArray &body,
                                                    const ProviderProfile::SecretResponse &shape, bool isCreate,
                                                    ApiError *error) const;
    QJsonValue wireStatus(EndpointStatus status) const;

    ProviderProfile m_profile;
    WireNames m_wire;
};
