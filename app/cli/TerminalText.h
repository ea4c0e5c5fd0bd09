#pragma once

#include <QByteArray>
#include <QString>

// Makes text that came from a provider safe to print on the operator's terminal: control characters
// (C0 with CR, LF and TAB, DEL, C1), Unicode line and paragraph separators and bidi controls become
// visible escapes, so the text can neither drive the terminal (ESC sequences, BEL, title changes) nor
// forge lines of output or reorder what is shown. Printable text, secrets included, is unchanged.
class TerminalText final {
public:
    // "\n" becomes the two characters \n, ESC becomes \x1b, U+202E becomes \u202e.
    static QString escaped(const QString &text);
    // For UTF-8 JSON from QJsonDocument, which escapes C0 controls but writes DEL, C1 and the Unicode
    // separators and bidi controls raw: those become \u escapes. They can only occur inside strings,
    // so the document means the same.
    static QByteArray escapedJson(const QByteArray &json);
};
