#include "SandboxProvider.h"

#include "JsonPath.h"
#include "SandboxDelivery.h"
#include "SandboxLogging.h"
#include "SandboxState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>
#include <QUuid>

namespace {

// The error codes the sandbox speaks. Layers documents VALIDATION, NOT_FOUND,
// IDEMPOTENCY_CONFLICT and FORBIDDEN_SCOPE; the rest follow their style.
const QString codeValidation = QStringLiteral("VALIDATION");
const QString codeNotFound = QStringLiteral("NOT_FOUND");
const QString codeIdempotencyConflict = QStringLiteral("IDEMPOTENCY_CONFLICT");
const QString codeForbiddenScope = QStringLiteral("FORBIDDEN_SCOPE");
const QString codeUnauthorized = QStringLiteral("UNAUTHORIZED");
const QString codeInvalidJson = QStringLiteral("INVALID_JSON");
const QString codeUnsupportedMediaType = QStringLiteral("UNSUPPORTED_MEDIA_TYPE");
const QString codeMethodNotAllowed = QStringLiteral("METHOD_NOT_ALLOWED");
const QString codeLimitReached = QStringLiteral("LIMIT_REACHED");

const QString opList = QStringLiteral("list");
const QString opCreate = QStringLiteral("create");
const QString opGet = QStringLiteral("get");
const QString opUpdate = QStringLiteral("update");
const QString opDelete = QStringLiteral("delete");
const QString opRotate = QStringLiteral("rotateSecret");
const QString opTest = QStringLiteral("test");

const QString canonicalAutoPaused = QStringLiteral("autoPaused");

// Stands in for {id} when a profile path is split into what comes before and after the id.
const QString idMarker = QStringLiteral("SANDBOXIDMARKER");

QJsonValue timestamp(const QDateTime &time) {
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QString alphanumeric(QRandomGenerator &random, int length) {
    static const QLatin1String alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i)
        text += QChar(alphabet.at(random.bounded(int(alphabet.size()))));
    return text;
}

QString uuid(QRandomGenerator &random) {
    QByteArray bytes(16, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

// Splits a profile path such as "/v1/webhooks/{id}/test" around the id and matches a request path
// against it; returns the id, or nullopt when the path is another one.
std::optional<QString> matchIdPath(const QString &profilePath, const QString &path) {
    if (profilePath.isEmpty())
        return std::nullopt;
    const qsizetype at = profilePath.indexOf(idMarker);
    const QString before = profilePath.left(at);
    const QString after = profilePath.mid(at + idMarker.size());
    if (!path.startsWith(before) || !path.endsWith(after) || path.size() <= before.size() + after.size())
        return std::nullopt;
    const QString encoded = path.mid(before.size(), path.size() - before.size() - after.size());
    if (encoded.contains(QLatin1Char('/')))
        return std::nullopt;
    return QUrl::fromPercentEncoding(encoded.toUtf8());
}

bool isJsonContentType(const QByteArray &contentType) {
    return contentType.split(';').first().trimmed().compare("application/json", Qt::CaseInsensitive) == 0;
}

bool isWholeNumber(const QJsonValue &value) {
    return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
}

} // namespace

SandboxProvider::SandboxProvider(const ProviderProfile &profile, SandboxState *state, SandboxDelivery *delivery,
                                 const SandboxOptions *options, QRandomGenerator *random, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_state(state)
    , m_delivery(delivery)
    , m_options(options)
    , m_random(random) {
    const QJsonObject json = profile.json();
    m_extras = json.value(QStringLiteral("responseExtras")).toObject();
    const QJsonObject errors = json.value(QStringLiteral("errors")).toObject();
    m_validationStatus = errors.value(QStringLiteral("validationStatus")).toInt(400);
    m_malformedIdStatus = errors.value(QStringLiteral("malformedIdStatus")).toInt(404);
}

// ---- request handling -----------------------------------------------------------------------

void SandboxProvider::handle(const SandboxRequest &request, const Reply &reply) {
    bool authorized = false;
    bool admin = false;
    for (const ProviderProfile::AuthScheme &scheme : m_profile.authSchemes()) {
        const QByteArray value = request.header(scheme.header.toLatin1());
        if (value.isNull())
            continue;
        const QString presented = QString::fromUtf8(value);
        if (!m_options->adminApiKey.isEmpty() && presented == scheme.prefix + m_options->adminApiKey)
            authorized = admin = true;
        else if (presented == scheme.prefix + m_options->apiKey)
            authorized = true;
    }
    if (!authorized) {
        reply(error(401, codeUnauthorized, tr("Missing or invalid API key.")));
        return;
    }

    // Route: collection, then the id paths (rotate and test before the bare item path).
    const QString path = request.localPath;
    QString operation;
    QString endpointId;
    const QByteArray method = request.method;
    bool knownPath = false;
    if (path == m_profile.collectionPath()) {
        knownPath = true;
        if (method == "GET")
            operation = opList;
        else if (method == "POST")
            operation = opCreate;
    } else if (auto id = matchIdPath(m_profile.rotateSecretPath(idMarker), path)) {
        knownPath = true;
        endpointId = *id;
        if (method == "POST")
            operation = opRotate;
    } else if (auto id = matchIdPath(m_profile.testPath(idMarker), path)) {
        knownPath = true;
        endpointId = *id;
        if (method == "POST")
            operation = opTest;
    } else if (auto id = matchIdPath(m_profile.itemPath(idMarker), path)) {
        knownPath = true;
        endpointId = *id;
        if (method == "GET")
            operation = opGet;
        else if (method == m_profile.updateMethod().toLatin1())
            operation = opUpdate;
        else if (method == "DELETE")
            operation = opDelete;
    }
    if (!knownPath) {
        reply(error(404, codeNotFound, tr("No such resource: %1").arg(path)));
        return;
    }
    if (operation.isEmpty()) {
        reply(error(405, codeMethodNotAllowed, tr("%1 is not allowed on %2").arg(QString::fromLatin1(method), path)));
        return;
    }
    if (!endpointId.isEmpty() && !m_profile.idPattern().match(endpointId).hasMatch()) {
        reply(m_malformedIdStatus == 404
                  ? problemResponse(notFound())
                  : error(m_malformedIdStatus, codeValidation, tr("Malformed endpoint id: %1").arg(endpointId)));
        return;
    }

    // Bodies: create and update need a JSON object; rotate and test take none, but if one is
    // sent it must still be JSON.
    QJsonObject body;
    const bool needsBody = operation == opCreate || operation == opUpdate;
    if (needsBody || !request.body.trimmed().isEmpty()) {
        if (!isJsonContentType(request.header("Content-Type"))) {
            reply(error(415, codeUnsupportedMediaType, tr("Send the body as application/json.")));
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            reply(error(400, codeInvalidJson,
                        tr("The body is not valid JSON: %1 at offset %2")
                            .arg(parseError.errorString())
                            .arg(parseError.offset)));
            return;
        }
        if (needsBody && !document.isObject()) {
            reply(error(400, codeInvalidJson, tr("The body must be a JSON object.")));
            return;
        }
        body = document.object();
    }

    // Idempotency: a known key with the same request replays the first answer verbatim; with
    // another request it is a conflict. 5xx answers are not remembered, so a retry runs afresh.
    const QString key = (operation == opCreate || operation == opUpdate) && m_profile.sendsIdempotencyKey(operation)
                            ? QString::fromUtf8(request.header(m_profile.idempotencyHeader().toLatin1()))
                            : QString();
    if (key.isEmpty()) {
        dispatch(request, operation, endpointId, body, admin, reply);
        return;
    }
    const QByteArray canonicalBody = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (const auto record = m_state->idempotencyRecord(id(), key, m_profile.idempotencyWindowHours() * qint64(3600))) {
        if (record->method != method || record->path != path || record->requestBody != canonicalBody) {
            reply(error(409, codeIdempotencyConflict,
                        tr("This %1 was already used with a different request.").arg(m_profile.idempotencyHeader())));
            return;
        }
        SandboxResponse replay = record->responseBody.isEmpty()
                                     ? SandboxResponse::empty(record->status)
                                     : SandboxResponse::withJson(record->status, record->responseBody);
        replay.headers.append({QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")});
        qCInfo(lcSandbox) << id() << "replayed an idempotent" << operation;
        reply(replay);
        return;
    }
    const QString providerId = id();
    dispatch(request, operation, endpointId, body, admin,
             [this, providerId, key, method, path, canonicalBody, reply](const SandboxResponse &response) {
                 if (response.status < 500) {
                     SandboxState::IdempotencyRecord record;
                     record.method = method;
                     record.path = path;
                     record.requestBody = canonicalBody;
                     record.status = response.status;
                     record.responseBody = response.body;
                     record.createdAt = QDateTime::currentDateTimeUtc();
                     m_state->rememberIdempotent(providerId, key, record);
                     m_state->commit(providerId);
                 }
                 reply(response);
             });
}

void SandboxProvider::dispatch(const SandboxRequest &request, const QString &operation, const QString &endpointId,
                               const QJsonObject &body, bool admin, const Reply &reply) {
    m_dirty = false;
    SandboxResponse response;
    if (operation == opTest) {
        // ?event=TYPE delivers a sample of one of the endpoint's events instead of webhook.test.
        const QString event = request.query.queryItemValue(QStringLiteral("event"), QUrl::FullyDecoded);
        deliverEvent(endpointId, event.isEmpty() ? QStringLiteral("webhook.test") : event, reply);
        return;
    }
    if (operation == opList)
        response = list(request);
    else if (operation == opCreate)
        response = create(body, admin);
    else if (operation == opGet)
        response = get(endpointId);
    else if (operation == opUpdate)
        response = update(endpointId, body, admin);
    else if (operation == opDelete)
        response = remove(endpointId);
    else if (operation == opRotate)
        response = rotateSecret(endpointId);
    if (m_dirty)
        m_state->commit(id());
    qCDebug(lcSandbox) << id() << operation << "->" << response.status;
    reply(response);
}

// ---- operations -----------------------------------------------------------------------------

SandboxResponse SandboxProvider::list(const SandboxRequest &request) const {
    const QList<SandboxEndpoint> all = m_state->endpoints(id());
    if (m_profile.pagination() == ProviderProfile::Pagination::None) {
        QJsonArray items;
        for (const SandboxEndpoint &endpoint : all)
            items.append(render(endpoint));
        if (m_profile.listItemsKey().isEmpty())
            return SandboxResponse::json(200, items);
        return SandboxResponse::json(
            200, withExtras(QJsonObject{{m_profile.listItemsKey(), items}}, QStringLiteral("list")));
    }

    // Both paginated styles continue after an id: StartingAfter takes it as it is, Cursor takes an
    // opaque token that wraps it.
    const QString param = m_profile.paginationParam();
    const bool cursor = m_profile.pagination() == ProviderProfile::Pagination::Cursor;
    qsizetype start = 0;
    const QString given = request.query.queryItemValue(param, QUrl::FullyDecoded);
    if (!given.isEmpty()) {
        const QString afterId =
            cursor ? QString::fromUtf8(QByteArray::fromBase64(given.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                                    QByteArray::OmitTrailingEquals))
                         .section(QLatin1Char(':'), 1)
                   : given;
        start = -1;
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all.at(i).id == afterId) {
                start = i + 1;
                break;
            }
        }
        if (start < 0)
            return problemResponse(validation(tr("%1 does not name a position in this list.").arg(param), param));
    }
    const int pageSize = qMax(1, m_options->pageSize);
    QJsonArray items;
    for (qsizetype i = start; i < all.size() && items.size() < pageSize; ++i)
        items.append(render(all.at(i)));
    const bool more = start + items.size() < all.size();
    QJsonObject envelope{{m_profile.listItemsKey(), items}};
    if (cursor) {
        const QString last = items.isEmpty()
                                 ? QString()
                                 : items.last().toObject().value(m_profile.wireField(QStringLiteral("id"))).toString();
        const QByteArray token = (QStringLiteral("after:") + last)
                                     .toUtf8()
                                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        envelope.insert(m_profile.paginationResponseField(),
                        more ? QJsonValue(QString::fromLatin1(token)) : QJsonValue(QJsonValue::Null));
    } else {
        envelope.insert(m_profile.paginationResponseField(), more);
    }
    return SandboxResponse::json(200, withExtras(envelope, QStringLiteral("list")));
}

SandboxResponse SandboxProvider::create(const QJsonObject &body, bool admin) {
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        const QString canonical = m_profile.canonicalField(it.key());
        if (canonical.isEmpty() || !m_profile.createFields().contains(canonical))
            return problemResponse(validation(tr("Unknown or read-only field: %1").arg(it.key()), it.key()));
    }
    QStringList required{QStringLiteral("url"), QStringLiteral("events")};
    if (m_profile.labelRequired())
        required << QStringLiteral("label");
    for (const QString &canonical : required) {
        const QString wire = m_profile.wireField(canonical);
        if (!body.contains(wire))
            return problemResponse(validation(tr("%1 is required.").arg(wire), wire));
    }
    if (m_options->endpointLimit > 0 && m_state->endpoints(id()).size() >= m_options->endpointLimit)
        return error(
            409, codeLimitReached,
            tr("The maximum number of webhook endpoints (%1) has been reached.").arg(m_options->endpointLimit));

    SandboxEndpoint endpoint;
    if (!m_profile.scopes().isEmpty())
        endpoint.scope = m_profile.scopes().first();
    if (m_profile.hasField(QStringLiteral("timeoutMs")))
        endpoint.timeoutMs = m_profile.timeoutMsDefault();
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (auto problem = applyField(endpoint, m_profile.canonicalField(it.key()), it.value(), Mode::Create, admin))
            return problemResponse(*problem);
    }
    endpoint.id = newId(*m_random);
    endpoint.secret = newSecret(*m_random);
    endpoint.secretVersion = 1;
    endpoint.createdAt = endpoint.updatedAt = QDateTime::currentDateTimeUtc();
    m_state->insert(id(), endpoint);
    m_dirty = true;
    qCInfo(lcSandbox) << id() << "created endpoint" << endpoint.id;
    SandboxResponse response = secretResponse(endpoint, m_profile.createResponse(), 201, QStringLiteral("create"));
    response.createdResource = true;
    return response;
}

SandboxResponse SandboxProvider::get(const QString &endpointId) const {
    const auto endpoint = m_state->endpoint(id(), endpointId);
    if (!endpoint)
        return problemResponse(notFound());
    return SandboxResponse::json(200, withExtras(render(*endpoint), QString()));
}

SandboxResponse SandboxProvider::update(const QString &endpointId, const QJsonObject &body, bool admin) {
    auto endpoint = m_state->endpoint(id(), endpointId);
    if (!endpoint)
        return problemResponse(notFound());
    if (body.isEmpty())
        return problemResponse(validation(tr("No fields supplied: send at least one field to change."), QString()));
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        const QString canonical = m_profile.canonicalField(it.key());
        if (canonical.isEmpty() || !m_profile.updateFields().contains(canonical))
            return problemResponse(validation(tr("Unknown or read-only field: %1").arg(it.key()), it.key()));
    }
    SandboxEndpoint changed = *endpoint;
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (auto problem = applyField(changed, m_profile.canonicalField(it.key()), it.value(), Mode::Update, admin))
            return problemResponse(*problem);
    }
    changed.updatedAt = QDateTime::currentDateTimeUtc();
    m_state->replace(id(), changed);
    m_dirty = true;
    return SandboxResponse::json(200, withExtras(render(changed), QString()));
}

SandboxResponse SandboxProvider::remove(const QString &endpointId) {
    if (!m_state->remove(id(), endpointId))
        return problemResponse(notFound());
    m_dirty = true;
    qCInfo(lcSandbox) << id() << "deleted endpoint" << endpointId;
    return SandboxResponse::empty(204);
}

SandboxResponse SandboxProvider::rotateSecret(const QString &endpointId) {
    auto endpoint = m_state->endpoint(id(), endpointId);
    if (!endpoint)
        return problemResponse(notFound());
    endpoint->secret = newSecret(*m_random);
    ++endpoint->secretVersion;
    endpoint->updatedAt = QDateTime::currentDateTimeUtc();
    m_state->replace(id(), *endpoint);
    m_dirty = true;
    return secretResponse(*endpoint, m_profile.rotateResponse(), 200, QString());
}

void SandboxProvider::deliverEvent(const QString &endpointId, const QString &eventType, const Reply &reply) {
    const auto endpoint = m_state->endpoint(id(), endpointId);
    if (!endpoint) {
        reply(problemResponse(notFound()));
        return;
    }
    // A sample of an event the endpoint subscribes to, as the provider would send it; the test
    // event goes to any endpoint.
    const bool isTest = eventType == QLatin1String("webhook.test");
    if (!isTest && !endpoint->events.contains(eventType)) {
        reply(problemResponse(
            validation(tr("The endpoint does not subscribe to %1; it would never be sent one.").arg(eventType),
                       m_profile.wireField(QStringLiteral("events")))));
        return;
    }
    const std::optional<EventType> catalogued = m_profile.catalogEvent(eventType);
    const QString message = isTest ? QStringLiteral("This is a test event.")
                            : catalogued && !catalogued->description.isEmpty()
                                ? QStringLiteral("A sample event: %1").arg(catalogued->description)
                                : QStringLiteral("A sample %1 event.").arg(eventType);
    const QString eventId = QStringLiteral("evt_") + alphanumeric(*m_random, 20);
    // The event type where the profile's "delivery" section says bodies carry it.
    const QJsonObject event = m_profile.deliveryFormat().withEventType(
        {{QStringLiteral("id"), eventId},
         {QStringLiteral("created"), timestamp(QDateTime::currentDateTimeUtc())},
         {QStringLiteral("data"), QJsonObject{{QStringLiteral("endpointId"), endpoint->id},
                                              {QStringLiteral("provider"), id()},
                                              {QStringLiteral("message"), message}}}},
        eventType);
    const QByteArray payload = QJsonDocument(event).toJson(QJsonDocument::Compact);
    const QString providerId = id();
    const SignatureScheme scheme = m_profile.signatureScheme();
    const int timeoutMs = endpoint->timeoutMs.value_or(5000);
    m_delivery->deliver(
        endpoint->url, scheme, endpoint->secret, eventId, payload, timeoutMs,
        [this, providerId, endpointId, eventId, eventType, reply](const SandboxDelivery::Result &result) {
            // The endpoint may have changed (or gone) while the delivery was under way.
            auto current = m_state->endpoint(providerId, endpointId);
            if (current) {
                recordDelivery(*current, result.success);
                m_state->replace(providerId, *current);
                m_state->commit(providerId);
            }
            QJsonObject body{{QStringLiteral("id"), eventId},
                             {QStringLiteral("type"), eventType},
                             {QStringLiteral("delivered"), result.success},
                             {QStringLiteral("simulated"), result.simulated},
                             {QStringLiteral("responseStatus"),
                              result.httpStatus > 0 ? QJsonValue(result.httpStatus) : QJsonValue(QJsonValue::Null)},
                             {QStringLiteral("error"),
                              result.error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(result.error)}};
            if (current)
                body.insert(QStringLiteral("endpoint"), render(*current));
            reply(SandboxResponse::json(200, withExtras(body, QString())));
        });
}

void SandboxProvider::recordDelivery(SandboxEndpoint &endpoint, bool success) const {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (success) {
        endpoint.consecutiveFailures = 0;
        endpoint.lastSuccessAt = now;
        return;
    }
    ++endpoint.consecutiveFailures;
    endpoint.lastFailureAt = now;
    if (canAutoPause() && endpoint.status == QLatin1String("active") && m_options->autoPauseAfter > 0 &&
        endpoint.consecutiveFailures >= m_options->autoPauseAfter) {
        endpoint.status = canonicalAutoPaused;
        endpoint.updatedAt = now;
        qCInfo(lcSandbox) << id() << "auto-paused endpoint" << endpoint.id << "after" << endpoint.consecutiveFailures
                          << "failed deliveries";
    }
}

// ---- validation -----------------------------------------------------------------------------

std::optional<SandboxProvider::Problem> SandboxProvider::applyField(SandboxEndpoint &endpoint, const QString &canonical,
                                                                    const QJsonValue &value, Mode mode,
                                                                    bool admin) const {
    const QString field = m_profile.wireField(canonical);
    if (canonical == QLatin1String("url")) {
        if (auto problem = checkUrl(value, field))
            return problem;
        endpoint.url = value.toString();
    } else if (canonical == QLatin1String("events")) {
        if (auto problem = checkEvents(value, field))
            return problem;
        endpoint.events.clear();
        for (const QJsonValue &event : value.toArray())
            endpoint.events << event.toString();
    } else if (canonical == QLatin1String("label")) {
        if (value.isNull() && !m_profile.labelRequired() && (mode == Mode::Create || m_profile.labelClearsWithNull())) {
            endpoint.label.reset();
            return std::nullopt;
        }
        if (!value.isString())
            return validation(tr("%1 must be a string.").arg(field), field);
        const QString label = value.toString();
        if (m_profile.labelRequired() && label.trimmed().isEmpty())
            return validation(tr("%1 must not be empty.").arg(field), field);
        if (m_profile.labelMaxLength() > 0 && label.size() > m_profile.labelMaxLength())
            return validation(tr("%1 is longer than %2 characters.").arg(field).arg(m_profile.labelMaxLength()), field);
        endpoint.label = label;
    } else if (canonical == QLatin1String("status")) {
        const QString status = canonicalStatus(value);
        if (status.isEmpty() || status == canonicalAutoPaused) {
            QStringList allowed;
            for (auto it = m_profile.statusValues().constBegin(); it != m_profile.statusValues().constEnd(); ++it) {
                if (it.value() != canonicalAutoPaused)
                    allowed << it.key();
            }
            return validation(tr("%1 must be one of: %2.").arg(field, allowed.join(QStringLiteral(", "))), field);
        }
        // Reactivating an auto-paused endpoint starts its failure count afresh, so the dispatcher
        // does not pause it again on the next failed delivery.
        if (mode == Mode::Update && endpoint.status == canonicalAutoPaused && status == QLatin1String("active"))
            endpoint.consecutiveFailures = 0;
        endpoint.status = status;
    } else if (canonical == QLatin1String("projectId")) {
        if (value.isNull()) {
            endpoint.projectId.reset();
            return std::nullopt;
        }
        if (!value.isString() || QUuid::fromString(value.toString()).isNull())
            return validation(tr("%1 must be a UUID.").arg(field), field);
        if (!m_options->knownProjectIds.isEmpty() && !m_options->knownProjectIds.contains(value.toString()))
            return Problem{404, codeNotFound,
                           tr("Project %1 does not belong to this organization.").arg(value.toString()), field};
        endpoint.projectId = value.toString();
    } else if (canonical == QLatin1String("scope")) {
        if (!value.isString() || !m_profile.scopes().contains(value.toString()))
            return validation(tr("%1 must be one of: %2.").arg(field, m_profile.scopes().join(QStringLiteral(", "))),
                              field);
        if (value.toString() != m_profile.scopes().first() && !admin)
            return Problem{403, codeForbiddenScope, tr("Scope %1 requires an admin key.").arg(value.toString()), field};
        endpoint.scope = value.toString();
    } else if (canonical == QLatin1String("metadata")) {
        if (value.isNull() && mode == Mode::Update) {
            endpoint.metadata = QJsonObject();
            return std::nullopt;
        }
        if (!value.isObject())
            return validation(tr("%1 must be an object.").arg(field), field);
        const QJsonObject metadata = value.toObject();
        for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it) {
            if (!it.value().isString())
                return validation(tr("%1.%2 must be a string.").arg(field, it.key()), field);
        }
        if (mode == Mode::Create)
            endpoint.metadata = QJsonObject();
        for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it) {
            if (it.value().toString().isEmpty())
                endpoint.metadata.remove(it.key());
            else
                endpoint.metadata.insert(it.key(), it.value());
        }
    } else if (canonical == QLatin1String("headers")) {
        if (!value.isObject())
            return validation(tr("%1 must be an object of strings.").arg(field), field);
        const QJsonObject headers = value.toObject();
        for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
            if (!it.value().isString())
                return validation(tr("%1.%2 must be a string.").arg(field, it.key()), field);
        }
        endpoint.headers = headers;
    } else if (canonical == QLatin1String("timeoutMs")) {
        if (!isWholeNumber(value))
            return validation(tr("%1 must be an integer.").arg(field), field);
        const int timeout = value.toInt();
        if ((m_profile.timeoutMsMin() && timeout < *m_profile.timeoutMsMin()) ||
            (m_profile.timeoutMsMax() && timeout > *m_profile.timeoutMsMax()))
            return validation(tr("%1 must be between %2 and %3.")
                                  .arg(field)
                                  .arg(m_profile.timeoutMsMin().value_or(0))
                                  .arg(m_profile.timeoutMsMax().value_or(INT_MAX)),
                              field);
        endpoint.timeoutMs = timeout;
    } else {
        return validation(tr("%1 cannot be set.").arg(field), field);
    }
    return std::nullopt;
}

std::optional<SandboxProvider::Problem> SandboxProvider::checkUrl(const QJsonValue &value, const QString &field) const {
    if (!value.isString())
        return validation(tr("%1 must be a string.").arg(field), field);
    const QString text = value.toString();
    if (m_profile.urlMaxLength() > 0 && text.size() > m_profile.urlMaxLength())
        return validation(tr("%1 is longer than %2 characters.").arg(field).arg(m_profile.urlMaxLength()), field);
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return validation(tr("%1 is not a valid absolute URL.").arg(field), field);
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return std::nullopt;
    if (scheme == QLatin1String("http")) {
        const ProviderProfile::PlainHttp rule = m_profile.plainHttp();
        const bool allowed = m_options->development && (rule == ProviderProfile::PlainHttp::AnyInDevelopment ||
                                                        (rule == ProviderProfile::PlainHttp::LocalhostInDevelopment &&
                                                         SandboxDelivery::isLoopbackHost(url.host())));
        if (allowed)
            return std::nullopt;
        return validation(m_options->development ? tr("%1 must use https (plain http only for localhost).").arg(field)
                                                 : tr("%1 must use https in production.").arg(field),
                          field);
    }
    return validation(tr("%1 must be an https URL.").arg(field), field);
}

std::optional<SandboxProvider::Problem> SandboxProvider::checkEvents(const QJsonValue &value,
                                                                     const QString &field) const {
    if (!value.isArray())
        return validation(tr("%1 must be an array of event types.").arg(field), field);
    const QJsonArray events = value.toArray();
    if (events.size() < m_profile.eventsMin())
        return validation(tr("%1 needs at least %2 event type(s).").arg(field).arg(m_profile.eventsMin()), field);
    if (m_profile.eventsMax() > 0 && events.size() > m_profile.eventsMax())
        return validation(tr("%1 allows at most %2 event types.").arg(field).arg(m_profile.eventsMax()), field);
    for (const QJsonValue &event : events) {
        if (!event.isString())
            return validation(tr("%1 must contain only strings.").arg(field), field);
        const QString type = event.toString();
        if (const auto known = m_profile.catalogEvent(type)) {
            if (!known->subscribable)
                return validation(known->notSubscribableReason.isEmpty() ? tr("%1 cannot be subscribed to.").arg(type)
                                                                         : known->notSubscribableReason,
                                  field);
            continue;
        }
        if (!m_profile.catalogIsOpen() || !m_profile.customEventPattern().match(type).hasMatch())
            return validation(tr("Unknown event type: %1").arg(type), field);
    }
    return std::nullopt;
}

SandboxProvider::Problem SandboxProvider::validation(const QString &message, const QString &field) const {
    return Problem{m_validationStatus, codeValidation, message, field};
}

SandboxProvider::Problem SandboxProvider::notFound() const {
    return Problem{404, codeNotFound, tr("No such webhook endpoint."), QString()};
}

SandboxResponse SandboxProvider::problemResponse(const Problem &problem) const {
    return error(problem.status, problem.code, problem.message, problem.field);
}

SandboxResponse SandboxProvider::error(int status, const QString &code, const QString &message,
                                       const QString &wireField) const {
    QJsonObject body;
    JsonPath::insert(body, m_profile.errorMessagePath().split(QLatin1Char('.')), message);
    if (!m_profile.errorCodePath().isEmpty())
        JsonPath::insert(body, m_profile.errorCodePath().split(QLatin1Char('.')), code);
    if (!m_profile.errorFieldPath().isEmpty() && !wireField.isEmpty())
        JsonPath::insert(body, m_profile.errorFieldPath().split(QLatin1Char('.')), wireField);
    return SandboxResponse::json(status, withExtras(body, QString()));
}

// ---- rendering ------------------------------------------------------------------------------

QJsonValue SandboxProvider::wireStatus(const QString &canonical) const {
    const QString wire = m_profile.statusValues().key(canonical);
    if (m_profile.statusType() == ProviderProfile::StatusType::Boolean)
        return wire == QLatin1String("true");
    return wire;
}

QString SandboxProvider::canonicalStatus(const QJsonValue &wire) const {
    if (m_profile.statusType() == ProviderProfile::StatusType::Boolean)
        return wire.isBool()
                   ? m_profile.statusValues().value(wire.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                   : QString();
    return wire.isString() ? m_profile.statusValues().value(wire.toString()) : QString();
}

bool SandboxProvider::canAutoPause() const {
    return m_profile.statusValues().values().contains(canonicalAutoPaused);
}

QJsonObject SandboxProvider::render(const SandboxEndpoint &endpoint) const {
    QJsonObject json = m_extras.value(QStringLiteral("endpoint")).toObject();
    const auto put = [&](const char *canonical, const QJsonValue &value) {
        const QString wire = m_profile.wireField(QLatin1String(canonical));
        if (!wire.isEmpty())
            json.insert(wire, value);
    };
    const QJsonValue null(QJsonValue::Null);
    put("id", endpoint.id);
    put("url", endpoint.url);
    put("label", endpoint.label ? QJsonValue(*endpoint.label) : null);
    put("status", wireStatus(endpoint.status));
    put("events", QJsonArray::fromStringList(endpoint.events));
    put("projectId", endpoint.projectId ? QJsonValue(*endpoint.projectId) : null);
    put("scope", endpoint.scope.isEmpty() ? null : QJsonValue(endpoint.scope));
    put("metadata", endpoint.metadata);
    put("headers", endpoint.headers);
    put("timeoutMs", endpoint.timeoutMs ? QJsonValue(*endpoint.timeoutMs) : null);
    put("secretVersion", endpoint.secretVersion);
    put("createdAt", timestamp(endpoint.createdAt));
    put("updatedAt", timestamp(endpoint.updatedAt));
    put("lastSuccessAt", timestamp(endpoint.lastSuccessAt));
    put("lastFailureAt", timestamp(endpoint.lastFailureAt));
    put("consecutiveFailures", endpoint.consecutiveFailures);
    return json;
}

QJsonObject SandboxProvider::withExtras(QJsonObject object, const QString &group) const {
    if (!group.isEmpty()) {
        const QJsonObject extras = m_extras.value(group).toObject();
        for (auto it = extras.constBegin(); it != extras.constEnd(); ++it)
            object.insert(it.key(), it.value());
    }
    const QString requestIdKey = m_extras.value(QStringLiteral("requestId")).toString();
    if (!requestIdKey.isEmpty())
        object.insert(requestIdKey, newRequestId());
    return object;
}

SandboxResponse SandboxProvider::secretResponse(const SandboxEndpoint &endpoint,
                                                const ProviderProfile::SecretResponse &shape, int status,
                                                const QString &extrasGroup) const {
    QJsonObject body;
    if (shape.endpointKey.isEmpty()) {
        body = render(endpoint);
        body.insert(shape.secretKey, endpoint.secret);
    } else {
        body.insert(shape.endpointKey, render(endpoint));
        body.insert(shape.secretKey, endpoint.secret);
    }
    return SandboxResponse::json(status, withExtras(body, extrasGroup));
}

QString SandboxProvider::newRequestId() const {
    // Request ids come from their own generator so that they never shift ids and secrets.
    static QRandomGenerator requestIds(0x72657173u);
    return QStringLiteral("req_") + alphanumeric(requestIds, 16);
}

// ---- ids, secrets, demo data ----------------------------------------------------------------

QString SandboxProvider::newId(QRandomGenerator &random) const {
    // Pick the first id style the profile's idPattern accepts: a literal prefix such as "whk_" or
    // "whe_" followed by letters and digits, a UUID, or bare letters and digits.
    static const QRegularExpression literalPrefix(QStringLiteral("^\\^([A-Za-z0-9]+_)"));
    const QRegularExpressionMatch prefix = literalPrefix.match(m_profile.idPattern().pattern());
    QStringList candidates;
    if (prefix.hasMatch())
        candidates << prefix.captured(1) + alphanumeric(random, 24);
    candidates << uuid(random) << alphanumeric(random, 24);
    for (const QString &candidate : candidates) {
        if (m_profile.idPattern().match(candidate).hasMatch())
            return candidate;
    }
    qCWarning(lcSandbox) << id() << "idPattern matches none of the sandbox's id styles; using a UUID";
    return candidates.value(prefix.hasMatch() ? 1 : 0);
}

QString SandboxProvider::newSecret(QRandomGenerator &random) {
    QByteArray bytes(32, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return QStringLiteral("whsec_") + QString::fromLatin1(bytes.toHex());
}

void SandboxProvider::seedDemoData(QRandomGenerator &random) {
    QStringList subscribable;
    for (const EventType &event : m_profile.catalog()) {
        if (event.subscribable)
            subscribable << event.type;
    }
    const QString paused = m_profile.statusValues().value(m_profile.statusType() == ProviderProfile::StatusType::Boolean
                                                              ? QStringLiteral("false")
                                                              : m_profile.deactivateValue().toString());
    struct Demo {
        QString name;
        QString host;
        QString status;
        int failures;
    };
    const int autoPauseAfter = qMax(1, m_options->autoPauseAfter);
    QList<Demo> demos{
        {QStringLiteral("Production receiver"), QStringLiteral("hooks.example.com"), QStringLiteral("active"), 0},
        {QStringLiteral("Staging receiver"), QStringLiteral("staging.example.com"), paused, 0},
        {QStringLiteral("Flaky receiver"), QStringLiteral("flaky.example.invalid"), QStringLiteral("active"),
         qMax(1, autoPauseAfter - 1)}};
    if (canAutoPause())
        demos.append({QStringLiteral("Broken receiver"), QStringLiteral("broken.example.invalid"), canonicalAutoPaused,
                      autoPauseAfter});

    // Fixed times, so two runs with one seed give identical data.
    const QDateTime base(QDate(2026, 1, 5), QTime(9, 0), QTimeZone::utc());
    for (qsizetype i = 0; i < demos.size(); ++i) {
        const Demo &demo = demos.at(i);
        SandboxEndpoint endpoint;
        endpoint.id = newId(random);
        endpoint.secret = newSecret(random);
        endpoint.url = QStringLiteral("https://%1/%2/webhooks/%3").arg(demo.host, id()).arg(i + 1);
        endpoint.label = demo.name;
        endpoint.status = demo.status.isEmpty() ? QStringLiteral("active") : demo.status;
        endpoint.events = subscribable.mid(0, qMax<qsizetype>(1, qMin<qsizetype>(i + 1, subscribable.size())));
        if (m_profile.eventsMax() > 0)
            endpoint.events = endpoint.events.mid(0, m_profile.eventsMax());
        if (!m_profile.scopes().isEmpty())
            endpoint.scope = m_profile.scopes().first();
        if (m_profile.hasField(QStringLiteral("metadata")))
            endpoint.metadata = QJsonObject{{QStringLiteral("team"), QStringLiteral("demo")}};
        if (m_profile.hasField(QStringLiteral("timeoutMs")))
            endpoint.timeoutMs = m_profile.timeoutMsDefault();
        endpoint.createdAt = base.addSecs(3600 * i);
        endpoint.updatedAt = endpoint.createdAt.addSecs(600);
        endpoint.consecutiveFailures = demo.failures;
        endpoint.lastSuccessAt = endpoint.createdAt.addSecs(300);
        if (demo.failures > 0)
            endpoint.lastFailureAt = endpoint.updatedAt.addSecs(60);
        m_state->insert(id(), endpoint);
    }
    m_state->commit(id());
}
