#include "HttpDate.h"

#include <QTest>
#include <QTimeZone>

class TestHttpDate : public QObject {
    Q_OBJECT

private slots:
    void parsesTheThreeForms_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT");
        QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT");
        QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994");
        QTest::newRow("surrounding space") << QByteArray("  Sun, 06 Nov 1994 08:49:37 GMT \r");
    }

    void parsesTheThreeForms() {
        QFETCH(QByteArray, text);
        const QDateTime expected(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc());
        const QDateTime parsed = HttpDate::parse(text);
        QVERIFY2(parsed.isValid(), text.constData());
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }

    void refusesWhatIsNotAnHttpDate_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("delta seconds") << QByteArray("120");
        QTest::newRow("other zone") << QByteArray("Sun, 06 Nov 1994 08:49:37 +0100");
        QTest::newRow("unknown month") << QByteArray("Sun, 06 Foo 1994 08:49:37 GMT");
        QTest::newRow("day 31 of November") << QByteArray("Sun, 31 Nov 1994 08:49:37 GMT");
        QTest::newRow("hour 25") << QByteArray("Sun, 06 Nov 1994 25:49:37 GMT");
        QTest::newRow("lower-case gmt") << QByteArray("Sun, 06 Nov 1994 08:49:37 gmt");
        QTest::newRow("junk after") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT; evil");
    }

    void refusesWhatIsNotAnHttpDate() {
        QFETCH(QByteArray, text);
        QVERIFY(!HttpDate::parse(text).isValid());
    }

    // RFC 850's two-digit year: more than 50 years ahead means the previous century.
    void twoDigitYearsStayNearNow() {
        const int thisYear = QDate::currentDate().year();
        const QByteArray nextYear = QByteArray::number((thisYear + 1) % 100).rightJustified(2, '0');
        QCOMPARE(HttpDate::parse("Monday, 01-Jan-" + nextYear + " 00:00:00 GMT").date().year(), thisYear + 1);
        const QByteArray farAhead = QByteArray::number((thisYear + 60) % 100).rightJustified(2, '0');
        QCOMPARE(HttpDate::parse("Monday, 01-Jan-" + farAhead + " 00:00:00 GMT").date().year(), thisYear - 40);
    }
};

QTEST_GUILESS_MAIN(TestHttpDate)
#include "tst_HttpDate.moc"
