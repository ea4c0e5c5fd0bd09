#include "NaturalOrder.h"

#include <QCollator>
#include <QRandomGenerator>
#include <QTest>

namespace {

int sign(int value) {
    return (value > 0) - (value < 0);
}

// Printable ASCII, with more digits and zeros than chance gives, so numbers meet numbers.
QString randomText(QRandomGenerator &random) {
    static const QString alphabet = []() -> QString {
        QString characters;
        for (char16_t c = 0x20; c < 0x7f; ++c)
            characters += QChar(c);
        return characters + QStringLiteral("0000111999");
    }();
    QString text;
    const int length = random.bounded(0, 24);
    for (int i = 0; i < length; ++i)
        text += alphabet.at(random.bounded(alphabet.size()));
    return text;
}

QCollator icuCollator(const QLocale &locale) {
    QCollator collator(locale);
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    return collator;
}

} // namespace

class TestNaturalOrder : public QObject {
    Q_OBJECT

private slots:
    // The direct order must be ICU's, exactly, wherever it is used: ICU is the reference.
    void directOrderIsIcusOrder_data() {
        QTest::addColumn<QLocale>("locale");
        for (const char *name : {"en_US", "en_GB", "de_DE", "fr_FR", "it_IT", "pt_BR", "nl_NL", "es_ES", "ja_JP",
                                 "zh_CN", "ru_RU", "uk_UA", "pl_PL"})
            QTest::newRow(name) << QLocale(QString::fromLatin1(name));
    }

    void directOrderIsIcusOrder() {
        QFETCH(QLocale, locale);
        const NaturalOrder order(locale);
        const QCollator collator = icuCollator(locale);
        QRandomGenerator random(20261203); // fixed: a failure can be repeated
        int compared = 0;
        for (int i = 0; i < 40000; ++i) {
            const QString a = randomText(random);
            // Half of the pairs share a beginning, so they differ late, as URLs do.
            const QString b =
                random.bounded(2) ? a.left(random.bounded(a.size() + 1)) + randomText(random) : randomText(random);
            QVERIFY(order.isDirect(a) && order.isDirect(b));
            if (sign(NaturalOrder::compareDirectly(a, b)) != sign(collator.compare(a, b)))
                QFAIL(qPrintable(QStringLiteral("\"%1\" vs \"%2\": ICU says %3, the direct order %4")
                                     .arg(a, b)
                                     .arg(collator.compare(a, b))
                                     .arg(NaturalOrder::compareDirectly(a, b))));
            ++compared;
        }
        QCOMPARE(compared, 40000);
    }

    void numbersByValueCaseIgnored() {
        const NaturalOrder order(QLocale(QLocale::English));
        QVERIFY(order.compare(QStringLiteral("hook-2"), QStringLiteral("HOOK-10")) < 0);
        QVERIFY(order.compare(QStringLiteral("hooks9"), QStringLiteral("hooks10")) < 0);
        QCOMPARE(order.compare(QStringLiteral("Hook-3"), QStringLiteral("hook-3")), 0);
        QCOMPARE(order.compare(QStringLiteral("a007"), QStringLiteral("a7")), 0);
        QVERIFY(order.compare(QStringLiteral("https://a.example/x"), QStringLiteral("https://a-b.example/")) > 0);
        QVERIFY(order.compare(QString(), QStringLiteral("a")) < 0);
    }

    // Danish sorts "aa" as "å", after "z"; Czech sorts "ch" after "h": ICU decides there.
    void localesThatTailorAsciiUseIcu() {
        for (const char *name : {"da_DK", "cs_CZ", "tr_TR", "lt_LT"}) {
            const NaturalOrder order{QLocale(QString::fromLatin1(name))};
            QVERIFY2(!order.isDirect(QStringLiteral("aachen")), name);
        }
        const NaturalOrder danish{QLocale(QStringLiteral("da_DK"))};
        QVERIFY(danish.compare(QStringLiteral("aarhus"), QStringLiteral("zulu")) > 0);
    }

    void nonAsciiTextUsesIcu() {
        const NaturalOrder order(QLocale(QLocale::German));
        QVERIFY(!order.isDirect(QStringLiteral("Zürich")));
        QVERIFY(!order.isDirect(QStringLiteral("tab\there")));
        QVERIFY(order.compare(QStringLiteral("Zürich"), QStringLiteral("Zurich")) > 0);
        QVERIFY(order.compare(QStringLiteral("Zürich"), QStringLiteral("zusatz")) < 0);
        QVERIFY(order.compare(QStringLiteral("äther"), QStringLiteral("Ather")) > 0);
        QVERIFY(order.compare(QStringLiteral("äther"), QStringLiteral("azur")) < 0);
    }
};

QTEST_APPLESS_MAIN(TestNaturalOrder)
#include "tst_NaturalOrder.moc"
