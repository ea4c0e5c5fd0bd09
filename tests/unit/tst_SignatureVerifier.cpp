#include "SignatureVerifier.h"

#include <QTest>

// Every signature below is a published test vector from the scheme's own repository or
// documentation, cited next to it; none is made by this project's code. The negative cases
// rearrange those same vectors (a secret moved to "previous", a body re-laid out, a header
// renamed) so that each diagnosis is reached by a signature someone else computed.

using Diagnosis = SignatureVerdict::Diagnosis;
using Kind = SignatureScheme::Kind;
using Headers = QList<QPair<QByteArray, QByteArray>>;

Q_DECLARE_METATYPE(Delivery)

namespace {

// standard-webhooks/standard-webhooks, libraries/go/webhook_test.go, TestWebhookSign
// (commit 449485caf9c0303530c19524fbe4096680aafcf1).
const QString swSecret = QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
const QByteArray swId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const qint64 swTimestamp = 1614265330;
const QByteArray swBody = R"({"test": 2432232314})";
const QByteArray swSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
// The same file's TestWebhook "valid multi sig is valid": decoys around the valid signature.
const QByteArray swDecoy = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
const QByteArray swDecoyV2 = "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";

// stripe/stripe-dotnet, src/StripeTests/Services/Events/EventUtilityTest.cs (commit
// d33036292e0fba185de235ce26836eebba9f91fd): timestamp, secret and header; the body is
// src/StripeTests/Resources/event_test_signature.json (commit 946a38088f3546e0e50437c72f2898e398cb40ef)
// with LF line endings, as the test reads it. stripe-python's and stripe-node's webhook tests
// only sign with the SDK's own code, so this is the fixed Stripe vector.
const QString stripeSecret = QStringLiteral("webhook_secret");
const qint64 stripeTimestamp = 1533204620;
const QByteArray stripeHeader = "t=1533204620,v1=2220f87ef101a04665f11cdf770523143f875572008577fa0f20882ddb9cc3c7,"
                                "v0=63f3a72374a733066c4be69ed7f8e5ac85c22c9f0a6a612ab9a025a9e4ee7eef";
const QByteArray stripeBody = "{\n"
                              "  \"id\": \"evt_123\",\n"
                              "  \"object\": \"event\",\n"
                              "  \"account\": \"acct_123\",\n"
                              "  \"api_version\": \"2017-05-25\",\n"
                              "  \"created\": 1533204620,\n"
                              "  \"data\": {\n"
                              "    \"object\": {\n"
                              "      \"id\": \"cus_123\",\n"
                              "      \"object\": \"customer\",\n"
                              "      \"created\": 123456789,\n"
                              "      \"email\": \"test@stripe.com\",\n"
                              "      \"livemode\": false,\n"
                              "      \"metadata\": {}\n"
                              "    }\n"
                              "  },\n"
                              "  \"livemode\": false,\n"
                              "  \"pending_webhooks\": 1,\n"
                              "  \"request\": {\n"
                              "    \"id\": \"req_123\",\n"
                              "    \"idempotency_key\": \"idempotency-key-123\"\n"
                              "  },\n"
                              "  \"type\": \"customer.created\"\n"
                              "}\n";

// github/docs, content/webhooks/using-webhooks/validating-webhook-deliveries.md, "Testing the
// webhook payload validation" (commit 0c4564acdc9f8af1ae60f88e629476bbe88fc4e5).
const QString githubSecret = QStringLiteral("It's a Secret to Everybody");
const QByteArray githubBody = "Hello, World!";
const QByteArray githubSignature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

// slackapi/python-slack-sdk, tests/slack_sdk/signature/test_signature_verifier.py (commit
// 0756c47d234ec540b9106150d51ba3adb2c88b25), the example of Slack's "Verifying requests" page.
const QString slackSecret = QStringLiteral("8f742231b10e8888abcd99yyyzzz85a5");
const qint64 slackTimestamp = 1531420618;
const QByteArray slackBody =
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name="
    "foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%"
    "2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015."
    "47445629121.803a0bc887a14d10d2c447fce8b6703c";
const QByteArray slackSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

// Shopify/shopify-api-php, tests/Webhooks/RegistryTest.php (commit
// 3c41a5e1b3f92c840eab3085c44009493cc6dffc): processHeaders' X-Shopify-Hmac-Sha256 for the body
// json_encode(['foo' => 'bar']), under tests/BaseTestCase.php's TEST_API_SECRET.
const QString shopifySecret = QStringLiteral("7008c5f4da4718b9b45d26d3fcbbb157");
const QByteArray shopifyBody = R"({"foo":"bar"})";
const QByteArray shopifyHmac = "+R9TwYM4mbLTk3hEAOBkpA7zW2lc9vNFmVKs2u2jtyY=";
// Shopify/shopify-app-js, packages/apps/shopify-api/lib/webhooks/__tests__/validate.test.ts
// (commit ef2043d4a8c4ca0adb9020d76090b2fb94979dab), "returns true for valid request": the hmac
// for rawBody '{"foo": "bar"}' under lib/__tests__/test-config.ts's apiSecretKey.
const QString shopifyJsSecret = QStringLiteral("test_secret_key");
const QByteArray shopifyJsBody = R"({"foo": "bar"})";
const QByteArray shopifyJsHmac = "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=";
// Shopify/shopify_app, test/shopify_app/controller_concerns/webhook_verification_test.rb (commit
// e44a2919a185a7f457f1dd6e46f83f8d9c295e9d): a rotation, config.secret "secret" and old_secret
// "old_secret", each with its valid hmac for the posted params { foo: "anything" }, a form body.
const QString shopifyAppSecret = QStringLiteral("secret");
const QString shopifyAppOldSecret = QStringLiteral("old_secret");
const QByteArray shopifyAppBody = "foo=anything";
const QByteArray shopifyAppHmac = "yCGX/RrK4fcuNtr3ztk5tQGsOBjcAzHpGLdMUrbV8yI=";
const QByteArray shopifyAppOldHmac = "XqRcjrSv57VACn6apEO9znyu/wkN1VC7QxdSPwK3Hzs=";

QDateTime at(qint64 unixSeconds) {
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC);
}

Delivery standardWebhooksDelivery(const QByteArray &signature, const QByteArray &body, qint64 receivedAt) {
    return Delivery(Headers{{"webhook-id", swId},
                            {"webhook-timestamp", QByteArray::number(swTimestamp)},
                            {"webhook-signature", signature}},
                    body, at(receivedAt));
}

Delivery stripeDelivery(const QByteArray &body, qint64 receivedAt) {
    return Delivery(Headers{{"Stripe-Signature", stripeHeader}}, body, at(receivedAt));
}

Delivery githubDelivery() {
    return Delivery(Headers{{"X-Hub-Signature-256", githubSignature}}, githubBody, at(1700000000));
}

Delivery slackDelivery(const QByteArray &body) {
    return Delivery(Headers{{"X-Slack-Request-Timestamp", QByteArray::number(slackTimestamp)},
                            {"X-Slack-Signature", slackSignature}},
                    body, at(slackTimestamp));
}

Delivery shopifyDelivery(const QByteArray &hmac, const QByteArray &body) {
    return Delivery(Headers{{"X-Shopify-Hmac-Sha256", hmac}}, body, at(1700000000));
}

SignatureVerdict verify(Kind kind, const Delivery &delivery, const QString &current) {
    return SignatureVerifier(SignatureScheme::standard(kind)).verify(delivery, {current, std::nullopt, {}});
}

} // namespace

class TestSignatureVerifier : public QObject {
    Q_OBJECT

private slots:
    void officialVectorsVerify_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<Delivery>("delivery");
        QTest::addColumn<QString>("secret");
        QTest::newRow("standard-webhooks")
            << int(Kind::StandardWebhooks) << standardWebhooksDelivery(swSignature, swBody, swTimestamp) << swSecret;
        QTest::newRow("stripe, 100 s later")
            << int(Kind::Stripe) << stripeDelivery(stripeBody, stripeTimestamp + 100) << stripeSecret;
        QTest::newRow("github") << int(Kind::GitHub) << githubDelivery() << githubSecret;
        QTest::newRow("shopify (shopify-api-php)")
            << int(Kind::Shopify) << shopifyDelivery(shopifyHmac, shopifyBody) << shopifySecret;
        QTest::newRow("shopify (shopify-app-js)")
            << int(Kind::Shopify) << shopifyDelivery(shopifyJsHmac, shopifyJsBody) << shopifyJsSecret;
        QTest::newRow("shopify (shopify_app)")
            << int(Kind::Shopify) << shopifyDelivery(shopifyAppHmac, shopifyAppBody) << shopifyAppSecret;
        QTest::newRow("slack") << int(Kind::Slack) << slackDelivery(slackBody) << slackSecret;
    }

    void officialVectorsVerify() {
        QFETCH(int, kind);
        QFETCH(Delivery, delivery);
        QFETCH(QString, secret);
        const SignatureVerdict verdict = verify(Kind(kind), delivery, secret);
        QCOMPARE(verdict.keyword(), QStringLiteral("ok"));
        QVERIFY(verdict.isValid());
        QCOMPARE(verdict.message(), QStringLiteral("Valid: signed with this endpoint's current secret."));
    }

    // The headers the same vectors carry, as signedHeaders writes them.
    void signedHeadersMatchTheOfficialVectors() {
        const auto sw = SignatureVerifier(SignatureScheme::standard(Kind::StandardWebhooks))
                            .signedHeaders(swBody, swSecret, QString::fromLatin1(swId), swTimestamp);
        QVERIFY(sw);
        QCOMPARE(*sw, (QList<QPair<QString, QString>>{{"webhook-id", QString::fromLatin1(swId)},
                                                      {"webhook-timestamp", "1614265330"},
                                                      {"webhook-signature", QString::fromLatin1(swSignature)}}));
        const auto github =
            SignatureVerifier(SignatureScheme::standard(Kind::GitHub)).signedHeaders(githubBody, githubSecret, {}, 0);
        QCOMPARE(*github,
                 (QList<QPair<QString, QString>>{{"X-Hub-Signature-256", QString::fromLatin1(githubSignature)}}));
        const auto slack = SignatureVerifier(SignatureScheme::standard(Kind::Slack))
                               .signedHeaders(slackBody, slackSecret, {}, slackTimestamp);
        QCOMPARE(*slack, (QList<QPair<QString, QString>>{{"X-Slack-Request-Timestamp", "1531420618"},
                                                         {"X-Slack-Signature", QString::fromLatin1(slackSignature)}}));
        const auto stripe = SignatureVerifier(SignatureScheme::standard(Kind::Stripe))
                                .signedHeaders(stripeBody, stripeSecret, {}, stripeTimestamp);
        QCOMPARE(*stripe,
                 (QList<QPair<QString, QString>>{
                     {"Stripe-Signature", QString::fromLatin1(stripeHeader.left(stripeHeader.indexOf(",v0=")))}}));
        const auto shopify = SignatureVerifier(SignatureScheme::standard(Kind::Shopify))
                                 .signedHeaders(shopifyBody, shopifySecret, {}, 0);
        QCOMPARE(*shopify,
                 (QList<QPair<QString, QString>>{{"X-Shopify-Hmac-Sha256", QString::fromLatin1(shopifyHmac)}}));
        // A secret that is not base64 after whsec_ makes no key under base64-after-prefix.
        QVERIFY(!SignatureVerifier(SignatureScheme::standard(Kind::StandardWebhooks))
                     .signedHeaders(swBody, QStringLiteral("whsec_not base64!"), QStringLiteral("msg_1"), 1));
    }

    void headerNamesAreCaseInsensitive() {
        const Delivery delivery(Headers{{"Webhook-Id", swId},
                                        {"WEBHOOK-TIMESTAMP", QByteArray::number(swTimestamp)},
                                        {"Webhook-Signature", swSignature}},
                                swBody, at(swTimestamp));
        QCOMPARE(verify(Kind::StandardWebhooks, delivery, swSecret).keyword(), QStringLiteral("ok"));
        const Delivery github(Headers{{"x-hub-signature-256", githubSignature}}, githubBody, at(0));
        QCOMPARE(verify(Kind::GitHub, github, githubSecret).keyword(), QStringLiteral("ok"));
    }

    void okNamesWhichOfSeveralSignaturesMatched() {
        const QByteArray header = swDecoy + ' ' + swDecoyV2 + ' ' + swSignature + ' ' + swDecoy;
        const SignatureVerdict verdict =
            verify(Kind::StandardWebhooks, standardWebhooksDelivery(header, swBody, swTimestamp), swSecret);
        QCOMPARE(verdict.diagnosis(), Diagnosis::Ok);
        // The v2 entry is not an HMAC signature, so three are counted.
        QCOMPARE(verdict.message(), QStringLiteral("Valid: signature 2 of 3 matches this endpoint's current secret."));
        // Stripe's header carries a v0 entry besides v1; only v1 counts.
        QCOMPARE(verify(Kind::Stripe, stripeDelivery(stripeBody, stripeTimestamp), stripeSecret).message(),
                 QStringLiteral("Valid: signed with this endpoint's current secret."));
    }

    void noSignature_data() {
        QTest::addColumn<Delivery>("delivery");
        QTest::addColumn<QString>("message");
        QTest::newRow("no headers") << Delivery(Headers{}, swBody, at(swTimestamp))
                                    << "No signature to check: webhook-signature is missing; the standard-webhooks "
                                       "scheme expects the headers webhook-id, webhook-timestamp, webhook-signature.";
        QTest::newRow("no id") << Delivery(Headers{{"webhook-timestamp", QByteArray::number(swTimestamp)},
                                                   {"webhook-signature", swSignature}},
                                           swBody, at(swTimestamp))
                               << "No signature to check: webhook-id is missing; the standard-webhooks scheme "
                                  "expects the headers webhook-id, webhook-timestamp, webhook-signature.";
        QTest::newRow("timestamp not a number")
            << Delivery(Headers{{"webhook-id", swId},
                                {"webhook-timestamp", "yesterday"},
                                {"webhook-signature", swSignature}},
                        swBody, at(swTimestamp))
            << "No signature to check: the timestamp in webhook-timestamp is not a Unix time in seconds; the "
               "standard-webhooks scheme expects the headers webhook-id, webhook-timestamp, webhook-signature.";
        QTest::newRow("only a v2 entry")
            << standardWebhooksDelivery(swDecoyV2, swBody, swTimestamp)
            << "No signature to check: webhook-signature holds no signature in the standard-webhooks layout; the "
               "standard-webhooks scheme expects the headers webhook-id, webhook-timestamp, webhook-signature.";
    }

    void noSignature() {
        QFETCH(Delivery, delivery);
        QFETCH(QString, message);
        const SignatureVerdict verdict = verify(Kind::StandardWebhooks, delivery, swSecret);
        QCOMPARE(verdict.keyword(), QStringLiteral("no-signature"));
        QVERIFY(!verdict.isValid());
        QCOMPARE(verdict.message(), message);
    }

    void staleTimestamp() {
        // 400 s after the signed time, tolerance 300 s (Stripe's own RejectOutdatedTimestamp: tolerance + 100).
        SignatureVerdict verdict =
            verify(Kind::Stripe, stripeDelivery(stripeBody, stripeTimestamp + 400), stripeSecret);
        QCOMPARE(verdict.keyword(), QStringLiteral("stale-timestamp"));
        QCOMPARE(verdict.message(),
                 QStringLiteral("Signed with this endpoint's current secret, but its timestamp is 400 s (about 7 min) "
                                "older than the time received (tolerance 300 s): the clocks differ by that much, or "
                                "the delivery was replayed."));
        // Received before it was signed: the sender's clock is ahead.
        verdict =
            verify(Kind::StandardWebhooks, standardWebhooksDelivery(swSignature, swBody, swTimestamp - 7200), swSecret);
        QCOMPARE(verdict.diagnosis(), Diagnosis::StaleTimestamp);
        QCOMPARE(verdict.message(),
                 QStringLiteral("Signed with this endpoint's current secret, but its timestamp is 7200 s (about 2 h) "
                                "ahead of the time received (tolerance 300 s): the sender's clock runs that much "
                                "ahead of the receiver's."));
        // At the edge of the tolerance it is still valid.
        QCOMPARE(
            verify(Kind::StandardWebhooks, standardWebhooksDelivery(swSignature, swBody, swTimestamp + 300), swSecret)
                .keyword(),
            QStringLiteral("ok"));
    }

    void previousSecret() {
        const SignatureVerifier verifier(SignatureScheme::standard(Kind::StandardWebhooks));
        const SignatureVerifier::Secrets secrets{
            QStringLiteral("whsec_c2lnbmEtc3RhZ2luZy1zZWNyZXQ="),
            SignatureVerifier::PreviousSecret{swSecret, QDateTime(QDate(2021, 2, 25), QTime(15, 0), Qt::UTC)},
            {}};
        const SignatureVerdict verdict =
            verifier.verify(standardWebhooksDelivery(swSignature, swBody, swTimestamp), secrets);
        QCOMPARE(verdict.keyword(), QStringLiteral("previous-secret"));
        QCOMPARE(verdict.message(),
                 QStringLiteral("Signed with this endpoint's previous secret, replaced at 2021-02-25T15:00:00Z: the "
                                "signer still has the secret from before the rotation."));

        // shopify_app's own rotation: old_secret's hmac is the previous one's, secret's the current.
        const SignatureVerifier shopify(SignatureScheme::standard(Kind::Shopify));
        const SignatureVerifier::Secrets rotated{
            shopifyAppSecret,
            SignatureVerifier::PreviousSecret{shopifyAppOldSecret, QDateTime(QDate(2024, 5, 1), QTime(9, 30), Qt::UTC)},
            {}};
        QCOMPARE(shopify.verify(shopifyDelivery(shopifyAppOldHmac, shopifyAppBody), rotated).keyword(),
                 QStringLiteral("previous-secret"));
        QCOMPARE(shopify.verify(shopifyDelivery(shopifyAppHmac, shopifyAppBody), rotated).keyword(),
                 QStringLiteral("ok"));
    }

    void otherSecret() {
        const SignatureVerifier verifier(SignatureScheme::standard(Kind::GitHub));
        const SignatureVerifier::Secrets secrets{
            QStringLiteral("staging secret"),
            std::nullopt,
            {{QStringLiteral("an unrelated secret"), QStringLiteral("hook-1"), QStringLiteral("staging-layers")},
             {githubSecret, QStringLiteral("d4c71b62-7f08-4dc9-9d2c-8f7e2b9c4411"), QStringLiteral("prod-layers")}}};
        const SignatureVerdict verdict = verifier.verify(githubDelivery(), secrets);
        QCOMPARE(verdict.keyword(), QStringLiteral("other-secret"));
        QCOMPARE(verdict.message(), QStringLiteral("Signed with the secret of endpoint "
                                                   "d4c71b62-7f08-4dc9-9d2c-8f7e2b9c4411 on connection "
                                                   "\"prod-layers\", not this endpoint's: a secret from another "
                                                   "endpoint or environment is in use."));
        QVERIFY(!verdict.message().contains(githubSecret));
    }

    void bodyReencoded_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<Delivery>("delivery");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("message");
        // A framework parsed {"test": 2432232314} and wrote it back compactly.
        QTest::newRow("JSON compacted") << int(Kind::StandardWebhooks)
                                        << standardWebhooksDelivery(swSignature, R"({"test":2432232314})", swTimestamp)
                                        << swSecret
                                        << "Valid for the body with the JSON laid out with a space after each comma "
                                           "and colon: the body was re-encoded before verification; verify the raw "
                                           "bytes.";
        QTest::newRow("JSON indented by 4")
            << int(Kind::Stripe) << stripeDelivery(QByteArray(stripeBody).replace("  ", "    "), stripeTimestamp)
            << stripeSecret
            << "Valid for the body with the JSON indented by 2 spaces: the body was "
               "re-encoded before verification; verify the raw bytes.";
        QTest::newRow("CRLF") << int(Kind::Stripe)
                              << stripeDelivery(QByteArray(stripeBody).replace("\n", "\r\n"), stripeTimestamp)
                              << stripeSecret
                              << "Valid for the body with its CRLF line endings turned into LF: the body was "
                                 "re-encoded before verification; verify the raw bytes.";
        QTest::newRow("trailing newline added") << int(Kind::Slack) << slackDelivery(slackBody + '\n') << slackSecret
                                                << "Valid for the body with its trailing newline removed: the body was "
                                                   "re-encoded before verification; verify the raw bytes.";
        // shopify-app-js's {"foo": "bar"}, parsed and written back compactly (as PHP's json_encode does).
        QTest::newRow("shopify, JSON compacted")
            << int(Kind::Shopify) << shopifyDelivery(shopifyJsHmac, shopifyBody) << shopifyJsSecret
            << "Valid for the body with the JSON laid out with a space after each comma and colon: the body was "
               "re-encoded before verification; verify the raw bytes.";
        QTest::newRow("trailing newline removed")
            << int(Kind::Stripe) << stripeDelivery(stripeBody.chopped(1), stripeTimestamp) << stripeSecret
            << "Valid for the body with a trailing newline added: the body was "
               "re-encoded before verification; verify the raw bytes.";
    }

    void bodyReencoded() {
        QFETCH(int, kind);
        QFETCH(Delivery, delivery);
        QFETCH(QString, secret);
        QFETCH(QString, message);
        const SignatureVerdict verdict = verify(Kind(kind), delivery, secret);
        QCOMPARE(verdict.keyword(), QStringLiteral("body-reencoded"));
        QCOMPARE(verdict.message(), message);
    }

    void keyInterpretation() {
        // The profile says raw, but Standard Webhooks' vector was signed with the decoded key.
        const SignatureScheme raw =
            SignatureScheme::standard(Kind::StandardWebhooks).withKeyDerivation(SignatureScheme::KeyDerivation::Raw);
        SignatureVerdict verdict = SignatureVerifier(raw).verify(
            standardWebhooksDelivery(swSignature, swBody, swTimestamp), {swSecret, std::nullopt, {}});
        QCOMPARE(verdict.keyword(), QStringLiteral("key-interpretation"));
        QCOMPARE(verdict.message(),
                 QStringLiteral("Valid when the base64 after \"whsec_\" is decoded to make the key, not the whole "
                                "secret string as the profile says: the signer reads the secret differently."));
        // The reverse: the profile decodes, GitHub's vector used the secret string as it is.
        const SignatureScheme decoded = SignatureScheme::standard(Kind::GitHub)
                                            .withKeyDerivation(SignatureScheme::KeyDerivation::Base64AfterPrefix);
        verdict = SignatureVerifier(decoded).verify(githubDelivery(), {githubSecret, std::nullopt, {}});
        QCOMPARE(verdict.keyword(), QStringLiteral("key-interpretation"));
        QCOMPARE(verdict.message(),
                 QStringLiteral("Valid when the whole secret string is the key, not the base64 after \"whsec_\" "
                                "decoded as the profile says: the signer reads the secret differently."));
    }

    void encoding() {
        const SignatureScheme base64 =
            SignatureScheme::standard(Kind::GitHub).withEncoding(SignatureScheme::Encoding::Base64);
        SignatureVerdict verdict = SignatureVerifier(base64).verify(githubDelivery(), {githubSecret, std::nullopt, {}});
        QCOMPARE(verdict.keyword(), QStringLiteral("encoding"));
        QCOMPARE(verdict.message(), QStringLiteral("Valid when the signature is read as hex, not base64 as the profile "
                                                   "says: the signer encodes the MAC differently."));
        const SignatureScheme hex =
            SignatureScheme::standard(Kind::StandardWebhooks).withEncoding(SignatureScheme::Encoding::Hex);
        verdict = SignatureVerifier(hex).verify(standardWebhooksDelivery(swSignature, swBody, swTimestamp),
                                                {swSecret, std::nullopt, {}});
        QCOMPARE(verdict.keyword(), QStringLiteral("encoding"));
        QCOMPARE(verdict.message(), QStringLiteral("Valid when the signature is read as base64, not hex as the profile "
                                                   "says: the signer encodes the MAC differently."));
    }

    void otherScheme() {
        // The profile says Shopify; the delivery carries GitHub's header, valid under GitHub's scheme.
        SignatureVerdict verdict = verify(Kind::Shopify, githubDelivery(), githubSecret);
        QCOMPARE(verdict.keyword(), QStringLiteral("other-scheme"));
        QCOMPARE(verdict.message(), QStringLiteral("Valid under the github scheme (header X-Hub-Signature-256), not "
                                                   "shopify as the profile says: correct the profile's signature "
                                                   "section."));
        // The profile says Standard Webhooks; Stripe's vector arrives.
        verdict = verify(Kind::StandardWebhooks, stripeDelivery(stripeBody, stripeTimestamp), stripeSecret);
        QCOMPARE(verdict.keyword(), QStringLiteral("other-scheme"));
        QCOMPARE(verdict.message(), QStringLiteral("Valid under the stripe scheme (header Stripe-Signature), not "
                                                   "standard-webhooks as the profile says: correct the profile's "
                                                   "signature section."));
    }

    // A scheme checked in place of the profile's (verify --scheme): the diagnosis names it, and
    // does not blame the profile.
    void aSchemeOverridingTheProfileIsNamedAsChecked() {
        const SignatureScheme slack = SignatureScheme::standard(Kind::Slack).overridingProfile();
        SignatureVerdict verdict = SignatureVerifier(slack).verify(githubDelivery(), {githubSecret, std::nullopt, {}});
        QCOMPARE(verdict.keyword(), QStringLiteral("other-scheme"));
        QCOMPARE(verdict.message(), QStringLiteral("Valid under the github scheme (header X-Hub-Signature-256), not "
                                                   "slack, the scheme checked: the signer follows another scheme."));
        const SignatureScheme base64 =
            SignatureScheme::standard(Kind::GitHub).withEncoding(SignatureScheme::Encoding::Base64).overridingProfile();
        verdict = SignatureVerifier(base64).verify(githubDelivery(), {githubSecret, std::nullopt, {}});
        QCOMPARE(verdict.keyword(), QStringLiteral("encoding"));
        QCOMPARE(verdict.message(), QStringLiteral("Valid when the signature is read as hex, not base64 as the github "
                                                   "scheme does: the signer encodes the MAC differently."));
        const SignatureScheme raw = SignatureScheme::standard(Kind::StandardWebhooks)
                                        .withKeyDerivation(SignatureScheme::KeyDerivation::Raw)
                                        .overridingProfile();
        verdict = SignatureVerifier(raw).verify(standardWebhooksDelivery(swSignature, swBody, swTimestamp),
                                                {swSecret, std::nullopt, {}});
        QCOMPARE(verdict.keyword(), QStringLiteral("key-interpretation"));
        QCOMPARE(verdict.message(),
                 QStringLiteral("Valid when the base64 after \"whsec_\" is decoded to make the key, not the whole "
                                "secret string as the standard-webhooks scheme does: the signer reads the secret "
                                "differently."));
    }

    void mismatch() {
        const QString expected =
            QStringLiteral("No match: no secret of this endpoint or any other in the keychain, and no re-encoding "
                           "of the body, key reading, encoding or other scheme makes the signature valid; the body "
                           "was changed on the way, or it was signed with a secret not in the keychain.");
        // The Go library's "invalid signature is invalid" case.
        SignatureVerdict verdict =
            verify(Kind::StandardWebhooks, standardWebhooksDelivery(swDecoy, swBody, swTimestamp), swSecret);
        QCOMPARE(verdict.keyword(), QStringLiteral("mismatch"));
        QCOMPARE(verdict.message(), expected);
        // python-slack-sdk's test_is_valid_request_invalid_body: the body changed.
        verdict = verify(Kind::Slack, slackDelivery(slackBody + "------"), slackSecret);
        QCOMPARE(verdict.keyword(), QStringLiteral("mismatch"));
        QCOMPARE(verdict.message(), expected);
        // A changed body that is also late: the timestamp is mentioned, not blamed.
        verdict = verify(Kind::Stripe, stripeDelivery(stripeBody + "this_changes_the_json", stripeTimestamp + 90000),
                         stripeSecret);
        QCOMPARE(verdict.keyword(), QStringLiteral("mismatch"));
        QCOMPARE(verdict.message(),
                 expected + QStringLiteral(" Its timestamp is also 90000 s (about 25 h) off the time received "
                                           "(tolerance 300 s)."));
    }

    void verdictsNeverCarryASecretOrAMac() {
        const QList<SignatureVerdict> verdicts{
            verify(Kind::StandardWebhooks, standardWebhooksDelivery(swSignature, swBody, swTimestamp), swSecret),
            verify(Kind::StandardWebhooks, standardWebhooksDelivery(swDecoy, swBody, swTimestamp), swSecret),
            verify(Kind::GitHub, githubDelivery(), githubSecret),
            verify(Kind::Shopify, githubDelivery(), githubSecret)};
        for (const SignatureVerdict &verdict : verdicts) {
            for (const QString &secret : {swSecret, githubSecret, QStringLiteral("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")})
                QVERIFY2(!verdict.message().contains(secret), qPrintable(verdict.keyword()));
            for (const QByteArray &mac : {QByteArray("g0hM9SsE"), QByteArray("Ceo5qEr07"), QByteArray("757107ea")})
                QVERIFY2(!verdict.message().contains(QString::fromLatin1(mac)), qPrintable(verdict.keyword()));
        }
    }

    void keywordsAreStable() {
        QCOMPARE(SignatureVerdict::keyword(Diagnosis::Ok), QStringLiteral("ok"));
        QCOMPARE(SignatureVerdict::keyword(Diagnosis::NoSignature), QStringLiteral("no-signature"));
        QCOMPARE(SignatureVerdict::keyword(Diagnosis::StaleTimestamp), QStringLiteral("stale-timestamp"));
        QCOMPARE(SignatureVerdict::keyword(Diagnosis::OtherSecret), QStringLiteral("other-secret"));
        QCOMPARE(SignatureVerdict::keyword(Diagnosis::PreviousSecret), QStringLiteral("previous-secret"));
        QCOMPARE(SignatureVerdict::keyword(Diagnosis::BodyReencoded), QStringLiteral("body-reencoded"));
        QCOMPARE(SignatureVerdict::keyword(Diagnosis::KeyInterpretation), QStringLiteral("key-interpretation"));
        QCOMPARE(SignatureVerdict::keyword(Diagnosis::Encoding), QStringLiteral("encoding"));
        QCOMPARE(SignatureVerdict::keyword(Diagnosis::OtherScheme), QStringLiteral("other-scheme"));
        QCOMPARE(SignatureVerdict::keyword(Diagnosis::Mismatch), QStringLiteral("mismatch"));
    }
};

QTEST_GUILESS_MAIN(TestSignatureVerifier)
#include "tst_SignatureVerifier.moc"
