#include "ProviderProfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ProviderProfile", text);
}

const QStringList &canonicalFields() {
    static const QStringList fields{QStringLiteral("id"),
                                    QStringLiteral("url"),
                                    QStringLiteral("events"),
                                    QStringLiteral("label"),
                                    QStringLiteral("status"),
                                    QStringLiteral("projectId"),
                                    QStringLiteral("scope"),
                                    QStringLiteral("metadata"),
                                    QStringLiteral("headers"),
                                    QStringLiteral("timeoutMs"),
                                    QStringLiteral("secretVersion"),
                                    QStringLiteral("createdAt"),
                                    QStringLiteral("updatedAt"),
                                    QStringLiteral("lastSuccessAt"),
                                    QStringLiteral("lastFailureAt"),
                                    QStringLiteral("consecutiveFailures")};
    return fields;
}

// Reads one profile, remembering the first problem so the caller can report it with the file name.
class ProfileReader {
public:
    explicit ProfileReader(const QJsonObject &root)
        : m_root(root) {}

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

    void fail(const QString &key, const QString &why) {
        if (m_error.isEmpty())
            m_error = tr("\"%1\": %2").arg(key, why);
    }

    QJsonObject object(const QJsonObject &parent, const QString &key, const QString &path, bool required = true) {
        const QJsonValue value = parent.value(key);
        if (value.isObject())
            return value.toObject();
        if (required || !(value.isUndefined() || value.isNull()))
            fail(path, tr("expected an object"));
        return {};
    }

    QString string(const QJsonObject &parent, const QString &key, const QString &path, bool required = true) {
        const QJsonValue value = parent.value(key);
        if (value.isString())
            return value.toString();
        if (required || !(value.isUndefined() || value.isNull()))
            fail(path, tr("expected a string"));
        return {};
    }

    std::optional<int> integer(const QJsonObject &parent, const QString &key, const QString &path) {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > 1e9 || number != static_cast<int>(number)) {
            fail(path, tr("expected a whole number of at least 0"));
            return std::nullopt;
        }
        return static_cast<int>(number);
    }

    QStringList strings(const QJsonObject &parent, const QString &key, const QString &path) {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return {};
        if (!value.isArray()) {
            fail(path, tr("expected an array of strings"));
            return {};
        }
        QStringList result;
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString()) {
                fail(path, tr("expected an array of strings"));
                return {};
            }
            result << item.toString();
        }
        return result;
    }

    QRegularExpression pattern(const QJsonObject &parent, const QString &key, const QString &path) {
        const QString text = string(parent, key, path, false);
        QRegularExpression expression(text.isEmpty() ? QStringLiteral(".*") : text);
        if (!expression.isValid())
            fail(path, tr("not a valid regular expression (%1)").arg(expression.errorString()));
        return expression;
    }

private:
    QJsonObject m_root;
    QString m_error;
};

ProviderProfile::SecretResponse readSecretResponse(ProfileReader &reader, const QJsonObject &root, const QString &key) {
    const QJsonObject object = reader.object(root, key, key, false);
    ProviderProfile::SecretResponse response;
    if (object.isEmpty())
        return response;
    response.endpointKey = reader.string(object, QStringLiteral("endpoint"), key + QStringLiteral(".endpoint"));
    response.secretKey = reader.string(object, QStringLiteral("secret"), key + QStringLiteral(".secret"));
    if (response.secretKey.isEmpty())
        reader.fail(key + QStringLiteral(".secret"), tr("must name the key that holds the signing secret"));
    return response;
}

QString substituteId(const QString &path, const QString &endpointId) {
    if (path.isEmpty())
        return {};
    return QString(path).replace(QStringLiteral("{id}"), QString::fromLatin1(QUrl::toPercentEncoding(endpointId)));
}

} // namespace

std::optional<ProviderProfile> ProviderProfile::fromFile(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the file: %1").arg(file.errorString());
        return std::nullopt;
    }
    constexpr qint64 maxProfileSize = 1024 * 1024;
    if (file.size() > maxProfileSize) {
        *error = tr("the file is larger than 1 MiB");
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = tr("the profile must be a JSON object");
        return std::nullopt;
    }
    return fromJson(document.object(), error);
}

std::optional<ProviderProfile> ProviderProfile::fromJson(const QJsonObject &root, QString *error) {
    ProfileReader reader(root);
    ProviderProfile profile;
    profile.m_json = root;

    if (root.value(QStringLiteral("schemaVersion")).toInt() != 1)
        reader.fail(QStringLiteral("schemaVersion"), tr("only version 1 is understood"));
    profile.m_id = reader.string(root, QStringLiteral("id"), QStringLiteral("id"));
    if (!reader.failed() && !QRegularExpression(QStringLiteral("^[a-z][a-z0-9-]*$")).match(profile.m_id).hasMatch())
        reader.fail(QStringLiteral("id"), tr("use lower-case letters, digits and dashes"));
    profile.m_name = reader.string(root, QStringLiteral("name"), QStringLiteral("name"));

    const QJsonValue regions = root.value(QStringLiteral("regions"));
    if (!regions.isArray() || regions.toArray().isEmpty())
        reader.fail(QStringLiteral("regions"), tr("expected a non-empty array"));
    for (const QJsonValue &value : regions.toArray()) {
        const QJsonObject region = value.toObject();
        Region parsed{reader.string(region, QStringLiteral("id"), QStringLiteral("regions[].id")),
                      reader.string(region, QStringLiteral("name"), QStringLiteral("regions[].name")),
                      reader.string(region, QStringLiteral("baseUrl"), QStringLiteral("regions[].baseUrl"))};
        const QUrl url(parsed.baseUrl, QUrl::StrictMode);
        if (!reader.failed() && (!url.isValid() || url.scheme() != QLatin1String("https")))
            reader.fail(QStringLiteral("regions[].baseUrl"), tr("expected an https URL"));
        profile.m_regions << parsed;
    }

    const QJsonObject paths = reader.object(root, QStringLiteral("paths"), QStringLiteral("paths"));
    profile.m_collectionPath = reader.string(paths, QStringLiteral("collection"), QStringLiteral("paths.collection"));
    profile.m_itemPath = reader.string(paths, QStringLiteral("item"), QStringLiteral("paths.item"));
    profile.m_rotatePath =
        reader.string(paths, QStringLiteral("rotateSecret"), QStringLiteral("paths.rotateSecret"), false);
    profile.m_testPath = reader.string(paths, QStringLiteral("test"), QStringLiteral("paths.test"), false);
    for (const QString &path : {profile.m_collectionPath, profile.m_itemPath}) {
        if (!reader.failed() && !path.startsWith(QLatin1Char('/')))
            reader.fail(QStringLiteral("paths"), tr("paths must start with /"));
    }
    for (const QString &path : {profile.m_itemPath, profile.m_rotatePath, profile.m_testPath}) {
        if (!reader.failed() && !path.isEmpty() && !path.contains(QLatin1String("{id}")))
            reader.fail(QStringLiteral("paths"), tr("item, rotateSecret and test paths need an {id} placeholder"));
    }

    profile.m_updateMethod = reader.string(root, QStringLiteral("updateMethod"), QStringLiteral("updateMethod"));
    if (!reader.failed() && profile.m_updateMethod != QLatin1String("PATCH") &&
        profile.m_updateMethod != QLatin1String("PUT") && profile.m_updateMethod != QLatin1String("POST"))
        reader.fail(QStringLiteral("updateMethod"), tr("expected PATCH, PUT or POST"));

    const QJsonObject auth = reader.object(root, QStringLiteral("auth"), QStringLiteral("auth"));
    profile.m_defaultAuthScheme = reader.string(auth, QStringLiteral("default"), QStringLiteral("auth.default"));
    for (const QJsonValue &value : auth.value(QStringLiteral("schemes")).toArray()) {
        const QJsonObject scheme = value.toObject();
        profile.m_authSchemes << AuthScheme{
            reader.string(scheme, QStringLiteral("id"), QStringLiteral("auth.schemes[].id")),
            reader.string(scheme, QStringLiteral("header"), QStringLiteral("auth.schemes[].header")),
            reader.string(scheme, QStringLiteral("prefix"), QStringLiteral("auth.schemes[].prefix"), false)};
    }
    const bool defaultSchemeListed =
        std::any_of(profile.m_authSchemes.cbegin(), profile.m_authSchemes.cend(),
                    [&](const AuthScheme &s) { return s.id == profile.m_defaultAuthScheme; });
    if (!reader.failed() && !defaultSchemeListed)
        reader.fail(QStringLiteral("auth.default"), tr("must be the id of one of auth.schemes"));

    const QJsonObject idempotency =
        reader.object(root, QStringLiteral("idempotency"), QStringLiteral("idempotency"), false);
    if (!idempotency.isEmpty()) {
        profile.m_idempotencyHeader =
            reader.string(idempotency, QStringLiteral("header"), QStringLiteral("idempotency.header"));
        profile.m_idempotencyOperations =
            reader.strings(idempotency, QStringLiteral("operations"), QStringLiteral("idempotency.operations"));
        profile.m_idempotencyWindowHours =
            reader.integer(idempotency, QStringLiteral("windowHours"), QStringLiteral("idempotency.windowHours"))
                .value_or(24);
    }

    const QJsonObject fields = reader.object(root, QStringLiteral("fields"), QStringLiteral("fields"));
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (!canonicalFields().contains(it.key()))
            reader.fail(
                QStringLiteral("fields.") + it.key(),
                tr("not a canonical field; expected one of %1").arg(canonicalFields().join(QStringLiteral(", "))));
        if (!it.value().isString() || it.value().toString().isEmpty())
            reader.fail(QStringLiteral("fields.") + it.key(), tr("expected the provider's JSON key as a string"));
        profile.m_fields.insert(it.key(), it.value().toString());
    }
    for (const char *required : {"id", "url", "events", "status"}) {
        if (!profile.m_fields.contains(QLatin1String(required)))
            reader.fail(QStringLiteral("fields.") + QLatin1String(required), tr("this field is required"));
    }
    profile.m_createFields = reader.strings(root, QStringLiteral("createFields"), QStringLiteral("createFields"));
    profile.m_updateFields = reader.strings(root, QStringLiteral("updateFields"), QStringLiteral("updateFields"));
    for (const QString &field : profile.m_createFields + profile.m_updateFields) {
        if (!reader.failed() && !profile.m_fields.contains(field))
            reader.fail(QStringLiteral("createFields/updateFields"), tr("\"%1\" is not in \"fields\"").arg(field));
    }

    const QJsonObject label = reader.object(root, QStringLiteral("label"), QStringLiteral("label"), false);
    profile.m_labelRequired = label.value(QStringLiteral("required")).toBool(false);
    profile.m_labelMaxLength =
        reader.integer(label, QStringLiteral("maxLength"), QStringLiteral("label.maxLength")).value_or(0);
    profile.m_labelClearsWithNull = label.value(QStringLiteral("clearWithNull")).toBool(false);

    const QJsonObject status = reader.object(root, QStringLiteral("status"), QStringLiteral("status"));
    const QString statusType = reader.string(status, QStringLiteral("type"), QStringLiteral("status.type"));
    if (statusType == QLatin1String("boolean"))
        profile.m_statusType = StatusType::Boolean;
    else if (statusType != QLatin1String("string") && !reader.failed())
        reader.fail(QStringLiteral("status.type"), tr("expected \"string\" or \"boolean\""));
    const QJsonObject statusValues = reader.object(status, QStringLiteral("values"), QStringLiteral("status.values"));
    for (auto it = statusValues.constBegin(); it != statusValues.constEnd(); ++it) {
        const QString canonical = it.value().toString();
        if (endpointStatusFromName(canonical) == EndpointStatus::Unknown)
            reader.fail(QStringLiteral("status.values.") + it.key(),
                        tr("expected one of active, paused, autoPaused, disabled"));
        profile.m_statusValues.insert(it.key(), canonical);
    }
    profile.m_activateValue = status.value(QStringLiteral("activate"));
    profile.m_deactivateValue = status.value(QStringLiteral("deactivate"));
    const auto statusValueOk = [&](const QJsonValue &value) {
        return profile.m_statusType == StatusType::Boolean ? value.isBool() : value.isString();
    };
    if (!statusValueOk(profile.m_activateValue) || !statusValueOk(profile.m_deactivateValue))
        reader.fail(QStringLiteral("status.activate/deactivate"), tr("expected values of the status type"));

    profile.m_createResponse = readSecretResponse(reader, root, QStringLiteral("createResponse"));
    if (profile.m_createResponse.secretKey.isEmpty())
        reader.fail(QStringLiteral("createResponse"), tr("must say where the signing secret is"));
    profile.m_rotateResponse = readSecretResponse(reader, root, QStringLiteral("rotateResponse"));
    if (profile.canRotateSecret() && profile.m_rotateResponse.secretKey.isEmpty())
        reader.fail(QStringLiteral("rotateResponse"),
                    tr("a profile with paths.rotateSecret must say where the new secret is"));

    const QJsonObject list = reader.object(root, QStringLiteral("list"), QStringLiteral("list"));
    profile.m_listItemsKey = reader.string(list, QStringLiteral("items"), QStringLiteral("list.items"));
    const QJsonObject pagination = reader.object(list, QStringLiteral("pagination"), QStringLiteral("list.pagination"));
    const QString paginationType =
        reader.string(pagination, QStringLiteral("type"), QStringLiteral("list.pagination.type"));
    if (paginationType == QLatin1String("cursor"))
        profile.m_pagination = Pagination::Cursor;
    else if (paginationType == QLatin1String("startingAfter"))
        profile.m_pagination = Pagination::StartingAfter;
    else if (paginationType != QLatin1String("none") && !reader.failed())
        reader.fail(QStringLiteral("list.pagination.type"), tr("expected none, cursor or startingAfter"));
    if (profile.m_pagination != Pagination::None) {
        profile.m_paginationParam =
            reader.string(pagination, QStringLiteral("param"), QStringLiteral("list.pagination.param"));
        profile.m_paginationResponseField =
            reader.string(pagination, QStringLiteral("responseField"), QStringLiteral("list.pagination.responseField"));
        if (profile.m_listItemsKey.isEmpty())
            reader.fail(QStringLiteral("list.items"), tr("a paginated list needs the key of its items"));
    }

    const QJsonObject errors = reader.object(root, QStringLiteral("errors"), QStringLiteral("errors"));
    profile.m_errorCodePath = reader.string(errors, QStringLiteral("code"), QStringLiteral("errors.code"), false);
    profile.m_errorMessagePath = reader.string(errors, QStringLiteral("message"), QStringLiteral("errors.message"));
    profile.m_errorFieldPath = reader.string(errors, QStringLiteral("field"), QStringLiteral("errors.field"), false);
    profile.m_errorNotFoundCode =
        reader.string(errors, QStringLiteral("notFoundCode"), QStringLiteral("errors.notFoundCode"), false);

    const QJsonObject limits = reader.object(root, QStringLiteral("limits"), QStringLiteral("limits"));
    profile.m_eventsMin =
        reader.integer(limits, QStringLiteral("eventsMin"), QStringLiteral("limits.eventsMin")).value_or(1);
    profile.m_eventsMax =
        reader.integer(limits, QStringLiteral("eventsMax"), QStringLiteral("limits.eventsMax")).value_or(0);
    profile.m_urlMaxLength =
        reader.integer(limits, QStringLiteral("urlMaxLength"), QStringLiteral("limits.urlMaxLength")).value_or(2048);
    profile.m_timeoutMsMin =
        reader.integer(limits, QStringLiteral("timeoutMsMin"), QStringLiteral("limits.timeoutMsMin"));
    profile.m_timeoutMsMax =
        reader.integer(limits, QStringLiteral("timeoutMsMax"), QStringLiteral("limits.timeoutMsMax"));
    profile.m_timeoutMsDefault =
        reader.integer(limits, QStringLiteral("timeoutMsDefault"), QStringLiteral("limits.timeoutMsDefault"));
    if (profile.m_eventsMax > 0 && profile.m_eventsMax < profile.m_eventsMin)
        reader.fail(QStringLiteral("limits.eventsMax"), tr("must be at least limits.eventsMin"));

    const QJsonObject url = reader.object(root, QStringLiteral("url"), QStringLiteral("url"));
    const QString plainHttp = reader.string(url, QStringLiteral("plainHttp"), QStringLiteral("url.plainHttp"));
    if (plainHttp == QLatin1String("localhostInDevelopment"))
        profile.m_plainHttp = PlainHttp::LocalhostInDevelopment;
    else if (plainHttp == QLatin1String("anyInDevelopment"))
        profile.m_plainHttp = PlainHttp::AnyInDevelopment;
    else if (plainHttp != QLatin1String("never") && !reader.failed())
        reader.fail(QStringLiteral("url.plainHttp"), tr("expected never, localhostInDevelopment or anyInDevelopment"));

    profile.m_scopes = reader.strings(root, QStringLiteral("scopes"), QStringLiteral("scopes"));
    profile.m_idPattern = reader.pattern(root, QStringLiteral("idPattern"), QStringLiteral("idPattern"));

    const QJsonObject catalog = reader.object(root, QStringLiteral("catalog"), QStringLiteral("catalog"));
    profile.m_catalogOpen = catalog.value(QStringLiteral("open")).toBool(false);
    profile.m_customEventPattern =
        reader.pattern(catalog, QStringLiteral("customPattern"), QStringLiteral("catalog.customPattern"));
    const QJsonValue events = catalog.value(QStringLiteral("events"));
    if (!events.isArray() || events.toArray().isEmpty())
        reader.fail(QStringLiteral("catalog.events"), tr("expected a non-empty array"));
    for (const QJsonValue &value : events.toArray()) {
        const QJsonObject event = value.toObject();
        EventType type;
        type.type = reader.string(event, QStringLiteral("type"), QStringLiteral("catalog.events[].type"));
        type.description =
            reader.string(event, QStringLiteral("description"), QStringLiteral("catalog.events[].description"), false);
        type.subscribable = event.value(QStringLiteral("subscribable")).toBool(true);
        type.notSubscribableReason =
            reader.string(event, QStringLiteral("reason"), QStringLiteral("catalog.events[].reason"), false);
        if (!reader.failed() && type.type.isEmpty())
            reader.fail(QStringLiteral("catalog.events[].type"), tr("must not be empty"));
        profile.m_catalog << type;
    }

    QString secretError;
    const std::optional<SecretFormat> secret =
        SecretFormat::fromJson(root.value(QStringLiteral("secret")).toObject(), &secretError);
    if (!secret && !reader.failed())
        reader.fail(QStringLiteral("secret"), secretError);
    profile.m_secretFormat = secret.value_or(SecretFormat());

    const QJsonValue signature = root.value(QStringLiteral("signature"));
    if (!signature.isUndefined() && !signature.isObject())
        reader.fail(QStringLiteral("signature"), tr("expected an object"));
    QString signatureKey;
    QString signatureError;
    const std::optional<SignatureScheme> scheme =
        SignatureScheme::fromJson(signature.toObject(), &signatureKey, &signatureError);
    if (!scheme)
        reader.fail(signatureKey, signatureError);
    profile.m_signatureScheme = scheme.value_or(SignatureScheme());

    const QJsonValue delivery = root.value(QStringLiteral("delivery"));
    if (!delivery.isUndefined() && !delivery.isObject())
        reader.fail(QStringLiteral("delivery"), tr("expected an object"));
    QString deliveryKey;
    QString deliveryError;
    const std::optional<DeliveryFormat> format =
        DeliveryFormat::fromJson(delivery.toObject(), &deliveryKey, &deliveryError);
    if (!format)
        reader.fail(deliveryKey, deliveryError);
    profile.m_deliveryFormat = format.value_or(DeliveryFormat());

    if (reader.failed()) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    return profile;
}

QString ProviderProfile::itemPath(const QString &endpointId) const {
    return substituteId(m_itemPath, endpointId);
}

QString ProviderProfile::rotateSecretPath(const QString &endpointId) const {
    return substituteId(m_rotatePath, endpointId);
}

QString ProviderProfile::testPath(const QString &endpointId) const {
    return substituteId(m_testPath, endpointId);
}

ProviderProfile::AuthScheme ProviderProfile::authScheme(const QString &schemeId) const {
    AuthScheme fallback;
    for (const AuthScheme &scheme : m_authSchemes) {
        if (scheme.id == schemeId)
            return scheme;
        if (scheme.id == m_defaultAuthScheme)
            fallback = scheme;
    }
    return fallback;
}

bool ProviderProfile::sendsIdempotencyKey(const QString &operation) const {
    return !m_idempotencyHeader.isEmpty() && m_idempotencyOperations.contains(operation);
}

std::optional<EventType> ProviderProfile::catalogEvent(const QString &type) const {
    for (const EventType &event : m_catalog) {
        if (event.type == type)
            return event;
    }
    return std::nullopt;
}
