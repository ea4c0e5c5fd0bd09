#pragma once

#include "Endpoint.h"

#include <QByteArray>

// An endpoint's canonical JSON written straight to UTF-8 for `webhookctl list --json`, one per
// listed endpoint: byte for byte what TerminalText::escapedJson(QJsonDocument(json).toJson(Compact))
// gives for Endpoint::toJson() (keys in QJsonObject's order), without building either. Plain
// ASCII strings and common timestamps take the short way; anything else (escapes, non-ASCII, maps,
// the provider's object) goes through Qt's writer, so the two can never disagree.
namespace EndpointJson {

void appendCompact(QByteArray &out, const Endpoint &endpoint, bool withProvider);

} // namespace EndpointJson
