#include "ProviderRegistry.h"
#include "SandboxProvider.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

class TestProviderProfile : public QObject {
    Q_OBJECT

private slots:
    void builtInProfilesLoad() {
        ProviderRegistry registry;
        QVERIFY2(registry.problems().isEmpty(), qPrintable(registry.problems().value(0).file + QStringLiteral(": ") +
                                                           registry.problems().value(0).reason));
        QCOMPARE(registry.ids(), (QStringList{QStringLiteral("encrata"), QStringLiteral("layers"),
                                              QStringLiteral("polyai"), QStringLiteral("signa")}));
    }

    void layersFacts() {
        const auto layers = ProviderRegistry().profile(QStringLiteral("layers"));
        QVERIFY(layers);
        QCOMPARE(layers->defaultBaseUrl(), QStringLiteral("https://api.layers.com"));
        QCOMPARE(layers->itemPath(QStringLiteral("abc")), QStringLiteral("/v1/webhook-endpoints/abc"));
        QCOMPARE(layers->rotateSecretPath(QStringLiteral("abc")),
                 QStringLiteral("/v1/webhook-endpoints/abc/rotate-secret"));
        QCOMPARE(layers->authScheme(QString()).header, QStringLiteral("X-Api-Key"));
        QCOMPARE(layers->authScheme(QStringLiteral("bearer")).prefix, QStringLiteral("Bearer "));
        QVERIFY(layers->sendsIdempotencyKey(QStringLiteral("create")));
        QCOMPARE(layers->idempotencyWindowHours(), 24);
        QCOMPARE(layers->wireField(QStringLiteral("consecutiveFailures")), QStringLiteral("consecutiveFailureCount"));
        QCOMPARE(layers->eventsMax(), 50);
        QVERIFY(layers->catalogIsOpen());
    }

    void otherProvidersFacts() {
        ProviderRegistry registry;
        const auto encrata = registry.profile(QStringLiteral("encrata"));
        QVERIFY(encrata && !encrata->canRotateSecret() && !encrata->canSendTest());
        QVERIFY(!encrata->sendsIdempotencyKey(QStringLiteral("create")));
        QCOMPARE(encrata->statusType(), ProviderProfile::StatusType::Boolean);
        const auto signa = registry.profile(QStringLiteral("signa"));
        QVERIFY(signa);
        QCOMPARE(signa->wireField(QStringLiteral("events")), QStringLiteral("enabled_events"));
        QCOMPARE(signa->pagination(), ProviderProfile::Pagination::StartingAfter);
        QVERIFY(!signa->catalogEvent(QStringLiteral("webhook.test"))->subscribable);
        const auto polyai = registry.profile(QStringLiteral("polyai"));
        QVERIFY(polyai && polyai->labelRequired());
        QCOMPARE(polyai->regions().size(), 3);
        QCOMPARE(polyai->timeoutMsMax(), 30000);
        QVERIFY(polyai->idPattern().match(QStringLiteral("whe_9ZtRcXw3nByK5pVqMaEfJs")).hasMatch());
    }

    // Issue 9.4: each profile states the form of its signing secrets; Import checks against it.
    void everyProfileStatesTheFormOfItsSecrets() {
        QRandomGenerator random(7);
        for (const ProviderProfile &profile : ProviderRegistry().profiles()) {
            const SecretFormat format = profile.secretFormat();
            QVERIFY2(format.isStated(), qPrintable(profile.id()));
            // What the sandbox hands out fits every provider's form.
            const QString generated = SandboxProvider::newSecret(random);
            QVERIFY2(format.problem(generated).isEmpty(),
                     qPrintable(profile.id() + QLatin1Char(' ') + format.problem(generated)));
            QVERIFY(format.problem(QStringLiteral("oops")).contains(format.prefix()));
            QVERIFY(!format.problem(format.prefix() + QStringLiteral("abc")).isEmpty()); // truncated
            QVERIFY(!format.problem(format.prefix() + QString(40, QLatin1Char('a')) + QStringLiteral("!@")).isEmpty());
        }
    }

    // The documentation's example secrets fit; Layers shows only a truncated "whsec_s3cret...".
    void documentedExampleSecretsFit_data() {
        QTest::addColumn<QString>("provider");
        QTest::newRow("encrata") << "encrata";
        QTest::newRow("signa") << "signa";
        QTest::newRow("polyai") << "polyai";
    }

    void documentedExampleSecretsFit() {
        QFETCH(QString, provider);
        const ProviderProfile profile = ProviderRegistry().profile(provider).value();
        QFile file(QStringLiteral(WC_TEST_DATA_DIR "/api-docs/%1-create-response.json").arg(provider));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString secret =
            QJsonDocument::fromJson(file.readAll()).object().value(profile.createResponse().secretKey).toString();
        QVERIFY(!secret.isEmpty());
        QVERIFY2(profile.secretFormat().problem(secret).isEmpty(), qPrintable(profile.secretFormat().problem(secret)));
    }

    void aMalformedSecretFormatIsReported() {
        QString error;
        QVERIFY(!SecretFormat::fromJson(QJsonObject{{QStringLiteral("prefix"), QStringLiteral("x_")},
                                                    {QStringLiteral("alphabet"), QStringLiteral("a-f")},
                                                    {QStringLiteral("minLength"), 10},
                                                    {QStringLiteral("maxLength"), 5}},
                                        &error));
        QVERIFY(error.contains(QStringLiteral("maxLength")));
        QVERIFY(SecretFormat::fromJson(QJsonObject(), &error)->problem(QStringLiteral("anything")).isEmpty());
    }

    // Issue 11: each profile states how its deliveries are signed; the pages say only "HMAC-SHA256
    // signing secret", so every section is marked assumed.
    void everyProfileStatesHowItSigns() {
        for (const ProviderProfile &profile : ProviderRegistry().profiles()) {
            const SignatureScheme scheme = profile.signatureScheme();
            QVERIFY2(scheme.isStated(), qPrintable(profile.id()));
            QVERIFY2(scheme.isAssumed(), qPrintable(profile.id()));
            QVERIFY2(scheme.signedContent().contains(QLatin1String("{body}")), qPrintable(profile.id()));
        }
        const SignatureScheme layers = ProviderRegistry().profile(QStringLiteral("layers"))->signatureScheme();
        QCOMPARE(layers.kind(), SignatureScheme::Kind::StandardWebhooks);
        QCOMPARE(layers.headerNames(), (QStringList{QStringLiteral("webhook-id"), QStringLiteral("webhook-timestamp"),
                                                    QStringLiteral("webhook-signature")}));
        QCOMPARE(layers.keyDerivation(), SignatureScheme::KeyDerivation::Base64AfterPrefix);
        QCOMPARE(layers.keyPrefix(), QStringLiteral("whsec_"));
        QCOMPARE(layers.toleranceSeconds(), 300);
        QVERIFY(layers.allowsSeveralSignatures());
        const SignatureScheme signa = ProviderRegistry().profile(QStringLiteral("signa"))->signatureScheme();
        QCOMPARE(signa.kind(), SignatureScheme::Kind::Stripe);
        QCOMPARE(signa.signedContent(), QStringLiteral("{timestamp}.{body}"));
        QCOMPARE(signa.encoding(), SignatureScheme::Encoding::Hex);
        QCOMPARE(signa.keyDerivation(), SignatureScheme::KeyDerivation::Raw);
        QCOMPARE(ProviderRegistry().profile(QStringLiteral("polyai"))->signatureScheme().keyDerivation(),
                 SignatureScheme::KeyDerivation::Raw);
    }

    void aMalformedSignatureSectionIsRefusedWithItsKeyPath_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("not an object") << QString() << QJsonValue(5) << R"("signature": expected an object)";
        QTest::newRow("scheme")
            << "scheme" << QJsonValue("hmac")
            << R"("signature.scheme": expected standard-webhooks, stripe, github, shopify or slack)";
        QTest::newRow("headers") << "headers" << QJsonValue("webhook-signature")
                                 << R"("signature.headers": expected an object)";
        QTest::newRow("signature header") << "headers" << QJsonValue(QJsonObject{{"id", "webhook-id"}})
                                          << R"("signature.headers.signature": expected a non-empty string)";
        QTest::newRow("unknown placeholder")
            << "signedContent" << QJsonValue("{id}.{nonce}.{body}")
            << R"("signature.signedContent": expected a template with {body} once and no placeholders but {id} and {timestamp})";
        QTest::newRow("no body")
            << "signedContent" << QJsonValue("{id}.{timestamp}")
            << R"("signature.signedContent": expected a template with {body} once and no placeholders but {id} and {timestamp})";
        QTest::newRow("algorithm") << "algorithm" << QJsonValue("HMAC-SHA1")
                                   << R"("signature.algorithm": only HMAC-SHA256 is understood)";
        QTest::newRow("encoding") << "encoding" << QJsonValue("base32")
                                  << R"("signature.encoding": expected base64 or hex)";
        QTest::newRow("key") << "key" << QJsonValue("decoded")
                             << R"("signature.key": expected base64-after-prefix or raw)";
        QTest::newRow("tolerance") << "toleranceSeconds" << QJsonValue(-1)
                                   << R"("signature.toleranceSeconds": expected a whole number of seconds, 0 for none)";
        QTest::newRow("several") << "multipleSignatures" << QJsonValue("yes")
                                 << R"("signature.multipleSignatures": expected true or false)";
    }

    void aMalformedSignatureSectionIsRefusedWithItsKeyPath() {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        QFile source(QStringLiteral(":/providers/layers.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(source.readAll()).object();
        QJsonObject signature = json.value(QStringLiteral("signature")).toObject();
        QVERIFY(!signature.isEmpty());
        if (key.isEmpty()) {
            json.insert(QStringLiteral("signature"), value);
        } else {
            signature.insert(key, value);
            json.insert(QStringLiteral("signature"), signature);
        }
        QString reported;
        QVERIFY(!ProviderProfile::fromJson(json, &reported));
        QCOMPARE(reported, error);
    }

    void aProfileWithoutASignatureSectionStatesNone() {
        QFile source(QStringLiteral(":/providers/encrata.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(source.readAll()).object();
        json.remove(QStringLiteral("signature"));
        QString error;
        const auto profile = ProviderProfile::fromJson(json, &error);
        QVERIFY2(profile, qPrintable(error));
        QVERIFY(!profile->signatureScheme().isStated());
    }

    // Where a delivery body carries its event type is profile data; no provider's pages show a
    // body, so every built-in one says the top-level "type", assumed.
    void everyProfileSaysWhereABodyCarriesItsEventType() {
        for (const ProviderProfile &profile : ProviderRegistry().profiles()) {
            QCOMPARE(profile.deliveryFormat().eventTypePath(), QStringLiteral("type"));
            QVERIFY2(profile.deliveryFormat().isAssumed(), qPrintable(profile.id()));
        }
    }

    void aNestedEventTypePathIsReadFromTheBody() {
        QFile source(QStringLiteral(":/providers/layers.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(source.readAll()).object();
        json.insert(QStringLiteral("delivery"),
                    QJsonObject{{QStringLiteral("eventType"), QStringLiteral("event.type")}});
        QString error;
        const auto profile = ProviderProfile::fromJson(json, &error);
        QVERIFY2(profile, qPrintable(error));
        const DeliveryFormat format = profile->deliveryFormat();
        QCOMPARE(format.eventTypePath(), QStringLiteral("event.type"));
        QVERIFY(!format.isAssumed());
        QCOMPARE(format.eventTypeOf(R"({"type":"outer","event":{"type":"job.completed","id":"e1"}})"),
                 QStringLiteral("job.completed"));
        QCOMPARE(format.eventTypeOf(R"({"type":"job.completed"})"), QString()); // not where the profile says
        QCOMPARE(format.eventTypeOf(R"({"event":"job.completed"})"), QString());
        QCOMPARE(format.eventTypeOf(R"({"event":{"type":7}})"), QString());
        QCOMPARE(format.eventTypeOf("not json"), QString());
        // The sandbox writes it there too, beside what the event already holds.
        const QJsonObject written =
            format.withEventType({{QStringLiteral("event"), QJsonObject{{QStringLiteral("id"), QStringLiteral("e1")}}}},
                                 QStringLiteral("job.failed"));
        QCOMPARE(format.eventTypeOf(QJsonDocument(written).toJson()), QStringLiteral("job.failed"));
        QCOMPARE(written.value(QStringLiteral("event")).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("e1"));
        // Without the section: the top-level type.
        json.remove(QStringLiteral("delivery"));
        QCOMPARE(ProviderProfile::fromJson(json, &error)->deliveryFormat().eventTypeOf(R"({"type":"a.b"})"),
                 QStringLiteral("a.b"));
    }

    void aMalformedDeliverySectionIsRefusedWithItsKeyPath_data() {
        QTest::addColumn<QJsonValue>("delivery");
        QTest::addColumn<QString>("error");
        const QString path = QStringLiteral(
            R"("delivery.eventType": expected a dotted path of object keys, such as type or event.type)");
        QTest::newRow("not an object") << QJsonValue(5) << R"("delivery": expected an object)";
        QTest::newRow("no path") << QJsonValue(QJsonObject{{"assumed", true}}) << path;
        QTest::newRow("empty path") << QJsonValue(QJsonObject{{"eventType", ""}}) << path;
        QTest::newRow("empty segment") << QJsonValue(QJsonObject{{"eventType", "event..type"}}) << path;
        QTest::newRow("not a string") << QJsonValue(QJsonObject{{"eventType", 1}}) << path;
        QTest::newRow("assumed") << QJsonValue(QJsonObject{{"eventType", "type"}, {"assumed", "yes"}})
                                 << R"("delivery.assumed": expected true or false)";
    }

    void aMalformedDeliverySectionIsRefusedWithItsKeyPath() {
        QFETCH(QJsonValue, delivery);
        QFETCH(QString, error);
        QFile source(QStringLiteral(":/providers/signa.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(source.readAll()).object();
        json.insert(QStringLiteral("delivery"), delivery);
        QString reported;
        QVERIFY(!ProviderProfile::fromJson(json, &reported));
        QCOMPARE(reported, error);
    }

    void malformedUserProfileIsReportedAndSkipped() {
        QTemporaryDir dir;
        QFile broken(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ \"schemaVersion\": 1, \"id\": ");
        broken.close();
        QFile wrongType(dir.filePath(QStringLiteral("wrongtype.json")));
        QVERIFY(wrongType.open(QIODevice::WriteOnly));
        wrongType.write(R"({"schemaVersion": 1, "id": "acme", "name": 7})");
        wrongType.close();

        ProviderRegistry registry(dir.path());
        QCOMPARE(registry.profiles().size(), 4);
        QCOMPARE(registry.problems().size(), 2);
        QVERIFY(registry.problems().at(0).file.endsWith(QStringLiteral("broken.json")));
        QVERIFY2(registry.problems().at(0).reason.contains(QStringLiteral("not valid JSON")),
                 qPrintable(registry.problems().at(0).reason));
        QVERIFY2(registry.problems().at(1).reason.contains(QStringLiteral("\"name\"")),
                 qPrintable(registry.problems().at(1).reason));
    }

    void userProfileOverridesBuiltIn() {
        QFile source(QStringLiteral(":/providers/encrata.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(source.readAll()).object();
        json.insert(QStringLiteral("name"), QStringLiteral("Encrata (corrected)"));
        QTemporaryDir dir;
        QFile user(dir.filePath(QStringLiteral("encrata.json")));
        QVERIFY(user.open(QIODevice::WriteOnly));
        user.write(QJsonDocument(json).toJson());
        user.close();

        ProviderRegistry registry(dir.path());
        QCOMPARE(registry.profiles().size(), 4);
        QCOMPARE(registry.profile(QStringLiteral("encrata"))->name(), QStringLiteral("Encrata (corrected)"));
    }
};

QTEST_GUILESS_MAIN(TestProviderProfile)
#include "tst_ProviderProfile.moc"
