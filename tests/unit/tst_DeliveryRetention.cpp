// How many captured deliveries are kept: [deliveries] keep= in connections.ini, the console's and
// webhookctl's setting, 1,000 when it is missing, and 1,000 with a warning when it is not a
// positive whole number. Run through ./test.sh (a throwaway HOME: the settings file is real).
#include "ConnectionStore.h"
#include "DeliveryRetention.h"

#include <QDir>
#include <QRegularExpression>
#include <QSettings>
#include <QTest>

class TestDeliveryRetention : public QObject {
    Q_OBJECT

    static void setKeep(const QVariant &value) {
        QSettings settings = ConnectionStore::openSettings();
        if (value.isValid())
            settings.setValue(QStringLiteral("deliveries/keep"), value);
        else
            settings.remove(QStringLiteral("deliveries/keep"));
    }

private slots:
    void initTestCase() {
        QVERIFY2(QDir::homePath().contains(QStringLiteral("webhook-console-test")),
                 "run through ./test.sh: the settings file must be a throwaway");
    }
    void cleanup() { setKeep(QVariant()); }

    void missingMeansAThousand() {
        setKeep(QVariant());
        QCOMPARE(DeliveryRetention::fromSettings().keep, 1000);
    }

    void aPositiveNumberIsKept() {
        setKeep(25);
        QCOMPARE(DeliveryRetention::fromSettings().keep, 25);
        setKeep(QStringLiteral(" 5000 ")); // as typed into the file
        QCOMPARE(DeliveryRetention::fromSettings().keep, 5000);
    }

    void anythingElseIsAThousandWithAWarning_data() {
        QTest::addColumn<QString>("value");
        QTest::newRow("zero") << QStringLiteral("0");
        QTest::newRow("negative") << QStringLiteral("-3");
        QTest::newRow("words") << QStringLiteral("all");
        QTest::newRow("a fraction") << QStringLiteral("2.5");
    }

    void anythingElseIsAThousandWithAWarning() {
        QFETCH(QString, value);
        setKeep(value);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^deliveries/keep in .*connections\\.ini is not a "
                                                               "positive whole number; using 1000\\.$")));
        QCOMPARE(DeliveryRetention::fromSettings().keep, 1000);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryRetention)
#include "tst_DeliveryRetention.moc"
