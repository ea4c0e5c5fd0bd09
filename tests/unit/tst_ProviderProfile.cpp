#include "ProviderRegistry.h"

#include <QJsonDocument>
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
