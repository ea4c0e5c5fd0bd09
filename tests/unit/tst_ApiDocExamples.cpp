// The providers' own documentation examples (tests/data/api-docs, copied from their API reference pages)
// must parse into the canonical model with the documented values, and a draft describing the
// same endpoint must produce the documented request body exactly.
#include "DraftValidator.h"
#include "ProviderDialect.h"
#include "ProviderRegistry.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

Q_DECLARE_METATYPE(EndpointDraft)

namespace {

QByteArray readExample(const QString &name) {
    QFile file(QStringLiteral(WC_TEST_DATA_DIR "/api-docs/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

QJsonObject readExampleObject(const QString &name) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(readExample(name), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test data %s is not a JSON object", qPrintable(name));
    return document.object();
}

ProviderDialect dialectFor(const QString &id) {
    const std::optional<ProviderProfile> profile = ProviderRegistry().profile(id);
    if (!profile)
        qFatal("no built-in profile %s", qPrintable(id));
    return ProviderDialect(*profile);
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0) {
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC);
}

EndpointDraft layersDocDraft() {
    EndpointDraft draft;
    draft.url = QStringLiteral("https://your-app.example.com/layers/webhooks");
    draft.events =
        QStringList{QStringLiteral("job.completed"), QStringLiteral("job.failed"), QStringLiteral("content.approved")};
    draft.label = QStringLiteral("prod reconciler");
    return draft;
}

EndpointDraft encrataDocDraft() {
    EndpointDraft draft;
    draft.url = QStringLiteral("https://example.com/webhook");
    draft.events = QStringList{QStringLiteral("lookup.completed"), QStringLiteral("apikey.created")};
    draft.label = QStringLiteral("Production webhook");
    return draft;
}

EndpointDraft signaDocDraft() {
    EndpointDraft draft;
    draft.url = QStringLiteral("https://acme.example.com/signa-webhook");
    draft.events = QStringList{QStringLiteral("alert.created")};
    draft.label = QStringLiteral("prod alerts");
    return draft;
}

EndpointDraft polyaiDocDraft() {
    EndpointDraft draft;
    draft.url = QStringLiteral("https://example.com/webhooks/polyai");
    draft.events = QStringList{QStringLiteral("alerts.triggered")};
    draft.label = QStringLiteral("Production alerts");
    draft.headers = StringMap{{QStringLiteral("X-Custom-Header"), QStringLiteral("my-value")}};
    draft.timeoutMs = 5000;
    draft.enabled = true;
    return draft;
}

} // namespace

class TestApiDocExamples : public QObject {
    Q_OBJECT

private slots:
    void layersCreateResponse() {
        ApiError error;
        const auto result =
            dialectFor(QStringLiteral("layers"))
                .parseCreateResponse(readExample(QStringLiteral("layers-create-response.json")), &error);
        QVERIFY2(result, qPrintable(error.message));
        QVERIFY(!error.isError());
        QVERIFY2(result->secret == QStringLiteral("whsec_s3cret..."),
                 "the signing secret was not read from signingSecret");
        const Endpoint &endpoint = result->endpoint;
        QCOMPARE(endpoint.id, QStringLiteral("d4c71b62-7f08-4dc9-9d2c-8f7e2b9c4411"));
        QCOMPARE(endpoint.url, QStringLiteral("https://your-app.example.com/layers/webhooks"));
        QCOMPARE(endpoint.label, QStringLiteral("prod reconciler"));
        QCOMPARE(endpoint.status, EndpointStatus::Active);
        QCOMPARE(endpoint.events, (QStringList{QStringLiteral("job.completed"), QStringLiteral("job.failed"),
                                               QStringLiteral("content.approved")}));
        QCOMPARE(endpoint.projectId, QString()); // null in the example: an org-wide endpoint
        QCOMPARE(endpoint.createdAt, utc(2026, 4, 20, 18, 28));
        QCOMPARE(endpoint.updatedAt, utc(2026, 4, 20, 18, 28));
        QVERIFY(!endpoint.lastSuccessAt.isValid());
        QVERIFY(!endpoint.lastFailureAt.isValid());
        QCOMPARE(endpoint.consecutiveFailures, std::optional<int>(0));
        QCOMPARE(endpoint.secretVersion, std::nullopt);
        QCOMPARE(endpoint.timeoutMs, std::nullopt);
        // raw is the endpoint object, with the fields the model has no column for.
        QCOMPARE(endpoint.raw.value(QStringLiteral("organizationId")).toString(),
                 QStringLiteral("2481fa5c-a404-44ed-a561-565392499abc"));
        QCOMPARE(endpoint.raw.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("v1"));
        QVERIFY(!endpoint.raw.contains(QStringLiteral("signingSecret")));
    }

    void layersCreateRequest() {
        const ProviderDialect dialect = dialectFor(QStringLiteral("layers"));
        QCOMPARE(dialect.createBody(layersDocDraft()), readExampleObject(QStringLiteral("layers-create-request.json")));
    }

    void layersUpdateRequest() {
        EndpointPatch patch;
        patch.events = QStringList{QStringLiteral("job.completed"), QStringLiteral("content.approved"),
                                   QStringLiteral("post.published")};
        const ProviderDialect dialect = dialectFor(QStringLiteral("layers"));
        QCOMPARE(dialect.updateBody(patch), readExampleObject(QStringLiteral("layers-update-request.json")));
        QVERIFY(DraftValidator(dialect.profile(), Environment::Production).validate(patch).isEmpty());
    }

    void encrataCreateResponse() {
        ApiError error;
        const auto result =
            dialectFor(QStringLiteral("encrata"))
                .parseCreateResponse(readExample(QStringLiteral("encrata-create-response.json")), &error);
        QVERIFY2(result, qPrintable(error.message));
        QVERIFY2(result->secret ==
                     QStringLiteral("whsec_6cce5d5445b12e649ce9e715a2ef4addc9117d6bf3013a0f388997ed20711b1c"),
                 "the signing secret was not read from secret");
        const Endpoint &endpoint = result->endpoint;
        QCOMPARE(endpoint.id, QStringLiteral("360cb300-d885-4c18-af2c-d259f936bb38"));
        QCOMPARE(endpoint.url, QStringLiteral("https://example.com/webhook"));
        QCOMPARE(endpoint.label, QStringLiteral("Production webhook"));
        QCOMPARE(endpoint.status, EndpointStatus::Active); // is_active: true
        QCOMPARE(endpoint.events, (QStringList{QStringLiteral("lookup.completed"), QStringLiteral("apikey.created")}));
        QCOMPARE(endpoint.createdAt, utc(2026, 5, 2, 12, 0));
        QCOMPARE(endpoint.updatedAt, utc(2026, 5, 2, 12, 0));
        QCOMPARE(endpoint.consecutiveFailures, std::nullopt); // Encrata reports no health
        QCOMPARE(endpoint.raw.value(QStringLiteral("workspace_id")).toString(),
                 QStringLiteral("51cdc9d9-203c-4345-b06d-222b560460aa"));
        // The flat response carries the secret beside the endpoint; raw is shown to operators.
        QVERIFY(!endpoint.raw.contains(QStringLiteral("secret")));
    }

    void encrataCreateRequest() {
        QCOMPARE(dialectFor(QStringLiteral("encrata")).createBody(encrataDocDraft()),
                 readExampleObject(QStringLiteral("encrata-create-request.json")));
    }

    void signaCreateResponse() {
        ApiError error;
        const auto result = dialectFor(QStringLiteral("signa"))
                                .parseCreateResponse(readExample(QStringLiteral("signa-create-response.json")), &error);
        QVERIFY2(result, qPrintable(error.message));
        QVERIFY2(result->secret == QStringLiteral("whsec_signa_5f2b8c1e9d7a4b3c6e0f1a2b3c4d5e6f"),
                 "the signing secret was not read from secret");
        const Endpoint &endpoint = result->endpoint;
        QCOMPARE(endpoint.id, QStringLiteral("whk_3Xb9QpLm2VtR8sKd"));
        QCOMPARE(endpoint.url, QStringLiteral("https://acme.example.com/signa-webhook"));
        QCOMPARE(endpoint.label, QStringLiteral("prod alerts"));
        QCOMPARE(endpoint.status, EndpointStatus::Active);
        QCOMPARE(endpoint.events, QStringList{QStringLiteral("alert.created")});
        QCOMPARE(endpoint.secretVersion, std::optional<int>(1));
        QCOMPARE(endpoint.consecutiveFailures, std::optional<int>(0));
        QVERIFY(!endpoint.lastSuccessAt.isValid());
        QVERIFY(!endpoint.lastFailureAt.isValid());
        QVERIFY(endpoint.metadata.isEmpty());
        QCOMPARE(endpoint.createdAt, utc(2026, 6, 12, 9, 15, 30));
        QCOMPARE(endpoint.raw.value(QStringLiteral("object")).toString(), QStringLiteral("webhook_endpoint"));
        QVERIFY(!endpoint.raw.contains(QStringLiteral("secret")));
        QVERIFY(dialectFor(QStringLiteral("signa")).profile().idPattern().match(endpoint.id).hasMatch());
    }

    void signaCreateRequest() {
        QCOMPARE(dialectFor(QStringLiteral("signa")).createBody(signaDocDraft()),
                 readExampleObject(QStringLiteral("signa-create-request.json")));
    }

    void polyaiCreateResponse() {
        ApiError error;
        const auto result =
            dialectFor(QStringLiteral("polyai"))
                .parseCreateResponse(readExample(QStringLiteral("polyai-create-response.json")), &error);
        QVERIFY2(result, qPrintable(error.message));
        QVERIFY2(result->secret == QStringLiteral("whsec_polyai_0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
                 "the signing secret was not read from signing_secret");
        const Endpoint &endpoint = result->endpoint;
        QCOMPARE(endpoint.id, QStringLiteral("whe_9ZtRcXw3nByK5pVqMaEfJs"));
        QCOMPARE(endpoint.label, QStringLiteral("Production alerts"));
        QCOMPARE(endpoint.url, QStringLiteral("https://example.com/webhooks/polyai"));
        QCOMPARE(endpoint.status, EndpointStatus::Active); // enabled: true
        QCOMPARE(endpoint.events, QStringList{QStringLiteral("alerts.triggered")});
        QCOMPARE(endpoint.headers, (StringMap{{QStringLiteral("X-Custom-Header"), QStringLiteral("my-value")}}));
        QCOMPARE(endpoint.timeoutMs, std::optional<int>(5000));
        QCOMPARE(endpoint.createdAt, utc(2026, 3, 1, 10, 0));
        QCOMPARE(endpoint.updatedAt, utc(2026, 3, 1, 10, 0));
        QVERIFY(!endpoint.raw.contains(QStringLiteral("signing_secret")));
    }

    void polyaiCreateRequest() {
        QCOMPARE(dialectFor(QStringLiteral("polyai")).createBody(polyaiDocDraft()),
                 readExampleObject(QStringLiteral("polyai-create-request.json")));
    }

    // The documented requests are valid requests: the validator must not reject them.
    void documentedDraftsAreValid_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<EndpointDraft>("draft");
        QTest::newRow("layers") << QStringLiteral("layers") << layersDocDraft();
        QTest::newRow("encrata") << QStringLiteral("encrata") << encrataDocDraft();
        QTest::newRow("signa") << QStringLiteral("signa") << signaDocDraft();
        QTest::newRow("polyai") << QStringLiteral("polyai") << polyaiDocDraft();
    }

    void documentedDraftsAreValid() {
        QFETCH(QString, provider);
        QFETCH(EndpointDraft, draft);
        const ValidationIssues issues =
            DraftValidator(*ProviderRegistry().profile(provider), Environment::Production).validate(draft);
        QVERIFY2(issues.isEmpty(), qPrintable(issues.value(0).field + QStringLiteral(": ") + issues.value(0).message));
    }

    // A documented response read back into a draft and sent again gives the documented request:
    // the create body and the parse agree on every key.
    void responseRoundTripsToRequest_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("response");
        QTest::addColumn<QString>("request");
        for (const QString &provider :
             {QStringLiteral("layers"), QStringLiteral("encrata"), QStringLiteral("signa"), QStringLiteral("polyai")})
            QTest::newRow(qPrintable(provider))
                << provider << QString(provider + QStringLiteral("-create-response.json"))
                << QString(provider + QStringLiteral("-create-request.json"));
    }

    void responseRoundTripsToRequest() {
        QFETCH(QString, provider);
        QFETCH(QString, response);
        QFETCH(QString, request);
        const ProviderDialect dialect = dialectFor(provider);
        ApiError error;
        const auto created = dialect.parseCreateResponse(readExample(response), &error);
        QVERIFY2(created, qPrintable(error.message));
        EndpointDraft draft = EndpointDraft::fromEndpoint(created->endpoint);
        // Only PolyAI's documented request states the status; the others create active anyway.
        if (!readExampleObject(request).contains(dialect.profile().statusField()))
            draft.enabled.reset();
        QCOMPARE(dialect.createBody(draft), readExampleObject(request));
    }
};

QTEST_GUILESS_MAIN(TestApiDocExamples)
#include "tst_ApiDocExamples.moc"
