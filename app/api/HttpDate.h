#pragma once

#include <QByteArray>
#include <QDateTime>

// Parses an HTTP date (RFC 9110 section 5.6.7), as a Retry-After header may carry one: the preferred
// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT" and the obsolete RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT"
// and asctime "Sun Nov  6 08:49:37 1994" forms. Qt's RFC 2822 parser refuses the "GMT" zone, hence this.
class HttpDate final {
public:
    // An invalid QDateTime when text is not an HTTP date; otherwise the moment, in UTC.
    static QDateTime parse(const QByteArray &text);
};
