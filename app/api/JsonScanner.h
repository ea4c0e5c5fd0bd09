#pragma once

#include <QByteArrayView>

#include <optional>

// Reads JSON text in place, value by value, without building a document: the quick path for list
// pages, where QJsonDocument::fromJson and then a lookup per field cost several times what reading
// the bytes does. It is strict and deliberately narrow: it accepts only well-formed JSON whose
// strings are printable ASCII without escapes, and gives up on anything else (a syntax error, an
// escape, a non-ASCII byte, deep nesting). Giving up is sticky: once failed() is true every call
// returns nothing, and the caller reads the same bytes through QJsonDocument, whose verdict and
// messages are the reference. A scanner never accepts text QJsonDocument would refuse.
class JsonScanner final {
public:
    enum class Kind { Object, Array, String, Number, True, False, Null, None };

    explicit JsonScanner(QByteArrayView json)
        : m_at(json.data())
        , m_end(json.data() + json.size()) {}

    bool failed() const { return m_failed; }
    // Gives up; for a caller that meets something it does not handle.
    void fail() { m_failed = true; }

    // What the next value is, without reading it (None when failed or at the end).
    Kind peek();

    // An object: beginObject(), then nextMember(&key) before each member's value; it returns false
    // at the closing brace (or on failure). Arrays alike with nextElement().
    bool beginObject();
    bool nextMember(QByteArrayView *key);
    bool beginArray();
    bool nextElement();

    // The next value, when it is of that kind; otherwise failed. A string's text is returned
    // without its quotes (printable ASCII, so it is also its Latin-1 and UTF-8 form); a number's
    // text as written, checked against JSON's grammar.
    std::optional<QByteArrayView> string();
    std::optional<QByteArrayView> number();
    std::optional<bool> boolean();
    bool null();
    // Reads past the next value, whatever it is, checking it as it goes.
    void skipValue();

    // True when only whitespace is left; call it after the top-level value.
    bool atEnd();

private:
    void skipWhitespace();
    bool skip(char c); // consumes c when it comes next
    qsizetype skipDigits();
    bool expect(char c);
    bool literal(QByteArrayView word);
    bool open(char bracket);
    bool next(char closing);

    // Nesting deeper than this is left to QJsonDocument; no provider's endpoint is nested so far.
    static constexpr int maxDepth = 32;

    const char *m_at;
    const char *m_end;
    bool m_failed = false;
    // Bit n: whether the open container at depth n has had a member or element (so a comma
    // comes before the next one).
    unsigned long long m_started = 0;
    int m_depth = 0; // open containers
};
