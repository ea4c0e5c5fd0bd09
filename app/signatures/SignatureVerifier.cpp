#include "SignatureVerifier.h"

#include "BodyReencodings.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <cstdlib>
#include <utility>

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("SignatureVerifier", text);
}

using Diagnosis = SignatureVerdict::Diagnosis;
using Encoding = SignatureScheme::Encoding;
using KeyDerivation = SignatureScheme::KeyDerivation;

// The HMAC key the scheme makes from a secret; nullopt when the secret cannot be decoded as it says.
std::optional<QByteArray> keyFor(const SignatureScheme &scheme, const QString &secret) {
    if (secret.isEmpty())
        return std::nullopt;
    if (scheme.keyDerivation() == KeyDerivation::Raw)
        return secret.toUtf8();
    // Standard Webhooks' libraries accept the secret with or without its prefix.
    const QString encoded = secret.startsWith(scheme.keyPrefix()) ? secret.mid(scheme.keyPrefix().size()) : secret;
    const auto decoded = QByteArray::fromBase64Encoding(encoded.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty() || encoded.toLatin1() != encoded.toUtf8())
        return std::nullopt;
    return decoded.decoded;
}

// An empty result for text that is not a MAC in that encoding.
QByteArray decodeMac(const QString &text, Encoding encoding) {
    const QByteArray bytes = text.toLatin1();
    if (text.isEmpty() || bytes != text.toUtf8())
        return {};
    if (encoding == Encoding::Hex) {
        static const QRegularExpression hex(QStringLiteral("^([0-9a-fA-F]{2})+$"));
        return hex.match(text).hasMatch() ? QByteArray::fromHex(bytes) : QByteArray();
    }
    const auto decoded = QByteArray::fromBase64Encoding(bytes, QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? decoded.decoded : QByteArray();
}

QString encodeMac(const QByteArray &mac, Encoding encoding) {
    return QString::fromLatin1(encoding == Encoding::Hex ? mac.toHex() : mac.toBase64());
}

// Compares every byte whatever the first difference, so the time taken says nothing about where
// a forged MAC goes wrong.
bool equalInConstantTime(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

// The template with its placeholders filled in one pass, so an id containing "{body}" stays text.
QByteArray signedContent(const QString &pattern, const QString &id, const QString &timestamp, const QByteArray &body) {
    QByteArray content;
    const QByteArray text = pattern.toUtf8();
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) == '{') {
            const qsizetype end = text.indexOf('}', i);
            const QByteArray name = end < 0 ? QByteArray() : text.mid(i + 1, end - i - 1);
            if (name == "id" || name == "timestamp" || name == "body") {
                content += name == "id" ? id.toUtf8() : name == "timestamp" ? timestamp.toUtf8() : body;
                i = end + 1;
                continue;
            }
        }
        content += text.at(i++);
    }
    return content;
}

QByteArray macOf(const QByteArray &key, const QByteArray &content) {
    return QMessageAuthenticationCode::hash(content, key, QCryptographicHash::Sha256);
}

QString describeSeconds(qint64 seconds) {
    seconds = std::llabs(seconds);
    if (seconds < 120)
        return tr("%1 s").arg(seconds);
    QString about;
    if (seconds < 2 * 3600)
        about = tr("%1 min").arg((seconds + 30) / 60);
    else if (seconds < 2 * 86400)
        about = tr("%1 h").arg((seconds + 1800) / 3600);
    else
        about = tr("%1 days").arg((seconds + 43200) / 86400);
    return tr("%1 s (about %2)").arg(seconds).arg(about);
}

QString encodingName(Encoding encoding) {
    return encoding == Encoding::Hex ? QStringLiteral("hex") : QStringLiteral("base64");
}

// Removes a fixed prefix ("sha256=", "v0=") from a header value; empty when it is not there.
QString afterPrefix(const QByteArray &value, const char *prefix) {
    const QString text = QString::fromLatin1(value);
    return text.startsWith(QLatin1String(prefix)) ? text.mid(int(qstrlen(prefix))) : QString();
}

} // namespace

SignatureVerifier::SignatureVerifier(SignatureScheme scheme)
    : m_scheme(std::move(scheme)) {}

std::optional<SignatureVerifier::SignedParts>
SignatureVerifier::readHeaders(const SignatureScheme &scheme, const Delivery &delivery, QString *problem) {
    const QByteArray value = delivery.header(scheme.signatureHeader());
    if (value.isNull()) {
        *problem = tr("%1 is missing").arg(scheme.signatureHeader());
        return std::nullopt;
    }
    SignedParts parts;
    if (!scheme.idHeader().isEmpty())
        parts.id = QString::fromUtf8(delivery.header(scheme.idHeader()));
    if (!scheme.timestampHeader().isEmpty())
        parts.timestamp = QString::fromLatin1(delivery.header(scheme.timestampHeader()));

    switch (scheme.kind()) {
    case SignatureScheme::Kind::StandardWebhooks:
        // "v1,<sig> v1,<sig2>": several during a rotation; other versions (v1a: asymmetric) are skipped.
        for (const QString &entry : QString::fromLatin1(value).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (entry.startsWith(QLatin1String("v1,")))
                parts.signatures << entry.mid(3);
        }
        break;
    case SignatureScheme::Kind::Stripe:
        // "t=<unix>,v1=<hex>[,v1=<hex>]"; v0 and other schemes' entries are not HMAC-SHA256 of ours.
        for (const QString &entry : QString::fromLatin1(value).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString trimmed = entry.trimmed();
            if (trimmed.startsWith(QLatin1String("t=")))
                parts.timestamp = trimmed.mid(2);
            else if (trimmed.startsWith(QLatin1String("v1=")))
                parts.signatures << trimmed.mid(3);
        }
        break;
    case SignatureScheme::Kind::GitHub:
        if (const QString mac = afterPrefix(value, "sha256="); !mac.isEmpty())
            parts.signatures << mac;
        break;
    case SignatureScheme::Kind::Shopify:
        parts.signatures << QString::fromLatin1(value);
        break;
    case SignatureScheme::Kind::Slack:
        if (const QString mac = afterPrefix(value, "v0="); !mac.isEmpty())
            parts.signatures << mac;
        break;
    }
    parts.signatures.removeAll(QString());

    if (parts.signatures.isEmpty()) {
        *problem = tr("%1 holds no signature in the %2 layout")
                       .arg(scheme.signatureHeader(), SignatureScheme::kindName(scheme.kind()));
        return std::nullopt;
    }
    if (scheme.signedContent().contains(QLatin1String("{id}")) && parts.id.isEmpty()) {
        *problem = tr("%1 is missing").arg(scheme.idHeader());
        return std::nullopt;
    }
    if (scheme.hasTimestamp()) {
        const QString where = scheme.timestampHeader().isEmpty() ? scheme.signatureHeader() : scheme.timestampHeader();
        if (parts.timestamp.isEmpty()) {
            *problem = tr("%1 carries no timestamp").arg(where);
            return std::nullopt;
        }
        static const QRegularExpression unixSeconds(QStringLiteral("^[0-9]{1,12}$"));
        if (!unixSeconds.match(parts.timestamp).hasMatch()) {
            *problem = tr("the timestamp in %1 is not a Unix time in seconds").arg(where);
            return std::nullopt;
        }
    }
    return parts;
}

int SignatureVerifier::matchingSignature(const SignatureScheme &scheme, const SignedParts &parts,
                                         const QByteArray &body, const QString &secret) {
    const std::optional<QByteArray> key = keyFor(scheme, secret);
    if (!key)
        return -1;
    const QByteArray mac = macOf(*key, signedContent(scheme.signedContent(), parts.id, parts.timestamp, body));
    for (int i = 0; i < parts.signatures.size(); ++i) {
        if (equalInConstantTime(mac, decodeMac(parts.signatures.at(i), scheme.encoding())))
            return i;
    }
    return -1;
}

std::optional<qint64> SignatureVerifier::timestampOffset(const SignedParts &parts, const Delivery &delivery) const {
    if (!m_scheme.hasTimestamp() || parts.timestamp.isEmpty() || !delivery.receivedAt().isValid())
        return std::nullopt;
    return delivery.receivedAt().toSecsSinceEpoch() - parts.timestamp.toLongLong();
}

bool SignatureVerifier::isWithinTolerance(qint64 offset) const {
    return m_scheme.toleranceSeconds() <= 0 || std::llabs(offset) <= m_scheme.toleranceSeconds();
}

SignatureVerdict SignatureVerifier::verify(const Delivery &delivery, const Secrets &secrets) const {
    QString problem;
    const std::optional<SignedParts> parts = readHeaders(m_scheme, delivery, &problem);
    if (!parts) {
        if (auto verdict = checkOtherSchemes(delivery, secrets))
            return *verdict;
        return SignatureVerdict(Diagnosis::NoSignature,
                                tr("No signature to check: %1; the %2 scheme expects the headers %3.")
                                    .arg(problem, SignatureScheme::kindName(m_scheme.kind()),
                                         m_scheme.headerNames().join(QStringLiteral(", "))));
    }
    for (const auto check : {&SignatureVerifier::checkCurrentSecret, &SignatureVerifier::checkPreviousSecret,
                             &SignatureVerifier::checkOtherSecrets, &SignatureVerifier::checkReencodedBody,
                             &SignatureVerifier::checkKeyInterpretation, &SignatureVerifier::checkEncoding}) {
        if (auto verdict = (this->*check)(*parts, delivery, secrets))
            return *verdict;
    }
    if (auto verdict = checkOtherSchemes(delivery, secrets))
        return *verdict;
    return mismatch(*parts, delivery, secrets);
}

std::optional<SignatureVerdict> SignatureVerifier::checkCurrentSecret(const SignedParts &parts,
                                                                      const Delivery &delivery,
                                                                      const Secrets &secrets) const {
    const int index = matchingSignature(m_scheme, parts, delivery.body(), secrets.current);
    if (index < 0)
        return std::nullopt;
    if (const auto offset = timestampOffset(parts, delivery); offset && !isWithinTolerance(*offset)) {
        const QString message =
            *offset > 0 ? tr("Signed with this endpoint's current secret, but its timestamp is %1 older than the "
                             "time received (tolerance %2 s): the clocks differ by that much, or the delivery was "
                             "replayed.")
                        : tr("Signed with this endpoint's current secret, but its timestamp is %1 ahead of the time "
                             "received (tolerance %2 s): the sender's clock runs that much ahead of the receiver's.");
        return SignatureVerdict(Diagnosis::StaleTimestamp,
                                message.arg(describeSeconds(*offset)).arg(m_scheme.toleranceSeconds()));
    }
    if (parts.signatures.size() > 1)
        return SignatureVerdict(Diagnosis::Ok, tr("Valid: signature %1 of %2 matches this endpoint's current secret.")
                                                   .arg(index + 1)
                                                   .arg(parts.signatures.size()));
    return SignatureVerdict(Diagnosis::Ok, tr("Valid: signed with this endpoint's current secret."));
}

std::optional<SignatureVerdict> SignatureVerifier::checkPreviousSecret(const SignedParts &parts,
                                                                       const Delivery &delivery,
                                                                       const Secrets &secrets) const {
    if (!secrets.previous || matchingSignature(m_scheme, parts, delivery.body(), secrets.previous->secret) < 0)
        return std::nullopt;
    return SignatureVerdict(Diagnosis::PreviousSecret,
                            tr("Signed with this endpoint's previous secret, replaced at %1: the signer still has "
                               "the secret from before the rotation.")
                                .arg(secrets.previous->replacedAt.toUTC().toString(Qt::ISODate)));
}

std::optional<SignatureVerdict> SignatureVerifier::checkOtherSecrets(const SignedParts &parts, const Delivery &delivery,
                                                                     const Secrets &secrets) const {
    for (const OtherSecret &other : secrets.others) {
        if (matchingSignature(m_scheme, parts, delivery.body(), other.secret) >= 0)
            return SignatureVerdict(Diagnosis::OtherSecret,
                                    tr("Signed with the secret of endpoint %1 on connection \"%2\", not this "
                                       "endpoint's: a secret from another endpoint or environment is in use.")
                                        .arg(other.endpointId, other.connectionName));
    }
    return std::nullopt;
}

std::optional<SignatureVerdict> SignatureVerifier::checkReencodedBody(const SignedParts &parts,
                                                                      const Delivery &delivery,
                                                                      const Secrets &secrets) const {
    for (const BodyReencodings::Variant &variant : BodyReencodings::of(delivery.body())) {
        if (matchingSignature(m_scheme, parts, variant.body, secrets.current) >= 0)
            return SignatureVerdict(Diagnosis::BodyReencoded,
                                    tr("Valid for the body with %1: the body was re-encoded before verification; "
                                       "verify the raw bytes.")
                                        .arg(variant.description));
    }
    return std::nullopt;
}

std::optional<SignatureVerdict> SignatureVerifier::checkKeyInterpretation(const SignedParts &parts,
                                                                          const Delivery &delivery,
                                                                          const Secrets &secrets) const {
    const bool decodes = m_scheme.keyDerivation() == KeyDerivation::Base64AfterPrefix;
    const SignatureScheme other =
        m_scheme.withKeyDerivation(decodes ? KeyDerivation::Raw : KeyDerivation::Base64AfterPrefix);
    if (matchingSignature(other, parts, delivery.body(), secrets.current) < 0)
        return std::nullopt;
    const QString prefix = decodes ? m_scheme.keyPrefix() : other.keyPrefix();
    if (m_scheme.overridesProfile()) {
        const QString message =
            decodes ? tr("Valid when the whole secret string is the key, not the base64 after \"%1\" decoded as the "
                         "%2 scheme does: the signer reads the secret differently.")
                    : tr("Valid when the base64 after \"%1\" is decoded to make the key, not the whole secret "
                         "string as the %2 scheme does: the signer reads the secret differently.");
        return SignatureVerdict(Diagnosis::KeyInterpretation,
                                message.arg(prefix, SignatureScheme::kindName(m_scheme.kind())));
    }
    const QString message =
        decodes ? tr("Valid when the whole secret string is the key, not the base64 after \"%1\" decoded as the "
                     "profile says: the signer reads the secret differently.")
                : tr("Valid when the base64 after \"%1\" is decoded to make the key, not the whole secret string "
                     "as the profile says: the signer reads the secret differently.");
    return SignatureVerdict(Diagnosis::KeyInterpretation, message.arg(prefix));
}

std::optional<SignatureVerdict> SignatureVerifier::checkEncoding(const SignedParts &parts, const Delivery &delivery,
                                                                 const Secrets &secrets) const {
    const Encoding otherEncoding = m_scheme.encoding() == Encoding::Hex ? Encoding::Base64 : Encoding::Hex;
    if (matchingSignature(m_scheme.withEncoding(otherEncoding), parts, delivery.body(), secrets.current) < 0)
        return std::nullopt;
    if (m_scheme.overridesProfile())
        return SignatureVerdict(Diagnosis::Encoding,
                                tr("Valid when the signature is read as %1, not %2 as the %3 scheme does: the signer "
                                   "encodes the MAC differently.")
                                    .arg(encodingName(otherEncoding), encodingName(m_scheme.encoding()),
                                         SignatureScheme::kindName(m_scheme.kind())));
    return SignatureVerdict(Diagnosis::Encoding,
                            tr("Valid when the signature is read as %1, not %2 as the profile says: the signer "
                               "encodes the MAC differently.")
                                .arg(encodingName(otherEncoding), encodingName(m_scheme.encoding())));
}

std::optional<SignatureVerdict> SignatureVerifier::checkOtherSchemes(const Delivery &delivery,
                                                                     const Secrets &secrets) const {
    for (const SignatureScheme::Kind kind : SignatureScheme::kinds()) {
        if (kind == m_scheme.kind())
            continue;
        const SignatureScheme standard = SignatureScheme::standard(kind);
        QString problem;
        const std::optional<SignedParts> parts = readHeaders(standard, delivery, &problem);
        if (!parts)
            continue;
        for (const KeyDerivation derivation : {KeyDerivation::Raw, KeyDerivation::Base64AfterPrefix}) {
            if (matchingSignature(standard.withKeyDerivation(derivation), *parts, delivery.body(), secrets.current) < 0)
                continue;
            const QString message = m_scheme.overridesProfile()
                                        ? tr("Valid under the %1 scheme (header %2), not %3, the scheme checked: the "
                                             "signer follows another scheme.")
                                        : tr("Valid under the %1 scheme (header %2), not %3 as the profile says: "
                                             "correct the profile's signature section.");
            return SignatureVerdict(Diagnosis::OtherScheme,
                                    message.arg(SignatureScheme::kindName(kind), standard.signatureHeader(),
                                                SignatureScheme::kindName(m_scheme.kind())));
        }
    }
    return std::nullopt;
}

SignatureVerdict SignatureVerifier::mismatch(const SignedParts &parts, const Delivery &delivery,
                                             const Secrets &secrets) const {
    QString message =
        secrets.othersNotTried > 0
            ? tr("No match: no secret of this endpoint, nor any of the other endpoints' secrets newest on record in "
                 "the keychain (%1 more on record were not tried), and no re-encoding of the body, key reading, "
                 "encoding "
                 "or other scheme makes the signature valid; the body was changed on the way, or it was signed with a "
                 "secret not tried.")
                  .arg(secrets.othersNotTried)
            : tr("No match: no secret of this endpoint or any other in the keychain, and no re-encoding of "
                 "the body, key reading, encoding or other scheme makes the signature valid; the body was "
                 "changed on the way, or it was signed with a secret not in the keychain.");
    if (const auto offset = timestampOffset(parts, delivery); offset && !isWithinTolerance(*offset))
        message += QLatin1Char(' ') + tr("Its timestamp is also %1 off the time received (tolerance %2 s).")
                                          .arg(describeSeconds(*offset))
                                          .arg(m_scheme.toleranceSeconds());
    return SignatureVerdict(Diagnosis::Mismatch, message);
}

std::optional<QList<QPair<QString, QString>>> SignatureVerifier::signedHeaders(const QByteArray &body,
                                                                               const QString &secret, const QString &id,
                                                                               qint64 timestamp) const {
    const std::optional<QByteArray> key = keyFor(m_scheme, secret);
    if (!key)
        return std::nullopt;
    const QString time = QString::number(timestamp);
    const QString mac =
        encodeMac(macOf(*key, signedContent(m_scheme.signedContent(), id, time, body)), m_scheme.encoding());
    QList<QPair<QString, QString>> headers;
    if (m_scheme.signedContent().contains(QLatin1String("{id}")) && !m_scheme.idHeader().isEmpty())
        headers << qMakePair(m_scheme.idHeader(), id);
    if (m_scheme.hasTimestamp() && !m_scheme.timestampHeader().isEmpty())
        headers << qMakePair(m_scheme.timestampHeader(), time);
    QString value;
    switch (m_scheme.kind()) {
    case SignatureScheme::Kind::StandardWebhooks:
        value = QStringLiteral("v1,") + mac;
        break;
    case SignatureScheme::Kind::Stripe:
        value = QStringLiteral("t=%1,v1=%2").arg(time, mac);
        break;
    case SignatureScheme::Kind::GitHub:
        value = QStringLiteral("sha256=") + mac;
        break;
    case SignatureScheme::Kind::Shopify:
        value = mac;
        break;
    case SignatureScheme::Kind::Slack:
        value = QStringLiteral("v0=") + mac;
        break;
    }
    headers << qMakePair(m_scheme.signatureHeader(), value);
    return headers;
}
