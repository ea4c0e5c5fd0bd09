#pragma once

#include "Endpoint.h"
#include "EndpointDraft.h"
#include "ProviderProfile.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// The fields an endpoints document manages, under their canonical names, as JSON values: url
// (string), events (array of strings), label (string), status ("active" or "paused"), projectId and
// scope (strings), metadata and headers (objects of strings), timeoutMs (number). A field left out
// is not managed; an empty one is the same as one left out.
//
// Where the provider keeps metadata (create and update both take it), an endpoint's document key
// is kept in it under reservedMetadataKey(), so that another machine finds the endpoint again;
// elsewhere only the local state remembers it (AppliedEndpoints).
class EndpointFields final {
public:
    static const QStringList &names(); // in the order a document lists them
    static QString reservedMetadataKey();
    static bool keepsKeyInMetadata(const ProviderProfile &profile);

    // The managed fields of an endpoint as the provider has them: only fields the profile has,
    // empty ones left out, metadata without the reserved key.
    static QJsonObject of(const Endpoint &endpoint, const ProviderProfile &profile);
    // The document key kept in the endpoint's metadata; empty when there is none.
    static QString keyOf(const Endpoint &endpoint);

    // The draft that creates what fields describe, with the key in its metadata where the
    // provider keeps one there.
    static EndpointDraft draftOf(const QJsonObject &fields, const QString &key, const ProviderProfile &profile);
    // current, edited to what fields describe (fields not managed stay as they are).
    static EndpointDraft editedOf(const Endpoint &current, const QJsonObject &fields, const QString &key,
                                  const ProviderProfile &profile);

    static bool same(const QJsonValue &a, const QJsonValue &b); // absent and empty are the same
    static bool isEmpty(const QJsonValue &value);
    static QString text(const QJsonValue &value); // how a plan shows a value: JSON, "(none)" when empty

    // What the local state keeps of an endpoint's fields to tell drift later: header values are
    // kept only as digests, as a receiver's header may carry a credential.
    static QJsonObject snapshot(const QJsonObject &fields);
};
