#pragma once

#include "DocumentConnection.h"

#include <QList>
#include <QString>

// An endpoints document (docs/endpoints-document.schema.json): connections by name, each with its
// endpoints, as read from a file (DocumentReader) or exported (DocumentExporter, DocumentWriter).
struct EndpointDocument {
    static constexpr int currentVersion = 1;

    QString fileName; // for messages: "FILE:LINE: ..."
    int version = currentVersion;
    QList<DocumentConnection> connections;
};
