#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// How a provider signs its deliveries, as its profile's "signature" section states it: which
// scheme's header format, the header names, what is signed (a template of {id}, {timestamp} and
// {body}), the MAC's encoding, how the HMAC key is made from the signing secret, the timestamp
// tolerance and whether several signatures may arrive at once (during a rotation).
// The scheme (kind) decides only how the signature header is laid out; everything else is data,
// so a user profile can correct it without a rebuild.
class SignatureScheme final {
public:
    enum class Kind { StandardWebhooks, Stripe, GitHub, Shopify, Slack };
    enum class Encoding { Base64, Hex };
    // Base64AfterPrefix: strip keyPrefix ("whsec_") and base64-decode the rest (Standard Webhooks).
    // Raw: the whole secret string's UTF-8 bytes (Stripe, GitHub, Shopify, Slack).
    enum class KeyDerivation { Base64AfterPrefix, Raw };

    // Reads a "signature" object. An empty one states nothing (isStated() is false). On a
    // malformed one returns nullopt, sets *errorKey to the key path ("signature.encoding") and
    // *error to why.
    static std::optional<SignatureScheme> fromJson(const QJsonObject &json, QString *errorKey, QString *error);
    // The scheme as its own documentation defines it, with its usual header names.
    static SignatureScheme standard(Kind kind);
    static QList<Kind> kinds();
    // "standard-webhooks", "stripe", ...: the words profiles and --scheme use.
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);

    bool isStated() const { return m_stated; }
    Kind kind() const { return m_kind; }
    QString idHeader() const { return m_idHeader; }               // empty where nothing carries an id
    QString timestampHeader() const { return m_timestampHeader; } // empty: none, or inside the signature header
    QString signatureHeader() const { return m_signatureHeader; }
    QString signedContent() const { return m_signedContent; } // "{id}.{timestamp}.{body}"
    Encoding encoding() const { return m_encoding; }
    KeyDerivation keyDerivation() const { return m_keyDerivation; }
    QString keyPrefix() const { return m_keyPrefix; }
    int toleranceSeconds() const { return m_toleranceSeconds; } // 0: the timestamp is not checked
    bool allowsSeveralSignatures() const { return m_severalSignatures; }
    bool isAssumed() const { return m_assumed; }
    // Whether the signed content or the header carries a timestamp at all.
    bool hasTimestamp() const { return m_signedContent.contains(QLatin1String("{timestamp}")); }
    // The headers a signed delivery carries, for "which headers would be expected".
    QStringList headerNames() const;

    SignatureScheme withEncoding(Encoding encoding) const;
    SignatureScheme withKeyDerivation(KeyDerivation derivation) const;
    // This scheme checked in place of the profile's (webhookctl verify --scheme): a diagnosis then
    // names this scheme as what was checked, and does not send the operator to the profile.
    SignatureScheme overridingProfile() const;
    bool overridesProfile() const { return m_overridesProfile; }

private:
    bool m_stated = false;
    Kind m_kind = Kind::StandardWebhooks;
    QString m_idHeader;
    QString m_timestampHeader;
    QString m_signatureHeader;
    QString m_signedContent;
    Encoding m_encoding = Encoding::Base64;
    KeyDerivation m_keyDerivation = KeyDerivation::Raw;
    QString m_keyPrefix;
    int m_toleranceSeconds = 0;
    bool m_severalSignatures = false;
    bool m_assumed = false;
    bool m_overridesProfile = false;
};
