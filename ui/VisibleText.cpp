#include "VisibleText.h"

#include <QList>
#include <QStringDecoder>

namespace {

bool isHidden(char32_t u) {
    return u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x200e || u == 0x200f || u == 0x2028 || u == 0x2029 ||
           (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0xfeff;
}

QString escapeOf(char32_t u) {
    if (u == '\n')
        return QStringLiteral("\\n");
    if (u == '\r')
        return QStringLiteral("\\r");
    if (u == '\t')
        return QStringLiteral("\\t");
    if (u < 0x80)
        return QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
    return QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
}

} // namespace

QString VisibleText::of(const QByteArray &bytes, LineBreaks lineBreaks) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    QString shown;
    shown.reserve(bytes.size());
    if (decoder.hasError()) {
        // Not UTF-8: printable ASCII as it is, every other byte by its value.
        for (const char byte : bytes) {
            const auto unit = static_cast<unsigned char>(byte);
            const bool kept = lineBreaks == LineBreaks::Kept && (byte == '\n' || byte == '\t');
            if (kept || (unit >= 0x20 && unit < 0x7f))
                shown += QLatin1Char(byte);
            else
                shown += QStringLiteral("\\x%1").arg(uint(unit), 2, 16, QLatin1Char('0'));
        }
        return shown;
    }
    for (const uint u : decoded.toUcs4()) {
        const bool kept = lineBreaks == LineBreaks::Kept && (u == '\n' || u == '\t');
        if (!kept && isHidden(u))
            shown += escapeOf(u);
        else
            shown += QString::fromUcs4(reinterpret_cast<const char32_t *>(&u), 1);
    }
    return shown;
}
