#pragma once

#include <QCollator>
#include <QLocale>
#include <QString>

// The order of the table's text columns: the locale's collation with numbers compared by value and
// case ignored ("hook-2" before "HOOK-10"). ICU sort keys for 100,000 URLs cost about a second, so
// for printable ASCII, in a locale whose collation keeps ASCII in the root order (most do; Danish
// "aa" and Czech "ch" do not), the same order is computed directly: punctuation, then digits, then
// letters. tst_NaturalOrder checks that against ICU for every such locale.
class NaturalOrder final {
public:
    explicit NaturalOrder(const QLocale &locale);
    static NaturalOrder forSystemLocale(); // the C locale means "not configured": English then

    // < 0, 0 or > 0, as QCollator::compare.
    int compare(const QString &a, const QString &b) const;
    // Whether compare() orders this text without ICU.
    bool isDirect(const QString &text) const;
    // compare() for two texts isDirect() accepts, without checking them again.
    static int compareDirectly(const QString &a, const QString &b);

    const QCollator &collator() const { return m_collator; }
    // The languages whose collation orders ASCII as the root collation does.
    static bool keepsAsciiInRootOrder(QLocale::Language language);

private:
    QCollator m_collator;
    bool m_direct = false;
};
