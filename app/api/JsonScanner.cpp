#include "JsonScanner.h"

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

} // namespace

JsonScanner::Kind JsonScanner::peek() {
    skipWhitespace();
    if (m_failed || m_at == m_end)
        return Kind::None;
    switch (*m_at) {
    case '{':
        return Kind::Object;
    case '[':
        return Kind::Array;
    case '"':
        return Kind::String;
    case 't':
        return Kind::True;
    case 'f':
        return Kind::False;
    case 'n':
        return Kind::Null;
    default:
        return *m_at == '-' || isDigit(*m_at) ? Kind::Number : Kind::None;
    }
}

bool JsonScanner::beginObject() {
    return open('{');
}

bool JsonScanner::beginArray() {
    return open('[');
}

bool JsonScanner::nextMember(QByteArrayView *key) {
    if (!next('}'))
        return false;
    const std::optional<QByteArrayView> name = string();
    if (!name || !expect(':'))
        return false;
    *key = *name;
    return true;
}

bool JsonScanner::nextElement() {
    return next(']');
}

std::optional<QByteArrayView> JsonScanner::string() {
    if (!expect('"'))
        return std::nullopt;
    const char *start = m_at;
    for (; m_at < m_end; ++m_at) {
        const auto c = static_cast<unsigned char>(*m_at);
        if (c == '"') {
            const QByteArrayView text(start, m_at - start);
            ++m_at;
            return text;
        }
        // Control characters are not JSON; escapes and non-ASCII text are QJsonDocument's to read.
        if (c < 0x20 || c >= 0x80 || c == '\\')
            break;
    }
    fail();
    return std::nullopt;
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, with at most 24 characters and a two-digit
// exponent, so that every number read here is a finite double (the rest is left to QJsonDocument).
std::optional<QByteArrayView> JsonScanner::number() {
    skipWhitespace();
    const char *start = m_at;
    skip('-');
    const bool integerPart = skip('0') || skipDigits() > 0;
    const bool fraction = !skip('.') || skipDigits() > 0;
    bool exponent = true;
    if (skip('e') || skip('E')) {
        if (!skip('+'))
            skip('-');
        const qsizetype exponentDigits = skipDigits();
        exponent = exponentDigits > 0 && exponentDigits <= 2;
    }
    if (m_failed || !integerPart || !fraction || !exponent || m_at - start > 24) {
        fail();
        return std::nullopt;
    }
    return QByteArrayView(start, m_at - start);
}

std::optional<bool> JsonScanner::boolean() {
    switch (peek()) {
    case Kind::True:
        return literal("true") ? std::optional<bool>(true) : std::nullopt;
    case Kind::False:
        return literal("false") ? std::optional<bool>(false) : std::nullopt;
    default:
        fail();
        return std::nullopt;
    }
}

bool JsonScanner::null() {
    if (peek() != Kind::Null) {
        fail();
        return false;
    }
    return literal("null");
}

void JsonScanner::skipValue() {
    QByteArrayView key;
    switch (peek()) {
    case Kind::Object:
        if (beginObject())
            while (nextMember(&key))
                skipValue();
        break;
    case Kind::Array:
        if (beginArray())
            while (nextElement())
                skipValue();
        break;
    case Kind::String:
        string();
        break;
    case Kind::Number:
        number();
        break;
    case Kind::True:
    case Kind::False:
        boolean();
        break;
    case Kind::Null:
        null();
        break;
    case Kind::None:
        fail();
        break;
    }
}

bool JsonScanner::atEnd() {
    skipWhitespace();
    return !m_failed && m_depth == 0 && m_at == m_end;
}

void JsonScanner::skipWhitespace() {
    while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
        ++m_at;
}

bool JsonScanner::skip(char c) {
    if (m_at == m_end || *m_at != c)
        return false;
    ++m_at;
    return true;
}

qsizetype JsonScanner::skipDigits() {
    const char *first = m_at;
    while (m_at < m_end && isDigit(*m_at))
        ++m_at;
    return m_at - first;
}

bool JsonScanner::expect(char c) {
    skipWhitespace();
    if (m_failed || m_at == m_end || *m_at != c) {
        fail();
        return false;
    }
    ++m_at;
    return true;
}

bool JsonScanner::literal(QByteArrayView word) {
    if (m_end - m_at < word.size() || QByteArrayView(m_at, word.size()) != word) {
        fail();
        return false;
    }
    m_at += word.size();
    return true;
}

bool JsonScanner::open(char bracket) {
    if (m_depth == maxDepth || !expect(bracket)) {
        fail();
        return false;
    }
    m_started &= ~(1ULL << m_depth);
    ++m_depth;
    return true;
}

// Before a member or element: true when one follows (after its comma), false at the closing
// bracket, which closes the container.
bool JsonScanner::next(char closing) {
    skipWhitespace();
    if (m_failed || m_depth == 0 || m_at == m_end) {
        fail();
        return false;
    }
    const unsigned long long bit = 1ULL << (m_depth - 1);
    if (*m_at == closing) {
        ++m_at;
        --m_depth;
        return false;
    }
    if (m_started & bit) {
        if (!expect(','))
            return false;
    } else {
        m_started |= bit;
    }
    return true;
}
