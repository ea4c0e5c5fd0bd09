#include "BodyReencodings.h"

#include <QTest>

class TestBodyReencodings : public QObject {
    Q_OBJECT

private slots:
    // Only whitespace between tokens changes: key order, number text and strings (with their
    // spaces, escaped quotes and commas) stay byte for byte.
    void relaidJsonKeepsTokens() {
        // moc misreads raw string literals holding \", so these are spelled out.
        const QByteArray json = "{ \"z\" : 1.50, \"a\" : [ \"x, \\\"y\\\": z\" , {} , [] ] }";
        QCOMPARE(BodyReencodings::relaidJson(json, ",", ":", 0),
                 QByteArray("{\"z\":1.50,\"a\":[\"x, \\\"y\\\": z\",{},[]]}"));
        QCOMPARE(BodyReencodings::relaidJson(json, ", ", ": ", 0),
                 QByteArray("{\"z\": 1.50, \"a\": [\"x, \\\"y\\\": z\", {}, []]}"));
        QCOMPARE(BodyReencodings::relaidJson(json, ",", ":", 2),
                 QByteArray("{\n  \"z\": 1.50,\n  \"a\": [\n    \"x, \\\"y\\\": z\",\n    {},\n    []\n  ]\n}"));
    }

    void variantsOfJsonWithATrailingNewline() {
        const QList<BodyReencodings::Variant> variants = BodyReencodings::of("{\"a\": 1}\n");
        QStringList descriptions;
        QList<QByteArray> bodies;
        for (const BodyReencodings::Variant &variant : variants) {
            descriptions << variant.description;
            bodies << variant.body;
        }
        // The spaced layout is the body itself, so it is left out.
        QCOMPARE(descriptions, (QStringList{"the JSON laid out compactly", "the JSON indented by 2 spaces",
                                            "the JSON indented by 4 spaces", "its trailing newline removed",
                                            "its LF line endings turned into CRLF"}));
        QCOMPARE(bodies, (QList<QByteArray>{"{\"a\":1}\n", "{\n  \"a\": 1\n}\n", "{\n    \"a\": 1\n}\n", "{\"a\": 1}",
                                            "{\"a\": 1}\r\n"}));
    }

    void variantsOfText() {
        const QList<BodyReencodings::Variant> variants = BodyReencodings::of("a=1\r\nb=2");
        QCOMPARE(variants.size(), 2);
        QCOMPARE(variants.at(0).description, QStringLiteral("a trailing newline added"));
        QCOMPARE(variants.at(0).body, QByteArray("a=1\r\nb=2\n"));
        QCOMPARE(variants.at(1).description, QStringLiteral("its CRLF line endings turned into LF"));
        QCOMPARE(variants.at(1).body, QByteArray("a=1\nb=2"));
    }
};

QTEST_GUILESS_MAIN(TestBodyReencodings)
#include "tst_BodyReencodings.moc"
