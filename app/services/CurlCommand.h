#pragma once

#include "CapturedDelivery.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

// A shell command that sends a captured delivery again with curl (the Deliveries view's Copy as
// curl): its method, headers and exact body, to target. Hop-by-hop headers (Host,
// Content-Length, ...) are left to curl, and credential headers (Authorization, Cookie, any the
// DeliveryLog keeps as "[not stored]") are left out: a copied command must not carry them.
class CurlCommand final {
public:
    static QString forDelivery(const CapturedDelivery &delivery, const QUrl &target);

    // bytes as one POSIX shell word: '...' when it is printable UTF-8, else bash's $'...' with
    // \xHH escapes, so a control character or a stray byte arrives as it was sent.
    static QString shellQuoted(const QByteArray &bytes);

    // Whether a header is a credential, left out of a copy.
    static bool isCredential(const QByteArray &name, const QByteArray &value);
};
