#include "Timestamp.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

// Timestamp is checked against QDateTime itself, the parser and formatter it stands in for.
class TestTimestamp : public QObject {
    Q_OBJECT

private:
    static QString sample(QRandomGenerator &random, bool withMillis, int offsetMinutes) {
        const QDateTime utc = QDateTime::fromMSecsSinceEpoch(
            random.bounded(Q_INT64_C(-2000000000000), Q_INT64_C(8000000000000)), Qt::UTC);
        const QDateTime shown = offsetMinutes == 0 ? utc : utc.toOffsetFromUtc(offsetMinutes * 60);
        QString text = shown.toString(withMillis ? QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")
                                                 : QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
        if (offsetMinutes == 0)
            return text + QLatin1Char('Z');
        const int magnitude = qAbs(offsetMinutes);
        return text + QString::asprintf("%c%02d:%02d", offsetMinutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
    }

private slots:
    void agreesWithQDateTimeOnTheCommonForm() {
        QRandomGenerator random(20261123);
        int compared = 0;
        for (int i = 0; i < 20000; ++i) {
            const int offset = i % 3 == 0 ? 0 : int(random.bounded(-14 * 60, 14 * 60 + 1));
            const QString text = sample(random, i % 2 == 0, offset);
            const QDateTime expected = QDateTime::fromString(text, Qt::ISODateWithMs);
            const std::optional<qint64> parsed = Timestamp::parseCommon(text);
            QVERIFY2(expected.isValid(), qPrintable(text));
            QVERIFY2(parsed.has_value(), qPrintable(text));
            QCOMPARE(*parsed, expected.toMSecsSinceEpoch());
            ++compared;
        }
        QCOMPARE(compared, 20000);
    }

    void leavesEveryOtherFormToQDateTime_data() {
        QTest::addColumn<QString>("text");
        for (const char *text :
             {"2026-01-15T10:00:00", "2026-01-15 10:00:00Z", "2026-01-15T10:00:00.1Z", "2026-01-15T10:00:00.123456Z",
              "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-01-15T24:00:00Z", "2026-01-15T10:60:00Z",
              "2026-01-15T10:00:60Z", "2026-01-15T10:00:00+0100", "2026-01-15T10:00:00+15:00", "2026-01-15T10:00:00z",
              "0999-01-15T10:00:00Z", "2026-01-15T10:00:00Z ", "２０２６-01-15T10:00:00Z", ""})
            QTest::newRow(text) << QString::fromUtf8(text);
    }

    void leavesEveryOtherFormToQDateTime() {
        QFETCH(QString, text);
        QVERIFY(!Timestamp::parseCommon(text));
    }

    void leapDays() {
        QCOMPARE(*Timestamp::parseCommon(u"2024-02-29T00:00:00Z"),
                 QDateTime(QDate(2024, 2, 29), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
        QVERIFY(!Timestamp::parseCommon(u"2023-02-29T00:00:00Z"));
        QVERIFY(!Timestamp::parseCommon(u"2100-02-29T00:00:00Z"));
        QVERIFY(Timestamp::parseCommon(u"2000-02-29T00:00:00Z"));
    }

    void writesWhatQDateTimeWrites() {
        QRandomGenerator random(11);
        for (int i = 0; i < 20000; ++i) {
            const qint64 msecs = random.bounded(Q_INT64_C(-30000000000000), Q_INT64_C(250000000000000));
            QByteArray written;
            QVERIFY(Timestamp::appendIsoUtc(written, msecs));
            QCOMPARE(written, QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1());
        }
        QByteArray untouched("x");
        QVERIFY(!Timestamp::appendIsoUtc(untouched, Q_INT64_C(-40000000000000))); // year 702
        QCOMPARE(untouched, QByteArray("x"));
    }
};

QTEST_APPLESS_MAIN(TestTimestamp)
#include "tst_Timestamp.moc"
