#include "BodyReencodings.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("BodyReencodings", text);
}

bool isJsonWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The JSON without whitespace between tokens; strings are copied as they are, escapes included.
QByteArray compactJson(const QByteArray &json) {
    QByteArray out;
    out.reserve(json.size());
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            out.append(c);
            if (c == '\\' && i + 1 < json.size())
                out.append(json.at(++i));
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out.append(c);
        } else if (!isJsonWhitespace(c)) {
            out.append(c);
        }
    }
    return out;
}

void newLine(QByteArray &out, int indent, int depth) {
    out.append('\n');
    out.append(QByteArray(indent * depth, ' '));
}

} // namespace

QByteArray BodyReencodings::relaidJson(const QByteArray &json, const QByteArray &itemSeparator,
                                       const QByteArray &keySeparator, int indent) {
    const QByteArray compact = compactJson(json);
    QByteArray out;
    out.reserve(compact.size() * 2);
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < compact.size(); ++i) {
        const char c = compact.at(i);
        if (inString) {
            out.append(c);
            if (c == '\\' && i + 1 < compact.size())
                out.append(compact.at(++i));
            else if (c == '"')
                inString = false;
            continue;
        }
        const char next = i + 1 < compact.size() ? compact.at(i + 1) : '\0';
        switch (c) {
        case '"':
            inString = true;
            out.append(c);
            break;
        case '{':
        case '[':
            out.append(c);
            // An empty object or array stays "{}" / "[]", as every common serialiser writes it.
            if (next != '}' && next != ']') {
                ++depth;
                if (indent > 0)
                    newLine(out, indent, depth);
            } else {
                out.append(next);
                ++i;
            }
            break;
        case '}':
        case ']':
            --depth;
            if (indent > 0)
                newLine(out, indent, depth);
            out.append(c);
            break;
        case ',':
            if (indent > 0) {
                out.append(',');
                newLine(out, indent, depth);
            } else {
                out.append(itemSeparator);
            }
            break;
        case ':':
            out.append(indent > 0 ? QByteArray(": ") : keySeparator);
            break;
        default:
            out.append(c);
        }
    }
    return out;
}

QList<BodyReencodings::Variant> BodyReencodings::of(const QByteArray &body) {
    QList<Variant> candidates;
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError) {
        // Whatever followed the JSON (a final newline) stays, so only the layout differs.
        qsizetype end = body.size();
        while (end > 0 && isJsonWhitespace(body.at(end - 1)))
            --end;
        const QByteArray tail = body.mid(end);
        candidates << Variant{tr("the JSON laid out compactly"), relaidJson(body, ",", ":", 0) + tail}
                   << Variant{tr("the JSON laid out with a space after each comma and colon"),
                              relaidJson(body, ", ", ": ", 0) + tail}
                   << Variant{tr("the JSON indented by 2 spaces"), relaidJson(body, ",", ":", 2) + tail}
                   << Variant{tr("the JSON indented by 4 spaces"), relaidJson(body, ",", ":", 4) + tail};
    }
    if (body.endsWith('\n')) {
        QByteArray trimmed = body;
        trimmed.chop(body.endsWith("\r\n") ? 2 : 1);
        candidates << Variant{tr("its trailing newline removed"), trimmed};
    } else {
        candidates << Variant{tr("a trailing newline added"), body + '\n'};
    }
    if (body.contains("\r\n"))
        candidates << Variant{tr("its CRLF line endings turned into LF"), QByteArray(body).replace("\r\n", "\n")};
    else if (body.contains('\n'))
        candidates << Variant{tr("its LF line endings turned into CRLF"), QByteArray(body).replace("\n", "\r\n")};

    QList<Variant> variants;
    for (const Variant &candidate : candidates) {
        const bool seen =
            candidate.body == body ||
            std::any_of(variants.cbegin(), variants.cend(), [&](const Variant &v) { return v.body == candidate.body; });
        if (!seen)
            variants << candidate;
    }
    return variants;
}
