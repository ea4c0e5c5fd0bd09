#include "ListPageScanner.h"

#include "Timestamp.h"

namespace {

using Page = ProviderDialect::ListPage;

QString latin1(QByteArrayView text) {
    return QString::fromLatin1(text.data(), text.size());
}

} // namespace

ListPageScanner::ListPageScanner(const ProviderDialect &dialect)
    : m_dialect(dialect) {
    const WireNames &wire = dialect.wireNames();
    const std::pair<const QString &, Field> fields[] = {
        {wire.id, Field::Id},
        {wire.url, Field::Url},
        {wire.events, Field::Events},
        {wire.label, Field::Label},
        {wire.status, Field::Status},
        {wire.projectId, Field::ProjectId},
        {wire.scope, Field::Scope},
        {wire.metadata, Field::Metadata},
        {wire.headers, Field::Headers},
        {wire.timeoutMs, Field::TimeoutMs},
        {wire.secretVersion, Field::SecretVersion},
        {wire.createdAt, Field::CreatedAt},
        {wire.updatedAt, Field::UpdatedAt},
        {wire.lastSuccessAt, Field::LastSuccessAt},
        {wire.lastFailureAt, Field::LastFailureAt},
        {wire.consecutiveFailures, Field::ConsecutiveFailures},
    };
    for (const auto &[key, field] : fields) {
        if (key.isEmpty())
            continue;
        const QByteArray utf8 = key.toUtf8();
        for (const WireField &known : std::as_const(m_fields))
            m_usable = m_usable && known.key != utf8;
        m_fields << WireField{utf8, field};
    }
    const ProviderProfile &profile = dialect.profile();
    m_itemsKey = profile.listItemsKey().toUtf8();
    if (profile.pagination() != ProviderProfile::Pagination::None)
        m_moreKey = profile.paginationResponseField().toUtf8();
    m_usable = m_usable && (m_itemsKey.isEmpty() || m_itemsKey != m_moreKey);
}

std::optional<Page> ListPageScanner::scan(QByteArrayView body) const {
    if (!m_usable || body.size() > ProviderDialect::maxBodyBytes)
        return std::nullopt;
    JsonScanner json(body);
    Page page;
    if (m_itemsKey.isEmpty()) {
        if (!readItems(json, &page.endpoints) || !json.atEnd())
            return std::nullopt;
        return page;
    }

    bool haveItems = false;
    bool haveMore = false;
    std::optional<QString> cursor; // Pagination::Cursor
    bool more = false;             // Pagination::StartingAfter
    QByteArrayView key;
    if (!json.beginObject())
        return std::nullopt;
    while (json.nextMember(&key)) {
        if (key == m_itemsKey) {
            if (haveItems || !readItems(json, &page.endpoints))
                return std::nullopt;
            haveItems = true;
        } else if (!m_moreKey.isEmpty() && key == m_moreKey) {
            // Which of two repeated keys counts is QJsonDocument's business.
            if (haveMore)
                return std::nullopt;
            haveMore = true;
            if (json.peek() == JsonScanner::Kind::Null)
                json.null();
            else if (m_dialect.profile().pagination() == ProviderProfile::Pagination::Cursor)
                cursor = readText(json);
            else
                more = json.boolean().value_or(false);
        } else {
            json.skipValue();
        }
    }
    if (!haveItems || !json.atEnd())
        return std::nullopt;
    // As ProviderDialect reads the envelope: the cursor itself, or after the last item when the
    // page says there are more.
    if (cursor)
        page.nextCursor = *cursor;
    else if (more && !page.endpoints.isEmpty())
        page.nextCursor = page.endpoints.last().id;
    return page;
}

bool ListPageScanner::readItems(JsonScanner &json, QList<Endpoint> *endpoints) const {
    if (!json.beginArray())
        return false;
    while (json.nextElement()) {
        std::optional<Endpoint> endpoint = readEndpoint(json);
        if (!endpoint || endpoints->size() == ProviderDialect::maxItems)
            return false;
        endpoints->append(std::move(*endpoint));
    }
    return !json.failed();
}

std::optional<Endpoint> ListPageScanner::readEndpoint(JsonScanner &json) const {
    if (json.peek() != JsonScanner::Kind::Object || !json.beginObject())
        return std::nullopt;
    Endpoint endpoint;
    quint32 seen = 0;
    QByteArrayView key;
    while (json.nextMember(&key)) {
        const auto known = std::find_if(m_fields.cbegin(), m_fields.cend(),
                                        [key](const WireField &field) { return field.key == key; });
        if (known == m_fields.cend()) {
            json.skipValue();
            continue;
        }
        const quint32 bit = 1u << int(known->field);
        if ((seen & bit) || !readField(json, known->field, &endpoint))
            return std::nullopt;
        seen |= bit;
    }
    // The required fields, present and not empty, as ProviderDialect demands them.
    const quint32 required = 1u << int(Field::Id) | 1u << int(Field::Url) | 1u << int(Field::Events);
    if (json.failed() || (seen & required) != required || endpoint.id.isEmpty() || endpoint.url.isEmpty())
        return std::nullopt;
    return endpoint;
}

bool ListPageScanner::readField(JsonScanner &json, Field field, Endpoint *endpoint) const {
    // A null is an absent field; for a required one, ProviderDialect has the message.
    if (json.peek() == JsonScanner::Kind::Null) {
        json.null();
        return field != Field::Id && field != Field::Url && field != Field::Events;
    }
    const auto text = [&](QString *target) {
        std::optional<QString> value = readText(json);
        if (value)
            *target = std::move(*value);
        return value.has_value();
    };
    switch (field) {
    case Field::Id:
        return text(&endpoint->id);
    case Field::Url:
        return text(&endpoint->url);
    case Field::Label:
        return text(&endpoint->label);
    case Field::ProjectId:
        return text(&endpoint->projectId);
    case Field::Scope:
        return text(&endpoint->scope);
    case Field::Events:
        return readStrings(json, &endpoint->events);
    case Field::Status:
        return readStatus(json, &endpoint->status);
    case Field::Metadata:
        return readStringMap(json, &endpoint->metadata);
    case Field::Headers:
        return readStringMap(json, &endpoint->headers);
    case Field::TimeoutMs:
        return readWholeNumber(json, &endpoint->timeoutMs);
    case Field::SecretVersion:
        return readWholeNumber(json, &endpoint->secretVersion);
    case Field::ConsecutiveFailures:
        return readWholeNumber(json, &endpoint->consecutiveFailures);
    case Field::CreatedAt:
        return readTimestamp(json, &endpoint->createdAt);
    case Field::UpdatedAt:
        return readTimestamp(json, &endpoint->updatedAt);
    case Field::LastSuccessAt:
        return readTimestamp(json, &endpoint->lastSuccessAt);
    case Field::LastFailureAt:
        return readTimestamp(json, &endpoint->lastFailureAt);
    }
    return false;
}

// Every read gives up through the scanner, so that nothing after a failed read is taken for a page.
std::optional<QString> ListPageScanner::readText(JsonScanner &json) const {
    const std::optional<QByteArrayView> text = json.string();
    if (!text)
        return std::nullopt;
    if (text->size() > ProviderDialect::maxFieldChars) {
        json.fail();
        return std::nullopt;
    }
    return latin1(*text);
}

bool ListPageScanner::readStrings(JsonScanner &json, QStringList *strings) const {
    if (!json.beginArray())
        return false;
    while (json.nextElement()) {
        std::optional<QString> text = readText(json);
        if (!text || strings->size() == ProviderDialect::maxItems)
            return false;
        strings->append(std::move(*text));
    }
    return !json.failed();
}

// Text values only: numbers, booleans and nested values in a map keep ProviderDialect's forms.
bool ListPageScanner::readStringMap(JsonScanner &json, StringMap *map) const {
    if (!json.beginObject())
        return false;
    QByteArrayView key;
    while (json.nextMember(&key)) {
        const std::optional<QString> value = readText(json);
        const QString name = latin1(key);
        if (!value || key.size() > ProviderDialect::maxFieldChars || map->contains(name) ||
            map->size() == ProviderDialect::maxItems)
            return false;
        map->insert(name, *value);
    }
    return !json.failed();
}

// Up to nine digits: always an int, and never a form (1.0, 1e3) whose reading is ProviderDialect's.
bool ListPageScanner::readWholeNumber(JsonScanner &json, std::optional<int> *number) const {
    const std::optional<QByteArrayView> text = json.number();
    if (!text || text->isEmpty() || text->size() > 9)
        return false;
    int value = 0;
    for (const char c : *text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    *number = value;
    return true;
}

bool ListPageScanner::readTimestamp(JsonScanner &json, QDateTime *time) const {
    const std::optional<QByteArrayView> text = json.string();
    if (!text)
        return false;
    if (text->isEmpty())
        return true; // no time, as ProviderDialect reads ""
    const std::optional<qint64> msecs = Timestamp::parseCommon(QLatin1StringView(text->data(), text->size()));
    if (!msecs)
        return false;
    *time = QDateTime::fromMSecsSinceEpoch(*msecs, Qt::UTC);
    return true;
}

bool ListPageScanner::readStatus(JsonScanner &json, EndpointStatus *status) const {
    std::optional<QString> state;
    if (m_dialect.profile().statusType() == ProviderProfile::StatusType::Boolean) {
        if (const std::optional<bool> value = json.boolean())
            state = *value ? QStringLiteral("true") : QStringLiteral("false");
    } else {
        state = readText(json);
    }
    if (!state)
        return false;
    *status = m_dialect.statusFromWire(*state);
    return true;
}
