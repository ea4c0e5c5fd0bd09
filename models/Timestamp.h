#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QStringView>

#include <optional>

// RFC 3339 timestamps in the one form nearly every provider sends and the canonical JSON writes,
// read and written without QDateTime's general ISO 8601 code: a list of 10,000 endpoints has
// 40,000 of them. Anything outside that form is left to QDateTime (the callers fall back).
namespace Timestamp {

// "YYYY-MM-DDTHH:MM:SS" with optional ".fff" and "Z" or "±HH:MM": milliseconds since the epoch.
// nullopt for any other form or an impossible date, which QDateTime::fromString then judges.
std::optional<qint64> parseCommon(QStringView text);
std::optional<qint64> parseCommon(QLatin1StringView text);

// Appends "YYYY-MM-DDTHH:MM:SS.fffZ", as QDateTime::toString(Qt::ISODateWithMs) writes a UTC time.
// Returns false, appending nothing, outside the years 1000–9999.
bool appendIsoUtc(QByteArray &out, qint64 msecsSinceEpoch);

} // namespace Timestamp
