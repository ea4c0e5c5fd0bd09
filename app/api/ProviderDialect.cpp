#include "ProviderDialect.h"

#include "JsonPath.h"
#include "Timestamp.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <limits>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ProviderDialect", text);
}

void setMalformed(ApiError *error, const QString &message) {
    if (!error)
        return;
    *error = ApiError();
    error->kind = ApiError::Kind::Malformed;
    error->message = message;
}

// Provider text shown to an operator: one line, and short enough for a message bar.
QString oneLine(const QString &text, qsizetype maxChars) {
    QString line = text.simplified();
    if (line.size() > maxChars)
        line = line.left(maxChars) + QChar(0x2026);
    return line;
}

// Codes are sometimes numbers ("code": 1001); both become text.
QString scalarText(const QJsonValue &value) {
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::isfinite(number) && number == std::floor(number) && std::abs(number) < 1e15)
            return QString::number(static_cast<qint64>(number));
        return QString::number(number);
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// Accepts what providers write for ISO 8601: with or without milliseconds, "Z" or an offset.
// A timestamp without an offset is taken as UTC, which is what every documented API sends.
std::optional<QDateTime> parseTimestamp(const QString &text) {
    if (const std::optional<qint64> msecs = Timestamp::parseCommon(text)) // the usual form, quickly
        return QDateTime::fromMSecsSinceEpoch(*msecs, Qt::UTC);
    QDateTime time = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toUTC();
}

// Reads one endpoint object field by field. In strict mode the first problem is remembered and
// reported; in lenient mode a bad field is skipped so whatever is readable survives.
class EndpointReader {
public:
    // `listItem` names the endpoint in messages ("list item 3"); -1 when it is not in a list. The
    // subject of a message is made only when there is one: a list reads thousands of endpoints.
    EndpointReader(const ProviderDialect &dialect, const QJsonObject &json, bool strict, qsizetype listItem)
        : m_dialect(dialect)
        , m_profile(dialect.profile())
        , m_json(json)
        , m_strict(strict)
        , m_listItem(listItem) {}

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

    std::optional<QString> text(const QString &wire, bool required) {
        const QJsonValue value = wireValue(wire);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                missing(wire);
            return std::nullopt;
        }
        if (!value.isString()) {
            problem(wire, tr("is not text"));
            return std::nullopt;
        }
        const QString result = value.toString();
        if (result.size() > ProviderDialect::maxFieldChars) {
            tooLong(wire);
            return std::nullopt;
        }
        if (required && result.isEmpty()) {
            problem(wire, tr("is empty"));
            return std::nullopt;
        }
        return result;
    }

    std::optional<QStringList> strings(const QString &wire, bool required) {
        const QJsonValue value = wireValue(wire);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                missing(wire);
            return std::nullopt;
        }
        if (!value.isArray()) {
            problem(wire, tr("is not a list of text values"));
            return std::nullopt;
        }
        const QJsonArray array = value.toArray();
        if (array.size() > ProviderDialect::maxItems) {
            tooMany(wire);
            return std::nullopt;
        }
        QStringList result;
        result.reserve(array.size());
        for (const QJsonValue &item : array) {
            if (!item.isString()) {
                problem(wire, tr("is not a list of text values"));
                return std::nullopt;
            }
            if (item.toString().size() > ProviderDialect::maxFieldChars) {
                tooLong(wire);
                return std::nullopt;
            }
            result << item.toString();
        }
        return result;
    }

    // Metadata is free-form at some providers (Signa); scalars become their JSON text and nested
    // values compact JSON, so an unusual value does not hide the endpoint. `raw` keeps the original.
    std::optional<StringMap> stringMap(const QString &wire) {
        const QJsonValue value = wireValue(wire);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isObject()) {
            problem(wire, tr("is not an object"));
            return std::nullopt;
        }
        const QJsonObject object = value.toObject();
        if (object.size() > ProviderDialect::maxItems) {
            tooMany(wire);
            return std::nullopt;
        }
        StringMap result;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            QString entry;
            if (it.value().isObject())
                entry = QString::fromUtf8(QJsonDocument(it.value().toObject()).toJson(QJsonDocument::Compact));
            else if (it.value().isArray())
                entry = QString::fromUtf8(QJsonDocument(it.value().toArray()).toJson(QJsonDocument::Compact));
            else
                entry = scalarText(it.value());
            if (entry.size() > ProviderDialect::maxFieldChars || it.key().size() > ProviderDialect::maxFieldChars) {
                tooLong(wire);
                return std::nullopt;
            }
            result.insert(it.key(), entry);
        }
        return result;
    }

    std::optional<int> wholeNumber(const QString &wire) {
        const QJsonValue value = wireValue(wire);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number) || number < 0 ||
            number > std::numeric_limits<int>::max()) {
            problem(wire, tr("is not a whole number"));
            return std::nullopt;
        }
        return static_cast<int>(number);
    }

    QDateTime timestamp(const QString &wire) {
        const std::optional<QString> value = text(wire, false);
        if (!value || value->isEmpty())
            return {};
        const std::optional<QDateTime> time = parseTimestamp(*value);
        if (!time)
            problem(wire, tr("is not an ISO 8601 timestamp"));
        return time.value_or(QDateTime());
    }

    // An unknown value is Unknown rather than an error: a provider may add states, and one new
    // state should not hide the whole list.
    EndpointStatus status(const QString &wire) {
        const QJsonValue value = wireValue(wire);
        if (value.isUndefined() || value.isNull())
            return EndpointStatus::Unknown;
        QString state;
        if (m_profile.statusType() == ProviderProfile::StatusType::Boolean) {
            if (!value.isBool()) {
                problem(wire, tr("is not true or false"));
                return EndpointStatus::Unknown;
            }
            state = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        } else {
            if (!value.isString()) {
                problem(wire, tr("is not text"));
                return EndpointStatus::Unknown;
            }
            state = value.toString();
        }
        return m_dialect.statusFromWire(state);
    }

private:
    // An empty wire name is a field the provider lacks.
    QJsonValue wireValue(const QString &wire) const {
        return wire.isEmpty() ? QJsonValue(QJsonValue::Undefined) : m_json.value(wire);
    }

    QString subject() const {
        return m_listItem < 0
                   ? tr("%1 sent an endpoint").arg(m_profile.name())
                   : tr("%1 sent an endpoint (%2)").arg(m_profile.name(), tr("list item %1").arg(m_listItem + 1));
    }

    void problem(const QString &wire, const QString &what) {
        if (m_strict && m_error.isEmpty())
            m_error = tr("%1 whose \"%2\" %3.").arg(subject(), wire, what);
    }
    void missing(const QString &wire) {
        if (m_strict && m_error.isEmpty())
            m_error = tr("%1 without \"%2\".").arg(subject(), wire);
    }
    void tooLong(const QString &wire) {
        problem(wire, tr("is longer than %1 characters").arg(ProviderDialect::maxFieldChars));
    }
    void tooMany(const QString &wire) { problem(wire, tr("has more than %1 entries").arg(ProviderDialect::maxItems)); }

    const ProviderDialect &m_dialect;
    const ProviderProfile &m_profile;
    const QJsonObject &m_json;
    bool m_strict;
    qsizetype m_listItem;
    QString m_error;
};

QJsonArray toJsonArray(const QStringList &list) {
    return QJsonArray::fromStringList(list);
}

QJsonObject toJsonObject(const StringMap &map) {
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

ProviderDialect::ProviderDialect(ProviderProfile profile)
    : m_profile(std::move(profile))
    , m_wire(WireNames::of(m_profile)) {}

EndpointStatus ProviderDialect::statusFromWire(const QString &state) const {
    return endpointStatusFromName(m_profile.statusValues().value(state));
}

// ---- requests -------------------------------------------------------------------------------

QJsonObject ProviderDialect::createBody(const EndpointDraft &draft) const {
    // Only createFields: PolyAI rejects any key it does not list (additionalProperties: false),
    // and a field the provider lacks is DraftValidator's to report, not ours to send.
    QJsonObject body;
    const QStringList fields = m_profile.createFields();
    const auto put = [&](const QString &canonical, const QJsonValue &value) {
        if (fields.contains(canonical))
            body.insert(m_profile.wireField(canonical), value);
    };
    put(QStringLiteral("url"), draft.url);
    put(QStringLiteral("events"), toJsonArray(draft.events));
    if (!draft.label.isEmpty() || m_profile.labelRequired())
        put(QStringLiteral("label"), draft.label);
    if (!draft.projectId.isEmpty())
        put(QStringLiteral("projectId"), draft.projectId);
    if (!draft.scope.isEmpty())
        put(QStringLiteral("scope"), draft.scope);
    if (!draft.metadata.isEmpty())
        put(QStringLiteral("metadata"), toJsonObject(draft.metadata));
    if (!draft.headers.isEmpty())
        put(QStringLiteral("headers"), toJsonObject(draft.headers));
    if (draft.timeoutMs)
        put(QStringLiteral("timeoutMs"), *draft.timeoutMs);
    if (draft.enabled)
        put(QStringLiteral("status"), *draft.enabled ? m_profile.activateValue() : m_profile.deactivateValue());
    return body;
}

QJsonObject ProviderDialect::updateBody(const EndpointPatch &patch) const {
    QJsonObject body;
    const QStringList fields = m_profile.updateFields();
    const auto put = [&](const QString &canonical, const QJsonValue &value) {
        if (fields.contains(canonical))
            body.insert(m_profile.wireField(canonical), value);
    };
    if (patch.url)
        put(QStringLiteral("url"), *patch.url);
    if (patch.events)
        put(QStringLiteral("events"), toJsonArray(*patch.events));
    if (patch.label) {
        // Clearing: null where the provider documents it (Layers), else the empty string, the
        // only other way to empty a text field. A required label (PolyAI's name) cannot be
        // cleared at all; DraftValidator reports that and nothing is sent for it.
        if (!patch.label->isEmpty())
            put(QStringLiteral("label"), *patch.label);
        else if (m_profile.labelClearsWithNull())
            put(QStringLiteral("label"), QJsonValue(QJsonValue::Null));
        else if (!m_profile.labelRequired())
            put(QStringLiteral("label"), QString());
    }
    if (patch.status) {
        const QJsonValue status = wireStatus(*patch.status);
        if (!status.isUndefined())
            put(QStringLiteral("status"), status);
    }
    // Metadata merges per key (an empty value unsets that key), so the change map is the body;
    // an empty change map changes nothing and is not sent.
    if (patch.metadata && !patch.metadata->isEmpty())
        put(QStringLiteral("metadata"), toJsonObject(*patch.metadata));
    if (patch.scope && !patch.scope->isEmpty())
        put(QStringLiteral("scope"), *patch.scope);
    // Headers replace the whole set, so an empty map is sent: it removes every header.
    if (patch.headers)
        put(QStringLiteral("headers"), toJsonObject(*patch.headers));
    if (patch.timeoutMs)
        put(QStringLiteral("timeoutMs"), *patch.timeoutMs);
    return body;
}

QJsonObject ProviderDialect::statusBody(bool active) const {
    return QJsonObject{{m_profile.statusField(), active ? m_profile.activateValue() : m_profile.deactivateValue()}};
}

// Only the profile's activate/deactivate values can be set; states the provider sets itself
// (Layers' auto_paused) and Unknown have no wire value and are left out of the body.
QJsonValue ProviderDialect::wireStatus(EndpointStatus status) const {
    switch (status) {
    case EndpointStatus::Active:
        return m_profile.activateValue();
    case EndpointStatus::Paused:
    case EndpointStatus::Disabled:
        return m_profile.deactivateValue();
    case EndpointStatus::AutoPaused:
    case EndpointStatus::Unknown:
        break;
    }
    return QJsonValue(QJsonValue::Undefined);
}

QUrlQuery ProviderDialect::listQuery(const QString &cursor) const {
    QUrlQuery query;
    if (!cursor.isEmpty() && m_profile.pagination() != ProviderProfile::Pagination::None)
        query.addQueryItem(m_profile.paginationParam(), QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    return query;
}

// ---- responses ------------------------------------------------------------------------------

std::optional<QJsonValue> ProviderDialect::parseJson(const QByteArray &body, const QString &what,
                                                     ApiError *error) const {
    if (body.size() > maxBodyBytes) {
        setMalformed(error, tr("%1 sent %2 larger than %3 MiB; it was not read.")
                                .arg(m_profile.name(), what)
                                .arg(maxBodyBytes / (1024 * 1024)));
        return std::nullopt;
    }
    if (body.trimmed().isEmpty()) {
        setMalformed(error, tr("%1 sent %2 with no content.").arg(m_profile.name(), what));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The parser's own message and offset only: the body itself may hold a secret.
        setMalformed(error, tr("%1 sent %2 that is not valid JSON (%3 at offset %4).")
                                .arg(m_profile.name(), what, parseError.errorString())
                                .arg(parseError.offset));
        return std::nullopt;
    }
    if (document.isArray())
        return QJsonValue(document.array());
    return QJsonValue(document.object());
}

std::optional<Endpoint> ProviderDialect::parseEndpointObject(const QJsonObject &json, bool strict, qsizetype listItem,
                                                             Raw raw, ApiError *error) const {
    EndpointReader reader(*this, json, strict, listItem);
    const WireNames &wire = m_wire;
    Endpoint endpoint;
    endpoint.id = reader.text(wire.id, true).value_or(QString());
    endpoint.url = reader.text(wire.url, true).value_or(QString());
    endpoint.events = reader.strings(wire.events, true).value_or(QStringList());
    endpoint.label = reader.text(wire.label, false).value_or(QString());
    endpoint.status = reader.status(wire.status);
    endpoint.projectId = reader.text(wire.projectId, false).value_or(QString());
    endpoint.scope = reader.text(wire.scope, false).value_or(QString());
    endpoint.metadata = reader.stringMap(wire.metadata).value_or(StringMap());
    endpoint.headers = reader.stringMap(wire.headers).value_or(StringMap());
    endpoint.timeoutMs = reader.wholeNumber(wire.timeoutMs);
    endpoint.secretVersion = reader.wholeNumber(wire.secretVersion);
    endpoint.createdAt = reader.timestamp(wire.createdAt);
    endpoint.updatedAt = reader.timestamp(wire.updatedAt);
    endpoint.lastSuccessAt = reader.timestamp(wire.lastSuccessAt);
    endpoint.lastFailureAt = reader.timestamp(wire.lastFailureAt);
    endpoint.consecutiveFailures = reader.wholeNumber(wire.consecutiveFailures);
    if (reader.failed()) {
        setMalformed(error, reader.error());
        return std::nullopt;
    }
    if (raw == Raw::Drop)
        return endpoint;
    // `raw` is shown in the details pane and printed by webhookctl --json: a secret that a flat
    // response carries beside the endpoint's fields must not travel with it.
    endpoint.raw = json;
    for (const QString &secretKey : wire.secretKeys)
        endpoint.raw.remove(secretKey);
    return endpoint;
}

std::optional<Endpoint> ProviderDialect::parseEndpoint(const QJsonObject &json, ApiError *error) const {
    return parseEndpointObject(json, true, -1, Raw::Keep, error);
}

std::optional<Endpoint> ProviderDialect::parseEndpointBody(const QByteArray &body, ApiError *error) const {
    const std::optional<QJsonValue> json = parseJson(body, tr("an endpoint"), error);
    if (!json)
        return std::nullopt;
    if (!json->isObject()) {
        setMalformed(error, tr("%1 sent an endpoint that is not a JSON object.").arg(m_profile.name()));
        return std::nullopt;
    }
    QJsonObject object = json->toObject();
    // Tolerate a get/update answer wrapped like the create answer ({"endpoint": {...}}).
    const QString envelope = m_profile.createResponse().endpointKey;
    if (!envelope.isEmpty() && !object.contains(m_profile.wireField(QStringLiteral("id"))) &&
        object.value(envelope).isObject())
        object = object.value(envelope).toObject();
    return parseEndpointObject(object, true, -1, Raw::Keep, error);
}

std::optional<ProviderDialect::SecretResult>
ProviderDialect::parseSecretResponse(const QByteArray &body, const ProviderProfile::SecretResponse &shape,
                                     bool isCreate, ApiError *error) const {
    const QString what = isCreate ? tr("a create answer") : tr("a rotate-secret answer");
    const std::optional<QJsonValue> json = parseJson(body, what, error);
    if (!json)
        return std::nullopt;
    if (!json->isObject()) {
        setMalformed(error, tr("%1 sent %2 that is not a JSON object.").arg(m_profile.name(), what));
        return std::nullopt;
    }
    const QJsonObject root = json->toObject();

    // Never put the value in a message: only say where it should have been.
    const QJsonValue secretValue = root.value(shape.secretKey);
    if (!secretValue.isString() || secretValue.toString().isEmpty()) {
        setMalformed(error,
                     tr("%1 sent %2 without a signing secret in \"%3\".").arg(m_profile.name(), what, shape.secretKey));
        return std::nullopt;
    }
    if (secretValue.toString().size() > maxFieldChars) {
        setMalformed(error, tr("%1 sent %2 whose signing secret in \"%3\" is longer than %4 characters.")
                                .arg(m_profile.name(), what, shape.secretKey)
                                .arg(maxFieldChars));
        return std::nullopt;
    }

    QJsonObject endpointJson;
    bool hasEndpoint = true;
    if (shape.endpointKey.isEmpty()) {
        endpointJson = root;
    } else if (root.value(shape.endpointKey).isObject()) {
        endpointJson = root.value(shape.endpointKey).toObject();
    } else {
        hasEndpoint = false;
    }
    SecretResult result;
    result.secret = secretValue.toString();
    if (!hasEndpoint && isCreate) {
        // The secret is real and one-time: hand it back with the error so it can be shown.
        setMalformed(
            error, tr("%1 sent %2 without the endpoint object \"%3\".").arg(m_profile.name(), what, shape.endpointKey));
        return result;
    }
    if (!hasEndpoint)
        return result; // a rotate answer may carry the secret alone; the caller knows the id

    ApiError strictError;
    if (std::optional<Endpoint> endpoint = parseEndpointObject(endpointJson, true, -1, Raw::Keep, &strictError)) {
        result.endpoint = *endpoint;
        return result;
    }
    // The provider has already made (or rotated) the secret and will never show it again, so a
    // malformed detail must not lose it: keep what is readable. A create still needs the id, the
    // secret's keychain key; a rotate's caller knows the id already.
    Endpoint partial = parseEndpointObject(endpointJson, false, -1, Raw::Keep, nullptr).value_or(Endpoint());
    if (isCreate && partial.id.isEmpty()) {
        if (error)
            *error = strictError;
        return result; // the secret, without an id to file it under: the caller must show it
    }
    result.endpoint = partial;
    return result;
}

std::optional<ProviderDialect::SecretResult> ProviderDialect::parseCreateResponse(const QByteArray &body,
                                                                                  ApiError *error) const {
    return parseSecretResponse(body, m_profile.createResponse(), true, error);
}

std::optional<ProviderDialect::SecretResult> ProviderDialect::parseRotateResponse(const QByteArray &body,
                                                                                  ApiError *error) const {
    if (!m_profile.canRotateSecret() || m_profile.rotateResponse().secretKey.isEmpty()) {
        if (error) {
            *error = ApiError();
            error->kind = ApiError::Kind::Unsupported;
            error->message = tr("%1 cannot rotate a signing secret.").arg(m_profile.name());
        }
        return std::nullopt;
    }
    return parseSecretResponse(body, m_profile.rotateResponse(), false, error);
}

std::optional<ProviderDialect::ListPage> ProviderDialect::parseListPage(const QByteArray &body, ApiError *error,
                                                                        Raw raw) const {
    std::optional<ListEnvelope> envelope = parseListEnvelope(body, error);
    if (!envelope)
        return std::nullopt;
    std::optional<QList<Endpoint>> endpoints = parseListItems(envelope->items, raw, error);
    if (!endpoints)
        return std::nullopt;
    return ListPage{std::move(*endpoints), envelope->nextCursor};
}

std::optional<ProviderDialect::ListEnvelope> ProviderDialect::parseListEnvelope(const QByteArray &body,
                                                                                ApiError *error) const {
    const std::optional<QJsonValue> json = parseJson(body, tr("a list of endpoints"), error);
    if (!json)
        return std::nullopt;

    const QString itemsKey = m_profile.listItemsKey();
    ListEnvelope page;
    QJsonObject envelope;
    if (itemsKey.isEmpty()) {
        if (!json->isArray()) {
            setMalformed(error, tr("%1 sent a list of endpoints that is not a JSON array.").arg(m_profile.name()));
            return std::nullopt;
        }
        page.items = json->toArray();
    } else {
        if (!json->isObject() || !json->toObject().value(itemsKey).isArray()) {
            setMalformed(error,
                         tr("%1 sent a list of endpoints without an array in \"%2\".").arg(m_profile.name(), itemsKey));
            return std::nullopt;
        }
        envelope = json->toObject();
        page.items = envelope.value(itemsKey).toArray();
    }
    if (page.items.size() > maxItems) {
        setMalformed(
            error,
            tr("%1 sent a list of more than %2 endpoints; it was not read.").arg(m_profile.name()).arg(maxItems));
        return std::nullopt;
    }

    const QString responseField = m_profile.paginationResponseField();
    const QJsonValue more = envelope.value(responseField);
    switch (m_profile.pagination()) {
    case ProviderProfile::Pagination::None:
        break;
    case ProviderProfile::Pagination::Cursor:
        if (more.isString() && more.toString().size() <= maxFieldChars) {
            page.nextCursor = more.toString();
        } else if (!more.isNull() && !more.isUndefined()) {
            setMalformed(error,
                         tr("%1 sent a list whose \"%2\" is not a cursor.").arg(m_profile.name(), responseField));
            return std::nullopt;
        }
        break;
    case ProviderProfile::Pagination::StartingAfter:
        if (!more.isBool() && !more.isNull() && !more.isUndefined()) {
            setMalformed(error,
                         tr("%1 sent a list whose \"%2\" is not true or false.").arg(m_profile.name(), responseField));
            return std::nullopt;
        }
        // An empty page that claims more would page forever from nowhere; it ends the list. The
        // last item's id is checked with the rest of the items.
        if (more.toBool() && !page.items.isEmpty()) {
            const QJsonValue lastId = page.items.last().toObject().value(m_wire.id);
            if (lastId.isString() && lastId.toString().size() <= maxFieldChars)
                page.nextCursor = lastId.toString();
        }
        break;
    }
    return page;
}

std::optional<QList<Endpoint>> ProviderDialect::parseListItems(const QJsonArray &items, Raw raw,
                                                               ApiError *error) const {
    QList<Endpoint> endpoints;
    endpoints.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        if (!item.isObject()) {
            setMalformed(error, tr("%1 sent a list whose %2 is not a JSON object.")
                                    .arg(m_profile.name(), tr("list item %1").arg(i + 1)));
            return std::nullopt;
        }
        std::optional<Endpoint> endpoint = parseEndpointObject(item.toObject(), true, i, raw, error);
        if (!endpoint)
            return std::nullopt;
        endpoints << std::move(*endpoint);
    }
    return endpoints;
}

ApiError ProviderDialect::parseError(int httpStatus, const QByteArray &body) const {
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = httpStatus;

    QJsonValue root;
    if (body.size() <= maxBodyBytes) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error == QJsonParseError::NoError)
            root = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }

    error.code = oneLine(scalarText(JsonPath::valueAt(root, m_profile.errorCodePath())), 100);
    const QJsonValue documentedMessage = JsonPath::valueAt(root, m_profile.errorMessagePath());
    error.notFound = httpStatus == 404 && documentedMessage.isString() && !documentedMessage.toString().isEmpty() &&
                     (m_profile.errorNotFoundCode().isEmpty() || error.code == m_profile.errorNotFoundCode());

    // The profile's path first; several error shapes are assumed, so the common ones follow.
    QString message;
    const QStringList messagePaths{
        m_profile.errorMessagePath(),    m_profile.errorMessagePath() + QStringLiteral(".message"),
        QStringLiteral("error.message"), QStringLiteral("message"),
        QStringLiteral("error"),         QStringLiteral("detail")};
    for (const QString &path : messagePaths) {
        const QJsonValue value = JsonPath::valueAt(root, path);
        if (value.isString() && !value.toString().trimmed().isEmpty()) {
            message = value.toString();
            break;
        }
    }
    error.message = message.isEmpty() ? tr("HTTP %1 from %2 (no error details)").arg(httpStatus).arg(m_profile.name())
                                      : oneLine(message, 1000);

    // The provider blames its own key ("enabled_events", or "metadata.team"); the form knows the
    // canonical one.
    const QString wireField = scalarText(JsonPath::valueAt(root, m_profile.errorFieldPath()));
    if (!wireField.isEmpty()) {
        QString canonical = m_profile.canonicalField(wireField);
        if (canonical.isEmpty()) {
            static const QRegularExpression separator(QStringLiteral("[.\\[/]"));
            canonical = m_profile.canonicalField(wireField.section(separator, 0, 0));
        }
        error.field = canonical;
    }
    return error;
}
