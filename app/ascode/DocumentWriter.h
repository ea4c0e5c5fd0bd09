#pragma once

#include "EndpointDocument.h"

#include <QByteArray>

// Writes an endpoints document as YAML that DocumentReader reads back to the same document: keys
// in a fixed order (the schema's), every endpoint's status, text values quoted, and "${" written
// as "$${" so that nothing reads as a variable. It writes what the document holds, and a document
// never holds a secret or an API key.
class DocumentWriter final {
public:
    static QByteArray write(const EndpointDocument &document);
};
