#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The bodies a sender may have signed when a receiver's framework re-encoded what arrived:
// the same JSON laid out another way (compact, spaced, indented; keys, numbers and strings
// kept byte for byte), a trailing newline added or removed, LF and CRLF swapped. Each comes
// with a phrase saying what differs, for the verdict's message.
class BodyReencodings final {
public:
    struct Variant {
        QString description; // "the JSON laid out compactly"
        QByteArray body;
    };

    // Every distinct variant of body other than body itself.
    static QList<Variant> of(const QByteArray &body);

    // The JSON text with the whitespace between tokens changed: itemSeparator after ",",
    // keySeparator after ":", and with indent > 0 one member per line. Input must be valid JSON.
    static QByteArray relaidJson(const QByteArray &json, const QByteArray &itemSeparator,
                                 const QByteArray &keySeparator, int indent);
};
