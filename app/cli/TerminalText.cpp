#include "TerminalText.h"

namespace {

bool isUnsafe(char16_t c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) // C0, DEL, C1
           || c == 0x2028 || c == 0x2029        // line and paragraph separators
           || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069); // bidi marks, embeddings, overrides and isolates
}

QString hex(char16_t c, int digits) {
    return QString::number(c, 16).rightJustified(digits, QLatin1Char('0'));
}

} // namespace

QString TerminalText::escaped(const QString &text) {
    QString result;
    result.reserve(text.size());
    for (const QChar character : text) {
        const char16_t c = character.unicode();
        if (!isUnsafe(c)) {
            result += character;
            continue;
        }
        switch (c) {
        case u'\n':
            result += QStringLiteral("\\n");
            break;
        case u'\r':
            result += QStringLiteral("\\r");
            break;
        case u'\t':
            result += QStringLiteral("\\t");
            break;
        default:
            result += c <= 0xff ? QStringLiteral("\\x") + hex(c, 2) : QStringLiteral("\\u") + hex(c, 4);
        }
    }
    return result;
}

QByteArray TerminalText::escapedJson(const QByteArray &json) {
    const QString text = QString::fromUtf8(json);
    QString result;
    result.reserve(text.size());
    for (const QChar character : text) {
        const char16_t c = character.unicode();
        // C0 controls are already escaped by QJsonDocument; the newlines left are its own indentation.
        if (c >= 0x20 && isUnsafe(c))
            result += QStringLiteral("\\u") + hex(c, 4);
        else
            result += character;
    }
    return result.toUtf8();
}
