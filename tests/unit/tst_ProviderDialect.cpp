#include "ProviderDialect.h"
#include "ProviderRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

Q_DECLARE_METATYPE(EndpointDraft)
Q_DECLARE_METATYPE(EndpointPatch)

namespace {

// A value that must never show up in an error message; compared without printing it.
const QString testSecret = QStringLiteral("whsec_TOPSECRET_0123456789abcdef");

ProviderDialect dialectFor(const QString &id) {
    const std::optional<ProviderProfile> profile = ProviderRegistry().profile(id);
    if (!profile)
        qFatal("no built-in profile %s", qPrintable(id));
    return ProviderDialect(*profile);
}

QJsonObject object(const char *json) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test JSON is not an object: %s", json);
    return document.object();
}

// A body with the test secret where it says SECRET.
QByteArray withSecret(const char *text) {
    return QByteArray(text).replace("SECRET", testSecret.toUtf8());
}

QByteArray compact(const QJsonObject &json) {
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &json) {
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QStringList sortedKeys(const QJsonObject &json) {
    QStringList keys = json.keys();
    keys.sort();
    return keys;
}

// Minimal valid endpoints in each provider's wire format.
QJsonObject layersEndpoint(const QString &id) {
    QJsonObject json = object("{\"url\": \"https://a.example.com/hook\", \"events\": [\"job.completed\"], "
                              R"("status": "active", "description": "one", "projectId": null, "scope": "own", )"
                              R"("metadata": {"team": "core"}, "createdAt": "2026-01-05T09:00:00.000Z", )"
                              R"("updatedAt": "2026-01-05T09:10:00Z", "lastSuccessAt": null, )"
                              R"("lastFailureAt": "2026-01-06T10:00:00.250Z", "consecutiveFailureCount": 3})");
    json.insert(QStringLiteral("id"), id);
    return json;
}

QJsonObject signaEndpoint(const QString &id) {
    QJsonObject json = object("{\"object\": \"webhook_endpoint\", \"url\": \"https://s.example.com/hook\", "
                              R"("enabled_events": ["alert.created"], "status": "disabled", "description": null, )"
                              R"("secret_version": 2, "consecutive_failures": 0, "metadata": {}, )"
                              R"("created_at": "2026-02-01T00:00:00Z", "updated_at": "2026-02-01T00:00:00Z"})");
    json.insert(QStringLiteral("id"), id);
    return json;
}

QJsonObject encrataEndpoint(const QString &id) {
    QJsonObject json = object("{\"url\": \"https://e.example.com/hook\", \"events\": [\"credits.low\"], "
                              R"("is_active": false, "description": "e", "created_at": "2026-05-02T12:00:00Z"})");
    json.insert(QStringLiteral("id"), id);
    return json;
}

QJsonObject polyaiEndpoint(const QString &id) {
    QJsonObject json = object("{\"name\": \"p\", \"url\": \"https://p.example.com/hook\", \"enabled\": true, "
                              R"("event_types": ["alerts.resolved"], "headers": {}, "timeout_ms": 5000, )"
                              R"("created_at": "2026-03-01T10:00:00Z", "updated_at": "2026-03-01T10:00:00Z"})");
    json.insert(QStringLiteral("id"), id);
    return json;
}

// Every field the console can express, so each provider's createFields decides what is sent.
EndpointDraft fullDraft() {
    EndpointDraft draft;
    draft.url = QStringLiteral("https://hooks.example.com/in");
    draft.events = QStringList{QStringLiteral("a.one"), QStringLiteral("b.two")};
    draft.label = QStringLiteral("Billing receiver");
    draft.projectId = QStringLiteral("2481fa5c-a404-44ed-a561-565392499abc");
    draft.scope = QStringLiteral("own");
    draft.metadata = StringMap{{QStringLiteral("team"), QStringLiteral("billing")}};
    draft.headers = StringMap{{QStringLiteral("X-Env"), QStringLiteral("prod")}};
    draft.timeoutMs = 7000;
    draft.enabled = false;
    return draft;
}

} // namespace

class TestProviderDialect : public QObject {
    Q_OBJECT

private slots:
    // ---- create bodies --------------------------------------------------------------------

    void createBodySendsOnlyCreateFields_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QStringList>("keys");
        QTest::newRow("layers") << QStringLiteral("layers")
                                << QStringList{QStringLiteral("description"), QStringLiteral("events"),
                                               QStringLiteral("projectId"), QStringLiteral("url")};
        QTest::newRow("encrata") << QStringLiteral("encrata")
                                 << QStringList{QStringLiteral("description"), QStringLiteral("events"),
                                                QStringLiteral("url")};
        QTest::newRow("signa") << QStringLiteral("signa")
                               << QStringList{QStringLiteral("description"), QStringLiteral("enabled_events"),
                                              QStringLiteral("metadata"), QStringLiteral("url")};
        // additionalProperties: false: exactly the schema's keys.
        QTest::newRow("polyai") << QStringLiteral("polyai")
                                << QStringList{QStringLiteral("enabled"),    QStringLiteral("event_types"),
                                               QStringLiteral("headers"),    QStringLiteral("name"),
                                               QStringLiteral("timeout_ms"), QStringLiteral("url")};
    }

    void createBodySendsOnlyCreateFields() {
        QFETCH(QString, provider);
        QFETCH(QStringList, keys);
        QCOMPARE(sortedKeys(dialectFor(provider).createBody(fullDraft())), keys);
    }

    void createBodyValues() {
        const QJsonObject polyai = dialectFor(QStringLiteral("polyai")).createBody(fullDraft());
        QCOMPARE(polyai.value(QStringLiteral("name")).toString(), QStringLiteral("Billing receiver"));
        QCOMPARE(polyai.value(QStringLiteral("event_types")).toArray(),
                 (QJsonArray{QStringLiteral("a.one"), QStringLiteral("b.two")}));
        QCOMPARE(polyai.value(QStringLiteral("headers")).toObject(), object(R"({"X-Env": "prod"})"));
        QCOMPARE(polyai.value(QStringLiteral("timeout_ms")), QJsonValue(7000));
        QCOMPARE(polyai.value(QStringLiteral("enabled")), QJsonValue(false));

        const QJsonObject signa = dialectFor(QStringLiteral("signa")).createBody(fullDraft());
        QCOMPARE(signa.value(QStringLiteral("metadata")).toObject(), object(R"({"team": "billing"})"));
        QCOMPARE(signa.value(QStringLiteral("description")).toString(), QStringLiteral("Billing receiver"));
        QCOMPARE(dialectFor(QStringLiteral("layers")).createBody(fullDraft()).value(QStringLiteral("projectId")),
                 QJsonValue(QStringLiteral("2481fa5c-a404-44ed-a561-565392499abc")));
    }

    void createBodyOmitsEmptyOptionalFields() {
        EndpointDraft draft;
        draft.url = QStringLiteral("https://hooks.example.com/in");
        draft.events = QStringList{QStringLiteral("alert.created")};
        QCOMPARE(sortedKeys(dialectFor(QStringLiteral("signa")).createBody(draft)),
                 (QStringList{QStringLiteral("enabled_events"), QStringLiteral("url")}));
        QCOMPARE(sortedKeys(dialectFor(QStringLiteral("layers")).createBody(draft)),
                 (QStringList{QStringLiteral("events"), QStringLiteral("url")}));
        // PolyAI's name is required: sent even when empty, so the provider (or the validator before
        // it) names the problem instead of a missing-key error.
        QCOMPARE(sortedKeys(dialectFor(QStringLiteral("polyai")).createBody(draft)),
                 (QStringList{QStringLiteral("event_types"), QStringLiteral("name"), QStringLiteral("url")}));
        draft.enabled = true;
        QCOMPARE(dialectFor(QStringLiteral("polyai")).createBody(draft).value(QStringLiteral("enabled")),
                 QJsonValue(true));
        // Encrata has no status on create: enabled is not sent (the endpoint starts active).
        QVERIFY(!dialectFor(QStringLiteral("encrata")).createBody(draft).contains(QStringLiteral("is_active")));
    }

    // draft -> createBody -> the response a provider would build from it -> parse: same endpoint.
    void createRoundTrip_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("id");
        QTest::newRow("layers") << QStringLiteral("layers") << QStringLiteral("d4c71b62-7f08-4dc9-9d2c-8f7e2b9c4411");
        QTest::newRow("encrata") << QStringLiteral("encrata") << QStringLiteral("360cb300-d885-4c18-af2c-d259f936bb38");
        QTest::newRow("signa") << QStringLiteral("signa") << QStringLiteral("whk_abc123");
        QTest::newRow("polyai") << QStringLiteral("polyai") << QStringLiteral("whe_9ZtRcXw3nByK5pVqMaEfJs");
    }

    void createRoundTrip() {
        QFETCH(QString, provider);
        QFETCH(QString, id);
        const ProviderDialect dialect = dialectFor(provider);
        const ProviderProfile &profile = dialect.profile();
        EndpointDraft draft = fullDraft();
        draft.enabled = true;

        QJsonObject endpointJson = dialect.createBody(draft);
        endpointJson.insert(profile.wireField(QStringLiteral("id")), id);
        if (!endpointJson.contains(profile.statusField()))
            endpointJson.insert(profile.statusField(), profile.activateValue());
        endpointJson.insert(profile.wireField(QStringLiteral("createdAt")), QStringLiteral("2026-01-02T03:04:05Z"));
        QJsonObject response;
        if (profile.createResponse().endpointKey.isEmpty()) {
            response = endpointJson;
        } else {
            response.insert(profile.createResponse().endpointKey, endpointJson);
        }
        response.insert(profile.createResponse().secretKey, testSecret);

        ApiError error;
        const auto created = dialect.parseCreateResponse(compact(response), &error);
        QVERIFY2(created, qPrintable(error.message));
        QVERIFY2(created->secret == testSecret, "the secret did not survive the round trip");
        const Endpoint &endpoint = created->endpoint;
        QCOMPARE(endpoint.id, id);
        QCOMPARE(endpoint.url, draft.url);
        QCOMPARE(endpoint.events, draft.events);
        QCOMPARE(endpoint.label, draft.label);
        QCOMPARE(endpoint.status, EndpointStatus::Active);
        QCOMPARE(endpoint.createdAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        const auto sent = [&](const char *field) { return profile.createFields().contains(QLatin1String(field)); };
        QCOMPARE(endpoint.projectId, sent("projectId") ? draft.projectId : QString());
        QCOMPARE(endpoint.metadata, sent("metadata") ? draft.metadata : StringMap());
        QCOMPARE(endpoint.headers, sent("headers") ? draft.headers : StringMap());
        QCOMPARE(endpoint.timeoutMs, sent("timeoutMs") ? draft.timeoutMs : std::nullopt);
        QVERIFY(!endpoint.raw.contains(profile.createResponse().secretKey));
    }

    // ---- update and status bodies ---------------------------------------------------------

    void updateBody_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<EndpointPatch>("patch");
        QTest::addColumn<QJsonObject>("expected");

        EndpointPatch empty;
        QTest::newRow("layers nothing") << QStringLiteral("layers") << empty << QJsonObject();

        EndpointPatch url;
        url.url = QStringLiteral("https://new.example.com/h");
        QTest::newRow("layers url") << QStringLiteral("layers") << url
                                    << object("{\"url\": \"https://new.example.com/h\"}");
        QTest::newRow("polyai url") << QStringLiteral("polyai") << url
                                    << object("{\"url\": \"https://new.example.com/h\"}");

        EndpointPatch events;
        events.events = QStringList{QStringLiteral("alert.created")};
        QTest::newRow("signa events") << QStringLiteral("signa") << events
                                      << object(R"({"enabled_events": ["alert.created"]})");

        EndpointPatch label;
        label.label = QStringLiteral("renamed");
        QTest::newRow("polyai label") << QStringLiteral("polyai") << label << object(R"({"name": "renamed"})");
        QTest::newRow("encrata label") << QStringLiteral("encrata") << label << object(R"({"description": "renamed"})");

        EndpointPatch clear;
        clear.label = QString();
        // Layers documents "description: null clears"; Signa's description is nullable too.
        QTest::newRow("layers clear label") << QStringLiteral("layers") << clear << object(R"({"description": null})");
        QTest::newRow("signa clear label") << QStringLiteral("signa") << clear << object(R"({"description": null})");
        // Encrata's description is an optional string without documented null: "" empties it.
        QTest::newRow("encrata clear label") << QStringLiteral("encrata") << clear << object("{\"description\": \"\"}");
        // PolyAI's name is required and cannot be cleared: nothing is sent (the validator says why).
        QTest::newRow("polyai clear label") << QStringLiteral("polyai") << clear << QJsonObject();

        EndpointPatch pause;
        pause.status = EndpointStatus::Paused;
        QTest::newRow("layers pause") << QStringLiteral("layers") << pause << object(R"({"status": "paused"})");
        QTest::newRow("signa pause") << QStringLiteral("signa") << pause << object(R"({"status": "disabled"})");
        QTest::newRow("encrata pause") << QStringLiteral("encrata") << pause << object(R"({"is_active": false})");
        QTest::newRow("polyai pause") << QStringLiteral("polyai") << pause << object(R"({"enabled": false})");

        EndpointPatch activate;
        activate.status = EndpointStatus::Active;
        QTest::newRow("layers activate") << QStringLiteral("layers") << activate << object(R"({"status": "active"})");
        QTest::newRow("encrata activate") << QStringLiteral("encrata") << activate << object(R"({"is_active": true})");

        EndpointPatch disable;
        disable.status = EndpointStatus::Disabled;
        QTest::newRow("signa disable") << QStringLiteral("signa") << disable << object(R"({"status": "disabled"})");

        EndpointPatch autoPause;
        autoPause.status = EndpointStatus::AutoPaused; // only the provider sets it
        QTest::newRow("layers auto-pause") << QStringLiteral("layers") << autoPause << QJsonObject();

        EndpointPatch metadata;
        metadata.metadata = StringMap{{QStringLiteral("team"), QStringLiteral("ops")}, {QStringLiteral("old"), {}}};
        QTest::newRow("layers metadata merge")
            << QStringLiteral("layers") << metadata << object("{\"metadata\": {\"team\": \"ops\", \"old\": \"\"}}");
        QTest::newRow("signa metadata merge")
            << QStringLiteral("signa") << metadata << object("{\"metadata\": {\"team\": \"ops\", \"old\": \"\"}}");
        QTest::newRow("encrata has no metadata") << QStringLiteral("encrata") << metadata << QJsonObject();

        EndpointPatch scope;
        scope.scope = QStringLiteral("all_children");
        QTest::newRow("layers scope") << QStringLiteral("layers") << scope << object(R"({"scope": "all_children"})");
        QTest::newRow("signa has no scope") << QStringLiteral("signa") << scope << QJsonObject();

        EndpointPatch headers;
        headers.headers = StringMap();
        QTest::newRow("polyai remove headers") << QStringLiteral("polyai") << headers << object(R"({"headers": {}})");
        QTest::newRow("layers has no headers") << QStringLiteral("layers") << headers << QJsonObject();

        EndpointPatch timeout;
        timeout.timeoutMs = 10000;
        QTest::newRow("polyai timeout") << QStringLiteral("polyai") << timeout << object(R"({"timeout_ms": 10000})");
        QTest::newRow("signa has no timeout") << QStringLiteral("signa") << timeout << QJsonObject();

        EndpointPatch several;
        several.url = QStringLiteral("https://x.example.com/");
        several.events = QStringList{QStringLiteral("job.failed")};
        several.label = QStringLiteral("L");
        QTest::newRow("layers several") << QStringLiteral("layers") << several
                                        << object("{\"url\": \"https://x.example.com/\", \"events\": [\"job.failed\"], "
                                                  R"("description": "L"})");
    }

    void updateBody() {
        QFETCH(QString, provider);
        QFETCH(EndpointPatch, patch);
        QFETCH(QJsonObject, expected);
        QCOMPARE(dialectFor(provider).updateBody(patch), expected);
    }

    void updateBodyFromEdit() {
        // What an edit form produces: only what differs from the current endpoint is sent.
        ApiError error;
        const auto current =
            dialectFor(QStringLiteral("layers")).parseEndpoint(layersEndpoint(QStringLiteral("id-1")), &error);
        QVERIFY2(current, qPrintable(error.message));
        EndpointDraft edited = EndpointDraft::fromEndpoint(*current);
        edited.label = QStringLiteral("two");
        edited.metadata.remove(QStringLiteral("team"));
        edited.metadata.insert(QStringLiteral("env"), QStringLiteral("prod"));
        QCOMPARE(dialectFor(QStringLiteral("layers")).updateBody(EndpointPatch::between(*current, edited)),
                 object("{\"description\": \"two\", \"metadata\": {\"team\": \"\", \"env\": \"prod\"}}"));
    }

    void statusBody_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<bool>("active");
        QTest::addColumn<QJsonObject>("expected");
        QTest::newRow("layers on") << QStringLiteral("layers") << true << object(R"({"status": "active"})");
        QTest::newRow("layers off") << QStringLiteral("layers") << false << object(R"({"status": "paused"})");
        QTest::newRow("encrata on") << QStringLiteral("encrata") << true << object(R"({"is_active": true})");
        QTest::newRow("encrata off") << QStringLiteral("encrata") << false << object(R"({"is_active": false})");
        QTest::newRow("signa on") << QStringLiteral("signa") << true << object(R"({"status": "active"})");
        QTest::newRow("signa off") << QStringLiteral("signa") << false << object(R"({"status": "disabled"})");
        QTest::newRow("polyai on") << QStringLiteral("polyai") << true << object(R"({"enabled": true})");
        QTest::newRow("polyai off") << QStringLiteral("polyai") << false << object(R"({"enabled": false})");
    }

    void statusBody() {
        QFETCH(QString, provider);
        QFETCH(bool, active);
        QFETCH(QJsonObject, expected);
        QCOMPARE(dialectFor(provider).statusBody(active), expected);
    }

    // ---- lists and pagination -------------------------------------------------------------

    void listQuery() {
        QVERIFY(dialectFor(QStringLiteral("layers")).listQuery(QString()).isEmpty());
        QCOMPARE(dialectFor(QStringLiteral("layers")).listQuery(QStringLiteral("tok")).toString(),
                 QStringLiteral("cursor=tok"));
        QCOMPARE(dialectFor(QStringLiteral("signa")).listQuery(QStringLiteral("whk_2")).toString(),
                 QStringLiteral("starting_after=whk_2"));
        QVERIFY(dialectFor(QStringLiteral("encrata")).listQuery(QStringLiteral("x")).isEmpty());
        QVERIFY(dialectFor(QStringLiteral("polyai")).listQuery(QStringLiteral("x")).isEmpty());
        // An opaque cursor survives the query unchanged, whatever it contains.
        const QString odd = QStringLiteral("a+b&c=d %25/é");
        QCOMPARE(dialectFor(QStringLiteral("layers"))
                     .listQuery(odd)
                     .queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded),
                 odd);
    }

    void layersCursorPages() {
        const ProviderDialect dialect = dialectFor(QStringLiteral("layers"));
        QJsonObject body{{QStringLiteral("data"),
                          QJsonArray{layersEndpoint(QStringLiteral("id-1")), layersEndpoint(QStringLiteral("id-2"))}},
                         {QStringLiteral("nextCursor"), QStringLiteral("YWZ0ZXI6aWQtMg")}};
        ApiError error;
        auto page = dialect.parseListPage(compact(body), &error);
        QVERIFY2(page, qPrintable(error.message));
        QCOMPARE(page->endpoints.size(), 2);
        QCOMPARE(page->endpoints.at(1).id, QStringLiteral("id-2"));
        QCOMPARE(page->endpoints.at(0).consecutiveFailures, std::optional<int>(3));
        QCOMPARE(page->endpoints.at(0).metadata, (StringMap{{QStringLiteral("team"), QStringLiteral("core")}}));
        QCOMPARE(page->endpoints.at(0).scope, QStringLiteral("own"));
        QCOMPARE(page->endpoints.at(0).lastFailureAt, QDateTime(QDate(2026, 1, 6), QTime(10, 0, 0, 250), Qt::UTC));
        QCOMPARE(page->nextCursor, QStringLiteral("YWZ0ZXI6aWQtMg"));

        body.insert(QStringLiteral("nextCursor"), QJsonValue(QJsonValue::Null));
        page = dialect.parseListPage(compact(body), &error);
        QVERIFY(page);
        QCOMPARE(page->nextCursor, QString());

        body.remove(QStringLiteral("nextCursor"));
        page = dialect.parseListPage(compact(body), &error);
        QVERIFY(page);
        QCOMPARE(page->nextCursor, QString());

        body.insert(QStringLiteral("nextCursor"), 42);
        QVERIFY(!dialect.parseListPage(compact(body), &error));
        QCOMPARE(error.kind, ApiError::Kind::Malformed);
        QVERIFY2(error.message.contains(QStringLiteral("nextCursor")), qPrintable(error.message));
    }

    void signaStartingAfterPages() {
        const ProviderDialect dialect = dialectFor(QStringLiteral("signa"));
        QJsonObject body{{QStringLiteral("object"), QStringLiteral("list")},
                         {QStringLiteral("data"),
                          QJsonArray{signaEndpoint(QStringLiteral("whk_1")), signaEndpoint(QStringLiteral("whk_2"))}},
                         {QStringLiteral("has_more"), true}};
        ApiError error;
        auto page = dialect.parseListPage(compact(body), &error);
        QVERIFY2(page, qPrintable(error.message));
        QCOMPARE(page->endpoints.size(), 2);
        QCOMPARE(page->nextCursor, QStringLiteral("whk_2")); // the last item's id
        QCOMPARE(page->endpoints.at(0).status, EndpointStatus::Disabled);
        QCOMPARE(page->endpoints.at(0).secretVersion, std::optional<int>(2));
        QCOMPARE(page->endpoints.at(0).label, QString()); // description: null

        body.insert(QStringLiteral("has_more"), false);
        page = dialect.parseListPage(compact(body), &error);
        QVERIFY(page);
        QCOMPARE(page->nextCursor, QString());

        // has_more with nothing on the page cannot be continued; it ends the list.
        body.insert(QStringLiteral("data"), QJsonArray());
        body.insert(QStringLiteral("has_more"), true);
        page = dialect.parseListPage(compact(body), &error);
        QVERIFY(page);
        QVERIFY(page->endpoints.isEmpty());
        QCOMPARE(page->nextCursor, QString());

        body.insert(QStringLiteral("has_more"), QStringLiteral("yes"));
        QVERIFY(!dialect.parseListPage(compact(body), &error));
        QVERIFY2(error.message.contains(QStringLiteral("has_more")), qPrintable(error.message));
    }

    void unpaginatedArrays_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QJsonObject>("item");
        QTest::addColumn<int>("status");
        QTest::newRow("encrata") << QStringLiteral("encrata") << encrataEndpoint(QStringLiteral("u-1"))
                                 << int(EndpointStatus::Paused); // is_active: false
        QTest::newRow("polyai") << QStringLiteral("polyai") << polyaiEndpoint(QStringLiteral("whe_1"))
                                << int(EndpointStatus::Active);
    }

    void unpaginatedArrays() {
        QFETCH(QString, provider);
        QFETCH(QJsonObject, item);
        QFETCH(int, status);
        const ProviderDialect dialect = dialectFor(provider);
        ApiError error;
        const auto page = dialect.parseListPage(compact(QJsonArray{item, item}), &error);
        QVERIFY2(page, qPrintable(error.message));
        QCOMPARE(page->endpoints.size(), 2);
        QCOMPARE(int(page->endpoints.first().status), status);
        QCOMPARE(page->nextCursor, QString());
        QCOMPARE(page->endpoints.first().raw, item);

        // The profile says the body is an array: an envelope is not what was documented.
        QVERIFY(!dialect.parseListPage(compact(QJsonObject{{QStringLiteral("data"), QJsonArray{item}}}), &error));
        QCOMPARE(error.kind, ApiError::Kind::Malformed);
    }

    void listWithUnknownStatusStillLoads() {
        QJsonObject odd = layersEndpoint(QStringLiteral("id-9"));
        odd.insert(QStringLiteral("status"), QStringLiteral("archived"));
        ApiError error;
        const auto page = dialectFor(QStringLiteral("layers"))
                              .parseListPage(compact(QJsonObject{{QStringLiteral("data"), QJsonArray{odd}}}), &error);
        QVERIFY2(page, qPrintable(error.message));
        QCOMPARE(page->endpoints.first().status, EndpointStatus::Unknown);
    }

    void malformedLists_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QStringLiteral("layers") << QByteArray("<html>oops</html>")
                                  << QStringLiteral("not valid JSON");
        QTest::newRow("empty") << QStringLiteral("layers") << QByteArray() << QStringLiteral("no content");
        QTest::newRow("array for envelope")
            << QStringLiteral("layers") << QByteArray("[]") << QStringLiteral("\"data\"");
        QTest::newRow("data not array") << QStringLiteral("signa") << QByteArray(R"({"data": {}})")
                                        << QStringLiteral("\"data\"");
        QTest::newRow("object for array")
            << QStringLiteral("encrata") << QByteArray("{}") << QStringLiteral("not a JSON array");
        QTest::newRow("item not object") << QStringLiteral("polyai") << QByteArray(R"([1])")
                                         << QStringLiteral("list item 1");
        QJsonObject missingId = layersEndpoint(QStringLiteral("x"));
        missingId.remove(QStringLiteral("id"));
        QTest::newRow("item without id") << QStringLiteral("layers")
                                         << compact(QJsonObject{
                                                {QStringLiteral("data"),
                                                 QJsonArray{layersEndpoint(QStringLiteral("ok")), missingId}}})
                                         << QStringLiteral("list item 2");
    }

    void malformedLists() {
        QFETCH(QString, provider);
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        ApiError error;
        QVERIFY(!dialectFor(provider).parseListPage(body, &error));
        QCOMPARE(error.kind, ApiError::Kind::Malformed);
        QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
        QVERIFY2(!error.message.contains(QStringLiteral("oops")), "the raw body leaked into the message");
    }

    void hugeListIsRefused() {
        QJsonArray items;
        const QJsonObject item = encrataEndpoint(QStringLiteral("u"));
        for (qsizetype i = 0; i <= ProviderDialect::maxItems; ++i)
            items.append(item);
        ApiError error;
        QVERIFY(!dialectFor(QStringLiteral("encrata")).parseListPage(compact(items), &error));
        QCOMPARE(error.kind, ApiError::Kind::Malformed);
        QVERIFY2(error.message.contains(QStringLiteral("10000")), qPrintable(error.message));
    }

    // ---- single endpoints -----------------------------------------------------------------

    void timestamps_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime base(QDate(2026, 4, 20), QTime(18, 28), Qt::UTC);
        QTest::newRow("millis Z") << QStringLiteral("2026-04-20T18:28:00.000Z") << base;
        QTest::newRow("seconds Z") << QStringLiteral("2026-04-20T18:28:00Z") << base;
        QTest::newRow("offset") << QStringLiteral("2026-04-20T20:28:00+02:00") << base;
        QTest::newRow("no zone is UTC") << QStringLiteral("2026-04-20T18:28:00") << base;
        QTest::newRow("millis") << QStringLiteral("2026-04-20T18:28:00.123Z") << base.addMSecs(123);
    }

    void timestamps() {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QJsonObject json = layersEndpoint(QStringLiteral("t"));
        json.insert(QStringLiteral("createdAt"), text);
        ApiError error;
        const auto endpoint = dialectFor(QStringLiteral("layers")).parseEndpoint(json, &error);
        QVERIFY2(endpoint, qPrintable(error.message));
        QCOMPARE(endpoint->createdAt, expected);
        QCOMPARE(endpoint->createdAt.timeSpec(), Qt::UTC);
    }

    void booleanStatus() {
        QJsonObject json = encrataEndpoint(QStringLiteral("u"));
        ApiError error;
        QCOMPARE(dialectFor(QStringLiteral("encrata")).parseEndpoint(json, &error)->status, EndpointStatus::Paused);
        json.insert(QStringLiteral("is_active"), true);
        QCOMPARE(dialectFor(QStringLiteral("encrata")).parseEndpoint(json, &error)->status, EndpointStatus::Active);
        json.remove(QStringLiteral("is_active"));
        QCOMPARE(dialectFor(QStringLiteral("encrata")).parseEndpoint(json, &error)->status, EndpointStatus::Unknown);
    }

    void autoPausedAndHealth() {
        QJsonObject json = layersEndpoint(QStringLiteral("id-1"));
        json.insert(QStringLiteral("status"), QStringLiteral("auto_paused"));
        ApiError error;
        const auto endpoint = dialectFor(QStringLiteral("layers")).parseEndpoint(json, &error);
        QVERIFY2(endpoint, qPrintable(error.message));
        QCOMPARE(endpoint->status, EndpointStatus::AutoPaused);
        QCOMPARE(endpoint->consecutiveFailures, std::optional<int>(3));
        QVERIFY(!endpoint->lastSuccessAt.isValid());
        QCOMPARE(endpoint->updatedAt, QDateTime(QDate(2026, 1, 5), QTime(9, 10), Qt::UTC));
        QCOMPARE(endpoint->raw, json);
    }

    void freeFormMetadataBecomesText() {
        QJsonObject json = signaEndpoint(QStringLiteral("whk_1"));
        json.insert(QStringLiteral("metadata"), object(R"({"n": 3, "b": true, "o": {"k": "v"}, "s": "x"})"));
        ApiError error;
        const auto endpoint = dialectFor(QStringLiteral("signa")).parseEndpoint(json, &error);
        QVERIFY2(endpoint, qPrintable(error.message));
        QCOMPARE(endpoint->metadata, (StringMap{{QStringLiteral("n"), QStringLiteral("3")},
                                                {QStringLiteral("b"), QStringLiteral("true")},
                                                {QStringLiteral("o"), QStringLiteral("{\"k\":\"v\"}")},
                                                {QStringLiteral("s"), QStringLiteral("x")}}));
    }

    void endpointBody() {
        ApiError error;
        const auto endpoint = dialectFor(QStringLiteral("polyai"))
                                  .parseEndpointBody(compact(polyaiEndpoint(QStringLiteral("whe_7"))), &error);
        QVERIFY2(endpoint, qPrintable(error.message));
        QCOMPARE(endpoint->id, QStringLiteral("whe_7"));
        QCOMPARE(endpoint->timeoutMs, std::optional<int>(5000));
        // A Layers answer wrapped like its create answer is unwrapped.
        const auto wrapped =
            dialectFor(QStringLiteral("layers"))
                .parseEndpointBody(
                    compact(QJsonObject{{QStringLiteral("endpoint"), layersEndpoint(QStringLiteral("id-3"))}}), &error);
        QVERIFY2(wrapped, qPrintable(error.message));
        QCOMPARE(wrapped->id, QStringLiteral("id-3"));
    }

    void malformedEndpoints_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value"); // Undefined: remove the field
        QTest::addColumn<QString>("mentions");
        const QJsonValue removed(QJsonValue::Undefined);
        const QString huge(100 * 1024, QLatin1Char('x'));
        QTest::newRow("missing id") << QStringLiteral("layers") << QStringLiteral("id") << removed
                                    << QStringLiteral("\"id\"");
        QTest::newRow("empty id") << QStringLiteral("signa") << QStringLiteral("id") << QJsonValue(QString())
                                  << QStringLiteral("\"id\"");
        QTest::newRow("numeric id") << QStringLiteral("encrata") << QStringLiteral("id") << QJsonValue(7)
                                    << QStringLiteral("\"id\"");
        QTest::newRow("missing url") << QStringLiteral("polyai") << QStringLiteral("url") << removed
                                     << QStringLiteral("\"url\"");
        QTest::newRow("url number") << QStringLiteral("layers") << QStringLiteral("url") << QJsonValue(1)
                                    << QStringLiteral("\"url\"");
        QTest::newRow("missing events") << QStringLiteral("signa") << QStringLiteral("enabled_events") << removed
                                        << QStringLiteral("\"enabled_events\"");
        QTest::newRow("events string") << QStringLiteral("layers") << QStringLiteral("events")
                                       << QJsonValue(QStringLiteral("job.completed")) << QStringLiteral("\"events\"");
        QTest::newRow("events numbers") << QStringLiteral("polyai") << QStringLiteral("event_types")
                                        << QJsonValue(QJsonArray{1, 2}) << QStringLiteral("\"event_types\"");
        QTest::newRow("status number") << QStringLiteral("layers") << QStringLiteral("status") << QJsonValue(1)
                                       << QStringLiteral("\"status\"");
        QTest::newRow("is_active text") << QStringLiteral("encrata") << QStringLiteral("is_active")
                                        << QJsonValue(QStringLiteral("yes")) << QStringLiteral("\"is_active\"");
        QTest::newRow("label object") << QStringLiteral("polyai") << QStringLiteral("name") << QJsonValue(QJsonObject())
                                      << QStringLiteral("\"name\"");
        QTest::newRow("count as text") << QStringLiteral("layers") << QStringLiteral("consecutiveFailureCount")
                                       << QJsonValue(QStringLiteral("3")) << QStringLiteral("consecutiveFailureCount");
        QTest::newRow("negative count") << QStringLiteral("signa") << QStringLiteral("consecutive_failures")
                                        << QJsonValue(-1) << QStringLiteral("consecutive_failures");
        QTest::newRow("fractional timeout") << QStringLiteral("polyai") << QStringLiteral("timeout_ms")
                                            << QJsonValue(1.5) << QStringLiteral("timeout_ms");
        QTest::newRow("huge version") << QStringLiteral("signa") << QStringLiteral("secret_version") << QJsonValue(1e12)
                                      << QStringLiteral("secret_version");
        QTest::newRow("bad timestamp") << QStringLiteral("layers") << QStringLiteral("createdAt")
                                       << QJsonValue(QStringLiteral("yesterday")) << QStringLiteral("createdAt");
        QTest::newRow("numeric timestamp") << QStringLiteral("encrata") << QStringLiteral("created_at")
                                           << QJsonValue(1700000000) << QStringLiteral("created_at");
        QTest::newRow("metadata text") << QStringLiteral("signa") << QStringLiteral("metadata")
                                       << QJsonValue(QStringLiteral("k=v")) << QStringLiteral("\"metadata\"");
        QTest::newRow("headers array") << QStringLiteral("polyai") << QStringLiteral("headers")
                                       << QJsonValue(QJsonArray{}) << QStringLiteral("\"headers\"");
        QTest::newRow("100 KB url") << QStringLiteral("layers") << QStringLiteral("url") << QJsonValue(huge)
                                    << QStringLiteral("65536");
        QTest::newRow("100 KB label") << QStringLiteral("signa") << QStringLiteral("description") << QJsonValue(huge)
                                      << QStringLiteral("\"description\"");
        QTest::newRow("100 KB event") << QStringLiteral("encrata") << QStringLiteral("events")
                                      << QJsonValue(QJsonArray{huge}) << QStringLiteral("\"events\"");
        QTest::newRow("100 KB id") << QStringLiteral("polyai") << QStringLiteral("id") << QJsonValue(huge)
                                   << QStringLiteral("\"id\"");
        QJsonArray manyEvents;
        for (int i = 0; i <= ProviderDialect::maxItems; ++i)
            manyEvents.append(QStringLiteral("job.completed"));
        QTest::newRow("10001 events") << QStringLiteral("layers") << QStringLiteral("events") << QJsonValue(manyEvents)
                                      << QStringLiteral("10000");
    }

    void malformedEndpoints() {
        QFETCH(QString, provider);
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, mentions);
        QJsonObject json;
        if (provider == QLatin1String("layers"))
            json = layersEndpoint(QStringLiteral("d4c71b62-7f08-4dc9-9d2c-8f7e2b9c4411"));
        else if (provider == QLatin1String("signa"))
            json = signaEndpoint(QStringLiteral("whk_1"));
        else if (provider == QLatin1String("encrata"))
            json = encrataEndpoint(QStringLiteral("360cb300-d885-4c18-af2c-d259f936bb38"));
        else
            json = polyaiEndpoint(QStringLiteral("whe_1"));
        if (value.isUndefined())
            json.remove(field);
        else
            json.insert(field, value);

        const ProviderDialect dialect = dialectFor(provider);
        ApiError error;
        QVERIFY(!dialect.parseEndpoint(json, &error));
        QCOMPARE(error.kind, ApiError::Kind::Malformed);
        QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
        QVERIFY2(error.message.contains(dialect.profile().name()), qPrintable(error.message));
        QVERIFY(error.message.size() < 300); // a sentence, not an echo of the value
        // The same through the byte-level entry point.
        ApiError bodyError;
        QVERIFY(!dialect.parseEndpointBody(compact(json), &bodyError));
        QCOMPARE(bodyError.message, error.message);
    }

    void malformedBodies_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>")
                              << QStringLiteral("not valid JSON");
        QTest::newRow("truncated") << QByteArray(R"({"id": "a", "url": )") << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray(R"([{"id": "a"}])") << QStringLiteral("not a JSON object");
        QTest::newRow("empty") << QByteArray("  ") << QStringLiteral("no content");
        QTest::newRow("null") << QByteArray("null") << QStringLiteral("not valid JSON");
        QTest::newRow("over 10 MiB") << QByteArray(ProviderDialect::maxBodyBytes + 1, ' ')
                                     << QStringLiteral("larger than 10 MiB");
    }

    void malformedBodies() {
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        ApiError error;
        QVERIFY(!dialectFor(QStringLiteral("signa")).parseEndpointBody(body, &error));
        QCOMPARE(error.kind, ApiError::Kind::Malformed);
        QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
        QVERIFY2(!error.message.contains(QStringLiteral("Bad Gateway")), "the raw body leaked into the message");
    }

    void nullErrorPointerIsAllowed() {
        QVERIFY(!dialectFor(QStringLiteral("layers")).parseEndpointBody(QByteArray("nope"), nullptr));
        QVERIFY(!dialectFor(QStringLiteral("layers")).parseCreateResponse(QByteArray("{}"), nullptr));
    }

    // ---- secrets --------------------------------------------------------------------------

    void rotateResponses() {
        ApiError error;
        const auto layers =
            dialectFor(QStringLiteral("layers"))
                .parseRotateResponse(
                    compact(QJsonObject{{QStringLiteral("endpoint"), layersEndpoint(QStringLiteral("id-1"))},
                                        {QStringLiteral("signingSecret"), testSecret}}),
                    &error);
        QVERIFY2(layers, qPrintable(error.message));
        QVERIFY(layers->secret == testSecret);
        QCOMPARE(layers->endpoint.id, QStringLiteral("id-1"));

        QJsonObject signa = signaEndpoint(QStringLiteral("whk_1"));
        signa.insert(QStringLiteral("secret_version"), 3);
        signa.insert(QStringLiteral("secret"), testSecret);
        const auto rotated = dialectFor(QStringLiteral("signa")).parseRotateResponse(compact(signa), &error);
        QVERIFY2(rotated, qPrintable(error.message));
        QVERIFY(rotated->secret == testSecret);
        QCOMPARE(rotated->endpoint.secretVersion, std::optional<int>(3));
        QVERIFY(!rotated->endpoint.raw.contains(QStringLiteral("secret")));

        // A rotate answer with the secret alone still yields the secret; the caller knows the id.
        const auto bare = dialectFor(QStringLiteral("signa"))
                              .parseRotateResponse(compact(QJsonObject{{QStringLiteral("secret"), testSecret},
                                                                       {QStringLiteral("secret_version"), 4}}),
                                                   &error);
        QVERIFY2(bare, qPrintable(error.message));
        QVERIFY(bare->secret == testSecret);
        QVERIFY(bare->endpoint.id.isEmpty());
        QCOMPARE(bare->endpoint.secretVersion, std::optional<int>(4));
        const auto bareLayers =
            dialectFor(QStringLiteral("layers"))
                .parseRotateResponse(compact(QJsonObject{{QStringLiteral("signingSecret"), testSecret}}), &error);
        QVERIFY2(bareLayers, qPrintable(error.message));
        QVERIFY(bareLayers->secret == testSecret);

        QVERIFY(!dialectFor(QStringLiteral("encrata")).parseRotateResponse(compact(signa), &error));
        QCOMPARE(error.kind, ApiError::Kind::Unsupported);
    }

    void createKeepsSecretDespiteMalformedDetail() {
        // The provider made the endpoint and will never show this secret again: a bad detail field
        // must not lose it. The readable fields survive; the bad one is left out.
        QJsonObject json = signaEndpoint(QStringLiteral("whk_9"));
        json.insert(QStringLiteral("consecutive_failures"), QStringLiteral("many"));
        json.insert(QStringLiteral("secret"), testSecret);
        ApiError error;
        const auto created = dialectFor(QStringLiteral("signa")).parseCreateResponse(compact(json), &error);
        QVERIFY2(created, qPrintable(error.message));
        QVERIFY(!error.isError());
        QVERIFY(created->secret == testSecret);
        QCOMPARE(created->endpoint.id, QStringLiteral("whk_9"));
        QCOMPARE(created->endpoint.url, QStringLiteral("https://s.example.com/hook"));
        QCOMPARE(created->endpoint.consecutiveFailures, std::nullopt);
        QVERIFY(!created->endpoint.raw.contains(QStringLiteral("secret")));
    }

    void malformedSecretResponses_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");

        QJsonObject noSecret = polyaiEndpoint(QStringLiteral("whe_1"));
        QTest::newRow("polyai no secret")
            << QStringLiteral("polyai") << compact(noSecret) << QStringLiteral("\"signing_secret\"");
        noSecret.insert(QStringLiteral("signing_secret"), QString());
        QTest::newRow("polyai empty secret")
            << QStringLiteral("polyai") << compact(noSecret) << QStringLiteral("\"signing_secret\"");
        noSecret.insert(QStringLiteral("signing_secret"), 12345);
        QTest::newRow("polyai numeric secret")
            << QStringLiteral("polyai") << compact(noSecret) << QStringLiteral("\"signing_secret\"");
        QTest::newRow("layers flat") << QStringLiteral("layers")
                                     << withSecret(R"({"id": "a", "signingSecret": "SECRET"})")
                                     << QStringLiteral("\"endpoint\"");
        QTest::newRow("layers endpoint without id")
            << QStringLiteral("layers")
            << withSecret("{\"endpoint\": {\"url\": \"https://a.example.com\"}, \"signingSecret\": \"SECRET\"}")
            << QStringLiteral("\"id\"");
        QTest::newRow("encrata array") << QStringLiteral("encrata") << withSecret(R"(["secret", "SECRET"])")
                                       << QStringLiteral("not a JSON object");
        QTest::newRow("encrata not json") << QStringLiteral("encrata") << withSecret("secret=SECRET; id=360cb300")
                                          << QStringLiteral("not valid JSON");
        QTest::newRow("signa truncated") << QStringLiteral("signa") << withSecret("{\"secret\": \"SECRET")
                                         << QStringLiteral("not valid JSON");
        QTest::newRow("signa huge secret")
            << QStringLiteral("signa")
            << compact(QJsonObject{{QStringLiteral("id"), QStringLiteral("whk_1")},
                                   {QStringLiteral("secret"), QString(testSecret + QString(70000, QLatin1Char('z')))}})
            << QStringLiteral("longer than");
    }

    void malformedSecretResponses() {
        QFETCH(QString, provider);
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        ApiError error;
        const auto parsed = dialectFor(provider).parseCreateResponse(body, &error);
        QCOMPARE(error.kind, ApiError::Kind::Malformed);
        // Where a secret was sent but no usable endpoint, the secret comes back with the error, so
        // it can be shown once; anything else is no result at all.
        if (parsed) {
            QVERIFY(!parsed->secret.isEmpty());
            QVERIFY(parsed->endpoint.id.isEmpty());
        }
        QVERIFY2(!error.message.contains(testSecret) && !error.toString().contains(testSecret),
                 "a signing secret appeared in an error message");
        QVERIFY2(!error.message.contains(QStringLiteral("TOPSECRET")), "part of a secret appeared in an error message");
        QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
    }

    // ---- provider errors ------------------------------------------------------------------

    void providerErrors_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("field");
        QTest::newRow("layers validation")
            << QStringLiteral("layers") << 422
            << QByteArray(R"({"error": {"code": "VALIDATION", "message": "url must be https", "field": "url"}})")
            << QStringLiteral("VALIDATION") << QStringLiteral("url must be https") << QStringLiteral("url");
        QTest::newRow("layers scope") << QStringLiteral("layers") << 403
                                      << QByteArray(
                                             R"({"error": {"code": "FORBIDDEN_SCOPE", "message": "admin key needed"}})")
                                      << QStringLiteral("FORBIDDEN_SCOPE") << QStringLiteral("admin key needed")
                                      << QString();
        QTest::newRow("layers metadata key")
            << QStringLiteral("layers") << 422
            << QByteArray(R"({"error": {"code": "VALIDATION", "message": "bad key", "field": "metadata.team"}})")
            << QStringLiteral("VALIDATION") << QStringLiteral("bad key") << QStringLiteral("metadata");
        QTest::newRow("layers unknown field")
            << QStringLiteral("layers") << 422
            << QByteArray(R"({"error": {"code": "VALIDATION", "message": "m", "field": "colour"}})")
            << QStringLiteral("VALIDATION") << QStringLiteral("m") << QString();
        QTest::newRow("encrata") << QStringLiteral("encrata") << 400 << QByteArray(R"({"error": "Invalid URL"})")
                                 << QString() << QStringLiteral("Invalid URL") << QString();
        QTest::newRow("signa") << QStringLiteral("signa") << 400
                               << QByteArray(
                                      R"({"error": {"type": "invalid_request_error", "message": "Unknown event type", )"
                                      R"("param": "enabled_events"}, "request_id": "req_1"})")
                               << QStringLiteral("invalid_request_error") << QStringLiteral("Unknown event type")
                               << QStringLiteral("events");
        QTest::newRow("polyai") << QStringLiteral("polyai") << 409
                                << QByteArray(R"({"message": "Endpoint limit reached"})") << QString()
                                << QStringLiteral("Endpoint limit reached") << QString();
        QTest::newRow("polyai 401") << QStringLiteral("polyai") << 401
                                    << QByteArray(R"({"message": "Missing or invalid API key."})") << QString()
                                    << QStringLiteral("Missing or invalid API key.") << QString();
        // Assumed shapes may be wrong; a common shape is still read.
        QTest::newRow("encrata nested") << QStringLiteral("encrata") << 400
                                        << QByteArray(R"({"error": {"message": "Nested"}})") << QString()
                                        << QStringLiteral("Nested") << QString();
        QTest::newRow("layers numeric code")
            << QStringLiteral("layers") << 400 << QByteArray(R"({"error": {"code": 1001, "message": "x"}})")
            << QStringLiteral("1001") << QStringLiteral("x") << QString();
        QTest::newRow("multi-line message")
            << QStringLiteral("polyai") << 400 << QByteArray(R"({"message": "line one\nline two"})") << QString()
            << QStringLiteral("line one line two") << QString();
        QTest::newRow("html") << QStringLiteral("layers") << 502 << QByteArray("<html><body>Bad Gateway</body></html>")
                              << QString() << QStringLiteral("HTTP 502 from Layers (no error details)") << QString();
        QTest::newRow("empty") << QStringLiteral("signa") << 500 << QByteArray() << QString()
                               << QStringLiteral("HTTP 500 from Signa (no error details)") << QString();
        QTest::newRow("no message") << QStringLiteral("polyai") << 500 << QByteArray(R"({"detail": 3})") << QString()
                                    << QStringLiteral("HTTP 500 from PolyAI (no error details)") << QString();
        QTest::newRow("array") << QStringLiteral("encrata") << 400 << QByteArray("[1,2]") << QString()
                               << QStringLiteral("HTTP 400 from Encrata (no error details)") << QString();
    }

    void providerErrors() {
        QFETCH(QString, provider);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(QString, field);
        const ApiError error = dialectFor(provider).parseError(status, body);
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.code, code);
        QCOMPARE(error.message, message);
        QCOMPARE(error.field, field);
    }

    void errorsNeverEchoBodies() {
        const QList<QByteArray> bodies{
            withSecret(R"({"signingSecret": "SECRET", "endpoint": {}})"),
            withSecret(R"({"error": {"code": "X", "secret": "SECRET"}})"),
            withSecret("<pre>SECRET</pre>"),
            withSecret("{\"secret\": \"SECRET"),
        };
        for (const QString &provider :
             {QStringLiteral("layers"), QStringLiteral("encrata"), QStringLiteral("signa"), QStringLiteral("polyai")}) {
            for (const QByteArray &body : bodies) {
                const ApiError error = dialectFor(provider).parseError(500, body);
                QVERIFY2(!error.toString().contains(QStringLiteral("TOPSECRET")),
                         "a signing secret appeared in an error message");
                QVERIFY(error.message.endsWith(QStringLiteral("(no error details)")));
            }
        }
    }

    void longProviderMessageIsShortened() {
        const QByteArray body = QByteArray(R"({"message": "M"})").replace("M", QByteArray(5000, 'm'));
        const ApiError error = dialectFor(QStringLiteral("polyai")).parseError(400, body);
        QVERIFY(error.message.size() <= 1001);
        QVERIFY(error.message.startsWith(QStringLiteral("mmm")));
    }
};

QTEST_GUILESS_MAIN(TestProviderDialect)
#include "tst_ProviderDialect.moc"
