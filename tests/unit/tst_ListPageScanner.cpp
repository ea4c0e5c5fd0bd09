// ListPageScanner is a quick path beside ProviderDialect's list parsing; its one promise is that a
// page it reads is exactly the page ProviderDialect reads. Every test here checks that promise on
// pages of every built-in provider: generated with every kind of value in every field, then
// mutated byte by byte, and on the hand-written cases where the two could part (repeated keys,
// limits). The scanner must also read the common page itself, or it would be no quick path.
#include "ListPageScanner.h"
#include "ProviderDialect.h"
#include "ProviderRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

namespace {

ProviderDialect dialectFor(const QString &id) {
    const std::optional<ProviderProfile> profile = ProviderRegistry().profile(id);
    if (!profile)
        qFatal("no built-in profile %s", qPrintable(id));
    return ProviderDialect(*profile);
}

const QStringList providers{QStringLiteral("layers"), QStringLiteral("encrata"), QStringLiteral("signa"),
                            QStringLiteral("polyai")};

// The seed of every random test; WC_SCANNER_SEED replays another.
quint32 seed() {
    bool ok = false;
    const quint32 fromEnvironment = qEnvironmentVariable("WC_SCANNER_SEED").toUInt(&ok);
    return ok ? fromEnvironment : 20261204;
}

// Makes provider JSON for a dialect. `plain` pages hold only values of the common form (ASCII
// text, whole numbers, common timestamps). The others draw each field's value from three mixes:
// the common form, the unusual but valid (escapes, non-ASCII text, 3.0, other ISO 8601 forms),
// and anything at all, the wrong kinds included.
class PageMaker {
public:
    PageMaker(const ProviderDialect &dialect, QRandomGenerator &random)
        : m_dialect(dialect)
        , m_random(random) {}

    QByteArray page(int items, bool plain) {
        QJsonArray array;
        for (int i = 0; i < items; ++i)
            array.append(endpoint(plain));
        const ProviderProfile &profile = m_dialect.profile();
        const auto format = !plain && pick(4) == 0 ? QJsonDocument::Indented : QJsonDocument::Compact;
        if (profile.listItemsKey().isEmpty())
            return QJsonDocument(array).toJson(format);
        QJsonObject envelope{{profile.listItemsKey(), array}};
        const QString more = profile.paginationResponseField();
        const bool odd = !plain && pick(10) == 0;
        switch (profile.pagination()) {
        case ProviderProfile::Pagination::None:
            break;
        case ProviderProfile::Pagination::Cursor:
            envelope.insert(more, odd ? anyValue() : pick(2) ? QJsonValue(word()) : QJsonValue());
            break;
        case ProviderProfile::Pagination::StartingAfter:
            envelope.insert(more, odd ? anyValue() : QJsonValue(pick(2) == 0));
            break;
        }
        if (pick(3) == 0)
            envelope.insert(QStringLiteral("object"), QStringLiteral("list"));
        return QJsonDocument(envelope).toJson(format);
    }

private:
    enum class Mix { Common, Unusual, Anything };

    int pick(int n) { return int(m_random.bounded(n)); }

    QString word() {
        static const char *const words[] = {"a", "hook", "https://a.example.com/x?y=1", "job.completed", "x y z", "0"};
        return QString::fromLatin1(words[pick(6)]) + QString::number(pick(1000));
    }

    QString unusualText() {
        static const QString texts[] = {QStringLiteral("caf\u00e9 \u2713"), QStringLiteral("quote \" and \\"),
                                        QStringLiteral("line\nbreak"), QStringLiteral("tab\there"),
                                        QStringLiteral("\U0001F600 emoji")};
        return texts[pick(5)] + QString::number(pick(1000));
    }

    QJsonValue anyValue() {
        switch (pick(14)) {
        case 0:
            return QJsonValue();
        case 1:
            return word();
        case 2:
            return QString();
        case 3:
            return unusualText();
        case 4:
            return pick(1000);
        case 5:
            return -3;
        case 6:
            return 2.5;
        case 7:
            return 1e12;
        case 8:
            return pick(2) == 0;
        case 9:
            return QJsonObject{{QStringLiteral("k"), word()}, {QStringLiteral("n"), QJsonObject{{"d", 1}}}};
        case 10:
            return QJsonArray{word(), 1, QJsonValue()};
        case 11:
            return QJsonObject();
        case 12:
            return QJsonArray();
        default:
            return QJsonArray{QJsonArray{QJsonArray{word()}}};
        }
    }

    QJsonValue text(Mix mix) {
        switch (mix) {
        case Mix::Common:
            return word();
        case Mix::Unusual:
            return unusualText();
        case Mix::Anything:
            break;
        }
        return anyValue();
    }

    QJsonValue strings(Mix mix) {
        if (mix == Mix::Anything)
            return pick(2) ? anyValue() : QJsonArray{word(), anyValue()};
        QJsonArray events;
        for (int i = pick(4); i > 0; --i)
            events.append(mix == Mix::Unusual && pick(2) ? unusualText() : word());
        return events;
    }

    QJsonValue map(Mix mix) {
        if (mix == Mix::Anything)
            return pick(2) ? anyValue() : QJsonObject{{QStringLiteral("k"), anyValue()}, {word(), word()}};
        QJsonObject map;
        for (int i = pick(3); i > 0; --i)
            map.insert(word(), word());
        if (mix == Mix::Unusual) {
            const QJsonValue values[] = {7, 2.5, true, QJsonValue(), QJsonObject{{"a", 1}}, QJsonArray{1, "b"}};
            map.insert(pick(2) ? unusualText() : word(), pick(2) ? QJsonValue(unusualText()) : values[pick(6)]);
        }
        return map;
    }

    QJsonValue number(Mix mix) {
        switch (mix) {
        case Mix::Common:
            return pick(100000);
        case Mix::Unusual: {
            const QJsonValue values[] = {3.0, 0.0, 1e2, 2147483647, 1234567890, 2147483648.0, 9999999999.0};
            return values[pick(7)];
        }
        case Mix::Anything:
            break;
        }
        return anyValue();
    }

    QJsonValue time(Mix mix) {
        static const char *const common[] = {"2026-01-05T09:00:00.000Z", "2026-01-05T09:00:00Z",
                                             "2024-02-29T23:59:59.999+02:00", "2026-12-31T00:00:00-05:30", ""};
        static const char *const unusual[] = {
            "2026-01-05T09:00:00",  " 2026-01-05T09:00:00Z", "2026-01-05T09:00Z", "2026-01-05T09:00:00.5Z",
            "2026-02-30T09:00:00Z", "2026-01-05 09:00:00",   "yesterday"};
        switch (mix) {
        case Mix::Common:
            return QString::fromLatin1(common[pick(5)]);
        case Mix::Unusual:
            return QString::fromLatin1(unusual[pick(7)]);
        case Mix::Anything:
            break;
        }
        return anyValue();
    }

    QJsonValue status(Mix mix) {
        const QStringList states = m_dialect.profile().statusValues().keys();
        const bool boolean = m_dialect.profile().statusType() == ProviderProfile::StatusType::Boolean;
        switch (mix) {
        case Mix::Common:
            return boolean ? QJsonValue(pick(2) == 0) : QJsonValue(states.at(pick(int(states.size()))));
        case Mix::Unusual:
            return boolean ? QJsonValue(QStringLiteral("true")) : QJsonValue(QStringLiteral("retired"));
        case Mix::Anything:
            break;
        }
        return anyValue();
    }

    QJsonObject endpoint(bool plain) {
        const WireNames &wire = m_dialect.wireNames();
        QJsonObject json;
        // Absent, null or a value, in one of the mixes: a plain endpoint has every required field
        // in the common form, and may lack the rest.
        const auto put = [&](const QString &key, bool required, auto value) {
            if (key.isEmpty())
                return;
            const int dice = pick(20);
            const Mix mix = plain || dice < 12 ? Mix::Common : dice < 19 ? Mix::Unusual : Mix::Anything;
            const int presence = pick(10);
            if ((required && (plain || presence > 0)) || presence > 2)
                json.insert(key, value(mix));
            else if (presence == 1 || (!plain && presence == 0))
                json.insert(key, QJsonValue());
        };
        put(wire.id, true, [this](Mix mix) {
            return mix == Mix::Common ? QJsonValue(QStringLiteral("ep_%1").arg(pick(1 << 30))) : text(mix);
        });
        put(wire.url, true, [this](Mix mix) { return text(mix); });
        put(wire.events, true, [this](Mix mix) { return strings(mix); });
        for (const QString *key : {&wire.label, &wire.projectId, &wire.scope})
            put(*key, false, [this](Mix mix) { return text(mix); });
        put(wire.status, false, [this](Mix mix) { return status(mix); });
        for (const QString *key : {&wire.metadata, &wire.headers})
            put(*key, false, [this](Mix mix) { return map(mix); });
        for (const QString *key : {&wire.timeoutMs, &wire.secretVersion, &wire.consecutiveFailures})
            put(*key, false, [this](Mix mix) { return number(mix); });
        for (const QString *key : {&wire.createdAt, &wire.updatedAt, &wire.lastSuccessAt, &wire.lastFailureAt})
            put(*key, false, [this](Mix mix) { return time(mix); });
        if (pick(2))
            json.insert(QStringLiteral("apiVersion"), plain ? QJsonValue(word()) : anyValue());
        if (pick(3) == 0)
            json.insert(QStringLiteral("links"), QJsonObject{{QStringLiteral("self"), word()},
                                                             {QStringLiteral("n"), QJsonArray{1, true, QJsonValue()}}});
        return json;
    }

    const ProviderDialect &m_dialect;
    QRandomGenerator &m_random;
};

// How the scanner and the dialect judged a set of pages.
struct Tally {
    int scanned = 0;  // read by the scanner (and equal to the dialect's reading)
    int fellBack = 0; // left by the scanner, read by the dialect
    int refused = 0;  // malformed to both
};

// The promise: a page the scanner reads is the dialect's page. Returns false, with the first
// difference logged, when it is broken.
bool agree(const ProviderDialect &dialect, const QByteArray &body, Tally *tally) {
    ApiError error;
    const std::optional<ProviderDialect::ListPage> reference =
        dialect.parseListPage(body, &error, ProviderDialect::Raw::Drop);
    // Scanned from a buffer of exactly its size (a QByteArray ends in a NUL the scanner must not
    // need): under AddressSanitizer a read past the end stops the test.
    const std::unique_ptr<char[]> exact(new char[size_t(body.size())]);
    std::copy(body.cbegin(), body.cend(), exact.get());
    const std::optional<ProviderDialect::ListPage> scanned =
        ListPageScanner(dialect).scan(QByteArrayView(exact.get(), body.size()));
    if (!scanned) {
        ++(reference ? tally->fellBack : tally->refused);
        return true;
    }
    ++tally->scanned;
    if (!reference) {
        qWarning().noquote() << "scanned a page the dialect refuses (" << error.message << "):" << body.left(2000);
        return false;
    }
    if (scanned->nextCursor != reference->nextCursor) {
        qWarning().noquote() << "cursor" << scanned->nextCursor << "instead of" << reference->nextCursor;
        return false;
    }
    if (scanned->endpoints.size() != reference->endpoints.size()) {
        qWarning() << scanned->endpoints.size() << "endpoints instead of" << reference->endpoints.size();
        return false;
    }
    for (qsizetype i = 0; i < scanned->endpoints.size(); ++i) {
        if (!(scanned->endpoints.at(i) == reference->endpoints.at(i))) {
            qWarning().noquote() << "endpoint" << i << "scanned as"
                                 << QJsonDocument(scanned->endpoints.at(i).toJson()).toJson(QJsonDocument::Compact)
                                 << "read by the dialect as"
                                 << QJsonDocument(reference->endpoints.at(i).toJson()).toJson(QJsonDocument::Compact)
                                 << "from" << body.left(2000);
            return false;
        }
    }
    return true;
}

// One random edit of the kind that turns JSON into almost-JSON.
QByteArray mutated(QByteArray body, QRandomGenerator &random) {
    static const QByteArray pieces[] = {"\"",       "\\",   ",",  ":",    "{",     "}",
                                        "[",        "]",    "0",  "-",    "e",     ".",
                                        "1",        "n",    "t",  " ",    "\n",    QByteArray(1, '\0'),
                                        "\xc3\xa9", "\x7f", "\t", "null", "\"x\"", "\"id\":\"d\",",
                                        "01",       "1e400"};
    const int at = int(random.bounded(body.size() + 1));
    switch (random.bounded(4)) {
    case 0:
        return body.insert(at, pieces[random.bounded(int(std::size(pieces)))]);
    case 1:
        return body.remove(at, 1 + int(random.bounded(3)));
    case 2:
        if (at < body.size())
            body[at] = char(random.bounded(256));
        return body;
    default:
        return body.left(at);
    }
}

// What each generated-page test starts from: the provider's dialect, the seeded generator, pages
// made from them, and the tally of how the pages were judged.
struct Trial {
    explicit Trial(const QString &provider)
        : dialect(dialectFor(provider))
        , random(seed())
        , maker(dialect, random) {}

    const ProviderDialect dialect;
    QRandomGenerator random;
    PageMaker maker;
    Tally tally;
};

} // namespace

class tst_ListPageScanner : public QObject {
    Q_OBJECT

private slots:
    void readsEveryCommonPageItself_data() {
        QTest::addColumn<QString>("provider");
        for (const QString &provider : providers)
            QTest::newRow(qPrintable(provider)) << provider;
    }
    void readsEveryCommonPageItself() {
        QFETCH(QString, provider);
        Trial trial(provider);
        auto &[dialect, random, maker, tally] = trial;
        for (int round = 0; round < 300; ++round)
            QVERIFY(agree(dialect, maker.page(int(random.bounded(8)), true), &tally));
        QCOMPARE(tally.scanned, 300);
    }

    void agreesOnEveryKindOfValue_data() { readsEveryCommonPageItself_data(); }
    void agreesOnEveryKindOfValue() {
        QFETCH(QString, provider);
        Trial trial(provider);
        auto &[dialect, random, maker, tally] = trial;
        for (int round = 0; round < 3000; ++round)
            QVERIFY2(agree(dialect, maker.page(int(random.bounded(4)), false), &tally), "seed in WC_SCANNER_SEED");
        qInfo("%s: %d scanned, %d left to the dialect, %d malformed to both", qPrintable(provider), tally.scanned,
              tally.fellBack, tally.refused);
        // Every outcome occurs, or the generator no longer tests what it should.
        QVERIFY(tally.scanned > 100);
        QVERIFY(tally.fellBack > 100);
        QVERIFY(tally.refused > 100);
    }

    void agreesOnMangledPages_data() { readsEveryCommonPageItself_data(); }
    void agreesOnMangledPages() {
        QFETCH(QString, provider);
        Trial trial(provider);
        auto &[dialect, random, maker, tally] = trial;
        for (int round = 0; round < 5000; ++round) {
            QByteArray body = maker.page(1 + int(random.bounded(3)), true);
            for (int edits = 1 + int(random.bounded(3)); edits > 0; --edits)
                body = mutated(body, random);
            QVERIFY2(agree(dialect, body, &tally), "seed in WC_SCANNER_SEED");
        }
        qInfo("%s: %d scanned, %d left to the dialect, %d malformed to both", qPrintable(provider), tally.scanned,
              tally.fellBack, tally.refused);
        QVERIFY(tally.scanned > 100);
        QVERIFY(tally.refused > 1000);
    }

    void everyPrefixOfAPageIsRefused() {
        const ProviderDialect dialect = dialectFor(QStringLiteral("layers"));
        QRandomGenerator random(seed());
        const QByteArray body = PageMaker(dialect, random).page(3, true);
        QVERIFY(ListPageScanner(dialect).scan(body));
        for (qsizetype size = 0; size < body.size(); ++size)
            QVERIFY2(!ListPageScanner(dialect).scan(body.left(size)), body.left(size).constData());
    }

    // Which of two repeated keys counts is QJsonDocument's to say; the scanner leaves such pages.
    void leavesRepeatedKeysToTheDialect_data() {
        QTest::addColumn<QByteArray>("body");
        const QByteArray item = R"({"id":"ep_1","url":"https://a.example.com/h","events":["job.completed"]})";
        QTest::newRow("the page itself") << QByteArray(R"({"data":[)" + item + R"(],"nextCursor":null})");
        QTest::newRow("an endpoint field") << QByteArray(R"({"data":[{"id":"ep_2",)" + item.mid(1) + "]}");
        QTest::newRow("the items") << QByteArray(R"({"data":[],"data":[)" + item + "]}");
        QTest::newRow("the cursor") << QByteArray(R"({"data":[)" + item + R"(],"nextCursor":"a","nextCursor":null})");
        QTest::newRow("a metadata entry")
            << QByteArray(R"({"data":[{"metadata":{"k":"1","k":"2"},)" + item.mid(1) + "]}");
    }
    void leavesRepeatedKeysToTheDialect() {
        QFETCH(QByteArray, body);
        const ProviderDialect dialect = dialectFor(QStringLiteral("layers"));
        const bool plainPage = QTest::currentDataTag() == QLatin1String("the page itself");
        QCOMPARE(ListPageScanner(dialect).scan(body).has_value(), plainPage);
        Tally tally;
        QVERIFY(agree(dialect, body, &tally));
    }

    // Numbers as written, in a field the scanner reads and in one it only steps over: QJsonDocument
    // refuses 1e400, and a whole number must fit an int.
    void agreesOnNumbersAtTheEdges_data() {
        QTest::addColumn<QByteArray>("number");
        for (const char *number : {"0",          "-0",         "7",
                                   "999999999",  "2147483647", "2147483648",
                                   "4294967296", "9999999999", "12345678901234567890123",
                                   "1e2",        "1E+2",       "1.0",
                                   "0.5",        "-1",         "1e99",
                                   "1e308",      "1e309",      "1e400",
                                   "1e-400",     "1e-320",     "123456789012345678901234567890"})
            QTest::newRow(number) << QByteArray(number);
    }
    void agreesOnNumbersAtTheEdges() {
        QFETCH(QByteArray, number);
        const ProviderDialect dialect = dialectFor(QStringLiteral("layers"));
        const QByteArray item =
            R"({"id":"ep_1","url":"https://a.example.com/h","events":[],"consecutiveFailureCount":)";
        Tally tally;
        QVERIFY(agree(dialect, R"({"data":[)" + item + number + "}]}", &tally));
        QVERIFY(agree(dialect, R"({"data":[)" + item + R"(1,"other":)" + number + "}]}", &tally));
        QVERIFY(agree(dialect, R"({"data":[)" + item + R"(1}],"other":[)" + number + "]}", &tally));
    }

    void leavesPagesAtTheLimitsToTheDialect() {
        const ProviderDialect dialect = dialectFor(QStringLiteral("layers"));
        const QString tooLong(ProviderDialect::maxFieldChars + 1, QLatin1Char('x'));
        QJsonObject item{{QStringLiteral("id"), QStringLiteral("ep_1")},
                         {QStringLiteral("url"), QStringLiteral("https://a.example.com/h")},
                         {QStringLiteral("events"), QJsonArray{QStringLiteral("job.completed")}}};
        const auto page = [](const QJsonArray &items, const QJsonValue &cursor) {
            return QJsonDocument(QJsonObject{{QStringLiteral("data"), items}, {QStringLiteral("nextCursor"), cursor}})
                .toJson(QJsonDocument::Compact);
        };
        Tally tally;
        QVERIFY(agree(dialect, page({item}, tooLong), &tally));
        QJsonObject longLabel = item;
        longLabel.insert(QStringLiteral("description"), tooLong);
        QVERIFY(agree(dialect, page({longLabel}, QJsonValue()), &tally));
        QJsonArray many;
        for (qsizetype i = 0; i <= ProviderDialect::maxItems; ++i)
            many.append(item);
        QVERIFY(agree(dialect, page(many, QJsonValue()), &tally));
        QCOMPARE(tally.scanned, 0);
        QCOMPARE(tally.refused, 3);
    }
};

QTEST_GUILESS_MAIN(tst_ListPageScanner)
#include "tst_ListPageScanner.moc"
