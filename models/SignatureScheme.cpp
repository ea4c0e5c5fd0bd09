#include "SignatureScheme.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("SignatureScheme", text);
}

// Remembers the first problem, as ProviderProfile's reader does, so the report names one key.
class SectionReader {
public:
    bool failed() const { return !m_key.isEmpty(); }
    QString key() const { return m_key; }
    QString why() const { return m_why; }

    void fail(const QString &key, const QString &why) {
        if (m_key.isEmpty()) {
            m_key = QStringLiteral("signature.") + key;
            m_why = why;
        }
    }

    QString string(const QJsonObject &parent, const QString &key, const QString &path, bool required = true) {
        const QJsonValue value = parent.value(key);
        if (value.isString() && (!required || !value.toString().isEmpty()))
            return value.toString();
        if (required || !(value.isUndefined() || value.isNull()))
            fail(path, required ? tr("expected a non-empty string") : tr("expected a string"));
        return {};
    }

private:
    QString m_key;
    QString m_why;
};

// The placeholders a signed-content template may use, and nothing else in braces.
bool templateIsWellFormed(const QString &text) {
    static const QRegularExpression placeholder(QStringLiteral("\\{([^}]*)\\}"));
    auto it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (name != QLatin1String("id") && name != QLatin1String("timestamp") && name != QLatin1String("body"))
            return false;
    }
    return text.count(QLatin1String("{body}")) == 1;
}

} // namespace

QList<SignatureScheme::Kind> SignatureScheme::kinds() {
    return {Kind::StandardWebhooks, Kind::Stripe, Kind::GitHub, Kind::Shopify, Kind::Slack};
}

QString SignatureScheme::kindName(Kind kind) {
    switch (kind) {
    case Kind::StandardWebhooks:
        return QStringLiteral("standard-webhooks");
    case Kind::Stripe:
        return QStringLiteral("stripe");
    case Kind::GitHub:
        return QStringLiteral("github");
    case Kind::Shopify:
        return QStringLiteral("shopify");
    case Kind::Slack:
        return QStringLiteral("slack");
    }
    return {};
}

std::optional<SignatureScheme::Kind> SignatureScheme::kindFromName(const QString &name) {
    for (const Kind kind : kinds()) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

SignatureScheme SignatureScheme::standard(Kind kind) {
    SignatureScheme scheme;
    scheme.m_stated = true;
    scheme.m_kind = kind;
    scheme.m_keyDerivation = KeyDerivation::Raw;
    switch (kind) {
    case Kind::StandardWebhooks:
        scheme.m_idHeader = QStringLiteral("webhook-id");
        scheme.m_timestampHeader = QStringLiteral("webhook-timestamp");
        scheme.m_signatureHeader = QStringLiteral("webhook-signature");
        scheme.m_signedContent = QStringLiteral("{id}.{timestamp}.{body}");
        scheme.m_encoding = Encoding::Base64;
        scheme.m_keyDerivation = KeyDerivation::Base64AfterPrefix;
        scheme.m_keyPrefix = QStringLiteral("whsec_");
        scheme.m_toleranceSeconds = 300;
        scheme.m_severalSignatures = true;
        break;
    case Kind::Stripe:
        scheme.m_signatureHeader = QStringLiteral("Stripe-Signature");
        scheme.m_signedContent = QStringLiteral("{timestamp}.{body}");
        scheme.m_encoding = Encoding::Hex;
        scheme.m_toleranceSeconds = 300;
        scheme.m_severalSignatures = true;
        break;
    case Kind::GitHub:
        scheme.m_signatureHeader = QStringLiteral("X-Hub-Signature-256");
        scheme.m_signedContent = QStringLiteral("{body}");
        scheme.m_encoding = Encoding::Hex;
        break;
    case Kind::Shopify:
        scheme.m_signatureHeader = QStringLiteral("X-Shopify-Hmac-Sha256");
        scheme.m_signedContent = QStringLiteral("{body}");
        scheme.m_encoding = Encoding::Base64;
        break;
    case Kind::Slack:
        scheme.m_timestampHeader = QStringLiteral("X-Slack-Request-Timestamp");
        scheme.m_signatureHeader = QStringLiteral("X-Slack-Signature");
        scheme.m_signedContent = QStringLiteral("v0:{timestamp}:{body}");
        scheme.m_encoding = Encoding::Hex;
        scheme.m_toleranceSeconds = 300;
        break;
    }
    return scheme;
}

std::optional<SignatureScheme> SignatureScheme::fromJson(const QJsonObject &json, QString *errorKey, QString *error) {
    if (json.isEmpty())
        return SignatureScheme();
    SectionReader reader;

    const QString kindText = reader.string(json, QStringLiteral("scheme"), QStringLiteral("scheme"));
    const std::optional<Kind> kind = kindFromName(kindText);
    if (!kind && !reader.failed())
        reader.fail(QStringLiteral("scheme"), tr("expected standard-webhooks, stripe, github, shopify or slack"));
    SignatureScheme scheme = standard(kind.value_or(Kind::StandardWebhooks));
    scheme.m_assumed = json.value(QStringLiteral("assumed")).toBool(false);

    const QJsonValue headersValue = json.value(QStringLiteral("headers"));
    if (!headersValue.isObject() && !reader.failed())
        reader.fail(QStringLiteral("headers"), tr("expected an object"));
    const QJsonObject headers = headersValue.toObject();
    scheme.m_signatureHeader = reader.string(headers, QStringLiteral("signature"), QStringLiteral("headers.signature"));
    scheme.m_idHeader = reader.string(headers, QStringLiteral("id"), QStringLiteral("headers.id"), false);
    scheme.m_timestampHeader =
        reader.string(headers, QStringLiteral("timestamp"), QStringLiteral("headers.timestamp"), false);

    scheme.m_signedContent = reader.string(json, QStringLiteral("signedContent"), QStringLiteral("signedContent"));
    if (!reader.failed() && !templateIsWellFormed(scheme.m_signedContent))
        reader.fail(QStringLiteral("signedContent"),
                    tr("expected a template with {body} once and no placeholders but {id} and {timestamp}"));
    if (!reader.failed() && scheme.m_signedContent.contains(QLatin1String("{id}")) && scheme.m_idHeader.isEmpty())
        reader.fail(QStringLiteral("headers.id"), tr("signedContent uses {id}, so a header must carry it"));
    // Stripe's timestamp sits in its signature header (t=); every other layout needs a header for it.
    if (!reader.failed() && scheme.hasTimestamp() && scheme.m_kind != Kind::Stripe &&
        scheme.m_timestampHeader.isEmpty())
        reader.fail(QStringLiteral("headers.timestamp"),
                    tr("signedContent uses {timestamp}, so a header must carry it"));

    const QString algorithm = reader.string(json, QStringLiteral("algorithm"), QStringLiteral("algorithm"));
    if (!reader.failed() && algorithm != QLatin1String("HMAC-SHA256"))
        reader.fail(QStringLiteral("algorithm"), tr("only HMAC-SHA256 is understood"));

    const QString encoding = reader.string(json, QStringLiteral("encoding"), QStringLiteral("encoding"));
    if (encoding == QLatin1String("base64"))
        scheme.m_encoding = Encoding::Base64;
    else if (encoding == QLatin1String("hex"))
        scheme.m_encoding = Encoding::Hex;
    else if (!reader.failed())
        reader.fail(QStringLiteral("encoding"), tr("expected base64 or hex"));

    const QString key = reader.string(json, QStringLiteral("key"), QStringLiteral("key"));
    if (key == QLatin1String("base64-after-prefix"))
        scheme.m_keyDerivation = KeyDerivation::Base64AfterPrefix;
    else if (key == QLatin1String("raw"))
        scheme.m_keyDerivation = KeyDerivation::Raw;
    else if (!reader.failed())
        reader.fail(QStringLiteral("key"), tr("expected base64-after-prefix or raw"));
    scheme.m_keyPrefix = reader.string(json, QStringLiteral("keyPrefix"), QStringLiteral("keyPrefix"), false);
    if (!reader.failed() && scheme.m_keyDerivation == KeyDerivation::Base64AfterPrefix && scheme.m_keyPrefix.isEmpty())
        scheme.m_keyPrefix = QStringLiteral("whsec_");

    const QJsonValue tolerance = json.value(QStringLiteral("toleranceSeconds"));
    const double seconds = tolerance.toDouble(-1);
    if (!tolerance.isDouble() || seconds < 0 || seconds > 86400 * 366 || seconds != static_cast<int>(seconds)) {
        if (!reader.failed())
            reader.fail(QStringLiteral("toleranceSeconds"), tr("expected a whole number of seconds, 0 for none"));
    } else {
        scheme.m_toleranceSeconds = static_cast<int>(seconds);
    }

    const QJsonValue several = json.value(QStringLiteral("multipleSignatures"));
    if (!several.isBool() && !reader.failed())
        reader.fail(QStringLiteral("multipleSignatures"), tr("expected true or false"));
    scheme.m_severalSignatures = several.toBool(false);

    if (reader.failed()) {
        if (errorKey)
            *errorKey = reader.key();
        if (error)
            *error = reader.why();
        return std::nullopt;
    }
    return scheme;
}

QStringList SignatureScheme::headerNames() const {
    QStringList names;
    for (const QString &name : {m_idHeader, m_timestampHeader, m_signatureHeader}) {
        if (!name.isEmpty())
            names << name;
    }
    return names;
}

SignatureScheme SignatureScheme::withEncoding(Encoding encoding) const {
    SignatureScheme copy = *this;
    copy.m_encoding = encoding;
    return copy;
}

SignatureScheme SignatureScheme::overridingProfile() const {
    SignatureScheme copy = *this;
    copy.m_overridesProfile = true;
    return copy;
}

SignatureScheme SignatureScheme::withKeyDerivation(KeyDerivation derivation) const {
    SignatureScheme copy = *this;
    copy.m_keyDerivation = derivation;
    if (derivation == KeyDerivation::Base64AfterPrefix && copy.m_keyPrefix.isEmpty())
        copy.m_keyPrefix = QStringLiteral("whsec_");
    return copy;
}
