#include "EndpointJson.h"
#include "TerminalText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

// EndpointJson must write exactly what the general path writes (Endpoint::toJson through Qt's
// writer and TerminalText's escapes), whatever a hostile provider put in the strings.
class TestEndpointJson : public QObject {
    Q_OBJECT

private:
    static QByteArray reference(const Endpoint &endpoint, bool withProvider) {
        QJsonObject json = endpoint.toJson();
        if (!withProvider)
            json.remove(QStringLiteral("provider"));
        return TerminalText::escapedJson(QJsonDocument(json).toJson(QJsonDocument::Compact));
    }

    static QByteArray written(const Endpoint &endpoint, bool withProvider) {
        QByteArray out;
        EndpointJson::appendCompact(out, endpoint, withProvider);
        return out;
    }

    static Endpoint sample(const QString &text) {
        Endpoint endpoint;
        endpoint.id = QStringLiteral("ep_") + text;
        endpoint.url = QStringLiteral("https://hooks.example.com/") + text;
        endpoint.label = text;
        endpoint.status = EndpointStatus::AutoPaused;
        endpoint.events = {QStringLiteral("job.completed"), text};
        endpoint.metadata = {{QStringLiteral("team"), text}, {text, QStringLiteral("key")}};
        endpoint.headers = {{QStringLiteral("X-Team"), text}};
        endpoint.projectId = text;
        endpoint.scope = QStringLiteral("project");
        endpoint.timeoutMs = 5000;
        endpoint.secretVersion = 3;
        endpoint.consecutiveFailures = 7;
        endpoint.createdAt = QDateTime::fromMSecsSinceEpoch(Q_INT64_C(1768471200123), Qt::UTC);
        endpoint.updatedAt = QDateTime(QDate(2026, 1, 15), QTime(11, 0), Qt::OffsetFromUTC, 3600);
        endpoint.lastSuccessAt = QDateTime(QDate(500, 1, 1), QTime(0, 0), Qt::UTC); // outside the quick years
        endpoint.raw = QJsonObject{{QStringLiteral("description"), text}, {QStringLiteral("n"), 1.5}};
        return endpoint;
    }

private slots:
    void matchesTheGeneralPath_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("receiver-1");
        QTest::newRow("empty") << QString();
        QTest::newRow("quote and backslash") << QStringLiteral("say \"hi\" \\ there");
        QTest::newRow("C0 controls") << QStringLiteral("a\nb\rc\td\x1b[31mred\x01\x1f");
        QTest::newRow("DEL and C1") << QString::fromUtf16(u"del\u007f c1\u0085\u009b");
        QTest::newRow("bidi and separators") << QString::fromUtf16(u"\u202egnp.exe \u2066x\u2069 \u2028\u2029 \u061c");
        QTest::newRow("non-ASCII") << QString::fromUtf16(u"Café ünïcödé 日本語");
        QTest::newRow("non-BMP") << QString::fromUtf16(u"emoji 😀 𝄞");
        QString lone = QStringLiteral("lone ");
        lone += QChar(0xd800);
        lone += QStringLiteral(" and ");
        lone += QChar(0xdc00);
        QTest::newRow("lone surrogates") << lone;
    }

    void matchesTheGeneralPath() {
        QFETCH(QString, text);
        const Endpoint endpoint = sample(text);
        QCOMPARE(written(endpoint, false), reference(endpoint, false));
        QCOMPARE(written(endpoint, true), reference(endpoint, true));
        // Absent optional fields are left out, as toJson leaves them out.
        Endpoint bare;
        bare.id = text;
        QCOMPARE(written(bare, false), reference(bare, false));
    }

    void matchesTheGeneralPathOnRandomStrings() {
        // Printable ASCII mixed with the characters that need care.
        const QList<char16_t> alphabet{u'a', u'Z', u'0', u' ',   u'"',   u'\\',  u'/',   u'\n',  u'\x1b',
                                       0x7f, 0x85, 0xe9, 0x202e, 0x2028, 0xd83d, 0xde00, 0xfffd, 0x00};
        QRandomGenerator random(7);
        for (int i = 0; i < 3000; ++i) {
            QString text;
            const int length = int(random.bounded(12));
            for (int j = 0; j < length; ++j)
                text += QChar(alphabet.at(int(random.bounded(alphabet.size()))));
            const Endpoint endpoint = sample(text);
            QCOMPARE(written(endpoint, i % 2 == 0), reference(endpoint, i % 2 == 0));
        }
    }
};

QTEST_APPLESS_MAIN(TestEndpointJson)
#include "tst_EndpointJson.moc"
