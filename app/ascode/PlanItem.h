#pragma once

#include "Connection.h"
#include "DocumentEndpoint.h"
#include "Endpoint.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// One thing a plan does to one endpoint, or finds nothing to do.
struct PlanItem {
    enum class Kind { Create, Update, Pause, Resume, Unchanged, Delete };

    // One field an update changes: from the provider's value to the document's.
    struct Change {
        QString field; // a canonical field name (EndpointFields::names()), or "key"
        QJsonValue before;
        QJsonValue after;
        bool drifted = false; // the provider's value is not the one the last apply left
    };

    Kind kind = Kind::Unchanged;
    Connection connection;     // the local connection
    DocumentEndpoint document; // what the document says (empty for Delete)
    Endpoint current;          // the provider's endpoint (empty for Create)
    QList<Change> changes;     // Update: only the fields that change (a status change among them)
    // Fields changed at the provider since the last apply (from the local state), whether or not
    // the document changes them back; "deleted" when the endpoint the last apply left is gone.
    QStringList drift;

    bool isChange() const { return kind != Kind::Unchanged; }
    QString endpointId() const { return current.id; }
};
