#pragma once

#include <QString>

// The canonical field names every profile maps its wire names to (ProviderProfile::canonicalField),
// as the validators, the endpoints document and the forms name them.
namespace CanonicalFields {
inline const QString url = QStringLiteral("url");
inline const QString events = QStringLiteral("events");
inline const QString label = QStringLiteral("label");
inline const QString status = QStringLiteral("status");
inline const QString projectId = QStringLiteral("projectId");
inline const QString scope = QStringLiteral("scope");
inline const QString metadata = QStringLiteral("metadata");
inline const QString headers = QStringLiteral("headers");
inline const QString timeout = QStringLiteral("timeoutMs");
} // namespace CanonicalFields
