#include "NaturalOrder.h"

#include <algorithm>
#include <array>

namespace {

// Printable ASCII in the primary order of the root collation (CLDR): white space, punctuation and
// symbols in their own order, digits, letters.
constexpr char rootOrder[] = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

constexpr std::array<int, 128> primaryWeights() {
    std::array<int, 128> weights{};
    for (int &weight : weights)
        weight = -1; // control characters: left to ICU
    for (int i = 0; rootOrder[i] != '\0'; ++i)
        weights[static_cast<unsigned char>(rootOrder[i])] = i + 1;
    for (int c = 'A'; c <= 'Z'; ++c)
        weights[c] = weights[c - 'A' + 'a'];
    return weights;
}

constexpr std::array<int, 128> weights = primaryWeights();

bool isDigit(char16_t c) {
    return c >= u'0' && c <= u'9';
}

} // namespace

NaturalOrder::NaturalOrder(const QLocale &locale)
    : m_collator(locale)
    , m_direct(keepsAsciiInRootOrder(locale.language())) {
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

NaturalOrder NaturalOrder::forSystemLocale() {
    // Qt's collator compares code points in the C locale and ignores numeric mode there.
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    return NaturalOrder(locale);
}

bool NaturalOrder::keepsAsciiInRootOrder(QLocale::Language language) {
    switch (language) {
    case QLocale::English:
    case QLocale::German:
    case QLocale::French:
    case QLocale::Italian:
    case QLocale::Portuguese:
    case QLocale::Dutch:
    case QLocale::Spanish:
    case QLocale::Japanese:
    case QLocale::Chinese:
    case QLocale::Russian:
    case QLocale::Ukrainian:
    case QLocale::Polish:
        return true;
    default:
        return false;
    }
}

bool NaturalOrder::isDirect(const QString &text) const {
    if (!m_direct)
        return false;
    for (const QChar c : text) {
        if (c.unicode() >= weights.size() || weights[c.unicode()] < 0)
            return false;
    }
    return true;
}

int NaturalOrder::compare(const QString &a, const QString &b) const {
    if (isDirect(a) && isDirect(b))
        return compareDirectly(a, b);
    return m_collator.compare(a, b);
}

int NaturalOrder::compareDirectly(const QString &a, const QString &b) {
    // URLs share long beginnings: skip what is identical, back to the start of a number in it.
    const qsizetype common = std::min(a.size(), b.size());
    qsizetype same = std::mismatch(a.constData(), a.constData() + common, b.constData()).first - a.constData();
    while (same > 0 && isDigit(a.at(same - 1).unicode()))
        --same;
    qsizetype i = same;
    qsizetype j = same;
    while (i < a.size() && j < b.size()) {
        const char16_t x = a.at(i).unicode();
        const char16_t y = b.at(j).unicode();
        if (isDigit(x) && isDigit(y)) {
            // A number against a number: by value, so leading zeros do not count, then the longer
            // is the larger, then digit by digit.
            while (i < a.size() && a.at(i) == u'0')
                ++i;
            while (j < b.size() && b.at(j) == u'0')
                ++j;
            qsizetype endA = i;
            qsizetype endB = j;
            while (endA < a.size() && isDigit(a.at(endA).unicode()))
                ++endA;
            while (endB < b.size() && isDigit(b.at(endB).unicode()))
                ++endB;
            if (endA - i != endB - j)
                return endA - i < endB - j ? -1 : 1;
            for (; i < endA; ++i, ++j) {
                if (a.at(i) != b.at(j))
                    return a.at(i) < b.at(j) ? -1 : 1;
            }
            continue;
        }
        if (weights[x] != weights[y])
            return weights[x] < weights[y] ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    return j < b.size() ? -1 : 0;
}
