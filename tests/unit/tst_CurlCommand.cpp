// Copy as curl: the command sends the delivery's exact bytes again, quoted for a POSIX shell
// (bash for $'...'), without hop-by-hop or credential headers.
#include "CurlCommand.h"

#include <QTest>

class TestCurlCommand : public QObject {
    Q_OBJECT

private slots:
    void quotesForTheShell_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << QByteArray("{\"a\":1}") << QStringLiteral("'{\"a\":1}'");
        QTest::newRow("single quote") << QByteArray("it's") << QStringLiteral("'it'\\''s'");
        QTest::newRow("dollar and backtick stay literal")
            << QByteArray("$(rm -rf ~) `x`") << QStringLiteral("'$(rm -rf ~) `x`'");
        QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9") << QString::fromUtf8("'caf\xc3\xa9'");
        QTest::newRow("newline") << QByteArray("a\nb") << QStringLiteral("$'a\\x0ab'");
        QTest::newRow("escape sequence") << QByteArray("\x1b[31m'\\") << QStringLiteral("$'\\x1b[31m\\'\\\\'");
        QTest::newRow("invalid utf-8") << QByteArray("\xff\xfe") << QStringLiteral("$'\\xff\\xfe'");
        QTest::newRow("bidi override") << QByteArray("a\xe2\x80\xae"
                                                     "b")
                                       << QStringLiteral("$'a\\xe2\\x80\\xaeb'");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("''");
    }
    void quotesForTheShell() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, quoted);
        QCOMPARE(CurlCommand::shellQuoted(bytes), quoted);
    }

    void leavesOutCredentialsAndHopByHopHeaders() {
        CapturedDelivery delivery;
        delivery.method = QStringLiteral("POST");
        delivery.path = QStringLiteral("/hooks/x?attempt=2");
        delivery.headers = {
            {"Host", "127.0.0.1:8080"}, {"Content-Length", "7"},       {"Authorization", "[not stored]"},
            {"cookie", "session=1"},    {"X-Api-Key", "[not stored]"}, {"Connection", "close"},
            {"webhook-id", "msg_1"}};
        delivery.body = "{\"a\":1}";
        QCOMPARE(CurlCommand::forDelivery(delivery, QUrl(QStringLiteral("http://127.0.0.1:9000/in?x=1"))),
                 QStringLiteral("curl 'http://127.0.0.1:9000/in?x=1' \\\n"
                                "  -H 'webhook-id: msg_1' \\\n"
                                "  --data-binary '{\"a\":1}'"));
    }

    void namesTheMethodWhenItIsNotAPostWithABody() {
        CapturedDelivery delivery;
        delivery.method = QStringLiteral("PUT");
        delivery.body = "x";
        QCOMPARE(CurlCommand::forDelivery(delivery, QUrl(QStringLiteral("http://127.0.0.1:1/"))),
                 QStringLiteral("curl -X 'PUT' 'http://127.0.0.1:1/' \\\n  --data-binary 'x'"));
        delivery.method = QStringLiteral("POST");
        delivery.body.clear();
        QCOMPARE(CurlCommand::forDelivery(delivery, QUrl(QStringLiteral("http://127.0.0.1:1/"))),
                 QStringLiteral("curl -X 'POST' 'http://127.0.0.1:1/'"));
    }
};

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_CurlCommand.moc"
