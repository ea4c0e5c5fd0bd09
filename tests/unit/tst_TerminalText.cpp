#include "TerminalText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestTerminalText : public QObject {
    Q_OBJECT

private slots:
    void escapesWhatCouldDriveATerminal_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("title and clear") << QStringLiteral("\x1b]0;pwned\x07\x1b[2J")
                                         << QStringLiteral("\\x1b]0;pwned\\x07\\x1b[2J");
        QTest::newRow("line breaks and tab") << QStringLiteral("a\r\nb\tc") << QStringLiteral("a\\r\\nb\\tc");
        QTest::newRow("DEL and NUL") << QString::fromUtf16(u"x\u007fy\u0000z", 5) << QStringLiteral("x\\x7fy\\x00z");
        QTest::newRow("C1 CSI") << QString::fromUtf16(u"\u009b31m") << QStringLiteral("\\x9b31m");
        QTest::newRow("line separator") << QString::fromUtf16(u"a\u2028b\u2029c")
                                        << QStringLiteral("a\\u2028b\\u2029c");
        QTest::newRow("bidi override") << QString::fromUtf16(u"txt.\u202eexe\u2066")
                                       << QStringLiteral("txt.\\u202eexe\\u2066");
    }

    void escapesWhatCouldDriveATerminal() {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QCOMPARE(TerminalText::escaped(text), escaped);
    }

    // Ordinary text, non-ASCII letters and a secret's alphabet pass unchanged.
    void leavesPrintableTextAlone() {
        const QString text = QString::fromUtf16(u"https://hooks.example.com/ä?x=1 whsec_AbC+/= 日本 \\x1b");
        QCOMPARE(TerminalText::escaped(text), text);
    }

    // QJsonDocument escapes C0 controls itself; DEL, C1 and the Unicode separators and bidi controls
    // it writes raw. Escaped, the document still parses to the same strings.
    void jsonKeepsItsMeaning() {
        const QString hostile = QString::fromUtf16(u"\u001b[2J\u007f\u009b\u2028\u202e\n");
        const QByteArray json =
            QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("url"), hostile}}}).toJson(QJsonDocument::Indented);
        const QByteArray escaped = TerminalText::escapedJson(json);
        for (const char16_t c : {u'\u001b', u'\u007f', u'\u009b', u'\u2028', u'\u202e'})
            QVERIFY(!QString::fromUtf8(escaped).contains(QChar(c)));
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(escaped, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed.array().first().toObject().value(QStringLiteral("url")).toString(), hostile);
    }
};

QTEST_GUILESS_MAIN(TestTerminalText)
#include "tst_TerminalText.moc"
