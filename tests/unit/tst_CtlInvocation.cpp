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
        QTest::newRow("secret without a known sub-command")
            << QStringLiteral("-c x secret forget abc") << QStringLiteral("show, import or forget-previous");
        QTest::newRow("any-form on show") << QStringLiteral("-c x secret show abc --any-form")
                                          << QStringLiteral("--any-form is not an option of \"secret\"");
        QTest::newRow("sign without an id")
            << QStringLiteral("-c x sign --body-file b") << QStringLiteral("endpoint ID");
        QTest::newRow("received-at on sign") << QStringLiteral("-c x sign abc --received-at 2021-02-25T15:02:10Z")
                                             << QStringLiteral("--received-at is not an option of \"sign\"");
        QTest::newRow("timestamp not a number")
            << QStringLiteral("-c x sign abc --timestamp soon")
            << QStringLiteral("--timestamp expects a Unix time in whole seconds, not \"soon\".");
        QTest::newRow("timestamp negative")
            << QStringLiteral("-c x sign abc --timestamp=-5") << QStringLiteral("--timestamp expects a Unix time");
        QTest::newRow("header on sign") << QStringLiteral("-c x sign abc --header a=b")
                                        << QStringLiteral("--header is not an option of \"sign\"");
        QTest::newRow("unknown scheme")
            << QStringLiteral("-c x verify abc --scheme paypal")
            << QStringLiteral("--scheme expects standard-webhooks, stripe, github, shopify or slack, not \"paypal\".");
        QTest::newRow("received-at without a zone")
            << QStringLiteral("-c x verify abc --received-at 2021-02-25T15:02:10")
            << QStringLiteral("--received-at expects an RFC 3339 time with its zone, such as 2021-02-25T15:02:10Z, "
                              "not \"2021-02-25T15:02:10\".");
        QTest::newRow("received-at an impossible date")
            << QStringLiteral("-c x verify abc --received-at 2021-02-30T15:02:10Z")
            << QStringLiteral("--received-at expects an RFC 3339 time");
        QTest::newRow("received-at a Unix time")
            << QStringLiteral("-c x verify abc --received-at 1614265330") << QStringLiteral("--received-at expects");
        QTest::newRow("received-at missing")
            << QStringLiteral("-c x verify abc --received-at") << QStringLiteral("--received-at needs a value.");
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

    // verify --header takes 'Name: value', not create's K=V, and echoes a bad one terminal-safe.
    // A usage error shows the usage of the command at fault, not all hundred lines.
    void aUsageErrorShowsTheUsageOfItsCommand() {
        const QString list = CtlInvocation::usageFor(
            {QStringLiteral("-c"), QStringLiteral("test"), QStringLiteral("list"), QStringLiteral("--bogus")});
        QVERIFY2(list.contains(QStringLiteral("webhookctl -c NAME list [--json [--raw]]")), qPrintable(list));
        QVERIFY2(!list.contains(QStringLiteral("test ID")), qPrintable(list)); // "test" was the connection
        QVERIFY(!list.contains(QStringLiteral("apply -f FILE")));
        QVERIFY(list.contains(QStringLiteral("webhookctl --help")));
        QVERIFY(list.count(QLatin1Char('\n')) < 6);

        const QString secret = CtlInvocation::usageFor({QStringLiteral("secret"), QStringLiteral("show")});
        QCOMPARE(secret.count(QStringLiteral("webhookctl -c NAME secret ")), 3);
        QVERIFY(secret.contains(QStringLiteral("(reads a signing secret from stdin")));
        QVERIFY(!secret.contains(QStringLiteral("sign ID")));

        QCOMPARE(CtlInvocation::usageFor({QStringLiteral("frobnicate")}), CtlInvocation::usage());
        for (const char *command :
             {"connection", "list", "create", "update", "pause", "resume", "rotate-secret", "test", "delete", "events",
              "secret", "sign", "verify", "listen", "export", "plan", "apply"}) {
            const QString usage = CtlInvocation::usageFor({QString::fromLatin1(command)});
            QVERIFY2(usage != CtlInvocation::usage() && usage.contains(QString::fromLatin1(command)), command);
        }
    }

    void malformedHeadersAreUsageErrors_data() {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("message");
        QTest::newRow("no colon") << QStringLiteral("webhook-id msg_1")
                                  << QStringLiteral("--header expects 'Name: value', not \"webhook-id msg_1\".");
        QTest::newRow("K=V") << QStringLiteral("webhook-id=msg_1")
                             << QStringLiteral("--header expects 'Name: value', not \"webhook-id=msg_1\".");
        QTest::newRow("empty name") << QStringLiteral(": v1,abc")
                                    << QStringLiteral("--header expects 'Name: value', not \": v1,abc\".");
        QTest::newRow("space in the name") << QStringLiteral("webhook id: 1")
                                           << QStringLiteral("--header expects 'Name: value', not \"webhook id: 1\".");
        QTest::newRow("line break in the value")
            << QStringLiteral("webhook-id: 1\r\nX-Evil: 2\x1b[2J")
            << QStringLiteral("--header expects 'Name: value', not \"webhook-id: 1\\r\\nX-Evil: 2\\x1b[2J\".");
    }

    void malformedHeadersAreUsageErrors() {
        QFETCH(QString, header);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!CtlInvocation::parse({QStringLiteral("-c"), QStringLiteral("x"), QStringLiteral("verify"),
                                       QStringLiteral("abc"), QStringLiteral("--header"), header},
                                      &error));
        QCOMPARE(error, message);
    }

    void verifyArguments() {
        QString error;
        const auto invocation = CtlInvocation::parse(
            {QStringLiteral("-c"), QStringLiteral("prod"), QStringLiteral("verify"), QStringLiteral("msg-endpoint"),
             QStringLiteral("--header"), QStringLiteral("webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek"),
             QStringLiteral("--header=Webhook-Signature:v1,a= v1,b=  "), QStringLiteral("--header"),
             QStringLiteral("X-Empty:"), QStringLiteral("--body-file"), QStringLiteral("/tmp/body.json"),
             QStringLiteral("--received-at"), QStringLiteral("2021-02-25t16:02:10.5+01:00"), QStringLiteral("--scheme"),
             QStringLiteral("stripe"), QStringLiteral("--json")},
            &error);
        QVERIFY2(invocation, qPrintable(error));
        QCOMPARE(invocation->command, Command::Verify);
        QCOMPARE(invocation->endpointId, QStringLiteral("msg-endpoint"));
        QCOMPARE(invocation->deliveryHeaders,
                 (QList<QPair<QByteArray, QByteArray>>{{"webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"},
                                                       {"Webhook-Signature", "v1,a= v1,b="},
                                                       {"X-Empty", ""}}));
        QCOMPARE(invocation->bodyFile, QStringLiteral("/tmp/body.json"));
        QCOMPARE(invocation->receivedAt, QDateTime(QDate(2021, 2, 25), QTime(15, 2, 10, 500), Qt::UTC));
        QCOMPARE(invocation->scheme, std::optional<SignatureScheme::Kind>(SignatureScheme::Kind::Stripe));
        QVERIFY(invocation->json);
        QVERIFY(invocation->draft.headers.isEmpty()); // not create's --header

        const auto plain = CtlInvocation::parse({QStringLiteral("-c"), QStringLiteral("prod"), QStringLiteral("verify"),
                                                 QStringLiteral("e"), QStringLiteral("--received-at"),
                                                 QStringLiteral("2021-02-25T15:02:10Z")},
                                                &error);
        QVERIFY2(plain, qPrintable(error));
        QCOMPARE(plain->receivedAt.toSecsSinceEpoch(), 1614265330);
        QVERIFY(!plain->scheme);
        QVERIFY(plain->bodyFile.isEmpty());
        QVERIFY(!plain->json);
    }

    void signImportAndForgetArguments() {
        QString error;
        const auto sign =
            parse(QStringLiteral("-c prod sign e1 --body-file b.json --timestamp 1614265330 --id msg_1"), &error);
        QVERIFY2(sign, qPrintable(error));
        QCOMPARE(sign->command, Command::Sign);
        QCOMPARE(sign->endpointId, QStringLiteral("e1"));
        QCOMPARE(sign->bodyFile, QStringLiteral("b.json"));
        QCOMPARE(sign->timestamp, std::optional<qint64>(1614265330));
        QCOMPARE(sign->messageId, QStringLiteral("msg_1"));
        const auto unsignedDefaults = parse(QStringLiteral("-c prod sign e1"), &error);
        QVERIFY2(unsignedDefaults, qPrintable(error));
        QVERIFY(!unsignedDefaults->timestamp);
        QVERIFY(unsignedDefaults->messageId.isEmpty());

        const auto import = parse(QStringLiteral("-c prod secret import e1 --any-form"), &error);
        QVERIFY2(import, qPrintable(error));
        QCOMPARE(import->command, Command::SecretImport);
        QVERIFY(import->anyForm);
        QVERIFY(!parse(QStringLiteral("-c prod secret import e1"), &error)->anyForm);

        const auto forget = parse(QStringLiteral("-c prod secret forget-previous e1"), &error);
        QVERIFY2(forget, qPrintable(error));
        QCOMPARE(forget->command, Command::SecretForgetPrevious);
        QCOMPARE(forget->endpointId, QStringLiteral("e1"));
    }

    // listen needs no connection (it matches against all of them), takes no endpoint id, and
    // checks its port and forward URL.
    void listenArguments() {
        QString error;
        const auto all = parse(QStringLiteral("listen"), &error);
        QVERIFY2(all, qPrintable(error));
        QCOMPARE(all->command, Command::Listen);
        QVERIFY(all->connectionName.isEmpty());
        QCOMPARE(all->listenPort, quint16(0));
        QVERIFY(all->forwardUrl.isEmpty());
        const auto one = parse(QStringLiteral("-c prod listen --port 8099 --forward http://127.0.0.1:3000/in"), &error);
        QVERIFY2(one, qPrintable(error));
        QCOMPARE(one->connectionName, QStringLiteral("prod"));
        QCOMPARE(one->listenPort, quint16(8099));
        QCOMPARE(one->forwardUrl, QStringLiteral("http://127.0.0.1:3000/in"));
        for (const char *bad : {"listen --port 65536", "listen --port http", "listen --forward ftp://a/b",
                                "listen --forward nowhere", "listen e1", "listen --url https://a"}) {
            QVERIFY2(!parse(QString::fromLatin1(bad), &error), bad);
            QVERIFY(!error.isEmpty());
        }
    }

    void usageNamesTheNewCommands() {
        const QString usage = CtlInvocation::usage();
        for (const char *line :
             {"webhookctl -c NAME secret import ID [--any-form]", "webhookctl -c NAME secret forget-previous ID",
              "webhookctl -c NAME sign ID [--body-file F] [--timestamp UNIX-SECONDS] [--id MESSAGE-ID]",
              "webhookctl -c NAME verify ID --header 'Name: value'... [--body-file F]",
              "[--received-at RFC3339] [--scheme standard-webhooks|stripe|github|shopify|slack]",
              "verify: 0 valid, 1 invalid", "webhookctl [-c NAME] listen [--port N] [--forward URL]"})
            QVERIFY2(usage.contains(QLatin1String(line)), line);
    }

    void documentCommands() {
        QString error;
        const auto exported = parse(QStringLiteral("export -c dev -c staging -o out.yaml"), &error);
        QVERIFY2(exported, qPrintable(error));
        QCOMPARE(exported->command, Command::Export);
        QCOMPARE(exported->connectionNames, (QStringList{QStringLiteral("dev"), QStringLiteral("staging")}));
        QCOMPARE(exported->outputFile, QStringLiteral("out.yaml"));
        QVERIFY(parse(QStringLiteral("export"), &error)); // every connection

        const auto plan =
            parse(QStringLiteral(
                      "plan -f doc.yaml --var env=prod --var domain=shop.example --vars-file v.yaml --prune --json"),
                  &error);
        QVERIFY2(plan, qPrintable(error));
        QCOMPARE(plan->command, Command::Plan);
        QCOMPARE(plan->documentFile, QStringLiteral("doc.yaml"));
        QCOMPARE(plan->variables, (QStringList{QStringLiteral("env=prod"), QStringLiteral("domain=shop.example")}));
        QCOMPARE(plan->varsFile, QStringLiteral("v.yaml"));
        QVERIFY(plan->prune && plan->json);

        const auto apply = parse(QStringLiteral("apply --file=doc.yaml --yes"), &error);
        QVERIFY2(apply, qPrintable(error));
        QVERIFY(apply->yes && !apply->prune);

        QVERIFY(!parse(QStringLiteral("plan"), &error));
        QVERIFY(error.contains(QStringLiteral("-f FILE")));
        QVERIFY(!parse(QStringLiteral("apply -f doc.yaml -c prod"), &error));
        QVERIFY(error.contains(QStringLiteral("from the document")));
        QVERIFY(!parse(QStringLiteral("plan -f doc.yaml --yes"), &error));
        QVERIFY(!parse(QStringLiteral("export --prune"), &error));
        // plan's 2 means "changes pending", so its usage errors exit 1.
        QCOMPARE(CtlInvocation::usageErrorExitCode({QStringLiteral("plan"), QStringLiteral("--bogus")}), 1);
        QCOMPARE(CtlInvocation::usageErrorExitCode(
                     {QStringLiteral("-c"), QStringLiteral("x"), QStringLiteral("list"), QStringLiteral("--bogus")}),
                 2);
        const QString usage = CtlInvocation::usage();
        for (const char *line : {"webhookctl export [-c NAME]... [-o FILE]",
                                 "webhookctl plan -f FILE [--var NAME=VALUE]... [--vars-file F] [--prune] [--json]",
                                 "webhookctl apply -f FILE [--var NAME=VALUE]... [--vars-file F] [--prune] [--yes]"})
            QVERIFY2(usage.contains(QLatin1String(line)), line);
    }

    void helpAndVersionWinAnywhere() {
        QString error;
        QCOMPARE(parse(QStringLiteral("-c x create --help"), &error)->command, Command::Help);
        QCOMPARE(parse(QStringLiteral("--version"), &error)->command, Command::Version);
    }
};

QTEST_GUILESS_MAIN(TestCtlInvocation)
#include "tst_CtlInvocation.moc"
