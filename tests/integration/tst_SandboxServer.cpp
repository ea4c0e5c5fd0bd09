// The sandbox over real HTTP on loopback, checked against the providers' documents (the wire
// names below are written out from api-docs and PROVIDERS.md, not read from the profiles, so a
// profile mistake shows up here too).

#include "HttpTestClient.h"
#include "ProviderRegistry.h"
#include "SandboxServer.h"
#include "SignatureVerifier.h"

#include <QFileInfo>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

using Headers = HttpTestClient::Headers;

// What each provider's documents say, spelled out.
struct Wire {
    QString collection;
    QByteArray authHeader;
    QByteArray authPrefix;
    QString eventsField;
    QString event;
    QString otherEvent;
    QString labelField;
    QString statusField;
    QJsonValue activeValue;
    QJsonValue inactiveValue;
    QString envelopeKey; // "" = flat create response
    QString secretKey;
    QString listItemsKey; // "" = plain array
    QString idPattern;
    QString errorMessagePath;
    int validationStatus;
};

Wire wire(const QString &provider) {
    if (provider == QLatin1String("layers"))
        return {QStringLiteral("/v1/webhook-endpoints"),
                "X-Api-Key",
                "",
                QStringLiteral("events"),
                QStringLiteral("job.completed"),
                QStringLiteral("post.published"),
                QStringLiteral("description"),
                QStringLiteral("status"),
                QStringLiteral("active"),
                QStringLiteral("paused"),
                QStringLiteral("endpoint"),
                QStringLiteral("signingSecret"),
                QStringLiteral("data"),
                QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"),
                QStringLiteral("error.message"),
                422};
    if (provider == QLatin1String("encrata"))
        return {QStringLiteral("/api/webhooks"),
                "Authorization",
                "Bearer ",
                QStringLiteral("events"),
                QStringLiteral("lookup.completed"),
                QStringLiteral("credits.low"),
                QStringLiteral("description"),
                QStringLiteral("is_active"),
                true,
                false,
                QString(),
                QStringLiteral("secret"),
                QString(),
                QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"),
                QStringLiteral("error"),
                400};
    if (provider == QLatin1String("signa"))
        return {QStringLiteral("/v1/webhooks"),
                "Authorization",
                "Bearer ",
                QStringLiteral("enabled_events"),
                QStringLiteral("alert.created"),
                QStringLiteral("alert.created"),
                QStringLiteral("description"),
                QStringLiteral("status"),
                QStringLiteral("active"),
                QStringLiteral("disabled"),
                QString(),
                QStringLiteral("secret"),
                QStringLiteral("data"),
                QStringLiteral("^whk_[A-Za-z0-9_]+$"),
                QStringLiteral("error.message"),
                400};
    return {QStringLiteral("/v1/webhook-endpoints"),
            "x-api-key",
            "",
            QStringLiteral("event_types"),
            QStringLiteral("alerts.triggered"),
            QStringLiteral("alerts.resolved"),
            QStringLiteral("name"),
            QStringLiteral("enabled"),
            true,
            false,
            QString(),
            QStringLiteral("signing_secret"),
            QString(),
            QStringLiteral("^whe_[A-Za-z0-9]+$"),
            QStringLiteral("message"),
            400};
}

QJsonObject createBody(const Wire &w, const QString &url = QStringLiteral("https://hooks.example.com/in")) {
    return QJsonObject{{QStringLiteral("url"), url},
                       {w.eventsField, QJsonArray{w.event}},
                       {w.labelField, QStringLiteral("first endpoint")}};
}

// The endpoint object out of a create or rotate response, whichever envelope the provider uses.
QJsonObject endpointIn(const Wire &w, const HttpTestClient::Reply &reply) {
    return w.envelopeKey.isEmpty() ? reply.object() : reply.object().value(w.envelopeKey).toObject();
}

QJsonArray itemsIn(const Wire &w, const HttpTestClient::Reply &reply) {
    return w.listItemsKey.isEmpty() ? reply.array() : reply.object().value(w.listItemsKey).toArray();
}

QString errorMessage(const Wire &w, const HttpTestClient::Reply &reply) {
    return reply.at(w.errorMessagePath).toString();
}

} // namespace

class TestSandboxServer : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;

    // A client for one provider with its documented auth header already set.
    std::unique_ptr<HttpTestClient> client(const QString &provider, const QByteArray &key = "sandbox-key") {
        auto http = std::make_unique<HttpTestClient>(m_server->baseUrl(provider));
        const Wire w = wire(provider);
        http->setDefaultHeader(w.authHeader, w.authPrefix + key);
        return http;
    }

    QString createOne(HttpTestClient &http, const Wire &w, const QJsonObject &body) {
        const auto reply = http.post(w.collection, body);
        if (reply.status != 201)
            qWarning() << "create failed" << reply.status << reply.body;
        return endpointIn(w, reply).value(QStringLiteral("id")).toString();
    }

    static void addProviderRows() {
        QTest::addColumn<QString>("provider");
        for (const char *provider : {"layers", "encrata", "signa", "polyai"})
            QTest::newRow(provider) << QString::fromLatin1(provider);
    }

private slots:
    void init() {
        m_server = std::make_unique<SandboxServer>();
        QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    }
    void cleanup() { m_server.reset(); }

    void listensOnLoopbackOnly() {
        QVERIFY(m_server->port() != 0);
        QCOMPARE(m_server->baseUrl(QStringLiteral("layers")).toString(),
                 QStringLiteral("http://127.0.0.1:%1/layers").arg(m_server->port()));
        QCOMPARE(m_server->providerIds().size(), 4);
    }

    void lifecycle_data() { addProviderRows(); }
    void lifecycle() {
        QFETCH(QString, provider);
        const Wire w = wire(provider);
        auto http = client(provider);

        // Create: 201, the secret where the provider documents it, documented field names.
        const auto created = http->post(w.collection, createBody(w));
        QCOMPARE(created.status, 201);
        QVERIFY(created.header("Content-Type").startsWith("application/json"));
        const QJsonObject endpoint = endpointIn(w, created);
        const QString id = endpoint.value(QStringLiteral("id")).toString();
        QVERIFY2(QRegularExpression(w.idPattern).match(id).hasMatch(), qPrintable(id));
        const QString secret = created.object().value(w.secretKey).toString();
        QVERIFY(secret.startsWith(QLatin1String("whsec_")));
        QCOMPARE(endpoint.value(w.eventsField).toArray(), (QJsonArray{w.event}));
        QCOMPARE(endpoint.value(w.labelField).toString(), QStringLiteral("first endpoint"));
        QCOMPARE(endpoint.value(w.statusField), w.activeValue);
        QCOMPARE(m_server->endpoint(provider, id)->secret, secret);

        // Get and list never carry the secret.
        const auto fetched = http->get(w.collection + QLatin1Char('/') + id);
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.object().value(QStringLiteral("id")).toString(), id);
        QVERIFY(!fetched.body.contains(secret.toUtf8()));
        QVERIFY(!fetched.object().contains(w.secretKey));
        const auto listed = http->get(w.collection);
        QCOMPARE(listed.status, 200);
        QCOMPARE(itemsIn(w, listed).size(), 1);
        QVERIFY(!listed.body.contains(secret.toUtf8()));

        // Update, then pause in the provider's own representation.
        const auto renamed =
            http->patch(w.collection + QLatin1Char('/') + id,
                        {{w.labelField, QStringLiteral("renamed")}, {w.eventsField, QJsonArray{w.otherEvent}}});
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.object().value(w.labelField).toString(), QStringLiteral("renamed"));
        QCOMPARE(renamed.object().value(w.eventsField).toArray(), (QJsonArray{w.otherEvent}));
        const auto paused = http->patch(w.collection + QLatin1Char('/') + id, {{w.statusField, w.inactiveValue}});
        QCOMPARE(paused.status, 200);
        QCOMPARE(paused.object().value(w.statusField), w.inactiveValue);
        QCOMPARE(http->get(w.collection + QLatin1Char('/') + id).object().value(w.statusField), w.inactiveValue);

        // Delete: 204, then 404 in the provider's error shape.
        const auto deleted = http->del(w.collection + QLatin1Char('/') + id);
        QCOMPARE(deleted.status, 204);
        QVERIFY(deleted.body.isEmpty());
        const auto gone = http->get(w.collection + QLatin1Char('/') + id);
        QCOMPARE(gone.status, 404);
        QVERIFY2(!errorMessage(w, gone).isEmpty(), gone.body.constData());
        QCOMPARE(http->del(w.collection + QLatin1Char('/') + id).status, 404);
        QVERIFY(m_server->endpoints(provider).isEmpty());
    }

    void unknownIdIsNotFound_data() { addProviderRows(); }
    void unknownIdIsNotFound() {
        QFETCH(QString, provider);
        const Wire w = wire(provider);
        auto http = client(provider);
        // A well-formed id that does not exist.
        const QString id = provider == QLatin1String("signa") ? QStringLiteral("whk_doesNotExist")
                           : provider == QLatin1String("polyai")
                               ? QStringLiteral("whe_doesNotExist")
                               : QStringLiteral("8e0e5b8e-2f5e-4c43-9a4e-5d0c8a1b2c3d");
        const auto reply = http->get(w.collection + QLatin1Char('/') + id);
        QCOMPARE(reply.status, 404);
        QVERIFY(reply.isJson);
        QVERIFY(!errorMessage(w, reply).isEmpty());
        QCOMPARE(http->patch(w.collection + QLatin1Char('/') + id, {{w.labelField, QStringLiteral("x")}}).status, 404);
    }

    void authFailure_data() { addProviderRows(); }
    void authFailure() {
        QFETCH(QString, provider);
        const Wire w = wire(provider);
        auto wrong = client(provider, "not-the-key");
        const auto reply = wrong->get(w.collection);
        QCOMPARE(reply.status, 401);
        QVERIFY(!errorMessage(w, reply).isEmpty());
        HttpTestClient none(m_server->baseUrl(provider));
        QCOMPARE(none.post(w.collection, createBody(w)).status, 401);
        QVERIFY(m_server->endpoints(provider).isEmpty());
    }

    void layersAcceptsBearerToo() {
        HttpTestClient http(m_server->baseUrl(QStringLiteral("layers")));
        http.setDefaultHeader("Authorization", "Bearer sandbox-key");
        QCOMPARE(http.get(QStringLiteral("/v1/webhook-endpoints")).status, 200);
    }

    void pagination_data() { addProviderRows(); }
    void pagination() {
        QFETCH(QString, provider);
        const Wire w = wire(provider);
        m_server->setPageSize(2);
        auto http = client(provider);
        QStringList created;
        for (int i = 0; i < 5; ++i)
            created << createOne(*http, w, createBody(w, QStringLiteral("https://hooks.example.com/%1").arg(i)));

        QStringList seen;
        int pages = 0;
        if (provider == QLatin1String("layers")) {
            QString cursor;
            do {
                const auto page = http->get(QStringLiteral("/v1/webhook-endpoints") +
                                            (cursor.isEmpty() ? QString() : QStringLiteral("?cursor=") + cursor));
                QCOMPARE(page.status, 200);
                QVERIFY(page.object().contains(QStringLiteral("nextCursor")));
                for (const QJsonValue &item : page.object().value(QStringLiteral("data")).toArray())
                    seen << item.toObject().value(QStringLiteral("id")).toString();
                cursor = page.object().value(QStringLiteral("nextCursor")).toString();
                ++pages;
            } while (!cursor.isEmpty() && pages < 10);
        } else if (provider == QLatin1String("signa")) {
            bool more = true;
            while (more && pages < 10) {
                const auto page =
                    http->get(QStringLiteral("/v1/webhooks") +
                              (seen.isEmpty() ? QString() : QStringLiteral("?starting_after=") + seen.last()));
                QCOMPARE(page.status, 200);
                QCOMPARE(page.object().value(QStringLiteral("object")).toString(), QStringLiteral("list"));
                QVERIFY(page.object().value(QStringLiteral("has_more")).isBool());
                for (const QJsonValue &item : page.object().value(QStringLiteral("data")).toArray())
                    seen << item.toObject().value(QStringLiteral("id")).toString();
                more = page.object().value(QStringLiteral("has_more")).toBool();
                ++pages;
            }
            QCOMPARE(http->get(QStringLiteral("/v1/webhooks?starting_after=whk_nope")).status, 400);
        } else {
            // Unpaginated providers answer a plain array with everything.
            const auto all = http->get(w.collection);
            QCOMPARE(all.status, 200);
            QVERIFY(all.json.isArray());
            for (const QJsonValue &item : all.array())
                seen << item.toObject().value(QStringLiteral("id")).toString();
            pages = 3;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen, created);
    }

    void malformedJsonAndContentType_data() { addProviderRows(); }
    void malformedJsonAndContentType() {
        QFETCH(QString, provider);
        const Wire w = wire(provider);
        auto http = client(provider);
        const auto broken = http->send("POST", w.collection, "{\"url\": ", {{"Content-Type", "application/json"}});
        QCOMPARE(broken.status, 400);
        QVERIFY(!errorMessage(w, broken).isEmpty());
        const auto notObject = http->send("POST", w.collection, "[1,2]", {{"Content-Type", "application/json"}});
        QCOMPARE(notObject.status, 400);
        const auto plain =
            http->send("POST", w.collection, QJsonDocument(createBody(w)).toJson(), {{"Content-Type", "text/plain"}});
        QCOMPARE(plain.status, 415);
        QVERIFY(m_server->endpoints(provider).isEmpty());
        QCOMPARE(http->send("PUT", w.collection).status, 405);
        QCOMPARE(http->get(QStringLiteral("/nowhere")).status, 404);
    }

    void unknownProviderPrefix() {
        HttpTestClient http(m_server->baseUrl(QStringLiteral("acme")));
        const auto reply = http.get(QStringLiteral("/v1/webhooks"));
        QCOMPARE(reply.status, 404);
        QVERIFY(reply.isJson);
    }

    // ---- Layers ----

    void layersCreateResponseShape() {
        auto http = client(QStringLiteral("layers"));
        const auto created = http->post(QStringLiteral("/v1/webhook-endpoints"),
                                        {{QStringLiteral("url"), QStringLiteral("https://your-app.example.com/in")},
                                         {QStringLiteral("events"), QJsonArray{QStringLiteral("job.completed")}}});
        QCOMPARE(created.status, 201);
        QVERIFY(created.object().value(QStringLiteral("warning")).isString());
        const QJsonObject endpoint = created.object().value(QStringLiteral("endpoint")).toObject();
        for (const char *key :
             {"id", "organizationId", "projectId", "url", "description", "status", "events", "apiVersion", "createdAt",
              "updatedAt", "lastSuccessAt", "lastFailureAt", "consecutiveFailureCount"})
            QVERIFY2(endpoint.contains(QLatin1String(key)), key);
        QVERIFY(endpoint.value(QStringLiteral("description")).isNull());
        QVERIFY(endpoint.value(QStringLiteral("projectId")).isNull());
        QCOMPARE(endpoint.value(QStringLiteral("consecutiveFailureCount")).toInt(), 0);
        QVERIFY(
            QDateTime::fromString(endpoint.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs).isValid());
    }

    void layersValidation_data() {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonArray one{QStringLiteral("job.completed")};
        const QString url = QStringLiteral("https://ok.example.com/in");
        QJsonArray fiftyOne;
        for (int i = 0; i < 51; ++i)
            fiftyOne.append(QStringLiteral("custom.event_%1").arg(i));
        QTest::newRow("invalid url") << QJsonObject{{"url", "not a url"}, {"events", one}} << "url";
        QTest::newRow("http in production") << QJsonObject{{"url", "http://localhost:9/in"}, {"events", one}} << "url";
        QTest::newRow("no url") << QJsonObject{{"events", one}} << "url";
        QTest::newRow("empty events") << QJsonObject{{"url", url}, {"events", QJsonArray()}} << "events";
        QTest::newRow("unknown event") << QJsonObject{{"url", url}, {"events", QJsonArray{"Not An Event"}}} << "events";
        QTest::newRow("51 events") << QJsonObject{{"url", url}, {"events", fiftyOne}} << "events";
        QTest::newRow("bad projectId") << QJsonObject{{"url", url}, {"events", one}, {"projectId", "x"}} << "projectId";
        QTest::newRow("not a create field")
            << QJsonObject{{"url", url}, {"events", one}, {"status", "paused"}} << "status";
    }
    void layersValidation() {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        auto http = client(QStringLiteral("layers"));
        const auto reply = http->post(QStringLiteral("/v1/webhook-endpoints"), body);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.at(QStringLiteral("error.code")).toString(), QStringLiteral("VALIDATION"));
        QVERIFY(!reply.at(QStringLiteral("error.message")).toString().isEmpty());
        QCOMPARE(reply.at(QStringLiteral("error.field")).toString(), field);
        QVERIFY(m_server->endpoints(QStringLiteral("layers")).isEmpty());
    }

    void layersOpenCatalogAcceptsCustomEvents() {
        auto http = client(QStringLiteral("layers"));
        QCOMPARE(http->post(QStringLiteral("/v1/webhook-endpoints"),
                            {{"url", "https://ok.example.com/in"}, {"events", QJsonArray{"invoice.paid"}}})
                     .status,
                 201);
    }

    void layersUpdateRules() {
        const Wire w = wire(QStringLiteral("layers"));
        auto http = client(QStringLiteral("layers"));
        QJsonObject body = createBody(w);
        const QString id = createOne(*http, w, body);
        const QString path = QStringLiteral("/v1/webhook-endpoints/") + id;

        const auto empty = http->patch(path, {});
        QCOMPARE(empty.status, 422);
        QCOMPARE(empty.at(QStringLiteral("error.code")).toString(), QStringLiteral("VALIDATION"));
        const auto autoPaused = http->patch(path, {{"status", "auto_paused"}});
        QCOMPARE(autoPaused.status, 422);
        QCOMPARE(autoPaused.at(QStringLiteral("error.field")).toString(), QStringLiteral("status"));
        QCOMPARE(http->patch(path, {{"id", "other"}}).status, 422);

        // metadata merges per key: empty value unsets a key, null clears everything.
        auto reply = http->patch(path, {{"metadata", QJsonObject{{"team", "core"}, {"env", "prod"}}}});
        QCOMPARE(reply.object().value("metadata").toObject(), (QJsonObject{{"team", "core"}, {"env", "prod"}}));
        reply = http->patch(path, {{"metadata", QJsonObject{{"env", ""}, {"owner", "ana"}}}});
        QCOMPARE(reply.object().value("metadata").toObject(), (QJsonObject{{"team", "core"}, {"owner", "ana"}}));
        reply = http->patch(path, {{"metadata", QJsonValue::Null}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.object().value("metadata").toObject(), QJsonObject());

        // description: null clears it.
        reply = http->patch(path, {{"description", QJsonValue::Null}});
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.object().value("description").isNull());
    }

    void layersScopeNeedsAdminKey() {
        const Wire w = wire(QStringLiteral("layers"));
        auto http = client(QStringLiteral("layers"));
        const QString id = createOne(*http, w, createBody(w));
        const QString path = QStringLiteral("/v1/webhook-endpoints/") + id;
        const auto forbidden = http->patch(path, {{"scope", "all_children"}});
        QCOMPARE(forbidden.status, 403);
        QCOMPARE(forbidden.at(QStringLiteral("error.code")).toString(), QStringLiteral("FORBIDDEN_SCOPE"));
        QCOMPARE(http->patch(path, {{"scope", "everything"}}).status, 422);
        auto admin = client(QStringLiteral("layers"), "sandbox-admin-key");
        const auto allowed = admin->patch(path, {{"scope", "all_children"}});
        QCOMPARE(allowed.status, 200);
        QCOMPARE(allowed.object().value("scope").toString(), QStringLiteral("all_children"));
    }

    void layersUnknownProjectIsNotFound() {
        m_server->setKnownProjectIds({QStringLiteral("11111111-1111-4111-8111-111111111111")});
        auto http = client(QStringLiteral("layers"));
        QJsonObject body = createBody(wire(QStringLiteral("layers")));
        body.insert("projectId", "22222222-2222-4222-8222-222222222222");
        const auto reply = http->post(QStringLiteral("/v1/webhook-endpoints"), body);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.at(QStringLiteral("error.code")).toString(), QStringLiteral("NOT_FOUND"));
        body.insert("projectId", "11111111-1111-4111-8111-111111111111");
        const auto ok = http->post(QStringLiteral("/v1/webhook-endpoints"), body);
        QCOMPARE(ok.status, 201);
        QCOMPARE(ok.at(QStringLiteral("endpoint.projectId")).toString(),
                 QStringLiteral("11111111-1111-4111-8111-111111111111"));
    }

    void layersIdempotency() {
        const Wire w = wire(QStringLiteral("layers"));
        auto http = client(QStringLiteral("layers"));
        const Headers key{{"Idempotency-Key", "0b5c5a53-6b8e-4a43-9d5e-2b1f3e4d5c6a"}};
        const auto first = http->post(w.collection, createBody(w), key);
        QCOMPARE(first.status, 201);
        const auto replay = http->post(w.collection, createBody(w), key);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.json, first.json); // the original response, secret included
        QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(m_server->endpoints(QStringLiteral("layers")).size(), 1);

        const auto conflict =
            http->post(w.collection, createBody(w, QStringLiteral("https://other.example.com/")), key);
        QCOMPARE(conflict.status, 409);
        QCOMPARE(conflict.at(QStringLiteral("error.code")).toString(), QStringLiteral("IDEMPOTENCY_CONFLICT"));
        QCOMPARE(m_server->endpoints(QStringLiteral("layers")).size(), 1);

        // Updates honour the key too.
        const QString path = w.collection + QLatin1Char('/') + first.at("endpoint.id").toString();
        const Headers updateKey{{"Idempotency-Key", "6f1d1c2e-1111-4a43-9d5e-2b1f3e4d5c6a"}};
        const auto updated = http->patch(path, {{"description", "one"}}, updateKey);
        QCOMPARE(updated.status, 200);
        QCOMPARE(http->patch(path, {{"description", "one"}}, updateKey).json, updated.json);
        QCOMPARE(http->patch(path, {{"description", "two"}}, updateKey).status, 409);
    }

    void layersAutoPauseAndReset() {
        const Wire w = wire(QStringLiteral("layers"));
        auto http = client(QStringLiteral("layers"));
        const QString id = createOne(*http, w, createBody(w, QStringLiteral("https://receiver.example.invalid/in")));
        const QString path = w.collection + QLatin1Char('/') + id;
        for (int attempt = 1; attempt <= 3; ++attempt) {
            const auto test = http->send("POST", path + QStringLiteral("/test"));
            QCOMPARE(test.status, 200);
            QCOMPARE(test.object().value("delivered").toBool(), false);
            const auto current = http->get(path).object();
            QCOMPARE(current.value("consecutiveFailureCount").toInt(), attempt);
            QVERIFY(!current.value("lastFailureAt").isNull());
            QCOMPARE(current.value("status").toString(),
                     attempt < 3 ? QStringLiteral("active") : QStringLiteral("auto_paused"));
        }
        const auto reactivated = http->patch(path, {{"status", "active"}});
        QCOMPARE(reactivated.status, 200);
        QCOMPARE(reactivated.object().value("status").toString(), QStringLiteral("active"));
        QCOMPARE(reactivated.object().value("consecutiveFailureCount").toInt(), 0);
    }

    void layersSimulatedSuccessResetsFailures() {
        const Wire w = wire(QStringLiteral("layers"));
        auto http = client(QStringLiteral("layers"));
        const QString id = createOne(*http, w, createBody(w, QStringLiteral("https://receiver.example.invalid/in")));
        const QString path = w.collection + QLatin1Char('/') + id;
        http->send("POST", path + QStringLiteral("/test"));
        QCOMPARE(http->get(path).object().value("consecutiveFailureCount").toInt(), 1);
        // A public host is never contacted: the delivery is simulated as a success.
        http->patch(path, {{"url", "https://receiver.example.com/in"}});
        const auto test = http->send("POST", path + QStringLiteral("/test"));
        QCOMPARE(test.object().value("delivered").toBool(), true);
        QCOMPARE(test.object().value("simulated").toBool(), true);
        const auto current = http->get(path).object();
        QCOMPARE(current.value("consecutiveFailureCount").toInt(), 0);
        QVERIFY(!current.value("lastSuccessAt").isNull());
    }

    void layersTestDeliveryToLoopbackIsSigned() {
        // A receiver on loopback: the first delivery succeeds, the second gets a 500.
        QHttpServer receiver;
        QList<QByteArray> bodies;
        QList<QByteArray> signatures;
        int answers = 0;
        receiver.route(QStringLiteral("/hook"), [&](const QHttpServerRequest &request) {
            bodies << request.body();
            signatures << request.value("webhook-signature");
            return QHttpServerResponse(++answers == 1 ? QHttpServerResponder::StatusCode::Ok
                                                      : QHttpServerResponder::StatusCode::InternalServerError);
        });
        const quint16 receiverPort = receiver.listen(QHostAddress::LocalHost);
        QVERIFY(receiverPort != 0);

        m_server->setDevelopment(true); // plain http to localhost is a development-only URL for Layers
        const Wire w = wire(QStringLiteral("layers"));
        auto http = client(QStringLiteral("layers"));
        const QString id =
            createOne(*http, w, createBody(w, QStringLiteral("http://127.0.0.1:%1/hook").arg(receiverPort)));
        QVERIFY(!id.isEmpty());
        const QString path = w.collection + QLatin1Char('/') + id;

        const auto ok = http->send("POST", path + QStringLiteral("/test"));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.object().value("delivered").toBool(), true);
        QCOMPARE(ok.object().value("responseStatus").toInt(), 200);
        QCOMPARE(bodies.size(), 1);
        const QJsonObject event = QJsonDocument::fromJson(bodies.first()).object();
        QCOMPARE(event.value("type").toString(), QStringLiteral("webhook.test"));
        QVERIFY(!signatures.first().isEmpty()); // signed as the profile says: see testDeliveryVerifies

        const auto failed = http->send("POST", path + QStringLiteral("/test"));
        QCOMPARE(failed.object().value("delivered").toBool(), false);
        QCOMPARE(failed.object().value("responseStatus").toInt(), 500);
        QCOMPARE(http->get(path).object().value("consecutiveFailureCount").toInt(), 1);
    }

    // POST {test}?event=TYPE delivers a sample of one of the endpoint's events; a type it does
    // not subscribe to is refused, as a provider would never send it one.
    void aSampleDeliveryCarriesTheAskedEventType() {
        QHttpServer receiver;
        QList<QByteArray> bodies;
        receiver.route(QStringLiteral("/hook"), [&](const QHttpServerRequest &request) {
            bodies << request.body();
            return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
        });
        const quint16 receiverPort = receiver.listen(QHostAddress::LocalHost);
        QVERIFY(receiverPort != 0);
        m_server->setDevelopment(true);
        const Wire w = wire(QStringLiteral("layers"));
        auto http = client(QStringLiteral("layers"));
        const QString id =
            createOne(*http, w, createBody(w, QStringLiteral("http://127.0.0.1:%1/hook").arg(receiverPort)));
        QVERIFY(!id.isEmpty());
        const QString test = w.collection + QLatin1Char('/') + id + QStringLiteral("/test");

        const auto sample = http->send("POST", test + QStringLiteral("?event=") + w.event);
        QCOMPARE(sample.status, 200);
        QCOMPARE(sample.object().value("delivered").toBool(), true);
        QCOMPARE(sample.object().value("type").toString(), w.event);
        QCOMPARE(bodies.size(), 1);
        const QJsonObject event = QJsonDocument::fromJson(bodies.first()).object();
        QCOMPARE(event.value("type").toString(), w.event);
        QVERIFY(event.value("data").toObject().value("message").toString().startsWith(QStringLiteral("A sample")));

        const auto refused = http->send("POST", test + QStringLiteral("?event=job.never"));
        QCOMPARE(refused.status, 422);
        QCOMPARE(bodies.size(), 1); // nothing was sent
    }

    void testDeliveryVerifies_data() { addProviderRows(); }

    // Send Test Event signs with the endpoint's secret under the profile's own scheme (header
    // names, signed content, key, encoding), so the receiver's verifier accepts it as it stands.
    void testDeliveryVerifies() {
        QFETCH(QString, provider);
        const ProviderProfile profile = *ProviderRegistry().profile(provider);
        if (profile.plainHttp() == ProviderProfile::PlainHttp::Never)
            QSKIP("the profile accepts no plain-http URL, so no loopback receiver can be its endpoint");
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QHttpServer receiver;
        receiver.route(QStringLiteral("/hooks/x"), [&](const QHttpServerRequest &request) {
            headers = request.headers();
            body = request.body();
            return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
        });
        const quint16 receiverPort = receiver.listen(QHostAddress::LocalHost);
        QVERIFY(receiverPort != 0);

        m_server->setDevelopment(true);
        const Wire w = wire(provider);
        auto http = client(provider);
        const QString id =
            createOne(*http, w, createBody(w, QStringLiteral("http://localhost:%1/hooks/x").arg(receiverPort)));
        QVERIFY(!id.isEmpty());
        const auto sent = http->send("POST", w.collection + QLatin1Char('/') + id + QStringLiteral("/test"));
        QCOMPARE(sent.status, 200);
        QCOMPARE(sent.object().value("delivered").toBool(), true);
        QVERIFY(!body.isEmpty());

        const SignatureScheme scheme = profile.signatureScheme();
        QVERIFY(scheme.isStated());
        const SignatureVerifier verifier(scheme);
        const SignatureVerifier::Secrets secrets{m_server->endpoint(provider, id)->secret, std::nullopt, {}};
        const SignatureVerdict verdict =
            verifier.verify(Delivery(headers, body, QDateTime::currentDateTimeUtc()), secrets);
        QVERIFY2(verdict.isValid(), qPrintable(verdict.keyword() + QLatin1Char(' ') + verdict.message()));
        // The signature covers these bytes: one changed is no longer valid.
        QByteArray changed = body;
        changed[changed.size() - 1] = ' ';
        QVERIFY(!verifier.verify(Delivery(headers, changed, QDateTime::currentDateTimeUtc()), secrets).isValid());
    }

    void layersRotateSecret() {
        const Wire w = wire(QStringLiteral("layers"));
        auto http = client(QStringLiteral("layers"));
        const auto created = http->post(w.collection, createBody(w));
        const QString id = created.at("endpoint.id").toString();
        const auto rotated =
            http->send("POST", w.collection + QLatin1Char('/') + id + QStringLiteral("/rotate-secret"));
        QCOMPARE(rotated.status, 200);
        const QString secret = rotated.object().value("signingSecret").toString();
        QVERIFY(secret.startsWith(QLatin1String("whsec_")));
        QVERIFY(secret != created.object().value("signingSecret").toString());
        QCOMPARE(rotated.at("endpoint.id").toString(), id);
        QCOMPARE(m_server->endpoint(QStringLiteral("layers"), id)->secret, secret);
    }

    // ---- Signa ----

    void signaCreateShape() {
        auto http = client(QStringLiteral("signa"));
        const auto created = http->post(QStringLiteral("/v1/webhooks"),
                                        {{"url", "https://acme.example.com/signa-webhook"},
                                         {"description", "prod alerts"},
                                         {"enabled_events", QJsonArray{"alert.created"}},
                                         {"metadata", QJsonObject{{"team", "risk"}}}},
                                        {{"Idempotency-Key", "create-prod-webhook-2026-06-12"}});
        QCOMPARE(created.status, 201);
        const QJsonObject body = created.object();
        QCOMPARE(body.value("object").toString(), QStringLiteral("webhook_endpoint"));
        QCOMPARE(body.value("status").toString(), QStringLiteral("active"));
        QCOMPARE(body.value("secret_version").toInt(), 1);
        QCOMPARE(body.value("consecutive_failures").toInt(), 0);
        QVERIFY(body.value("last_success_at").isNull());
        QVERIFY(body.value("last_failure_at").isNull());
        QVERIFY(body.value("request_id").toString().startsWith(QLatin1String("req_")));
        QCOMPARE(body.value("metadata").toObject(), (QJsonObject{{"team", "risk"}}));
        QVERIFY(body.value("secret").toString().startsWith(QLatin1String("whsec_")));

        // Idempotent replay returns the original response, secret included.
        const auto replay = http->post(QStringLiteral("/v1/webhooks"),
                                       {{"url", "https://acme.example.com/signa-webhook"},
                                        {"description", "prod alerts"},
                                        {"enabled_events", QJsonArray{"alert.created"}},
                                        {"metadata", QJsonObject{{"team", "risk"}}}},
                                       {{"Idempotency-Key", "create-prod-webhook-2026-06-12"}});
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.body, created.body);
        QCOMPARE(m_server->endpoints(QStringLiteral("signa")).size(), 1);
    }

    void signaErrors_data() {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("param");
        const QJsonArray alert{QStringLiteral("alert.created")};
        QJsonArray twentyOne;
        for (int i = 0; i < 21; ++i)
            twentyOne.append(QStringLiteral("alert.created"));
        QTest::newRow("invalid url") << QJsonObject{{"url", "::nope::"}, {"enabled_events", alert}} << "url";
        QTest::newRow("http in production")
            << QJsonObject{{"url", "http://acme.example.com/h"}, {"enabled_events", alert}} << "url";
        QTest::newRow("url too long") << QJsonObject{{"url", QString(QStringLiteral("https://acme.example.com/") +
                                                                     QString(2048, 'a'))},
                                                     {"enabled_events", alert}}
                                      << "url";
        QTest::newRow("unknown event") << QJsonObject{{"url", "https://a.example.com"},
                                                      {"enabled_events", QJsonArray{"x.y"}}}
                                       << "enabled_events";
        QTest::newRow("webhook.test") << QJsonObject{{"url", "https://a.example.com"},
                                                     {"enabled_events", QJsonArray{"webhook.test"}}}
                                      << "enabled_events";
        QTest::newRow("21 events") << QJsonObject{{"url", "https://a.example.com"}, {"enabled_events", twentyOne}}
                                   << "enabled_events";
        QTest::newRow("description too long") << QJsonObject{{"url", "https://a.example.com"},
                                                             {"enabled_events", alert},
                                                             {"description", QString(2001, 'd')}}
                                              << "description";
    }
    void signaErrors() {
        QFETCH(QJsonObject, body);
        QFETCH(QString, param);
        auto http = client(QStringLiteral("signa"));
        const auto reply = http->post(QStringLiteral("/v1/webhooks"), body);
        QCOMPARE(reply.status, 400);
        QVERIFY(!reply.at("error.message").toString().isEmpty());
        QVERIFY(!reply.at("error.type").toString().isEmpty());
        QCOMPARE(reply.at("error.param").toString(), param);
        QVERIFY(reply.object().value("request_id").isString());
        QVERIFY(m_server->endpoints(QStringLiteral("signa")).isEmpty());
    }

    void signaHttpAllowedInDevelopment() {
        m_server->setDevelopment(true);
        auto http = client(QStringLiteral("signa"));
        QCOMPARE(http->post(QStringLiteral("/v1/webhooks"),
                            {{"url", "http://acme.example.com/h"}, {"enabled_events", QJsonArray{"alert.created"}}})
                     .status,
                 201);
    }

    void signaRotateAndStatus() {
        auto http = client(QStringLiteral("signa"));
        const auto created =
            http->post(QStringLiteral("/v1/webhooks"),
                       {{"url", "https://a.example.com"}, {"enabled_events", QJsonArray{"alert.created"}}});
        const QString id = created.object().value("id").toString();
        const auto rotated = http->send("POST", QStringLiteral("/v1/webhooks/%1/rotate-secret").arg(id));
        QCOMPARE(rotated.status, 200);
        QCOMPARE(rotated.object().value("secret_version").toInt(), 2);
        QVERIFY(rotated.object().value("secret").toString() != created.object().value("secret").toString());
        const auto again = http->send("POST", QStringLiteral("/v1/webhooks/%1/rotate-secret").arg(id));
        QCOMPARE(again.object().value("secret_version").toInt(), 3);
        const auto fetched = http->get(QStringLiteral("/v1/webhooks/") + id);
        QCOMPARE(fetched.object().value("secret_version").toInt(), 3);
        QVERIFY(!fetched.object().contains("secret"));
        QCOMPARE(http->patch(QStringLiteral("/v1/webhooks/") + id, {{"status", "paused"}}).status, 400);
        QCOMPARE(http->patch(QStringLiteral("/v1/webhooks/") + id, {{"status", "disabled"}}).object().value("status"),
                 QJsonValue(QStringLiteral("disabled")));
        const auto test = http->send("POST", QStringLiteral("/v1/webhooks/%1/test").arg(id));
        QCOMPARE(test.status, 200);
        QCOMPARE(test.object().value("type").toString(), QStringLiteral("webhook.test"));
    }

    // ---- PolyAI ----

    void polyaiErrors_data() {
        QTest::addColumn<QJsonObject>("body");
        const QJsonArray triggered{QStringLiteral("alerts.triggered")};
        const QString url = QStringLiteral("https://example.com/webhooks/polyai");
        QTest::newRow("extra property") << QJsonObject{
            {"name", "n"}, {"url", url}, {"event_types", triggered}, {"secret", "x"}};
        QTest::newRow("description is not a PolyAI field")
            << QJsonObject{{"name", "n"}, {"url", url}, {"event_types", triggered}, {"description", "x"}};
        QTest::newRow("missing name") << QJsonObject{{"url", url}, {"event_types", triggered}};
        QTest::newRow("empty name") << QJsonObject{{"name", ""}, {"url", url}, {"event_types", triggered}};
        QTest::newRow("long name") << QJsonObject{
            {"name", QString(256, 'n')}, {"url", url}, {"event_types", triggered}};
        QTest::newRow("http url") << QJsonObject{
            {"name", "n"}, {"url", "http://example.com/x"}, {"event_types", triggered}};
        QTest::newRow("unknown event") << QJsonObject{
            {"name", "n"}, {"url", url}, {"event_types", QJsonArray{"alerts.x"}}};
        QTest::newRow("no events") << QJsonObject{{"name", "n"}, {"url", url}, {"event_types", QJsonArray()}};
        QTest::newRow("timeout too small")
            << QJsonObject{{"name", "n"}, {"url", url}, {"event_types", triggered}, {"timeout_ms", 999}};
        QTest::newRow("timeout too large")
            << QJsonObject{{"name", "n"}, {"url", url}, {"event_types", triggered}, {"timeout_ms", 30001}};
        QTest::newRow("timeout not integer")
            << QJsonObject{{"name", "n"}, {"url", url}, {"event_types", triggered}, {"timeout_ms", 1500.5}};
        QTest::newRow("header not string") << QJsonObject{
            {"name", "n"}, {"url", url}, {"event_types", triggered}, {"headers", QJsonObject{{"X-A", 1}}}};
        QTest::newRow("enabled not bool")
            << QJsonObject{{"name", "n"}, {"url", url}, {"event_types", triggered}, {"enabled", "yes"}};
    }
    void polyaiErrors() {
        QFETCH(QJsonObject, body);
        auto http = client(QStringLiteral("polyai"));
        const auto reply = http->post(QStringLiteral("/v1/webhook-endpoints"), body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.object().keys(), QStringList{QStringLiteral("message")});
        QVERIFY(!reply.object().value("message").toString().isEmpty());
        QVERIFY(m_server->endpoints(QStringLiteral("polyai")).isEmpty());
    }

    void polyaiCreateShapeAndMalformedId() {
        auto http = client(QStringLiteral("polyai"));
        const auto created = http->post(QStringLiteral("/v1/webhook-endpoints"),
                                        {{"name", "Production alerts"},
                                         {"url", "https://example.com/webhooks/polyai"},
                                         {"event_types", QJsonArray{"alerts.triggered"}},
                                         {"headers", QJsonObject{{"X-Custom-Header", "my-value"}}},
                                         {"enabled", false}});
        QCOMPARE(created.status, 201);
        const QJsonObject body = created.object();
        QCOMPARE(body.value("timeout_ms").toInt(), 5000); // the documented default
        QCOMPARE(body.value("enabled").toBool(true), false);
        QCOMPARE(body.value("headers").toObject(), (QJsonObject{{"X-Custom-Header", "my-value"}}));
        QVERIFY(body.value("signing_secret").toString().startsWith(QLatin1String("whsec_")));
        QVERIFY(!body.contains("description"));
        const QString id = body.value("id").toString();
        const auto enabled = http->patch(QStringLiteral("/v1/webhook-endpoints/") + id, {{"enabled", true}});
        QCOMPARE(enabled.object().value("enabled").toBool(), true);
        const auto patched = http->patch(QStringLiteral("/v1/webhook-endpoints/") + id, {{"timeout_ms", 20000}});
        QCOMPARE(patched.object().value("timeout_ms").toInt(), 20000);

        const auto malformed = http->get(QStringLiteral("/v1/webhook-endpoints/not-an-id"));
        QCOMPARE(malformed.status, 422);
        QVERIFY(malformed.object().value("message").isString());
        // No rotate or test paths for PolyAI.
        QCOMPARE(http->send("POST", QStringLiteral("/v1/webhook-endpoints/%1/test").arg(id)).status, 404);
    }

    void polyaiEndpointLimit() {
        m_server->setEndpointLimit(1);
        const Wire w = wire(QStringLiteral("polyai"));
        auto http = client(QStringLiteral("polyai"));
        QCOMPARE(http->post(w.collection, createBody(w)).status, 201);
        const auto full = http->post(w.collection, createBody(w));
        QCOMPARE(full.status, 409);
        QVERIFY(full.object().value("message").isString());
    }

    // ---- Encrata ----

    void encrataErrorIsAString() {
        auto http = client(QStringLiteral("encrata"));
        const auto unknown = http->post(QStringLiteral("/api/webhooks"), {{"url", "https://example.com/webhook"},
                                                                          {"events", QJsonArray{"lookup.started"}}});
        QCOMPARE(unknown.status, 400);
        QVERIFY(unknown.object().value("error").isString());
        QVERIFY(unknown.object().value("error").toString().contains(QLatin1String("lookup.started")));
        const auto noEvents = http->post(QStringLiteral("/api/webhooks"), {{"url", "https://example.com/webhook"}});
        QCOMPARE(noEvents.status, 400);
        QVERIFY(noEvents.object().value("error").isString());
        QCOMPARE(http->post(QStringLiteral("/api/webhooks"),
                            {{"url", "http://example.com/webhook"}, {"events", QJsonArray{"credits.low"}}})
                     .status,
                 400);
        // No rotate for Encrata.
        const auto created =
            http->post(QStringLiteral("/api/webhooks"), {{"url", "https://example.com/webhook"},
                                                         {"events", QJsonArray{"lookup.completed", "apikey.created"}},
                                                         {"description", "Production webhook"}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.object().value("is_active").toBool(), true);
        QVERIFY(created.object().value("workspace_id").isString());
        QCOMPARE(
            http->send("POST",
                       QStringLiteral("/api/webhooks/%1/rotate-secret").arg(created.object().value("id").toString()))
                .status,
            404);
    }

    // ---- hooks, state, demo data ----

    void requestLogAndSignal() {
        QSignalSpy received(m_server.get(), &SandboxServer::requestReceived);
        const Wire w = wire(QStringLiteral("signa"));
        auto http = client(QStringLiteral("signa"));
        http->post(w.collection, createBody(w), {{"Idempotency-Key", "abc"}});
        QCOMPARE(received.size(), 1);
        const SandboxRequest request = received.first().first().value<SandboxRequest>();
        QCOMPARE(request.providerId, QStringLiteral("signa"));
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QStringLiteral("/signa/v1/webhooks"));
        QCOMPARE(request.localPath, QStringLiteral("/v1/webhooks"));
        QCOMPARE(request.header("authorization"), QByteArray("Bearer sandbox-key"));
        QCOMPARE(request.header("Idempotency-Key"), QByteArray("abc"));
        QCOMPARE(QJsonDocument::fromJson(request.body).object(), createBody(w));
        QCOMPARE(m_server->requestLog().size(), 1);
        m_server->clearRequestLog();
        QVERIFY(m_server->requestLog().isEmpty());
    }

    void stateFilePersistsWithOwnerOnlyPermissions() {
        QTemporaryDir dir;
        SandboxServer::Options options;
        options.stateFile = dir.filePath(QStringLiteral("nested/state.json"));
        const Wire w = wire(QStringLiteral("layers"));
        const Headers key{{"Idempotency-Key", "a5a5a5a5-0000-4000-8000-000000000001"}};
        QByteArray firstBody;
        QString id;
        {
            SandboxServer server(options);
            QVERIFY(server.listen());
            HttpTestClient http(server.baseUrl(QStringLiteral("layers")));
            http.setDefaultHeader("X-Api-Key", "sandbox-key");
            const auto created = http.post(w.collection, createBody(w), key);
            QCOMPARE(created.status, 201);
            firstBody = created.body;
            id = created.at("endpoint.id").toString();
        }
        const QFileInfo info(options.stateFile);
        QVERIFY(info.exists());
        QCOMPARE(info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                       QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(info.permissions() & QFileDevice::ReadOwner);

        SandboxServer restarted(options);
        QVERIFY(restarted.listen());
        QCOMPARE(restarted.endpoints(QStringLiteral("layers")).size(), 1);
        QVERIFY(!restarted.endpoint(QStringLiteral("layers"), id)->secret.isEmpty());
        // A client replaying its journal after both sides restarted still gets its secret.
        HttpTestClient http(restarted.baseUrl(QStringLiteral("layers")));
        http.setDefaultHeader("X-Api-Key", "sandbox-key");
        const auto replay = http.post(w.collection, createBody(w), key);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.body, firstBody);
    }

    void corruptStateFileRefusesToStart() {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("state.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        SandboxServer::Options options;
        options.stateFile = file.fileName();
        SandboxServer server(options);
        QVERIFY(!server.listen());
        QVERIFY(server.errorString().contains(QLatin1String("state.json")));
    }

    void demoDataIsDeterministic() {
        SandboxServer::Options options;
        options.seed = 42;
        SandboxServer a(options);
        SandboxServer b(options);
        a.seedDemoData();
        b.seedDemoData();
        for (const QString &provider : a.providerIds()) {
            const auto left = a.endpoints(provider);
            const auto right = b.endpoints(provider);
            QVERIFY(left.size() >= 3);
            QCOMPARE(left.size(), right.size());
            for (qsizetype i = 0; i < left.size(); ++i) {
                QCOMPARE(left.at(i).id, right.at(i).id);
                QCOMPARE(left.at(i).secret, right.at(i).secret);
                QVERIFY(!left.at(i).secret.isEmpty());
            }
        }
        const auto layers = a.endpoints(QStringLiteral("layers"));
        const bool autoPaused = std::any_of(layers.cbegin(), layers.cend(), [](const SandboxEndpoint &e) {
            return e.status == QLatin1String("autoPaused") && e.consecutiveFailures >= 3;
        });
        const bool failing = std::any_of(layers.cbegin(), layers.cend(), [](const SandboxEndpoint &e) {
            return e.status == QLatin1String("active") && e.consecutiveFailures > 0;
        });
        QVERIFY(autoPaused);
        QVERIFY(failing);

        // And over the wire, in the provider's representation.
        QVERIFY(a.listen());
        HttpTestClient http(a.baseUrl(QStringLiteral("layers")));
        http.setDefaultHeader("X-Api-Key", "sandbox-key");
        const auto list = http.get(QStringLiteral("/v1/webhook-endpoints"));
        QVERIFY(list.body.contains("\"auto_paused\""));
        QVERIFY(!list.body.contains("whsec_"));

        SandboxServer::Options other = options;
        other.seed = 43;
        SandboxServer c(other);
        c.seedDemoData();
        QVERIFY(c.endpoints(QStringLiteral("layers")).first().id != layers.first().id);
    }
};

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_SandboxServer.moc"
