#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

// Whether an endpoint's signing secret must be in the keychain (`secret: required`) or need not be
// (`secret: none`). The secret itself never appears in a document.
enum class SecretRequirement { Unstated, Required, None };

// One endpoint as an endpoints document describes it. It is identified by the provider's `id`
// when known, else by the operator's `key`; `fields` holds the managed fields under their
// canonical names (see EndpointFields): a field the document leaves out is not managed.
struct DocumentEndpoint {
    QString id;
    QString key;
    QJsonObject fields;
    SecretRequirement secret = SecretRequirement::Unstated;

    int line = 0;              // where the endpoint starts
    QHash<QString, int> lines; // document key ("url", "events", "id", ...) -> line of its value

    int lineOf(const QString &documentKey) const { return lines.value(documentKey, line); }
    // How messages name it: `key "orders"`, `id "whk_1"`, or its URL.
    QString reference() const;
};
