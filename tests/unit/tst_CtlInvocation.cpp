#include "CtlInvocation.h"

#include <QTest>

using Command = CtlInvocation::Command;

class TestCtlInvocation : public QObject {
    Q_OBJECT

private:
    static std::optional<CtlInvocation> parse(const QString &line, QString *error) {
        return CtlInvocation::parse(line.split(QLatin1Char(' '), Qt::SkipEmptyParts), error);
    }

private slots:
    void createWithRepeatedOptions() {
        QString error;
        const auto invocation =
            parse(QStringLiteral("-c prod create --url https://example.com/hook --event job.completed "
                                 "--event job.failed --metadata team=ops --metadata tier=1 "
                                 "--timeout-ms 2500 --json"),
                  &error);
        QVERIFY2(invocation, qPrintable(error));
        QCOMPARE(invocation->command, Command::Create);
        QCOMPARE(invocation->connectionName, QStringLiteral("prod"));
        QCOMPARE(invocation->draft.url, QStringLiteral("https://example.com/hook"));
        QCOMPARE(invocation->draft.events,
                 (QStringList{QStringLiteral("job.completed"), QStringLiteral("job.failed")}));
        QCOMPARE(invocation->draft.metadata.value(QStringLiteral("tier")), QStringLiteral("1"));
        QCOMPARE(invocation->draft.timeoutMs, 2500);
        QVERIFY(invocation->json);
    }

    void connectionAdd() {
        QString error;
        const auto invocation =
            parse(QStringLiteral("connection add staging --provider layers --base-url "
                                 "http://127.0.0.1:8080/layers --environment development --auth bearer"),
                  &error);
        QVERIFY2(invocation, qPrintable(error));
        QCOMPARE(invocation->command, Command::ConnectionAdd);
        QCOMPARE(invocation->connectionName, QStringLiteral("staging"));
        QCOMPARE(invocation->environment, Environment::Development);
        QCOMPARE(invocation->authScheme, QStringLiteral("bearer"));
    }

    void updateKeepsOnlyGivenOptions() {
        QString error;
        const auto invocation = parse(QStringLiteral("update abc --connection=prod --description=new"), &error);
        QVERIFY2(invocation, qPrintable(error));
        QCOMPARE(invocation->endpointId, QStringLiteral("abc"));
        QCOMPARE(invocation->optionsGiven, QStringList{QStringLiteral("label")});
    }

    void usageErrorsNameTheCulprit_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no command") << QString() << QStringLiteral("No command");
        QTest::newRow("unknown command") << QStringLiteral("-c x frobnicate") << QStringLiteral("frobnicate");
        QTest::newRow("no connection") << QStringLiteral("list") << QStringLiteral("-c NAME");
        QTest::newRow("missing id") << QStringLiteral("-c x pause") << QStringLiteral("endpoint ID");
        QTest::newRow("extra word") << QStringLiteral("-c x list extra") << QStringLiteral("extra");
        QTest::newRow("option of another command")
            << QStringLiteral("-c x pause abc --url https://a") << QStringLiteral("--url");
        QTest::newRow("unknown option") << QStringLiteral("-c x list --frob") << QStringLiteral("--frob");
        QTest::newRow("value missing") << QStringLiteral("-c x create --url") << QStringLiteral("--url");
        QTest::newRow("bad metadata") << QStringLiteral("-c x create --url https://a --event a.b --metadata novalue")
                                      << QStringLiteral("--metadata");
        QTest::newRow("bad timeout") << QStringLiteral("-c x create --url https://a --event a.b --timeout-ms soon")
                                     << QStringLiteral("--timeout-ms");
        QTest::newRow("create without url") << QStringLiteral("-c x create --event a.b") << QStringLiteral("--url");
        QTest::newRow("create without event")
            << QStringLiteral("-c x create --url https://a") << QStringLiteral("--event");
        QTest::newRow("empty update") << QStringLiteral("-c x update abc") << QStringLiteral("at least one option");
        QTest::newRow("bad environment") << QStringLiteral("connection add n --provider layers --environment staging")
                                         << QStringLiteral("--environment");
        QTest::newRow("add without provider") << QStringLiteral("connection add n") << QStringLiteral("--provider");
        QTest::newRow("deadline not a number")
            << QStringLiteral("-c x list --deadline soon") << QStringLiteral("--deadline");
        QTest::newRow("deadline zero") << QStringLiteral("-c x list --deadline 0") << QStringLiteral("--deadline");
    }

    void usageErrorsNameTheCulprit() {
        QFETCH(QString, line);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!parse(line, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    // --deadline goes with any command, before or after it; 120 s when not given.
    void deadlineIsGlobal() {
        QString error;
        QCOMPARE(parse(QStringLiteral("-c x list"), &error)->deadlineSeconds, CtlInvocation::defaultDeadlineSeconds);
        const auto list = parse(QStringLiteral("--deadline 5 -c x list --json"), &error);
        QVERIFY2(list, qPrintable(error));
        QCOMPARE(list->deadlineSeconds, 5);
        const auto create = parse(QStringLiteral("-c x create --url https://a --event a.b --deadline=7"), &error);
        QVERIFY2(create, qPrintable(error));
        QCOMPARE(create->deadlineSeconds, 7);
    }

    void helpAndVersionWinAnywhere() {
        QString error;
        QCOMPARE(parse(QStringLiteral("-c x create --help"), &error)->command, Command::Help);
        QCOMPARE(parse(QStringLiteral("--version"), &error)->command, Command::Version);
    }
};

QTEST_GUILESS_MAIN(TestCtlInvocation)
#include "tst_CtlInvocation.moc"
