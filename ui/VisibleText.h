#pragma once

#include <QByteArray>
#include <QString>

// Text a delivery's sender chose (header values, a body that is not JSON), made safe to put in a
// widget: control characters, invalid UTF-8 bytes, Unicode separators and bidi controls become
// visible escapes (ESC shows as \x1b, U+202E as \u202e), so nothing is interpreted, hidden or
// reordered. Printable text is unchanged.
class VisibleText final {
public:
    enum class LineBreaks { Escaped, Kept };

    static QString of(const QByteArray &bytes, LineBreaks lineBreaks = LineBreaks::Escaped);
};
