#pragma once

#include "JsonScanner.h"
#include "ProviderDialect.h"

#include <QByteArray>
#include <QList>

#include <optional>

// Reads a list page straight from its bytes into endpoints, without a QJsonDocument: the quick
// path for the common page (plain ASCII text, every field of the type its profile says). It gives
// up on anything else, and then ProviderDialect reads the page, with the messages that go with a
// malformed one: whenever scan() returns a page, it is exactly the page that
// ProviderDialect::parseListPage(body, error, Raw::Drop) returns. Endpoints keep no raw object.
class ListPageScanner final {
public:
    explicit ListPageScanner(const ProviderDialect &dialect);

    std::optional<ProviderDialect::ListPage> scan(QByteArrayView body) const;

private:
    enum class Field {
        Id,
        Url,
        Events,
        Label,
        Status,
        ProjectId,
        Scope,
        Metadata,
        Headers,
        TimeoutMs,
        SecretVersion,
        CreatedAt,
        UpdatedAt,
        LastSuccessAt,
        LastFailureAt,
        ConsecutiveFailures
    };
    struct WireField {
        QByteArray key;
        Field field;
    };

    bool readItems(JsonScanner &json, QList<Endpoint> *endpoints) const;
    std::optional<Endpoint> readEndpoint(JsonScanner &json) const;
    bool readField(JsonScanner &json, Field field, Endpoint *endpoint) const;
    std::optional<QString> readText(JsonScanner &json) const;
    bool readStrings(JsonScanner &json, QStringList *strings) const;
    bool readStringMap(JsonScanner &json, StringMap *map) const;
    bool readWholeNumber(JsonScanner &json, std::optional<int> *number) const;
    bool readTimestamp(JsonScanner &json, QDateTime *time) const;
    bool readStatus(JsonScanner &json, EndpointStatus *status) const;

    const ProviderDialect &m_dialect;
    QList<WireField> m_fields; // the provider's fields, by their JSON key
    QByteArray m_itemsKey;     // empty: the page is the array
    QByteArray m_moreKey;      // the pagination field; empty without pagination
    bool m_usable = true;      // false for a profile this scanner does not read (two fields on one key)
};
