// The one reader of a profile's dotted paths (error fields, a delivery's event type) and its
// writer: keys, array indexes where the value is an array, and nothing made up on the way.
#include "JsonPath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

QJsonObject parse(const char *json) {
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestJsonPath : public QObject {
    Q_OBJECT

private slots:
    void readsKeysAndArrayIndexes() {
        const QJsonObject body =
            parse(R"({"type": "a", "event": {"type": "b"}, "errors": [{"field": "url"}, {"field": "events"}]})");
        QCOMPARE(JsonPath::valueAt(body, QStringLiteral("type")).toString(), QStringLiteral("a"));
        QCOMPARE(JsonPath::valueAt(body, QStringLiteral("event.type")).toString(), QStringLiteral("b"));
        QCOMPARE(JsonPath::valueAt(body, QStringLiteral("errors.1.field")).toString(), QStringLiteral("events"));
        QCOMPARE(
            JsonPath::valueAt(body, QStringList{QStringLiteral("errors"), QStringLiteral("0"), QStringLiteral("field")})
                .toString(),
            QStringLiteral("url"));
        // A numeric key of an object is a key.
        QCOMPARE(JsonPath::valueAt(parse(R"({"0": {"type": "c"}})"), QStringLiteral("0.type")).toString(),
                 QStringLiteral("c"));
    }

    void leadsNowhereAsUndefined_data() {
        QTest::addColumn<QString>("path");
        QTest::newRow("empty") << QString();
        QTest::newRow("missing key") << QStringLiteral("event.kind");
        QTest::newRow("through a string") << QStringLiteral("type.inner");
        QTest::newRow("index past the end") << QStringLiteral("errors.2");
        QTest::newRow("negative index") << QStringLiteral("errors.-1");
        QTest::newRow("key into an array") << QStringLiteral("errors.field");
    }

    void leadsNowhereAsUndefined() {
        QFETCH(QString, path);
        const QJsonObject body = parse(R"({"type": "a", "event": {"type": "b"}, "errors": [{"field": "url"}]})");
        QVERIFY(JsonPath::valueAt(body, path).isUndefined());
    }

    void insertMakesTheObjectsOnTheWayAndKeepsTheRest() {
        QJsonObject body = parse(R"({"id": 1, "event": {"id": "e"}})");
        JsonPath::insert(body, {QStringLiteral("event"), QStringLiteral("type")}, QStringLiteral("job.completed"));
        JsonPath::insert(body, {QStringLiteral("error"), QStringLiteral("detail"), QStringLiteral("code")}, 7);
        JsonPath::insert(body, {}, QStringLiteral("ignored"));
        QCOMPARE(body, parse(R"({"id": 1, "event": {"id": "e", "type": "job.completed"},
                                  "error": {"detail": {"code": 7}}})"));
        QCOMPARE(JsonPath::valueAt(body, QStringLiteral("event.type")).toString(), QStringLiteral("job.completed"));
    }
};

QTEST_GUILESS_MAIN(TestJsonPath)
#include "tst_JsonPath.moc"
