#pragma once

#include "DeliveryFormat.h"
#include "EndpointStatus.h"
#include "EventType.h"
#include "SecretFormat.h"
#include "SignatureScheme.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

// Everything the console knows about one provider's webhook API, read from a JSON profile
// (resources/providers/*.json, or a user's <config>/providers/*.json). Code never asks
// "which provider is this?"; it asks the profile. The JSON schema is documented in
// resources/providers/README.md.
class ProviderProfile final {
public:
    struct Region {
        QString id;
        QString name;
        QString baseUrl;
    };
    struct AuthScheme {
        QString id;     // "x-api-key", "bearer"
        QString header; // "X-Api-Key", "Authorization"
        QString prefix; // "", "Bearer "
    };
    // Where an endpoint and a secret sit in a create or rotate response.
    // An empty endpointKey means the endpoint object is the response itself.
    struct SecretResponse {
        QString endpointKey;
        QString secretKey;
    };
    enum class Pagination { None, Cursor, StartingAfter };
    enum class PlainHttp { Never, LocalhostInDevelopment, AnyInDevelopment };
    enum class StatusType { String, Boolean };

    // Parses and checks a profile. On failure returns nullopt and sets *error to a sentence
    // naming the first offending key.
    static std::optional<ProviderProfile> fromJson(const QJsonObject &json, QString *error);
    static std::optional<ProviderProfile> fromFile(const QString &path, QString *error);

    QString id() const { return m_id; }
    QString name() const { return m_name; }
    QList<Region> regions() const { return m_regions; }
    QString defaultBaseUrl() const { return m_regions.isEmpty() ? QString() : m_regions.first().baseUrl; }

    // Paths with "{id}" placeholders. rotate/test paths are empty where the provider lacks them.
    QString collectionPath() const { return m_collectionPath; }
    QString itemPath(const QString &endpointId) const;
    QString rotateSecretPath(const QString &endpointId) const;
    QString testPath(const QString &endpointId) const;
    bool canRotateSecret() const { return !m_rotatePath.isEmpty(); }
    bool canSendTest() const { return !m_testPath.isEmpty(); }
    QString updateMethod() const { return m_updateMethod; }

    QList<AuthScheme> authSchemes() const { return m_authSchemes; }
    AuthScheme authScheme(const QString &schemeId) const; // the default for an empty or unknown id

    // The header name for Idempotency-Key, or empty when the provider does not honour one.
    QString idempotencyHeader() const { return m_idempotencyHeader; }
    bool sendsIdempotencyKey(const QString &operation) const; // "create", "update"
    // How long the provider replays a request by its Idempotency-Key (Layers documents 24 h).
    int idempotencyWindowHours() const { return m_idempotencyWindowHours; }

    // Canonical field name ("label", "events", "consecutiveFailures", ...) -> provider's JSON key.
    // Empty when the provider has no such field.
    QString wireField(const QString &canonical) const { return m_fields.value(canonical); }
    QString canonicalField(const QString &wire) const { return m_fields.key(wire); }
    bool hasField(const QString &canonical) const { return m_fields.contains(canonical); }
    QStringList createFields() const { return m_createFields; } // canonical names accepted on create
    QStringList updateFields() const { return m_updateFields; } // canonical names accepted on update

    bool labelRequired() const { return m_labelRequired; }
    int labelMaxLength() const { return m_labelMaxLength; } // 0 = no documented limit
    bool labelClearsWithNull() const { return m_labelClearsWithNull; }

    StatusType statusType() const { return m_statusType; }
    QString statusField() const { return m_fields.value(QStringLiteral("status")); }
    QMap<QString, QString> statusValues() const { return m_statusValues; } // wire text ("true" for bools) -> canonical
    QJsonValue activateValue() const { return m_activateValue; }
    QJsonValue deactivateValue() const { return m_deactivateValue; }

    SecretResponse createResponse() const { return m_createResponse; }
    SecretResponse rotateResponse() const { return m_rotateResponse; }

    QString listItemsKey() const { return m_listItemsKey; } // empty: the body is the array
    Pagination pagination() const { return m_pagination; }
    QString paginationParam() const { return m_paginationParam; }                 // "cursor", "starting_after"
    QString paginationResponseField() const { return m_paginationResponseField; } // "nextCursor", "has_more"

    // Dotted paths into an error body: "error.code", "error.message", "message", "error".
    QString errorCodePath() const { return m_errorCodePath; }
    QString errorMessagePath() const { return m_errorMessagePath; }
    QString errorFieldPath() const { return m_errorFieldPath; }
    // The code (at errorCodePath) of a 404 that means "no such endpoint"; empty where the provider
    // documents none, and then a 404 with a message at errorMessagePath is its not-found shape.
    QString errorNotFoundCode() const { return m_errorNotFoundCode; }

    int eventsMin() const { return m_eventsMin; }
    int eventsMax() const { return m_eventsMax; } // 0 = no documented maximum
    int urlMaxLength() const { return m_urlMaxLength; }
    PlainHttp plainHttp() const { return m_plainHttp; }
    std::optional<int> timeoutMsMin() const { return m_timeoutMsMin; }
    std::optional<int> timeoutMsMax() const { return m_timeoutMsMax; }
    std::optional<int> timeoutMsDefault() const { return m_timeoutMsDefault; }
    QStringList scopes() const { return m_scopes; }
    QRegularExpression idPattern() const { return m_idPattern; }

    QList<EventType> catalog() const { return m_catalog; }
    std::optional<EventType> catalogEvent(const QString &type) const;
    // An open catalog accepts well-formed types beyond the listed ones (flagged as custom).
    bool catalogIsOpen() const { return m_catalogOpen; }
    QRegularExpression customEventPattern() const { return m_customEventPattern; }

    // The form of this provider's signing secrets (Import checks a pasted one against it).
    SecretFormat secretFormat() const { return m_secretFormat; }
    // How this provider signs its deliveries (the "signature" section); not stated when absent.
    SignatureScheme signatureScheme() const { return m_signatureScheme; }
    // What its delivery bodies look like (the "delivery" section): where the event type sits.
    DeliveryFormat deliveryFormat() const { return m_deliveryFormat; }

    QJsonObject json() const { return m_json; }

private:
    QJsonObject m_json;
    QString m_id;
    QString m_name;
    QList<Region> m_regions;
    QString m_collectionPath;
    QString m_itemPath;
    QString m_rotatePath;
    QString m_testPath;
    QString m_updateMethod;
    QList<AuthScheme> m_authSchemes;
    QString m_defaultAuthScheme;
    QString m_idempotencyHeader;
    QStringList m_idempotencyOperations;
    int m_idempotencyWindowHours = 24;
    QMap<QString, QString> m_fields;
    QStringList m_createFields;
    QStringList m_updateFields;
    bool m_labelRequired = false;
    int m_labelMaxLength = 0;
    bool m_labelClearsWithNull = false;
    StatusType m_statusType = StatusType::String;
    QMap<QString, QString> m_statusValues;
    QJsonValue m_activateValue;
    QJsonValue m_deactivateValue;
    SecretResponse m_createResponse;
    SecretResponse m_rotateResponse;
    QString m_listItemsKey;
    Pagination m_pagination = Pagination::None;
    QString m_paginationParam;
    QString m_paginationResponseField;
    QString m_errorCodePath;
    QString m_errorMessagePath;
    QString m_errorFieldPath;
    QString m_errorNotFoundCode;
    int m_eventsMin = 1;
    int m_eventsMax = 0;
    int m_urlMaxLength = 2048;
    PlainHttp m_plainHttp = PlainHttp::Never;
    std::optional<int> m_timeoutMsMin;
    std::optional<int> m_timeoutMsMax;
    std::optional<int> m_timeoutMsDefault;
    QStringList m_scopes;
    QRegularExpression m_idPattern;
    QList<EventType> m_catalog;
    bool m_catalogOpen = false;
    QRegularExpression m_customEventPattern;
    SecretFormat m_secretFormat;
    SignatureScheme m_signatureScheme;
    DeliveryFormat m_deliveryFormat;
};
